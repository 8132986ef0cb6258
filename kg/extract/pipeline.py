"""The extraction pipeline: named stages over one Document, producing an :class:`Extraction`.

``extract(doc, vocab=None)`` runs, in order: programs (the vocabulary engineer's
``kg.extract.programs``, skipped while that module is absent), sentence contexts (sections,
places, program spans), then the per-sentence extractors and the document-level ones
(the indicator table). Each stage is a plain function so it can be tested and timed alone.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.agencies import extract_agencies
from kg.extract.claims import extract_claims
from kg.extract.context import SentenceContext, sentence_contexts
from kg.extract.indicator_table import extract_indicator_table
from kg.extract.model import Extraction, PlaceRef, ProgramMention
from kg.extract.outcomes import extract_outcomes
from kg.extract.pilots import extract_pilots
from kg.extract.policy_documents import extract_policy_documents
from kg.extract.recognitions import extract_recognitions
from kg.extract.targets import extract_targets
from kg.loaders.model import Document

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SentenceStage:
    """A per-sentence extractor and the Extraction list it fills."""

    name: str
    run: Callable[[SentenceContext], list]
    field: str


SENTENCE_STAGES: tuple[SentenceStage, ...] = (
    SentenceStage("pilots", extract_pilots, "pilots"),
    SentenceStage("claims", extract_claims, "claims"),
    SentenceStage("outcomes", extract_outcomes, "outcomes"),
    SentenceStage("targets", extract_targets, "targets"),
    SentenceStage("policy_documents", extract_policy_documents, "policy_documents"),
    SentenceStage("recognitions", extract_recognitions, "recognitions"),
)


def find_programs(doc: Document, vocab: object | None = None) -> list[ProgramMention]:
    """Programs via ``kg.extract.programs.extract_programs``; [] while that module is missing."""
    try:
        module = importlib.import_module("kg.extract.programs")
    except ModuleNotFoundError as exc:
        if exc.name != "kg.extract.programs":
            raise
        return []
    if vocab is None:
        vocab = _default_vocabulary()  # a broken vocabulary configuration is the user's to see
    try:
        return list(module.extract_programs(doc, vocab))
    except Exception:  # a failing program stage must not cost the pilots, claims and outcomes
        log.exception("program extraction failed for %s; continuing without programs", doc.path)
        return []


def _default_vocabulary() -> object | None:
    """The program vocabulary (shipped plus user extension; the vocabulary module caches it)."""
    try:
        module = importlib.import_module("kg.extract.vocabulary")
    except ModuleNotFoundError:
        return None
    for name in ("load_vocabulary", "default_vocabulary", "load"):
        loader = getattr(module, name, None)
        if callable(loader):
            return loader()
    return None


def extract(doc: Document, vocab: object | None = None) -> Extraction:
    """Everything regkg extracts from one document."""
    result = Extraction(programs=find_programs(doc, vocab))
    contexts = sentence_contexts(doc, result.programs)
    for ctx in contexts:
        for stage in SENTENCE_STAGES:
            getattr(result, stage.field).extend(stage.run(ctx))
    result.targets.extend(extract_indicator_table(doc, contexts))
    result.agencies = extract_agencies(doc, contexts)
    result.places = _distinct_places(contexts)
    return result


def _distinct_places(contexts: list[SentenceContext]) -> list[PlaceRef]:
    """Every place mentioned, once, in order of first mention."""
    seen: dict[str, PlaceRef] = {}
    for ctx in contexts:
        for mention in ctx.places:
            seen.setdefault(mention.ref.iri or mention.ref.name, mention.ref)
    return list(seen.values())
