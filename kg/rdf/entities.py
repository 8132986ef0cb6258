"""Type and label triples of the Places, Agencies and Programs a document mentions.

Each named graph describes the entities it links to, so it stands alone (docs/schema.md).
"""

from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDFS, SKOS

from kg.extract.model import PlaceRef, ProgramMention
from kg.loaders.model import Jurisdiction
from kg.rdf import divisions
from kg.rdf.builder import GraphBuilder
from kg.rdf.iris import agency_iri_text, place_iri_text
from kg.rdf.namespaces import RK
from kg.rdf.vocabulary import ProgramInfo, in_vocabulary, program_info

# rdflib's RDFS and SKOS namespaces build a new URIRef on every attribute access: take them once.
LABEL, PREF_LABEL, ALT_LABEL, BROADER = RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.broader

PLACE_CLASSES: dict[str, URIRef] = {
    "province": RK.Province,
    "prefecture": RK.Prefecture,
    "county": RK.County,
    "district": RK.District,
    "township": RK.Township,
}

# How reports name their own jurisdiction.
SELF_REFERENCES = frozenset(
    {"我市", "全市", "本市", "我区", "全区", "本区", "我县", "全县", "本县", "我省", "全省", "本省"}
)

# How place names end (a name given without resolution must look like one to become a Place).
PLACE_SUFFIXES = (
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "州",
    "镇",
    "乡",
    "街道",
    "社区",
    "村",
    "园区",
    "新区",
    "开发区",
    "片区",
)
# Characters no place name contains: quotes, list commas, digits of counts (1个专业市场).
NOT_IN_PLACE_NAMES = ("“", "”", "、", "，", "个", "家", "年")


def add_place(
    b: GraphBuilder,
    name: str,
    level: str | None,
    code: str | None,
    parent_code: str | None = None,
    anonymized: bool = False,
    iri: str | None = None,
) -> str:
    """Describe a place (and its coded ancestors up to the province); returns its IRI."""
    division = divisions.division(code)
    if division is not None:
        name, level, parent_code = division.name, division.level, division.parent_code
    subject = str(iri) if iri else place_iri_text(name, code, parent_code)
    if not b.first_time(subject):
        return subject
    b.typed(subject, PLACE_CLASSES.get(level or "", RK.Place))
    b.value(subject, LABEL, name, lang="zh")
    b.value(subject, RK.code, code)
    b.value(subject, RK.level, level)
    if anonymized:
        b.value(subject, RK.anonymized, True)
    parent = divisions.division(parent_code)
    if parent is not None:
        b.link(subject, RK.within, add_place(b, parent.name, parent.level, parent.code, parent.parent_code))
    return subject


def add_place_ref(b: GraphBuilder, ref: PlaceRef) -> str:
    """Describe a place the extractor resolved."""
    return add_place(
        b,
        ref.name,
        ref.level,
        ref.code,
        ref.parent_code or divisions.province_code(ref.province),
        iri=ref.iri,
    )


def add_jurisdiction(b: GraphBuilder, jurisdiction: Jurisdiction) -> str:
    """Describe the place a document's issuer governs; anonymized places hang under their province."""
    parent = None if jurisdiction.code else divisions.province_code(jurisdiction.province)
    return add_place(
        b, jurisdiction.name, jurisdiction.level, jurisdiction.code, parent, jurisdiction.anonymized
    )


def add_named_place(
    b: GraphBuilder,
    name: str,
    places: list[PlaceRef],
    home: str | None,
    home_code: str | None,
    home_names: frozenset[str] = frozenset(),
) -> str | None:
    """A place given only by name, resolved in this order: the document's own place (东莞, 我市);
    the extractor's PlaceRef of that name; a coded division of the same province; a township of
    the jurisdiction (厚街 → 厚街镇); a name shaped like a place (…镇, …街道, …园区) as a place
    inside ``home``. Anything else (1个专业市场, 连续两年) is not a place: the document's own
    place stands for it, since the report speaks of its jurisdiction.
    """
    if name in home_names or name in SELF_REFERENCES:
        return home
    for ref in places:
        if name in (ref.name, ref.surface):
            return add_place_ref(b, ref)
    found = divisions.find(name, home_code)
    if found is not None:
        return add_place(b, found.name, found.level, found.code, found.parent_code)
    town = divisions.township(name, home_code)
    if town is not None:
        return add_place(b, town.name, "township", None, town.parent_code)
    if not name.endswith(PLACE_SUFFIXES) or any(mark in name for mark in NOT_IN_PLACE_NAMES):
        return home
    subject = place_iri_text(name, None, home_code)
    if b.first_time(subject):
        b.typed(subject, RK.Place)
        b.value(subject, LABEL, name, lang="zh")
        b.link(subject, RK.within, home)
    return subject


def add_agency(
    b: GraphBuilder, name: str, level: str | None = None, jurisdiction: str | None = None
) -> str:
    """Describe an agency by name; returns its IRI."""
    subject = agency_iri_text(name)
    if b.first_time(subject):
        b.typed(subject, RK.Agency)
        b.value(subject, PREF_LABEL, name, lang="zh")
        b.value(subject, RK.agencyLevel, level)
        b.link(subject, RK.jurisdiction, jurisdiction)
    return subject


def add_program(b: GraphBuilder, mention: ProgramMention) -> str:
    """Describe a program of the document (vocabulary entry or candidate) and its broader programs."""
    if mention.iri in b.described:  # described already: skip the vocabulary look-up
        return str(mention.iri)
    if in_vocabulary(mention.iri, b.vocabulary):  # the authority on labels, type and hierarchy
        return b.from_vocabulary(mention.iri, _vocabulary_program)
    # a candidate: described as the extractor saw it
    info = ProgramInfo(
        iri=mention.iri,
        pref_label=mention.label,
        alt_labels=list(mention.alt_labels),
        label_en=mention.label_en,
        program_type=mention.program_type,
        candidate=mention.candidate,
        broader=list(mention.broader),
    )
    return _add_program_info(b, info)


def add_program_iri(b: GraphBuilder, iri: str) -> str:
    """Describe a program known only by IRI (e.g. the program of a pilot), from the vocabulary."""
    if iri in b.described:
        return str(iri)
    if in_vocabulary(iri, b.vocabulary):
        return b.from_vocabulary(iri, _vocabulary_program)
    return _bare_program(b, iri)


def _vocabulary_program(b: GraphBuilder, iri: str) -> str:
    """Describe a vocabulary program and its broader programs."""
    info = program_info(iri, b.vocabulary)
    return _bare_program(b, iri) if info is None else _add_program_info(b, info)


def _bare_program(b: GraphBuilder, iri: str) -> str:
    """A program nothing is known about but its IRI."""
    subject = str(iri)
    if b.first_time(subject):
        b.typed(subject, RK.Program)
    return subject


def _add_program_info(b: GraphBuilder, info: ProgramInfo) -> str:
    subject = str(info.iri)
    if not b.first_time(subject):
        return subject
    b.typed(subject, RK.Program)
    b.value(subject, PREF_LABEL, info.pref_label, lang="zh")
    for alt in sorted(set(info.alt_labels) - {info.pref_label}):
        b.value(subject, ALT_LABEL, alt, lang="zh")
    b.value(subject, LABEL, info.label_en, lang="en")
    b.value(subject, RK.programType, info.program_type)
    b.value(subject, RK.candidate, info.candidate)
    for broader in info.broader:
        b.link(subject, BROADER, add_program_iri(b, broader))
    return subject
