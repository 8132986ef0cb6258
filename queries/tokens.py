"""Split Cypher text into bare words, skipping strings, comments and backtick-quoted names.

Both the write check (:mod:`kg.queries.readonly`) and parameter inlining
(:func:`inline_parameters`) must see the statement as the engine does: the letters of a
string literal or a comment are not clauses or parameters.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

_WORD_RE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


@dataclass(frozen=True)
class Token:
    """A bare word of a statement and the character just before it (ignoring spaces)."""

    word: str
    offset: int
    previous: str  # "" at the start


@dataclass(frozen=True)
class Lexeme:
    """A span of Cypher text: a word, number, string, quoted name, comment or punctuation mark."""

    kind: str  # "word" | "number" | "string" | "name" | "comment" | "punct"
    start: int
    end: int


def lexemes(text: str) -> Iterator[Lexeme]:
    """Cut ``text`` into lexemes (white space is skipped); unterminated strings run to the end."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        if ch in "'\"":
            kind, end = "string", _skip_string(text, i)
        elif ch == "`":
            close = text.find("`", i + 1)
            kind, end = "name", n if close < 0 else close + 1
        elif text.startswith("//", i):
            close = text.find("\n", i)
            kind, end = "comment", n if close < 0 else close + 1
        elif text.startswith("/*", i):
            close = text.find("*/", i + 2)
            kind, end = "comment", n if close < 0 else close + 2
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            match = _WORD_RE.match(text, i)
            kind, end = "word", match.end() if match else i + 1
        elif ch.isdigit():
            end = i
            while end < n and (text[end].isalnum() or text[end] in "._"):
                end += 1  # numbers such as 1e5 or 0x1F are not words
            kind = "number"
        else:
            kind, end = "punct", i + 1
        yield Lexeme(kind, i, end)
        i = end


def bare_words(text: str) -> Iterator[Token]:
    """The words of ``text`` outside strings, comments and backtick-quoted names."""
    previous = ""
    for lexeme in lexemes(text):
        if lexeme.kind == "comment":
            continue  # a comment does not separate a word from the mark before it
        if lexeme.kind == "word":
            yield Token(text[lexeme.start : lexeme.end], lexeme.start, previous)
        previous = {"word": "a", "number": "0", "string": "'", "name": "`"}.get(
            lexeme.kind, text[lexeme.start]
        )


def split_statements(text: str) -> tuple[list[str], str]:
    """Complete ``;``-terminated statements of ``text`` (without the ``;``) and the unfinished rest."""
    statements: list[str] = []
    begin = 0
    for lexeme in lexemes(text):
        if lexeme.kind == "punct" and text[lexeme.start] == ";":
            statement = text[begin : lexeme.start].strip()
            if statement:
                statements.append(statement)
            begin = lexeme.end
    return statements, text[begin:]


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
    return inline_parameters(text, params, {name for name, value in params.items() if value is None})


def inline_parameters(
    text: str, params: Mapping[str, Any], names: Collection[str]
) -> tuple[str, dict[str, Any]]:
    """Replace ``$name`` by its value written as a Cypher literal, for each of ``names``.

    Values must be None, booleans, integers or strings (:func:`cypher_literal`); the other
    parameters stay parameters. Returns the text and the parameters still to bind.
    """
    literals = {name: cypher_literal(params[name]) for name in names}
    pieces: list[str] = []
    last = 0
    for token in bare_words(text):
        if token.previous == "$" and token.word in literals:
            dollar = text.rindex("$", 0, token.offset)
            pieces += [text[last:dollar], literals[token.word]]
            last = token.offset + len(token.word)
    pieces.append(text[last:])
    return "".join(pieces), {k: v for k, v in params.items() if k not in literals}


def cypher_literal(value: bool | int | str | None) -> str:
    """``value`` as a Cypher literal both engines read back as the same value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    raise TypeError(f"no Cypher literal for {type(value).__name__} values")
