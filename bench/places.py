"""Real jurisdictions from jionlp's administrative-division data, and the name swap that
moves a seed report to another place.

The scaler must exercise the same extraction paths as real reports, so a synthetic report
names a real prefecture, its real districts/counties and its real townships, in the same
full (厚街镇) and short (厚街) forms the seed used.
"""

from __future__ import annotations

import contextlib
import io
import logging
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

# Places outside the mainland reporting system the seeds come from.
EXCLUDED_PROVINCES = ("香港特别行政区", "澳门特别行政区", "台湾省")
TOWNSHIP_SUFFIXES = ("街道", "镇", "乡")
# A short form that jieba knows as a frequent non-place word (港口, 民众, 光明) would turn
# ordinary prose into place names, so such short forms are neither replaced nor produced.
COMMON_WORD_MIN_FREQ = 100
PLACE_TAGS = ("ns",)
MIN_OWN_MENTIONS = 3
# XX区, XX市 ...: how anonymized reports hide their own jurisdiction.
ANONYMIZED = re.compile(r"XX(区|县|市|镇|街道)?")


@dataclass(frozen=True)
class Place:
    """One administrative division: its full name, a safe short form and its code if known."""

    full: str
    short: str | None
    code: str | None
    level: str  # province | prefecture | county | township


@dataclass(frozen=True)
class Prefecture:
    """A prefecture-level city with its province, counties/districts and townships."""

    place: Place
    province: Place
    counties: tuple[Place, ...]
    townships: tuple[Place, ...]


@dataclass(frozen=True)
class Gazetteer:
    prefectures: tuple[Prefecture, ...]
    provinces: tuple[Place, ...]

    def prefecture(self, name: str) -> Prefecture | None:
        """The prefecture whose full name is ``name``."""
        return next((p for p in self.prefectures if p.place.full == name), None)


@lru_cache(maxsize=1)
def _common_words() -> dict[str, int]:
    """jieba's frequent words that are not place names (word -> frequency)."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    tags = jieba.posseg.dt.word_tag_tab
    return {
        w: f for w, f in jieba.dt.FREQ.items()
        if f >= COMMON_WORD_MIN_FREQ and tags.get(w) not in PLACE_TAGS
    }


def safe_short(short: str | None) -> str | None:
    """``short`` if it can stand for a place in prose: two characters or more, not a common word."""
    if not short or len(short) < 2 or short in _common_words():
        return None
    return short


def township_short(name: str) -> str | None:
    """厚街镇 -> 厚街, 万江街道 -> 万江 (None when nothing safe remains)."""
    for suffix in TOWNSHIP_SUFFIXES:
        if name.endswith(suffix):
            return safe_short(name[: -len(suffix)])
    return None


def _is_township(name: str) -> bool:
    # jionlp also lists development zones, ports and airports under counties; skip them.
    return name.endswith(TOWNSHIP_SUFFIXES) and len(name) >= 3


def _children(node: dict) -> Iterable[tuple[str, dict]]:
    return ((k, v) for k, v in node.items() if not k.startswith("_"))


def _prefecture(province: Place, name: str, node: dict) -> Prefecture:
    aliases = node["_alias"]
    place = Place(name, safe_short(aliases[0] if aliases else None), node["_admin_code"], "prefecture")
    counties: list[Place] = []
    townships: list[Place] = []
    for county_name, county in _children(node):
        if "直辖" not in county_name:  # 市直辖行政区划 is a grouping, not a county
            counties.append(Place(county_name, safe_short(county["_alias"]), county["_admin_code"], "county"))
        townships.extend(
            Place(t, township_short(t), None, "township") for t, _ in _children(county) if _is_township(t)
        )
    return Prefecture(place, province, tuple(counties), tuple(townships))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """All mainland prefectures with their counties and townships (jionlp, GB/T 2260 codes)."""
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        import jionlp

    tree = jionlp.china_location_loader(detail=True)
    prefectures: list[Prefecture] = []
    provinces: list[Place] = []
    for prov_name, prov in _children(tree):
        if prov_name in EXCLUDED_PROVINCES:
            continue
        province = Place(prov_name, safe_short(prov["_alias"]), prov["_admin_code"], "province")
        provinces.append(province)
        for city_name, city in _children(prov):
            # Municipalities list themselves as their only city; 省直辖 groups county-level cities.
            if "直辖" in city_name or city_name == prov_name:
                continue
            prefectures.append(_prefecture(province, city_name, city))
    return Gazetteer(tuple(prefectures), tuple(provinces))


@dataclass(frozen=True)
class SeedPlaces:
    """What a seed says about its own jurisdiction, so that it can be swapped out."""

    province: Place | None
    prefecture: Place | None  # None when anonymized
    anonymized: bool
    counties: tuple[Place, ...]  # the prefecture's own counties the text names, in order
    townships: tuple[Place, ...]


def _mentions(text: str, place: Place) -> int:
    return text.count(place.short) if place.short else text.count(place.full)


def _first_mentions(text: str, places: Iterable[Place]) -> tuple[Place, ...]:
    found = [(min(i for i in (text.find(p.full), text.find(p.short or p.full)) if i >= 0), p)
             for p in places if _mentions(text, p) or p.full in text]
    return tuple(p for _, p in sorted(found, key=lambda pair: pair[0]))


def seed_places(text: str, gazetteer: Gazetteer) -> SeedPlaces:
    """Find the seed's own province, prefecture (the most named one) and the sub-places it names."""
    province = max(gazetteer.provinces, key=lambda p: _mentions(text, p))
    if _mentions(text, province) == 0:
        province = None
    if len(ANONYMIZED.findall(text)) >= MIN_OWN_MENTIONS:
        return SeedPlaces(province, None, True, (), ())
    best = max(gazetteer.prefectures, key=lambda p: _mentions(text, p.place))
    if _mentions(text, best.place) < MIN_OWN_MENTIONS:
        return SeedPlaces(province, None, False, (), ())
    return SeedPlaces(
        best.province, best.place, False,
        _first_mentions(text, best.counties), _first_mentions(text, best.townships),
    )


