"""The gold README's matching rules: normalization and one matcher per kind."""

from __future__ import annotations

import pytest

from kg.extract.scoring import (
    Counts,
    labels_match,
    match_claims,
    match_outcomes,
    match_pilots,
    match_programs,
    match_targets,
    normalize,
    score_kind,
    score_metadata,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“双随机、一公开”", "双随机一公开"),
        ("互联网+明厨亮灶", "互联网明厨亮灶"),
        ("ＮＱＩ 投入统计", "nqi投入统计"),
        ("《东莞市专利促进项目实施办法》", "东莞市专利促进项目实施办法"),
        ("中山(灯饰)知识产权快速维权中心", "中山灯饰知识产权快速维权中心"),
        ("无需 U 盾", "无需u盾"),
        (None, ""),
    ],
)
def test_normalize(text: str | None, expected: str) -> None:
    assert normalize(text) == expected


@pytest.mark.parametrize(
    ("gold", "other", "expected"),
    [
        ("证照分离", "“证照分离”", True),  # equal after normalization
        ("证照分离改革", "证照分离", True),  # 4 chars, 4/6 ≥ 0.6
        ("双随机一公开监管", "双随机", False),  # shorter side under 4 chars
        ("知识产权质押融资登记", "质押融资", False),  # 4/10 < 0.6
        ("企业开办", "开办", False),
        ("", "开办", False),
    ],
)
def test_labels_match(gold: str, other: str, expected: bool) -> None:
    assert labels_match(gold, other) is expected


def test_programs_match_any_name() -> None:
    item = {"label": "商事制度改革", "alt_labels": ["商事登记制度改革"], "surface": ["深化商事制度改革"]}
    assert match_programs({"forms": ["商事登记制度改革"]}, item)
    assert not match_programs({"forms": ["证照分离"]}, item)


def test_pilots_need_place_and_what() -> None:
    item = {
        "place": "厚街镇",
        "what": "“互联网+明厨亮灶”智慧监管系统",
        "program": None,
        "evidence": "厚街率先试点探索",
    }
    assert match_pilots({"place": "厚街", "what": "互联网+明厨亮灶"}, item)
    assert not match_pilots({"place": "黄江", "what": "互联网+明厨亮灶"}, item)
    assert not match_pilots({"place": "厚街", "what": "NQI投入统计"}, item)


def test_claims_scope_unspecified_accepts_any() -> None:
    item = {"scope": "provincial", "what": "x", "evidence": "率先实现企业登记档案网上查询"}
    assert match_claims({"scope": "unspecified", "what": "企业登记档案网上查询"}, item)
    assert not match_claims({"scope": "national", "what": "企业登记档案网上查询"}, item)


@pytest.mark.parametrize(
    ("gold", "item", "expected"),
    [
        ({"value": 22.7, "unit": "万户"}, {"value": 22.7, "unit": "万户"}, True),
        (
            {"value": 22.7, "unit": "万户"},
            {"value": 22.7000001, "unit": "户"},
            True,
        ),  # tolerance, containment
        ({"value": 22.7, "unit": "万户"}, {"value": 22.8, "unit": "万户"}, False),
        ({"value": 4, "unit": "全国排名"}, {"value": 4, "unit": "件"}, False),
        ({"value": 4, "unit": "家"}, {"value": "4", "unit": "家"}, False),  # numbers only
    ],
)
def test_outcomes_value_and_unit(gold: dict, item: dict, expected: bool) -> None:
    assert match_outcomes(gold, item) is expected


def test_targets_value_and_metric_or_evidence() -> None:
    gold = {"metric": "食品抽检", "target": 6}
    assert match_targets(
        gold, {"metric": "每千人", "target": 6, "evidence": "实现“每千人6批次”的食品抽检目标"}
    )
    assert match_targets(gold, {"metric": "食品抽检任务", "target": 6.0, "evidence": ""})
    assert not match_targets(gold, {"metric": "食品抽检", "target": 5, "evidence": ""})


def test_score_kind_counts_both_directions() -> None:
    gold = [{"value": 1, "unit": "家"}, {"value": 2, "unit": "家"}]
    extracted = [{"value": 1, "unit": "家"}, {"value": 1, "unit": "万家"}, {"value": 3, "unit": "家"}]
    c = score_kind("outcomes", gold, extracted)
    assert (c.gold, c.found, c.extracted, c.correct) == (2, 1, 3, 2)
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(1 / 2)
    assert c.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))


def test_counts_add_and_empty() -> None:
    total = Counts(2, 1, 3, 2) + Counts(1, 1, 1, 1)
    assert (total.gold, total.found, total.extracted, total.correct) == (3, 2, 4, 3)
    assert Counts().f1 == 0.0


def test_metadata_containment_and_exact_type() -> None:
    gold = {"jurisdiction": {"name": "东莞市"}, "doc_type": "annual_summary_and_plan"}
    assert score_metadata(
        gold, {"jurisdiction": {"name": "东莞"}, "doc_type": "annual_summary_and_plan"}
    ) == {
        "jurisdiction": True,
        "doc_type": True,
    }
    assert score_metadata(gold, {"jurisdiction": None, "doc_type": "annual_summary"}) == {
        "jurisdiction": False,
        "doc_type": False,
    }
