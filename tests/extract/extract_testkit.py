"""Test kit for extraction tests: jurisdictions and a document built from given sentences."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kg.loaders.model import Document, Jurisdiction, Section, Sentence

from kg.config import gold_dir

DONGGUAN = Jurisdiction("东莞市", "prefecture", "广东省", "441900")
ZHONGSHAN = Jurisdiction("中山市", "prefecture", "广东省", "442000")
XX_DISTRICT = Jurisdiction("XX区", "district", "浙江省", None, anonymized=True)


def one_sentence_doc(
    sentences: list[str], jurisdiction: Jurisdiction | None, kind: str = "reporting", year: int = 2020
) -> Document:
    """A document whose sentences all sit in one section of the given kind and year."""
    text = "".join(sentences)
    doc = Document(
        path="<test>", sha256="0" * 64, original_text=text, text=text, offsets=list(range(len(text) + 1))
    )
    doc.jurisdiction = jurisdiction
    doc.sections = [Section(0, "一、测试", "一、", 1, 0, len(text), kind=kind, year=year)]  # type: ignore[arg-type]
    pos = 0
    for i, s in enumerate(sentences):
        doc.sentences.append(Sentence(i, s, pos, pos + len(s), pos, pos + len(s), 0))
        pos += len(s)
    return doc


def require_gold() -> Path:
    """The gold annotations directory; missing gold fails the test in CI ($CI set) and skips elsewhere.

    A silent skip in CI would hide a broken checkout or a moved gold folder behind a green run.
    """
    gold = gold_dir()
    if not gold.is_dir():
        message = f"no gold annotations in {gold} (set KG_GOLD_DIR)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return gold
