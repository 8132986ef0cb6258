"""Outcomes: measured results in reporting sections, with metric, unit, base unit, change, rank.

Every number with a unit (:func:`kg.extract.numbers.find_quantities`) in a reporting
sentence is a candidate; :func:`salience` keeps the results a reader of the report would
keep (see :mod:`kg.extract.rules.outcomes`). 同比 changes and ranks are folded into the
outcome they qualify instead of becoming outcomes themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from kg.extract.context import SentenceContext
from kg.extract.model import Outcome
from kg.extract.numbers import Quantity, find_quantities, parse_number
from kg.extract.regex_gate import with_first_character_gate
from kg.extract.rules.outcomes import (
    ACTION_VERBS,
    CHANGE_CUE,
    COUNT_UNITS,
    ENUMERATION_GLUE,
    FROM_START,
    FROM_TO,
    KPI_WORDS,
    MEASURE_NOUNS,
    MEASURE_WORDS,
    METRIC_LEADING_NOISE,
    METRIC_TRAILING_NOISE,
    MULTI_YEAR,
    RANK_CUE,
    REFERENCE_METRIC,
    RESULT_METRIC_END,
    RESULT_UNITS,
    SUBORDINATE_CUES,
)
from kg.extract.rules.units import DURATION_CUT, DURATION_METRIC, DURATION_UNITS

SALIENCE_THRESHOLD = 2.0

# gated: both open with optional words, so re would try them at every character
_CHANGE = with_first_character_gate(re.compile(CHANGE_CUE + r"\s*$"))
_RANK = re.compile(RANK_CUE)
_LEADING = re.compile(METRIC_LEADING_NOISE)
_TRAILING = with_first_character_gate(re.compile(METRIC_TRAILING_NOISE))
_METRIC_BREAK = re.compile(r"[，,；;。：:！？!?]")
_UP_TO_LAST_BREAK = re.compile(rf"(?s:.*){_METRIC_BREAK.pattern}")
_YEAR = re.compile(r"(\d{4})\s*年度?")
_SUBORDINATE_CUE = re.compile("|".join(map(re.escape, SUBORDINATE_CUES)) or "(?!)")
_KPI = re.compile("|".join(sorted(KPI_WORDS, key=len, reverse=True)))
_ACTION_END = re.compile("(?:" + "|".join(ACTION_VERBS) + r")(?:全市|全区|全县)?$")
_MEASURE = re.compile(MEASURE_NOUNS)
_MEASURE_METRIC = re.compile(MEASURE_WORDS + "$")  # 出台…发展措施12条
_REFERENCE = re.compile(REFERENCE_METRIC)
_MULTI_YEAR = re.compile(MULTI_YEAR)
_GLUE = re.compile(ENUMERATION_GLUE)
_RESULT_METRIC = re.compile(RESULT_METRIC_END)
_FROM_TO = re.compile(FROM_TO)
_FROM_START = re.compile(FROM_START)
_DURATION_METRIC = re.compile(DURATION_METRIC)
_DURATION_CUT = re.compile(DURATION_CUT + r"|由$")
# 100%“网上可办”, 100%建立: a percent used as “all”, not a measured rate
_ADVERBIAL = re.compile(r"[“\u4e00-\u9fff]")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff“”]{0,8}")
_DIGIT = re.compile(r"\d")
_PREPOSITION = re.compile(r"^[在对向]")
_WORDS_AFTER = re.compile(r"[^，,；;。、]{0,12}")


def metric_before(text: str, start: int) -> str:
    """The phrase naming what a number at ``start`` measures: its clause up to the number."""
    last_break = _UP_TO_LAST_BREAK.match(text, 0, start)  # the greedy match backtracks to it in C
    phrase = _FROM_TO.sub("", text[last_break.end() if last_break else 0 : start])
    head, sep, last = phrase.rpartition("、")
    if sep and _DIGIT.search(head):  # 检查A 66家次、B 47家次: each number has its own item
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


@dataclass(slots=True)  # not frozen: one per number of every reporting sentence, never changed
class Candidate:
    """A number of a reporting sentence and what its surroundings say about it."""

    q: Quantity
    metric: str
    text: str
    following: Quantity | None
    breaks: tuple[int, ...] = ()  # ends of the clause breaks before the number (see of_number)
    # read by several features each: found at the first read
    _after: str | None = field(default=None, init=False, repr=False, compare=False)
    _result_unit: bool | None = field(default=None, init=False, repr=False, compare=False)

    @classmethod
    def of_number(cls, q: Quantity, metric: str, text: str, following: Quantity | None) -> Candidate:
        """The candidate with its clause breaks found once: several features read its clauses."""
        breaks = tuple(map(re.Match.end, _METRIC_BREAK.finditer(text, 0, q.start)))
        return cls(q, metric, text, following, breaks)

    @property
    def unit(self) -> str:
        return self.q.unit.lstrip("万亿千百")

    @property
    def after(self) -> str:
        if self._after is None:
            self._after = noun_after(self.text, self.q.end)
        return self._after

    @property
    def is_result_unit(self) -> bool:
        """A unit of results, or a duration that times something (办理时间由5天缩短至0.5天)."""
        if self._result_unit is None:
            unit = self.unit
            self._result_unit = unit in RESULT_UNITS or (unit in DURATION_UNITS and self._times_something())
        return self._result_unit

    def _times_something(self) -> bool:
        return bool(_DURATION_METRIC.search(self.metric) or _DURATION_CUT.search(self.clause_before.rstrip()))

    @property
    def clause_before(self) -> str:
        """The clause up to the number, as written (其中… stays visible here)."""
        lo = self.breaks[-1] if self.breaks else 0
        return self.text[lo : self.q.start]

    @property
    def previous_clause(self) -> str:
        breaks = self.breaks
        return self.text[breaks[-2] if len(breaks) > 1 else 0 : breaks[-1]] if breaks else ""


def _subordinate(c: Candidate) -> bool:
    """其中… (in the clause, or as the clause before) and 占… make a number part of a larger total."""
    near = c.text[max(0, c.q.start - 4) : c.q.start]
    clause = c.clause_before.strip()
    return (
        _SUBORDINATE_CUE.search(near) is not None
        or clause.startswith("其中")
        or c.previous_clause.strip(" ,，") == "其中"
    )


def _clause_initial(c: Candidate) -> bool:
    """Nothing but time or place words before the number: it counts the subject (4万户市场主体享受…)."""
    return not _LEADING.sub("", c.clause_before).strip()


# (feature, weight): the salience of a candidate is the sum of the weights of its features
SALIENCE_FEATURES: tuple[tuple[str, float, Callable[[Candidate], bool]], ...] = (
    ("result unit", 1.5, lambda c: c.is_result_unit),
    ("other unit", -1.0, lambda c: not c.is_result_unit),
    (
        "KPI metric",
        1.0,
        lambda c: bool(_KPI.search(c.metric) or _KPI.match(c.after) or _RESULT_METRIC.search(c.metric)),
    ),
    ("comparison base", -2.0, lambda c: bool(_REFERENCE.match(c.metric)) and not _DIGIT.search(c.metric)),
    ("several years", -1.0, lambda c: bool(_MULTI_YEAR.search(c.text[: c.q.start]))),
    ("sizes a later number", -1.5, lambda c: is_qualifier(c.q, c.following, c.text)),
    ("approximate", -1.5, lambda c: c.q.approximate),
    ("starting value", -2.0, lambda c: bool(_FROM_START.search(c.clause_before))),
    ("chinese numeral", -1.0, lambda c: c.q.chinese_numeral),
    ("part of a total", -1.5, _subordinate),
    ("no metric", -1.0, lambda c: len(c.metric) < 2 and not _KPI.match(c.after)),
    ("counts the subject", -1.5, _clause_initial),
    ("small count", -1.0, lambda c: c.unit in COUNT_UNITS and c.q.value < 10 and c.q.unit[:1] not in "万亿"),
    (
        "object of an action",
        -1.0,
        lambda c: (
            c.unit in ("家", "个", "名")
            and bool(_ACTION_END.search(c.text[max(0, c.q.start - 8) : c.q.start].rstrip()))
        ),
    ),
    ("count of measures", -1.5, lambda c: bool(_MEASURE.match(c.after) or _MEASURE_METRIC.search(c.metric))),
    ("adverbial percent", -1.5, lambda c: c.unit in ("%", "％") and bool(_ADVERBIAL.match(c.text, c.q.end))),
)


# the most the features from the i-th on can still add: is_salient stops once the threshold is out of reach
_GAIN_AFTER = tuple(
    sum(max(weight, 0.0) for _, weight, _ in SALIENCE_FEATURES[i:]) for i in range(len(SALIENCE_FEATURES) + 1)
)


def salience(q: Quantity, metric: str, text: str, following: Quantity | None = None) -> float:
    """How much a number reads like a reported result (≥ SALIENCE_THRESHOLD keeps it)."""
    candidate = Candidate.of_number(q, metric, text, following)
    return sum(weight for _, weight, applies in SALIENCE_FEATURES if applies(candidate))


def is_salient(q: Quantity, metric: str, text: str, following: Quantity | None = None) -> bool:
    """Whether ``salience(...) >= SALIENCE_THRESHOLD``, reading the features in order only until
    the rest can no longer lift the score to the threshold (most numbers fail on their unit).
    The score adds the same weights in the same order as :func:`salience`."""
    candidate = Candidate.of_number(q, metric, text, following)
    score = 0.0
    for i, (_, weight, applies) in enumerate(SALIENCE_FEATURES):
        if applies(candidate):
            score += weight
        if score + _GAIN_AFTER[i + 1] < SALIENCE_THRESHOLD:
            return False
    return score >= SALIENCE_THRESHOLD


def _year(text: str, start: int, default: int | None) -> int | None:
    """A year written in the clause before the number (2019 年度企业年报率) overrides the section's."""
    clause_start = max((m.end() for m in _METRIC_BREAK.finditer(text, 0, start)), default=0)
    years = _YEAR.findall(text[clause_start:start])
    return int(years[-1]) if years else default


