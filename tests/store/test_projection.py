"""RDF → property graph projection on the hand-built sample (docs/schema.md conventions)."""

from __future__ import annotations

import pytest
from rdflib import RDF, Dataset, Literal, URIRef

from kg.store.adoptions import ADOPTION
from kg.store.declared import relationship_type
from kg.store.derived import IN_DOCUMENT
from kg.store.program_sets import PROGRAM_SET
from kg.store.projection import RK, local_name, project, project_with_warnings
from kg.store.records import PropertyGraph

RKD = "https://w3id.org/regkg/id/"


@pytest.fixture(scope="module")
def graph(sample: Dataset) -> PropertyGraph:
    return project(sample)


def _node(graph: PropertyGraph, uri: str):
    return next(n for n in graph.nodes() if n.uri == uri)


def test_every_typed_resource_is_one_node(sample: Dataset, graph: PropertyGraph) -> None:
    typed = {s for s, _, o, _ in sample.quads((None, RDF.type, None, None)) if str(o).startswith(RK)}
    from_rdf = [n.uri for n in graph.nodes() if n.label not in (ADOPTION, PROGRAM_SET)]  # derived nodes
    assert sorted(from_rdf) == sorted(str(s) for s in typed)


@pytest.mark.parametrize(
    ("uri", "label", "level"),
    [
        (RKD + "place/440000", "Place", "province"),
        (RKD + "place/x/441900/%E5%8E%9A%E8%A1%97%E9%95%87", "Place", "township"),
        (RKD + "place/x/330000/XX%E5%8C%BA", "Place", "district"),
    ],
)
def test_place_subclasses_project_to_place_with_level(
    graph: PropertyGraph, uri: str, label: str, level: str
) -> None:
    node = _node(graph, uri)
    assert (node.label, node.properties["level"]) == (label, level)


def test_zh_label_kept_and_other_languages_suffixed(graph: PropertyGraph) -> None:
    node = _node(graph, RKD + "place/440000")
    assert node.properties["label"] == "广东省"
    assert node.properties["label_en"] == "Guangdong"


def test_multivalued_property_is_a_list_and_typed_literals_keep_their_type(graph: PropertyGraph) -> None:
    program = _node(graph, RKD + "program/business-registration-reform")
    assert program.properties["altLabel"] == ["商事登记制度改革", "商改"]
    assert program.properties["candidate"] is False
    outcome = _node(graph, RKD + "outcome/0000000000000001")
    assert outcome.properties["value"] == 0.5 and outcome.properties["year"] == 2020
    assert graph.node_tables["Program"].columns["altLabel"].ladybug() == "STRING[]"


def test_relationships_union_over_named_graphs(sample: Dataset, graph: PropertyGraph) -> None:
    # the shared place and program appear in several graphs but each triple becomes one relationship
    nodes = {n.uri for n in graph.nodes()}
    expected = {
        (str(s), str(p), str(o))
        for s, p, o, _ in sample.quads((None, None, None, None))
        if p != RDF.type and isinstance(o, URIRef) and str(o) in nodes and str(s) in nodes
    }
    from_rdf = [r for r in graph.relationships() if r.type != IN_DOCUMENT]  # inDocument is derived
    assert len(from_rdf) == len(expected)


def test_assertions_get_the_derived_in_document_shortcut(graph: PropertyGraph) -> None:
    evidence_document = {r.start: r.end for r in graph.relationships() if r.type == "hasDocument"}
    expected = {
        (r.start, evidence_document[r.end])
        for r in graph.relationships()
        if r.type == "hasEvidence" and r.end in evidence_document
    }
    shortcuts = {(r.start, r.end) for r in graph.rel_tables[IN_DOCUMENT].relationships}
    assert expected and shortcuts == expected


def test_relationship_types_avoid_label_names() -> None:
    assert relationship_type("program") == "hasProgram"
    assert relationship_type("within") == "within"
    assert relationship_type("evidence") == "hasEvidence"


def test_declared_labels_and_types_exist_even_without_data(graph: PropertyGraph) -> None:
    assert graph.node_counts()["Agency"] == 1
    assert graph.rel_counts()["partner"] == 0
    assert ("Recognition", "Place") in graph.rel_tables["recipient"].pairs


def test_single_valued_property_with_two_values_keeps_one_and_warns(sample: Dataset) -> None:
    extra = Dataset()
    for quad in sample.quads((None, None, None, None)):
        extra.add(quad)
    doc = URIRef(RKD + "doc/aaaaaaaaaaaaaaaa")
    extra.graph(doc).add((doc, URIRef(RK + "sourceFormat"), Literal("pdf")))
    projection = project_with_warnings(extra)
    node = next(n for n in projection.graph.nodes() if n.uri == str(doc))
    assert node.properties["sourceFormat"] == "pdf"
    assert any("sourceFormat" in w for w in projection.warnings)


def test_local_name() -> None:
    assert local_name(RK + "within") == "within"
    assert local_name("http://purl.org/dc/terms/title") == "title"


def test_the_derived_labels_are_taken_names_whether_or_not_a_load_has_such_nodes() -> None:
    from kg.store.adoptions import ADOPTION
    from kg.store.declared import DERIVED_LABELS, relationship_type
    from kg.store.program_sets import PROGRAM_SET

    assert set(DERIVED_LABELS) == {ADOPTION, PROGRAM_SET}
    assert relationship_type("adoption") == "hasAdoption" and relationship_type("within") == "within"
