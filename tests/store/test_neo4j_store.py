"""Neo4j store and sync wiring against a fake driver (no server): access modes, errors, batches.

The live-server behaviour is covered by test_neo4j_live.py when NEO4J_URI is set.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j
import pytest
from neo4j import exceptions as nx

from kg.store import neo4j_sync
from kg.store.base import StoreUnavailableError, WriteRefusedError
from kg.store.neo4j_store import COUNTERS, Neo4jSettings, Neo4jStore, connect
from tests.store.conftest import sample_dataset

SECRET = "pw-should-never-show"


def client_error(code: str, message: str) -> nx.Neo4jError:
    return nx.Neo4jError._hydrate_neo4j(code=code, message=message)


class FakeCounters:
    def __init__(self, **values: int) -> None:
        for name in COUNTERS:
            setattr(self, name, values.get(name, 0))


class FakeResult:
    def __init__(self, rows: list[list[Any]], counters: FakeCounters) -> None:
        self.rows, self.counters = rows, counters

    def keys(self) -> list[str]:
        return ["x"]

    def __iter__(self):
        return iter(type("Record", (), {"values": lambda s, r=r: r})() for r in self.rows)

    def consume(self) -> Any:
        return self


class FakeTx:
    def __init__(self, log: list, mode: str, fail: Exception | None) -> None:
        self.log, self.mode, self.fail = log, mode, fail

    def run(self, query: str, parameters: dict | None = None, **kwargs: Any) -> FakeResult:
        if self.fail:
            raise self.fail
        rows = (parameters or {}).get("rows", kwargs.get("rows", []))
        self.log.append((self.mode, query, len(rows)))
        kind = "nodes_created" if "MERGE (n:" in query else "relationships_created"
        return FakeResult([[1]], FakeCounters(**{kind: len(rows)}))


class FakeSession:
    def __init__(self, driver: FakeDriver, database: str | None) -> None:
        self.driver, self.database = driver, database

    def __enter__(self) -> FakeSession:
        if self.driver.session_error:
            raise self.driver.session_error
        return self

    def __exit__(self, *exc: object) -> None:
        pass

    def run(self, query: str, *args: Any, **kwargs: Any) -> FakeResult:
        self.driver.log.append(("auto", query, 0))
        return FakeResult([[1]], FakeCounters(constraints_added=1 if "CONSTRAINT" in query else 0))

    def execute_read(self, work: Any) -> Any:
        return work(FakeTx(self.driver.log, "read", self.driver.tx_error))

    def execute_write(self, work: Any) -> Any:
        return work(FakeTx(self.driver.log, "write", self.driver.tx_error))


class FakeDriver:
    def __init__(self) -> None:
        self.log: list[tuple[str, str, int]] = []
        self.connect_error: Exception | None = None
        self.session_error: Exception | None = None
        self.tx_error: Exception | None = None
        self.closed = False

    def verify_connectivity(self) -> None:
        if self.connect_error:
            raise self.connect_error

    def session(self, database: str | None = None, **kwargs: Any) -> FakeSession:
        return FakeSession(self, database)

    def close(self) -> None:
        self.closed = True


@pytest.fixture()
def driver(monkeypatch: pytest.MonkeyPatch) -> FakeDriver:
    fake = FakeDriver()
    monkeypatch.setattr(neo4j.GraphDatabase, "driver", lambda uri, auth=None, **kw: fake)
    return fake


SETTINGS = Neo4jSettings("neo4j://db.example:7687", "neo4j", SECRET, "regkg")


@pytest.mark.parametrize(
    ("where", "error", "message"),
    [
        ("connect_error", nx.ServiceUnavailable("refused"), "cannot reach Neo4j at neo4j://db.example"),
        ("session_error", client_error("Neo.ClientError.Security.Unauthorized", "bad"), "rejected user"),
        ("session_error", client_error("Neo.ClientError.Database.DatabaseNotFound", "no db"), "no database"),
    ],
)
def test_connect_says_which_check_failed(
    driver: FakeDriver, where: str, error: Exception, message: str
) -> None:
    setattr(driver, where, error)
    with pytest.raises(StoreUnavailableError, match=message) as caught:
        connect(SETTINGS)
    assert SECRET not in str(caught.value) and driver.closed


def test_settings_never_show_the_password() -> None:
    assert SECRET not in repr(SETTINGS) and SECRET not in SETTINGS.describe()


def test_read_only_runs_in_read_transactions_and_writes_in_write_ones(driver: FakeDriver) -> None:
    store = Neo4jStore(SETTINGS, connect(SETTINGS))
    assert store.run("MATCH (n) RETURN count(n)").rows == [[1]]
    store.run("CREATE (n:Place {uri: 'x'})", read_only=False)
    assert [mode for mode, _, _ in driver.log if mode != "auto"] == ["read", "write"]


def test_write_in_read_mode_is_refused(driver: FakeDriver) -> None:
    store = Neo4jStore(SETTINGS, connect(SETTINGS))
    driver.tx_error = client_error("Neo.ClientError.Statement.AccessMode", "Writing in read access mode")
    with pytest.raises(WriteRefusedError):
        store.run("CREATE (n:Place {uri: 'x'})")


def test_sync_creates_schema_then_batches_and_is_incremental(
    driver: FakeDriver, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(neo4j_sync, "load_dataset", lambda data_dir: sample_dataset())
    first = neo4j_sync.sync_neo4j(tmp_path, SETTINGS, batch_size=5)
    schema = [q for mode, q, _ in driver.log if mode == "auto" and q.startswith("CREATE")]
    writes = [(q, n) for mode, q, n in driver.log if mode == "write"]
    assert schema and all("IF NOT EXISTS" in q for q in schema)
    assert writes and all(q.startswith("UNWIND $rows AS row") and 1 <= n <= 5 for q, n in writes)
    # 22 nodes from the RDF, 2 derived Adoption and 2 ProgramSet nodes (docs/schema.md)
    assert first.counters["nodes_created"] == sum(n for q, n in writes if "MERGE (n:" in q) == 22 + 2 + 2
    assert first.counters["relationships_created"] == sum(n for q, n in writes if "MERGE (a)-" in q)
    assert first.target == "neo4j@neo4j://db.example:7687/regkg"
    driver.log.clear()
    second = neo4j_sync.sync_neo4j(tmp_path, SETTINGS, batch_size=5)
    assert second.batches == 0 and not [e for e in driver.log if e[0] == "write"]
