"""jieba's dictionary as a cached automaton: built once, read back whole, rebuilt when unreadable."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import ahocorasick
import pytest
from kg.loaders.utf8_automaton import utf8_units

from kg.extract import word_dictionary
from kg.extract.word_dictionary import LENGTH_BITS, WordDictionary, base_dictionary, word_value

WORDS = {"市场": 5000, "监管": 3000, "松山湖": 20}


def small_dictionary() -> WordDictionary:
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word, frequency in WORDS.items():
        automaton.add_word(utf8_units(word), word_value(utf8_units(word), frequency))
    automaton.make_automaton()
    return WordDictionary(automaton, sum(WORDS.values()))


@pytest.fixture
def builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """A cache folder of its own and a small dictionary 'from jieba'; yields the builds made."""
    made: list[int] = []

    def build() -> WordDictionary:
        made.append(1)
        return small_dictionary()

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(word_dictionary, "_from_jieba", build)
    base_dictionary.cache_clear()
    yield made
    base_dictionary.cache_clear()  # the next user loads the real dictionary again


def frequencies(dictionary: WordDictionary) -> dict[str, int]:
    return {word: dictionary.automaton.get(utf8_units(word)) >> LENGTH_BITS for word in WORDS}


def test_the_dictionary_is_built_once_and_then_read_from_its_cache(builds: list[int], tmp_path: Path) -> None:
    first = base_dictionary()
    assert builds == [1] and len(list(tmp_path.iterdir())) == 1
    base_dictionary.cache_clear()
    again = base_dictionary()
    assert builds == [1]  # read back, not rebuilt
    assert again.total == first.total == sum(WORDS.values())
    assert frequencies(again) == WORDS


def test_an_unreadable_cache_is_rebuilt(builds: list[int], tmp_path: Path) -> None:
    base_dictionary()
    (cached,) = tmp_path.iterdir()
    cached.write_bytes(cached.read_bytes()[:100])  # cut short, as by a full disk
    base_dictionary.cache_clear()
    assert frequencies(base_dictionary()) == WORDS
    assert builds == [1, 1]


def test_a_word_value_holds_frequency_and_length() -> None:
    units = utf8_units("松山湖")
    value = word_value(units, 20)
    assert (value >> LENGTH_BITS, value & ((1 << LENGTH_BITS) - 1)) == (20, 9)
    with pytest.raises(ValueError):
        word_value("x" * (1 << LENGTH_BITS), 1)


def test_a_rebuild_removes_the_caches_no_process_read_for_a_week(builds: list[int], tmp_path: Path) -> None:
    stale = tmp_path / f"{word_dictionary.CACHE_PREFIX}0123456789abcdef.pickle"
    stale.write_bytes(b"an older dictionary")
    long_ago = time.time() - word_dictionary.UNUSED_FOR - 60
    os.utime(stale, (long_ago, long_ago))
    other_venv = tmp_path / f"{word_dictionary.CACHE_PREFIX}fedcba9876543210.pickle"
    other_venv.write_bytes(b"another environment's dictionary, read yesterday")
    unrelated = tmp_path / "divisions-v1-1-2.pickle"
    unrelated.write_bytes(b"another cache")
    os.utime(unrelated, (long_ago, long_ago))
    base_dictionary()
    current = word_dictionary._cache_path(word_dictionary.jieba_dictionary_file())
    kept = sorted(p.name for p in tmp_path.iterdir())
    assert kept == sorted([current.name, other_venv.name, unrelated.name])


def test_reading_the_cache_marks_it_in_use(builds: list[int], tmp_path: Path) -> None:
    base_dictionary()
    (cached,) = tmp_path.iterdir()
    long_ago = time.time() - word_dictionary.UNUSED_FOR - 60
    os.utime(cached, (long_ago, long_ago))
    base_dictionary.cache_clear()
    base_dictionary()
    assert builds == [1] and cached.stat().st_mtime > long_ago + 60
