"""Label normalization shared by lexicon matching and scoring.

The rule is the one ``../shared/gold/README.md`` defines for comparing strings:
full-width to half-width, lower case, and removal of white space and punctuation.
Matching the vocabulary on the same normalized form means “双随机、一公开”,
双随机一公开 and 双随机 、一公开 (a PDF line break) are one label.
"""

from __future__ import annotations

import operator
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache, partial

from kg.loaders.offsets import OffsetMap

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


# Characters the plain path knows beside ideographs, digits and lower-case letters; any other
# character of a text sends it down the character-by-character loop of normalize_with_runs.
_PLAIN_DROP_CANDIDATES = " \t\n\r\u3000\xa0" + "".join(map(chr, range(0xFF01, 0xFF5F)))
_PLAIN_KEEP_CANDIDATES = "".join(map(chr, range(0x20, 0x7F))) + "≥≤℃°×÷±‰～"


@dataclass(frozen=True)
class _PlainPath:
    """For texts whose every character is kept as it is or dropped (no folding, no rare
    character): one regex finds what is dropped, ``re.sub`` drops it."""

    unknown: re.Pattern[str]  # a character the plain path does not know
    dropped: re.Pattern[str]


@lru_cache(maxsize=8)
def _plain_path(punctuation: frozenset[str]) -> _PlainPath:
    """The plain path of one punctuation set; both classes are built from :func:`_outcome`, so
    they agree with the loop by construction."""
    dropped = sorted(ch for ch in {*punctuation, *_PLAIN_DROP_CANDIDATES} if _outcome(ch, punctuation) == "")
    kept = sorted(ch for ch in _PLAIN_KEEP_CANDIDATES if _outcome(ch, punctuation) == ch)
    known = re.escape("".join(dropped + kept))
    return _PlainPath(
        unknown=re.compile(rf"[^\u4e00-\u9fff0-9a-z{known}]"),
        dropped=re.compile(f"[{re.escape(''.join(dropped))}]"),
    )


def normalize_label(text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION) -> str:
    """The normalized form of a label or a piece of text (``punctuation`` is the set removed)."""
    lowered = text.lower()
    if len(lowered) == len(text) and _CONTEXT_SENSITIVE_LOWER not in text:
        plain = _plain_path(punctuation)
        if plain.unknown.search(lowered) is None:
            return plain.dropped.sub("", lowered)  # what the loop gives, without its offsets
    return normalize_with_runs(text, punctuation)[0]


def normalize_lazily(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, Callable[[], OffsetMap]]:
    """:func:`normalize_label` of ``text``, and a function that gives the offsets
    :func:`normalize_with_runs` would: the matcher needs offsets only for the few texts with a
    match, and for a plain text they come from the lowered text already made (no second pass)."""
    lowered = text.lower()
    if len(lowered) == len(text) and _CONTEXT_SENSITIVE_LOWER not in text:
        plain = _plain_path(punctuation)
        if plain.unknown.search(lowered) is None:
            return plain.dropped.sub("", lowered), partial(_plain_offsets, lowered, plain.dropped)
    norm, offsets = normalize_with_runs(text, punctuation)
    return norm, partial(_given, offsets)


def _given(offsets: OffsetMap) -> OffsetMap:
    return offsets


def normalize_with_offsets(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, list[int]]:
    """Normalize ``text`` and map each normalized character back to its index in ``text``.

    ``index[i]`` is the position in ``text`` of normalized character ``i``, so a
    normalized span ``[s, e)`` is ``text[index[s]:index[e - 1] + 1]``. ``punctuation`` must hold
    no CJK ideograph, digit or lower-case letter (those are never tested, for speed).
    """
    norm, offsets = normalize_with_runs(text, punctuation)
    return norm, offsets.tolist()


def normalize_with_runs(
    text: str, punctuation: frozenset[str] = MATCHER_PUNCTUATION
) -> tuple[str, OffsetMap]:
    """Normalize ``text``, with its offsets as a run-length :class:`~kg.loaders.offsets.OffsetMap`
    (``offsets[i]`` = the position in ``text`` of normalized character ``i``): cheaper than a
    list with one offset per character when few offsets are ever looked up."""
    lowered = text.lower()
    if len(lowered) != len(text) or _CONTEXT_SENSITIVE_LOWER in text:
        return _normalize_by_character(text, punctuation)  # lower() expanded a character: offsets shift
    plain = _plain_path(punctuation)
    if plain.unknown.search(lowered) is None:
        return _plain_runs(lowered, plain.dropped)
    outcomes = _OUTCOMES.setdefault(punctuation, {})
    pieces: list[str] = []
    starts, origins = [0], [0]  # each run: normalized start, text start (characters map one to one)
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
            starts.append(norm_len)
            origins.append(pos + 1)
    pieces.append(lowered[kept_from:])
    norm = "".join(pieces)
    return norm, _copied_runs(starts, origins, len(norm))


def _plain_runs(lowered: str, dropped: re.Pattern[str]) -> tuple[str, OffsetMap]:
    """The loop's result for a text with only kept and dropped characters."""
    offsets = _plain_offsets(lowered, dropped)
    return (dropped.sub("", lowered) if len(offsets) < len(lowered) else lowered), offsets


def _plain_offsets(lowered: str, dropped: re.Pattern[str]) -> OffsetMap:
    """The offsets of a text with only kept and dropped characters: a run starts after each
    dropped character (the k-th dropped one, at position p, starts normalized index p + 1 - k)."""
    ends = list(map(re.Match.end, dropped.finditer(lowered)))  # p + 1 of each dropped character
    if not ends:
        return _copied_runs([0], [0], len(lowered))
    starts = [0, *map(operator.sub, ends, range(1, len(ends) + 1))]
    return _copied_runs(starts, [0, *ends], len(lowered) - len(ends))


def _copied_runs(starts: list[int], origins: list[int], length: int) -> OffsetMap:
    """An offset map whose runs all copy (each normalized character is one character of the text)."""
    return OffsetMap(starts, origins, [1] * len(starts), length)


def _normalize_by_character(text: str, punctuation: frozenset[str]) -> tuple[str, OffsetMap]:
    """The general case of :func:`normalize_with_runs`, one character at a time."""
    chars: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    previous = -2
    for pos, ch in enumerate(text):
        for folded in fold_char(ch).lower():  # lower() may expand one char to two
            if _keep(folded, punctuation):
                if pos != previous + 1:  # not the next character of the text: a new run
                    starts.append(len(chars))
                    origins.append(pos)
                chars.append(folded)
                previous = pos
    return "".join(chars), _copied_runs(starts or [0], origins or [0], len(chars))
