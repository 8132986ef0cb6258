"""Document-level metadata of a report: title, issuer, document type and the years it covers.

Each fact is read from the most explicit place first: the title, then the top-level
headings (一、2020年工作总结 / 二、2021年工作计划), then the text itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.loaders.model import DocType, Section
from kg.loaders.normalize import DOCUMENT_NUMBER, looks_like_title
from kg.loaders.numerals import YEAR_DIGITS, chinese_ordinal, five_year_plan_period, year_value

# Bodies that issue market-regulation reports, longest names first.
_AGENCY_SUFFIX = (
    r"(?:市场监督管理局|市场监管局|市场监督管理委员会|市场和质量监督管理委员会|工商行政管理局"
    r"|质量技术监督局|食品药品监督管理局|知识产权局)"
)
_ISSUER = re.compile(rf"([\u4e00-\u9fffXx×＊*某]{{1,16}}?{_AGENCY_SUFFIX})")
_SUMMARY_WORD = r"(?:工作)?(?:总结|回顾|情况|述职)"
_PLAN_WORD = r"(?:工作)?(?:计划|思路|安排|要点|打算|重点)"
# After a year any of the words will do (2021年工作要点); alone they must say 工作 (工作计划),
# because 重点, 情况 and 回顾 are everyday words in headings.
_SUMMARY_YEAR = re.compile(rf"({YEAR_DIGITS})\s*年(?:度)?(?:[\u4e00-\u9fff]{{0,6}}?){_SUMMARY_WORD}")
_PLAN_YEAR = re.compile(rf"({YEAR_DIGITS})\s*年(?:度)?(?:[\u4e00-\u9fff]{{0,6}}?){_PLAN_WORD}")
_SUMMARY_ALONE = re.compile(r"工作(?:总结|回顾)|述职")
_PLAN_ALONE = re.compile(r"工作(?:计划|思路|安排|要点|打算)")
_FIVE_YEAR = re.compile(
    r"[“\"]?([一二三四五六七八九十]{1,3})五[”\"]?(?:时期|期间)?[\u4e00-\u9fff]{0,12}?规划"
)
_FIVE_YEAR_ANY = re.compile(r"[“\"]([一二三四五六七八九十]{1,3})五[”\"]")
_PERIOD = re.compile(r"((?:19|20)\d\d)\s*[-—–－~至到]+\s*((?:19|20)\d\d)\s*年")
_NEWS = re.compile(r"(?:记者|通讯员|讯[）)]?\s|日电|新闻发布会|\d{1,2}月\d{1,2}日[，,])")
_TOP_LINES = 3
_DOCUMENT_NUMBER = re.compile(DOCUMENT_NUMBER)


@dataclass(frozen=True)
class DocumentMeta:
    """The document-level facts read by :func:`read_metadata`."""

    title: str | None
    issuer: str | None
    doc_type: DocType
    summary_year: int | None
    plan_year: int | None
    period_start: int | None
    period_end: int | None


def read_metadata(text: str, sections: list[Section]) -> DocumentMeta:
    """Title, issuer, type and years of a normalized report with its section tree."""
    title = find_title(text)
    top_headings = [s.heading for s in sections if s.depth == 1]
    issuer = find_issuer(title, text)
    plan = _five_year_plan(title, text)
    if plan is not None:
        start, end = plan
        return DocumentMeta(title, issuer, "five_year_plan", start - 1, start, start, end)
    cues = " ".join([title or "", *top_headings])
    summary_year = _first_year(_SUMMARY_YEAR, cues)
    plan_year = _first_year(_PLAN_YEAR, cues)
    has_summary = summary_year is not None or _SUMMARY_ALONE.search(cues) is not None
    has_plan = plan_year is not None or _PLAN_ALONE.search(cues) is not None
    if summary_year and not plan_year and has_plan:
        plan_year = summary_year + 1
    if plan_year and not summary_year and has_summary:
        summary_year = plan_year - 1
    doc_type: DocType
    if has_summary and has_plan:
        doc_type = "annual_summary_and_plan"
    elif has_summary:
        doc_type = "annual_summary"
    elif has_plan:
        doc_type = "annual_plan"
    elif _NEWS.search(text[:300]):
        doc_type = "news"
    else:
        doc_type = "other"
    return DocumentMeta(title, issuer, doc_type, summary_year, plan_year, None, None)


def find_title(text: str) -> str | None:
    """The first line when it reads like a title (short, names the document kind); a document
    number above it (东市监〔2021〕12号) is passed over."""
    for line in text.split("\n", _TOP_LINES)[:_TOP_LINES]:
        line = line.strip()
        if line and not _DOCUMENT_NUMBER.fullmatch(line):
            return line if looks_like_title(line) else None
    return None


def find_issuer(title: str | None, text: str) -> str | None:
    """The issuing bureau as the title names it, else as the closing signature names it."""
    if title:
        m = _ISSUER.search(title)
        if m:
            return m.group(1)
    tail = [ln.strip() for ln in text.rstrip().split("\n")[-3:]]
    for line in tail:
        m = _ISSUER.fullmatch(line)
        if m:
            return m.group(1)
    return None


def _five_year_plan(title: str | None, text: str) -> tuple[int, int] | None:
    """The period of a five-year plan (十四五 → 2021–2025), when the document is one."""
    probe = title or text[:2000]
    m = _FIVE_YEAR.search(probe)
    if m is None and title is None:
        # Without a title, a plan names itself in its opening (编制本规划) and by its period.
        if "本规划" not in text[:3000]:
            return None
        m = _latest_five_year(text[:5000])
    if m is None:
        return None
    period = _PERIOD.search(probe)
    if period:
        return int(period.group(1)), int(period.group(2))
    ordinal = chinese_ordinal(m.group(1))
    return five_year_plan_period(ordinal) if ordinal else None


def _latest_five_year(text: str) -> re.Match[str] | None:
    """The five-year plan a text is about: the latest one it names (十三五 results, 十四五 plan)."""
    best: re.Match[str] | None = None
    for m in _FIVE_YEAR_ANY.finditer(text):
        if best is None or (chinese_ordinal(m.group(1)) or 0) > (chinese_ordinal(best.group(1)) or 0):
            best = m
    return best


def _first_year(pattern: re.Pattern[str], text: str) -> int | None:
    m = pattern.search(text)
    return year_value(m.group(1)) if m else None
