"""jieba's base dictionary as one Aho-Corasick automaton, cached on disk.

jieba keeps its dictionary as a dict of 500,000 entries (every word and every prefix of one),
unmarshalled on start-up: most of a second, paid by every ingest before its workers start, and
dict entries whose reference counts forked workers write to. The segmentation of
:mod:`kg.extract.word_boundaries` needs only the words that have a frequency, and their
frequencies: a pyahocorasick automaton with integer values holds them in C memory, finds every
word of a text in one pass, and unpickles ten times faster.

The cache file is keyed by jieba's dictionary file (size, mtime), this module's code and the
Python and pyahocorasick builds, written whole (:func:`kg.cachefile.write_cache_file`) and
rebuilt from jieba itself when it is missing or unreadable, so it always holds what jieba
would load.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
import pickle
import sys
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

from kg.cachefile import cache_dir, write_cache_file
from kg.loaders.utf8_automaton import utf8_units

CACHE_FORMAT = 1
CACHE_PREFIX = "jieba-words-"  # + a digest of what the cache is made from (see _cache_path)
# A cache no process has read for this long is removed by the next rebuild. Not at once: two
# environments (a project venv and a notebook's, each its own jieba and pyahocorasick) have caches
# of their own, and removing the other's made each switch rebuild (2.5 s).
UNUSED_FOR = 7 * 24 * 3600.0  # seconds
JIEBA_DICTIONARY = "dict.txt"  # jieba's DEFAULT_DICT_NAME, inside the jieba package

# A word's value is ``frequency << LENGTH_BITS | its length in UTF-8 units``: the automaton
# reports where a word ends, and the length says where it starts (jieba's longest is 48 units).
LENGTH_BITS = 8
LENGTH_MASK = (1 << LENGTH_BITS) - 1


@dataclass(frozen=True)
class WordDictionary:
    """The words of jieba's dictionary that have a frequency, and jieba's total."""

    automaton: ahocorasick.Automaton  # over UTF-8 units (kg.loaders.utf8_automaton), STORE_INTS
    total: int  # jieba's ``Tokenizer.total``: the sum of the frequencies of the dictionary's lines


def word_value(units: str, frequency: int) -> int:
    """The automaton value of a word of ``units`` UTF-8 units (see LENGTH_BITS)."""
    if len(units) > LENGTH_MASK:
        raise ValueError(f"a dictionary word longer than {LENGTH_MASK} UTF-8 units: {units!r}")
    return frequency << LENGTH_BITS | len(units)


@lru_cache(maxsize=1)
def base_dictionary() -> WordDictionary:
    """The process's copy of jieba's dictionary: from the cache file, else built and cached."""
    path = _cache_path(jieba_dictionary_file())
    dictionary = _read_cache(path)
    if dictionary is not None:
        with contextlib.suppress(OSError):
            os.utime(path)  # in use: see UNUSED_FOR
    else:
        dictionary = _from_jieba()
        data = (CACHE_FORMAT, dictionary.total, dictionary.automaton)
        if write_cache_file(path, pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)):
            _remove_stale_caches(path)
    return dictionary


def _remove_stale_caches(current: Path) -> None:
    """Delete the caches of other dictionaries or code (43 MB each) that no process has read for
    :data:`UNUSED_FOR`: one edit of this module would otherwise leave one behind for good. Best
    effort, like every cache write."""
    unused_since = time.time() - UNUSED_FOR
    for stale in current.parent.glob(f"{CACHE_PREFIX}*.pickle"):
        with contextlib.suppress(OSError):
            if stale != current and stale.stat().st_mtime < unused_since:
                stale.unlink()


def jieba_dictionary_file() -> Path:
    """jieba's dictionary file, found without importing jieba (its import costs a sixth of a second)."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jieba is not installed; it provides the word dictionary")
    return Path(next(iter(spec.submodule_search_locations))) / JIEBA_DICTIONARY


def _cache_path(source: Path) -> Path:
    """The cache file of the dictionary ``source``: named by a digest of what the cached
    automaton is made from and by (the dictionary file, this module's code, the Python and
    pyahocorasick builds: a pickled automaton belongs to the extension module that made it)."""
    digest = hashlib.sha256(f"regkg-jieba-words-{CACHE_FORMAT}\0{sys.version}\0".encode())
    for path in (source, Path(ahocorasick.__file__ or "")):
        if path.is_file():
            stat = path.stat()
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    digest.update(Path(__file__).read_bytes())  # the code by its bytes: checkouts of it share the cache
    return cache_dir() / f"{CACHE_PREFIX}{digest.hexdigest()[:32]}.pickle"


def _read_cache(path: Path) -> WordDictionary | None:
    """The cached dictionary, or None when there is none or it cannot be read whole."""
    try:
        with path.open("rb") as handle:
            version, total, automaton = pickle.load(handle)
    except Exception:  # missing, truncated or foreign: any unreadable cache is rebuilt
        return None
    if version != CACHE_FORMAT or not isinstance(total, int):
        return None
    if not isinstance(automaton, ahocorasick.Automaton):
        return None
    return WordDictionary(automaton, total)


def _from_jieba() -> WordDictionary:
    """Load jieba's dictionary the way jieba does, and keep its words with a frequency."""
    import jieba  # only here: a warm cache never imports jieba

    jieba.setLogLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
    for word, frequency in tokenizer.FREQ.items():
        if frequency > 0:  # the others are prefixes jieba adds to stop its scans
            units = utf8_units(word)
            automaton.add_word(units, word_value(units, frequency))
    automaton.make_automaton()
    return WordDictionary(automaton, tokenizer.total)
