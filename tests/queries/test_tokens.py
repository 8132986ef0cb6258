"""Splitting console input into statements and inlining null parameters."""

from __future__ import annotations

import pytest
from kg.queries.tokens import cypher_literal, inline_null_parameters, inline_parameters, split_statements


@pytest.mark.parametrize(
    ("text", "statements", "rest"),
    [
        ("MATCH (n) RETURN n;", ["MATCH (n) RETURN n"], ""),
        ("MATCH (n)\nRETURN n;\nMATCH (m) RETURN m;", ["MATCH (n)\nRETURN n", "MATCH (m) RETURN m"], ""),
        ("MATCH (n) WHERE n.t = 'a;b' RETURN n", [], "MATCH (n) WHERE n.t = 'a;b' RETURN n"),
        ("RETURN 1 // no; end\n;", ["RETURN 1 // no; end"], ""),
        ("RETURN 1; RETURN", ["RETURN 1"], " RETURN"),
        (";;", [], ""),
    ],
)
def test_split_statements(text: str, statements: list[str], rest: str) -> None:
    assert split_statements(text) == (statements, rest)


def test_null_parameters_become_literals_outside_strings() -> None:
    text = "MATCH (i) WHERE $year IS NULL OR i.year = $year RETURN '$year' AS s, $years AS y"
    inlined, params = inline_null_parameters(text, {"year": None, "years": [2020]})
    assert inlined == "MATCH (i) WHERE null IS NULL OR i.year = null RETURN '$year' AS s, $years AS y"
    assert params == {"years": [2020]}


def test_non_null_parameters_are_untouched() -> None:
    text = "RETURN $a AS a"
    assert inline_null_parameters(text, {"a": 0}) == (text, {"a": 0})


def test_named_parameters_become_literals_and_the_rest_stay_parameters() -> None:
    text = "MATCH (a) WHERE a.code = $code AND ($all OR a.n > $n) RETURN '$code', $names LIMIT $n"
    params = {"code": "done", "all": False, "n": 7, "names": ["x"]}
    inlined, rest = inline_parameters(text, params, {"code", "all", "n"})
    assert inlined == "MATCH (a) WHERE a.code = 'done' AND (false OR a.n > 7) RETURN '$code', $names LIMIT 7"
    assert rest == {"names": ["x"]}


@pytest.mark.parametrize(
    ("value", "literal"),
    [(None, "null"), (True, "true"), (False, "false"), (0, "0"), (-12, "-12"),
     ("it's", "'it\\'s'"), ("a\\b", "'a\\\\b'")],
)
def test_cypher_literals(value: object, literal: str) -> None:
    assert cypher_literal(value) == literal  # type: ignore[arg-type]


def test_a_value_without_a_literal_form_is_refused() -> None:
    with pytest.raises(TypeError):
        cypher_literal(1.5)  # type: ignore[arg-type]
