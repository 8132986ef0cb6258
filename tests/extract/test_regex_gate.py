"""Gate words are accepted only when every match of the regex provably holds one of them."""

from __future__ import annotations

import re

import pytest

from kg.extract import claims
from kg.extract.regex_gate import gate_pattern, may_match, with_first_character_gate, word_gate
from kg.extract.rules.claims import CLAIM_CUES, CLAIM_GATE_WORDS, CLAIM_TRAILING_PREDICATE
from kg.extract.rules.outcomes import CHANGE_CUE, METRIC_TRAILING_NOISE
from kg.extract.rules.pilots import NAME_TRAILING, PILOT_ADVERBS


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


@pytest.mark.parametrize(
    ("pattern", "gated"),
    [
        (r"(?:分别)?(?:同比|环比)增长", True),
        (r"(?:工作|项目|的)+$", True),
        (r"^\s*x", True),
        (r"[a-c\d]?y", True),
        (r"a*", False),  # can match the empty string anywhere
        (r"[^a]b", False),
        (r"(?i)ab", False),
        (r".b", False),
        (r"(?<=a)b", False),
    ],
)
def test_first_character_gate(pattern: str, gated: bool) -> None:
    compiled = re.compile(pattern)
    assert (with_first_character_gate(compiled) is not compiled) == gated


def test_gated_patterns_find_what_the_plain_patterns_find(seed_docs: dict) -> None:
    """Every pattern the extractors gate, over every seed sentence: same search, finditer and sub."""
    from kg.extract import numbers, outcomes, pilots

    gated = [
        (outcomes._CHANGE, CHANGE_CUE + r"\s*$"),
        (outcomes._TRAILING, METRIC_TRAILING_NOISE),
        (claims._ANY_CUE, "|".join(f"(?:{pattern})" for _, pattern, _ in CLAIM_CUES)),
        (claims._TRAILING_PREDICATE, CLAIM_TRAILING_PREDICATE),
        (pilots._ADVERBS, PILOT_ADVERBS + "$"),
        (pilots._TRAILING, NAME_TRAILING),
        (with_first_character_gate(re.compile(numbers.QUANTITY_PATTERN)), numbers.QUANTITY_PATTERN),
    ]
    texts = [s.text for doc in seed_docs.values() for s in doc.sentences]
    texts += [t[i:] for t in texts[:300] for i in (1, 5)]  # clause tails, where the $ patterns end
    texts += [t[:i] for t in texts[:1000] for i, ch in enumerate(t) if ch.isdigit()]  # before numbers
    for gate, plain_pattern in gated:
        plain = re.compile(plain_pattern)
        assert gate.pattern.startswith("(?=[") and gate is not plain
        found = 0
        for text in texts:
            expected = [(m.span(), m.groups()) for m in plain.finditer(text)]
            assert [(m.span(), m.groups()) for m in gate.finditer(text)] == expected, (plain_pattern, text)
            assert gate.sub("", text) == plain.sub("", text)
            found += len(expected)
        assert found > 0, plain_pattern
