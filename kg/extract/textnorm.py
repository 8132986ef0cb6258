"""Label normalization shared by lexicon matching and scoring.

The rule is the one ``../shared/gold/README.md`` defines for comparing strings:
full-width to half-width, lower case, and removal of white space and punctuation.
Matching the vocabulary on the same normalized form means “双随机、一公开”,
双随机一公开 and 双随机 、一公开 (a PDF line break) are one label.
"""

from __future__ import annotations

import unicodedata

# Punctuation removed after width folding (so only the half-width forms and the
# CJK marks that have no half-width twin need listing). The gold README's set plus
# a few quote and bracket marks of the same family.
PUNCTUATION = frozenset(
    "\"'“”‘’「」『』《》〈〉()[]{}【】〔〕、,.。;:!?·•・+-—–_/\\|…~"
)


def fold_char(ch: str) -> str:
    """Full-width ASCII and the ideographic space to their half-width forms."""
    code = ord(ch)
    if 0xFF01 <= code <= 0xFF5E:
        return chr(code - 0xFEE0)
    if code == 0x3000:
        return " "
    return ch


def _keep(ch: str) -> bool:
    """Whether a (folded) character survives normalization."""
    return not (ch.isspace() or ch in PUNCTUATION or unicodedata.category(ch) == "Cf")


def normalize_label(text: str) -> str:
    """The normalized form of a label or a piece of text."""
    return "".join(c for c in (fold_char(ch).lower() for ch in text) if _keep(c))


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to its index in ``text``.

    ``index[i]`` is the position in ``text`` of normalized character ``i``, so a
    normalized span ``[s, e)`` is ``text[index[s]:index[e - 1] + 1]``.
    """
    chars: list[str] = []
    index: list[int] = []
    for pos, ch in enumerate(text):
        for folded in fold_char(ch).lower():  # lower() may expand one char to two
            if _keep(folded):
                chars.append(folded)
                index.append(pos)
    return "".join(chars), index
