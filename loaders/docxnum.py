"""The list numbers Word draws but does not store in the text (一、 （一） 1.), for DOCX input.

A paragraph with automatic numbering holds only its words; the marker comes from
``numbering.xml`` (number format and a template such as ``%1、``) and counters kept per list.
Headings of reports are often numbered this way, and the section parser needs the markers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from docx.oxml.ns import qn

_MAX_LEVELS = 9
# Word number formats (w:numFmt) written with Chinese numerals.
_CHINESE_FORMATS = {"chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
                    "ideographTraditional", "japaneseCounting", "taiwaneseCounting"}
_CIRCLED = {"decimalEnclosedCircle", "decimalEnclosedCircleChinese"}


@dataclass(frozen=True)
class _Level:
    fmt: str
    template: str
    start: int


@dataclass
class ListNumbering:
    """Renders the marker of each numbered paragraph, in document order."""

    numbering: Any  # the numbering part's XML root, or None when the document has no lists
    counters: dict[str, list[int]] = field(default_factory=dict)
    _levels: dict[tuple[str, int], _Level | None] = field(default_factory=dict)

    @classmethod
    def of(cls, document: Any) -> ListNumbering:
        try:
            numbering = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            numbering = None
        return cls(numbering)

    def marker(self, paragraph: Any) -> str:
        """The marker Word shows before ``paragraph`` (advancing the counters), or ''."""
        if self.numbering is None:
            return ""
        num_pr = _num_pr(paragraph)
        if num_pr is None or num_pr.numId is None:
            return ""
        num_id = str(num_pr.numId.val)
        ilvl = int(num_pr.ilvl.val) if num_pr.ilvl is not None else 0
        level = self._level(num_id, ilvl)
        if level is None or level.fmt in ("none", "bullet"):
            return ""
        counts = self.counters.setdefault(num_id, [0] * _MAX_LEVELS)
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else level.start
        for deeper in range(ilvl + 1, _MAX_LEVELS):
            counts[deeper] = 0
        text = level.template
        for i in range(ilvl + 1):
            lvl = self._level(num_id, i) if i != ilvl else level
            value = counts[i] or (lvl.start if lvl else 1)
            text = text.replace(f"%{i + 1}", _render(value, lvl.fmt if lvl else "decimal"))
        return text

    def _level(self, num_id: str, ilvl: int) -> _Level | None:
        key = (num_id, ilvl)
        if key not in self._levels:
            self._levels[key] = self._find_level(num_id, ilvl)
        return self._levels[key]

    def _find_level(self, num_id: str, ilvl: int) -> _Level | None:
        num = self.numbering.num_having_numId(int(num_id)) if num_id.isdigit() else None
        if num is None:
            return None
        abstract_id = str(num.abstractNumId.val)
        for abstract in self.numbering.findall(qn("w:abstractNum")):
            if abstract.get(qn("w:abstractNumId")) != abstract_id:
                continue
            for lvl in abstract.findall(qn("w:lvl")):
                if lvl.get(qn("w:ilvl")) == str(ilvl):
                    return _Level(
                        fmt=_val(lvl, "w:numFmt") or "decimal",
                        template=_val(lvl, "w:lvlText") or "",
                        start=int(_val(lvl, "w:start") or 1),
                    )
        return None


def _num_pr(paragraph: Any) -> Any:
    """Numbering set on the paragraph, else on its style (List Number, numbered headings)."""
    p_pr = paragraph._p.pPr
    if p_pr is not None and p_pr.numPr is not None:
        return p_pr.numPr
    style = paragraph.style
    while style is not None:
        s_pr = style.element.pPr
        if s_pr is not None and s_pr.numPr is not None:
            return s_pr.numPr
        style = style.base_style
    return None


def _val(el: Any, tag: str) -> str | None:
    child = el.find(qn(tag))
    return child.get(qn("w:val")) if child is not None else None


def _render(value: int, fmt: str) -> str:
    if fmt in _CHINESE_FORMATS:
        import cn2an  # only documents with Chinese list numbers pay for the import

        return str(cn2an.an2cn(value))
    if fmt in _CIRCLED and 1 <= value <= 20:
        return chr(0x2460 + value - 1)
    return str(value)
