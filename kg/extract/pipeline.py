"""The extraction pipeline: named stages over one Document, producing an :class:`Extraction`.

``extract(doc, vocab=None)`` runs, in order: programs (``kg.extract.programs``), sentence contexts (sections,
places, program spans), then the per-sentence extractors and the document-level ones
(the indicator table). Each stage is a plain function so it can be tested and timed alone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kg.extract.agencies import extract_agencies
from kg.extract.claims import extract_claims
from kg.extract.context import SentenceContext, sentence_contexts
from kg.extract.indicator_table import extract_indicator_table
from kg.extract.model import Extraction, PlaceRef
from kg.extract.outcomes import extract_outcomes
from kg.extract.pilots import extract_pilots
from kg.extract.policy_documents import extract_policy_documents
from kg.extract.programs import extract_programs
from kg.extract.recognitions import extract_recognitions
from kg.extract.targets import extract_targets
from kg.extract.vocabulary import ProgramVocabulary
from kg.loaders.model import Document


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


def extract(doc: Document, vocab: ProgramVocabulary | None = None) -> Extraction:
    """Everything regkg extracts from one document."""
    result = Extraction(programs=extract_programs(doc, vocab))
    contexts = sentence_contexts(doc, result.programs)
    for stage in SENTENCE_STAGES:  # stage by stage: the stages only read the contexts
        found, run = getattr(result, stage.field), stage.run
        for ctx in contexts:
            found.extend(run(ctx))
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
