"""Agencies: the issuer and the named bodies of a report, with their level."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import AgencyRef
from kg.extract.rules.documents import AGENCY_HEADS
from kg.loaders.model import Document

_AGENCY = re.compile(
    r"(?P<name>(?:国家|国务院|省|市|区|县|[\u4e00-\u9fff]{2,4}?(?:省|市|区|县))?"
    r"(?:" + "|".join(sorted(AGENCY_HEADS, key=len, reverse=True)) + "))"
)
_LEVELS: tuple[tuple[str, str], ...] = (
    (r"^(?:国家|国务院|中国|市场监管总局)", "national"),
    (r"^(?:省|[\u4e00-\u9fff]{2,3}省)", "provincial"),
    (r"^(?:市|[\u4e00-\u9fff]{2,3}市)", "municipal"),
    (r"^(?:区|县|[\u4e00-\u9fff]{1,3}[区县])", "district"),
)
_SELF = ("市局", "我局", "区局", "本局", "县局")


def agency_level(name: str, doc: Document) -> str:
    """national / provincial / municipal / district / other, from the name's prefix."""
    for pattern, level in _LEVELS:
        if re.search(pattern, name):
            return level
    if doc.jurisdiction and doc.jurisdiction.level in ("district", "county"):
        return "district"
    return "other"


def extract_agencies(doc: Document, contexts: list[SentenceContext]) -> list[AgencyRef]:
    """The issuer first, then each named body once, in order of first mention."""
    found: dict[str, AgencyRef] = {}
    if doc.issuer:
        found[doc.issuer] = AgencyRef(doc.issuer, agency_level(doc.issuer, doc))
    for ctx in contexts:
        for m in _AGENCY.finditer(ctx.text):
            name = m["name"]
            if len(name) < 3 or name in _SELF or name in found:
                continue
            found[name] = AgencyRef(
                name, agency_level(name, doc), ctx.evidence(m.start(), m.end(), "agency.name")
            )
    return list(found.values())
