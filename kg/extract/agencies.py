"""Agencies: the issuer and the named bodies of a report, with their level."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import AgencyRef
from kg.extract.rules.documents import AGENCY_HEADS
from kg.loaders.model import Document

_HEAD = re.compile("|".join(sorted(AGENCY_HEADS, key=len, reverse=True)))
_LEVEL_PREFIX = re.compile(r"(?:国家|国务院|中国|省|市|区|县|镇)$")


_LEVELS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), level)
    for pattern, level in (
        (r"^(?:国家|国务院|中国|市场监管总局)", "national"),
        (r"^(?:省|[\u4e00-\u9fff]{2,3}省)", "provincial"),
        (r"^(?:市|[\u4e00-\u9fff]{2,3}市)", "municipal"),
        (r"^(?:区|县|[\u4e00-\u9fff]{1,3}[区县])", "district"),
    )
)
_SELF = ("市局", "我局", "区局", "本局", "县局")


def agency_level(name: str, doc: Document) -> str:
    """national / provincial / municipal / district / other, from the name's prefix."""
    for pattern, level in _LEVELS:
        if pattern.search(name):
            return level
    if doc.jurisdiction and doc.jurisdiction.level in ("district", "county"):
        return "district"
    return "other"


def _names_in(ctx: SentenceContext) -> list[tuple[str, int, int]]:
    """Agency names of a sentence: a head (市场监管局, 政府 …) with the place or level word before it."""
    out: list[tuple[str, int, int]] = []
    for m in _HEAD.finditer(ctx.text):
        start = m.start()
        place = next((p for p in ctx.places if p.end == start), None)
        if place is not None:
            start = place.start
        else:
            level = _LEVEL_PREFIX.search(ctx.text, max(0, start - 3), start)
            start = level.start() if level else start
        name = ctx.text[start : m.end()]
        if name not in ("政府", "委员会", "办公室") and name not in _SELF:
            out.append((name, start, m.end()))
    return out


def extract_agencies(doc: Document, contexts: list[SentenceContext]) -> list[AgencyRef]:
    """The issuer first, then each named body once, in order of first mention."""
    found: dict[str, AgencyRef] = {}
    if doc.issuer:
        found[doc.issuer] = AgencyRef(doc.issuer, agency_level(doc.issuer, doc))
    for ctx in contexts:
        for name, start, end in _names_in(ctx):
            if name not in found:
                found[name] = AgencyRef(
                    name, agency_level(name, doc), ctx.evidence(start, end, "agency.name")
                )
    return list(found.values())
