"""Derived data of the projection: plans' follow-up reports, assertions' document context."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store.declared import declared_columns
from kg.store.derived import (
    DOCUMENT_COLUMNS,
    add_document_context,
    add_reported,
    document_shortcuts,
    group_links,
    implementation_links,
)

P, Q, L, M = "rkp:p", "rkp:q", "place:l", "place:m"


def _implementations(*rows: tuple[str, str, str, str, int]) -> tuple[dict[str, str], dict[str, Any], set]:
    labels, values, rel_keys = {}, {}, set()
    for uri, program, place, status, year in rows:
        labels[uri] = "Implementation"
        values[uri] = {"status": {("STRING", status)}, "year": {("INT64", year)}}
        rel_keys |= {(uri, "program", program), (uri, "place", place)}
    return labels, values, rel_keys


@pytest.mark.parametrize(
    ("reports", "expected"),
    [
        ([], None),
        ([("r1", P, L, "ongoing", 2021)], (2021, "ongoing")),
        ([("r1", P, L, "ongoing", 2022), ("r2", P, L, "done", 2023)], (2022, "done")),
        ([("r1", P, L, "done", 2020)], None),  # before the plan's year
        ([("r1", Q, L, "done", 2021), ("r2", P, M, "done", 2021)], None),  # other program / place
        ([("r1", P, L, "planned", 2022)], None),  # a later plan is no report
    ],
)
def test_a_plan_is_reported_by_a_later_report_of_its_program_and_place(
    reports: list[tuple[str, str, str, str, int]], expected: tuple[int, str] | None
) -> None:
    labels, values, rel_keys = _implementations(("plan", P, L, "planned", 2021), *reports)
    add_reported(labels, values, group_links(rel_keys))
    got = values["plan"].get("reportedYear"), values["plan"].get("reportedStatus")
    if expected is None:
        assert got == (None, None)
    else:
        assert got == ({("INT64", expected[0])}, {("STRING", expected[1])})


def _document_graph(title: str | None) -> tuple[dict[str, str], dict[str, Any], set]:
    """A document (with or without a title) in place L, an Outcome in it and one Target in no document."""
    labels = {"doc": "Document", L: "Place", "o": "Outcome", "t": "Target"}
    doc_values: dict[str, Any] = {"path": {("STRING", "a/report.txt")}, "summaryYear": {("INT64", 2020)}}
    if title is not None:
        doc_values["title"] = {("STRING", title)}
    values = {"doc": doc_values, L: {"label": {("STRING", "东莞市")}}, "o": {}, "t": {}}
    rel_keys = {("doc", "jurisdiction", L), ("o", "inDocument", "doc")}
    return labels, values, rel_keys


@pytest.mark.parametrize(
    ("title", "name"), [("东莞市2020年工作总结", "东莞市2020年工作总结"), (None, "a/report.txt")]
)
def test_an_assertion_carries_its_documents_name_year_and_jurisdiction(title: str | None, name: str) -> None:
    labels, values, rel_keys = _document_graph(title)
    add_document_context(labels, values, group_links(rel_keys))
    assert {key: set(typed) for key, typed in values["o"].items()} == {
        "documentName": {("STRING", name)},
        "documentSummaryYear": {("INT64", 2020)},
        "jurisdictionLabel": {("STRING", "东莞市")},
        "jurisdictionUri": {("STRING", L)},
    }
    assert values["t"] == {}  # no document, nothing to copy


def test_document_columns_are_declared_on_every_assertion_label() -> None:
    for label in ("Implementation", "Pilot", "NoveltyClaim", "Outcome", "Target"):
        assert set(DOCUMENT_COLUMNS) <= set(declared_columns(label)), label
    assert not set(DOCUMENT_COLUMNS) & set(declared_columns("Place"))


def test_document_shortcuts_follow_evidence_to_its_document_once_per_assertion() -> None:
    labels = {"o": "Outcome", "e1": "Evidence", "e2": "Evidence", "doc": "Document", "p": "Program"}
    rel_keys = {
        ("o", "evidence", "e1"), ("o", "evidence", "e2"),  # two sentences of one document
        ("e1", "document", "doc"), ("e2", "document", "doc"),
        ("p", "evidence", "e1"),  # not an assertion: no shortcut
    }
    assert document_shortcuts(labels, group_links(rel_keys)) == {("o", "doc")}


def test_group_links_keeps_each_key_once_under_its_name() -> None:
    grouped = group_links([("a", "place", "b"), ("a", "place", "b"), ("a", "program", "c")])
    assert {name: sorted(pairs) for name, pairs in grouped.items()} == {
        "place": [("a", "b")], "program": [("a", "c")]
    }


def test_implementation_links_are_the_same_from_keys_groups_or_already_gathered() -> None:
    labels = {"i": "Implementation", "o": "Outcome", P: "Program", L: "Place", "doc": "Document"}
    rel_keys = {("i", "program", P), ("i", "place", L), ("i", "inDocument", "doc")}
    rel_keys.add(("o", "inDocument", "doc"))  # not an Implementation
    gathered = implementation_links(labels, rel_keys)
    assert gathered.programs == {"i": {P}} and gathered.places == {"i": {L}}
    assert gathered.documents == {"i": {"doc"}}
    assert implementation_links(labels, group_links(rel_keys)) == gathered
    assert implementation_links(labels, gathered) is gathered
