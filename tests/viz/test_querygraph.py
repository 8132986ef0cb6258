"""The graph behind a canned query's answer."""

from __future__ import annotations

import pytest
from kg.queries.names import build_name_index
from kg.viz.querygraph import canned_query_graph, names_in_result, uris_in_result

from kg.store.base import GraphStore, QueryResult
from tests.viz.sample_graphs import SHANGSHI, ZHENGZHAO, ZHONGSHAN, D


def test_program_adopters_draws_program_places_and_linking_assertions(sample_store: GraphStore) -> None:
    graph, result = canned_query_graph(sample_store, "program-adopters", {"program": "证照分离"})
    assert len(result.rows) == 1
    assert set(graph.nodes) == {ZHENGZHAO, ZHONGSHAN, D + "implementation/a2", D + "pilot/p1"}
    assert graph.has_edge(D + "implementation/a2", ZHENGZHAO) and graph.has_edge(D + "pilot/p1", ZHONGSHAN)
    assert graph.nodes[D + "implementation/a2"]["evidence"]  # sentences in the tooltip


def test_names_in_result_finds_exact_unambiguous_names(sample_store: GraphStore) -> None:
    result = QueryResult(["a", "b"], [["中山市", ["商事制度改革", "done"]], ["不存在", 2020]])
    assert names_in_result(result, build_name_index(sample_store)) == [ZHONGSHAN, SHANGSHI]


def test_uris_in_result_reads_only_the_uri_columns() -> None:
    rows = [["中山市", ZHONGSHAN, [SHANGSHI, ZHONGSHAN]], ["x", None, []]]
    result = QueryResult(["place", "place_uri", "programs_uri"], rows)
    assert uris_in_result(result) == [ZHONGSHAN, SHANGSHI]


def test_query_graph_draws_the_nodes_of_the_uri_columns(sample_store: GraphStore) -> None:
    graph, result = canned_query_graph(sample_store, "pilots", {})
    uris = {row[result.columns.index(c)] for row in result.rows for c in ("pilot_uri", "place_uri")}
    assert uris and uris <= set(graph.nodes)


def test_unknown_query_is_refused(sample_store: GraphStore) -> None:
    from kg.queries.catalogue import UnknownQueryError

    with pytest.raises(UnknownQueryError):
        canned_query_graph(sample_store, "no-such-query")
