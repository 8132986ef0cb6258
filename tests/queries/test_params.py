"""Binding canned-query parameters: defaults, types, required, unknown, entity uris."""

from __future__ import annotations

import pytest
from kg.queries.catalogue import get_query
from kg.queries.header import parse_param
from kg.queries.names import NameIndex, NameResolutionError, build_name_index
from kg.queries.params import ParameterError, bind_parameters, coerce_value, parse_assignments

from kg.store.base import GraphStore
from tests.queries.fixture_graph import RKP


@pytest.fixture(scope="module")
def index(fixture_store: GraphStore) -> NameIndex:
    return build_name_index(fixture_store)


def test_parse_assignments() -> None:
    assert parse_assignments(["program=证照分离", " limit = 5 ", "what=a=b"]) == {
        "program": "证照分离", "limit": "5", "what": "a=b",
    }  # fmt: skip
    with pytest.raises(ParameterError):
        parse_assignments(["program"])


@pytest.mark.parametrize(
    ("spec", "text", "value"),
    [("n: int", "5", 5), ("x: float", "0.5", 0.5), ("b: bool", "yes", True), ("b: bool", "False", False),
     ("s: string", "东莞", "东莞"), ("c: choice(a|b)", "b", "b")],
)
def test_coerce_value(spec: str, text: str, value: object) -> None:
    assert coerce_value(parse_param(spec), text) == value


@pytest.mark.parametrize(
    ("spec", "text"), [("n: int", "five"), ("b: bool", "maybe"), ("c: choice(a|b)", "c")]
)
def test_coerce_value_refuses_bad_text(spec: str, text: str) -> None:
    with pytest.raises(ParameterError):
        coerce_value(parse_param(spec), text)


def test_omitted_parameters_are_null_and_defaults_apply(index: NameIndex) -> None:
    bound = bind_parameters(get_query("firsts").header, {}, lambda: index)
    assert bound == {"scope": None, "place": None, "place_uris": None, "program": None, "program_uris": None,
                     "limit": 1000}


def test_entity_parameter_binds_resolved_uris(index: NameIndex) -> None:
    bound = bind_parameters(get_query("program-adopters").header, {"program": "证照分离改革"}, lambda: index)
    assert bound["program"] == "证照分离改革"
    assert bound["program_uris"] == [RKP + "separate-permits", RKP + "separate-permits-full"]


def test_index_is_not_built_without_entity_values() -> None:
    def no_index() -> NameIndex:
        raise AssertionError("the name index should not be needed")

    bound = bind_parameters(get_query("adoption-matrix").header, {"status": "done"}, no_index)
    assert bound["status"] == "done"


def test_required_unknown_and_unresolvable_parameters(index: NameIndex) -> None:
    header = get_query("program-adopters").header
    with pytest.raises(ParameterError, match="needs parameter 'program'"):
        bind_parameters(header, {}, lambda: index)
    with pytest.raises(ParameterError, match="no parameter colour"):
        bind_parameters(header, {"program": "证照分离", "colour": "red"}, lambda: index)
    with pytest.raises(NameResolutionError):
        bind_parameters(header, {"program": "不存在的改革"}, lambda: index)
