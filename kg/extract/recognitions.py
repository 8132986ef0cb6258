"""Recognitions: 获评/荣获/入选/被评为 — what was won and by whom."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import Recognition
from kg.extract.rules.documents import RECOGNITION_CUES

_CUE = re.compile(RECOGNITION_CUES)
_WHAT_END = re.compile(r"[，,；;。！？]|荣誉称号|称号")
_QUOTED = re.compile(r"“([^”]{2,40})”")


def _what(text: str, end: int) -> str:
    stop = _WHAT_END.search(text, end)
    phrase = text[end : stop.start() if stop else len(text)].strip()
    quoted = _QUOTED.findall(phrase)
    return "、".join(quoted) if quoted and len("".join(quoted)) >= len(phrase) // 2 else phrase


def _recipient(ctx: SentenceContext, start: int) -> str | None:
    """The subject before the cue: the nearest place, else the clause's first words."""
    clause_start, _ = ctx.clause_bounds(start)
    places = [p for p in ctx.places if clause_start <= p.start < start]
    if places:
        return places[-1].ref.name
    head = ctx.text[clause_start:start].strip()
    return head or None


def extract_recognitions(ctx: SentenceContext) -> list[Recognition]:
    """Every recognition cue of a reporting sentence."""
    if ctx.kind != "reporting":
        return []
    out: list[Recognition] = []
    for m in _CUE.finditer(ctx.text):
        what = _what(ctx.text, m.end())
        if len(what) < 2:
            continue
        out.append(
            Recognition(
                what=what,
                evidence=ctx.evidence(m.start(), m.end(), "recognition.cue", 0.8),
                recipient=_recipient(ctx, m.start()),
                year=ctx.year,
            )
        )
    return out
