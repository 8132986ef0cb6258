"""Novelty claims: 全国首个, 全省率先, 全市第一家, 首创 … with their scope and what is claimed."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import NoveltyClaim
from kg.extract.regex_gate import gate_pattern, with_first_character_gate, word_gate
from kg.extract.rules.claims import (
    ASPIRATION,
    CLAIM_CUES,
    CLAIM_FIELDS_FRAME,
    CLAIM_GATE_WORDS,
    CLAIM_TRAILING_PREDICATE,
    CLAIM_VERBS,
)

_CUES = tuple((rule, re.compile(pattern), scope) for rule, pattern, scope in CLAIM_CUES)
# one pass over the sentence decides whether any cue can match at all (most sentences have none)
_ANY_CUE = with_first_character_gate(re.compile("|".join(f"(?:{pattern})" for _, pattern, _ in CLAIM_CUES)))
# and a search for a few gate words skips most sentences first
_CUE_GATE = gate_pattern(word_gate(_ANY_CUE, CLAIM_GATE_WORDS))
_LEADING_VERB = re.compile("^(?:" + "|".join(sorted(CLAIM_VERBS, key=len, reverse=True)) + ")")
_PHRASE_END = re.compile(r"[，,；;。：:！？]")
_ASPIRATION = re.compile(ASPIRATION)
_TRAILING_PREDICATE = with_first_character_gate(re.compile(CLAIM_TRAILING_PREDICATE))
_FIELDS_FRAME = re.compile(CLAIM_FIELDS_FRAME)
_GAP = re.compile(r"填补(?:了)?(?:我国|国内|全国|国家|全省|省内)?(?P<what>[^，；。]*?)(?:的)?空白")


def _what(text: str, start: int, end: int, clause_start: int) -> str:
    """The thing claimed: the object phrase after the cue, else the clause before it."""
    gap = _GAP.match(text, start)
    if gap:
        return gap["what"].strip()
    stop = _PHRASE_END.search(text, end)
    raw_after = text[end : stop.start() if stop else len(text)].lstrip("的").strip()
    after = _TRAILING_PREDICATE.sub("", _LEADING_VERB.sub("", raw_after, count=1).strip())
    if len(after) >= 2:
        return after
    before = re.sub(r"在$", "", text[clause_start:start].strip())  # 该做法在全国尚属首次
    before = _FIELDS_FRAME.sub("", before)
    return before if len(before) >= 2 else raw_after


def extract_claims(ctx: SentenceContext) -> list[NoveltyClaim]:
    """Every claim cue in the sentence, each once (scoped cues shadow bare 率先 inside them)."""
    text = ctx.text
    if not _CUE_GATE.search(text) or not _ANY_CUE.search(text):
        return []
    taken: list[tuple[int, int]] = []
    claims: list[NoveltyClaim] = []
    for rule, pattern, scope in _CUES:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            taken.append((m.start(), m.end()))
            clause_start, _ = ctx.clause_bounds(m.start())
            if ctx.kind == "planning" and _ASPIRATION.search(text, clause_start, m.start()):
                continue
            what = _what(text, m.start(), m.end(), clause_start)
            place = next((p.ref for p in reversed(ctx.places) if p.end <= m.start()), None)
            claims.append(
                NoveltyClaim(
                    scope=scope,  # type: ignore[arg-type]
                    what=what,
                    evidence=ctx.evidence(m.start(), m.end(), rule, 0.85 if scope != "unspecified" else 0.7),
                    program=ctx.program_at(m.end(), m.end() + max(len(what), 1)),
                    place=place.name if place else None,
                    place_ref=place,
                    year=ctx.year,
                )
            )
    claims.sort(key=lambda c: c.evidence.start)
    return claims
