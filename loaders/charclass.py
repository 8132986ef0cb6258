"""Character classes and the character-level normalization shared by the loaders.

Character-level changes are one character for one character (width folding), so the
offset map stays the identity for them; everything that adds or drops characters lives
in :mod:`kg.loaders.normalize`.
"""

from __future__ import annotations

import re
import unicodedata

# Han ideographs (basic, extension A, compatibility).
HAN = "\u4e00-\u9fff\u3400-\u4dbf\uf900-\ufaff"
# CJK punctuation, full-width forms, curly quotes, em dash and ellipsis: text that is typeset
# without spaces around it in Chinese.
CJK_PUNCT = "\u3000-\u303f\uff00-\uffef\u2018\u2019\u201c\u201d\u2014\u2026\u00b7\u2460-\u2473"
CJK = HAN + CJK_PUNCT
HAN_RE = re.compile(f"[{HAN}]")

# Full-width digits and Latin letters → ASCII; Chinese punctuation is kept as written.
_WIDTH_TABLE: dict[int, int | str] = {cp: cp - 0xFEE0 for cp in range(0xFF10, 0xFF1A)}
_WIDTH_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF21, 0xFF3B)})
_WIDTH_TABLE.update({cp: cp - 0xFEE0 for cp in range(0xFF41, 0xFF5B)})
_WIDTH_TABLE[0xFF05] = ord("%")  # ％ belongs to the number it follows
# Odd spaces become plain spaces (they are kept only between Latin words).
_WIDTH_TABLE.update({0x3000: " ", 0x00A0: " ", 0x2002: " ", 0x2003: " ", 0x2009: " ", 0x0009: " "})
# Kangxi radicals and compatibility ideographs that PDF text layers emit for ordinary characters
# (⼯作 for 工作): NFKC maps each to the one unified ideograph.
for _cp in [*range(0x2E80, 0x2EF4), *range(0x2F00, 0x2FD6), *range(0xF900, 0xFB00)]:
    _nfkc = unicodedata.normalize("NFKC", chr(_cp))
    if len(_nfkc) == 1 and _nfkc != chr(_cp):
        _WIDTH_TABLE[_cp] = ord(_nfkc)
# ． between digits; written to start with the literal, which the regex engine finds fast
# (a leading lookbehind would be tried at every position of the text).
_DECIMAL_POINT = re.compile(r"．(?=\d)(?<=\d．)")


# One foldable character, then any more: a pattern that starts with a character class (not with
# a repeat) lets the regex engine skip to candidates by that class alone, ten times faster.
_FOLDABLE_CHAR = "[" + "".join(chr(cp) for cp in _WIDTH_TABLE) + "]"
_FOLDABLE = re.compile(f"{_FOLDABLE_CHAR}{_FOLDABLE_CHAR}*")


def fold_width(text: str) -> str:
    """Full-width digits/letters/％ to ASCII, odd spaces to ' ', ．between digits to '.',
    Kangxi radicals and compatibility ideographs to unified ideographs.

    Length-preserving: ``len(fold_width(t)) == len(t)`` for every t.
    """
    # str.translate walks every character in Python-level lookups; most text has nothing to fold.
    text = _FOLDABLE.sub(lambda m: m.group().translate(_WIDTH_TABLE), text)
    return _DECIMAL_POINT.sub(".", text) if "．" in text else text
