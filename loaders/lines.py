"""Physical lines of a report and what each one is: text, page artefact or table row.

PDF text layers and copy-pasted reports carry page numbers (``- 3 -``, ``— 12 —``), running
headers repeated on every page, and indicator tables whose cells were broken into
fragments. Classifying lines first lets the joiner (:mod:`kg.loaders.normalize`) treat
each kind by its own rule.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from kg.loaders.headings import is_heading_line, starts_with_marker

LineKind = Literal["page", "header", "table", "text"]

# Page numbers with decoration: - 3 -, — 12 —, 第3页, 第 3 页 共 20 页, 3/20.
_PAGE_DECORATED = re.compile(
    r"[-—–－~_·]+\s*\d{1,4}\s*[-—–－~_·]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*/\s*\d{1,4}"
)
_LONE_NUMBER = re.compile(r"\d{1,4}")
# Units and measure words that continue a number broken onto its own line by a PDF.
_QUANTITY_GOES_ON = re.compile(
    r"[年月日号时个万亿千百元家项件人次批户倍%％.．,，、名条台套所起天周岁吨米亩平辆份张场期届余多]"
)
# Indicator tables of plans end each row with the indicator's attribute.
_TABLE_ROW_END_WORDS = ("预期性", "约束性", "属性")
TABLE_ROW_END = re.compile(f"(?:{'|'.join(_TABLE_ROW_END_WORDS)})$")
_SENTENCE_PUNCT = re.compile(r"[。，；！？,;]")
_MARKDOWN_HEADING = re.compile(r"#{1,6}[ \t]+")
_CELL_TAB = re.compile(r"\S\t+\S")
# A class then its repeat, not ``[…]+``: a pattern that starts with a class is searched by it
_INNER_WS = re.compile(r"[ \t\u3000\u00a0][ \t\u3000\u00a0]*")
# A gap between cells, with the characters on both sides.
_GAP = re.compile(r"(\S)[ \t\u3000\u00a0]+(?=(\S))")
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_VALUE_CHAR = re.compile(r"[0-9%.〔〕≥≤><—]")
# Lines repeated this often (and short) are running headers/footers of a paginated source.
_HEADER_MIN_REPEATS = 3
_HEADER_MAX_LEN = 40
_TABLE_CELL_MAX = 14


@dataclass(slots=True)  # thousands per PDF report
class Line:
    """One physical line: its content span in the original text (whitespace trimmed)."""

    start: int
    end: int
    text: str
    trailing_space: bool  # whitespace before the line break: a cell end in PDF tables
    kind: LineKind = "text"


# The characters str.splitlines breaks lines at ("\r\n" is one break of two); all are whitespace.
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# The content of a line: from its first to its last non-whitespace character.
_LINE_CONTENT = re.compile(rf"\S(?:[^{_LINE_BREAKS}]*\S)?")


def split_lines(original: str) -> list[Line]:
    """The non-blank lines of ``original`` with content spans; every kind of line break counts.

    One regex scan finds every line's content (a Python loop over all lines was the cost of
    long PDF texts); blank lines carry nothing later steps use.
    """
    lines: list[Line] = []
    append = lines.append  # a bound method: this loop runs once per line of every report
    size = len(original)
    for m in _LINE_CONTENT.finditer(original):
        start, end = m.span()
        content = m.group()
        # Whitespace before the line break (a cell end in PDF tables): content ends before it.
        trailing_space = end < size and original[end] not in _LINE_BREAKS
        if content[0] == "#":
            content, start = _without_markdown_heading(content, start)
        append(Line(start, start + len(content), content, trailing_space))
    return lines


def _without_markdown_heading(content: str, start: int) -> tuple[str, int]:
    """Markdown "## 一、…": the marks are layout; ``start`` moves past them (content, start)."""
    heading = _MARKDOWN_HEADING.match(content)
    if heading is None or heading.end() >= len(content):
        return content, start
    rest = content[heading.end() :].lstrip()
    return rest, start + len(content) - len(rest)


def classify_lines(lines: list[Line]) -> None:
    """Mark page numbers, running headers and table lines in place."""
    _mark_tables(lines)
    _mark_page_numbers(lines)
    _mark_running_headers(lines)


def is_table_like(text: str) -> bool:
    """A line of short cells separated by spaces, or ending with an indicator attribute."""
    if len(text) <= 80 and ends_table_row(text):
        return True
    if "\t" in text and _CELL_TAB.search(text):
        return True  # cells of a DOCX or HTML table, joined by tabs by the readers
    if _SENTENCE_PUNCT.search(text) or _INNER_WS.search(text) is None:
        return False  # prose, or a single cell
    cells = _INNER_WS.split(text)
    if len(cells) < 3 or any(len(c) > _TABLE_CELL_MAX for c in cells):
        return False
    # PDF prose spaces out numbers (较 2015 年末); cells are separated between two words
    # (序号 项目类别) or two values (74 100, 〔134.1〕 〔180〕).
    return any(_cell_gap(m.group(1), m.group(2)) for m in _GAP.finditer(text))


def ends_table_row(text: str) -> bool:
    """The line ends with an indicator's attribute (:data:`TABLE_ROW_END`, without a regex scan)."""
    return text.endswith(_TABLE_ROW_END_WORDS)


