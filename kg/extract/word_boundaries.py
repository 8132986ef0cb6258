"""Word boundaries of a sentence as jieba cuts it, knowing one document's extra words.

The place finder asks whether a short place name (厚街, 新登) is a word of its sentence, which
jieba decides from its dictionary: the words' frequencies *and* their total. The words a
document adds (its jurisdiction's short names) count only for that document: what a process
extracted before must never change how later documents are cut (新市 of one jurisdiction
splitting 新市场 in a document of another).

This is jieba's ``Tokenizer.lcut(text, HMM=False)`` after ``add_word(word, frequency)`` for each
extra word, computed without touching a jieba tokenizer: the dictionary is an automaton
(:mod:`kg.extract.word_dictionary`) that finds every word of a run in one pass, and the extra
words found in the run get their frequency instead of the dictionary's, as ``add_word``
overwrites it. The route through the words is jieba's ``calc`` (same terms, same
order of operations, so the same floats), and single letters and digits are glued together as
jieba's ``__cut_DAG_NO_HMM`` does. ``tests/extract/test_word_boundaries.py`` compares both.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from math import log

import ahocorasick

from kg.extract.word_dictionary import LENGTH_BITS, LENGTH_MASK, base_dictionary
from kg.loaders.utf8_automaton import utf8_units

# jieba's re_han_default: the runs it segments on their own (a test checks they are the same)
HAN_CHARACTERS = "\u4e00-\u9fd5a-zA-Z0-9+#&\\._%\\-"
HAN_RUN = re.compile(f"([{HAN_CHARACTERS}]+)", re.U)
_RUN_OR_GAP = re.compile(f"[{HAN_CHARACTERS}]+|[^{HAN_CHARACTERS}]+", re.U)
# jieba's re_skip_default: outside runs, whitespace (a CRLF as one) and single characters are tokens
SKIP = re.compile("(\r\n|\\s)", re.U)
# jieba's re_eng: single letters and digits in a row are glued into one token
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

# Candidate words per start: (index of the last character, frequency).
Candidates = list[list[tuple[int, int]]]


class WordBoundaries:
    """Where jieba puts word boundaries in a text, knowing the base dictionary and ``words``.

    jieba cuts a text into runs of CJK characters, letters and digits (:data:`HAN_RUN`) and
    segments each run on its own, so the words of a run do not depend on the rest of the text:
    only the runs asked about are segmented.
    """

    def __init__(self, text: str, words: frozenset[str], frequency: int) -> None:
        self.text = text
        self._words = words
        self._frequency = frequency
        self._runs = [(m.start(), m.end()) for m in HAN_RUN.finditer(text)]
        self._by_run: dict[tuple[int, int], set[int]] = {}

    def is_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` starts and ends at word boundaries."""
        bounds = self._boundaries_around(start, end)
        return start in bounds and end in bounds

    def _boundaries_around(self, start: int, end: int) -> set[int]:
        """The boundaries of the run that holds ``[start, end)`` (of the whole text if none does)."""
        i = bisect.bisect_right(self._runs, (start, len(self.text) + 1)) - 1
        inside = i >= 0 and end <= self._runs[i][1]
        run = self._runs[i] if inside else (0, len(self.text))
        if run not in self._by_run:
            self._by_run[run] = self._run_boundaries(*run) if inside else self._text_boundaries()
        return self._by_run[run]

    def _run_boundaries(self, run_start: int, run_end: int) -> set[int]:
        """Word boundaries of the run ``text[run_start:run_end]``, in text offsets."""
        ends = run_word_ends(self.text[run_start:run_end], self._words, self._frequency)
        return {run_start, *(run_start + end for end in ends)}

    def _text_boundaries(self) -> set[int]:
        """Word boundaries of the whole text, token by token as jieba's ``cut`` gives them."""
        bounds = {0}
        for m in _RUN_OR_GAP.finditer(self.text):
            if HAN_RUN.fullmatch(m.group()):
                bounds |= self._run_boundaries(m.start(), m.end())
                continue
            pos = m.start()
            for piece in SKIP.split(m.group()):
                if SKIP.fullmatch(piece):  # one token (a CRLF together)
                    pos += len(piece)
                    bounds.add(pos)
                else:  # every other character alone
                    bounds.update(range(pos + 1, pos + len(piece) + 1))
                    pos += len(piece)
        return bounds


