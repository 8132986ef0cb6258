"""The seed reports cut into the pieces the scaler recombines: lines, headings, sentences.

Each line knows whether it sits in a reporting part (工作总结, 成效) or a planning part
(工作计划, 安排, 思路, 目标), so recombined reports keep real report structure: reporting
sentences stay in reporting sections and plans stay in plans.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from statistics import median

from bench.places import Gazetteer, SeedPlaces, seed_places

NUMERAL = "一二三四五六七八九十"
TOP_HEADING = re.compile(rf"^\s*(?:[{NUMERAL}]+、|第[{NUMERAL}]+章)")
SUB_HEADING = re.compile(
    rf"^\s*(?:[（(][{NUMERAL}]+[)）]|第[{NUMERAL}]+节|专栏|\d{{1,2}}[.、．]|[{NUMERAL}]+是|——)"
)
FIRST_TOP = re.compile(r"^\s*(?:一、|第一章)")
REPORTING_CUES = ("总结", "成效", "回顾")
PLANNING_CUES = ("计划", "安排", "思路", "打算", "要求", "目标", "任务")
MAX_HEADING_CHARS = 60
SENTENCE_END = re.compile(r"(?<=[。！？!?])")
MIN_SENTENCE_CHARS = 8
# A PDF-extracted seed breaks lines every ~30 characters; its lines cannot be split into sentences.
FRAGMENT_MEDIAN_CHARS = 60
YEAR_IN_TEXT = re.compile(r"(?<![\d.])(20[0-4]\d)(?=\s*年)")


@dataclass(frozen=True)
class SeedLine:
    text: str
    kind: str  # reporting | planning
    heading: bool  # a heading on its own line (kept as is, only renamed)
    marked: bool  # starts with a numbering marker: its first sentence acts as the heading
    sentences: tuple[str, ...]
    opening: bool = False  # before the first top heading: where a report names itself (编制本规划)


@dataclass(frozen=True)
class SeedDoc:
    name: str
    text: str
    lines: tuple[SeedLine, ...]
    fragmented: bool
    base_year: int | None  # the year the report looks back on (most named year)
    places: SeedPlaces

    @property
    def size(self) -> int:
        return len(self.text.encode("utf-8"))


def split_sentences(line: str) -> tuple[str, ...]:
    """Split at 。！？ keeping the punctuation; the pieces join back to ``line``."""
    return tuple(s for s in SENTENCE_END.split(line) if s)


def _part_kind(heading: str, previous: str, restarted: bool) -> str:
    if any(cue in heading for cue in PLANNING_CUES) or restarted:
        return "planning"
    if any(cue in heading for cue in REPORTING_CUES):
        return "reporting"
    return previous


def cut_lines(text: str) -> tuple[SeedLine, ...]:
    """Every line of ``text`` with its part kind; a second 一、 restarts numbering in a plan part."""
    kind, seen_first, titled, seen_top = "reporting", False, False, False
    lines: list[SeedLine] = []
    for raw in text.split("\n"):
        stripped = raw.strip()
        # The title is the first line when it is short and not a sentence (no 。).
        is_title = not titled and 0 < len(stripped) <= MAX_HEADING_CHARS and "。" not in stripped
        titled = titled or bool(stripped)
        is_top = bool(TOP_HEADING.match(raw)) and len(stripped) <= MAX_HEADING_CHARS
        if is_top:
            restarted = seen_first and bool(FIRST_TOP.match(raw))
            seen_first = seen_first or bool(FIRST_TOP.match(raw))
            kind = _part_kind(stripped, kind, restarted)
        sentences = split_sentences(raw)
        # A heading is short and at most one sentence; "(一)抓好防控。全年检查……" is a body paragraph.
        short_single = len(stripped) <= MAX_HEADING_CHARS and len(sentences) <= 1
        heading = is_top or (bool(SUB_HEADING.match(raw)) and short_single)
        marked = bool(TOP_HEADING.match(raw) or SUB_HEADING.match(raw))
        opening = not seen_top and not is_top
        seen_top = seen_top or is_top
        lines.append(SeedLine(raw, kind, heading or is_title or not stripped, marked, sentences, opening))
    return tuple(lines)


def base_year(text: str, lines: tuple[SeedLine, ...] = ()) -> int | None:
    """The year the report looks back on: the first year in a top heading (一、2023年工作总结),
    else the most often named year."""
    for line in lines:
        if line.heading and TOP_HEADING.match(line.text) and (found := YEAR_IN_TEXT.search(line.text)):
            return int(found.group(1))
    years = Counter(int(y) for y in YEAR_IN_TEXT.findall(text))
    return years.most_common(1)[0][0] if years else None


def shift_years(text: str, delta: int) -> str:
    """Move every ``20xx年`` by ``delta`` years."""
    if delta == 0:
        return text
    return YEAR_IN_TEXT.sub(lambda m: str(int(m.group(1)) + delta), text)


def read_seed(path: Path) -> str:
    """A seed's text; the seeds are UTF-8, other encodings are detected."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def load_seed(path: Path, gazetteer: Gazetteer) -> SeedDoc:
    text = read_seed(path).replace("\r\n", "\n")
    lines = cut_lines(text)
    lengths = [len(line.text) for line in lines if line.text.strip()]
    fragmented = bool(lengths) and median(lengths) < FRAGMENT_MEDIAN_CHARS
    return SeedDoc(path.name, text, lines, fragmented, base_year(text, lines), seed_places(text, gazetteer))


def load_seeds(directory: Path, gazetteer: Gazetteer) -> tuple[SeedDoc, ...]:
    """All ``*.txt`` seeds of ``directory``, sorted by name so the order is stable."""
    paths = sorted(directory.glob("*.txt"))
    if not paths:
        raise FileNotFoundError(f"no seed reports (*.txt) in {directory}")
    return tuple(load_seed(p, gazetteer) for p in paths)
