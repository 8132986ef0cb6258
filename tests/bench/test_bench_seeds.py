"""Cutting the seeds into reporting/planning lines and sentences for the corpus scaler."""

from __future__ import annotations

import pytest

from bench.seeds import TOP_HEADING, cut_lines, shift_years, split_sentences


@pytest.mark.parametrize(
    "line",
    [
        "东莞连续三年在全省质量工作考核中获评最高等级A级。我市企业获得第二十一届中国专利奖22项，获奖数量和等次创历年新高。",
        "企业开办时间压缩至0.5个工作日！没有结尾的句子",
    ],
)
def test_sentences_join_back_to_the_line(line: str) -> None:
    parts = split_sentences(line)
    assert "".join(parts) == line
    assert len(parts) == 2


@pytest.mark.parametrize(
    ("text", "delta", "expected"),
    [
        ("2020年工作总结和 2021 年工作计划", 2, "2022年工作总结和 2023 年工作计划"),
        ("2020年全市企业开办平均时间压缩至0.74个工作日", -1, "2019年全市企业开办平均时间压缩至0.74个工作日"),
        ("完成3.2万份，共2020家企业", 3, "完成3.2万份，共2020家企业"),  # a count, not a year
    ],
)
def test_shift_years_moves_only_years(text: str, delta: int, expected: str) -> None:
    assert shift_years(text, delta) == expected


def test_parts_follow_report_headings() -> None:
    text = (
        "XX局2020年工作总结\n一、2020年工作总结\n(一)抓好疫情防控。全年检查市场7.4万家次。\n"
        "二、2021年工作计划\n(一)深化改革。推进证照分离。"
    )
    lines = cut_lines(text)
    assert [line.kind for line in lines] == ["reporting", "reporting", "reporting", "planning", "planning"]
    assert [line.heading for line in lines] == [True, True, False, True, False]
    assert lines[2].marked and lines[2].sentences[0] == "(一)抓好疫情防控。"


def test_restarted_numbering_starts_the_plan(seed_named) -> None:
    # Seed 004 has no 计划 heading: its plan part restarts at 一、 after 六、.
    seed = seed_named("004")
    tops = [line for line in seed.lines if line.heading and TOP_HEADING.match(line.text)]
    assert [t.kind for t in tops] == ["reporting"] * 6 + ["planning"] * 4


def test_seeds_are_profiled(seeds) -> None:
    by_prefix = {s.name[:3]: s for s in seeds}
    assert by_prefix["000"].base_year == 2020
    assert by_prefix["003"].base_year == 2023
    assert by_prefix["002"].fragmented and not by_prefix["000"].fragmented