def _cell_gap(left: str, right: str) -> bool:
    both_han = _HAN_CHAR.match(left) and _HAN_CHAR.match(right)
    both_values = _VALUE_CHAR.match(left) and _VALUE_CHAR.match(right)
    return bool(both_han or both_values)


def _ends_table(text: str) -> bool:
    """A line that cannot be a table fragment: prose, a heading or a note below the table."""
    if _SENTENCE_PUNCT.search(text) or is_heading_line(text) or starts_with_marker(text):
        return not ends_table_row(text)
    if text.startswith(("注", "备注", "说明", "资料来源", "数据来源")):
        return True
    return len(text) > 2 * _TABLE_CELL_MAX and not _INNER_WS.search(text)


def _mark_tables(content: list[Line]) -> None:
    """A table starts at a table-like line and runs until a line that cannot be a cell."""
    in_table = False
    for ln in content:
        if not in_table and is_table_like(ln.text):
            in_table = True
        elif in_table and _ends_table(ln.text):
            in_table = False
        if in_table:
            ln.kind = "table"


def _mark_page_numbers(content: list[Line]) -> None:
    for i, ln in enumerate(content):
        if _PAGE_DECORATED.fullmatch(ln.text):
            ln.kind = "page"
        elif ln.kind == "text" and _LONE_NUMBER.fullmatch(ln.text) and _between_prose(content, i):
            # A bare number between prose lines is a page number (inside a table it is a row
            # number) unless the next line goes on with its unit: 2021 / 年，市市场监管局将…
            after = content[i + 1].text if i + 1 < len(content) else ""
            if not _QUANTITY_GOES_ON.match(after):
                ln.kind = "page"


def _between_prose(content: list[Line], i: int) -> bool:
    before = content[i - 1] if i > 0 else None
    after = content[i + 1] if i + 1 < len(content) else None
    return all(ln is None or ln.kind == "text" for ln in (before, after))


def _mark_running_headers(content: list[Line]) -> None:
    counts = Counter(ln.text for ln in content if ln.kind == "text" and len(ln.text) <= _HEADER_MAX_LEN)
    repeated = {
        text
        for text, n in counts.items()
        if n >= _HEADER_MIN_REPEATS
        and not starts_with_marker(text)
        and not _SENTENCE_PUNCT.search(text)
        and _has_words(text)
    }
    for ln in content:
        if ln.kind == "text" and ln.text in repeated:
            ln.kind = "header"


def _has_words(text: str) -> bool:
    return any(ch.isalnum() for ch in text)