@dataclass
class NameSwap:
    """Replaces one seed's own place names with a target jurisdiction's, longest name first."""

    mapping: dict[str, str] = field(default_factory=dict)
    _pattern: re.Pattern[str] | None = None

    def add(self, old: Place, new: Place) -> None:
        """Map the full and the short form of ``old`` to the same form of ``new``."""
        if old.full == new.full:
            return
        # setdefault: when two places share a short form (盐田区, 盐田街道) the first one named wins.
        self.mapping.setdefault(old.full, new.full)
        if old.short:
            self.mapping.setdefault(old.short, new.short or new.full)

    def compile(self) -> NameSwap:
        if self.mapping:
            names = sorted(self.mapping, key=len, reverse=True)
            self._pattern = re.compile("|".join(map(re.escape, names)))
        return self

    def __call__(self, text: str) -> str:
        if self._pattern is None:
            return text
        return self._pattern.sub(lambda m: self.mapping[m.group(0)], text)


@dataclass(frozen=True)
class Target:
    """Where a synthetic report is from: a prefecture, one of its counties (for anonymized
    district reports and district-level issuers) and whether the report is district-level."""

    prefecture: Prefecture
    county: Place
    district_level: bool = False
    keep_anonymized: bool = False

    @property
    def jurisdiction(self) -> Place:
        return self.county if self.district_level else self.prefecture.place


def _assign(old: tuple[Place, ...], pool: tuple[Place, ...], rng: random.Random) -> list[tuple[Place, Place]]:
    if not old or not pool:
        return []
    order = rng.sample(pool, len(pool))
    return [(o, order[i % len(order)]) for i, o in enumerate(old)]


def _anonymized_swap(swap: NameSwap, target: Target) -> None:
    county = target.county
    for suffix in ("区", "县", "镇", "街道"):
        swap.mapping["XX" + suffix] = county.full
    swap.mapping["XX市"] = target.prefecture.place.full
    swap.mapping["XX"] = county.short or county.full


def name_swap(seed: SeedPlaces, target: Target, rng: random.Random) -> NameSwap:
    """The substitution that moves ``seed`` to ``target``; sub-places map to random real ones."""
    swap = NameSwap()
    prefecture = target.prefecture
    if seed.province is not None:
        swap.add(seed.province, prefecture.province)
    if seed.anonymized:
        if not target.keep_anonymized:
            _anonymized_swap(swap, target)
        return swap.compile()
    if seed.prefecture is not None:
        swap.add(seed.prefecture, prefecture.place)
    counties = prefecture.counties or prefecture.townships  # 直筒子市 (东莞) have no counties
    pairs = _assign(seed.counties, counties, rng) + _assign(seed.townships, prefecture.townships, rng)
    for old, new in pairs:
        swap.add(old, new)
    return swap.compile()


def pick_target(gazetteer: Gazetteer, rng: random.Random, *, district_level: bool, exclude: str | None,
                keep_anonymized: bool = False) -> Target:
    """A random real prefecture (with townships) other than ``exclude``, and one of its counties."""
    candidates = [p for p in gazetteer.prefectures if p.townships and p.place.full != exclude]
    prefecture = rng.choice(candidates)
    county = rng.choice(prefecture.counties or prefecture.townships)
    return Target(prefecture, county, district_level, keep_anonymized)
