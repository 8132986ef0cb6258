"""The ``kg extract --json`` format of ``../shared/gold/README.md`` (plus a few extra keys)."""

from __future__ import annotations

from collections.abc import Mapping
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


def _program_fields(iri: str | None, labels: ProgramLabels) -> dict[str, str | None]:
    """``program`` (the IRI) and ``program_label`` (its label, so a scorer can match by name)."""
    return {"program": iri, "program_label": labels.get(iri) if iri else None}


def pilot_json(p: Pilot, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return {
        "place": p.place,
        "place_iri": p.place_ref.iri if p.place_ref else None,
        **_program_fields(p.program, labels or {}),
        "what": p.what,
        "status": p.status,
        "year": p.year,
        "level": p.level,
        "evidence": p.evidence.sentence,
        "rule": p.evidence.rule,
    }


def claim_json(c: NoveltyClaim, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return {
        "scope": c.scope,
        "what": c.what,
        **_program_fields(c.program, labels or {}),
        "place": c.place,
        "year": c.year,
        "evidence": c.evidence.sentence,
        "rule": c.evidence.rule,
    }


def outcome_json(o: Outcome, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return {
        "metric": o.metric,
        "value": o.value,
        "unit": o.unit,
        "base_value": o.base_value,
        "base_unit": o.base_unit,
        "year": o.year,
        **_program_fields(o.program, labels or {}),
        "change": o.change,
        "rank": o.rank,
        "place": o.place,
        "evidence": o.evidence.sentence,
        "rule": o.evidence.rule,
    }


def target_json(t: Target, labels: ProgramLabels | None = None) -> dict[str, Any]:
    return {
        "metric": t.metric,
        "unit": t.unit,
        "baseline": t.baseline,
        "baseline_year": t.baseline_year,
        "target": t.target,
        "target_year": t.target_year,
        "binding": t.binding,
        **_program_fields(t.program, labels or {}),
        "evidence": t.evidence.sentence,
        "rule": t.evidence.rule,
    }


def policy_document_json(p: PolicyDocument) -> dict[str, Any]:
    return {
        "title": p.title,
        "policy_type": p.policy_type,
        "publisher": p.publisher,
        "evidence": p.evidence.sentence,
    }


def recognition_json(r: Recognition) -> dict[str, Any]:
    return {"what": r.what, "recipient": r.recipient, "year": r.year, "evidence": r.evidence.sentence}


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
