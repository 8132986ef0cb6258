"""Outcomes: measured results in reporting sections, with metric, unit, base unit, change, rank.

Every number with a unit (:func:`kg.extract.numbers.find_quantities`) in a reporting
sentence is a candidate; :func:`salience` keeps the results a reader of the report would
keep (see :mod:`kg.extract.rules.outcomes`). 同比 changes and ranks are folded into the
outcome they qualify instead of becoming outcomes themselves.
"""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import Outcome
from kg.extract.numbers import Quantity, find_quantities, parse_number
from kg.extract.rules.outcomes import (
    ACTION_VERBS,
    CHANGE_CUE,
    COUNT_UNITS,
    ENUMERATION_GLUE,
    KPI_WORDS,
    MEASURE_NOUNS,
    METRIC_LEADING_NOISE,
    METRIC_TRAILING_NOISE,
    MULTI_YEAR,
    RANK_CUE,
    REFERENCE_METRIC,
    RESULT_UNITS,
    SUBORDINATE_CUES,
)

SALIENCE_THRESHOLD = 2.0

_CHANGE = re.compile(CHANGE_CUE + r"\s*$")
_RANK = re.compile(RANK_CUE)
_LEADING = re.compile(METRIC_LEADING_NOISE)
_TRAILING = re.compile(METRIC_TRAILING_NOISE)
_METRIC_BREAK = re.compile(r"[，,；;。：:！？!?]")
_YEAR = re.compile(r"(\d{4})\s*年度?")
_KPI = re.compile("|".join(sorted(KPI_WORDS, key=len, reverse=True)))
_ACTION_END = re.compile("(?:" + "|".join(ACTION_VERBS) + r")(?:全市|全区|全县)?$")
_MEASURE = re.compile(MEASURE_NOUNS)
_REFERENCE = re.compile(REFERENCE_METRIC)
_MULTI_YEAR = re.compile(MULTI_YEAR)
_GLUE = re.compile(ENUMERATION_GLUE)
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,8}")


def metric_before(text: str, start: int) -> str:
    """The phrase naming what a number at ``start`` measures: its clause up to the number."""
    lo = 0
    for m in _METRIC_BREAK.finditer(text, 0, start):
        lo = m.end()
    phrase = text[lo:start]
    head, sep, last = phrase.rpartition("、")
    if sep and re.search(r"\d", head):  # 检查A 66家次、B 47家次: each number has its own item
        phrase = last
    phrase = _LEADING.sub("", phrase)
    phrase = _TRAILING.sub("", phrase)
    return phrase.strip()


def noun_after(text: str, end: int) -> str:
    """The words right after a number (全市1712家学校食堂 → 学校食堂)."""
    m = _NOUN_AFTER.match(text, end)
    return m.group(0) if m else ""


def is_qualifier(q: Quantity, following: Quantity | None, text: str) -> bool:
    """A number that sizes the subject of a later number in its clause (全市7250家药店推送信息272.7万条)."""
    if following is None:
        return False
    between = text[q.end : following.start]
    return not _METRIC_BREAK.search(between) and "、" not in between and not _GLUE.match(between)


def salience(q: Quantity, metric: str, text: str, following: Quantity | None = None) -> float:
    """How much a number reads like a reported result (≥ SALIENCE_THRESHOLD keeps it)."""
    score = 0.0
    score -= 2.0 if _REFERENCE.match(metric) and not re.search(r"\d", metric) else 0.0
    score -= 1.0 if _MULTI_YEAR.search(metric) else 0.0
    score -= 1.5 if is_qualifier(q, following, text) else 0.0
    unit = q.unit.lstrip("万亿千百")
    after = noun_after(text, q.end)
    raw_before = text[max(0, q.start - 8) : q.start].rstrip()
    score += 1.5 if unit in RESULT_UNITS else -1.0
    score += 1.0 if _KPI.search(metric) or _KPI.match(after) else 0.0
    score -= 1.5 if q.approximate else 0.0
    score -= 1.0 if q.chinese_numeral else 0.0
    score -= 1.5 if any(cue in raw_before[-4:] for cue in SUBORDINATE_CUES) else 0.0
    score -= 1.0 if len(metric) < 2 and not _KPI.match(after) else 0.0
    score -= 1.0 if unit in COUNT_UNITS and q.value < 10 and not q.unit.startswith(("万", "亿")) else 0.0
    score -= 1.0 if unit in ("家", "个", "名") and _ACTION_END.search(raw_before) else 0.0
    score -= 1.5 if _MEASURE.match(after) else 0.0
    return score


def _year(text: str, start: int, default: int | None) -> int | None:
    """A year written in the clause before the number (2019 年度企业年报率) overrides the section's."""
    clause_start = max((m.end() for m in _METRIC_BREAK.finditer(text, 0, start)), default=0)
    years = _YEAR.findall(text[clause_start:start])
    return int(years[-1]) if years else default


def extract_outcomes(ctx: SentenceContext) -> list[Outcome]:
    """Outcomes of a reporting sentence."""
    if ctx.kind != "reporting":
        return []
    text = ctx.text
    outcomes: list[Outcome] = []
    last: Outcome | None = None
    quantities = find_quantities(text)
    for i, q in enumerate(quantities):
        following = quantities[i + 1] if i + 1 < len(quantities) else None
        before = text[max(0, q.start - 12) : q.start]
        change = _CHANGE.search(before)
        if change and last is not None:
            last.change = f"{change.group(0)}{q.text}"
            continue
        metric = metric_before(text, q.start)
        if salience(q, metric, text, following) < SALIENCE_THRESHOLD:
            continue
        last = Outcome(
            metric=metric,
            value=q.value,
            unit=q.unit,
            evidence=ctx.evidence(q.start, q.end, "outcome.quantity", 0.7),
            value_text=q.text,
            base_value=q.base_value,
            base_unit=q.base_unit,
            year=_year(text, q.start, ctx.year),
            program=ctx.program_at(q.start - len(metric), q.end),
            place=_place_before(ctx, q.start),
        )
        outcomes.append(last)
    _attach_ranks(text, outcomes, ctx)
    return outcomes


def _place_before(ctx: SentenceContext, pos: int) -> str | None:
    place = next((p.ref for p in reversed(ctx.places) if p.end <= pos), None)
    return place.name if place else None


def _attach_ranks(text: str, outcomes: list[Outcome], ctx: SentenceContext) -> None:
    """全省第1 after a number becomes the rank of the outcome right before it."""
    for m in _RANK.finditer(text):
        n = parse_number(m["n"])
        owner = next(
            (o for o in reversed(outcomes) if o.evidence.end - ctx.sentence.start <= m.start()), None
        )
        if owner is not None and n is not None and owner.rank is None:
            owner.rank = f"{m['scope']}第{int(n)}"
