"""Word boundaries by jieba, knowing one document's short names and no other document's: a
document's places do not depend on what the process extracted before."""

from __future__ import annotations

import pytest
from extract_testkit import one_sentence_doc
from kg.loaders.model import Jurisdiction

from kg.extract.places import PlaceFinder, _local_index
from kg.extract.rules.places import SHORT_NAME_FREQUENCY
from kg.extract.word_boundaries import WordBoundaries, document_segmenter

# Real sentence of seed 004. 新市场 is a township short name of 保定 (新市场街道), and a word of this
# sentence only if jieba cuts 创/新市场: it does once 创新 (盘锦) and 市场 (沧州) were registered as
# short names at their modest frequency, lowering those common words.
SENTENCE = "创新市场经管体制,全区18家农贸市场,已有13家完成移交"
BAODING = Jurisdiction("保定市", "prefecture", "河北省", "130600")
PANJIN = Jurisdiction("盘锦市", "prefecture", "辽宁省", "211100")
CANGZHOU = Jurisdiction("沧州市", "prefecture", "河北省", "130900")


def places_of(jurisdiction: Jurisdiction) -> list[tuple[str, int]]:
    """The places a one-sentence document of ``jurisdiction`` finds in SENTENCE."""
    finder = PlaceFinder(one_sentence_doc([SENTENCE], jurisdiction))
    return [(m.ref.name, m.start) for m in finder.find(SENTENCE)]


def test_the_earlier_jurisdictions_would_change_the_segmentation() -> None:
    """The case is real: with every short name of the three jurisdictions, 新市场 becomes a word."""
    words = frozenset().union(*(_local_index(j).short_names for j in (BAODING, PANJIN, CANGZHOU)))
    tokenizer = document_segmenter().with_words(words, SHORT_NAME_FREQUENCY)
    assert "新市场" in tokenizer.lcut(SENTENCE, HMM=False)
    alone = WordBoundaries(SENTENCE, _local_index(BAODING).short_names, SHORT_NAME_FREQUENCY)
    assert not alone.is_word(1, 4)  # with 保定's short names only: 创新/市场


def test_a_document_finds_the_same_places_after_other_jurisdictions_as_alone() -> None:
    alone = places_of(BAODING)
    assert ("新市场街道", 1) not in alone  # 创新/市场: 新市场 is no word of this sentence
    for earlier in (PANJIN, CANGZHOU):
        places_of(earlier)  # each registers its short names (创新, 市场 are among them)
    assert places_of(BAODING) == alone


def test_switching_back_restores_jiebas_dictionary_exactly() -> None:
    segmenter = document_segmenter()
    tokenizer = segmenter.with_words(frozenset(), SHORT_NAME_FREQUENCY)
    freq, total = dict(tokenizer.FREQ), tokenizer.total
    segmenter.with_words(frozenset({"创新", "新市场", "松山湖镇区"}), SHORT_NAME_FREQUENCY)
    assert tokenizer.FREQ["创新"] == SHORT_NAME_FREQUENCY and tokenizer.total != total
    segmenter.with_words(frozenset(), SHORT_NAME_FREQUENCY)
    assert tokenizer.FREQ == freq and tokenizer.total == total


# Real sentences with short names in runs of characters between punctuation, letters and digits.
SEGMENTED = [
    "松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”",
    "东城有序推进知识产权服务业示范区建设，松山湖谋划打造科学城知识产权国际中心",
    "2022年，全市新登记市场主体15.3万户，新登镇农贸市场完成改造。",
]


@pytest.mark.parametrize("sentence", SEGMENTED)
def test_word_boundaries_of_a_run_are_those_of_the_whole_sentence(sentence: str) -> None:
    short_names = frozenset({"松山湖", "东城", "新登"})
    words = WordBoundaries(sentence, short_names, SHORT_NAME_FREQUENCY)
    whole, pos = {0}, 0
    for token in document_segmenter().with_words(short_names, SHORT_NAME_FREQUENCY).lcut(sentence, HMM=False):
        pos += len(token)
        whole.add(pos)
    for start in range(len(sentence)):
        for end in range(start + 1, len(sentence) + 1):
            expected = start in whole and end in whole
            assert words.is_word(start, end) == expected, sentence[start:end]


def test_the_words_are_added_as_jiebas_add_word_adds_them() -> None:
    segmenter = document_segmenter()
    tokenizer = segmenter.with_words(frozenset(), SHORT_NAME_FREQUENCY)
    base = dict(tokenizer.FREQ)
    words = _local_index(BAODING).short_names | {"创新", "新市场街道办", "𠀀𠀁区"}
    segmenter.with_words(words, SHORT_NAME_FREQUENCY)
    switched, switched_total = dict(tokenizer.FREQ), tokenizer.total
    segmenter.with_words(frozenset(), SHORT_NAME_FREQUENCY)
    total = tokenizer.total
    try:
        for word in sorted(words):
            tokenizer.add_word(word, freq=SHORT_NAME_FREQUENCY)
        assert switched == tokenizer.FREQ and switched_total == tokenizer.total
    finally:  # the segmenter holds the base dictionary again
        tokenizer.FREQ.clear()
        tokenizer.FREQ.update(base)
        tokenizer.total = total
