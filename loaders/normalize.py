"""Normalize report text and keep a map from every normalized character back to the original.

What changes (and why):
- lines a PDF broke mid-sentence are joined; real paragraph breaks stay single ``\\n``;
- page numbers and running headers are dropped (they interrupt sentences);
- broken cells of indicator tables are reassembled into one line per row;
- spaces next to Chinese text are removed (``0.5 个工作日`` → ``0.5个工作日``), other runs
  of spaces collapse to one; markdown emphasis ``**`` is removed;
- full-width digits and Latin letters become ASCII (:func:`kg.loaders.charclass.fold_width`).

Every kept character is copied from the original text, and the few inserted characters
(line breaks, the space between table cells) stand for whitespace of the original, so
``offsets[i]`` is always a real position in the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from kg.loaders.charclass import CJK, fold_width
from kg.loaders.headings import is_bare_marker, is_heading_line, starts_with_marker
from kg.loaders.lines import Line, classify_lines, ends_table_row, split_lines
from kg.loaders.offsets import OffsetMap, OffsetMapBuilder

# A line that ends a sentence or clause (possibly followed by closing quotes/brackets).
_SENTENCE_ENDS = "。！？；!?;：:…"
_SENTENCE_CLOSERS = "”’」』）)】》\"'"
# A first line that names the kind of document is its title, never the start of a paragraph.
_TITLE_END = re.compile(
    r"(?:总结|计划|规划|思路|安排|要点|报告|汇报|情况|通知|意见|方案|纲要|打算)(?:[（(][^）)]*[）)])?$"
)
# Lines that stand alone: a bracketed subtitle (（2021—2025年）), a date (2021年1月15日) or a
# document number (东市监〔2021〕12号).
DOCUMENT_NUMBER = r"[\u4e00-\u9fff]{1,12}\s*[〔\[［（(]\s*\d{4}\s*[〕\]］）)]\s*\d{1,4}\s*号"
_STANDALONE = re.compile(
    r"[（(][^（()）]{1,30}[）)]|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|" + DOCUMENT_NUMBER
)
_CLOSING = tuple("〕）)】》」』”")
_OPENING = tuple("〔（(【《「『“")
# Markdown emphasis and invisible characters inside a line (dropped) and whitespace runs
# (gaps, decided one by one in _copy_line).
_INVISIBLE_CLASS = r"\x00-\x08\x0e-\x1b\x7f\u200b-\u200d\u2060\ufeff"
_INLINE_NOISE = re.compile(rf"(?P<markdown>\*\*|__)|(?P<invisible>[{_INVISIBLE_CLASS}]+)|(?P<gap>[^\S\n]+)")
# Every character _INLINE_NOISE can start with, as one character class (scanned much faster
# than the alternation). U+3000 is the last whitespace character of Unicode.
_SPACES = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace() and ch != "\n")
_MAY_HOLD_NOISE = re.compile(f"[{re.escape(_SPACES)}*_{_INVISIBLE_CLASS}]")
_CJK_CHAR = re.compile(f"[{CJK}]")
_ROW_NUMBER = re.compile(r"(\d{1,3})(?:\s|$)")
_TITLE_MAX = 60


@dataclass
class Normalized:
    """Normalized text, the offset map and the original spans dropped as page artefacts."""

    text: str
    offsets: OffsetMap  # len(text) + 1 entries; the last is len(original)
    dropped: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Builder:
    """Collects copied spans and inserted strings, then builds text and offsets in one pass."""

    original: str
    parts: list[str] = field(default_factory=list)
    offsets: OffsetMapBuilder = field(default_factory=OffsetMapBuilder)

    def copy(self, start: int, end: int) -> None:
        if end > start:
            self.parts.append(self.original[start:end])
            self.offsets.copied(start, end)

    def copy_text(self, start: int, text: str) -> None:
        """Copy ``text``, which is ``original[start:start + len(text)]`` (no slicing again)."""
        self.parts.append(text)
        self.offsets.copied(start, start + len(text))

    def insert(self, at: int, text: str) -> None:
        self.parts.append(text)
        self.offsets.inserted(at, len(text))

    def build(self) -> Normalized:
        return Normalized(text="".join(self.parts), offsets=self.offsets.build(len(self.original)))


def normalize(original: str) -> Normalized:
    """Normalize ``original`` (see the module docstring) with an offset map back to it."""
    lines = split_lines(original)
    classify_lines(lines)
    kept = [ln for ln in lines if ln.kind in ("text", "table")]
    rows = _TableRows(enabled=_tables_in_row_mode(kept))
    builder = _Builder(original)
    # The first paragraph so far, while it may still be the title (a PDF may wrap a long title);
    # a document number or date above it does not count.
    opening: str | None = None
    started = False
    # Each line is tested as the line and then as the previous one: test it once.
    standalone = [_STANDALONE.fullmatch(ln.text) is not None for ln in kept]
    marked = [starts_with_marker(ln.text) for ln in kept]
    for i, line in enumerate(kept):
        sep = ""
        if i:
            prev = kept[i - 1]
            is_title = opening is not None and looks_like_title(opening)
            sep = _separator(prev, line, is_title, rows, standalone[i - 1] or standalone[i],
                             (marked[i - 1], marked[i]))
            if sep:
                builder.insert(prev.end, sep)
        if not started and not standalone[i]:
            opening, started = line.text, True
        elif opening is not None:
            opening = None if sep else opening + line.text
        _copy_line(builder, line)
    result = builder.build()
    result.text = fold_width(result.text)
    result.dropped = [(ln.start, ln.end) for ln in lines if ln.kind in ("page", "header")]
    return result


def looks_like_title(text: str) -> bool:
    """A short line without sentence ends whose last word names a document kind."""
    return (
        len(text) <= _TITLE_MAX
        and not re.search(r"[。！？；]", text)
        and _TITLE_END.search(text.strip()) is not None
        and not starts_with_marker(text)
    )


@dataclass
class _TableRows:
    """Row reassembly state of indicator tables: rows are numbered 1, 2, 3 …"""

    enabled: bool
    last_row: int = 0

    def separator(self, prev: Line, line: Line) -> str:
        """Rows end at the attribute column or before the next row number; wrapped cells rejoin."""
        if not self.enabled:
            return "\n"
        if self._starts_next_row(line.text):
            return "\n"
        if ends_table_row(prev.text):
            return "\n"
        if prev.text.endswith(_OPENING) or line.text.startswith(_CLOSING):
            return ""
        # A PDF cell that ends leaves a space before the break; a wrapped cell does not.
        return " " if prev.trailing_space else ""

    def start_table(self, line: Line) -> None:
        self.last_row = 0
        self._starts_next_row(line.text)

    def _starts_next_row(self, text: str) -> bool:
        # Only the expected next number starts a row: "300 400 预期性" is a row's values.
        m = _ROW_NUMBER.match(text)
        if m is None or int(m.group(1)) not in (self.last_row + 1, 1):
            return False
        self.last_row = int(m.group(1))
        return True


def _separator(prev: Line, line: Line, is_title: bool, rows: _TableRows, standalone: bool,
               marked: tuple[bool, bool]) -> str:
    """What goes between two kept lines: '' (same sentence), ' ' (table cells) or '\\n'.

    ``standalone``: one of the two lines stands alone (a subtitle, a date, a document number);
    ``marked``: whether each line starts with a heading marker.
    """
    if prev.kind == "table" and line.kind == "table":
        return rows.separator(prev, line)
    if line.kind == "table":
        rows.start_table(line)
        return "\n"
    if prev.kind == "table":
        return "\n"
    prev_marked, line_marked = marked
    if prev_marked and is_bare_marker(prev.text):  # both need a marker: test only marked lines
        return ""
    if is_title or line_marked or (prev_marked and is_heading_line(prev.text)):
        return "\n"
    if standalone or _ends_sentence(prev.text):
        return "\n"
    return ""


def _ends_sentence(text: str) -> bool:
    """The line ends with a sentence or clause mark, possibly followed by closing quotes/brackets."""
    body = text.rstrip(_SENTENCE_CLOSERS)
    return body != "" and body[-1] in _SENTENCE_ENDS


def _tables_in_row_mode(kept: list[Line]) -> bool:
    """Reassemble rows only for tables that mark row ends (indicator tables)."""
    return any(ln.kind == "table" and ends_table_row(ln.text) for ln in kept)


def _copy_line(builder: _Builder, line: Line) -> None:
    """Copy one line's content, dropping markdown and the spaces Chinese typesetting omits."""
    text = line.text
    if _MAY_HOLD_NOISE.search(text) is None:
        builder.copy_text(line.start, text)  # most lines: nothing to drop
        return
    # In a table every gap may separate cells, unless the cells are marked by tabs (DOCX/HTML).
    cell_gaps = "tab" if "\t" in text else "any" if line.kind == "table" else "none"
    base = line.start
    pos = 0  # start of the text not yet copied
    for m in _inline_noise(text):
        start, end = m.span()
        if m.lastgroup == "gap" and _keeps_gap(text, start, end, cell_gaps=cell_gaps):
            builder.copy(base + pos, base + start + 1)  # the text before and one character of the gap
        else:
            builder.copy(base + pos, base + start)
        pos = end
    builder.copy(base + pos, line.end)


def _inline_noise(text: str) -> Iterator[re.Match[str]]:
    """The matches ``_INLINE_NOISE.finditer(text)`` gives, found faster: candidate positions by
    one character-class search, the alternation tried only there (most lines have none)."""
    pos = 0
    while (candidate := _MAY_HOLD_NOISE.search(text, pos)) is not None:
        m = _INLINE_NOISE.match(text, candidate.start())
        if m is None:
            pos = candidate.start() + 1  # a lone * or _
        else:
            yield m
            pos = m.end()


def _keeps_gap(text: str, start: int, end: int, *, cell_gaps: str) -> bool:
    """Whether the whitespace ``text[start:end]`` stays as one space (or is dropped)."""
    if cell_gaps == "any" or (cell_gaps == "tab" and "\t" in text[start:end]):
        return True
    if start == 0 or end == len(text):
        return False
    return not (_CJK_CHAR.match(text, start - 1) or _CJK_CHAR.match(text, end))
