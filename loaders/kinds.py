"""Mark each section as reporting (what was done) or planning (what will be done), with its year.

A heading that says what it is wins (一、2020年工作总结 → reporting 2020; 二、2021年工作计划 →
planning 2021; 第一节 “十三五”时期…成效 → reporting 2020). Other sections inherit from
their parent. Top-level sections without a cue follow the document: reports tell the past
first and the plan second, so once a planning part has begun (a planning heading, or the
numbering restarting at 一) later uncued top-level sections are planning.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.loaders.model import DocType, Section, SectionKind
from kg.loaders.numerals import YEAR_DIGITS, chinese_ordinal, five_year_plan_period, year_value

_CN_NUM = "一二三四五六七八九十"


@dataclass(frozen=True)
class _Cue:
    pattern: re.Pattern[str]
    kind: SectionKind
    year_from: str  # "match" (the year written: 2021, 二〇二一), "plan_end"/"plan_start" (N五), "doc"
    top_only: bool = False  # generic words are trusted on top-level and chapter headings only


_YEAR = rf"({YEAR_DIGITS})\s*年(?:度)?[\u4e00-\u9fff]{{0,6}}?"
CUES: tuple[_Cue, ...] = (
    _Cue(re.compile(_YEAR + r"(?:总结|回顾|成效|成绩|完成情况|进展)"), "reporting", "match"),
    _Cue(re.compile(_YEAR + r"(?:计划|思路|安排|要点|打算|重点|任务|目标)"), "planning", "match"),
    _Cue(re.compile(rf"[“\"]?([{_CN_NUM}]{{1,3}})五[”\"]?[\u4e00-\u9fff]{{0,12}}?(?:成效|成就|回顾|总结|进展)"),
         "reporting", "plan_end"),
    _Cue(re.compile(rf"[“\"]?([{_CN_NUM}]{{1,3}})五[”\"]?[\u4e00-\u9fff]{{0,12}}?(?:形势|目标|任务|要求|展望|思路)"),
         "planning", "plan_start"),
    _Cue(re.compile(r"工作总结|工作回顾|主要成效|工作成效|主要成绩|取得的成绩|工作情况"),
         "reporting", "doc", top_only=True),
    _Cue(re.compile(r"工作计划|工作思路|工作安排|工作要点|工作打算|总体要求|主要任务|保障措施|发展目标|指导思想"
                    r"|重点任务|工作重点"), "planning", "doc", top_only=True),
)
_TOP_MARKERS = {"第X部分", "年度部分", "第X章", "第X节"}


def assign_kinds(
    sections: list[Section], part_starts: list[int], doc_type: DocType,
    summary_year: int | None, plan_year: int | None,
) -> None:
    """Set ``kind`` and ``year`` of every section in place (parents come before children)."""
    state: SectionKind | None = _initial_kind(doc_type)
    parts = sorted(part_starts)
    current_part = 0
    for sec in sections:
        parent = sections[sec.parent] if sec.parent is not None else None
        cue = _cue_of(sec, is_top=parent is None or sec.marker in _TOP_MARKERS)
        if parent is None:
            part = bisect_right(parts, sec.start)
            if part > current_part and doc_type == "annual_summary_and_plan":
                state = "planning"  # a restarted numbering begins the plan part
            current_part = part
        if cue is not None:
            kind, year = cue
            sec.kind = kind
            sec.year = year if year is not None else _doc_year(kind, summary_year, plan_year)
            if parent is None and kind == "planning":
                state = "planning"
        elif parent is not None:
            sec.kind, sec.year = parent.kind, parent.year
        else:
            sec.kind = state
            sec.year = _doc_year(state, summary_year, plan_year) if state else None


def kind_at(position: int, part_starts: list[int], doc_type: DocType) -> SectionKind | None:
    """The kind of text outside any section (preambles, lead-ins), from the part it is in."""
    if doc_type == "annual_summary_and_plan":
        return "planning" if bisect_right(sorted(part_starts), position) else "reporting"
    return _initial_kind(doc_type)


def _initial_kind(doc_type: DocType) -> SectionKind | None:
    if doc_type in ("annual_summary", "annual_summary_and_plan"):
        return "reporting"
    if doc_type in ("annual_plan", "five_year_plan"):
        return "planning"
    return None


def _doc_year(kind: SectionKind | None, summary_year: int | None, plan_year: int | None) -> int | None:
    if kind == "reporting":
        return summary_year
    if kind == "planning":
        return plan_year
    return None


def _cue_of(sec: Section, *, is_top: bool) -> tuple[SectionKind, int | None] | None:
    """The earliest cue in the heading, with the year it implies (None: the document's year)."""
    best: tuple[int, SectionKind, int | None] | None = None
    for cue in CUES:
        if cue.top_only and not is_top:
            continue
        m = cue.pattern.search(sec.heading)
        if m is None or (best is not None and m.start() >= best[0]):
            continue
        best = (m.start(), cue.kind, _cue_year(cue, m))
    return (best[1], best[2]) if best else None


def _cue_year(cue: _Cue, m: re.Match[str]) -> int | None:
    if cue.year_from == "match":
        return year_value(m.group(1))
    if cue.year_from in ("plan_end", "plan_start"):
        ordinal = chinese_ordinal(m.group(1))
        if not ordinal:
            return None
        start, end = five_year_plan_period(ordinal)
        return end if cue.year_from == "plan_end" else start
    return None
