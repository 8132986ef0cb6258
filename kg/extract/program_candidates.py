"""Candidate programs: names that look like programs but are not in the vocabulary.

Two rule families, both table-driven (word tables in :mod:`kg.extract.rules.programs`):
``program.candidate.quoted`` (:mod:`kg.extract.candidates_quoted`, quoted names “…”) and
``program.candidate.initiative`` (:mod:`kg.extract.candidates_initiative`, list items after an
initiative verb). Spans are offsets into the text given to :func:`find_candidates`.
"""

from __future__ import annotations

import re

from kg.extract.candidate_text import CandidateSpan, compact
from kg.extract.candidates_initiative import initiative_candidates, is_generic
from kg.extract.candidates_quoted import is_slogan, quoted_candidates
from kg.extract.rules.programs import TYPE_BY_HEAD

__all__ = ["CandidateSpan", "find_candidates", "guess_program_type", "is_generic", "is_slogan"]

BOOK_TITLE = re.compile(r"《[^《》]*》?")


def find_candidates(text: str) -> list[CandidateSpan]:
    """Candidate program names in ``text`` (a sentence); of two overlapping ones the longer wins.

    Names inside a cited title (《关于贯彻“质优XX”建设…》) are the title's words, not programs.
    """
    found = quoted_candidates(text) + initiative_candidates(text)
    if not found:
        return []  # most sentences
    titles = [(m.start(), m.end()) for m in BOOK_TITLE.finditer(text)]
    spans = sorted(found, key=lambda s: (s.start - s.end, s.start))
    kept: list[CandidateSpan] = []
    for span in spans:
        if any(a <= span.start < b for a, b in titles):
            continue
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


# (program type, head word) in table order, by the head's last character: a name is only tested
# against the heads it can end in
_TYPED_HEADS_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _program_type, _heads in TYPE_BY_HEAD:
    for _head in _heads:
        _TYPED_HEADS_BY_LAST.setdefault(_head[-1], []).append((_program_type, _head))


def guess_program_type(name: str) -> str:
    """A candidate's program type from its last word (…行动 -> campaign, …平台 -> platform):
    the longest head word it ends in, the first in table order among equally long ones."""
    rest = compact(name)
    best, best_len = "other", 0
    for program_type, head in _TYPED_HEADS_BY_LAST.get(rest[-1:], ()):
        if rest.endswith(head) and len(head) > best_len:
            best, best_len = program_type, len(head)
    return best

