"""Building the networkx graph from store rows: merging, skipping, naming."""

from __future__ import annotations

from kg.viz.graph import GraphBuilder, VizGraph, drawn_name

D = "https://w3id.org/regkg/id/"


def node(internal: str, node_class: str, uri: str, /, **props: object) -> dict:
    return {"_kind": "node", "_id": internal, "_label": node_class, "uri": uri, **props}


def rel(internal: str, rel_type: str, start: str, end: str) -> dict:
    return {"_kind": "relationship", "_id": internal, "_type": rel_type, "_start": start, "_end": end}


PLACE = node("0:0", "Place", D + "place/441900", label="东莞市", code="441900")
PROGRAM = node("1:0", "Program", D + "program/p", prefLabel="商事制度改革")
IMPL = node("2:0", "Implementation", D + "implementation/a1", status="done", year=2020)
EVIDENCE = node("3:0", "Evidence", D + "evidence/a1", text="东莞“深化商事制度改革”获评全国首批示范项目。")


def test_relationship_before_its_end_in_the_row_is_still_drawn() -> None:
    builder = GraphBuilder()
    builder.add_row([IMPL, rel("9:0", "hasPlace", "2:0", "0:0"), PLACE])
    graph = builder.graph
    assert list(graph.edges(keys=True, data="type")) == [(IMPL["uri"], PLACE["uri"], "9:0", "hasPlace")]


def test_repeated_rows_merge_into_one_node_and_one_edge() -> None:
    builder = GraphBuilder()
    for _ in range(3):
        builder.add_row([IMPL, rel("9:0", "hasPlace", "2:0", "0:0"), PLACE])
    assert builder.graph.number_of_nodes() == 2 and builder.graph.number_of_edges() == 1


def test_skipped_class_is_not_drawn_and_neither_are_its_links() -> None:
    builder = GraphBuilder(skip_classes={"Evidence"})
    added = builder.add_row([IMPL, rel("9:1", "hasEvidence", "2:0", "3:0"), EVIDENCE])
    assert added == [IMPL["uri"]]
    assert list(builder.graph.nodes) == [IMPL["uri"]] and builder.graph.number_of_edges() == 0


def test_relationship_to_an_unseen_node_is_left_out() -> None:
    builder = GraphBuilder()
    builder.add_row([IMPL, rel("9:0", "hasPlace", "2:0", "0:7")])
    assert builder.graph.number_of_edges() == 0


def test_node_attributes() -> None:
    builder = GraphBuilder()
    builder.add_row([PLACE])
    data = builder.graph.nodes[PLACE["uri"]]
    assert (data["label"], data["name"], data["uri"], data["years"]) == ("Place", "东莞市", PLACE["uri"], [])
    assert data["props"]["code"] == "441900" and data["evidence"] == []


def test_implementation_is_named_by_its_program_and_place() -> None:
    builder = GraphBuilder()
    builder.add_row([IMPL, rel("9:0", "hasPlace", "2:0", "0:0"), PLACE])
    builder.add_row([IMPL, rel("9:1", "hasProgram", "2:0", "1:0"), PROGRAM])
    assert drawn_name(builder.graph, IMPL["uri"]) == "商事制度改革 @ 东莞市"
    assert drawn_name(builder.graph, PLACE["uri"]) == "东莞市"


def test_vizgraph_displays_inline_in_notebooks() -> None:
    graph = VizGraph(title="t")
    graph.add_node("n", label="Place", name="东莞市", uri="n", years=[], evidence=[], props={}, named=True)
    shown = graph._repr_html_()
    assert shown.startswith("<iframe srcdoc=") and "vis.Network" in shown
