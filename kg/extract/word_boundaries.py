"""Word boundaries of a sentence, by a jieba tokenizer that knows one document's extra words.

The place finder asks whether a short place name (厚街, 新登) is a word of its sentence, which
jieba decides from its dictionary: the words' frequencies *and* their total. Words a document
adds (its jurisdiction's short names) must therefore be gone when the next document is
segmented, or what a process extracted before would change how later documents are cut
(新市 of one jurisdiction splitting 新市场 in a document of another). :class:`DocumentSegmenter`
keeps one jieba tokenizer and switches its extra words per document, undoing exactly what
``Tokenizer.add_word`` changed; a document's words depend only on the document.
"""

from __future__ import annotations

import bisect
import logging
from functools import lru_cache

import jieba

_ABSENT = -1  # jieba's frequencies are >= 0, so -1 marks a key that was not in FREQ


class DocumentSegmenter:
    """One jieba tokenizer: the base dictionary plus the extra words of one document at a time."""

    def __init__(self, tokenizer: jieba.Tokenizer) -> None:
        self._tokenizer = tokenizer
        self._words: frozenset[str] = frozenset()
        self._frequency = 0
        # first value of every FREQ key add_word touched (or _ABSENT), and the base total
        self._prior: dict[str, int] = {}
        self._base_total = tokenizer.total

    def with_words(self, words: frozenset[str], frequency: int) -> jieba.Tokenizer:
        """The tokenizer knowing the base dictionary and exactly ``words``, each at ``frequency``
        (> 0). Cheap when asked for the words of the previous call (one document's sentences, or
        documents of one jurisdiction, whose word sets are the same object)."""
        if frequency != self._frequency or (words is not self._words and words != self._words):
            self._restore_base()
            self._add(words, frequency)
            self._words, self._frequency = words, frequency
        return self._tokenizer

    def _add(self, words: frozenset[str], frequency: int) -> None:
        """What ``Tokenizer.add_word(word, frequency)`` does for each word (frequency > 0, no tag:
        set the word, add to the total, give absent prefixes 0), written out so that the first
        value of every key it touches is remembered on the way; a third of add_word's time."""
        freq = self._tokenizer.FREQ
        prior = self._prior
        for word in words:  # any order gives the same FREQ values and total
            for end in range(1, len(word)):
                prefix = word[:end]
                if prefix not in freq:
                    prior[prefix] = _ABSENT
                    freq[prefix] = 0
            if word not in prior:
                prior[word] = freq.get(word, _ABSENT)
            freq[word] = frequency
        self._tokenizer.total += frequency * len(words)

    def _restore_base(self) -> None:
        """Put back every FREQ entry add_word changed and the base total (no tag is ever given,
        so ``user_word_tag_tab`` is untouched; the frequency is > 0, so no forced split is set)."""
        freq = self._tokenizer.FREQ
        for key, value in self._prior.items():
            if value == _ABSENT:
                del freq[key]
            else:
                freq[key] = value
        self._prior.clear()
        self._tokenizer.total = self._base_total
        self._words, self._frequency = frozenset(), 0


@lru_cache(maxsize=1)
def document_segmenter() -> DocumentSegmenter:
    """The process's segmenter, on a private jieba tokenizer (the global one is left to others),
    quiet, built on first use. One per process: jieba's dictionary is large, and forked workers
    share its pages."""
    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return DocumentSegmenter(tokenizer)


class WordBoundaries:
    """Where jieba puts word boundaries in a text, knowing the base dictionary and ``words``.

    jieba cuts a text into runs of CJK characters, letters and digits (its ``re_han_default``)
    and segments each run on its own, so the words of a run do not depend on the rest of the
    text: only the runs asked about are segmented, which is a fraction of the work of
    segmenting the whole sentence and gives the same boundaries.
    """

    def __init__(self, text: str, words: frozenset[str], frequency: int) -> None:
        self.text = text
        self._words = words
        self._frequency = frequency
        self._runs = [(m.start(), m.end()) for m in jieba.re_han_default.finditer(text)]
        self._by_run: dict[tuple[int, int], set[int]] = {}

    def is_word(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` starts and ends at word boundaries."""
        bounds = self._boundaries_around(start, end)
        return start in bounds and end in bounds

    def _boundaries_around(self, start: int, end: int) -> set[int]:
        """The boundaries of the run that holds ``[start, end)`` (of the whole text if none does)."""
        i = bisect.bisect_right(self._runs, (start, len(self.text) + 1)) - 1
        run = self._runs[i] if i >= 0 and end <= self._runs[i][1] else (0, len(self.text))
        if run not in self._by_run:
            self._by_run[run] = self._segment(*run)
        return self._by_run[run]

    def _segment(self, run_start: int, run_end: int) -> set[int]:
        """Word boundaries of ``text[run_start:run_end]``, in text offsets."""
        bounds = {run_start}
        pos = run_start
        # asked at each run, so another document's words registered meanwhile cannot leak in
        tokenizer = document_segmenter().with_words(self._words, self._frequency)
        for token in tokenizer.lcut(self.text[run_start:run_end], HMM=False):
            pos += len(token)
            bounds.add(pos)
        return bounds
