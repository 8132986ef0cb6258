"""Candidate programs across many documents: what ``kg vocab candidates`` lists.

A candidate seen in several reports, or often in one, is a good addition to the vocabulary
(``$KG_VOCAB_EXTRA`` or ``<data-dir>/vocabulary.ttl``); this module counts them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from kg.extract.model import ProgramMention
from kg.extract.programs import extract_programs
from kg.extract.vocabulary import ProgramVocabulary
from kg.loaders.model import Document


@dataclass
class CandidateSummary:
    """One candidate program over all documents read."""

    iri: str
    label: str
    mentions: int = 0
    documents: list[str] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    example: str = ""  # the first sentence it occurs in
    rule: str = ""

    def as_dict(self) -> dict[str, object]:
        return {
            "iri": self.iri,
            "label": self.label,
            "mentions": self.mentions,
            "documents": self.documents,
            "surfaces": self.surfaces,
            "statuses": self.statuses,
            "broader": self.broader,
            "example": self.example,
            "rule": self.rule,
        }


def add_mentions(
    index: dict[str, CandidateSummary], doc_path: str, mentions: Iterable[ProgramMention]
) -> None:
    """Fold the candidate programs of one document into ``index``."""
    for pm in mentions:
        if not pm.candidate:
            continue
        summary = index.setdefault(pm.iri, CandidateSummary(pm.iri, pm.label))
        summary.mentions += pm.mentions
        if doc_path not in summary.documents:
            summary.documents.append(doc_path)
        summary.surfaces += [s for s in pm.surface if s not in summary.surfaces]
        if pm.status not in summary.statuses:
            summary.statuses.append(pm.status)
        summary.broader += [b for b in pm.broader if b not in summary.broader]
        if not summary.example and pm.evidence:
            summary.example = pm.evidence[0].sentence
            summary.rule = pm.evidence[0].rule


def summarize_candidates(
    docs: Iterable[Document], vocab: ProgramVocabulary, min_count: int = 1
) -> list[CandidateSummary]:
    """Candidates of ``docs`` mentioned at least ``min_count`` times, most mentioned first."""
    index: dict[str, CandidateSummary] = {}
    for doc in docs:
        add_mentions(index, doc.path, extract_programs(doc, vocab))
    ranked = [c for c in index.values() if c.mentions >= min_count]
    ranked.sort(key=lambda c: (-len(c.documents), -c.mentions, c.label))
    return ranked
