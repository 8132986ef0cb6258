"""Node tables as Arrow columns: the same columns, rows, order and warnings as the row tables."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from kg.store.adoptions import ADOPTION, declare_adoptions, sort_adoptions
from kg.store.ladybug_schema import write_node_parquet
from kg.store.node_columns import ColumnarNodeTable, fill_node_columns, uris_by_label
from kg.store.records import ColumnType, PropertyGraph
from kg.store.tables import fill_node_tables

U = "https://w3id.org/regkg/id/"

# uri -> (label, accumulated values): declared and undeclared labels, widened and list columns,
# several values (a warning, a sorted list), booleans beside strings, a node without values
NODES: dict[str, tuple[str, dict[str, Any]]] = {
    U + "o2": ("Outcome", {"value": (("INT64", 3),), "unit": {("STRING", "天"), ("STRING", "个")}}),
    U + "o1": ("Outcome", {"value": (("DOUBLE", 0.5),), "metric": (("STRING", "企业开办"),)}),
    U + "t2": ("Thing", {"flag": (("BOOLEAN", True),), "score": (("INT64", 2),)}),
    U + "t1": ("Thing", {"flag": (("STRING", "y"),), "score": (("DOUBLE", 1.5),)}),
    U + "t3": ("Thing", {}),
    U + "p1": ("Program", {"altLabel": {("STRING", "d"), ("STRING", "c")}, "prefLabel": (("STRING", "证"),)}),
    U + "p0": ("Program", {"altLabel": (("STRING", "b"),)}),
}


def _projected(fill: Any) -> tuple[PropertyGraph, list[str], dict[str, Any]]:
    """A graph filled by ``fill`` from a fresh copy of :data:`NODES` (every table's rows gathered),
    its warnings and the values left."""
    graph, warnings = PropertyGraph(), []
    labels = {uri: label for uri, (label, _) in NODES.items()}
    values = {uri: copy.deepcopy(props) for uri, (_, props) in NODES.items()}
    fill(graph, labels, values, warnings)
    for table in graph.node_tables.values():
        table.fill()
    return graph, warnings, values


def _fill_columns(graph: PropertyGraph, labels: dict[str, str], values: Any, warnings: list[str]) -> None:
    """:func:`fill_node_columns` called as :func:`fill_node_tables` is."""
    fill_node_columns(graph, uris_by_label(labels), values, warnings)


def _written(graph: PropertyGraph, label: str, path: Path) -> dict[str, list[Any]]:
    """The Parquet file the load writes for one table, read back."""
    return pq.read_table(write_node_parquet(graph.node_tables[label], path)).to_pydict()


def test_columns_hold_what_the_row_tables_hold(tmp_path: Path) -> None:
    rows, row_warnings, rows_left = _projected(fill_node_tables)
    columns, column_warnings, columns_left = _projected(_fill_columns)
    assert rows_left == columns_left == {}  # both consume the values
    assert column_warnings == row_warnings == [f"{U}o2: unit has 2 values; kept '个'"]
    assert sorted(columns.node_tables) == sorted(rows.node_tables)
    for label, table in rows.node_tables.items():
        columnar = columns.node_tables[label]
        assert isinstance(columnar, ColumnarNodeTable) and columnar.nodes == []
        assert columnar.columns == table.columns and list(columnar.columns) == list(table.columns)
        assert columnar.count() == table.count() == len(table.nodes)
        if table.nodes:
            expected = _written(rows, label, tmp_path / f"rows-{label}.parquet")
            assert _written(columns, label, tmp_path / f"columns-{label}.parquet") == expected
    assert columns.node_tables["Thing"].columns["flag"] == ColumnType("STRING")
    program = columns.node_tables["Program"].arrow_table()
    assert program is not None and program.column("altLabel").to_pylist() == [["b"], ["c", "d"]]


def test_a_column_declared_after_filling_is_null_and_release_drops_the_rows() -> None:
    graph, _, _ = _projected(_fill_columns)
    table = graph.node_tables["Outcome"]
    table.columns["reportedYear"] = ColumnType("INT64")
    data = table.arrow_table()
    assert data is not None and data.column_names[-1] == "reportedYear"
    assert data.column("reportedYear").null_count == 2
    table.release()
    assert table.count() == 0 and table.arrow_table() is None


def test_adoption_columns_are_stored_in_the_order_of_the_adoption_rows() -> None:
    # out of uri order: codes unsorted, equal sort keys (the uri decides), a missing code and sort key
    adoptions = {
        U + "a5": {"statusCode": (("INT64", 1),), "sortKey": (("STRING", "b"),)},
        U + "a4": {"statusCode": (("INT64", 0),), "sortKey": (("STRING", "z"),)},
        U + "a3": {"statusCode": (("INT64", 1),), "sortKey": (("STRING", "a"),)},
        U + "a2": {"sortKey": (("STRING", "a"),)},
        U + "a1": {"statusCode": (("INT64", 1),), "sortKey": (("STRING", "b"),)},
        U + "a0": {"statusCode": (("INT64", 3),)},
    }
    orders = []
    for fill in (fill_node_tables, _fill_columns):
        graph = PropertyGraph()
        declare_adoptions(graph)
        fill(graph, dict.fromkeys(adoptions, ADOPTION), copy.deepcopy(adoptions), [])
        sort_adoptions(graph)
        table = graph.node_tables[ADOPTION]
        data = table.arrow_table()
        orders.append(data.column("uri").to_pylist() if data is not None else [n.uri for n in table.nodes])
    assert orders[1] == orders[0] == [U + s for s in ("a4", "a3", "a1", "a5", "a0", "a2")]


def test_rows_are_gathered_when_a_table_is_first_read_and_settled_once() -> None:
    labels = {uri: label for uri, (label, _) in NODES.items()}
    values = {uri: copy.deepcopy(props) for uri, (_, props) in NODES.items()}
    graph, settled = PropertyGraph(), []
    settle = settled.append
    fill_node_columns(graph, uris_by_label(labels), values, [], settle=lambda table: settle(table.label))
    assert "Program" not in settled and "Document" in settled  # tables without nodes are settled at once
    assert len(values) == len(NODES)  # nothing gathered yet
    table = graph.node_tables["Thing"]
    assert table.count() == 3 and "flag" not in table.columns
    data = table.arrow_table()
    assert data is not None and data.column("uri").to_pylist() == [U + "t1", U + "t2", U + "t3"]
    assert table.columns["flag"] == ColumnType("STRING") and settled[-1] == "Thing"
    assert sorted(values) == [U + s for s in ("o1", "o2", "p0", "p1")]  # only Thing's were consumed
    table.fill()
    assert settled.count("Thing") == 1 and table.count() == 3
