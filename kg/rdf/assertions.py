"""Assertion nodes (Implementation, Pilot, NoveltyClaim, Outcome, Target, PolicyDocument,
Recognition), each linked to the Evidence sentence it comes from (docs/schema.md)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rdflib import URIRef

from kg.extract import model as x
from kg.rdf.agencies import AgencyHome, is_agency_name, qualify_agency
from kg.rdf.builder import GraphBuilder
from kg.rdf.entities import add_agency, add_named_place, add_place_ref, add_program_iri
from kg.rdf.iris import assertion_iri_text, evidence_iri_text
from kg.rdf.namespaces import RK

# Names ending so are bodies (局, 中心 ...), otherwise a recognition's recipient is a place.
AGENCY_SUFFIXES = (
    "局",
    "委",
    "委员会",
    "办",
    "办公室",
    "所",
    "中心",
    "院",
    "队",
    "站",
    "会",
    "部",
    "厅",
    "署",
    "处",
    "科",
)


@dataclass(frozen=True)
class Context:
    """What every assertion of a document may default to: its place, issuer and years."""

    place: str | None  # the document's jurisdiction
    place_code: str | None
    issuer: str | None
    places: list[x.PlaceRef]
    place_names: frozenset[str] = frozenset()  # the jurisdiction's names: 东莞市, 东莞
    home: AgencyHome = field(default_factory=AgencyHome)
    home_places: dict[str, str] = field(default_factory=dict)  # level -> Place IRI (东莞市, 广东省)


def add_named_agency(b: GraphBuilder, ctx: Context, name: str) -> str | None:
    """An agency as the document names it (市政府), qualified to the body it is (东莞市政府);
    None when ``name`` cannot be a body's name."""
    if not is_agency_name(name):
        return None
    qualified = qualify_agency(name, ctx.home)
    place = ctx.home_places.get(qualified.place_level) if qualified.place_level else None
    # the level the name shows, never the extractor's guess: documents must agree on a body's level
    return add_agency(b, qualified.name, qualified.level, place)


def add_evidence(b: GraphBuilder, ev: x.Evidence) -> str:
    """One Evidence node per sentence span and rule."""
    subject = evidence_iri_text(b.doc_sha, ev.sentence_index, ev.start, ev.end, ev.rule)
    if b.first_time(subject):
        b.evidence(subject, ev)
    return subject


def add_implementation(b: GraphBuilder, ctx: Context, mention: x.ProgramMention, program: str) -> str:
    """The issuer ran/runs/plans ``program`` in its jurisdiction, per this document."""
    subject = assertion_iri_text(b.doc_sha, "Implementation", mention.iri)
    b.typed(subject, RK.Implementation)
    b.value(subject, RK.status, mention.status)
    b.year(subject, RK.year, mention.first_year or _year_of_status(b, mention.status))
    b.value(subject, RK.mentions, mention.mentions)
    b.link(subject, RK.program, program)
    b.link(subject, RK.place, ctx.place)
    b.link(subject, RK.agent, ctx.issuer)
    for ev in mention.evidence:
        b.link(subject, RK.evidence, add_evidence(b, ev))
    return subject


# How a record field is stated: the name of the builder method that types it (text, year,
# xsd:double, text the shapes require), the property and the record's attribute, in statement
# order. Names, not functions: a builder may state a kind its own faster way (NQuadsBuilder).
FieldRule = tuple[str, URIRef, str]
TEXT, YEAR, DOUBLE, REQUIRED_TEXT = "value", "year", "double", "required_text"

PILOT_FIELDS: tuple[FieldRule, ...] = (
    (TEXT, RK.what, "what"),
    (TEXT, RK.pilotLevel, "level"),
    (TEXT, RK.status, "status"),
    (YEAR, RK.year, "year"),
)
CLAIM_FIELDS: tuple[FieldRule, ...] = (
    (TEXT, RK.scope, "scope"),
    (TEXT, RK.what, "what"),
    (YEAR, RK.year, "year"),
)
OUTCOME_FIELDS: tuple[FieldRule, ...] = (
    (REQUIRED_TEXT, RK.metric, "metric"),
    (DOUBLE, RK.value, "value"),
    (TEXT, RK.valueText, "value_text"),
    (TEXT, RK.unit, "unit"),
    (DOUBLE, RK.baseValue, "base_value"),
    (TEXT, RK.baseUnit, "base_unit"),
    (YEAR, RK.year, "year"),
    (TEXT, RK.change, "change"),
    (TEXT, RK.rank, "rank"),
)
TARGET_FIELDS: tuple[FieldRule, ...] = (
    (REQUIRED_TEXT, RK.metric, "metric"),
    (TEXT, RK.unit, "unit"),
    (DOUBLE, RK.baseline, "baseline"),
    (YEAR, RK.baselineYear, "baseline_year"),
    (DOUBLE, RK.target, "target"),
    (YEAR, RK.targetYear, "target_year"),
    (TEXT, RK.binding, "binding"),
)

