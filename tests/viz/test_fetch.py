"""Subgraphs read from a real embedded store: neighbourhoods, the whole graph, query results."""

from __future__ import annotations

import time

import pytest
from kg.queries.names import NameResolutionError
from kg.viz import neighbourhood, resolve, subgraph_from_result, whole_graph
from kg.viz.graph import drawn_name

from kg.store.base import GraphStore, QueryResult
from tests.viz.sample_graphs import (
    DONGGUAN,
    GUANGDONG,
    PAYLOAD_WHAT,
    SHANGSHI,
    ZHENGZHAO,
    ZHONGSHAN,
    D,
)


def classes(graph) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, label in graph.nodes(data="label"):
        counts[label] = counts.get(label, 0) + 1
    return counts


def test_depth_zero_is_the_node_alone(sample_store: GraphStore) -> None:
    graph = neighbourhood(sample_store, DONGGUAN, 0)
    assert list(graph.nodes) == [DONGGUAN] and graph.number_of_edges() == 0


def test_depth_one_of_a_place_has_its_assertions_document_and_province(sample_store: GraphStore) -> None:
    graph = neighbourhood(sample_store, DONGGUAN, 1)
    assert set(graph.nodes) == {
        DONGGUAN, GUANGDONG, D + "doc/0000000000000000", D + "implementation/a1", D + "noveltyclaim/c1",
    }
    assert ("hasPlace" in {t for _, _, t in graph.in_edges(DONGGUAN, data="type")})
    assert graph.has_edge(DONGGUAN, GUANGDONG) and not graph.has_edge(GUANGDONG, DONGGUAN)


def test_evidence_is_folded_into_tooltips_unless_asked_for(sample_store: GraphStore) -> None:
    folded = neighbourhood(sample_store, DONGGUAN, 2)
    assert "Evidence" not in classes(folded)
    sentences = folded.nodes[D + "implementation/a1"]["evidence"]
    sentence = "东莞“深化商事制度改革”获评全国首批法治政府建设示范项目。"
    report = "东莞市市场监督管理局2020年工作总结"
    assert sentences == [f"{sentence} ——《{report}》"]
    drawn = neighbourhood(sample_store, DONGGUAN, 2, include_evidence=True)
    assert classes(drawn)["Evidence"] == 2


def test_unnamed_assertions_are_named_by_what_they_link_even_if_not_drawn(sample_store: GraphStore) -> None:
    graph = neighbourhood(sample_store, DONGGUAN, 1)
    assert SHANGSHI not in graph  # the program is two hops away
    assert drawn_name(graph, D + "implementation/a1") == "商事制度改革 @ 东莞市"


def test_depth_two_reaches_the_other_city_through_the_province(sample_store: GraphStore) -> None:
    assert ZHONGSHAN not in neighbourhood(sample_store, DONGGUAN, 1)
    graph = neighbourhood(sample_store, DONGGUAN, 2)
    assert ZHONGSHAN in graph and SHANGSHI in graph and ZHENGZHAO not in graph


def test_unknown_uri_is_an_error(sample_store: GraphStore) -> None:
    with pytest.raises(LookupError):
        neighbourhood(sample_store, D + "place/000000", 1)


def test_neighbourhood_cap_keeps_the_seed_and_says_so(big_store: GraphStore) -> None:
    program = "https://w3id.org/regkg/id/program/p3"
    graph = neighbourhood(big_store, program, 2, max_nodes=50)
    assert graph.number_of_nodes() == 50 and program in graph
    assert graph.graph["capped"] and graph.graph["total_nodes"] > 50


@pytest.mark.parametrize(
    ("kind", "name", "expected"),
    [
        ("place", "东莞", [DONGGUAN]),
        ("place", "441900", [DONGGUAN]),
        ("program", "商事登记制度改革", [SHANGSHI]),
        ("program", "“证照分离”改革", [ZHENGZHAO]),
        ("place", ZHONGSHAN, [ZHONGSHAN]),
    ],
)
def test_resolve_names(sample_store: GraphStore, kind: str, name: str, expected: list[str]) -> None:
    assert resolve(sample_store, kind, name) == expected


def test_resolve_unknown_name_suggests(sample_store: GraphStore) -> None:
    with pytest.raises(NameResolutionError):
        resolve(sample_store, "place", "北京市")


def test_whole_graph_small_store_is_complete(sample_store: GraphStore) -> None:
    graph = whole_graph(sample_store)
    assert not graph.graph["capped"] and graph.graph["total_nodes"] == graph.number_of_nodes() == 12
    assert classes(graph) == {"Place": 3, "Program": 2, "Agency": 1, "Document": 2, "Implementation": 2,
                              "Pilot": 1, "NoveltyClaim": 1}
    claim = graph.nodes[D + "noveltyclaim/c1"]
    assert claim["name"] == PAYLOAD_WHAT and claim["years"] == [2020]


def test_whole_graph_cap_keeps_the_best_connected_core_and_is_fast(big_store: GraphStore) -> None:
    started = time.perf_counter()
    graph = whole_graph(big_store, 2000)
    seconds = time.perf_counter() - started
    assert graph.number_of_nodes() == 2000 and graph.graph["capped"]
    assert graph.graph["total_nodes"] == 120 + 20 + 1 + 120 * 20
    counts = classes(graph)
    assert counts["Place"] == 120 and counts["Program"] == 20 and counts["Document"] == 1
    assert graph.number_of_edges() >= 2 * counts["Implementation"]  # a graph, not a scatter
    assert seconds < 20, f"whole graph of 2,000 nodes took {seconds:.1f} s"


def test_result_with_nodes_and_relationships_is_drawn_as_returned(sample_store: GraphStore) -> None:
    result = sample_store.run("MATCH (a:Pilot)-[r]->(b:Place) RETURN a, r, b")
    graph = subgraph_from_result(result)
    assert set(graph.nodes) == {D + "pilot/p1", ZHONGSHAN} and graph.number_of_edges() == 1


def test_result_of_uris_is_expanded_and_connected(sample_store: GraphStore) -> None:
    result = QueryResult(["place", "program"], [[ZHONGSHAN, ZHENGZHAO], [GUANGDONG, None]])
    graph = subgraph_from_result(result, sample_store)
    assert set(graph.nodes) == {ZHONGSHAN, ZHENGZHAO, GUANGDONG}
    assert list(graph.edges(data="type")) == [(ZHONGSHAN, GUANGDONG, "within")]


def test_result_of_plain_values_without_store_is_empty() -> None:
    graph = subgraph_from_result(QueryResult(["n"], [["东莞市"], [3]]))
    assert graph.number_of_nodes() == 0


def test_whole_graph_leaves_out_the_stores_derived_summaries(seeds_data_dir) -> None:
    """The seeds' store holds derived Adoption/ProgramSet nodes (docs/schema.md); the page draws
    only what the documents state."""
    from kg.viz.fetch import DERIVED_CLASSES

    from kg.store import open_store

    store = open_store("embedded", seeds_data_dir)
    try:
        present = set(store.schema()["labels"])
        assert DERIVED_CLASSES <= present  # the store does hold them
        graph = whole_graph(store, max_nodes=100_000)
    finally:
        store.close()
    assert not DERIVED_CLASSES & set(classes(graph)), classes(graph)
    assert {"Place", "Program", "Implementation"} <= set(classes(graph))
