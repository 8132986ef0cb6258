"""ontology/shapes.ttl: small hand-built graphs that conform and ones that must not."""

from __future__ import annotations

import pytest
from kg.ontology import ONTOLOGY_TTL, PROGRAMS_TTL, SHAPES_TTL
from rdflib import RDF, RDFS, Graph, Literal, URIRef
from rdflib import namespace as ns
from rdflib.namespace import SKOS

from kg.extract.vocabulary import RK, RKP

RKD = "https://w3id.org/regkg/id/"
DOC = URIRef(RKD + "doc/0123456789abcdef")
PLACE = URIRef(RKD + "place/441900")
EVIDENCE = URIRef(RKD + "evidence/0000000000000001")
IMPLEMENTATION = URIRef(RKD + "implementation/0000000000000001")
PROGRAM = RKP["separating-permits-from-licenses"]


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph().parse(ONTOLOGY_TTL, format="turtle")
    return graph.parse(PROGRAMS_TTL, format="turtle")


def valid_graph() -> Graph:
    """A document, its place, one Implementation of 证照分离改革 and its Evidence sentence."""
    g = Graph()
    g.add((DOC, RDF.type, RK.Document))
    g.add((DOC, RK.sha256, Literal("a" * 64)))
    g.add((DOC, RK.docType, Literal("annual_summary_and_plan")))
    g.add((DOC, RK.summaryYear, Literal(2020)))
    g.add((DOC, RK.jurisdiction, PLACE))
    g.add((PLACE, RDF.type, RK.Prefecture))
    g.add((PLACE, RDFS.label, Literal("东莞市", lang="zh")))
    g.add((PLACE, RK.code, Literal("441900")))
    g.add((PROGRAM, RDF.type, RK.Program))
    g.add((PROGRAM, SKOS.prefLabel, Literal("证照分离改革", lang="zh")))
    g.add((PROGRAM, RK.programType, Literal("reform")))
    g.add((IMPLEMENTATION, RDF.type, RK.Implementation))
    g.add((IMPLEMENTATION, RK.program, PROGRAM))
    g.add((IMPLEMENTATION, RK.place, PLACE))
    g.add((IMPLEMENTATION, RK.status, Literal("done")))
    g.add((IMPLEMENTATION, RK.year, Literal(2020)))
    g.add((IMPLEMENTATION, RK.mentions, Literal(2)))
    g.add((IMPLEMENTATION, RK.evidence, EVIDENCE))
    g.add((EVIDENCE, RDF.type, RK.Evidence))
    g.add((EVIDENCE, RK.text, Literal("推进“证照分离”改革全覆盖试点工作。")))
    g.add((EVIDENCE, RK.start, Literal(10)))
    g.add((EVIDENCE, RK.end, Literal(20)))
    g.add((EVIDENCE, RK.confidence, Literal(0.9, datatype=ns.XSD.double)))
    g.add((EVIDENCE, RK.document, DOC))
    return g


def conforms(graph: Graph, shapes: Graph, ontology: Graph) -> bool:
    from pyshacl import validate

    ok, _, _ = validate(graph, shacl_graph=shapes, ont_graph=ontology, inference="none")
    return bool(ok)


def test_a_valid_graph_conforms(shapes: Graph, ontology: Graph) -> None:
    assert conforms(valid_graph(), shapes, ontology)


def _without(g: Graph, triple: tuple) -> Graph:
    g.remove(triple)
    return g


def _replaced(g: Graph, subject: URIRef, predicate: URIRef, value: Literal) -> Graph:
    g.set((subject, predicate, value))
    return g


BREAKS = {
    "status outside done/ongoing/planned": lambda g: _replaced(
        g, IMPLEMENTATION, RK.status, Literal("finished")
    ),
    "assertion without evidence": lambda g: _without(g, (IMPLEMENTATION, RK.evidence, EVIDENCE)),
    "evidence without document": lambda g: _without(g, (EVIDENCE, RK.document, DOC)),
    "evidence without text": lambda g: _without(g, (EVIDENCE, RK.text, None)),
    "start after end": lambda g: _replaced(g, EVIDENCE, RK.start, Literal(30)),
    "year as text": lambda g: _replaced(g, IMPLEMENTATION, RK.year, Literal("2020")),
    "confidence above 1": lambda g: _replaced(
        g, EVIDENCE, RK.confidence, Literal(1.5, datatype=ns.XSD.double)
    ),
    "code of five digits": lambda g: _replaced(g, PLACE, RK.code, Literal("44190")),
    "unknown program type": lambda g: _replaced(g, PROGRAM, RK.programType, Literal("slogan")),
    "implementation without program": lambda g: _without(g, (IMPLEMENTATION, RK.program, PROGRAM)),
    "document without sha256": lambda g: _without(g, (DOC, RK.sha256, None)),
}


@pytest.mark.parametrize("name", sorted(BREAKS))
def test_a_broken_graph_is_caught(name: str, shapes: Graph, ontology: Graph) -> None:
    assert not conforms(BREAKS[name](valid_graph()), shapes, ontology)


def test_an_outcome_needs_metric_value_and_evidence(shapes: Graph, ontology: Graph) -> None:
    g = valid_graph()
    outcome = URIRef(RKD + "outcome/0000000000000001")
    g.add((outcome, RDF.type, RK.Outcome))
    g.add((outcome, RK.evidence, EVIDENCE))
    assert not conforms(g, shapes, ontology)
    g.add((outcome, RK.metric, Literal("开办企业时间")))
    g.add((outcome, RK.value, Literal(0.5, datatype=ns.XSD.double)))
    g.add((outcome, RK.unit, Literal("个工作日")))
    assert conforms(g, shapes, ontology)


def test_the_program_vocabulary_conforms(shapes: Graph) -> None:
    from pyshacl import validate

    vocabulary = Graph().parse(PROGRAMS_TTL, format="turtle")
    ok, _, text = validate(vocabulary, shacl_graph=shapes, inference="none")
    assert ok, text
