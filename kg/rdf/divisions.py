"""GB/T 2260 administrative divisions by code, for ``rk:within`` chains and place names.

A thin view over the loaders' gazetteer (:func:`kg.loaders.divisions.gazetteer`, jionlp's
division list read once per process), so the RDF mapping and the loaders agree on names,
levels and parents. Townships carry no code there, so they are never looked up by code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from kg.loaders.divisions import Division as GazetteerDivision
from kg.loaders.divisions import gazetteer

CODED_LEVELS = ("province", "prefecture", "county", "district")


@dataclass(frozen=True)
class Division:
    """One administrative division: 东莞市 (441900, prefecture, parent 440000)."""

    code: str
    name: str
    level: str  # province | prefecture | county | district
    parent_code: str | None


def division(code: str | None) -> Division | None:
    """The division with GB/T 2260 ``code``, or None when unknown."""
    if not code:
        return None
    found = gazetteer().by_code(code)
    return _view(found) if found is not None else None


@lru_cache(maxsize=256)  # the gazetteer never changes within a process; names repeat per document
def province_code(name: str | None) -> str | None:
    """The code of a province by full name or short form (广东省 / 广东), or None."""
    if not name:
        return None
    found = gazetteer().lookup(name, levels=("province",))
    return found[0].code if found else None


@lru_cache(maxsize=4096)
def find(name: str, near_code: str | None) -> Division | None:
    """The coded division called ``name`` (full or short form: 南沙区 / 南沙) in the province of
    ``near_code`` (anywhere without one); None when absent or ambiguous there."""
    chain = ancestors(near_code)
    within = chain[-1].code if chain else None
    matches = [d for d in gazetteer().lookup(name, levels=CODED_LEVELS) if d.code]
    if within is not None:
        matches = [d for d in matches if d.code == within or gazetteer().is_within(d, within)]
    return _view(matches[0]) if len(matches) == 1 else None


@dataclass(frozen=True)
class Township:
    """A township (镇/街道/园区) found by name; it has no code, only its parent's."""

    name: str
    parent_code: str | None


@lru_cache(maxsize=4096)
def township(name: str, near_code: str | None) -> Township | None:
    """The township called ``name`` (full or short: 厚街 / 厚街镇) inside ``near_code``; None when
    absent or ambiguous, or without a place to look in (short township names are common words)."""
    if not near_code:
        return None
    found = gazetteer().lookup(name, within=near_code, levels=("township",))
    if len(found) != 1:
        return None
    return Township(found[0].name, found[0].parent_key)


def ancestors(code: str | None) -> list[Division]:
    """The division of ``code`` and its parents up to the province, nearest first."""
    return list(_ancestors(code))


@lru_cache(maxsize=4096)
def _ancestors(code: str | None) -> tuple[Division, ...]:
    chain: list[Division] = []
    current = division(code)
    while current is not None and current not in chain:
        chain.append(current)
        current = division(current.parent_code)
    return tuple(chain)


def short_name(name: str) -> str:
    """南沙区 → 南沙, 东莞市 → 东莞; a suffix stays when the rest would be one character."""
    for suffix in ("自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _view(div: GazetteerDivision) -> Division | None:
    if not div.code:
        return None
    return Division(div.code, div.name, div.level, div.parent_key)
