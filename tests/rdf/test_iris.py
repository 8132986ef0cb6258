"""Stable IRIs: same input, same IRI; different key, different IRI."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kg
from kg.rdf.iris import agency_iri, assertion_iri, doc_id, document_iri, evidence_iri_text, place_iri

SHA = "b7fed75f1054aa9a" + "0" * 48


def test_document_iri_is_first_16_hex_of_sha() -> None:
    assert str(document_iri(SHA)) == "https://w3id.org/regkg/id/doc/b7fed75f1054aa9a"
    assert doc_id(SHA.upper()) == "b7fed75f1054aa9a"


@pytest.mark.parametrize(
    ("name", "code", "parent", "expected"),
    [
        ("东莞市", "441900", "440000", "place/441900"),
        ("厚街镇", None, "441900", "place/x/441900/%E5%8E%9A%E8%A1%97%E9%95%87"),
        ("XX区", None, None, "place/x/cn/XX%E5%8C%BA"),
    ],
)
def test_place_iri(name: str, code: str | None, parent: str | None, expected: str) -> None:
    assert str(place_iri(name, code, parent)) == "https://w3id.org/regkg/id/" + expected


def test_agency_iri_quotes_the_name() -> None:
    assert str(agency_iri("东莞市市场监管局")).startswith("https://w3id.org/regkg/id/agency/%E4%B8%9C")


def test_assertion_iri_depends_on_document_kind_and_key() -> None:
    first = assertion_iri(SHA, "Pilot", "厚街", "明厨亮灶", 10, 20)
    assert first == assertion_iri(SHA, "Pilot", "厚街", "明厨亮灶", 10, 20)
    assert str(first).startswith("https://w3id.org/regkg/id/pilot/")
    assert len(str(first).rsplit("/", 1)[1]) == 16
    assert first != assertion_iri(SHA, "Pilot", "厚街", "明厨亮灶", 11, 20)
    assert first != assertion_iri("f" * 64, "Pilot", "厚街", "明厨亮灶", 10, 20)
    assert first != assertion_iri(SHA, "NoveltyClaim", "厚街", "明厨亮灶", 10, 20)


def test_unknown_assertion_kind_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown assertion kind"):
        assertion_iri(SHA, "Rumour", "x")


@given(
    st.integers(),
    st.integers(),
    st.integers(),
    st.text(),
)
def test_evidence_iri_is_the_assertion_iri_of_its_key(index: int, start: int, end: int, rule: str) -> None:
    assert evidence_iri_text(SHA, index, start, end, rule) == str(
        assertion_iri(SHA, "Evidence", index, start, end, rule)
    )


@pytest.mark.parametrize("key", [(None, 1, 2, "r"), (1.5, 1, 2, "r"), (True, 1, 2, None)])
def test_evidence_iri_of_an_unusual_key_is_the_assertion_iri(key: tuple[Any, ...]) -> None:
    if kg.CODE == "compiled":  # mypyc checks the annotations (three ints and a str) on every call
        with pytest.raises(TypeError):
            evidence_iri_text(SHA, *key)
        return
    assert evidence_iri_text(SHA, *key) == str(assertion_iri(SHA, "Evidence", *key))
