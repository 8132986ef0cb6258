"""The per-jurisdiction place index built from the pickled national trie (over UTF-8 units) matches
the same way as an automaton built from scratch over the characters of the same names."""

from __future__ import annotations

from urllib.parse import quote

import ahocorasick
import pytest
from kg.loaders.model import Jurisdiction
from kg.loaders.utf8_automaton import iter_long

from kg.extract.places import (
    _name_index,
    _percent_encoded,
    _register_short_names,
    _segmenter,
    _WordBoundaries,
)

JURISDICTIONS = [
    None,
    Jurisdiction("东莞市", "prefecture", "广东省", "441900"),
    Jurisdiction("中山市", "prefecture", "广东省", "442000"),
    Jurisdiction("深圳市", "prefecture", "广东省", "440300"),
    Jurisdiction("XX区", "district", "浙江省", None, anonymized=True),
]

# Real sentences of the seeds: township short names (松山湖, 东城, 厚街), 全市, and 新登记 (where
# 新登 must not be read as a place).
SENTENCES = [
    "松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”",
    "东城有序推进知识产权服务业示范区建设，松山湖谋划打造科学城知识产权国际中心",
    "厚街率先创建“质量变革战略示范镇”。",
    "“十三五”期间，全市新登记市场主",
]


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS, ids=lambda j: j.name if j else "none")
def test_index_matches_like_a_fresh_automaton(jurisdiction: Jurisdiction | None) -> None:
    names, automaton, _ = _name_index(jurisdiction)
    fresh = ahocorasick.Automaton()  # over characters
    for name in names:
        fresh.add_word(name, name)
    fresh.make_automaton()
    assert set(automaton.values()) == set(names)
    for sentence in SENTENCES:
        assert list(iter_long(automaton, sentence)) == list(fresh.iter_long(sentence))


# Real sentences with short names in runs of characters between punctuation, letters and digits.
SEGMENTED = [
    "松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”",
    "东城有序推进知识产权服务业示范区建设，松山湖谋划打造科学城知识产权国际中心",
    "2022年，全市新登记市场主体15.3万户，新登镇农贸市场完成改造。",
]


@pytest.mark.parametrize("sentence", SEGMENTED)
def test_word_boundaries_of_a_run_are_those_of_the_whole_sentence(sentence: str) -> None:
    short_names = frozenset({"松山湖", "东城", "新登"})
    _register_short_names(short_names)
    words = _WordBoundaries(sentence)
    whole, pos = {0}, 0
    for token in _segmenter().lcut(sentence, HMM=False):
        pos += len(token)
        whole.add(pos)
    for start in range(len(sentence)):
        for end in range(start + 1, len(sentence) + 1):
            expected = start in whole and end in whole
            assert words.is_word(start, end) == expected, sentence[start:end]


@pytest.mark.parametrize("name", ["厚街镇", "松山湖管委会", "𠀀区", "a镇", "X/Y区", "ﬁ镇", ""])
def test_percent_encoding_is_urllib_quote(name: str) -> None:
    assert _percent_encoded(name) == quote(name)