def _change_series(quantities: list[Quantity], i: int, text: str) -> list[Quantity]:
    """The changes listed after one cue: 分别比去年同期增长9.09%和9.28% → both percentages."""
    series = [quantities[i]]
    for q in quantities[i + 1 :]:
        if not _GLUE.match(text[series[-1].end : q.start]):
            break
        series.append(q)
    return series


def _assign_changes(cue: str, series: list[Quantity], numbers: list[Outcome | None]) -> None:
    """Each change goes to its number: with 分别 the last n numbers in order, else the last one.

    ``numbers`` holds every earlier number of the sentence, None where it was not kept as an
    outcome, so 其中企业22774家,个体户28858家,分别增长9.09%和9.28% pairs 9.28% with 个体户.
    """
    owners = numbers[-len(series) :] if "分别" in cue and len(series) <= len(numbers) else numbers[-1:]
    for owner, q in zip(owners, series, strict=False):
        if owner is not None:
            owner.change = f"{cue.replace('分别', '')}{q.text}"


def _metric(text: str, q: Quantity, metric: str) -> str:
    """The metric before the number (``metric``, its :func:`metric_before`), else the words after
    it (在全区176家零售药店推行… → 零售药店推行…)."""
    if len(_LEADING.sub("", _PREPOSITION.sub("", metric))) >= 2:
        return metric
    after = _WORDS_AFTER.match(text, q.end)
    return (after.group(0) if after else "").strip() or metric


