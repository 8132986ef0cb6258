"""``kg sync neo4j``: bring a Neo4j database up to date with the data dir, incrementally.

The plan comes from :mod:`kg.store.sync_plan` (shared with the embedded store); here it is run
against Neo4j after creating constraints and indexes, and the state is kept per target in
``<data-dir>/sync/neo4j-<hash of uri and database>.json``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset

from kg import config
from kg.store.base import GraphStore
from kg.store.neo4j_store import Neo4jSettings, Neo4jStore, connect, counters_of
from kg.store.statements import Dialect
from kg.store.sync_plan import Batch, SyncPlan, SyncSource, SyncState, execute_plan, plan_sync
from kg.store.sync_source import DataDirSource, data_dir_source


@dataclass
class SyncReport:
    """What a sync did (or, dry, would do)."""

    target: str
    changed: list[str]
    removed: list[str]
    unchanged: list[str]
    batches: int
    rows: dict[str, int]
    counters: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    dry_run: bool = False


class StoreExecutor:
    """Runs sync batches through any writable :class:`GraphStore` (the embedded one in tests)."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store

    def write(self, statement: str, rows: list[dict[str, Any]]) -> dict[str, int]:
        self.store.run(statement, {"rows": rows}, read_only=False)
        return {"rows_written": len(rows)}


def state_path(data_dir: str | os.PathLike[str] | None, target: str) -> Path:
    """Where the sync state for ``target`` (e.g. ``neo4j://host:7687/neo4j``) lives in the data dir."""
    digest = hashlib.sha1(target.encode("utf-8")).hexdigest()[:12]
    return config.data_dir(data_dir) / "sync" / f"neo4j-{digest}.json"


def load_dataset(data_dir: str | os.PathLike[str] | None) -> DataDirSource:
    """The data dir's documents plus the ontology and program vocabulary, as the embedded store sees
    them: a source the plan reads one graph file at a time (never an rdflib Dataset of everything)."""
    return data_dir_source(data_dir)


def sync_store(
    dataset: Dataset | SyncSource,
    executor: Any,
    state_file: Path,
    *,
    dialect: Dialect,
    batch_size: int = 1000,
    prune: bool = False,
    full: bool = False,
    on_plan: Callable[[SyncPlan], None] | None = None,
    on_batch: Callable[[int, Batch], None] | None = None,
) -> SyncReport:
    """Plan against the saved state and run the batches through ``executor`` (any backend)."""
    started = time.perf_counter()
    plan = plan_sync(dataset, SyncState.load(state_file), dialect=dialect, batch_size=batch_size,
                     prune=prune, full=full)
    if on_plan is not None:
        on_plan(plan)
    for statement in plan.schema:
        executor.write(statement, [])
    counters = execute_plan(plan, executor, state_path=state_file, on_batch=on_batch)
    return SyncReport(str(state_file), plan.changed, plan.removed, plan.unchanged, len(plan.batches),
                      plan.summary(), counters, time.perf_counter() - started)


class _Neo4jExecutor:
    """Schema statements run outside ``UNWIND`` batches; everything else through :meth:`Neo4jStore.write`."""

    def __init__(self, store: Neo4jStore) -> None:
        self.store = store

    def write(self, statement: str, rows: list[dict[str, Any]]) -> dict[str, int]:
        if statement.startswith(("CREATE CONSTRAINT", "CREATE INDEX")):
            # schema statements cannot share a transaction with data writes: run them auto-commit
            with self.store.driver.session(database=self.store.settings.database) as session:
                return counters_of(session.run(statement).consume())
        return self.store.write(statement, rows)


def sync_neo4j(
    data_dir: str | os.PathLike[str] | None,
    settings: Neo4jSettings,
    *,
    batch_size: int = 1000,
    prune: bool = False,
    full: bool = False,
    on_plan: Callable[[SyncPlan], None] | None = None,
    on_batch: Callable[[int, Batch], None] | None = None,
) -> SyncReport:
    """Check the server, then sync the data dir's changed documents into it."""
    store = Neo4jStore(settings, connect(settings))
    try:
        report = sync_store(
            load_dataset(data_dir), _Neo4jExecutor(store), state_path(data_dir, _target(settings)),
            dialect="neo4j", batch_size=batch_size, prune=prune, full=full,
            on_plan=on_plan, on_batch=on_batch,
        )
    finally:
        store.close()
    report.target = settings.describe()
    return report


def dry_run_plan(
    data_dir: str | os.PathLike[str] | None, settings: Neo4jSettings, *, batch_size: int = 1000,
    prune: bool = False, full: bool = False,
) -> SyncPlan:
    """The plan a sync would run, from the saved state, without contacting the server."""
    state = SyncState.load(state_path(data_dir, _target(settings)))
    dataset = load_dataset(data_dir)
    return plan_sync(dataset, state, dialect="neo4j", batch_size=batch_size, prune=prune, full=full)


def _target(settings: Neo4jSettings) -> str:
    return f"{settings.uri}/{settings.database}"
