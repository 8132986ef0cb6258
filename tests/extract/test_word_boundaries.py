"""Word boundaries as jieba cuts, knowing one document's short names and no other document's:
the same boundaries as a jieba tokenizer given those words with ``add_word``, and a document's
places do not depend on what the process extracted before."""

from __future__ import annotations

from functools import lru_cache

import jieba
import pytest
from extract_testkit import one_sentence_doc
from kg.loaders import load
from kg.loaders.model import Document, Jurisdiction

from kg.config import seeds_dir
from kg.extract.places import PlaceFinder, _local_index
from kg.extract.rules.places import SHORT_NAME_FREQUENCY
from kg.extract.word_boundaries import HAN_RUN, SKIP, WordBoundaries, run_word_ends

# Real sentence of seed 004. 新市场 is a township short name of 保定 (新市场街道), and a word of this
# sentence only if jieba cuts 创/新市场: it does once 创新 (盘锦) and 市场 (沧州) were registered as
# short names at their modest frequency, lowering those common words.
SENTENCE = "创新市场经管体制,全区18家农贸市场,已有13家完成移交"
BAODING = Jurisdiction("保定市", "prefecture", "河北省", "130600")
PANJIN = Jurisdiction("盘锦市", "prefecture", "辽宁省", "211100")
CANGZHOU = Jurisdiction("沧州市", "prefecture", "河北省", "130900")


@lru_cache(maxsize=1)
def _jieba_dictionary() -> tuple[dict[str, int], int]:
    tokenizer = jieba.Tokenizer()
    tokenizer.initialize()
    return tokenizer.FREQ, tokenizer.total


@lru_cache(maxsize=4)
def jieba_with(words: frozenset[str], frequency: int = SHORT_NAME_FREQUENCY) -> jieba.Tokenizer:
    """A jieba tokenizer of its base dictionary plus ``words``, added by jieba's own add_word."""
    freq, total = _jieba_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ, tokenizer.total, tokenizer.initialized = dict(freq), total, True
    for word in sorted(words):
        tokenizer.add_word(word, freq=frequency)
    return tokenizer


def jieba_boundaries(text: str, words: frozenset[str]) -> set[int]:
    """Every offset where jieba's ``lcut(text, HMM=False)`` ends a token (and 0)."""
    bounds, pos = {0}, 0
    for token in jieba_with(words).lcut(text, HMM=False):
        pos += len(token)
        bounds.add(pos)
    return bounds


def test_the_patterns_are_jiebas() -> None:
    assert HAN_RUN.pattern == jieba.re_han_default.pattern
    assert SKIP.pattern == jieba.re_skip_default.pattern


def places_of(jurisdiction: Jurisdiction) -> list[tuple[str, int]]:
    """The places a one-sentence document of ``jurisdiction`` finds in SENTENCE."""
    finder = PlaceFinder(one_sentence_doc([SENTENCE], jurisdiction))
    return [(m.ref.name, m.start) for m in finder.find(SENTENCE)]


def test_the_earlier_jurisdictions_would_change_the_segmentation() -> None:
    """The case is real: with every short name of the three jurisdictions, 新市场 becomes a word."""
    words = frozenset().union(*(_local_index(j).short_names for j in (BAODING, PANJIN, CANGZHOU)))
    assert WordBoundaries(SENTENCE, words, SHORT_NAME_FREQUENCY).is_word(1, 4)
    assert "新市场" in jieba_with(words).lcut(SENTENCE, HMM=False)
    alone = WordBoundaries(SENTENCE, _local_index(BAODING).short_names, SHORT_NAME_FREQUENCY)
    assert not alone.is_word(1, 4)  # with 保定's short names only: 创新/市场


def test_a_document_finds_the_same_places_after_other_jurisdictions_as_alone() -> None:
    alone = places_of(BAODING)
    assert ("新市场街道", 1) not in alone  # 创新/市场: 新市场 is no word of this sentence
    for earlier in (PANJIN, CANGZHOU):
        places_of(earlier)  # each with its own short names (创新, 市场 are among them)
    assert places_of(BAODING) == alone


# Real sentences with short names in runs of characters between punctuation, letters and digits;
# the last ones cross runs (a name with a middle dot, a CRLF), which segments the whole text.
SEGMENTED = [
    "松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”",
    "东城有序推进知识产权服务业示范区建设，松山湖谋划打造科学城知识产权国际中心",
    "2022年，全市新登记市场主体15.3万户，新登镇农贸市场完成改造。",
    "新登·东城\r\n共建A3B区 x y 松山湖",
]


@pytest.mark.parametrize("sentence", SEGMENTED)
def test_word_boundaries_are_those_of_jieba_on_the_whole_sentence(sentence: str) -> None:
    short_names = frozenset({"松山湖", "东城", "新登", "登·东"})
    words = WordBoundaries(sentence, short_names, SHORT_NAME_FREQUENCY)
    whole = jieba_boundaries(sentence, short_names)
    for start in range(len(sentence)):
        for end in range(start + 1, len(sentence) + 1):
            expected = start in whole and end in whole
            assert words.is_word(start, end) == expected, sentence[start:end]


@pytest.fixture(scope="module")
def seed_documents() -> list[Document]:
    return [load(str(path)) for path in sorted(seeds_dir().glob("*.txt"))]


def test_every_seed_sentence_is_cut_as_jieba_cuts_it(seed_documents: list[Document]) -> None:
    """All sentences of the seeds, with their own jurisdiction's short names and with another's
    (the extra words override dictionary words such as 创新 and 市场, and change jieba's total)."""
    compared = 0
    for doc in seed_documents:
        for jurisdiction in (doc.jurisdiction, BAODING):
            words = _local_index(jurisdiction).short_names
            for sentence in doc.sentences:
                text = sentence.text
                found = WordBoundaries(text, words, SHORT_NAME_FREQUENCY)._text_boundaries()
                assert found == jieba_boundaries(text, words), text
                compared += 1
    assert compared > 1000


@pytest.mark.parametrize("run", ["着力规范系统内部管理", "企业数量均居全省地级市第1", "小三定"])
def test_the_extra_words_raise_the_total_as_in_jieba(run: str) -> None:
    """add_word raises jieba's total, which favours routes of fewer words: with ten words that are
    not in these real runs, at 10**11 each, the runs are cut into fewer words, as jieba cuts them."""
    words = frozenset(f"外{chr(0x4E00 + i)}词" for i in range(10))
    expected, pos = [], 0
    for token in jieba_with(words, 10**11).lcut(run, HMM=False):
        pos += len(token)
        expected.append(pos)
    assert run_word_ends(run, words, 10**11) == expected
    assert run_word_ends(run, frozenset(), SHORT_NAME_FREQUENCY) != expected
