"""Word gates for rule regexes: a few ``in`` tests that skip the sentences a regex cannot match.

A rule regex such as the union of the claim cues is searched in every sentence, and Python's
``re`` tries its alternation at every position of it, for a match in few sentences. A rule
table can name gate words, one of which every match holds (全国首个, 率先全省, 填补国内空白 all
hold 首, 第一, 率先 or 空白): :func:`word_gate` checks that claim on the regex itself (read by
``re``'s own parser), so a sentence without any gate word is skipped without changing what the
regex finds. Gate words it cannot prove give no gate, and the regex runs on every sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}


def word_gate(pattern: re.Pattern[str], words: Iterable[str]) -> tuple[str, ...] | None:
    """``words`` if every match of ``pattern`` provably holds one of them, else None."""
    words = tuple(words)
    if not words or any(not word for word in words) or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except (re.error, AttributeError, TypeError):  # another Python's parser: no gate, same results
        return None
    return words if _always_holds(list(parsed), words) else None


def _always_holds(items: list[tuple[Any, Any]], words: tuple[str, ...]) -> bool:
    """Whether every match of a sequence of regex items holds one of ``words``: one item that
    every match goes through does (a literal run holding a word, a group or a required
    repetition that does, an alternation all of whose branches do, a class of words)."""
    run: list[str] = []  # consecutive literal characters
    for op, av in items:
        if op is sre.LITERAL:
            run.append(chr(av))
            if _holds_word("".join(run), words):
                return True
            continue
        run.clear()
        if op is sre.SUBPATTERN:
            _group, add_flags, _del_flags, sub = av
            if not add_flags & sre.SRE_FLAG_IGNORECASE and _always_holds(list(sub), words):
                return True
        elif op is sre.BRANCH:
            if all(_always_holds(list(branch), words) for branch in av[1]):
                return True
        elif op in _REPEATS and av[0] >= 1:  # an optional item (min 0) proves nothing
            if _always_holds(list(av[2]), words):
                return True
        elif op is sre.IN:
            if all(o is sre.LITERAL and chr(code) in words for o, code in av):
                return True
        # anchors, lookarounds, negated or ranged classes, any character: prove nothing
    return False


def _holds_word(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def may_match(gate: tuple[str, ...] | None, text: str) -> bool:
    """Whether the regex of ``gate`` can match in ``text``: it holds a gate word (no gate: yes)."""
    return gate is None or _holds_word(text, gate)


def gate_pattern(gate: tuple[str, ...] | None) -> re.Pattern[str]:
    """A regex that finds a match where :func:`may_match` says yes: one search for any gate word
    (the regex engine scans for their first characters in C, twice as fast as an ``in`` test per
    word), or the empty pattern, which matches every text, when there is no gate."""
    return re.compile("|".join(map(re.escape, gate)) if gate else "")


# --- first-character lookaheads ------------------------------------------------------------

_CATEGORIES = {
    sre.CATEGORY_DIGIT: r"\d", sre.CATEGORY_NOT_DIGIT: r"\D", sre.CATEGORY_SPACE: r"\s",
    sre.CATEGORY_NOT_SPACE: r"\S", sre.CATEGORY_WORD: r"\w", sre.CATEGORY_NOT_WORD: r"\W",
}


class _NoClass(Exception):
    """The first character of a match cannot be told by a character class."""


def with_first_character_gate(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` behind a lookahead for the characters a match can start with, when ``re``'s
    parser shows them; else ``pattern`` itself.

    A pattern that opens with an optional group or a repetition gets no first-character scan from
    ``re``, which then tries the whole pattern at every position of the text. The lookahead only
    states what every match already starts with, so the matches and groups stay the same while
    most positions fail at the first test.
    """
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        if pattern.flags & re.IGNORECASE:
            raise _NoClass
        parts, nullable = _first_characters(list(parsed))
        if nullable or not parts:
            raise _NoClass  # an empty match can start anywhere
        return re.compile(f"(?=[{''.join(sorted(parts))}])(?:{pattern.pattern})", pattern.flags)
    except (_NoClass, re.error, AttributeError, TypeError, KeyError):
        return pattern


def _first_characters(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """The class parts a match of a sequence of regex items can start with, and whether the
    sequence can match the empty string."""
    parts: set[str] = set()
    for op, av in items:
        first, nullable = _first_of_item(op, av)
        parts |= first
        if not nullable:
            return parts, False
    return parts, True


def _first_of_item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is sre.LITERAL:
        return {re.escape(chr(av))}, False
    if op is sre.IN:
        return _class_parts(av), False
    if op is sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & sre.SRE_FLAG_IGNORECASE:
            raise _NoClass
        return _first_characters(list(sub))
    if op is sre.BRANCH:
        parts: set[str] = set()
        nullable = False
        for branch in av[1]:
            first, empty = _first_characters(list(branch))
            parts |= first
            nullable = nullable or empty
        return parts, nullable
    if op in _REPEATS:
        first, empty = _first_characters(list(av[2]))
        return first, empty or av[0] == 0
    if op is sre.AT and av in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING):
        return set(), True  # zero width: the first character comes after it
    raise _NoClass  # any character, negated classes, lookarounds, end anchors, back references


def _class_parts(items: list[tuple[Any, Any]]) -> set[str]:
    parts: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            parts.add(re.escape(chr(av)))
        elif op is sre.RANGE:
            parts.add(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is sre.CATEGORY:
            parts.add(_CATEGORIES[av])
        else:  # NEGATE and the like
            raise _NoClass
    return parts
