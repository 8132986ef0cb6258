"""Label normalization shared by lexicon matching and scoring.

The rule is the one ``../shared/gold/README.md`` defines for comparing strings:
full-width to half-width, lower case, and removal of white space and punctuation.
Matching the vocabulary on the same normalized form means “双随机、一公开”,
双随机一公开 and 双随机 、一公开 (a PDF line break) are one label.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from functools import lru_cache

# The gold README's punctuation, removed after width folding (its full-width forms fold onto the
# half-width twins also listed here). Scoring uses exactly this set.
README_PUNCTUATION = frozenset("“”\"'‘’「」《》()（）【】、，,。.;；:：!！?？·+＋-—_/")
# The vocabulary matcher also ignores the other quote, bracket and dash marks of the same family,
# so a label written with 『』, 〔〕 or – matches its plain spelling.
MATCHER_PUNCTUATION = README_PUNCTUATION | frozenset("『』〈〉[]{}〔〕•・–\\|…~")


# Only these characters can change or be dropped: CJK ideographs, digits and lower-case letters
# always stay as they are, so the per-character work runs on the few others (punctuation, spaces,
# format marks, full-width forms).
_MAYBE_CHANGED = re.compile(r"[^\u4e00-\u9fff0-9a-z]")
# str.lower() of a whole string lowers a final Σ to ς, character by character it is σ.
_CONTEXT_SENSITIVE_LOWER = "\u03a3"
# Per punctuation set: what each (lower-cased) character seen so far becomes, "" when dropped.
_OUTCOMES: dict[frozenset[str], dict[str, str]] = {}

# A normalized text's offsets as runs: (normalized start, text start) of each stretch whose
# characters map one to one onto consecutive characters of the text.
OffsetRuns = list[tuple[int, int]]


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


def _outcome(ch: str, punctuation: frozenset[str]) -> str:
    """What a lower-cased character becomes: its folded form, or "" when it is dropped."""
    folded = fold_char(ch)
    return folded if _keep(folded, punctuation) else ""


def normalize_label(text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION) -> str:
    """The normalized form of a label or a piece of text (``punctuation`` is the set removed)."""
    return normalize_with_runs(text, punctuation)[0]


def normalize_with_offsets(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to its index in ``text``.

    ``index[i]`` is the position in ``text`` of normalized character ``i``, so a
    normalized span ``[s, e)`` is ``text[index[s]:index[e - 1] + 1]``. ``punctuation`` must hold
    no CJK ideograph, digit or lower-case letter (those are never tested, for speed).
    """
    norm, runs = normalize_with_runs(text, punctuation)
    index: list[int] = []
    for (norm_start, text_start), (norm_end, _) in zip(runs, [*runs[1:], (len(norm), 0)], strict=True):
        index.extend(range(text_start, text_start + norm_end - norm_start))
    return norm, index


def normalize_with_runs(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, OffsetRuns]:
    """Normalize ``text``, with its offsets as runs (see :func:`text_offset`): cheaper than a
    list with one offset per character when few offsets are ever looked up."""
    lowered = text.lower()
    if len(lowered) != len(text) or _CONTEXT_SENSITIVE_LOWER in text:
        return _normalize_by_character(text, punctuation)  # lower() expanded a character: offsets shift
    outcomes = _OUTCOMES.setdefault(punctuation, {})
    pieces: list[str] = []
    runs: OffsetRuns = [(0, 0)]
    kept_from = norm_len = 0
    for m in _MAYBE_CHANGED.finditer(lowered):
        pos = m.start()
        ch = lowered[pos]
        outcome = outcomes.get(ch)
        if outcome is None:
            outcome = outcomes[ch] = _outcome(ch, punctuation)
        if outcome == ch:
            continue  # kept as it is: the run goes on
        pieces.append(lowered[kept_from:pos])
        norm_len += pos - kept_from
        kept_from = pos + 1
        if outcome:  # folded: one character for one, the run goes on
            pieces.append(outcome)
            norm_len += 1
        else:  # dropped: a new run starts after it
            runs.append((norm_len, pos + 1))
    pieces.append(lowered[kept_from:])
    return "".join(pieces), runs


def text_offset(runs: OffsetRuns, norm_pos: int) -> int:
    """The position in the text of normalized character ``norm_pos``."""
    i = bisect.bisect_right(runs, (norm_pos, _AFTER_ANY_OFFSET)) - 1
    norm_start, text_start = runs[i]
    return text_start + norm_pos - norm_start


_AFTER_ANY_OFFSET = 1 << 62  # sorts after every (norm_pos, offset) pair with the same norm_pos


def _normalize_by_character(text: str, punctuation: frozenset[str]) -> tuple[str, OffsetRuns]:
    """The general case of :func:`normalize_with_runs`, one character at a time."""
    chars: list[str] = []
    runs: OffsetRuns = []
    previous = -2
    for pos, ch in enumerate(text):
        for folded in fold_char(ch).lower():  # lower() may expand one char to two
            if _keep(folded, punctuation):
                if pos != previous + 1:  # not the next character of the text: a new run
                    runs.append((len(chars), pos))
                chars.append(folded)
                previous = pos
    return "".join(chars), runs or [(0, 0)]
