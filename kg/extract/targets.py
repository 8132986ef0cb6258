"""Targets in planning sentences: 到2025年…达到90%, 新增…5项以上, 实现“每千人6批次”."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import Target
from kg.extract.numbers import find_quantities
from kg.extract.outcomes import metric_before
from kg.extract.rules.targets import SCOPE_AT, SCOPE_COUNT_UNITS, SCOPE_PREFIXES, TARGET_CUES, TARGET_YEAR
from kg.extract.rules.units import DURATION_CUT, DURATION_METRIC, DURATION_UNITS
from kg.loaders.model import Document
from kg.loaders.numerals import chinese_ordinal, five_year_plan_period

_CUE = re.compile("|".join(TARGET_CUES))
_TARGET_YEAR = re.compile(TARGET_YEAR)
_YEAR = re.compile(r"(20\d\d)\s*年")
_FIVE_YEAR_PLAN = re.compile(r"[“\"]?(十[一二三四五六七八九])五[”\"]?")
_NON_TARGET_UNITS = frozenset({"年", "日", "天", "个月", "小时", "分钟"})
_CUE_AT_END = re.compile("(?:" + "|".join(TARGET_CUES) + ")$")
_SCOPE_AT = re.compile(SCOPE_AT)
_DURATION_METRIC = re.compile(DURATION_METRIC)
_DURATION_CUT = re.compile(DURATION_CUT)
# a rate's base between the cue and the number (保持在每月3000批次) belongs to the amount
_VERB_BEFORE_NUMBER = re.compile(
    r"(?:新增|完成|实现|支持|打造|开展|推荐|推动|确保|引导|督促|帮助|指导)(?:全市|全区|全县|全省)?$"
)
_PLAN_WORDS = re.compile(
    r"^(?:(?:到|至)?20\d\d年(?:底|末)?|计划|力争|全年|年内|拟|新增|新?(?:培育|创建|认定)|实现|完成|达到)+"
)
_PER = re.compile(r"每(?:[年季月周日天]|[千万百]人口?)$")
# the verb that sets the level (控制在, 保持在, 缩短至) is not part of the metric
_SETTING_VERB = re.compile(r"(?:控制|保持|稳定|压缩|缩短|提高|提升|降低|下降)(?:在|至|到)?$")
_METRIC_AFTER = re.compile(r"^[的]?(?P<m>[\u4e00-\u9fff“”]{2,20}?)(?:的|[，,；;。]|$)")


def _metric(text: str, q_start: int, q_end: int) -> str:
    """The metric before the number, or — for 完成5家农贸市场的改造提升 — the phrase after it."""
    before = metric_before(text, q_start)
    before = _PLAN_WORDS.sub("", before)
    before = re.sub(r"(?:力争|争取|计划|预计)?(?:不少于|不低于|不超过|超过|突破|达到|达|为)$", "", before)
    before = _SETTING_VERB.sub("", _PER.sub("", before))
    before = re.sub(r"(?:力争|争取|计划|预计)$", "", before)
    # 推动全市80%以上的学校食堂…: a verb (and its scope) before the number leaves the metric after it
    if len(before) >= 2 and not _VERB_BEFORE_NUMBER.search(before):
        return before
    after = re.match(r"[^，,；;。]{0,30}", text[q_end:])
    # 实现“每千人6批次”的食品抽检目标 → 食品抽检: the closing quote, 的 and the word 目标 are not the metric
    phrase = re.sub(r"^[”\"]?的?|(?:目标|任务)$", "", (after.group(0) if after else "").strip("以上 "))
    return phrase.strip("的 ") or before


def plan_horizon(doc: Document) -> int | None:
    """The last year of a five-year plan: of the period holding its plan year, else of the latest
    “十X五” named near its start (a 十四五 plan also speaks of 十三五); None for other documents."""
    if doc.doc_type != "five_year_plan":
        return None
    if doc.plan_year:
        ordinal = (doc.plan_year - 1971) // 5 + 4  # back to back since the 4th plan (1971–1975)
    else:
        found = [chinese_ordinal(m) for m in _FIVE_YEAR_PLAN.findall((doc.title or "") + doc.text[:1000])]
        ordinal = max((n for n in found if n), default=0)
    return five_year_plan_period(ordinal)[1] if ordinal else None


def _is_scope(prefix: str, unit: str) -> bool:
    """A number that says where (拟在1个专业市场、1个大型商超建立…) rather than how much.

    A prefix ending in a cue (控制在, 保持在, 稳定在) introduces the amount, so it is never a
    scope; a bare 在 is one only before a count of places (在1个专业市场, 在5家企业).
    """
    prefix = _PER.sub("", prefix)
    if _CUE_AT_END.search(prefix):
        return False
    if any(prefix.endswith(p) for p in SCOPE_PREFIXES):
        return True
    if _SCOPE_AT.search(prefix):
        return unit in SCOPE_COUNT_UNITS
    located = re.search(r"在([^在]*)$", prefix)
    return located is not None and not _CUE.search(located.group(1))


def _is_duration_target(prefix: str, unit: str) -> bool:
    """天/小时 count as a target when they time something (办理时间…1天, 压缩至1天)."""
    return unit in DURATION_UNITS and bool(_DURATION_METRIC.search(prefix) or _DURATION_CUT.search(prefix))


def _year_before(text: str, lo: int, hi: int) -> int | None:
    """A year written in the clause before the number (2025年…可追溯率90%)."""
    years = _YEAR.findall(text[lo:hi])
    return int(years[-1]) if years else None


def extract_targets(ctx: SentenceContext) -> list[Target]:
    """Targets of a planning sentence (indicator tables are handled by kg.extract.indicator_table)."""
    if ctx.kind != "planning":
        return []
    text = ctx.text
    years: tuple[int | None, int | None] | None = None  # read once a number is kept (few sentences)
    targets: list[Target] = []
    for q in find_quantities(text):
        clause_start, clause_end = ctx.clause_bounds(q.start)
        prefix = text[clause_start : q.start]
        if q.chinese_numeral or (q.unit in _NON_TARGET_UNITS and not _is_duration_target(prefix, q.unit)):
            continue
        if _is_scope(prefix, q.unit) or prefix.endswith("由"):  # 由3个工作日压缩至1个: the start
            continue
        if not _CUE.search(text[clause_start:clause_end]):
            continue
        if years is None:
            years = _sentence_years(ctx)
        sentence_year, default_year = years
        target_year = _year_before(text, clause_start, q.start) or sentence_year or default_year
        targets.append(
            Target(
                metric=_metric(text, q.start, q.end),
                evidence=ctx.evidence(q.start, q.end, "target.sentence", 0.7),
                unit=q.unit,
                target=q.value,
                target_year=target_year,
                program=ctx.program_at(clause_start, clause_end),
            )
        )
    return targets


def _sentence_years(ctx: SentenceContext) -> tuple[int | None, int | None]:
    """The target year a planning sentence names (到2025年), and the year its targets default to:
    the horizon of a five-year plan, else the sentence's year."""
    year_match = _TARGET_YEAR.search(ctx.text)
    return (int(year_match["year"]) if year_match else None), (plan_horizon(ctx.doc) or ctx.year)
