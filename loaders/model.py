"""Typed records the loaders hand to every later stage.

A :class:`Document` carries the normalized text, a map back to the original
text, its metadata, a section tree and its sentences. Offsets are character
offsets into ``Document.text`` (normalized) unless the name says ``orig``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Literal

Level = Literal["province", "prefecture", "county", "district", "township"]
SectionKind = Literal["reporting", "planning"]
DocType = Literal[
    "annual_summary", "annual_plan", "annual_summary_and_plan", "five_year_plan", "news", "other"
]


@dataclass(frozen=True)
class Jurisdiction:
    """The place a document's issuer governs, e.g. 东莞市 (prefecture, 广东省, 441900)."""

    name: str
    level: Level | None
    province: str | None
    code: str | None  # GB/T 2260 six-digit code; None when anonymized or unknown
    anonymized: bool = False


@dataclass
class Section:
    """A heading-delimited part of a document.

    ``kind`` says whether it reports what was done or plans what will be done;
    ``year`` is the year it speaks of (e.g. 2020 for 一、2020年工作总结). In a five-year plan
    the planning sections carry the plan's first year (``Document.period_start``; the horizon
    is ``Document.period_end``) and its review of the previous plan that plan's last year.
    ``marker`` also takes "第X部分" and "年度部分" (an unnumbered 2021年工作计划 line);
    the heading is the text at ``start``: ``Document.text[start:].startswith(heading)``.
    """

    index: int
    heading: str
    marker: str  # the numbering style: "一、", "（一）", "1.", "第X章", "专栏", "——", "一是" ...
    depth: int  # 1 = top level
    start: int
    end: int
    kind: SectionKind | None = None
    year: int | None = None
    parent: int | None = None  # index of the parent section
    children: list[int] = field(default_factory=list)


# Hundreds per document: slots make them cheaper to build, and so does the hand-written
# __init__ (init=False): a frozen dataclass's generated one looks ``object.__setattr__`` up
# again for every field, a third of the cost of building a sentence.
@dataclass(frozen=True, slots=True, init=False)
class Sentence:
    """A sentence of the normalized text, with its span in the original text."""

    index: int
    text: str
    start: int
    end: int
    orig_start: int
    orig_end: int
    section: int | None  # index into Document.sections of the innermost section
    # reporting/planning and year: the section's, or for text outside sections (preambles,
    # lead-ins) the part of the document it stands in
    kind: SectionKind | None = None
    year: int | None = None

    def __init__(  # the fields in declaration order, as the generated __init__ takes them
        self,
        index: int,
        text: str,
        start: int,
        end: int,
        orig_start: int,
        orig_end: int,
        section: int | None,
        kind: SectionKind | None = None,
        year: int | None = None,
    ) -> None:
        set_field = _SET_FIELD
        set_field(self, "index", index)
        set_field(self, "text", text)
        set_field(self, "start", start)
        set_field(self, "end", end)
        set_field(self, "orig_start", orig_start)
        set_field(self, "orig_end", orig_end)
        set_field(self, "section", section)
        set_field(self, "kind", kind)
        set_field(self, "year", year)

    def __reduce__(self) -> tuple[type[Sentence], tuple[object, ...]]:
        # explicit (the fields, in order), so a compiled Sentence pickles too: mypyc's default
        # sets a frozen record's fields one by one, which it refuses
        return Sentence, tuple(getattr(self, f.name) for f in fields(self))


_SET_FIELD = object.__setattr__  # how a frozen dataclass sets its fields


@dataclass
class Document:
    path: str
    sha256: str  # of the original bytes
    # the file's text before normalization: decoded (txt) or extracted (html/pdf/docx)
    original_text: str
    text: str  # normalized
    # offsets[i] = position in original_text of text[i]; len(text)+1 entries. The loaders give an
    # OffsetMap (compact runs that index like the list[int] they stand for); any int sequence will do.
    offsets: Sequence[int]
    source_format: str = "txt"  # txt | html | pdf | docx
    encoding: str | None = None
    converted_from_traditional: bool = False
    title: str | None = None
    issuer: str | None = None
    jurisdiction: Jurisdiction | None = None
    doc_type: DocType = "other"
    summary_year: int | None = None
    plan_year: int | None = None
    # the years a multi-year plan covers (十四五: 2021, 2025); None for annual reports
    period_start: int | None = None
    period_end: int | None = None
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)

    def section_path(self, index: int | None) -> list[Section]:
        """The sections from the top level down to ``index``."""
        path: list[Section] = []
        while index is not None:
            sec = self.sections[index]
            path.append(sec)
            index = sec.parent
        return path[::-1]

    def to_orig(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span to the original text."""
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1 if end > start else o_start
        return o_start, o_end


class LoadError(Exception):
    """A file could not be turned into a Document; the message names the reason."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Skipped:
    """A file a directory walk passed over (unsupported type), with the reason."""

    path: str
    reason: str
