"""Derived Adoption nodes: the adoption matrix's rows, grouped from Implementations at load time."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store.adoptions import (
    ADOPTION,
    SORT_MISSING,
    SORT_SEPARATOR,
    add_adoptions,
    adoption_uri,
    sort_adoptions,
)
from kg.store.derived import implementation_links
from kg.store.projection import project_with_warnings
from kg.store.records import Node, NodeTable, PropertyGraph

P, Q, L, M = "rkp:p", "rkp:q", "place:l", "place:m"
NAMES = {
    P: ("prefLabel", "证照分离"), Q: ("prefLabel", "双随机一公开"),
    L: ("label", "东莞市"), M: ("label", "中山市"),
}  # fmt: skip


def _graph(*rows: tuple[str, str, str, str | None, int | None]) -> tuple[dict[str, str], dict[str, Any], set]:
    """Labels, values and relationship keys of some Implementations and their programs and places."""
    labels: dict[str, str] = {P: "Program", Q: "Program", L: "Place", M: "Place"}
    values: dict[str, Any] = {uri: {key: {("STRING", name)}} for uri, (key, name) in NAMES.items()}
    values[Q]["candidate"] = {("BOOLEAN", True)}
    values[L]["code"] = {("STRING", "441900")}
    rel_keys: set[tuple[str, str, str]] = set()
    for uri, program, place, status, year in rows:
        labels[uri] = "Implementation"
        values[uri] = {}
        if status:
            values[uri]["status"] = {("STRING", status)}
        if year:
            values[uri]["year"] = {("INT64", year)}
        rel_keys |= {(uri, "program", program), (uri, "place", place)}
    return labels, values, rel_keys


def _plain(props: dict[str, set[tuple[str, Any]]]) -> dict[str, Any]:
    """Typed property sets as plain values (lists sorted) for comparison."""
    return {
        key: sorted(v for _, v in typed) if key == "statuses" else next(iter(typed))[1]
        for key, typed in props.items()
    }


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (None, {"firstYear": 2019, "latestYear": 2021, "statuses": ["done", "planned"],
                "implementations": 3}),
        ("done", {"firstYear": 2019, "latestYear": 2020, "statuses": ["done"], "implementations": 2}),
        ("planned", {"firstYear": 2021, "latestYear": 2021, "statuses": ["planned"], "implementations": 1}),
        ("ongoing", None),  # no implementation of that status: no node
    ],
)
def test_one_adoption_per_program_place_over_all_statuses_and_per_status(
    status: str | None, expected: dict[str, Any] | None
) -> None:
    labels, values, rel_keys = _graph(
        ("i1", P, L, "done", 2020), ("i2", P, L, "done", 2019), ("i3", P, L, "planned", 2021),
        ("i4", Q, M, "done", 2018),
    )
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    uri = adoption_uri(P, L, status)
    if expected is None:
        assert uri not in labels
        return
    assert labels[uri] == ADOPTION
    got = _plain(values[uri])
    assert {k: got.get(k) for k in expected} == expected
    assert got.get("status") == status
    names = (got["program"], got["programUri"], got["jurisdiction"], got["jurisdictionCode"])
    assert names == ("证照分离", P, "东莞市", "441900")
    assert got["candidate"] is False


def test_candidate_flag_missing_values_and_pairs_of_several_programs() -> None:
    labels, values, rel_keys = _graph(("i1", Q, M, None, None))
    rel_keys.add(("i1", "program", P))  # one implementation of two programs counts for both pairs
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    candidate = _plain(values[adoption_uri(Q, M)])
    assert candidate["candidate"] is True and candidate["implementations"] == 1
    assert not {"firstYear", "latestYear", "statuses", "status", "jurisdictionCode"} & set(candidate)
    assert _plain(values[adoption_uri(P, M)])["implementations"] == 1
    adoptions = {u for u, label in labels.items() if label == ADOPTION}
    assert adoptions == {adoption_uri(Q, M), adoption_uri(P, M)}  # no status: no per-status node


def test_sort_key_orders_like_the_four_columns() -> None:
    # A program name that is a prefix of another must still sort first, whatever follows it.
    names = [("证照", "中山市"), ("证照分离", "东莞市"), ("证照", "东莞市"), ("A B", "x"), ("A", "y")]
    keys = [SORT_SEPARATOR.join((program, place, "u1", "u2")) for program, place in names]
    assert sorted(keys) == [SORT_SEPARATOR.join((p, q, "u1", "u2")) for p, q in sorted(names)]


def test_sort_adoptions_puts_all_status_rows_first_in_matrix_order() -> None:
    def node(code: int | None, key: str) -> Node:
        return Node(f"{code}{key}", ADOPTION, {"statusCode": code, "sortKey": key})

    # unknown statuses (no code) last
    nodes = [node(3, "a"), node(None, "a"), node(1, "a"), node(0, "b"), node(0, "a"), node(2, "a")]
    table = NodeTable(ADOPTION, {}, nodes)
    graph = PropertyGraph({ADOPTION: table}, {})
    sort_adoptions(graph)
    assert [(n.properties["statusCode"], n.properties["sortKey"]) for n in table.nodes] == [
        (0, "a"), (0, "b"), (1, "a"), (2, "a"), (3, "a"), (None, "a")
    ]


@pytest.mark.parametrize(("status", "code"), [(None, 0), ("done", 1), ("ongoing", 2), ("planned", 3)])
def test_status_code_numbers_the_status_the_matrix_selects(status: str | None, code: int) -> None:
    labels, values, rel_keys = _graph(("i1", P, L, "done", 2020), ("i2", P, L, "ongoing", 2021),
                                      ("i3", P, L, "planned", 2022))
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    assert _plain(values[adoption_uri(P, L, status)])["statusCode"] == code


def test_a_status_the_matrix_does_not_offer_gets_no_code() -> None:
    labels, values, rel_keys = _graph(("i1", P, L, "suspended", 2020))
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    assert "statusCode" not in values[adoption_uri(P, L, "suspended")]
    assert _plain(values[adoption_uri(P, L)])["statusCode"] == 0


def test_projection_declares_the_adoption_table_even_without_implementations() -> None:
    from rdflib import Graph

    projection = project_with_warnings(Graph())
    table = projection.graph.node_tables[ADOPTION]
    assert table.nodes == [] and table.columns["statuses"].is_list


def test_pairs_with_the_same_facts_share_tallies_but_keep_their_own_names() -> None:
    # (P, L) and (Q, M) have the same (status, year) sequence, so their tallies are made once
    labels, values, rel_keys = _graph(("i1", P, L, "done", 2020), ("i2", Q, M, "done", 2020))
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    for status in (None, "done"):
        at_l, at_m = values[adoption_uri(P, L, status)], values[adoption_uri(Q, M, status)]
        assert at_l is not at_m  # each node owns its dict: the tables pop and fill them one by one
        plain_l, plain_m = _plain(at_l), _plain(at_m)
        assert (plain_l["program"], plain_l["jurisdiction"]) == ("证照分离", "东莞市")
        assert (plain_m["program"], plain_m["jurisdiction"]) == ("双随机一公开", "中山市")
        tally = ("implementations", "firstYear", "latestYear", "statuses", "statusCode")
        assert [plain_l[k] for k in tally] == [plain_m[k] for k in tally] == [
            1, 2020, 2020, ["done"], 0 if status is None else 1]


def test_a_missing_name_sorts_last_in_the_sort_key() -> None:
    labels, values, rel_keys = _graph(("i1", P, L, "done", 2020))
    del values[L]["label"]
    add_adoptions(labels, values, implementation_links(labels, rel_keys))
    got = _plain(values[adoption_uri(P, L)])
    assert got["sortKey"] == SORT_SEPARATOR.join(("证照分离", SORT_MISSING, P, L))
    assert "jurisdiction" not in got


def test_implementations_are_read_only_through_the_facts_read_before() -> None:
    from kg.store.program_sets import add_program_sets

    labels, values, rel_keys = _graph(("i1", P, L, "done", 2020), ("i2", P, L, "planned", 2021))
    rel_keys |= {("i1", "inDocument", "d1"), ("i2", "inDocument", "d1")}
    labels["d1"], values["d1"] = "Document", {"title": {("STRING", "报告")}}
    links = implementation_links(labels, rel_keys)
    assert links.read_facts(values) == {"i1": ("done", 2020), "i2": ("planned", 2021)}
    for uri in ("i1", "i2"):  # a bulk load may have written (and popped) the Implementations by now
        del values[uri]
    add_adoptions(labels, values, links)
    add_program_sets(labels, values, links)
    assert _plain(values[adoption_uri(P, L)])["statuses"] == ["done", "planned"]
    assert "ProgramSet" in labels.values()
