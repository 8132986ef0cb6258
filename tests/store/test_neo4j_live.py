"""Integration with a live Neo4j 5 server: runs only when NEO4J_URI is set.

Set NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD (and NEO4J_DATABASE) to a disposable database. The
tests write only regkg nodes (uri under https://w3id.org/regkg/) and delete them at the end.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.base import WriteRefusedError
from kg.store.neo4j_store import Neo4jSettings
from kg.store.neo4j_sync import sync_neo4j

pytestmark = [
    pytest.mark.neo4j,
    pytest.mark.skipif(not os.environ.get("NEO4J_URI"), reason="NEO4J_URI is not set: no live Neo4j to test"),
]

COUNT_BY_LABEL = (
    "MATCH (n:Resource) WHERE n.uri STARTS WITH 'https://w3id.org/regkg/' "
    "UNWIND labels(n) AS label WITH label, count(*) AS c WHERE label <> 'Resource' RETURN label, c"
)
COUNT_BY_TYPE = (
    "MATCH (a:Resource)-[r]->(:Resource) WHERE a.uri STARTS WITH 'https://w3id.org/regkg/' "
    "RETURN type(r), count(r)"
)
CLEANUP = "MATCH (n:Resource) WHERE n.uri STARTS WITH 'https://w3id.org/regkg/' DETACH DELETE n"


@pytest.fixture(scope="module")
def data_dir(seeds_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A private copy of the seeds data dir, so the sync state starts empty."""
    copy = tmp_path_factory.mktemp("live") / "data"
    shutil.copytree(seeds_data_dir, copy)
    return copy


@pytest.fixture(scope="module")
def neo4j() -> Iterator:
    store = open_store("neo4j")
    store.run(CLEANUP, read_only=False)
    yield store
    store.run(CLEANUP, read_only=False)
    store.close()


def _counts(store, query: str) -> dict[str, int]:
    return {row[0]: row[1] for row in store.run(query).rows}


def test_sync_equals_the_embedded_store_and_is_idempotent(data_dir: Path, neo4j) -> None:
    first = sync_neo4j(data_dir, Neo4jSettings.from_env(), batch_size=200)
    assert first.counters.get("nodes_created", 0) > 0
    with open_store("embedded", data_dir=data_dir) as embedded:
        labels = _counts(embedded, "MATCH (n) RETURN label(n), count(n)")
        types = _counts(embedded, "MATCH ()-[r]->() RETURN label(r), count(r)")
    assert _counts(neo4j, COUNT_BY_LABEL) == labels
    assert _counts(neo4j, COUNT_BY_TYPE) == types
    second = sync_neo4j(data_dir, Neo4jSettings.from_env(), batch_size=200)
    assert second.batches == 0 and second.counters == {}
    forced = sync_neo4j(data_dir, Neo4jSettings.from_env(), batch_size=200, full=True)
    created = forced.counters.get("nodes_created", 0) + forced.counters.get("relationships_created", 0)
    assert created == 0  # a full re-send merges onto what is there


def test_read_only_statements_cannot_write(neo4j) -> None:
    with pytest.raises(WriteRefusedError):
        neo4j.run("CREATE (n:Resource {uri: 'https://w3id.org/regkg/id/test'})")


def test_schema_lists_primary_labels(data_dir: Path, neo4j) -> None:
    sync_neo4j(data_dir, Neo4jSettings.from_env())
    schema = neo4j.schema()
    assert "Place" in schema["labels"] and "Resource" not in schema["labels"]
    assert "hasEvidence" in schema["relationship_types"]
