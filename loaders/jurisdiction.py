"""The place a report's issuer governs: from the issuer/title, else from the text's mentions.

Order of evidence: an anonymized name in the issuer or title (XX区 → district, no code,
province from the provinces the text names); a division named in the issuer or title
(东莞市市场监管局 → 东莞市 441900); else the prefecture- or county-level place the text
mentions most (a bureau writes about its own city: 中山 in 001, 深圳 in 003).
"""

from __future__ import annotations

import re
from collections import Counter

from kg.loaders.divisions import Division, Gazetteer, gazetteer
from kg.loaders.model import Jurisdiction, Level

# Redacted place names: XX区, ××市, **县, 某区.
_ANONYMIZED = re.compile(r"(?:[XxＸｘ×*＊]{1,3}|某)(省|市|区|县|镇|街道)")
_ANON_LEVEL: dict[str, Level] = {
    "省": "province", "市": "prefecture", "区": "district", "县": "county",
    "镇": "township", "街道": "township",
}
_TEXT_LEVELS = ("province", "prefecture", "county", "district")
_TEXT_PROBE = 20_000  # characters read for inference; a report names its place early and often


def find_jurisdiction(title: str | None, issuer: str | None, text: str) -> Jurisdiction | None:
    """The jurisdiction of a report (see the module docstring)."""
    g = gazetteer()
    named = " ".join(x for x in (issuer, title) if x)
    anonymized = _ANONYMIZED.search(named)
    if anonymized:
        return _anonymized(anonymized.group(0), anonymized.group(1), text, g)
    div = _named_in(named, g)
    if div is None:
        div = _most_mentioned(text[:_TEXT_PROBE], g)
    if div is None:
        return None
    province = g.province_of(div)
    return Jurisdiction(div.name, div.level, province.name if province else None, div.code)


def _anonymized(name: str, suffix: str, text: str, g: Gazetteer) -> Jurisdiction:
    """A redacted place keeps its level; its province is the one the text names most."""
    counts: Counter[str] = Counter()
    for _, candidates in g.surfaces(text[:_TEXT_PROBE], levels=("province",)):
        counts[candidates[0].name] += 1
    province = counts.most_common(1)[0][0] if counts else None
    return Jurisdiction(name, _ANON_LEVEL[suffix], province, None, anonymized=True)


def _named_in(named: str, g: Gazetteer) -> Division | None:
    """The lowest-level division the issuer/title names (东莞市 in 东莞市市场监管局)."""
    best: Division | None = None
    for m in g.mentions(named, levels=_TEXT_LEVELS):
        cand = m.candidates[0]
        if best is None or _deeper(cand, best):
            best = cand
    return best


def _deeper(a: Division, b: Division) -> bool:
    order = {"province": 0, "prefecture": 1, "county": 2, "district": 2, "township": 3}
    return order[a.level] > order[b.level]


def _most_mentioned(text: str, g: Gazetteer) -> Division | None:
    """The most mentioned prefecture (full or short name) or county/district (full name only,
    because county short names are often ordinary words: 公安, 新建, 合作)."""
    counts: Counter[str] = Counter()
    for surface, candidates in g.surfaces(text, levels=_TEXT_LEVELS):
        cand = candidates[0]
        if cand.level == "prefecture" or (cand.level in ("county", "district") and surface == cand.name):
            counts[cand.key] += 1
    if not counts:
        return None
    key, _ = counts.most_common(1)[0]
    return g.by_key(key)
