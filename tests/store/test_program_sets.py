"""Derived ProgramSet nodes: the programs each document and place ran, for co-adoption."""

from __future__ import annotations

from typing import Any

import pytest

from kg.store.derived import IN_DOCUMENT, implementation_links
from kg.store.program_sets import (
    HASHES_SUFFIX,
    PROGRAM_LISTS,
    PROGRAM_SET,
    URI_HASH,
    add_program_sets,
    program_set_uri,
    uri_hash,
)

P, Q, C = "rkp:p", "rkp:q", "rkp:cand/c"  # C is a candidate program
L, M, D, E = "place:l", "place:m", "doc:d", "doc:e"


def _graph(*rows: tuple[str, list[str], list[str], list[str], str | None]) -> tuple[dict[str, str], Any, set]:
    """Labels, values and relationship keys of Implementations (programs, places, documents, status)."""
    labels = {P: "Program", Q: "Program", C: "Program", L: "Place", M: "Place", D: "Document", E: "Document"}
    values: dict[str, Any] = {
        P: {}, Q: {}, C: {"candidate": {("BOOLEAN", True)}},
        L: {"label": {("STRING", "东莞市")}}, M: {},
        D: {"title": {("STRING", "东莞市2020年工作总结")}}, E: {"path": {("STRING", "/e.txt")}},
    }  # fmt: skip
    rel_keys: set[tuple[str, str, str]] = set()
    for uri, programs, places, documents, status in rows:
        labels[uri] = "Implementation"
        values[uri] = {"status": {("STRING", status)}} if status else {}
        rel_keys |= {(uri, "program", p) for p in programs} | {(uri, "place", p) for p in places}
        rel_keys |= {(uri, IN_DOCUMENT, d) for d in documents}
    return labels, values, rel_keys


def _lists(values: Any, by: str, context: str) -> dict[str, Any]:
    props = values[program_set_uri(by, context)]
    return {
        key: sorted(v for _, v in typed) for key, typed in props.items()
        if key not in ("by", "context") and not key.endswith(HASHES_SUFFIX)
    }


ROWS = (
    ("i1", [P], [L], [D], "done"),
    ("i2", [Q], [L], [D], "planned"),
    ("i3", [C], [L], [D], "ongoing"),
    ("i4", [Q], [M], [E], None),  # no status: not reported, but a program of the place
    ("i5", [P], [], [E], "done"),  # no place: counts nowhere
)


@pytest.mark.parametrize(
    ("by", "context", "expected"),
    [
        ("document", D, {"name": ["东莞市2020年工作总结"], "reported": [P], "reportedAll": [C, P],
                         "programs": [P, Q], "programsAll": [C, P, Q]}),
        ("jurisdiction", L, {"name": ["东莞市"], "reported": [P], "reportedAll": [C, P],
                             "programs": [P, Q], "programsAll": [C, P, Q]}),
        ("document", E, {"name": ["/e.txt"], "programs": [Q], "programsAll": [Q]}),
        ("jurisdiction", M, {"programs": [Q], "programsAll": [Q]}),  # no label: no name
    ],
)
def test_program_lists_per_document_and_place(by: str, context: str, expected: dict[str, Any]) -> None:
    labels, values, rel_keys = _graph(*ROWS)
    add_program_sets(labels, values, implementation_links(labels, rel_keys))
    assert labels[program_set_uri(by, context)] == PROGRAM_SET
    assert _lists(values, by, context) == expected


def test_only_documents_and_places_of_complete_implementations_get_a_set() -> None:
    labels, values, rel_keys = _graph(("i5", [P], [], [E], "done"), ("i6", [P], [L], [], "done"))
    add_program_sets(labels, values, implementation_links(labels, rel_keys))
    assert [u for u, label in labels.items() if label == PROGRAM_SET] == []


@pytest.mark.parametrize(("by", "context"), [("document", D), ("jurisdiction", L), ("document", E)])
def test_each_list_comes_again_as_the_programs_uri_hashes(by: str, context: str) -> None:
    labels, values, rel_keys = _graph(*ROWS)
    add_program_sets(labels, values, implementation_links(labels, rel_keys))
    props = values[program_set_uri(by, context)]
    for key in PROGRAM_LISTS:
        uris = {uri for _, uri in props.get(key, ())}
        assert {number for _, number in props.get(key + HASHES_SUFFIX, ())} == {uri_hash(u) for u in uris}
        for uri in uris:  # the query finds the programs back by their number
            assert values[uri][URI_HASH] == {("INT64", uri_hash(uri))}


def test_uri_hash_is_a_signed_64_bit_number_that_tells_programs_apart() -> None:
    numbers = {uri_hash(f"https://w3id.org/regkg/id/program/p{i}") for i in range(10_000)}
    assert len(numbers) == 10_000 and all(-(2**63) <= n < 2**63 for n in numbers)
    assert uri_hash(P) == uri_hash(P) != uri_hash(Q)


def test_two_programs_sharing_a_hash_fail_the_load_instead_of_counting_as_one(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from kg.store import program_sets

    monkeypatch.setattr(program_sets, "uri_hash", lambda uri: 7)
    labels, values, rel_keys = _graph(*ROWS)
    with pytest.raises(program_sets.UriHashCollision, match="share the uriHash 7"):
        add_program_sets(labels, values, implementation_links(labels, rel_keys))
