"""The Cypher checker itself: accepts valid Cypher and catches deliberately broken statements."""

from __future__ import annotations

import pytest

from tests.cypher.check import CypherError, check_cypher, require_cypher_checker

VALID = [
    "MATCH (n:Place {uri: $uri}) RETURN n.label",
    "UNWIND $rows AS row MERGE (n:`Place` {uri: row.uri}) SET n:`Resource`, n.`end` = row.`end`",
    "CREATE CONSTRAINT `place_uri` IF NOT EXISTS FOR (n:`Place`) REQUIRE n.uri IS UNIQUE",
]
BROKEN = [
    ("RETRN 1", "RETRN"),
    ("MATCH (n) RETURN m", "`m` not defined"),
    ("MATCH (a)-[:within]->(b RETURN a", "Invalid input"),
    ("UNWIND $rows AS row MERGE (n:Place {uri: row.uri} SET n.x = 1", "Invalid input"),
]


@pytest.fixture(scope="module")
def errors() -> list[CypherError]:
    """One checker run (node starts once) over the valid and the broken statements."""
    require_cypher_checker()
    # the first broken statement twice: duplicates are analysed once but reported at each index
    return check_cypher(VALID + [statement for statement, _ in BROKEN] + [BROKEN[0][0]])


def test_valid_statements_pass(errors: list[CypherError]) -> None:
    assert [e for e in errors if e.index < len(VALID)] == []


@pytest.mark.parametrize(("offset", "fragment"), [(i, f) for i, (_, f) in enumerate(BROKEN)])
def test_broken_statements_are_reported(errors: list[CypherError], offset: int, fragment: str) -> None:
    found = [e.message for e in errors if e.index == len(VALID) + offset]
    assert found, BROKEN[offset][0]
    assert any(fragment in message for message in found), found


def test_duplicate_statements_are_reported_at_every_index(errors: list[CypherError]) -> None:
    first, duplicate = len(VALID), len(VALID) + len(BROKEN)
    messages = {index: [e.message for e in errors if e.index == index] for index in (first, duplicate)}
    assert messages[duplicate] and messages[duplicate] == messages[first]
    assert all(e.statement == BROKEN[0][0] for e in errors if e.index == duplicate)
