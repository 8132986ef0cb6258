"""Division lookups against jionlp's GB/T 2260 data."""

from __future__ import annotations

import pytest

from kg.rdf import divisions


@pytest.mark.parametrize(
    ("code", "chain"),
    [
        ("441900", ["东莞市", "广东省"]),  # prefecture-level city without counties
        ("330106", ["西湖区", "杭州市", "浙江省"]),
        ("110109", ["门头沟区", "北京市"]),  # municipality: districts sit right under the province
    ],
)
def test_ancestors_go_up_to_the_province(code: str, chain: list[str]) -> None:
    assert [d.name for d in divisions.ancestors(code)] == chain
    assert divisions.ancestors(code)[-1].level == "province"


@pytest.mark.parametrize(
    ("code", "level"),
    [("440000", "province"), ("441900", "prefecture"), ("440115", "district"), ("110109", "district")],
)
def test_levels(code: str, level: str) -> None:
    division = divisions.division(code)
    assert division is not None and division.level == level


@pytest.mark.parametrize(
    ("name", "near", "expected"),
    [
        ("南沙区", "441900", "440115"),
        ("从化", "441900", "440117"),  # short form, another prefecture of the same province
        ("东莞", None, "441900"),
        ("鼓楼区", None, None),  # several provinces have one: ambiguous without a hint
        ("厚街镇", "441900", None),  # townships carry no code in the data
    ],
)
def test_find_by_name_within_the_province(name: str, near: str | None, expected: str | None) -> None:
    found = divisions.find(name, near)
    assert (found.code if found else None) == expected


@pytest.mark.parametrize(("name", "code"), [("浙江省", "330000"), ("浙江", "330000"), ("火星", None)])
def test_province_code(name: str, code: str | None) -> None:
    assert divisions.province_code(name) == code


@pytest.mark.parametrize(("name", "short"), [("南沙区", "南沙"), ("东莞市", "东莞"), ("沙区", "沙区")])
def test_short_name(name: str, short: str) -> None:
    assert divisions.short_name(name) == short
