"""Pilots (试点): who runs which pilot, at what level, with what status.

The anchor is a cue of :mod:`kg.extract.rules.pilots`. The place is a host named in the
clause (a company or centre), else the places named before the cue in the clause, else the
sentence's places, else the document's jurisdiction. What is piloted is the phrase that
ends with the cue (争取国家质量基础设施“一站式”服务试点), or the object after it (试点推动X),
or — for a bare 率先试点探索 — the quoted topic of the previous sentence.
"""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import Pilot, PlaceRef
from kg.extract.places import jurisdiction_ref
from kg.extract.rules.pilots import HOST_SUFFIXES, PILOT_CUES, PILOT_LEVELS, PILOT_REFLECTION, PILOT_VERBS

_CUES = tuple((rule, re.compile(p)) for rule, p in PILOT_CUES)
_REFLECTION = re.compile(PILOT_REFLECTION)
_VERB = re.compile("|".join(sorted(PILOT_VERBS, key=len, reverse=True)))
_LEVELS = tuple((re.compile(p), level) for p, level in PILOT_LEVELS)
_HOST = re.compile(
    r"(?P<host>[\u4e00-\u9fffA-Za-z0-9()（）]{2,24}?(?:" + "|".join(HOST_SUFFIXES) + r"))"
    r"(?:[(（](?P<inner>[\u4e00-\u9fff]{2,10})[)）])?"
)
_QUOTED = re.compile(r"“[^”]{2,30}”[\u4e00-\u9fff]{0,8}")
_AFTER_CUE_VERB = re.compile(r"^(?:推动|推行|应用|探索|实施|开展|推进)")
_TRAILING = re.compile(r"(?:工作|项目|等|的)+$")


def _pilot_name(text: str, clause_start: int, start: int, end: int) -> str:
    """The pilot's name: the noun phrase ending at the cue, or the object after it."""
    before = text[clause_start:start]
    verbs = list(_VERB.finditer(before))
    head = before[verbs[-1].end() :] if verbs else before
    head = re.sub(r"^.*?(?:的|在)", "", head) if len(head) > 30 else head
    tail = re.match(r"[\u4e00-\u9fff]{0,2}", text[end:])
    name = (head + text[start:end] + (tail.group(0) if tail and "项目" in tail.group(0) else "")).strip()
    if len(head.strip("“”、 ")) >= 2:
        return _TRAILING.sub("", name) or name
    after = text[end:]
    stop = re.search(r"[，,；;。]", after)
    obj = after[: stop.start() if stop else len(after)]
    obj = _AFTER_CUE_VERB.sub("", obj)
    return obj.strip()


def _topic_of_previous(ctx: SentenceContext) -> str | None:
    """The quoted name the previous sentence was about (“互联网+明厨亮灶”智慧监管系统)."""
    prev = ctx.previous
    if prev is None:
        return None
    m = _QUOTED.search(prev.text)
    return m.group(0) if m else None


def _level(name: str, clause: str) -> str:
    for pattern, level in _LEVELS:
        if pattern.search(name):
            return level
    for pattern, level in _LEVELS[:1]:
        if pattern.search(clause):
            return level
    return "unspecified"


def _hosts(ctx: SentenceContext, lo: int, hi: int) -> list[tuple[str, PlaceRef | None]]:
    """Places and named host bodies in [lo, hi) of the sentence, in order."""
    found: list[tuple[int, str, PlaceRef | None]] = []
    for m in _HOST.finditer(ctx.text, lo, hi):
        host = m["inner"] if m["inner"] and m["host"].endswith("街区") else m["host"]
        if re.search(_VERB, host) or host.startswith(("全", "各")):
            continue
        found.append((m.start(), host, None))
    host_spans = [(s, s + len(h)) for s, h, _ in found]
    for p in ctx.places:
        inside_host = any(s <= p.start < e for s, e in host_spans)
        if lo <= p.start < hi and not inside_host:
            found.append((p.start, p.ref.surface, p.ref))
    return [(name, ref) for _, name, ref in sorted(found, key=lambda f: f[0])]


def extract_pilots(ctx: SentenceContext) -> list[Pilot]:
    """Pilots anchored at each cue of the sentence, one per host place."""
    text = ctx.text
    pilots: list[Pilot] = []
    seen: set[tuple[str, str]] = set()
    for rule, pattern in _CUES:
        for m in pattern.finditer(text):
            clause_start, clause_end = ctx.clause_bounds(m.start())
            clause = text[clause_start:clause_end]
            if _REFLECTION.search(clause):
                continue
            what = _pilot_name(text, clause_start, m.start(), m.end())
            if len(what) < 2 or what == text[m.start() : m.end()]:
                what = _topic_of_previous(ctx) or what
            hosts = _hosts(ctx, clause_start, m.start()) or _hosts(ctx, clause_start, clause_end)
            if not hosts:
                home = jurisdiction_ref(ctx.doc.jurisdiction)
                hosts = [(home.name, home)] if home else [("", None)]
            for place, ref in hosts:
                if (place, what) in seen:
                    continue
                seen.add((place, what))
                pilots.append(
                    Pilot(
                        place=ref.name if ref and ref.name.startswith(place) else place,
                        what=what,
                        status=ctx.status,
                        evidence=ctx.evidence(m.start(), m.end(), rule, 0.75),
                        place_ref=ref,
                        program=ctx.program_at(m.start() - len(what), m.end()),
                        level=_level(what, clause),
                        year=ctx.year,
                    )
                )
    return pilots
