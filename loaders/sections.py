"""The section tree of a report, from the heading markers at paragraph starts.

A heading opens a section that runs until the next heading of the same or higher rank
(see :mod:`kg.loaders.headings`). Inline points (一是…二是…) are sections too, closed at
the end of their paragraph; points set one per paragraph run to the next point or heading.
When top-level numbering starts again at 一 (a report's
summary part ends and its plan part begins without a part heading, as in many district
reports), the lead-in paragraphs just before the restart (``2021年，XX局将…``) are cut
off from the previous section: they introduce the new part.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kg.loaders.headings import (
    MarkerMatch,
    inline_points,
    inline_style,
    is_heading_line,
    match_marker,
    paragraph_point,
)
from kg.loaders.model import Section
from kg.loaders.numerals import YEAR_DIGITS

_FIRST_SENTENCE_END = re.compile(r"[。！？；!?;]")
_LEAD_IN = re.compile(rf"(?:{YEAR_DIGITS}\s*年|今年|明年|下一步|新的一年)")
_TRAILING_MARK = "。；;：:，, "
INLINE_RANK = inline_style().rank


@dataclass
class Structure:
    """Sections plus where each part of a multi-part report begins (restart points)."""

    sections: list[Section]
    part_starts: list[int] = field(default_factory=list)


@dataclass
class _Open:
    """A section still open while the text is read, with what decides its nesting."""

    section: Section
    rank: int
    ordinal: int | None
    inline: bool = False  # an inline point, closed at the end of its paragraph


@dataclass
class _TreeBuilder:
    """Builds the tree in one pass: a stack of open sections, closed as headings arrive."""

    sections: list[Section] = field(default_factory=list)
    stack: list[_Open] = field(default_factory=list)
    part_starts: list[int] = field(default_factory=list)

    def open(self, *, start: int, heading: str, marker: str, rank: int, ordinal: int | None,
             lead_in: int | None = None, inline: bool = False) -> None:
        """Open a section, closing every open section it does not nest in."""
        if self.stack and rank == self.stack[0].rank and self._restarts(ordinal):
            cut = lead_in if lead_in is not None else start
            self.close_all(cut)
            self.part_starts.append(cut)
        while self.stack and self.stack[-1].rank >= rank:
            self.close_top(start)
        parent = self.stack[-1].section if self.stack else None
        sec = Section(
            index=len(self.sections),
            heading=heading,
            marker=marker,
            depth=len(self.stack) + 1,
            start=start,
            end=start,
            parent=parent.index if parent else None,
        )
        if parent:
            parent.children.append(sec.index)
        self.sections.append(sec)
        self.stack.append(_Open(sec, rank, ordinal, inline))

    def _restarts(self, ordinal: int | None) -> bool:
        last = self.stack[0].ordinal if self.stack else None
        return ordinal == 1 and last is not None and last >= 2

    def close_top(self, at: int) -> None:
        self.stack.pop().section.end = at

    def close_all(self, at: int) -> None:
        while self.stack:
            self.close_top(at)

    def close_inline(self, at: int) -> None:
        while self.stack and self.stack[-1].inline:
            self.close_top(at)


def build_sections(text: str) -> Structure:
    """Parse the heading structure of normalized ``text``."""
    tree = _TreeBuilder()
    lead_in: int | None = None
    pos = 0
    paragraphs = text.split("\n")
    points = [inline_points(p) for p in paragraphs]
    block_points = _paragraph_point_runs(paragraphs, points)
    for i, paragraph in enumerate(paragraphs):
        start, end = pos, pos + len(paragraph)
        pos = end + 1
        marker = match_marker(paragraph)
        if marker is not None:
            _open_heading(tree, paragraph, start, marker, lead_in)
            lead_in = None
        elif i in block_points:
            marker_end, ordinal = block_points[i]
            tree.open(start=start, heading=_heading_text(paragraph, marker_end, whole=False),
                      marker=inline_style().name, rank=INLINE_RANK, ordinal=ordinal)
            lead_in = None
        elif _LEAD_IN.match(paragraph):
            lead_in = start if lead_in is None else lead_in
        else:
            lead_in = None
        for p_start, p_marker_end, ordinal in points[i]:
            tree.open(
                start=start + p_start,
                heading=_heading_text(paragraph[p_start:], p_marker_end - p_start, whole=False),
                marker=inline_style().name,
                rank=INLINE_RANK,
                ordinal=ordinal,
                inline=True,
            )
        tree.close_inline(end)
    tree.close_all(len(text))
    return Structure(sections=tree.sections, part_starts=tree.part_starts)


def _paragraph_point_runs(
    paragraphs: list[str], inline: list[list[tuple[int, int, int]]]
) -> dict[int, tuple[int, int]]:
    """Paragraphs that open with 一是, 二是, … in order (one point per paragraph), by index.

    A run starts at 一是, counts up by one, may have plain paragraphs between its points and
    ends at a heading; runs of a single point are ignored.
    """
    accepted: dict[int, tuple[int, int]] = {}
    run: dict[int, tuple[int, int]] = {}

    def finish() -> None:
        if len(run) >= 2:
            accepted.update(run)
        run.clear()

    for i, paragraph in enumerate(paragraphs):
        if match_marker(paragraph) is not None:
            finish()
            continue
        point = paragraph_point(paragraph) if not inline[i] else None
        if point is None:
            continue
        last = max((o for _, o in run.values()), default=0)
        if point[1] == last + 1:
            run[i] = point
        elif point[1] == 1:
            finish()
            run[i] = point
    finish()
    return accepted


def _open_heading(tree: _TreeBuilder, paragraph: str, start: int, marker: MarkerMatch,
                  lead_in: int | None) -> None:
    lead = len(paragraph) - len(paragraph.lstrip())
    tree.open(
        start=start + lead,
        heading=_heading_text(paragraph[lead:], marker.end - lead, whole=is_heading_line(paragraph)),
        marker=marker.style.name,
        rank=marker.style.rank,
        ordinal=marker.ordinal,
        lead_in=lead_in,
    )


def _heading_text(paragraph: str, marker_end: int, *, whole: bool) -> str:
    """The heading: the whole line when it stands alone, else the paragraph's first sentence."""
    if whole:
        return paragraph.strip().rstrip(_TRAILING_MARK)
    m = _FIRST_SENTENCE_END.search(paragraph, marker_end)
    heading = paragraph[: m.start()] if m else paragraph
    return heading.strip().rstrip(_TRAILING_MARK)