Finding = x.Pilot | x.NoveltyClaim | x.Outcome | x.Target


def add_pilot(b: GraphBuilder, ctx: Context, pilot: x.Pilot) -> str:
    ev = pilot.evidence
    place = add_place_ref(b, pilot.place_ref) if pilot.place_ref else _named_place(b, ctx, pilot.place)
    key = (pilot.place, pilot.what, ev.start, ev.end, ev.rule)
    return _add_finding(b, "Pilot", key, pilot, PILOT_FIELDS, place)


def add_claim(b: GraphBuilder, ctx: Context, claim: x.NoveltyClaim) -> str:
    ev = claim.evidence
    # A bureau's "全国首个" is its own place's first unless the sentence names another place.
    place = add_place_ref(b, claim.place_ref) if claim.place_ref else _named_place(b, ctx, claim.place)
    key = (claim.scope, claim.what, ev.start, ev.end, ev.rule)
    return _add_finding(b, "NoveltyClaim", key, claim, CLAIM_FIELDS, place)


def add_outcome(b: GraphBuilder, ctx: Context, outcome: x.Outcome) -> str:
    ev = outcome.evidence
    key = (outcome.metric, outcome.value, outcome.unit, outcome.value_text, outcome.year, ev.start, ev.end)
    return _add_finding(b, "Outcome", key, outcome, OUTCOME_FIELDS, _named_place(b, ctx, outcome.place))


def add_target(b: GraphBuilder, ctx: Context, target: x.Target) -> str:
    ev = target.evidence
    key = (target.metric, target.unit, target.baseline, target.target, target.target_year, ev.start, ev.end)
    # plan indicators are the issuer's own
    return _add_finding(b, "Target", key, target, TARGET_FIELDS, ctx.place)


def _add_finding(
    b: GraphBuilder,
    kind: str,
    key: tuple[Any, ...],
    record: Finding,
    fields: tuple[FieldRule, ...],
    place: str | None,
) -> str:
    """One assertion of class ``RK[kind]``: its fields, place, program and evidence."""
    subject = assertion_iri_text(b.doc_sha, kind, *key)
    b.typed(subject, RK[kind])
    for method, prop, attribute in fields:
        getattr(b, method)(subject, prop, getattr(record, attribute))
    b.link(subject, RK.place, place)
    _link_program(b, subject, record.program)
    b.link(subject, RK.evidence, add_evidence(b, record.evidence))
    return subject


def add_policy_document(b: GraphBuilder, ctx: Context, policy: x.PolicyDocument) -> str:
    """A cited document: one node per title in this document, with every citing sentence."""
    subject = assertion_iri_text(b.doc_sha, "PolicyDocument", policy.title)
    if b.first_time(subject):  # later citations add their evidence only: type and publisher stay single
        b.typed(subject, RK.PolicyDocument)
        b.value(subject, RK.title, policy.title)
        b.value(subject, RK.policyType, policy.policy_type)
        if policy.publisher:
            b.link(subject, RK.publisher, add_named_agency(b, ctx, policy.publisher))
    b.link(subject, RK.evidence, add_evidence(b, policy.evidence))
    return subject


def add_recognition(b: GraphBuilder, ctx: Context, recognition: x.Recognition) -> str:
    ev = recognition.evidence
    subject = assertion_iri_text(
        b.doc_sha, "Recognition", recognition.what, recognition.recipient, ev.start, ev.end
    )
    b.typed(subject, RK.Recognition)
    b.value(subject, RK.what, recognition.what)
    b.year(subject, RK.year, recognition.year)
    b.link(subject, RK.recipient, _recipient(b, ctx, recognition.recipient))
    b.link(subject, RK.evidence, add_evidence(b, ev))
    return subject


def _recipient(b: GraphBuilder, ctx: Context, name: str | None) -> str | None:
    """A named body is an Agency, another name a Place; unnamed, the issuer was honoured."""
    if not name:
        return ctx.issuer or ctx.place
    if name.endswith(AGENCY_SUFFIXES):
        return add_named_agency(b, ctx, name)
    return _named_place(b, ctx, name)


def _named_place(b: GraphBuilder, ctx: Context, name: str | None) -> str | None:
    if not name:
        return ctx.place
    return add_named_place(b, name, ctx.places, ctx.place, ctx.place_code, ctx.place_names)


def _link_program(b: GraphBuilder, subject: str, program: str | None) -> None:
    if program:
        b.link(subject, RK.program, add_program_iri(b, program))


def _year_of_status(b: GraphBuilder, status: str) -> int | None:
    """Done work belongs to the summary year, planned work to the plan year."""
    if status == "planned":
        return b.doc.plan_year
    return b.doc.summary_year if status == "done" else b.doc.summary_year or b.doc.plan_year
