"""The graph behind a canned query's answer.

Canned queries return tables (labels, years, counts) rather than nodes, so the drawing is
rebuilt from what the answer mentions: the IRIs of its ``…_uri`` columns (every canned query
declares them) and of any other column, and the entities its parameters were resolved to. Only
a query without uri columns has its cells matched against program, place and agency names. Those
nodes are drawn with the relationships among them and the assertions that link two of them
(e.g. the Implementation between a Program and the Place that ran it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from kg.queries.formatting import URI_SUFFIX
from kg.queries.names import NameIndex
from kg.queries.runner import QueryRunner
from kg.viz.fetch import (
    DEFAULT_MAX_NODES,
    FOLDED_CLASSES,
    annotate,
    batches,
    subgraph_from_result,
)
from kg.viz.graph import GraphBuilder, VizGraph
from kg.viz.records import iter_regkg_iris

from kg.store.base import GraphStore, QueryResult

# Assertions that link two answer entities; bounded so a broad answer stays drawable.
BRIDGE_QUERY = (
    "MATCH (a)-[r1]-(x)-[r2]-(b) WHERE a.uri IN $uris AND b.uri IN $targets AND a.uri < b.uri "
    "RETURN a, r1, x, r2, b LIMIT $limit"
)
BRIDGE_ROW_LIMIT = 5000


def uris_in_result(result: QueryResult) -> list[str]:
    """The IRIs in the answer's ``…_uri`` columns, in order: exactly the nodes the answer is about."""
    positions = [i for i, column in enumerate(result.columns) if column.endswith(URI_SUFFIX)]
    found = [iri for row in result.rows for i in positions for iri in iter_regkg_iris(row[i])]
    return list(dict.fromkeys(found))


def names_in_result(result: QueryResult, index: NameIndex) -> list[str]:
    """IRIs of the programs, places and agencies whose exact name appears in a result cell."""
    found: list[str] = []
    seen: set[str] = set()
    for row in result.rows:
        for text in _strings(row):
            if text in seen:
                continue
            seen.add(text)
            uris = index.lookup("node", text)
            if len(uris) == 1:  # an ambiguous name is not evidence of which node was meant
                found.extend(uris)
    return list(dict.fromkeys(found))


def _strings(values: Iterable[Any]) -> Iterable[str]:
    """Every non-empty string in a row, descending into list cells."""
    for value in values:
        if isinstance(value, str) and value.strip():
            yield value
        elif isinstance(value, list | tuple):
            yield from _strings(value)


def bridge(store: GraphStore, builder: GraphBuilder, uris: list[str], *, max_nodes: int) -> None:
    """Add the one-hop nodes (not Evidence) that link two of ``uris``, up to ``max_nodes`` in all."""
    for batch in batches(sorted(uris)):
        params = {"uris": batch, "targets": sorted(uris), "limit": BRIDGE_ROW_LIMIT}
        for row in store.run(BRIDGE_QUERY, params).rows:
            if builder.graph.number_of_nodes() >= max_nodes:
                builder.graph.graph["capped"] = True
                return
            builder.add_row(row)


def canned_query_graph(
    store: GraphStore,
    name: str,
    raw_params: Mapping[str, Any] | None = None,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    include_evidence: bool = False,
) -> tuple[VizGraph, QueryResult]:
    """Run canned query ``name`` (user values ``raw_params``) and return its graph and its table.

    Evidence nodes returned by the query are always drawn; ``include_evidence`` also lets the
    linking step draw the Evidence between two answer entities.
    """
    runner = QueryRunner(store)
    result = runner.run_canned(name, raw_params or {})
    bound = runner.bind(name, raw_params or {})
    focus = [iri for value in bound.values() for iri in iter_regkg_iris(value)]
    named = uris_in_result(result)
    if not any(column.endswith(URI_SUFFIX) for column in result.columns):
        named = names_in_result(result, runner.name_index())  # a query without uri columns: guess by name
    graph = subgraph_from_result(result, store, extra_uris=[*focus, *named], title=f"query {name}")
    builder = GraphBuilder(graph, skip_classes=() if include_evidence else FOLDED_CLASSES)
    entity_uris = [uri for uri in dict.fromkeys([*focus, *named]) if uri in graph]
    if len(entity_uris) > 1:
        bridge(store, builder, entity_uris, max_nodes=max_nodes)
    annotate(store, graph)
    graph.graph["total_nodes"] = graph.number_of_nodes()
    return graph, result
