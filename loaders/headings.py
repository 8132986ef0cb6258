"""The numbering styles of Chinese official documents, as a table of heading markers.

Each marker style has a *rank*: chapters outrank sections, which outrank ``一、``, which
outrank ``（一）`` and so on (the GB/T 9704 order ``一、（一）1.（1）``, plus the chapter/section
style of five-year plans, ``专栏`` boxes, ``——`` lead lines and inline ``一是…二是`` points).
Ranks decide nesting; the order in the table decides which pattern wins at a position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.loaders.numerals import YEAR_DIGITS, chinese_ordinal

_CN = "一二三四五六七八九十百零〇两"
# A whole line such as 2021年工作计划 or 2020年度工作总结 (the text after the year is short).
_YEAR_PART = (
    YEAR_DIGITS + r"\s*年度?[^，。；,;\s]{0,6}?(?:工作)?(?:总结|回顾|计划|思路|安排|要点|打算)"
    r"(?:[:：]?\s*$)"
)
_UNNUMBERED = {"——", "专栏", "年度部分"}


@dataclass(frozen=True)
class MarkerStyle:
    """One numbering style: its name (stored in Section.marker), rank and pattern."""

    name: str
    rank: int
    pattern: re.Pattern[str]
    inline: bool = False  # found inside paragraphs (一是…), not only at a line start


MARKER_STYLES: tuple[MarkerStyle, ...] = (
    # Parts of a report: 第一部分 …, or an unnumbered line naming a year's summary or plan.
    MarkerStyle("第X部分", 0, re.compile(rf"第([{_CN}\d]{{1,4}})部分")),
    MarkerStyle("年度部分", 0, re.compile(_YEAR_PART)),
    MarkerStyle("第X章", 1, re.compile(rf"第([{_CN}\d]{{1,4}})章")),
    MarkerStyle("第X节", 2, re.compile(rf"第([{_CN}\d]{{1,4}})节")),
    # Boxes (专栏) sit beside the sections of a chapter in five-year plans.
    MarkerStyle("专栏", 2, re.compile(rf"专栏([{_CN}\d]{{0,4}})(?=[:：\s]|[^\s{_CN}])")),
    MarkerStyle("一、", 3, re.compile(rf"([{_CN}]{{1,4}})(?:、|[．.](?!\d))")),
    MarkerStyle("（一）", 4, re.compile(rf"[(（]([{_CN}]{{1,4}})[)）]")),
    MarkerStyle("1.", 5, re.compile(r"(\d{1,2})(?:[、．]|\.(?!\d))")),
    MarkerStyle("（1）", 6, re.compile(r"[(（](\d{1,2})[)）]")),
    MarkerStyle("①", 6, re.compile(r"([\u2460-\u2473])")),
    # Lead lines of work reports: ——党的建设全面加强。…
    MarkerStyle("——", 7, re.compile(r"(——)(?=[^\s—])")),
    MarkerStyle("一是", 8, re.compile(rf"([{_CN}]{{1,3}})是(?=[^\s是])"), inline=True),
)

_LINE_STYLES = tuple(s for s in MARKER_STYLES if not s.inline)
# Matches where any line style does: most lines start with none, and one alternation fails
# them in a single regex call instead of one per style.
_ANY_LINE_STYLE = re.compile("|".join(f"(?:{s.pattern.pattern})" for s in _LINE_STYLES))
_INLINE_STYLE = next(s for s in MARKER_STYLES if s.inline)
# Where an inline point may begin: paragraph start or after a clause-ending mark.
_INLINE_POINT = re.compile(rf"(?:^|(?<=[。；：;:！？]))\s*([{_CN}]{{1,3}})是(?=[^\s是])", re.M)

# A heading line carries no sentence end except, at most, a final one.
_SENTENCE_END_INSIDE = re.compile(r"[。！？；!?;](?!\s*$)")
MAX_HEADING_LINE = 60


@dataclass(frozen=True)
class MarkerMatch:
    """A heading marker found at the start of a line (or of an inline point)."""

    style: MarkerStyle
    ordinal: int | None  # 1 for 一/1/①, None when the style has no number (——)
    end: int  # offset just after the marker, relative to the searched string


@lru_cache(maxsize=4096)
def match_marker(line: str) -> MarkerMatch | None:
    """The heading marker at the start of ``line`` (leading spaces allowed), if any."""
    stripped = len(line) - len(line.lstrip())
    if _ANY_LINE_STYLE.match(line, stripped) is None:
        return None
    for style in _LINE_STYLES:
        m = style.pattern.match(line, stripped)
        if m is None:
            continue
        ordinal = _ordinal(m.group(1)) if style.pattern.groups else None
        if ordinal is None and style.name not in _UNNUMBERED:
            continue
        if style.name == "一、" and not _plausible_cn_list(m.group(1)):
            continue
        return MarkerMatch(style=style, ordinal=ordinal, end=m.end())
    return None


def starts_with_marker(line: str) -> bool:
    """True when ``line`` begins with a heading marker."""
    return match_marker(line) is not None


def is_bare_marker(line: str) -> bool:
    """A line that holds only a marker, e.g. ``(一)`` split from its heading by a PDF."""
    text = line.strip()
    marker = match_marker(text)
    return marker is not None and marker.end == len(text) and marker.style.name not in _UNNUMBERED


def is_heading_line(line: str) -> bool:
    """True for a line that is a heading by itself (marker, short, no sentence end inside)."""
    text = line.strip()
    if not text or len(text) > MAX_HEADING_LINE or match_marker(text) is None:
        return False
    return _SENTENCE_END_INSIDE.search(text) is None and not text.endswith(("。", "；", ";"))


def inline_points(paragraph: str) -> list[tuple[int, int, int]]:
    """Inline points 一是…二是… of a paragraph as (start, marker_end, ordinal).

    Only a run that starts at 一是 and counts up by one is accepted, so words that merely
    contain 是 (如“唯一是”, “更是”) are not mistaken for points.
    """
    if "一是" not in paragraph or "二是" not in paragraph:
        # most paragraphs: two substring tests are far cheaper than the regex scan, and a run
        # needs both (only 一 reads 1 and only 二 reads 2, see chinese_ordinal)
        return []
    points: list[tuple[int, int, int]] = []
    expected = 1
    for m in _INLINE_POINT.finditer(paragraph):
        ordinal = chinese_ordinal(m.group(1))
        if ordinal != expected:
            continue
        points.append((m.start(1), m.end(), ordinal))
        expected += 1
    return points if len(points) >= 2 else []


_PARAGRAPH_POINT = re.compile(rf"\s*([{_CN}]{{1,3}})是(?=[^\s是])")


def paragraph_point(paragraph: str) -> tuple[int, int] | None:
    """(marker end, ordinal) when a paragraph opens with 一是/二是…, as points set one per line."""
    m = _PARAGRAPH_POINT.match(paragraph)
    if m is None:
        return None
    ordinal = chinese_ordinal(m.group(1))
    return (m.end(), ordinal) if ordinal else None


def inline_style() -> MarkerStyle:
    """The style record of inline points (一是…)."""
    return _INLINE_STYLE


def _ordinal(token: str) -> int | None:
    if token == "——":
        return None
    if token.isdecimal() and token.isascii():
        return int(token)
    if len(token) == 1 and "\u2460" <= token <= "\u2473":
        return ord(token) - 0x2460 + 1
    return chinese_ordinal(token)


def _plausible_cn_list(token: str) -> bool:
    """一、 to 二十、 are list markers; 百、零、 etc. alone are words, not numbers."""
    value = chinese_ordinal(token)
    return value is not None and 1 <= value <= 30