def run_word_ends(run: str, words: frozenset[str], frequency: int) -> list[int]:
    """Where jieba's words of ``run`` (one :data:`HAN_RUN` match) end, in run offsets, in order,
    once ``words`` were added at ``frequency`` (> 0): add_word also adds to jieba's total."""
    dictionary = base_dictionary()
    candidates = _candidates(run, dictionary.automaton)
    if words:
        _add_words(run, candidates, words, frequency)
    route = _best_route(candidates, log(dictionary.total + frequency * len(words)))
    return _token_ends(run, route)


def _candidates(run: str, base: ahocorasick.Automaton) -> Candidates:
    """jieba's DAG with frequencies: every dictionary word starting at each character."""
    units = utf8_units(run)
    char_at = _char_offsets(run, units)
    candidates: Candidates = [[] for _ in run]
    for end, value in base.iter(units):
        start = char_at[end + 1 - (value & LENGTH_MASK)]
        candidates[start].append((char_at[end + 1] - 1, value >> LENGTH_BITS))
    return candidates


def _add_words(run: str, candidates: Candidates, words: frozenset[str], frequency: int) -> None:
    """Add the extra words found in ``run``, their frequency replacing the dictionary's (as
    ``add_word`` overwrites it). A document's words are a few hundred short names of a few
    lengths: looking up each slice of those lengths costs less than building their automaton."""
    for length in _word_lengths(words):
        for start in range(len(run) - length + 1):
            if run[start : start + length] in words:
                last = start + length - 1
                found = candidates[start]
                found[:] = [word for word in found if word[0] != last]
                found.append((last, frequency))


@lru_cache(maxsize=8)  # the documents of one jurisdiction share their words (the same object)
def _word_lengths(words: frozenset[str]) -> tuple[int, ...]:
    return tuple(sorted({len(word) for word in words}))


def _char_offsets(run: str, units: str) -> list[int] | range:
    """Character offset of each UTF-8 unit offset that starts a character (and of the end).

    A run holds only ASCII (one unit) and CJK characters of U+4E00..U+9FD5 (three units)."""
    if len(units) == len(run):
        return range(len(run) + 1)
    offsets = [0] * (len(units) + 1)
    pos = 0
    for index, char in enumerate(run):
        offsets[pos] = index
        pos += 1 if char < "\x80" else 3
    offsets[pos] = len(run)
    return offsets


def _best_route(candidates: Candidates, log_total: float) -> list[int]:
    """jieba's ``calc``: for each character, the last character of the word it starts on the
    most probable route to the end. A character that starts no word is a word of frequency 1."""
    n = len(candidates)
    score = [0.0] * (n + 1)
    last = list(range(n + 1))
    for index in range(n - 1, -1, -1):
        words = candidates[index]
        if not words:
            score[index] = log(1) - log_total + score[index + 1]
        elif len(words) == 1:  # a third of the characters: the max of one is that one
            end, frequency = words[0]
            score[index], last[index] = log(frequency) - log_total + score[end + 1], end
        else:  # jieba's max over (score, end) pairs: equal scores go to the longer word
            best = max((log(frequency) - log_total + score[end + 1], end) for end, frequency in words)
            score[index], last[index] = best
    return last


def _token_ends(run: str, route: list[int]) -> list[int]:
    """Where the tokens of the route end; single letters and digits in a row are one token."""
    ends: list[int] = []
    gluing = False
    start = 0
    while start < len(run):
        after = route[start] + 1
        if after - start == 1 and run[start] in _ASCII_ALNUM:
            gluing = True
        else:
            if gluing:
                ends.append(start)
                gluing = False
            ends.append(after)
        start = after
    if gluing:
        ends.append(len(run))
    return ends
