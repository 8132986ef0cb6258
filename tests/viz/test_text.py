"""Names, types, years and tooltips of nodes: table tests, with real report strings."""

from __future__ import annotations

import pytest
from kg.viz.text import display_name, node_type, node_years, short_label, tooltip_html


@pytest.mark.parametrize(
    ("props", "node_class", "expected"),
    [
        ({"prefLabel": "证照分离", "label": "x"}, "Program", "证照分离"),
        ({"label": "东莞市", "code": "441900"}, "Place", "东莞市"),
        ({"title": "东莞市市场监督管理局2020年工作总结"}, "Document", "东莞市市场监督管理局2020年工作总结"),
        ({"metric": "企业开办时间", "value": 0.5}, "Outcome", "企业开办时间"),
        ({"altLabel": ["双随机一公开"]}, "Program", "双随机一公开"),
        ({"uri": "https://w3id.org/regkg/id/place/x/4419/%E5%8E%9A%E8%A1%97%E9%95%87"}, "Place", "厚街镇"),
        ({}, "Implementation", "Implementation"),
    ],
)
def test_display_name(props: dict, node_class: str, expected: str) -> None:
    assert display_name(props, node_class) == expected


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ({"programType": "reform", "status": "done"}, "reform"),
        ({"scope": "national"}, "national"),
        ({"status": "planned"}, "planned"),
        ({"label": "东莞市"}, None),
    ],
)
def test_node_type(props: dict, expected: str | None) -> None:
    assert node_type(props) == expected


@pytest.mark.parametrize(
    ("props", "expected"),
    [
        ({"summaryYear": 2020, "planYear": 2021}, [2020, 2021]),
        ({"year": 2023, "targetYear": 2025, "baselineYear": 2020}, [2020, 2023, 2025]),
        ({"year": [2021, 2020, 2021]}, [2020, 2021]),
        ({"year": "2020"}, [2020]),
        ({"year": "近年"}, []),
    ],
)
def test_node_years(props: dict, expected: list[int]) -> None:
    assert node_years(props) == expected


def test_short_label_keeps_short_names_and_cuts_long_ones() -> None:
    assert short_label("东莞市") == "东莞市"
    long_name = "推动成立全国首个市场监管共建共治联合会"
    cut = short_label(long_name, limit=8)
    assert len(cut) == 8 and cut.endswith("…") and long_name.startswith(cut[:-1])


@pytest.mark.parametrize(
    "payload",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "\"><svg onload=alert(1)>",
        "<a href='javascript:alert(1)'>x</a>",
    ],
)
def test_tooltip_escapes_every_document_string(payload: str) -> None:
    tip = tooltip_html(
        "NoveltyClaim",
        f"全国首个{payload}",
        {"what": payload, "scope": payload, "year": 2020, "uri": "https://w3id.org/regkg/id/x"},
        evidence=[f"在万江推动成立全国首个口罩及装备行业协会{payload}。"],
    )
    assert payload not in tip  # the raw payload never survives
    for tag in ("<script", "<img", "<svg", "<a "):
        assert tag not in tip
    assert "&lt;" in tip and "口罩及装备行业协会" in tip


def test_tooltip_lists_class_type_years_and_evidence() -> None:
    tip = tooltip_html(
        "Pilot", "“证照分离”改革全覆盖试点", {"pilotLevel": "national", "year": 2020},
        evidence=["推进“证照分离”改革全覆盖试点工作。"] * 7,
    )
    assert "<i>Pilot</i>" in tip and "type: national" in tip and "year: 2020" in tip
    assert tip.count("<q>") == 5 and "2 more sentences" in tip
