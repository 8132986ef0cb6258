"""An automaton pruned to the words whose first two characters occur in a text finds, in that
text, exactly what the automaton of all the words finds with ``iter_long``."""

from __future__ import annotations

import random

import ahocorasick
import pytest
from kg.loaders.utf8_automaton import iter_long

from kg.extract.pruned_automaton import WordIndex, pruned_automaton

# Characters sharing UTF-8 lead bytes (一 丁 七 万 中: E4 B8 ..) and others (甲, a): prefixes that end
# inside a character exist in the full trie and not in the pruned one.
ALPHABET = "一丁七万中甲a"


def full_automaton(words: list[str]) -> ahocorasick.Automaton:
    """The reference: every word, over characters."""
    automaton = ahocorasick.Automaton()
    for word in words:
        automaton.add_word(word, word)
    automaton.make_automaton()
    return automaton


def long_matches(automaton: ahocorasick.Automaton, text: str) -> list[tuple[int, str]]:
    return list(iter_long(automaton, text)) if len(automaton) else []


def random_word(rng: random.Random, low: int, high: int) -> str:
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(low, high)))


def test_pruned_walks_match_full_walks_on_random_words_and_texts() -> None:
    rng = random.Random(20260)
    pruned_some = 0
    for _ in range(3000):
        words = list({random_word(rng, 2, 5) for _ in range(rng.randint(1, 12))})
        text = random_word(rng, 0, 24)
        pruned = pruned_automaton(WordIndex(words), [text])
        pruned_some += len(pruned) < len(words)
        assert long_matches(pruned, text) == list(full_automaton(words).iter_long(text)), (words, text)
    assert pruned_some > 1000  # the comparison is about pruned automata, not copies of the full one


def test_a_walk_through_a_longer_word_that_is_not_in_the_text() -> None:
    # the walk runs on from 甲乙 into 甲乙丙丁 and meets the end of 丙丁 on the way: the pruned
    # automaton keeps 甲乙丙丁戊 (its prefix 甲乙 is in the text) and drops 戊己
    words = ["甲乙", "甲乙丙丁戊", "丙丁", "戊己"]
    text = "甲乙丙丁庚"
    pruned = pruned_automaton(WordIndex(words), [text])
    assert set(pruned.values()) == {"甲乙", "甲乙丙丁戊", "丙丁"}
    assert long_matches(pruned, text) == list(full_automaton(words).iter_long(text))


def test_extra_words_are_always_kept() -> None:
    pruned = pruned_automaton(WordIndex(["东莞市", "中山市"]), ["我市全市"], extra_words=["我市"])
    assert long_matches(pruned, "我市全市") == [(1, "我市")]


@pytest.mark.parametrize(
    ("texts", "kept"),
    [
        (["东莞市场监管"], ["东莞市"]),
        (["中山大学", "东方"], ["中山大学", "中山市"]),
        (["无关文本"], []),
    ],
)
def test_words_are_kept_by_their_first_two_characters(texts: list[str], kept: list[str]) -> None:
    pruned = pruned_automaton(WordIndex(["东莞市", "中山市", "中山大学", "广州"]), texts)
    assert sorted(pruned.values()) == sorted(kept) if kept else not len(pruned)
