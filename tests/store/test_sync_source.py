"""A sync plan streamed from a data dir's graph files equals the plan of the whole rdflib Dataset."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.ingest import load_dataset
from kg.store import document_parts
from kg.store.sync_plan import SyncPlan, SyncState, plan_sync
from kg.store.sync_source import DataDirSource


def _content(plan: SyncPlan) -> tuple[object, ...]:
    """Everything a plan sends and remembers, except the fingerprints (file hashes vs. triple hashes)."""
    batches = [(b.action, b.target, b.statement, b.rows) for b in plan.batches]
    units = {iri: (u.nodes, u.relationships) for iri, u in plan.new_state.units.items()}
    return plan.schema, batches, plan.changed, plan.removed, plan.unchanged, units


@pytest.fixture(scope="module")
def data_dir(seeds_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sync-source") / "data"
    shutil.copytree(seeds_data_dir / "graphs", root / "graphs")
    shutil.copy(seeds_data_dir / "manifest.json", root / "manifest.json")
    return root


@pytest.fixture(scope="module")
def dataset_plan(data_dir: Path) -> SyncPlan:
    return plan_sync(load_dataset(data_dir, with_ontology=True), SyncState(), dialect="neo4j", full=True)


def test_streamed_plan_equals_the_dataset_plan(data_dir: Path, dataset_plan: SyncPlan) -> None:
    streamed = plan_sync(DataDirSource.of(data_dir), SyncState(), dialect="neo4j", full=True)
    assert sum(len(b.rows) for b in streamed.batches) > 1000
    assert len(streamed.new_state.units) == 7  # five documents, the ontology and the vocabulary
    assert _content(streamed) == _content(dataset_plan)


def test_worker_processes_give_the_same_plan(
    data_dir: Path, dataset_plan: SyncPlan, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_parts, "MIN_FILES_PER_WORKER", 1)
    source = DataDirSource.of(data_dir)
    graph, units = source.project_units(jobs=2)
    assert {iri: (u.nodes, u.relationships) for iri, u in units.items()} == _content(dataset_plan)[-1]
    assert sum(graph.node_counts().values()) == sum(
        len(b.rows) for b in dataset_plan.batches if b.action == "merge nodes"
    )


def test_an_unchanged_data_dir_plans_nothing(data_dir: Path) -> None:
    first = plan_sync(DataDirSource.of(data_dir), SyncState(), dialect="neo4j")
    again = plan_sync(DataDirSource.of(data_dir), first.new_state, dialect="neo4j")
    assert first.batches and not again.batches
    assert sorted(again.unchanged) == sorted(first.changed)
