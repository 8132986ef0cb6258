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


def test_a_vocabulary_change_rewrites_the_summaries_copying_labels(data_dir: Path, tmp_path: Path) -> None:
    """Adoption nodes copy their program's label: renaming a program in the data dir's vocabulary
    extension touches no document, yet the incremental plan must rewrite those summaries."""
    root = tmp_path / "data"
    shutil.copytree(data_dir, root)
    first = plan_sync(DataDirSource.of(root), SyncState(), dialect="neo4j")
    adoption = next(row for b in first.batches if b.action == "merge nodes" and b.target == "Adoption"
                    for row in b.rows)
    program = adoption["programUri"]
    (root / "vocabulary.ttl").write_text(
        f'<{program}> <http://www.w3.org/2004/02/skos/core#prefLabel> "!!改名"@zh .\n', encoding="utf-8")
    again = plan_sync(DataDirSource.of(root), first.new_state, dialect="neo4j")
    rewritten = [row for b in again.batches if b.action == "merge nodes" and b.target == "Adoption"
                 for row in b.rows if row["programUri"] == program]
    programs = [row for b in again.batches if b.action == "merge nodes" and b.target == "Program"
                for row in b.rows if row["uri"] == program]
    assert programs and "!!改名" in str(programs[0]["prefLabel"])  # the label the store shows now
    assert rewritten and all(row["program"] == "!!改名" for row in rewritten), rewritten[:2]
    assert not any(b.target == "Document" for b in again.batches)  # no document was re-sent


def test_a_place_rename_rewrites_the_assertions_copying_its_label(data_dir: Path, tmp_path: Path) -> None:
    """Assertions copy their document's jurisdiction label (jurisdictionLabel): renaming the place in
    the vocabulary extension touches no document, yet the incremental plan must rewrite those assertions."""
    root = tmp_path / "data"
    shutil.copytree(data_dir, root)
    first = plan_sync(DataDirSource.of(root), SyncState(), dialect="neo4j")
    outcome = next(row for b in first.batches if b.action == "merge nodes" and b.target == "Outcome"
                   for row in b.rows if row.get("jurisdictionUri"))
    place = outcome["jurisdictionUri"]
    (root / "vocabulary.ttl").write_text(
        f'<{place}> a <https://w3id.org/regkg/ontology#Place> ;\n'  # typed: a unit holds typed nodes
        f'    <http://www.w3.org/2000/01/rdf-schema#label> "!!改名"@zh .\n', encoding="utf-8")
    again = plan_sync(DataDirSource.of(root), first.new_state, dialect="neo4j")
    rewritten = [row for b in again.batches if b.action == "merge nodes" and b.target == "Outcome"
                 for row in b.rows if row.get("jurisdictionUri") == place]
    assert rewritten and all(row["jurisdictionLabel"] == "!!改名" for row in rewritten), rewritten[:2]
    assert not any(b.target == "Document" for b in again.batches)  # no document was re-sent
