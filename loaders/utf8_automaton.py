"""Aho-Corasick automata over UTF-8 code units: the same longest matches, found several times faster.

pyahocorasick finds a trie node's child by a linear scan of its children. Over characters, the
root of a place-name trie has about a thousand children (every first character of a name),
and every character of a sentence that starts no name scans them all. Over UTF-8 bytes (each
byte stored as one latin-1 character) no node has more than a few dozen children.

The matches are the same as over characters, with pyahocorasick's ``iter_long`` (2.3.1):
UTF-8 is self-synchronising (lead and continuation bytes differ), so a word's bytes match only
at character boundaries; the nodes in the middle of a character are never word ends and never
fail over to a word end, so ``iter_long`` remembers, fails over and restarts at the same
character-aligned nodes and positions as over characters. ``tests/loaders/test_utf8_automaton.py``
compares both on names that fail over to shorter names. Used by the gazetteer (loaders/divisions.py)
and the place finder of extraction (kg/extract/places.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import ahocorasick


def utf8_units(text: str) -> str:
    """``text`` as its UTF-8 bytes, one latin-1 character per byte: the alphabet of the automata."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


def from_utf8_units(units: str) -> str:
    """The inverse of :func:`utf8_units`."""
    return units.encode("latin-1").decode("utf-8", "surrogatepass")


def add_word(automaton: ahocorasick.Automaton, word: str, value: Any = None) -> None:
    """Add ``word`` in UTF-8 units, with ``value`` (default: the word itself)."""
    automaton.add_word(utf8_units(word), word if value is None else value)


def iter_long(automaton: ahocorasick.Automaton, text: str) -> Iterator[tuple[int, Any]]:
    """``automaton.iter_long`` over ``text`` for an automaton built with :func:`add_word`:
    ``(index of the last character, value)`` of each leftmost-longest match, in character offsets."""
    units = utf8_units(text)
    if len(units) == len(text):  # ASCII: units are characters
        yield from automaton.iter_long(units)
        return
    char_end = unit_end = 0
    for end, value in automaton.iter_long(units):
        # unit offsets to character offsets, decoding only the stretch since the previous match
        char_end += len(from_utf8_units(units[unit_end : end + 1]))
        unit_end = end + 1
        yield char_end - 1, value
