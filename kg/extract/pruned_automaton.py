"""Aho-Corasick automata pruned to the words that can matter for a given text.

The place finder matches a few thousand national names plus a jurisdiction's local names with
pyahocorasick's ``iter_long``. Building (or unpickling) that automaton costs milliseconds, and a
corpus has hundreds of jurisdictions, so a per-jurisdiction cache misses on most documents. A
document, though, contains the first two characters of only a few dozen of those names, and the
automaton of just those words (plus every word shorter than two characters) finds exactly the
same matches in that document's text:

``iter_long`` reads the text one unit at a time; at every step its state is the longest suffix of
the text read (since its last restart) that is a trie node, and its decisions (remember a word
end, return the remembered word, fail over to a word end, restart after a match) look only at
that state, its child for the next unit, its fail link and word ends. A word end is at least two
characters long. Every trie node of two or more characters that is a substring of the text is a
prefix of a kept word (its first two characters occur in the text), so the pruned trie has it,
with the same word end and fail link; the full trie's other nodes that the walk can reach are
shorter than two characters and never word ends. So both walks take the same decisions at the
same positions. Pruning only drops words, and a text not seen when pruning needs its own automaton.
``tests/extract/test_pruned_automaton.py`` compares both walks.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter

import ahocorasick

from kg.loaders import utf8_automaton

PREFIX_LENGTH = 2  # characters of a word looked for in the text before the word is kept


class WordIndex:
    """A fixed set of words indexed by their first two characters, to prune automata with."""

    def __init__(self, words: Iterable[str]) -> None:
        self.short_words: list[str] = []  # always kept: nothing shorter than a prefix to look for
        self._by_prefix: dict[str, list[str]] = {}
        for word in dict.fromkeys(words):
            if len(word) < PREFIX_LENGTH:
                self.short_words.append(word)
            else:
                self._by_prefix.setdefault(word[:PREFIX_LENGTH], []).append(word)
        self._prefixes = ahocorasick.Automaton()  # over UTF-8 units, like the automata it prunes
        for prefix in self._by_prefix:
            utf8_automaton.add_word(self._prefixes, prefix)
        if len(self._prefixes):
            self._prefixes.make_automaton()

    def words_in(self, text: str) -> list[str]:
        """The words that can take part in a match in ``text``: those whose first two characters
        occur in it, and the shorter ones; in a fixed order (sorted by prefix, then as given)."""
        kept = list(self.short_words)
        if len(self._prefixes):
            # the matches' values are their prefixes; map/itemgetter keeps the many matches in C
            found = set(map(itemgetter(1), self._prefixes.iter(utf8_automaton.utf8_units(text))))
            for prefix in sorted(found):
                kept.extend(self._by_prefix[prefix])
        return kept


def pruned_automaton(
    index: WordIndex, texts: Iterable[str], extra_words: Iterable[str] = ()
) -> ahocorasick.Automaton:
    """An automaton over UTF-8 units (match with :func:`kg.loaders.utf8_automaton.iter_long`) of the
    words of ``index`` that can match in any of ``texts``, plus ``extra_words``; each word's value is
    the word. On those texts it finds what the automaton of all the words would find."""
    # a line break joins the texts: no word holds one, and a prefix found across it only keeps more
    automaton = ahocorasick.Automaton()
    words = [*index.words_in("\n".join(texts)), *extra_words]
    # all words' UTF-8 units in one conversion (line breaks split them again: no word holds one)
    units = utf8_automaton.utf8_units("\n".join(words)).split("\n") if words else []
    if len(units) != len(words):  # a word with a line break after all: one at a time
        units = [utf8_automaton.utf8_units(word) for word in words]
    for word, word_units in zip(words, units, strict=True):
        automaton.add_word(word_units, word)
    if len(automaton):
        automaton.make_automaton()
    return automaton