def extract_outcomes(ctx: SentenceContext) -> list[Outcome]:
    """Outcomes of a reporting sentence."""
    if ctx.kind != "reporting":
        return []
    text = ctx.text
    outcomes: list[Outcome] = []
    numbers: list[Outcome | None] = []  # every number read so far, None if not kept
    quantities = find_quantities(text)
    consumed: set[int] = set()  # quantities already read as changes
    for i, q in enumerate(quantities):
        if i in consumed:
            continue
        following = quantities[i + 1] if i + 1 < len(quantities) else None
        change = _CHANGE.search(text[max(0, q.start - 12) : q.start])
        if change and numbers:
            series = _change_series(quantities, i, text)
            consumed.update(range(i, i + len(series)))
            _assign_changes(change.group(0), series, numbers)
            continue
        before = metric_before(text, q.start)
        if not is_salient(q, before, text, following):
            numbers.append(None)
            continue
        metric = _metric(text, q, before)  # only for the few numbers kept
        outcome = Outcome(
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
        numbers.append(outcome)
        outcomes.append(outcome)
    _attach_ranks(text, outcomes, ctx)
    return outcomes


def _place_before(ctx: SentenceContext, pos: int) -> str | None:
    place = next((p.ref for p in reversed(ctx.places) if p.end <= pos), None)
    return place.name if place else None


def _attach_ranks(text: str, outcomes: list[Outcome], ctx: SentenceContext) -> None:
    """全省第1 after a number becomes the rank of the outcome right before it."""
    if not outcomes or "第" not in text:
        return  # no outcome to rank, or no 第 for the rank cue to match
    for m in _RANK.finditer(text):
        n = parse_number(m["n"])
        owner = next(
            (o for o in reversed(outcomes) if o.evidence.end - ctx.sentence.start <= m.start()), None
        )
        if owner is not None and n is not None and owner.rank is None:
            owner.rank = f"{m['scope']}第{int(n)}"
