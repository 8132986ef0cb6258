"""Numbers with units: Arabic and Chinese numerals, 万/亿, percentages, dates skipped."""

from __future__ import annotations

import re

import cn2an
import pytest

from kg.extract.numbers import (
    COMMON_NUMERALS,
    QUANTITY_GROUPS,
    QUANTITY_PATTERN,
    QUANTITY_RE,
    find_quantities,
    parse_number,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,234.5", 1234.5),
        ("二十一", 21.0),
        ("两", 2.0),
        ("0.74", 0.74),
        ("abc", None),
    ],
)
def test_parse_number(text: str, expected: float | None) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    ("sentence", "quantities"),
    [
        # (value, unit, base_value, base_unit)
        ("2020 年全市新增市场主体 22.7 万户", [(22.7, "万户", 227000.0, "户")]),
        ("东莞专利权质押登记金额 69.86 亿元", [(69.86, "亿元", 6986000000.0, "元")]),
        ("开办企业最快仅需 0.5 个工作日", [(0.5, "个工作日", 0.5, "个工作日")]),
        ("产品质量合格率 95.03%", [(95.03, "%", 95.03, "%")]),
        ("力争实现商标、专利质押融资2个亿以上", [(2.0, "个亿", 200000000.0, "元")]),
        ("取得六个全省率先", [(6.0, "个", 6.0, "个")]),
        ("我市企业获得第二十一届中国专利奖22项", [(22.0, "项", 22.0, "项")]),
        ("已于2019年11月份启动", []),
        ("开展企业免办3C认证的检查", []),
    ],
)
def test_find_quantities(sentence: str, quantities: list[tuple[float, str, float, str]]) -> None:
    found = [(q.value, q.unit, q.base_value, q.base_unit) for q in find_quantities(sentence)]
    assert found == quantities


def test_quantity_span_points_at_the_number() -> None:
    text = "新增注册商标 8.51 万件"
    (q,) = find_quantities(text, offset=100)
    assert text[q.start - 100 : q.end - 100] == "8.51 万件"


@pytest.mark.parametrize(
    ("sentence", "approximate"),
    [("完成6600余家个体工商户的信息核验", True), ("新创建放心消费示范商店、网店1570家以上", False)],
)
def test_approximate_figures(sentence: str, approximate: bool) -> None:
    assert find_quantities(sentence)[0].approximate is approximate


def test_quantity_lookahead_keeps_every_match(seed_docs: dict) -> None:
    """The first-character lookahead of QUANTITY_RE only skips positions: the same matches as the
    pattern without it, over every seed sentence and a few crafted ones."""
    plain = re.compile(QUANTITY_PATTERN)
    texts = [s.text for doc in seed_docs.values() for s in doc.sentences]
    texts += ["约３０家、超过两千户，逾百件", "近五成", "一二三四五六七八九十个", "a１２３％"]
    checked = 0
    for text in texts:
        expected = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in QUANTITY_RE.finditer(text)] == expected, text
        checked += len(expected)
    assert checked > 100  # the seeds hold many quantities


def test_common_numerals_read_as_cn2an_reads_them() -> None:
    """parse_number reads the common numerals without cn2an: each must give what cn2an gives."""
    for numeral, value in COMMON_NUMERALS.items():
        try:
            expected: float | None = float(cn2an.cn2an(numeral, "smart"))
        except (ValueError, KeyError, TypeError):
            expected = None
        assert value == expected, numeral
    assert {"一", "两", "十四", "三百", "两千", "千"} <= COMMON_NUMERALS.keys()


def test_quantity_groups_are_the_pattern_groups_in_order() -> None:
    assert tuple(QUANTITY_RE.groupindex) == QUANTITY_GROUPS
    assert QUANTITY_RE.groups == len(QUANTITY_GROUPS)  # no unnamed group shifts them
