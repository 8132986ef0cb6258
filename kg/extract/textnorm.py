"""Label normalization shared by lexicon matching and scoring.

The rule is the one ``../shared/gold/README.md`` defines for comparing strings:
full-width to half-width, lower case, and removal of white space and punctuation.
Matching the vocabulary on the same normalized form means “双随机、一公开”,
双随机一公开 and 双随机 、一公开 (a PDF line break) are one label.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# The gold README's punctuation, removed after width folding (its full-width forms fold onto the
# half-width twins also listed here). Scoring uses exactly this set.
README_PUNCTUATION = frozenset("“”\"'‘’「」《》()（）【】、，,。.;；:：!！?？·+＋-—_/")
# The vocabulary matcher also ignores the other quote, bracket and dash marks of the same family,
# so a label written with 『』, 〔〕 or – matches its plain spelling.
MATCHER_PUNCTUATION = README_PUNCTUATION | frozenset("『』〈〉[]{}〔〕•・–\\|…~")


# fold_char as a str.translate table: full-width ASCII (U+FF01–FF5E) and the ideographic space.
_FOLD_TABLE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: ord(" ")}
# Only these characters can be dropped: CJK ideographs, digits and lower-case letters always stay,
# so the per-character test runs on the few others (punctuation, spaces, format marks).
_MAYBE_DROPPED = re.compile(r"[^\u4e00-\u9fff0-9a-z]")
# str.lower() of a whole string lowers a final Σ to ς, character by character it is σ.
_CONTEXT_SENSITIVE_LOWER = "\u03a3"


def fold_char(ch: str) -> str:
    """Full-width ASCII and the ideographic space to their half-width forms."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


@lru_cache(maxsize=4096)
def _keep(ch: str, punctuation: frozenset[str]) -> bool:
    """Whether a (folded) character survives normalization; zero-width format marks (Cf) count
    as white space."""
    return not (ch.isspace() or ch in punctuation or unicodedata.category(ch) == "Cf")


def normalize_label(text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION) -> str:
    """The normalized form of a label or a piece of text (``punctuation`` is the set removed)."""
    return normalize_with_offsets(text, punctuation)[0]


def normalize_with_offsets(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to its index in ``text``.

    ``index[i]`` is the position in ``text`` of normalized character ``i``, so a
    normalized span ``[s, e)`` is ``text[index[s]:index[e - 1] + 1]``. ``punctuation`` must hold
    no CJK ideograph, digit or lower-case letter (those are never tested, for speed).
    """
    folded = text.translate(_FOLD_TABLE).lower()
    if len(folded) != len(text) or _CONTEXT_SENSITIVE_LOWER in text:
        return _normalize_by_character(text, punctuation)  # lower() expanded a character: offsets shift
    pieces: list[str] = []
    index: list[int] = []
    kept_from = 0
    for m in _MAYBE_DROPPED.finditer(folded):
        pos = m.start()
        if not _keep(folded[pos], punctuation):
            pieces.append(folded[kept_from:pos])
            index.extend(range(kept_from, pos))
            kept_from = pos + 1
    pieces.append(folded[kept_from:])
    index.extend(range(kept_from, len(folded)))
    return "".join(pieces), index


def _normalize_by_character(text: str, punctuation: frozenset[str]) -> tuple[str, list[int]]:
    """The general case of :func:`normalize_with_offsets`, one character at a time."""
    chars: list[str] = []
    index: list[int] = []
    for pos, ch in enumerate(text):
        for folded in fold_char(ch).lower():  # lower() may expand one char to two
            if _keep(folded, punctuation):
                chars.append(folded)
                index.append(pos)
    return "".join(chars), index
