"""Chinese numerals in headings and plan names (十四, 二十一) as integers, via cn2an."""

from __future__ import annotations

from functools import lru_cache

import cn2an


@lru_cache(maxsize=512)
def chinese_ordinal(token: str) -> int | None:
    """The value of a short Chinese (or Arabic) numeral, e.g. 十四 → 14; None if it is not one."""
    if not token:
        return None
    if token.isdigit():
        return int(token)
    try:
        value = cn2an.cn2an(token, "strict")
    except (ValueError, KeyError, IndexError):
        return None
    return int(value) if value == int(value) else None


def five_year_plan_period(ordinal: int) -> tuple[int, int]:
    """Years covered by the n-th five-year plan (十四五 → 2021–2025).

    The plans run back to back from the 4th (1971–1975); the 1st–3rd were
    1953–1957, 1958–1962 and 1966–1970.
    """
    early = {1: 1953, 2: 1958, 3: 1966}
    start = early.get(ordinal, 1971 + 5 * (ordinal - 4))
    return start, start + 4
