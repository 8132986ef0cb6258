"""Traditional Chinese to Simplified (opencc), without disturbing the offset map.

Conversion is applied only to documents written in Traditional script, and only in a
length-preserving way, so ``Document.offsets`` stays valid: opencc's phrase-level
conversion is used where it keeps each line's length, its character-level result elsewhere.
"""

from __future__ import annotations

from functools import lru_cache

import opencc
from kg.loaders.charclass import HAN_RE

# Share of Han characters that must change for a text to count as Traditional; Simplified
# text has almost none (a stray 於 or 乾 in a name should not trigger conversion).
_TRADITIONAL_SHARE = 0.02
_MIN_CHANGED = 3


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> tuple[str, bool]:
    """``(text in Simplified, True)`` for a Traditional text, else ``(text, False)``."""
    converted = _converter().convert(text)
    if converted == text:
        return text, False
    if len(converted) != len(text):
        converted = _convert_by_line(text)
    changed = sum(1 for a, b in zip(text, converted, strict=False) if a != b)
    han = len(HAN_RE.findall(text))
    if changed < _MIN_CHANGED or changed < han * _TRADITIONAL_SHARE:
        return text, False
    return converted, True


def _convert_by_line(text: str) -> str:
    """Convert line by line; a line whose length would change is converted char by char."""
    conv = _converter()
    out: list[str] = []
    for line in text.split("\n"):
        new = conv.convert(line)
        if len(new) != len(line):
            new = "".join(_char(ch) for ch in line)
        out.append(new)
    return "\n".join(out)


@lru_cache(maxsize=8192)
def _char(ch: str) -> str:
    new = _converter().convert(ch)
    return new if len(new) == 1 else ch
