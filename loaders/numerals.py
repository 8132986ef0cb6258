"""Chinese numerals in headings and plan names (十四, 二十一) as integers.

Headings count from 一 to 九十九; those are read directly (this runs for every heading and
cn2an takes half a second to import). Anything else goes to cn2an.
"""

from __future__ import annotations

import re
from functools import lru_cache

_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
_UNDER_HUNDRED = re.compile(r"([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)")


@lru_cache(maxsize=512)
def chinese_ordinal(token: str) -> int | None:
    """The value of a short Chinese (or Arabic) numeral, e.g. 十四 → 14; None if it is not one."""
    if not token:
        return None
    if token.isdecimal() and token.isascii():
        return int(token)
    m = _UNDER_HUNDRED.fullmatch(token)
    if m and any(m.groups()):
        tens, ten, units = m.groups()
        if ten:
            return _DIGITS.get(tens, 1) * 10 + _DIGITS.get(units, 0)
        if tens and not units:
            return _DIGITS[tens]
    import cn2an  # rare numerals only (百, 零, 两…)

    try:
        value = cn2an.cn2an(token, "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value == int(value) else None


# A year as official documents write it: 2021 or 二〇二一 (also with ○ or 零 for zero).
YEAR_DIGITS = r"(?:\d{4}|[〇○零一二三四五六七八九]{4})"
_YEAR_CHARS = {"〇": "0", "○": "0", "零": "0", "一": "1", "二": "2", "三": "3", "四": "4",
               "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"}


def year_value(token: str) -> int:
    """2021 for "2021" or "二〇二一"."""
    return int("".join(_YEAR_CHARS.get(ch, ch) for ch in token))


def five_year_plan_period(ordinal: int) -> tuple[int, int]:
    """Years covered by the n-th five-year plan (十四五 → 2021–2025).

    The plans run back to back from the 4th (1971–1975); the 1st–3rd were
    1953–1957, 1958–1962 and 1966–1970.
    """
    early = {1: 1953, 2: 1958, 3: 1966}
    start = early.get(ordinal, 1971 + 5 * (ordinal - 4))
    return start, start + 4
