"""Text helpers and the span type shared by the two program-candidate rule families.

:mod:`kg.extract.candidates_quoted` (quoted names) and :mod:`kg.extract.candidates_initiative`
(list items after an initiative verb) both cut clauses, blank out quotes, skip filler words and
drop the bureau's internal affairs; :mod:`kg.extract.program_candidates` combines them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.rules.programs import (
    CLAUSE_BREAKS,
    INITIATIVE_VERBS,
    INTERNAL_AFFAIRS,
    LEADING_NOISE,
    PUNCT,
)

CLAUSE_SPLIT = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
_UP_TO_LAST_BREAK = re.compile(f"(?s:.*){CLAUSE_SPLIT.pattern}")
VERB_RE = re.compile("|".join(sorted(map(re.escape, INITIATIVE_VERBS), key=len, reverse=True)))
_QUOTED_SPAN = re.compile(r"“[^“”]*”")
_NOT_COMPACT = re.compile(rf"[{re.escape(PUNCT)}\s]")  # \s is exactly str.isspace()
_NOISE_INITIALS = frozenset(word[0] for word in LEADING_NOISE if word)
# Any run of filler words at the start. No filler word is a prefix of another (tested), so at each
# position at most one word can match and the run is the one the word-by-word scan consumes.
_LEADING_NOISE_RUN = re.compile("(?:" + "|".join(map(re.escape, filter(None, LEADING_NOISE))) + ")*")
_INTERNAL_AFFAIRS = re.compile("|".join(map(re.escape, INTERNAL_AFFAIRS)))


@dataclass(slots=True)  # not frozen: a frozen __init__ costs four object.__setattr__ calls per span
class CandidateSpan:
    """A candidate program name found in a text."""

    name: str  # the name as written, quotes kept (“四保”行动)
    start: int
    end: int
    rule: str


def mask_quotes(text: str) -> str:
    """``text`` with quoted content blanked out, so verbs inside quotes do not count."""
    if "“" not in text:
        return text
    return _QUOTED_SPAN.sub(lambda m: "□" * len(m.group(0)), text)


def leading_trim(item: str) -> int:
    """How many characters of leading filler words to skip."""
    if item[:1] not in _NOISE_INITIALS:
        return 0  # most items open with no filler word
    run = _LEADING_NOISE_RUN.match(item)
    return run.end() if run else 0


def is_internal_affairs(name: str) -> bool:
    """Whether ``name`` holds a word of the bureau's own affairs (one regex pass over the words)."""
    return _INTERNAL_AFFAIRS.search(name) is not None


def clause_around(text: str, start: int, end: int) -> str:
    """The clause (between clause breaks) holding ``text[start:end]``: a quoted name is the bureau's
    own affair when its clause is (构建“能上能下”常态化用人机制, 落实党风廉政…“三书三查两报告”制度)."""
    last_break = _UP_TO_LAST_BREAK.match(text, 0, start)  # the greedy match backtracks to it in C
    clause_start = last_break.end() if last_break else 0
    clause_end = CLAUSE_SPLIT.search(text, end)
    return text[clause_start : clause_end.start() if clause_end else len(text)]


def compact(text: str) -> str:
    return _NOT_COMPACT.sub("", text)

