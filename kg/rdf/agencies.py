"""Agency names as one document writes them → names that identify one body across documents.

Reports name bodies relative to themselves: 市政府 in a 东莞 report is 东莞市政府, 省药监局 is
广东省药监局, 我局 is the issuer. Agency IRIs are by name (docs/schema.md), so such names are
qualified with the document's places before minting the IRI; otherwise every city's 市政府
would become one node. Names that cannot be placed (公安机关, 质检中心) are scoped to the
document's jurisdiction as ``东莞市·公安机关``: one body per jurisdiction, marked as inferred.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.loaders.divisions import gazetteer

# Leading characters that mean "of our province/city/district/county", and the level they name.
RELATIVE_PREFIXES: dict[str, str] = {"省": "province", "市": "prefecture", "区": "district", "县": "county"}
# Words that start with a relative prefix character without being one (市场监管局 is not 市·场监管局).
NOT_RELATIVE = ("市场", "区域", "县域", "省级", "市级", "区级", "县级")
# Names of national bodies, the same in every report.
NATIONAL_PREFIXES = ("国家", "中国", "全国", "国务院", "中央", "中共中央", "最高人民")
# How a report names its own issuer.
ISSUER_REFERENCES = frozenset({"我局", "本局", "市局", "区局", "县局", "局"})
# The level of the agency that governs a place of a given level.
AGENCY_LEVEL_OF_PLACE: dict[str, str] = {
    "province": "provincial",
    "prefecture": "municipal",
    "county": "district",
    "district": "district",
    "township": "other",
}
# The division levels that can begin an agency's name, and the shortest name the gazetteer
# matches in text (one-character short forms are too ambiguous).
DIVISION_LEVELS = ("province", "prefecture", "county", "district", "township")
MIN_DIVISION_NAME = 2
# Marks a name scoped to a jurisdiction by regkg rather than written so in the report.
SCOPE_SEPARATOR = "·"


# A body's name never holds sentence punctuation: 共有2个市场所、7名干部 is a clause, not a name.
NOT_IN_AGENCY_NAMES = ("、", "，", "。", "；", "：", ",", ";")


def is_agency_name(name: str) -> bool:
    """False for text that cannot be the name of a body: a clause the extractor over-captured, or
    a bare place name (东莞市 as the publisher of 《东莞市…条例》 says where, not which body)."""
    name = name.strip()
    if not name or any(mark in name for mark in NOT_IN_AGENCY_NAMES):
        return False
    return not any(div.name == name for div in gazetteer().lookup(name))


@dataclass(frozen=True)
class AgencyHome:
    """The document's places by level (东莞市 prefecture, 广东省 province) and its issuer.

    An anonymized jurisdiction (XX区) is known here by a name qualified with its province
    (浙江省XX区), and ``renames`` maps the bare form to it, so the 区委 of one anonymized
    district is not the 区委 of another province's.
    """

    names: dict[str, str] = field(default_factory=dict)  # level -> place name
    own_name: str | None = None  # the jurisdiction's name
    issuer: str | None = None
    renames: tuple[tuple[str, str], ...] = ()  # (bare prefix, qualified prefix)


@dataclass(frozen=True)
class QualifiedAgency:
    name: str
    place_level: str | None = None  # the level of the home place that governs it, when known
    level: str | None = None  # the agency level (national … other) its name shows, when it does


def qualify_agency(name: str, home: AgencyHome) -> QualifiedAgency:
    """The name that identifies the body ``name`` denotes in a document with places ``home``,
    and the agency level the name shows (省… provincial, 市… municipal, 国家… national)."""
    name = name.strip()
    if name in ISSUER_REFERENCES and home.issuer:
        return QualifiedAgency(home.issuer)
    if name.startswith(NATIONAL_PREFIXES):
        return QualifiedAgency(name, level="national")
    for bare, qualified in home.renames:
        if name.startswith(bare):
            name = qualified + name[len(bare) :]
            break
    own_level = _home_place_level(name, home)
    if own_level is not None:
        return QualifiedAgency(name, own_level, AGENCY_LEVEL_OF_PLACE.get(own_level))
    leading = _leading_division_level(name)
    if leading == "township" and home.own_name:  # 沙田镇政府: many prefectures have a 沙田镇
        return QualifiedAgency(home.own_name + name, level=AGENCY_LEVEL_OF_PLACE["township"])
    if leading is not None:
        return QualifiedAgency(name, level=AGENCY_LEVEL_OF_PLACE.get(leading))
    level = RELATIVE_PREFIXES.get(name[:1])
    if level is not None and not name.startswith(NOT_RELATIVE) and level in home.names:
        return QualifiedAgency(home.names[level] + name[1:], level, AGENCY_LEVEL_OF_PLACE.get(level))
    if home.own_name:
        return QualifiedAgency(f"{home.own_name}{SCOPE_SEPARATOR}{name}")
    return QualifiedAgency(name)


def _home_place_level(name: str, home: AgencyHome) -> str | None:
    """The level of the document's own place that begins ``name`` (东莞市… → prefecture), the
    most specific one when several do (浙江省XX区委 → district, not province)."""
    best: tuple[int, str] | None = None
    for level, place in home.names.items():
        for form in {place, _short(place)}:
            if name.startswith(form) and (best is None or len(form) > best[0]):
                best = (len(form), level)
    return best[1] if best else None


def _leading_division_level(name: str) -> str | None:
    """The level of the division whose full name begins ``name`` (中山市政府 → prefecture).

    The longest division name (full or short) that begins ``name`` decides: when it is only a
    short form (公安 of 公安县 in 公安机关), no division begins the name. Looking the prefixes up
    by name finds what the gazetteer's place-mention automaton would find first, without
    building that automaton for townships (a second of start-up per process).
    """
    gazetteer_ = gazetteer()
    for end in range(len(name), MIN_DIVISION_NAME - 1, -1):
        surface = name[:end]
        candidates = gazetteer_.lookup(surface, levels=DIVISION_LEVELS)
        if candidates:
            full = [c for c in candidates if c.name == surface]
            return full[0].level if full else None
    return None


def _short(place: str) -> str:
    """东莞市 → 东莞; names whose short form would be one character stay whole."""
    for suffix in ("省", "市", "区", "县"):
        if place.endswith(suffix) and len(place) > 2:
            return place[:-1]
    return place
