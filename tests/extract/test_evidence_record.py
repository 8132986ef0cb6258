"""Extraction records: Evidence.of_span builds the same record as the dataclass constructor."""

from __future__ import annotations

import dataclasses

import pytest
from extract_testkit import DONGGUAN, one_sentence_doc

from kg.extract.model import Evidence


def test_evidence_of_span_equals_the_constructed_record() -> None:
    doc = one_sentence_doc(["全市新增市场主体22.7万户。"], DONGGUAN, "reporting")
    start, end = 4, 8
    made = Evidence.of_span(
        doc, start, end, sentence="s", sentence_index=3, section_path="一、 > （一）", rule="r",
        confidence=0.7,
    )
    orig_start, orig_end = doc.to_orig(start, end)
    expected = Evidence("s", 3, "一、 > （一）", start, end, orig_start, orig_end, "r", 0.7)
    assert made == expected and hash(made) == hash(expected) and repr(made) == repr(expected)
    fields = {f.name: getattr(expected, f.name) for f in dataclasses.fields(Evidence)}
    assert {name: getattr(made, name) for name in fields} == fields
    if hasattr(made, "__dict__"):  # pure Python: filled through __dict__, which holds nothing else
        assert vars(made) == fields
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.start = 0  # type: ignore[misc]
