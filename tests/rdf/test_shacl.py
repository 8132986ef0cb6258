"""Every named graph the mapping produces conforms to ontology/shapes.ttl (pyshacl)."""

from __future__ import annotations

from importlib import resources

import pytest
from kg.loaders.model import Document
from rdflib import Graph

from kg.extract import model as x
from kg.rdf import document_graph


@pytest.fixture(scope="module")
def shapes() -> tuple[Graph, Graph]:
    """(shapes graph, ontology graph)."""
    folder = resources.files("kg.ontology")
    shapes_graph = Graph().parse(
        data=folder.joinpath("shapes.ttl").read_text(encoding="utf-8"), format="turtle"
    )
    ontology = Graph()
    for name in ("regkg.ttl", "programs.ttl"):
        ontology.parse(data=folder.joinpath(name).read_text(encoding="utf-8"), format="turtle")
    return shapes_graph, ontology


def validate(graph: Graph, shapes: tuple[Graph, Graph]) -> tuple[bool, list[str]]:
    """(conforms, one line per violation: focus node, path, message)."""
    from pyshacl import validate as shacl_validate

    shapes_graph, ontology = shapes
    conforms, _, text = shacl_validate(graph, shacl_graph=shapes_graph, ont_graph=ontology, inference="none")
    messages = [line.strip() for line in str(text).splitlines() if line.strip().startswith("Message:")]
    return bool(conforms), messages


def test_handmade_graph_conforms(
    doc: Document, extraction: x.Extraction, shapes: tuple[Graph, Graph]
) -> None:
    conforms, text = validate(document_graph(doc, extraction), shapes)
    assert conforms, text


def test_every_seed_graph_conforms(shapes: tuple[Graph, Graph], seed_graphs: dict[str, Graph]) -> None:
    failures = {}
    for name, graph in seed_graphs.items():
        conforms, messages = validate(graph, shapes)
        if not conforms:
            failures[name] = messages[:20]
    assert not failures, "\n".join(f"{name}: {m}" for name, ms in failures.items() for m in ms)


def test_a_graph_that_breaks_the_shapes_is_caught(doc: Document, shapes: tuple[Graph, Graph]) -> None:
    """The check can fail: an Outcome without its evidence, value or metric must not conform."""
    from rdflib.namespace import RDF

    from kg.rdf import RK, RKD

    graph = document_graph(doc, x.Extraction())
    graph.add((RKD["outcome/broken"], RDF.type, RK.Outcome))
    conforms, _ = validate(graph, shapes)
    assert not conforms


def test_union_of_seed_graphs_conforms(shapes: tuple[Graph, Graph], seed_graphs: dict[str, Graph]) -> None:
    """Entities shared by documents (places, programs, agencies) must not get conflicting values:
    the stores project the union, where e.g. two agencyLevels would become a list."""
    union = Graph()
    for graph in seed_graphs.values():
        union += graph
    conforms, messages = validate(union, shapes)
    assert conforms, "\n".join(messages[:20])
