"""Gate words are accepted only when every match of the regex provably holds one of them."""

from __future__ import annotations

import re

import pytest

from kg.extract import claims
from kg.extract.regex_gate import gate_pattern, may_match, word_gate
from kg.extract.rules.claims import CLAIM_GATE_WORDS


@pytest.mark.parametrize(
    ("pattern", "words", "proved"),
    [
        (r"全国首个|率先全省", ("首", "率先"), True),
        (r"(?:全国|全省)(?:首个|首批)", ("首",), True),
        (r"在[\u4e00-\u9fff]{1,5}省(?:率先|首[个家])", ("率先", "首"), True),
        (r"[一二三\d]+个全省率先", ("率先",), True),
        (r"(?:首|第一)+", ("首", "第一"), True),
        (r"[首第]", ("首", "第"), True),
        (r"全国首个|国内领先", ("首",), False),  # 国内领先 holds no gate word
        (r"(?:首个)?率先", ("首",), False),  # the word is optional
        (r"首?", ("首",), False),
        (r"[首第]", ("首",), False),
        (r"[^首]", ("首",), False),
        (r"首", ("首个",), False),  # a word longer than the match
        (r"(?i)abc", ("abc",), False),  # case-insensitive: `in` would miss ABC
        (r"(?i:ab)c", ("ab",), False),
        (r"首", (), False),
    ],
)
def test_gate_words_are_proved_on_the_regex(pattern: str, words: tuple[str, ...], proved: bool) -> None:
    assert (word_gate(re.compile(pattern), words) is not None) == proved


def test_no_gate_lets_every_text_through() -> None:
    assert may_match(None, "anything")
    assert not may_match(("首",), "其他")
    assert may_match(("首", "率先"), "在全省率先")


def test_the_claim_cues_are_gated() -> None:
    # a new cue without a gate word would silently drop the gate (correct but slow): caught here
    assert word_gate(claims._ANY_CUE, CLAIM_GATE_WORDS) == CLAIM_GATE_WORDS


def test_every_seed_sentence_with_a_cue_passes_the_gate(seed_docs: dict) -> None:
    gate = word_gate(claims._ANY_CUE, CLAIM_GATE_WORDS)
    cued = [s.text for doc in seed_docs.values() for s in doc.sentences if claims._ANY_CUE.search(s.text)]
    assert cued and all(may_match(gate, text) for text in cued)


def test_the_gate_pattern_says_what_may_match_says(seed_docs: dict) -> None:
    texts = [s.text for doc in seed_docs.values() for s in doc.sentences] + ["", "首", "第 一"]
    for gate in (CLAIM_GATE_WORDS, ("首",), ("a.b", "率先"), None):
        pattern = gate_pattern(gate)
        verdicts = [pattern.search(text) is not None for text in texts]
        assert verdicts == [may_match(gate, text) for text in texts]
        assert any(verdicts)
    assert not all(gate_pattern(CLAIM_GATE_WORDS).search(text) for text in texts)
