"""Matching over UTF-8 units finds what pyahocorasick's iter_long finds over characters."""

from __future__ import annotations

import ahocorasick
import pytest
from kg.loaders import utf8_automaton

# Names where a longer name's prefix fails over to a shorter name (湖南益阳… → 益阳), names
# sharing prefixes, a Latin/digit name, and a blocking word around a place.
WORDS = [
    "湖南益阳高新区", "益阳", "益阳市", "阳高县", "松山湖", "松山", "山湖", "12315", "新登", "新登记", "东城",
]
TEXTS = [
    "湖南益阳高新区",
    "湖南益阳需要",  # 需 shares its first UTF-8 byte with 高: the walk must still fail over to 益阳
    "湖南益阳",
    "湖南益阳高新",
    "湖南益阳市场",
    "益阳高县",
    "松山湖松山东城",
    "拨打12315热线，新登记市场主体",
    "新登农贸市场𠀀东城",  # a character outside the BMP (four UTF-8 bytes)
    "no match here",
    "",
]


def _automata(words: list[str]) -> tuple[ahocorasick.Automaton, ahocorasick.Automaton]:
    chars, units = ahocorasick.Automaton(), ahocorasick.Automaton()
    for word in words:
        chars.add_word(word, word)
        utf8_automaton.add_word(units, word)
    chars.make_automaton()
    units.make_automaton()
    return chars, units


@pytest.mark.parametrize("text", TEXTS)
def test_units_match_like_characters(text: str) -> None:
    chars, units = _automata(WORDS)
    assert list(utf8_automaton.iter_long(units, text)) == list(chars.iter_long(text))


def test_offsets_are_character_offsets() -> None:
    _, units = _automata(WORDS)
    assert list(utf8_automaton.iter_long(units, "在东城和松山湖")) == [(2, "东城"), (6, "松山湖")]
