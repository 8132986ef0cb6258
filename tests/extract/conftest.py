"""Fixtures for extraction tests (the builders live in extract_testkit.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from extract_testkit import DONGGUAN, one_sentence_doc
from kg.loaders.model import Jurisdiction

from kg.extract.context import SentenceContext, sentence_contexts


@pytest.fixture
def make_ctx() -> Callable[..., SentenceContext]:
    """make_ctx(sentence, jurisdiction=DONGGUAN, kind='reporting', previous=None) → the sentence's context."""

    def build(
        sentence: str,
        jurisdiction: Jurisdiction | None = DONGGUAN,
        kind: str = "reporting",
        previous: str | None = None,
    ) -> SentenceContext:
        sentences = [previous, sentence] if previous else [sentence]
        doc = one_sentence_doc(sentences, jurisdiction, kind)
        return sentence_contexts(doc, [])[-1]

    return build
