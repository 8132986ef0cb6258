"""Derived data of the projection: planned implementations' follow-up reports."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store.derived import add_reported

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
    add_reported(labels, values, rel_keys)
    got = values["plan"].get("reportedYear"), values["plan"].get("reportedStatus")
    if expected is None:
        assert got == (None, None)
    else:
        assert got == ({("INT64", expected[0])}, {("STRING", expected[1])})
