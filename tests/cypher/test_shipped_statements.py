"""Every Cypher statement regkg sends to Neo4j passes Neo4j's own parser and semantic analysis."""

from __future__ import annotations

import pytest

from kg.store.neo4j_store import PING, SCHEMA_QUERIES
from kg.store.projection import project
from kg.store.statements import neo4j_statements
from tests.cypher.check import CypherError, check_cypher, require_cypher_checker
from tests.store.conftest import sample_dataset


def shipped_statements() -> list[str]:
    """Sync DDL, merges and deletes for every declared label/type, plus the store's own queries."""
    return [*neo4j_statements(project(sample_dataset())), PING, *SCHEMA_QUERIES.values()]


@pytest.fixture(scope="module")
def errors() -> list[CypherError]:
    require_cypher_checker()
    return check_cypher(shipped_statements())


def test_statements_cover_every_kind() -> None:
    statements = shipped_statements()
    fragments = ("CREATE CONSTRAINT", "CREATE INDEX", "MERGE (n:`Evidence`", "MERGE (a)-[r:`hasEvidence`]",
                 "DETACH DELETE", "DELETE r", "SET n:`Resource`")
    for fragment in fragments:
        assert any(fragment in s for s in statements), fragment


def test_every_shipped_statement_parses(errors: list[CypherError]) -> None:
    assert errors == [], "\n".join(str(e) for e in errors)
