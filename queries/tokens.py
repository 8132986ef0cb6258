"""Split Cypher text into bare words, skipping strings, comments and backtick-quoted names.

Both the write check (:mod:`kg.queries.readonly`) and parameter inlining
(:func:`inline_null_parameters`) must see the statement as the engine does: the letters of a
string literal or a comment are not clauses or parameters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Token:
    """A bare word of a statement and the character just before it (ignoring spaces)."""

    word: str
    offset: int
    previous: str  # "" at the start


def bare_words(text: str) -> Iterator[Token]:
    """The words of ``text`` outside strings, comments and backtick-quoted names."""
    i, n = 0, len(text)
    previous = ""
    while i < n:
        ch = text[i]
        if ch in "'\"":
            i = _skip_string(text, i)
            previous = ch
        elif ch == "`":
            end = text.find("`", i + 1)
            i = n if end < 0 else end + 1
            previous = "`"
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif ch.isalpha() or ch == "_":
            match = _WORD_RE.match(text, i)
            end = match.end() if match else i + 1
            yield Token(text[i:end], i, previous)
            previous = "a"
            i = end
        elif ch.isdigit():
            while i < n and (text[i].isalnum() or text[i] in "._"):
                i += 1  # numbers such as 1e5 or 0x1F are not words
            previous = "0"
        else:
            if not ch.isspace():
                previous = ch
            i += 1


def _skip_string(text: str, start: int) -> int:
    """The index after the string literal opening at ``start`` (backslash escapes honoured)."""
    quote = text[start]
    i = start + 1
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            return i + 1
        i += 1
    return len(text)


def inline_null_parameters(text: str, params: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """Replace ``$name`` by the literal ``null`` for every parameter whose value is None.

    The embedded engine types a null parameter as BOOLEAN, so ``i.year = $year`` fails to bind
    when ``$year`` is null; the literal ``null`` binds to any type. Neo4j treats both the same.
    """
    nulls = {name for name, value in params.items() if value is None}
    pieces: list[str] = []
    last = 0
    for token in bare_words(text):
        if token.previous == "$" and token.word in nulls:
            dollar = text.rindex("$", 0, token.offset)
            pieces += [text[last:dollar], "null"]
            last = token.offset + len(token.word)
    pieces.append(text[last:])
    return "".join(pieces), {k: v for k, v in params.items() if v is not None}
