"""The backend-agnostic sync, demonstrated against the embedded store.

The same plan/batch code drives ``kg sync neo4j``; here a writable LadybugDB store is the target,
so idempotency, incremental updates, pruning and interrupted runs are checked without a server.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Literal, URIRef

from kg.store.embedded import build_empty, build_from_dataset, open_embedded
from kg.store.neo4j_sync import StoreExecutor, sync_store
from kg.store.projection import RK, project
from kg.store.sync_plan import SyncState, plan_sync
from tests.store.conftest import sample_dataset, snapshot

DOC_A = URIRef("https://w3id.org/regkg/id/doc/aaaaaaaaaaaaaaaa")
DOC_B = URIRef("https://w3id.org/regkg/id/doc/bbbbbbbbbbbbbbbb")
OUTCOME = URIRef("https://w3id.org/regkg/id/outcome/0000000000000001")


class Interrupted(Exception):
    pass


class FailingExecutor(StoreExecutor):
    """Dies before its ``fail_at``-th batch, like a sync killed half-way."""

    def __init__(self, store: Any, fail_at: int) -> None:
        super().__init__(store)
        self.fail_at = fail_at
        self.calls = 0

    def write(self, statement: str, rows: list[dict[str, Any]]) -> dict[str, int]:
        if self.calls == self.fail_at:
            raise Interrupted(f"killed before batch {self.fail_at}")
        self.calls += 1
        return super().write(statement, rows)


def bulk_snapshot(dataset: Dataset, path: Path) -> tuple[set, set]:
    build_from_dataset(dataset, path)
    with open_embedded(path) as store:
        return snapshot(store)


def sync_into(dataset: Dataset, store_path: Path, state: Path, **options: Any) -> Any:
    with open_embedded(store_path, writable=True) as store:
        return sync_store(dataset, StoreExecutor(store), state, dialect="embedded", batch_size=4, **options)


def stored(store_path: Path) -> tuple[set, set]:
    with open_embedded(store_path) as store:
        return snapshot(store)


@pytest.fixture()
def target(tmp_path: Path) -> Path:
    """An empty embedded store with the sample's schema."""
    build_empty(project(sample_dataset()), tmp_path / "target")
    return tmp_path / "target"


@pytest.fixture(scope="module")
def expected(tmp_path_factory: pytest.TempPathFactory) -> tuple[set, set]:
    return bulk_snapshot(sample_dataset(), tmp_path_factory.mktemp("bulk") / "s")


def test_sync_into_empty_store_equals_bulk_load(target: Path, tmp_path: Path, expected) -> None:
    report = sync_into(sample_dataset(), target, tmp_path / "state.json")
    assert stored(target) == expected
    assert len(report.changed) == 3 and report.batches > 0


def test_second_sync_changes_nothing(target: Path, tmp_path: Path, expected) -> None:
    sync_into(sample_dataset(), target, tmp_path / "state.json")
    again = sync_into(sample_dataset(), target, tmp_path / "state.json")
    assert (again.batches, again.changed, again.counters) == (0, [], {})
    forced = sync_into(sample_dataset(), target, tmp_path / "state.json", full=True)
    assert forced.batches > 0 and stored(target) == expected


@pytest.mark.parametrize("old_layout", ["r0-000000000000", None])
def test_a_target_synced_in_an_older_layout_gets_every_document_again(
    target: Path, tmp_path: Path, expected, old_layout: str | None
) -> None:
    """Derived columns a newer regkg adds (Adoption.statusCode, Program.uriHash) must reach a
    target synced before it, though no document changed."""
    import json

    from kg.store.layout import layout_fingerprint

    state = tmp_path / "state.json"
    sync_into(sample_dataset(), target, state)
    body = json.loads(state.read_text(encoding="utf-8"))
    assert body["layout"] == layout_fingerprint()
    body["layout"] = old_layout
    state.write_text(json.dumps(body), encoding="utf-8")
    plan = plan_sync(sample_dataset(), SyncState.load(state), dialect="embedded")
    assert plan.relayout and len(plan.changed) == 3 and not plan.unchanged
    resent = sync_into(sample_dataset(), target, state)
    assert len(resent.changed) == 3 and stored(target) == expected
    assert not plan_sync(sample_dataset(), SyncState.load(state), dialect="embedded").relayout
    assert sync_into(sample_dataset(), target, state).changed == []


@pytest.mark.parametrize("fail_at", [0, 9, 17])
def test_interrupted_sync_rerun_ends_in_the_same_graph(
    target: Path, tmp_path: Path, expected, fail_at: int
) -> None:
    state = tmp_path / "state.json"
    with open_embedded(target, writable=True) as store, pytest.raises(Interrupted):
        sync_store(sample_dataset(), FailingExecutor(store, fail_at), state, dialect="embedded", batch_size=4)
    assert not state.exists()  # the state is only saved after the last batch
    sync_into(sample_dataset(), target, state)
    assert stored(target) == expected


def test_changed_document_is_resent_and_its_stale_content_removed(target: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    sync_into(sample_dataset(), target, state)
    changed = sample_dataset()
    doc = changed.graph(DOC_A)
    for triple in list(doc.triples((OUTCOME, None, None))):
        doc.remove(triple)
    doc.set((DOC_A, URIRef(RK + "sourceFormat"), Literal("pdf")))
    report = sync_into(changed, target, state)
    assert report.changed == [str(DOC_A)]
    assert stored(target) == bulk_snapshot(changed, tmp_path / "bulk")


def test_removed_document_stays_without_prune_and_goes_with_it(
    target: Path, tmp_path: Path, expected
) -> None:
    state = tmp_path / "state.json"
    sync_into(sample_dataset(), target, state)
    remaining = sample_dataset()
    remaining.remove_graph(remaining.graph(DOC_B))
    kept = sync_into(remaining, target, state)
    assert kept.removed == [str(DOC_B)] and stored(target) == expected
    pruned = sync_into(remaining, target, state, prune=True)
    assert pruned.removed == [str(DOC_B)]
    assert stored(target) == bulk_snapshot(remaining, tmp_path / "bulk")
    assert SyncState.load(state).units.keys() == {str(g.identifier) for g in remaining.graphs() if len(g)}


def test_plan_batches_respect_batch_size() -> None:
    plan = plan_sync(sample_dataset(), SyncState(), dialect="neo4j", batch_size=2)
    assert plan.batches and all(1 <= len(b.rows) <= 2 for b in plan.batches)
    actions = [b.action for b in plan.batches]
    assert actions == sorted(actions, key=["delete relationships", "delete nodes", "merge nodes",
                                           "merge relationships"].index)
