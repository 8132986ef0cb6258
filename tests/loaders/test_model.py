"""The loaders' records behave as the dataclasses they are declared as."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest
from kg.loaders.model import Sentence

import kg


@pytest.mark.skipif(kg.CODE == "compiled", reason="a compiled __init__ has no inspectable signature")
def test_sentence_init_takes_the_fields_in_declaration_order_with_their_defaults() -> None:
    parameters = list(inspect.signature(Sentence.__init__).parameters.values())[1:]
    fields = dataclasses.fields(Sentence)
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]


def test_sentence_sets_every_field_and_stays_frozen() -> None:
    values = (3, "全面推进企业开办全程网上办。", 10, 24, 12, 26, 1, "reporting", 2020)
    sentence = Sentence(*values)
    assert dataclasses.astuple(sentence) == values
    assert sentence == Sentence(*values) and hash(sentence) == hash(Sentence(*values))
    assert sentence != Sentence(*values[:-1], 2021)
    assert pickle.loads(pickle.dumps(sentence)) == sentence
    assert Sentence(*values[:7]).kind is None and Sentence(*values[:7]).year is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        sentence.text = "改"  # type: ignore[misc]
