"""Document + Extraction → the document's named graph (docs/schema.md)."""

from __future__ import annotations

from dataclasses import replace

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS

from kg.extract.model import Extraction, PlaceRef
from kg.loaders.model import Document, Jurisdiction
from kg.rdf import assertions as a
from kg.rdf import divisions
from kg.rdf.agencies import AgencyHome, qualify_agency
from kg.rdf.builder import GraphBuilder, Triple
from kg.rdf.entities import add_agency, add_jurisdiction, add_place_ref, add_program
from kg.rdf.iris import place_iri_text
from kg.rdf.namespaces import RK, bind_namespaces
from kg.rdf.ntriples import NQuadsBuilder


def document_graph(doc: Document, extraction: Extraction) -> Graph:
    """All triples of one document in a graph whose identifier is the Document IRI."""
    iri, triples = document_triples(doc, extraction)
    graph = bind_namespaces(Graph(identifier=iri))
    for triple in triples:
        graph.add(triple)
    return graph


def document_triples(doc: Document, extraction: Extraction) -> tuple[URIRef, set[Triple]]:
    """(Document IRI, the triples of its named graph), without building an rdflib Graph."""
    b = GraphBuilder(doc)
    _describe(b, extraction)
    return URIRef(b.doc_iri), b.triples


def document_nquads(doc: Document, extraction: Extraction) -> tuple[URIRef, str, dict[str, int]]:
    """(Document IRI, its named graph as canonical N-Quads, triple and per-class node counts):
    the same graph as :func:`document_triples`, written without rdflib terms (ingest's path)."""
    b = NQuadsBuilder(doc)
    _describe(b, extraction)
    return URIRef(b.doc_iri), b.nquads(), b.counts()


def _describe(b: GraphBuilder, extraction: Extraction) -> None:
    """State everything the extraction says about the builder's document."""
    ctx = _add_document(b, extraction.places)
    for ref in extraction.places:
        add_place_ref(b, ref)
    for agency in extraction.agencies:
        a.add_named_agency(b, ctx, agency.name)
    for mention in extraction.programs:
        a.add_implementation(b, ctx, mention, add_program(b, mention))
    for pilot in extraction.pilots:
        a.add_pilot(b, ctx, pilot)
    for claim in extraction.claims:
        a.add_claim(b, ctx, claim)
    for outcome in extraction.outcomes:
        a.add_outcome(b, ctx, outcome)
    for target in extraction.targets:
        a.add_target(b, ctx, target)
    for policy in extraction.policy_documents:
        a.add_policy_document(b, ctx, policy)
    for recognition in extraction.recognitions:
        a.add_recognition(b, ctx, recognition)


def _add_document(b: GraphBuilder, places: list[PlaceRef]) -> a.Context:
    """The Document node, its jurisdiction and issuer; returns the defaults for its assertions."""
    doc, subject = b.doc, b.doc_iri
    b.first_time(subject)
    b.typed(subject, RK.Document)
    b.value(subject, RK.title, doc.title)
    b.value(subject, RK.sha256, doc.sha256)
    b.value(subject, RK.path, doc.path)
    b.value(subject, RK.docType, doc.doc_type)
    b.year(subject, RK.summaryYear, doc.summary_year)
    b.year(subject, RK.planYear, doc.plan_year)
    b.value(subject, RK.sourceFormat, doc.source_format)
    place: str | None = None
    place_code: str | None = None
    names: set[str] = set()
    home_places: dict[str, str] = {}
    home = AgencyHome()
    if doc.jurisdiction is not None:
        j = doc.jurisdiction
        place = add_jurisdiction(b, j)
        place_code = j.code or divisions.province_code(j.province)
        names = {j.name, divisions.short_name(j.name)}
        b.link(subject, RK.jurisdiction, place)
        home, home_places = _home(j, place)
    issuer = None
    if doc.issuer:
        qualified = qualify_agency(doc.issuer, home)
        issuer = add_agency(
            b, qualified.name, qualified.level, home_places.get(qualified.place_level or "", place)
        )
        b.link(subject, DCTERMS.publisher, issuer)
        home = replace(home, issuer=qualified.name)  # 我局/本局 are the issuer
    return a.Context(place, place_code, issuer, places, frozenset(names), home, home_places)


def _home(j: Jurisdiction, place: str) -> tuple[AgencyHome, dict[str, str]]:
    """How agencies are named in a document of jurisdiction ``j``, and its places by level."""
    names, iris = _home_places(j, place)
    if not j.anonymized or not j.level:
        return AgencyHome(names, j.name), iris
    # XX区 is one of many: its bodies are named with the province (浙江省XX区委)
    qualified = f"{j.province or ''}{j.name}"
    names[j.level] = qualified
    return AgencyHome(names, qualified, renames=((j.name, qualified),)), iris


def _home_places(j: Jurisdiction, place: str) -> tuple[dict[str, str], dict[str, str]]:
    """The document's place and the coded places above it, by level: names and IRIs."""
    names: dict[str, str] = {}
    iris: dict[str, str] = {}
    for division in reversed(divisions.ancestors(j.code)):
        names[division.level] = division.name
        iris[division.level] = place_iri_text(division.name, division.code)
    if j.province and "province" not in names:  # anonymized XX区: only its province is known
        code = divisions.province_code(j.province)
        names["province"] = j.province
        if code:
            iris["province"] = place_iri_text(j.province, code)
    if j.level:
        names[j.level] = j.name
        iris[j.level] = place
    return names, iris
