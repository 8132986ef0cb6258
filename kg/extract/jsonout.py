"""The ``kg extract --json`` format of ``../shared/gold/README.md`` (plus a few extra keys)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kg.extract.model import (
    AgencyRef,
    Extraction,
    NoveltyClaim,
    Outcome,
    Pilot,
    PolicyDocument,
    ProgramMention,
    Recognition,
    Target,
)
from kg.loaders.model import Document


def document_json(doc: Document) -> dict[str, Any]:
    """The ``document`` block: path, hash, title, jurisdiction, issuer, type and years."""
    j = doc.jurisdiction
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "title": doc.title,
        "jurisdiction": None
        if j is None
        else {"name": j.name, "level": j.level, "province": j.province, "code": j.code},
        "issuer": doc.issuer,
        "doc_type": doc.doc_type,
        "years": {"summary": doc.summary_year, "plan": doc.plan_year},
    }


def program_json(p: ProgramMention) -> dict[str, Any]:
    return {
        "iri": p.iri,
        "label": p.label,
        "alt_labels": list(p.alt_labels),
        "surface": list(p.surface),
        "status": p.status,
        "candidate": p.candidate,
        "mentions": p.mentions,
    }


ProgramLabels = Mapping[str, str]


def program_labels(programs: list[ProgramMention]) -> dict[str, str]:
    """The label of each program IRI of the document (records refer to programs by IRI)."""
    return {p.iri: p.label for p in programs}


# Each kind's JSON keys in order. A key is the record's attribute of that name unless
# _DERIVED computes it (from the record and the document's program labels).
PILOT_KEYS = ("place", "place_iri", "program", "program_label", "what", "status", "year", "level",
              "evidence", "rule")
CLAIM_KEYS = ("scope", "what", "program", "program_label", "place", "year", "evidence", "rule")
OUTCOME_KEYS = ("metric", "value", "unit", "base_value", "base_unit", "year", "program", "program_label",
                "change", "rank", "place", "evidence", "rule")
TARGET_KEYS = ("metric", "unit", "baseline", "baseline_year", "target", "target_year", "binding",
               "program", "program_label", "evidence", "rule")
POLICY_DOCUMENT_KEYS = ("title", "policy_type", "publisher", "evidence")
RECOGNITION_KEYS = ("what", "recipient", "year", "evidence")

_DERIVED: dict[str, Callable[[Any, ProgramLabels], Any]] = {
    "place_iri": lambda r, _: r.place_ref.iri if r.place_ref else None,
    # the program's label next to its IRI, so a scorer can match by name
    "program_label": lambda r, labels: labels.get(r.program) if r.program else None,
    "evidence": lambda r, _: r.evidence.sentence,
    "rule": lambda r, _: r.evidence.rule,
}


def record_json(record: Any, keys: tuple[str, ...], labels: ProgramLabels | None = None) -> dict[str, Any]:
    """The JSON object of one extraction record: ``keys`` in order, attributes or derived values."""
    labels = labels or {}
    return {
        key: _DERIVED[key](record, labels) if key in _DERIVED else getattr(record, key) for key in keys
    }


def pilot_json(p: Pilot, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return record_json(p, PILOT_KEYS, labels)


def claim_json(c: NoveltyClaim, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return record_json(c, CLAIM_KEYS, labels)


def outcome_json(o: Outcome, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return record_json(o, OUTCOME_KEYS, labels)


def target_json(t: Target, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return record_json(t, TARGET_KEYS, labels)


def policy_document_json(p: PolicyDocument) -> dict[str, Any]:
    return record_json(p, POLICY_DOCUMENT_KEYS)


def recognition_json(r: Recognition) -> dict[str, Any]:
    return record_json(r, RECOGNITION_KEYS)


def agency_json(a: AgencyRef) -> dict[str, Any]:
    return {"name": a.name, "level": a.level}


def extraction_json(doc: Document, ex: Extraction) -> dict[str, Any]:
    """The whole ``kg extract --json`` object for one document."""
    labels = program_labels(ex.programs)
    return {
        "document": document_json(doc),
        "programs": [program_json(p) for p in ex.programs],
        "pilots": [pilot_json(p, labels) for p in ex.pilots],
        "claims": [claim_json(c, labels) for c in ex.claims],
        "outcomes": [outcome_json(o, labels) for o in ex.outcomes],
        "targets": [target_json(t, labels) for t in ex.targets],
        "policy_documents": [policy_document_json(p) for p in ex.policy_documents],
        "recognitions": [recognition_json(r) for r in ex.recognitions],
        "agencies": [agency_json(a) for a in ex.agencies],
        "places": [{"name": p.name, "level": p.level, "code": p.code, "iri": p.iri} for p in ex.places],
    }
