"""A document's place automaton, pruned to the names that can match in its sentences (over UTF-8
units), matches the same way as an automaton built from scratch over the characters of every name."""

from __future__ import annotations

from urllib.parse import quote

import ahocorasick
import pytest
from extract_testkit import one_sentence_doc
from kg.loaders.model import Jurisdiction
from kg.loaders.utf8_automaton import iter_long

from kg.extract.places import (
    PlaceFinder,
    _local_index,
    _national_refs,
    _percent_encoded,
)
from kg.extract.rules.places import NON_PLACE_WORDS

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


def full_automaton(jurisdiction: Jurisdiction | None) -> ahocorasick.Automaton:
    """Every name the jurisdiction's documents can match, over characters."""
    fresh = ahocorasick.Automaton()
    for name in (*_national_refs(), *NON_PLACE_WORDS, *_local_index(jurisdiction).names):
        fresh.add_word(name, name)
    fresh.make_automaton()
    return fresh


@pytest.mark.parametrize("jurisdiction", JURISDICTIONS, ids=lambda j: j.name if j else "none")
def test_pruned_index_matches_like_a_full_automaton(jurisdiction: Jurisdiction | None) -> None:
    finder = PlaceFinder(one_sentence_doc(SENTENCES, jurisdiction))
    pruned = finder._automaton
    assert len(pruned) < len(_national_refs()) / 10  # pruned to the names these sentences can hold
    fresh = full_automaton(jurisdiction)
    for sentence in SENTENCES:
        assert list(iter_long(pruned, sentence)) == list(fresh.iter_long(sentence))


def test_pruned_index_matches_like_a_full_automaton_on_every_seed_sentence(seed_docs: dict) -> None:
    for doc in seed_docs.values():
        finder = PlaceFinder(doc)
        fresh = full_automaton(doc.jurisdiction)
        for sentence in doc.sentences:
            assert list(iter_long(finder._automaton, sentence.text)) == list(fresh.iter_long(sentence.text))


def test_a_text_that_is_no_sentence_of_the_document_gets_its_own_names() -> None:
    finder = PlaceFinder(one_sentence_doc(["无关"], JURISDICTIONS[1]))
    assert [m.ref.name for m in finder.find("与广州、深圳并列全省第一")] == ["广州市", "深圳市"]


@pytest.mark.parametrize("name", ["厚街镇", "松山湖管委会", "𠀀区", "a镇", "X/Y区", "ﬁ镇", ""])
def test_percent_encoding_is_urllib_quote(name: str) -> None:
    assert _percent_encoded(name) == quote(name)


def test_one_pass_over_all_sentences_finds_what_each_sentence_alone_finds(seed_docs: dict) -> None:
    """find_all joins the sentences by line breaks: no match crosses into the next sentence, and
    every mention keeps its offsets in its own sentence."""
    found = 0
    for doc in seed_docs.values():
        texts = [sentence.text for sentence in doc.sentences]
        together = PlaceFinder(doc).find_all(texts)
        alone = PlaceFinder(doc)
        assert together == [alone.find(text) for text in texts]
        found += sum(map(len, together))
    assert found > 100
