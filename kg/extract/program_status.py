"""The status of a program in one document: done, ongoing or planned.

Each mention gets a status from the kind of section it sits in (reporting → done,
planning → planned), refined by cue words in its sentence: continuation cues
(持续/继续/常态化 …) make it ongoing, start cues in a plan (启动/探索/争取 …) keep it
planned. A program mentioned both as done and as planned is ongoing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from kg.extract.model import Status
from kg.loaders.model import Document, Section, SectionKind

# Cue words, checked in the clause around the program name.
CONTINUING_CUES = ("持续", "继续", "常态化", "巩固", "仍在")
# In a plan these extend what exists rather than start something new.
PLANNING_ONGOING_CUES = ("纵深推进", "进一步深化", "不断深化", "升级", "增加", "扩大", "扩面", "增项")
PLANNING_START_CUES = ("启动", "探索", "争取", "争创", "筹备", "拟", "计划", "谋划", "将", "力争")
# In a report these say the work is under way rather than finished.
REPORTING_ONGOING_CUES = ("正在", "筹建", "全力推进", "探索")
CLAUSE_BREAKS = "。；;，,"


def section_kind(doc: Document, section: int | None) -> SectionKind | None:
    """The kind of the innermost section of ``section``'s path that has one."""
    for sec in reversed(doc.section_path(section)):
        if sec.kind is not None:
            return sec.kind
    return None


def section_year(doc: Document, section: int | None) -> int | None:
    """The year the innermost section with a year speaks of, else the document's year for its kind."""
    path: list[Section] = doc.section_path(section)
    for sec in reversed(path):
        if sec.year is not None:
            return sec.year
    kind = section_kind(doc, section)
    if kind == "reporting":
        return doc.summary_year
    if kind == "planning":
        return doc.plan_year
    return None


_BREAK = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
_LAST_BREAK = re.compile(f"^.*[{re.escape(CLAUSE_BREAKS)}]", re.DOTALL)  # up to the last break


def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One regex search instead of one ``in`` test per cue word (no words: matches nothing, as
    no ``in`` test would)."""
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")


_CONTINUING = _any_of(CONTINUING_CUES)
_PLANNING_ONGOING = _any_of(PLANNING_ONGOING_CUES)
_PLANNING_START = _any_of(PLANNING_START_CUES)
_REPORTING_ONGOING = _any_of(REPORTING_ONGOING_CUES)


def clause_around(sentence: str, start: int, end: int, window: int = 16) -> str:
    """The clause around ``sentence[start:end]``: up to ``window`` chars before and 6 after, the
    name itself masked so words inside it (持续 in a name) do not count as cues."""
    head = _LAST_BREAK.sub("", sentence[max(0, start - window) : start], count=1)
    tail = sentence[end : end + 6]
    cut = _BREAK.search(tail)
    return f"{head}□{tail[: cut.start()] if cut else tail}"


def mention_status(kind: SectionKind | None, cue_text: str, default: Status = "done") -> Status:
    """The status of one mention from its section kind and the clause around it.

    Continuation cues count before the name only (持续推进X, not X常态化防控要求); extension
    cues of a plan count on both sides (推动X增项扩面).
    """
    before = cue_text.split("□", 1)[0]
    if _CONTINUING.search(before):
        return "ongoing"
    if kind == "planning":
        return "ongoing" if _PLANNING_ONGOING.search(cue_text) else "planned"
    if kind == "reporting":
        return "ongoing" if _REPORTING_ONGOING.search(before) else "done"
    if _PLANNING_START.search(before):
        return "planned"
    return default


def fold_statuses(statuses: Iterable[Status]) -> Status:
    """One status for a program from its mentions: done + planned (or any ongoing) → ongoing."""
    seen = set(statuses)
    if not seen:
        return "done"
    if "ongoing" in seen or {"done", "planned"} <= seen:
        return "ongoing"
    return "planned" if "planned" in seen else "done"


def default_status(doc: Document) -> Status:
    """The status of a mention outside any classified section, from the document type."""
    if doc.doc_type in ("annual_plan", "five_year_plan"):
        return "planned"
    return "done"
