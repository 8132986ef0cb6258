"""Parsing the ``//`` header of canned query files."""

from __future__ import annotations

import pytest
from kg.queries.header import HeaderError, parse_header, parse_param

HEADER = """// name: sample
// description: First line of the description,
//   continued here.
// param program: program! -- the program
// param limit: int = 10 -- most rows
// param scope: choice(national|provincial) -- a scope
// columns: a, b,
//   c
MATCH (n) RETURN n.a AS a, n.b AS b, n.c AS c
// a comment in the body is not part of the header
"""


def test_header_fields_and_continuations() -> None:
    header = parse_header(HEADER)
    assert header.name == "sample"
    assert header.description == "First line of the description, continued here."
    assert header.columns == ("a", "b", "c")
    assert [p.name for p in header.params] == ["program", "limit", "scope"]


@pytest.mark.parametrize(
    ("spec", "name", "kind", "required", "default", "choices"),
    [
        ("program: program! -- the program", "program", "program", True, None, ()),
        ("limit: int = 10 -- most rows", "limit", "int", False, "10", ()),
        ("by: choice(document|jurisdiction) = document", "by", "choice", False, "document",
         ("document", "jurisdiction")),
        ("binding: bool", "binding", "bool", False, None, ()),
        ("place: place", "place", "place", False, None, ()),
    ],
)
def test_param_specs(
    spec: str, name: str, kind: str, required: bool, default: str | None, choices: tuple[str, ...]
) -> None:
    param = parse_param(spec)
    assert (param.name, param.type, param.required, param.default, param.choices) == (
        name, kind, required, default, choices,
    )  # fmt: skip


def test_param_signature_round_trips() -> None:
    for spec in ("program: program!", "limit: int = 10", "scope: choice(a|b)"):
        assert parse_param(spec).signature() == spec


@pytest.mark.parametrize("spec", ["limit: integer", "no colon here", "x: int = "])
def test_bad_param_specs_are_refused(spec: str) -> None:
    with pytest.raises(HeaderError):
        parse_param(spec)


def test_missing_columns_line_is_an_error() -> None:
    with pytest.raises(HeaderError, match="columns"):
        parse_header("// name: x\n// description: y\nMATCH (n) RETURN n")


def test_sets_name_list_columns_and_must_be_columns() -> None:
    text = "// name: x\n// description: y\n// columns: a, tags, b\n// sets: tags\nMATCH (n) RETURN n"
    header = parse_header(text)
    assert header.sets == ("tags",)
    assert parse_header(HEADER).sets == ()
    with pytest.raises(HeaderError, match="not columns"):
        parse_header("// name: x\n// description: y\n// columns: a\n// sets: tags\nMATCH (n) RETURN n")
