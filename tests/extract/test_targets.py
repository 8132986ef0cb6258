"""Targets in planning sentences, table-style with real sentences, and seed 002's indicator table."""

from __future__ import annotations

import pytest
from extract_testkit import DONGGUAN, XX_DISTRICT

from kg.extract.context import sentence_contexts
from kg.extract.indicator_table import extract_indicator_table
from kg.extract.targets import extract_targets


@pytest.mark.parametrize(
    ("sentence", "jurisdiction", "expected"),
    [
        # (target value, unit, metric)
        (
            "计划新增“浙江制造”团体标准5项以上,“品字标”认证产品5个以上,有效商标增长率达到10%。",
            XX_DISTRICT,
            [
                (5.0, "项", "“浙江制造”团体标准"),
                (5.0, "个", "“品字标”认证产品"),
                (10.0, "%", "有效商标增长率"),
            ],
        ),
        (
            "按照全区农贸菜场三年提升改造计划,年内完成5家农贸市场的改造提升。",
            XX_DISTRICT,
            [(5.0, "家", "农贸市场的改造提升")],
        ),
        (
            "优化提升“互联网+明厨亮灶”智慧监管优势和效能，实现“每千人6批次”的食品抽检目标。",
            DONGGUAN,
            [(6.0, "批次", "食品抽检")],
        ),
        ("拟在1个专业市场、1个大型商超建立知识产权保护服务体系首批试点。", XX_DISTRICT, []),
        ("力争到2021年底,实现城区二星级及以上市场全覆盖。", XX_DISTRICT, []),
    ],
)
def test_sentence_targets(
    make_ctx, sentence: str, jurisdiction, expected: list[tuple[float, str, str]]
) -> None:
    targets = extract_targets(make_ctx(sentence, jurisdiction, kind="planning"))
    assert [(t.target, t.unit) for t in targets] == [(v, u) for v, u, _ in expected]
    for target, (_, _, metric) in zip(targets, expected, strict=True):
        assert target.metric == metric
        assert target.target_year == 2020  # the planning section's year in the test document


def test_reporting_sentences_have_no_targets(make_ctx) -> None:
    assert extract_targets(make_ctx("产品质量合格率 95.03%。")) == []


@pytest.fixture(scope="module")
def table_targets(seed_docs: dict) -> list:
    doc = seed_docs["002"]
    return extract_indicator_table(doc, sentence_contexts(doc, []))


def test_indicator_table_rows(table_targets: list) -> None:
    assert len(table_targets) == 35
    assert sum(1 for t in table_targets if t.binding) == 6  # the 约束性 rows of the table
    by_metric = {t.metric: t for t in table_targets}
    row = by_metric["知识产权质押融资登记金额"]  # cells broken across four PDF lines
    assert (row.unit, row.baseline, row.target, row.baseline_year, row.target_year) == (
        "亿元",
        222.55,
        430.0,
        2020,
        2025,
    )
    meal = by_metric["食品安全抽样检验量"]
    assert (meal.unit, meal.baseline, meal.target, meal.binding) == ("每千人批次", 5.5, 6.5, True)
    assert by_metric["高风险三类医疗器械流通环节可追溯率"].baseline is None  # —— in the table
    assert "期末市场主体总量" in by_metric  # the category cell 市场主体准入 is not part of the metric


def test_indicator_table_evidence_points_at_the_row(table_targets: list, seed_docs: dict) -> None:
    doc = seed_docs["002"]
    for t in table_targets:
        assert t.evidence.rule == "target.indicator_table"
        assert t.metric.replace(" ", "") in doc.text[t.evidence.start : t.evidence.end].replace(" ", "")
        assert doc.original_text[t.evidence.orig_start : t.evidence.orig_end].strip()


def test_five_year_plan_targets_aim_at_the_end_of_the_plan(seed_docs: dict) -> None:
    from kg.extract.targets import plan_horizon

    assert plan_horizon(seed_docs["002"]) == 2025
    assert plan_horizon(seed_docs["000"]) is None  # an annual report has no plan horizon
