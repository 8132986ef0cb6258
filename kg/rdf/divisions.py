"""GB/T 2260 administrative divisions by code, from jionlp's location data.

The RDF mapping needs, for a place code, its name, level and parent so each named graph can
say ``rk:within`` up to the province. jionlp ships the division tree (province > prefecture >
county) with codes; townships carry no code there, so they are never looked up here.
"""

from __future__ import annotations

import contextlib
import io
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

# Province-level cities whose second level is directly districts/counties.
_MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")


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
    return _division_index().get(code)


def province_code(name: str | None) -> str | None:
    """The code of a province by full name or alias (广东省 / 广东), or None."""
    if not name:
        return None
    return _province_index().get(name)


def find(name: str, near_code: str | None) -> Division | None:
    """The division called ``name`` (full name or short form: 厚街镇 is not coded, 南沙/南沙区 is)
    that lies in the same province as ``near_code``; None when absent or ambiguous there."""
    chain = ancestors(near_code)
    province = chain[-1].code if chain else None
    matches = [
        d for d in _name_index().get(name, []) if province is None or ancestors(d.code)[-1].code == province
    ]
    return matches[0] if len(matches) == 1 else None


def ancestors(code: str | None) -> list[Division]:
    """The division of ``code`` and its parents up to the province, nearest first."""
    chain: list[Division] = []
    current = division(code)
    while current is not None and current not in chain:
        chain.append(current)
        current = division(current.parent_code)
    return chain


@lru_cache(maxsize=1)
def _location_tree() -> dict[str, Any]:
    # jionlp prints a banner on import; keep stdout clean for --json output.
    with contextlib.redirect_stdout(io.StringIO()):
        from jionlp.dictionary.dictionary_loader import china_location_loader

        return china_location_loader(detail=True)


@lru_cache(maxsize=1)
def _division_index() -> dict[str, Division]:
    index: dict[str, Division] = {}
    for province_name, node in _location_tree().items():
        if isinstance(node, dict) and node.get("_admin_code"):
            _walk(node, province_name, "province", None, index)
    return index


@lru_cache(maxsize=1)
def _name_index() -> dict[str, list[Division]]:
    names: dict[str, list[Division]] = {}
    for div in _division_index().values():
        for form in {div.name, short_name(div.name)}:
            names.setdefault(form, []).append(div)
    return names


def short_name(name: str) -> str:
    """南沙区 → 南沙, 东莞市 → 东莞; a suffix stays when the rest would be one character."""
    for suffix in ("自治州", "自治县", "地区", "省", "市", "区", "县", "盟", "旗"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=1)
def _province_index() -> dict[str, str]:
    names: dict[str, str] = {}
    for province_name, node in _location_tree().items():
        if not isinstance(node, dict) or not node.get("_admin_code"):
            continue
        names[province_name] = node["_admin_code"]
        aliases = node.get("_alias") or []
        for alias in [aliases] if isinstance(aliases, str) else aliases:
            names[alias] = node["_admin_code"]
    return names


def _walk(
    node: dict[str, Any], name: str, level: str, parent: str | None, index: dict[str, Division]
) -> None:
    """Index ``node`` and its coded children; pass-through nodes share their parent's code."""
    code = node["_admin_code"]
    if code != parent:
        index.setdefault(code, Division(code, node.get("_full_name") or name, level, parent))
    for child_name, child in node.items():
        if child_name.startswith("_") or not isinstance(child, dict) or not child.get("_admin_code"):
            continue
        if child["_admin_code"] == code:  # e.g. 市直辖行政区划 under 东莞市: same division
            _walk(child, name, level, parent, index)
        else:
            _walk(child, child_name, _child_level(name, level, child_name), code, index)


def _child_level(parent_name: str, parent_level: str, child_name: str) -> str:
    """The level of a child division from its parent's level and its own name's suffix."""
    if parent_level == "province" and parent_name not in _MUNICIPALITIES:
        return "prefecture"
    return "district" if child_name.endswith("区") else "county"
