"""kg.datamodel names the classes of ontology/regkg.ttl that IRIs and property-graph labels use."""

from __future__ import annotations

from importlib import resources

from rdflib import OWL, RDF, RDFS, Graph, Namespace

from kg.datamodel import ASSERTION_CLASSES, DOCUMENT_CLASS, ENTITY_CLASSES, EVIDENCE_CLASS
from kg.rdf.iris import ASSERTION_KINDS
from kg.store.declared import PRIMARY_LABELS

RK = Namespace("https://w3id.org/regkg/ontology#")


def ontology() -> Graph:
    text = resources.files("kg.ontology").joinpath("regkg.ttl").read_text(encoding="utf-8")
    return Graph().parse(data=text, format="turtle")


def test_assertion_classes_are_the_ontology_s_assertion_subclasses() -> None:
    graph = ontology()
    subclasses = {str(s).removeprefix(str(RK)) for s in graph.subjects(RDFS.subClassOf, RK.Assertion)}
    assert set(ASSERTION_CLASSES) == subclasses


def test_every_named_class_is_declared_in_the_ontology() -> None:
    graph = ontology()
    for name in (DOCUMENT_CLASS, EVIDENCE_CLASS, *ASSERTION_CLASSES, *ENTITY_CLASSES):
        assert (RK[name], RDF.type, OWL.Class) in graph, name


def test_iris_and_labels_share_the_list() -> None:
    assert set(ASSERTION_KINDS) == {*ASSERTION_CLASSES, EVIDENCE_CLASS}
    assert PRIMARY_LABELS[0] == DOCUMENT_CLASS
    assert set(PRIMARY_LABELS) == {DOCUMENT_CLASS, *ASSERTION_KINDS, *ENTITY_CLASSES}
