"""Indicator tables of five-year plans (主要指标表): one Target per row.

PDF text breaks the table's cells across lines, e.g.::

    5
    知识产权质押融资登记金额
    亿元
    〔222.55
    〕
    〔430〕 预期性

A row ends at its attribute (约束性/预期性). Working backwards from it: target value,
baseline value, unit (possibly split: 每千人 / 批次), then the metric — on the unit's line
when it shares one, else the lines before the unit. Lines before the metric that follow the
row number are the category column (市场主体 / 准入) and are dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from kg.extract.context import SentenceContext
from kg.extract.model import Evidence, Target
from kg.extract.numbers import parse_number
from kg.extract.rules.targets import (
    TABLE_ATTRIBUTES,
    TABLE_END,
    TABLE_HEADER_WORDS,
    TABLE_HEADING,
    TABLE_UNIT,
)
from kg.loaders.model import Document

_HEADING = re.compile(TABLE_HEADING)
_END = re.compile(TABLE_END, re.M)
_ATTRIBUTE = re.compile("(" + "|".join(TABLE_ATTRIBUTES) + r")\s*$")
_VALUE = r"(?:〔\s*[\d.]+\s*〕|[（(]\s*[\d.]+\s*[)）]|[≥≤><]?\s*[\d.]+|——|—|-)"
_ROW_TAIL = re.compile(
    rf"(?P<unit>{TABLE_UNIT})\s+(?P<base>{_VALUE})\s+(?P<target>{_VALUE})\s+(?P<attr>约束性|预期性)\s*$"
)
_YEARS = re.compile(r"(20\d\d)\s*年")
_HEADER_CELL = re.compile("|".join(TABLE_HEADER_WORDS) + r"|20\d\d年?|年")
_NUMBER = re.compile(r"[\d.]+")


@dataclass
class _Line:
    text: str
    start: int  # offset in Document.text


def _lines(text: str, start: int, end: int) -> list[_Line]:
    out: list[_Line] = []
    pos = start
    for raw in text[start:end].split("\n"):
        if raw.strip():
            out.append(_Line(raw.strip(), pos + (len(raw) - len(raw.lstrip()))))
        pos += len(raw) + 1
    return out


def _is_header(line: str) -> bool:
    """The table header, repeated after page breaks (序号 项目类别 主要指标 单位 / 2020 年 2025 年)."""
    cells = line.split()
    return bool(cells) and all(_HEADER_CELL.fullmatch(c) for c in cells)


def _value(cell: str) -> float | None:
    m = _NUMBER.search(cell)
    return parse_number(m.group(0)) if m else None


def _table_regions(text: str) -> list[tuple[int, int]]:
    """(start, end) of each indicator table: from its heading line to the note or next chapter."""
    regions: list[tuple[int, int]] = []
    for m in re.finditer(r"^[^\n]*$", text, re.M):
        line = m.group(0).strip()
        if regions and m.start() < regions[-1][1]:
            continue  # a header repeated after a page break, inside the table already found
        if len(line) > 40 or "。" in line or _is_header(line) or not _HEADING.search(line):
            continue
        end_match = _END.search(text, m.end())
        end = end_match.start() if end_match else min(len(text), m.end() + 20000)
        if re.search("约束性|预期性", text[m.end() : end]):
            regions.append((m.end(), end))
    return regions


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    """Group lines into rows, each ending with the line that holds the attribute."""
    rows: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if _is_header(line.text):
            current = []
            continue
        current.append(line)
        if _ATTRIBUTE.search(line.text):
            rows.append(current)
            current = []
    return rows


def _metric(row: list[_Line], unit_line: int, unit_col: int) -> str:
    """Metric cell: text before the unit on its line, else the lines between row number and unit."""
    same_line = row[unit_line].text[:unit_col].strip()
    same_line = re.sub(r"^\d+\s+", "", same_line)
    if same_line:  # a row on one line: the category cells come first, the metric is the last cell
        return same_line.split()[-1]
    parts = [ln.text for ln in row[:unit_line]]
    if parts and re.fullmatch(r"\d+", parts[0]):
        parts = parts[1:]
    elif parts:
        parts[0] = re.sub(r"^\d+\s+", "", parts[0])
    return "".join(parts)


def _parse_row(row: list[_Line]) -> tuple[str, str, str, str, bool] | None:
    """(metric, unit, baseline cell, target cell, binding) of one row, or None."""
    joined = " ".join(ln.text for ln in row)
    tail = _ROW_TAIL.search(joined)
    if tail is None:
        return None
    # locate the unit's line: the line where the unit's first character falls
    pos, unit_line, unit_col = 0, 0, 0
    for i, ln in enumerate(row):
        if pos + len(ln.text) >= tail.start("unit") + 1:
            unit_line, unit_col = i, tail.start("unit") - pos
            break
        pos += len(ln.text) + 1
    metric = _metric(row, unit_line, unit_col)
    unit = re.sub(r"\s+", "", tail["unit"])
    return metric, unit, tail["base"], tail["target"], TABLE_ATTRIBUTES[tail["attr"]]


def _context_at(contexts: list[SentenceContext], starts: list[int], offset: int) -> SentenceContext | None:
    i = bisect_right(starts, offset) - 1
    return contexts[i] if 0 <= i < len(contexts) else None


def extract_indicator_table(doc: Document, contexts: list[SentenceContext]) -> list[Target]:
    """Targets from every indicator table of the document."""
    text = doc.text
    starts = [c.sentence.start for c in contexts]
    targets: list[Target] = []
    for start, end in _table_regions(text):
        years = [int(y) for y in _YEARS.findall(text[max(0, start - 300) : start + 400])]
        base_year = years[0] if years else None
        target_year = years[1] if len(years) > 1 else None
        for row in _rows(_lines(text, start, end)):
            parsed = _parse_row(row)
            if parsed is None:
                continue
            metric, unit, base, target, binding = parsed
            ctx = _context_at(contexts, starts, row[0].start)
            row_text = " ".join(ln.text for ln in row)
            row_start, row_end = row[0].start, row[-1].start + len(row[-1].text)
            evidence = Evidence.of_span(
                doc,
                row_start,
                row_end,
                sentence=row_text,
                sentence_index=ctx.sentence.index if ctx else -1,
                section_path=ctx.section_path if ctx else "",
                rule="target.indicator_table",
                confidence=0.9,
            )
            targets.append(
                Target(
                    metric=metric,
                    evidence=evidence,
                    unit=unit,
                    baseline=_value(base),
                    baseline_year=base_year,
                    target=_value(target),
                    target_year=target_year,
                    binding=binding,
                )
            )
    return targets
