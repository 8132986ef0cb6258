"""Node tables from accumulated values: column types settled by the data, values coerced to them."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.store.declared import relationship_type
from kg.store.derived import group_links
from kg.store.records import ColumnType, PropertyGraph
from kg.store.tables import RankedRelTable, fill_node_tables, fill_rel_tables

U = "https://w3id.org/regkg/id/"


def _fill(label: str, values: dict[str, dict[str, Any]]) -> tuple[PropertyGraph, list[str]]:
    graph, warnings = PropertyGraph(), []
    fill_node_tables(graph, {uri: label for uri in values}, values, warnings)
    return graph, warnings


@pytest.mark.parametrize(
    ("label", "key", "per_node", "column", "expected"),
    [
        # a declared DOUBLE column takes integers as floats
        ("Outcome", "value", [(("INT64", 3),), (("DOUBLE", 0.5),)], ColumnType("DOUBLE"), [3.0, 0.5]),
        # an undeclared column of integers and doubles widens to DOUBLE
        ("Thing", "score", [(("INT64", 2),), (("DOUBLE", 1.5),)], ColumnType("DOUBLE"), [2.0, 1.5]),
        # booleans beside strings become lower-case strings
        ("Thing", "flag", [(("BOOLEAN", True),), (("STRING", "y"),)], ColumnType("STRING"), ["true", "y"]),
        # a list property is a list even with one value, sorted with several
        ("Program", "altLabel", [(("STRING", "b"),), {("STRING", "d"), ("STRING", "c")}],
         ColumnType("STRING", True), [["b"], ["c", "d"]]),
        # values already of the column's type are kept as they are
        ("Outcome", "year", [(("INT64", 2020),), (("INT64", 2021),)], ColumnType("INT64"), [2020, 2021]),
    ],
)
def test_values_take_the_column_type(
    label: str, key: str, per_node: list[Any], column: ColumnType, expected: list[Any]
) -> None:
    values = {f"{U}n{i}": {key: typed} for i, typed in enumerate(per_node)}
    graph, warnings = _fill(label, values)
    table = graph.node_tables[label]
    assert table.columns[key] == column
    assert [n.properties[key] for n in table.nodes] == expected
    assert [type(v) for v in expected] == [type(n.properties[key]) for n in table.nodes]
    assert warnings == []


def test_single_valued_property_with_several_values_keeps_the_smallest_and_warns_in_node_order() -> None:
    values = {
        U + "b": {"unit": {("STRING", "天"), ("STRING", "个")}, "metric": (("STRING", "m"),)},
        U + "a": {"unit": (("STRING", "户"),), "valueText": {("STRING", "z"), ("STRING", "y")}},
    }
    graph, warnings = _fill("Outcome", values)
    nodes = graph.node_tables["Outcome"].nodes
    assert [n.uri for n in nodes] == [U + "a", U + "b"]
    assert nodes[0].properties == {"unit": "户", "valueText": "y"}
    assert nodes[1].properties == {"metric": "m", "unit": "个"}
    assert list(nodes[1].properties) == ["metric", "unit"]  # key order
    assert warnings == [f"{U}a: valueText has 2 values; kept 'y'", f"{U}b: unit has 2 values; kept '个'"]


def test_values_are_consumed_and_nodes_without_values_have_no_properties() -> None:
    values: dict[str, dict[str, Any]] = {U + "x": {"title": (("STRING", "t"),)}, U + "y": {}}
    graph, _ = _fill("Document", values)
    assert values == {}
    assert [(n.uri, n.properties) for n in graph.node_tables["Document"].nodes] == [
        (U + "x", {"title": "t"}), (U + "y", {})
    ]


def _linked(names: tuple[str, ...]) -> tuple[dict[str, str], set[tuple[str, str, str]]]:
    """Programs and Impls (uris out of sort order) and relationships of each local name between them."""
    kinds = (("p", "Program"), ("i", "Impl"))
    labels = {f"{U}{kind}/{i:02d}": label for i in (3, 11, 0, 7) for kind, label in kinds}
    uris = sorted(labels)
    return labels, {(s, name, e) for name in names for s in uris[::2] for e in uris[1::3]}


@pytest.mark.parametrize(
    "names",
    [
        ("within",),  # one local name per type: ranks coded as integers
        ("program", "hasProgram"),  # two names sharing the type hasProgram
    ],
)
def test_relationships_are_ordered_by_start_name_end_uri(names: tuple[str, ...]) -> None:
    labels, rel_keys = _linked(names)
    graph = PropertyGraph()
    links = group_links(rel_keys)
    fill_rel_tables(graph, labels, links)
    assert links == {}  # consumed
    rtype = relationship_type(names[0], set(labels.values()))
    rels = graph.rel_tables[rtype].relationships
    assert [(r.start, r.end) for r in rels] == [(s, e) for s, _, e in sorted(rel_keys)]
    assert {(r.start_label, r.end_label) for r in rels} <= graph.rel_tables[rtype].pairs
    assert all((r.type, r.start_label, r.end_label) == (rtype, labels[r.start], labels[r.end]) for r in rels)


@pytest.mark.parametrize("names", [("within",), ("program", "hasProgram")])
def test_ranked_pair_columns_list_the_tuples_of_each_label_pair_in_order(names: tuple[str, ...]) -> None:
    labels, rel_keys = _linked(names)
    graph = PropertyGraph()
    fill_rel_tables(graph, labels, group_links(rel_keys))
    table = graph.rel_tables[relationship_type(names[0], set(labels.values()))]
    ranked = table.ranked_ends()
    assert ranked is not None
    for start, end in table.pairs | {("Program", "Nothing")}:
        columns = ranked.pair_columns(start, end).to_pydict()
        rels = table.relationships
        expected = [(r.start, r.end) for r in rels if (r.start_label, r.end_label) == (start, end)]
        assert list(zip(columns["from"], columns["to"], strict=True)) == expected
    table.relationships.pop()  # ranks no longer describe the tuples: the loader must not use them
    assert table.ranked_ends() is None


def test_tables_without_tuples_hold_the_same_relationships_as_ranks() -> None:
    labels, rel_keys = _linked(("program", "hasProgram", "within"))
    with_tuples, ranks_only = PropertyGraph(), PropertyGraph()
    fill_rel_tables(with_tuples, labels, group_links(rel_keys))
    fill_rel_tables(ranks_only, labels, group_links(rel_keys), tuples=False)
    ranked_types = {rtype for rtype, t in with_tuples.rel_tables.items() if isinstance(t, RankedRelTable)}
    assert ranked_types == {"hasProgram", "within"}
    assert ranked_types == {r for r, t in ranks_only.rel_tables.items() if isinstance(t, RankedRelTable)}
    for rtype in ranked_types:
        table, lean = with_tuples.rel_tables[rtype], ranks_only.rel_tables[rtype]
        assert isinstance(table, RankedRelTable) and isinstance(lean, RankedRelTable)
        assert lean.relationships == [] and lean.pairs == table.pairs
        assert lean.count() == table.count() == len(table.relationships)
        for start, end in table.pairs:
            ranked, full = lean.ranked_ends(), table.ranked_ends()
            assert ranked is not None and full is not None
            assert ranked.pair_columns(start, end).equals(full.pair_columns(start, end))


_SCALARS = st.one_of(
    st.text(max_size=3), st.integers(-5, 5), st.booleans(), st.floats(-5, 5, allow_nan=False)
)
_BASE_OF = {str: "STRING", int: "INT64", bool: "BOOLEAN", float: "DOUBLE"}


@given(values=st.lists(_SCALARS, min_size=1, max_size=6), is_list=st.booleans(),
       declared=st.sampled_from([None, "STRING", "DOUBLE"]))
def test_several_values_are_converted_and_sorted_by_type_then_value(
    values: list[Any], declared: Any, is_list: bool
) -> None:
    from kg.store.tables import coerce_values, column_type, convert_value

    typed = {(_BASE_OF[type(v)], v) for v in values}  # one base per value, as the accumulator keeps them
    # the column's type as the load settles it from the values seen (and a declared type they fit)
    base = column_type("k", declared and ColumnType(declared), {b for b, _ in typed}).base
    expected = sorted({convert_value(v, base) for _, v in typed}, key=lambda v: (str(type(v)), v))
    warnings: list[str] = []
    got = coerce_values("u", "k", ColumnType(base, is_list), typed, warnings)
    got_list, expected_list = (got, expected) if is_list else ([got], expected[:1])
    assert got_list == expected_list
    assert [type(v) for v in got_list] == [type(v) for v in expected_list]
    assert len(warnings) == (0 if is_list or len(expected) == 1 else 1)
