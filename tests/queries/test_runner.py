"""The query runner: which parameters it inlines as literals, and that inlining keeps the answers."""

from __future__ import annotations

import json
from typing import Any

import pytest
from kg.queries.catalogue import load_catalogue
from kg.queries.header import QueryHeader, QueryParam
from kg.queries.runner import QueryRunner, literal_parameters
from kg.queries.tokens import inline_null_parameters

from tests.queries.test_canned import MINIMAL_PARAMS

HEADER = QueryHeader(
    name="q", description="", columns=("x",),
    params=(
        QueryParam("flag", "bool"), QueryParam("limit", "int"),
        QueryParam("status", "choice", choices=("done",)),
        QueryParam("program", "program"), QueryParam("text", "str"),
    ),
)  # fmt: skip


@pytest.mark.parametrize(
    ("params", "inlined"),
    [
        ({"flag": False, "limit": 5, "status": "done", "program": "证照分离", "text": "a"},
         {"flag", "limit", "status"}),
        ({"flag": None, "limit": None, "status": None, "program": None, "text": None},
         {"flag", "limit", "status", "program", "text"}),  # nulls always
        ({"flag": 1, "limit": True, "status": "other", "program": "x", "text": "b"},
         set()),  # values of another type, or no choice, stay parameters
    ],
)
def test_literal_parameters_are_nulls_and_typed_flags_counts_and_choices(
    params: dict[str, Any], inlined: set[str]
) -> None:
    assert literal_parameters(HEADER, params) == inlined


# Non-default values too, so that inlined flags, counts and choices are exercised.
VARIANTS: list[tuple[str, dict[str, str]]] = [
    ("adoption-matrix", {"status": "done"}), ("adoption-matrix", {"candidates": "true", "limit": "3"}),
    ("co-adoption", {"by": "jurisdiction", "planned": "true"}), ("co-adoption", {"candidates": "true"}),
    ("targets", {"binding": "true"}), ("firsts", {"scope": "national"}),
    *[(name, MINIMAL_PARAMS.get(name, {})) for name in load_catalogue()],
]  # fmt: skip


@pytest.mark.parametrize(("name", "raw"), VARIANTS, ids=lambda v: json.dumps(v, ensure_ascii=False))
def test_inlined_literals_give_the_answers_of_bound_parameters(
    runner: QueryRunner, name: str, raw: dict[str, str]
) -> None:
    query = load_catalogue()[name]
    bound = runner.store.run(*inline_null_parameters(query.text, runner.bind(query, raw)))
    inlined = runner.run_canned(name, raw)
    assert sorted(map(_canonical, inlined.rows)) == sorted(map(_canonical, bound.rows))


def _canonical(row: list[Any]) -> str:
    """A row as text with its list cells sorted (the runner sorts the header's ``sets``)."""
    return json.dumps([sorted(map(json.dumps, c)) if isinstance(c, list) else c for c in row])
