"""Quantities in Chinese text: Arabic and Chinese numerals, 万/亿 magnitudes, units, percentages.

``find_quantities(text)`` returns every number followed by a known unit, as written
(22.7万户 → value 22.7, unit 万户) and in base units (base_value 227000, base_unit 户).
Unit and magnitude tables live in :mod:`kg.extract.rules.units`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.regex_gate import with_first_character_gate
from kg.extract.rules.units import APPROX_PREFIXES, APPROX_SUFFIXES, MAGNITUDES, UNITS

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
_ARABIC = r"\d+(?:,\d{3})*(?:\.\d+)?"
_CHINESE = rf"[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?"


def _alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation that prefers the longest word (so 个工作日 beats 个)."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_MAGNITUDE_RE = _alternation(list(MAGNITUDES))
_UNIT_RE = _alternation(UNITS)
QUANTITY_PATTERN = (
    rf"(?P<approx_pre>{_alternation(APPROX_PREFIXES)})?"
    rf"(?P<num>{_ARABIC}|{_CHINESE})\s*"
    rf"(?P<approx>余|多)?\s*"
    rf"(?P<mag>{_MAGNITUDE_RE})?\s*"
    rf"(?P<unit>{_UNIT_RE})"
    rf"(?P<approx_post>{_alternation(APPROX_SUFFIXES)})?"
)
# Every quantity starts with a digit, a Chinese numeral or the first character of an approximation
# word: the gate's lookahead says so, and the search fails at once at every other character instead
# of trying the optional prefix and both numeral forms there (3x faster over bench sentences).
QUANTITY_RE = with_first_character_gate(re.compile(QUANTITY_PATTERN))


@dataclass(slots=True)  # not frozen: a frozen __init__ sets each of the 9 fields via object.__setattr__
class Quantity:
    """A number with its unit as written, and the same amount in base units."""

    value: float
    unit: str  # magnitude + unit as written, e.g. 万户, 亿元, %, 个工作日
    base_value: float
    base_unit: str  # e.g. 户, 元, %
    start: int  # span in the searched text
    end: int
    text: str
    approximate: bool = False  # 余/多/约/以上 ...
    chinese_numeral: bool = False


_DIGIT_VALUES = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_NONZERO = [(ch, value) for ch, value in _DIGIT_VALUES.items() if value]


def _common_numerals() -> dict[str, float | None]:
    """What cn2an's smart mode makes of the Chinese numerals reports write most (一, 两, 十四, 三百,
    两千; a bare 百 or 千 is no number), so most processes never import cn2an (0.15-0.3 s, paid
    by every process that meets a numeral). tests/extract/test_numbers.py checks every entry
    against cn2an; any other numeral still goes to cn2an."""
    table: dict[str, float | None] = {ch: float(value) for ch, value in _DIGIT_VALUES.items()}
    table.update({"十": 10.0, "百": None, "千": None})
    for ch, value in _NONZERO:
        table[f"十{ch}"] = 10.0 + value
        table[f"{ch}十"] = 10.0 * value
        table[f"{ch}百"] = 100.0 * value
        table[f"{ch}千"] = 1000.0 * value
        for unit_ch, unit in _NONZERO:
            table[f"{ch}十{unit_ch}"] = 10.0 * value + unit
    return table


COMMON_NUMERALS = _common_numerals()


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """Parse an Arabic or Chinese numeral (``1,234.5``, ``二十一``, ``两``); None if it is not one."""
    cleaned = text.replace(",", "").strip()
    if not cleaned:
        return None
    try:
        return float(cleaned)
    except ValueError:
        pass
    if cleaned in COMMON_NUMERALS:
        return COMMON_NUMERALS[cleaned]
    import cn2an  # only rare numerals need it, and it takes a few tenths of a second to import

    try:
        return float(cn2an.cn2an(cleaned, "smart"))
    except (ValueError, KeyError, TypeError):
        return None


_DIGIT = re.compile(r"\d")
_CALENDAR_YEAR = re.compile(r"(19|20)\d\d")


# QUANTITY_RE's groups in order: match.groups() reads them all in one call
QUANTITY_GROUPS = ("approx_pre", "num", "approx", "mag", "unit", "approx_post")
_NUM = QUANTITY_GROUPS.index("num") + 1
_UNIT = QUANTITY_GROUPS.index("unit") + 1


def _quantity(match: re.Match[str], groups: tuple[str | None, ...], offset: int) -> Quantity | None:
    """The quantity of a match whose ``groups()`` are ``groups``; None if its number is no number."""
    approx_pre, num, approx_mid, magnitude, unit_word, approx_post = groups
    assert num is not None and unit_word is not None  # both groups are required by the pattern
    value = parse_number(num)
    if value is None:
        return None
    magnitude = magnitude or ""
    factor = MAGNITUDES.get(magnitude, 1.0)
    base_unit = unit_word
    if unit_word.startswith("个") and unit_word[1:] in MAGNITUDES:  # 3个亿 → 3 × 10^8 元
        factor = MAGNITUDES[unit_word[1:]]
        base_unit = "元"
    # 以上/以下 bound a value (5项以上 is a target of 5), they do not blur it like 余/约 do
    approx = bool(approx_pre or approx_mid or approx_post in ("左右", "余"))
    return Quantity(  # positional: one Quantity per number of every sentence
        value,
        magnitude + unit_word,
        round(value * factor, 6),
        base_unit,
        offset + match.start(_NUM),
        offset + match.end(_UNIT),
        match.group(0),
        approx,
        not _DIGIT.match(num),
    )


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every number-with-unit in ``text``; spans are shifted by ``offset``.

    Ordinals (第二十一届) and parts of longer Chinese words (一站式, 一公开) are skipped:
    a Chinese numeral only counts when a unit follows it directly.
    """
    found: list[Quantity] = []
    for match in QUANTITY_RE.finditer(text):
        num_start = match.start(_NUM)
        if num_start > 0 and _ends_other_token(text[num_start - 1]):
            continue
        groups = match.groups()
        if groups[_UNIT - 1] == "年" and _CALENDAR_YEAR.fullmatch(groups[_NUM - 1]):
            continue  # 2020年 is a date, not a quantity of years
        quantity = _quantity(match, groups, offset)
        if quantity is not None:
            found.append(quantity)
    return found


def _ends_other_token(before: str) -> bool:
    """Whether the character before a number makes it no quantity: an ordinal (第二十一届) or the
    tail of a longer token (the 5 of 3C5, the 2 of PM2.5)."""
    return before == "第" or before == "." or (before.isascii() and before.isalnum())
