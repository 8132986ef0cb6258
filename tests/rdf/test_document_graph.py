"""The named graph of a hand-made Document + Extraction follows docs/schema.md."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from kg.loaders.model import Document, Jurisdiction
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from kg.extract import model as x
from kg.rdf import RK, RKD, document_graph
from kg.rdf.iris import document_iri

# (rdflib.namespace.XSD warns when pytest probes module globals, so the IRI is spelled out)
XSD_DOUBLE = URIRef("http://www.w3.org/2001/XMLSchema#double")

ASSERTION_CLASSES = (
    RK.Implementation,
    RK.Pilot,
    RK.NoveltyClaim,
    RK.Outcome,
    RK.Target,
    RK.PolicyDocument,
    RK.Recognition,
)


def one(graph: Graph, subject: URIRef, predicate: URIRef) -> object:
    values = list(graph.objects(subject, predicate))
    assert len(values) == 1, (subject, predicate, values)
    return values[0]


def test_graph_is_named_by_the_document(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    assert graph.identifier == document_iri(doc.sha256)
    assert (graph.identifier, RDF.type, RK.Document) in graph
    assert one(graph, graph.identifier, RK.sha256) == Literal(doc.sha256)
    assert one(graph, graph.identifier, RK.summaryYear) == Literal(2020)


def test_every_assertion_reaches_its_document_through_evidence(
    doc: Document, extraction: x.Extraction
) -> None:
    graph = document_graph(doc, extraction)
    for rdf_class in ASSERTION_CLASSES:
        subjects = list(graph.subjects(RDF.type, rdf_class))
        assert subjects, rdf_class
        for subject in subjects:
            evidence = one(graph, subject, RK.evidence)
            assert (evidence, RDF.type, RK.Evidence) in graph
            assert one(graph, evidence, RK.document) == graph.identifier
            assert str(one(graph, evidence, RK.text)) in doc.text


def test_evidence_carries_spans_rule_and_confidence(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    outcome = next(graph.subjects(RDF.type, RK.Outcome))
    evidence = one(graph, outcome, RK.evidence)
    ev = extraction.outcomes[0].evidence
    assert one(graph, evidence, RK.start) == Literal(ev.start)
    assert one(graph, evidence, RK.origEnd) == Literal(ev.orig_end)
    assert one(graph, evidence, RK.rule) == Literal("outcome.compress_to")
    assert one(graph, evidence, RK.sectionPath) == Literal(ev.section_path)
    assert one(graph, evidence, RK.confidence) == Literal(0.9, datatype=XSD_DOUBLE)


def test_numbers_are_doubles_even_when_extracted_as_int(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    target = next(graph.subjects(RDF.type, RK.Target))
    assert one(graph, target, RK.target).datatype == XSD_DOUBLE


def test_places_link_up_to_the_province(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    pilot = next(graph.subjects(RDF.type, RK.Pilot))
    town = one(graph, pilot, RK.place)
    assert str(town).startswith(str(RKD["place/x/441900/"]))
    assert (town, RDF.type, RK.Township) in graph
    city = one(graph, town, RK.within)
    assert city == RKD["place/441900"] and (city, RDF.type, RK.Prefecture) in graph
    province = one(graph, city, RK.within)
    assert province == RKD["place/440000"]
    assert one(graph, province, RDFS.label) == Literal("广东省", lang="zh")


def test_self_named_places_are_the_jurisdiction(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    recognition = next(graph.subjects(RDF.type, RK.Recognition))
    assert one(graph, recognition, RK.recipient) == RKD["place/441900"]  # "东莞市" is the document's own city


def test_issuer_agency_and_programs_are_described(doc: Document, extraction: x.Extraction) -> None:
    graph = document_graph(doc, extraction)
    issuer = one(graph, graph.identifier, DCTERMS.publisher)
    assert one(graph, issuer, SKOS.prefLabel) == Literal("东莞市市场监管局", lang="zh")
    assert one(graph, issuer, RK.jurisdiction) == RKD["place/441900"]
    program = URIRef(extraction.programs[0].iri)
    assert one(graph, program, SKOS.prefLabel) == Literal("互联网+明厨亮灶", lang="zh")
    assert one(graph, program, RK.candidate) == Literal(True)
    implementation = next(graph.subjects(RDF.type, RK.Implementation))
    assert one(graph, implementation, RK.program) == program
    assert one(graph, implementation, RK.agent) == issuer


def test_anonymized_jurisdiction_hangs_under_its_province(make_document: Callable[..., Document]) -> None:
    doc = make_document(jurisdiction=Jurisdiction("XX区", "district", "浙江省", None, anonymized=True))
    graph = document_graph(doc, x.Extraction())
    place = one(graph, graph.identifier, RK.jurisdiction)
    assert str(place) == str(RKD["place/x/330000/XX%E5%8C%BA"])
    assert one(graph, place, RK.anonymized) == Literal(True)
    assert one(graph, place, RK.within) == RKD["place/330000"]


def test_no_blank_nodes_and_same_graph_every_run(
    make_document: Callable[..., Document], make_extraction: Callable[[], x.Extraction]
) -> None:
    first = document_graph(make_document(), make_extraction())
    second = document_graph(make_document(), make_extraction())
    assert not any(isinstance(term, BNode) for triple in first for term in triple)
    assert isomorphic(first, second)
    assert set(first) == set(second)  # no blank nodes: equal as plain sets of triples


def test_relative_agency_names_become_the_documents_bodies(doc: Document) -> None:
    extraction = x.Extraction(
        agencies=[x.AgencyRef("市政府", "municipal"), x.AgencyRef("省政府", "provincial")]
    )
    graph = document_graph(doc, extraction)
    labels = {str(o): s for s, o in graph.subject_objects(SKOS.prefLabel)}
    assert {"东莞市政府", "广东省政府", "东莞市市场监管局"} <= labels.keys()
    assert "市政府" not in labels
    assert one(graph, labels["东莞市政府"], RK.jurisdiction) == RKD["place/441900"]
    assert one(graph, labels["广东省政府"], RK.jurisdiction) == RKD["place/440000"]


@pytest.mark.parametrize(
    ("written", "place"),
    [
        ("长安", "place/x/441900/%E9%95%BF%E5%AE%89%E9%95%87"),  # short name of a 东莞 township → 长安镇
        ("松山湖", "place/x/441900/%E6%9D%BE%E5%B1%B1%E6%B9%96"),  # a functional zone jionlp lists
        ("东莞", "place/441900"),  # the document's own place
        ("全市", "place/441900"),
        ("从化区", "place/440117"),  # a coded division of the same province
        (
            "滨海新区",
            "place/x/441900/%E6%BB%A8%E6%B5%B7%E6%96%B0%E5%8C%BA",
        ),  # unknown, but named like a place
        ("1个专业市场", "place/441900"),  # not a place: the report's own place stands for it
        ("连续两年", "place/441900"),
    ],
)
def test_pilot_places_given_by_name(
    doc: Document, extraction: x.Extraction, written: str, place: str
) -> None:
    ev = extraction.pilots[0].evidence
    graph = document_graph(
        doc, x.Extraction(pilots=[x.Pilot(place=written, what="试点", status="done", evidence=ev)])
    )
    pilot = next(graph.subjects(RDF.type, RK.Pilot))
    assert one(graph, pilot, RK.place) == RKD[place]
    assert (RKD[place], RDFS.label, None) in graph


def test_anonymized_issuer_is_named_with_its_province(make_document: Callable[..., Document]) -> None:
    doc = make_document(jurisdiction=Jurisdiction("XX区", "district", "浙江省", None, anonymized=True))
    doc.issuer = "XX区市场监管局"
    graph = document_graph(doc, x.Extraction(agencies=[x.AgencyRef("区委", "district")]))
    issuer = one(graph, graph.identifier, DCTERMS.publisher)
    assert one(graph, issuer, SKOS.prefLabel) == Literal("浙江省XX区市场监管局", lang="zh")
    assert one(graph, issuer, RK.jurisdiction) == one(graph, graph.identifier, RK.jurisdiction)
    labels = {str(o) for o in graph.objects(None, SKOS.prefLabel)}
    assert "浙江省XX区委" in labels
