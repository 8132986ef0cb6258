"""Ingest of the seed reports through the real loader and extractor.

The session's ``--jobs 2`` ingest of the seeds (``seeds_data_dir``, tests/conftest.py, shared
with the stores' tests) is compared with one serial run made here; changes happen on copies.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from kg.ingest import IngestReport, Manifest, ingest, iter_graphs, load_dataset


@pytest.fixture(scope="module")
def seed_copies(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Writable copies of the seeds (the originals are read-only)."""
    folder = tmp_path_factory.mktemp("seeds")
    for seed in sorted(seeds_dir.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
        (folder / seed.name).chmod(0o644)
    return folder


@pytest.fixture(scope="module")
def serial_run(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, IngestReport]:
    """The seeds (same paths as the session's parallel run, so rk:path agrees) in one process."""
    data = tmp_path_factory.mktemp("serial") / "data"
    return data, ingest([seeds_dir], data, refresh_graph=False)


@pytest.fixture(scope="module")
def parallel_run(seeds_data_dir: Path) -> tuple[Path, None]:
    """The session's ingest of the seeds with two worker processes."""
    return seeds_data_dir, None


def same_code(*data_dirs: Path) -> None:
    """Runs compare only when made by the same graph-making code (the manifest records the code
    version of every graph); within one test session they must be, so a difference is a failure."""
    versions = {e.version for d in data_dirs for e in Manifest.load(d).documents.values()}
    assert len(versions) == 1, f"the graph-making code version differs between the runs: {sorted(versions)}"


def test_every_seed_is_stored_with_its_counts(
    serial_run: tuple[Path, IngestReport], seed_copies: Path
) -> None:
    data, report = serial_run
    assert [r.status for r in report.results] == ["new"] * len(list(seed_copies.iterdir()))
    for entry in Manifest.load(data).documents.values():
        assert entry.counts["Evidence"] > 0 and entry.counts["triples"] > 100, entry
        assert entry.doc_id == entry.sha256[:16]


def test_parallel_run_is_isomorphic_to_serial(
    serial_run: tuple[Path, IngestReport], parallel_run: tuple[Path, None]
) -> None:
    same_code(serial_run[0], parallel_run[0])
    serial = {g.identifier: g for g in iter_graphs(serial_run[0])}
    parallel = {g.identifier: g for g in iter_graphs(parallel_run[0])}
    assert serial.keys() == parallel.keys() and len(serial) >= 5
    for iri, graph in serial.items():
        only_serial = sorted(str(t) for t in set(graph) - set(parallel[iri]))[:3]
        only_parallel = sorted(str(t) for t in set(parallel[iri]) - set(graph))[:3]
        assert isomorphic(graph, parallel[iri]), (iri, only_serial, only_parallel)


def test_iris_are_the_same_in_two_runs(
    serial_run: tuple[Path, IngestReport], parallel_run: tuple[Path, None]
) -> None:
    """The parallel run extracted in other processes: every subject IRI must still be the same."""
    same_code(serial_run[0], parallel_run[0])
    one = {quad[0] for quad in load_dataset(serial_run[0]).quads((None, None, None, None))}
    two = {quad[0] for quad in load_dataset(parallel_run[0]).quads((None, None, None, None))}
    assert len(one) > 500 and one == two


def test_touching_one_seed_re_extracts_only_that_one(
    serial_run: tuple[Path, IngestReport], seed_copies: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    shutil.copytree(serial_run[0], data)
    reports = tmp_path / "seeds"
    shutil.copytree(seed_copies, reports)
    # the manifest is keyed by source path: re-point the copied entries at the copied reports
    manifest = Manifest.load(data)
    for entry in list(manifest.documents.values()):
        manifest.pop(entry.path)
        entry.path = str(reports / Path(entry.path).name)
        manifest.put(entry)
    manifest.save(data)

    assert ingest([reports], data, refresh_graph=False).extracted == []
    touched = sorted(reports.iterdir())[1]
    touched.write_text(touched.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = ingest([reports], data, refresh_graph=False)
    assert report.extracted == [str(touched)]
    assert {Path(r.path).name: r.status for r in report.results if r.status != "unchanged"} == {
        touched.name: "updated"
    }
    assert len(Manifest.load(data).files()) == len(list(reports.iterdir()))  # the old graph was dropped


def ingest_in_fresh_process(seeds_dir: Path, data: Path, hash_seed: int, jobs: int) -> None:
    """``kg ingest`` in a new interpreter with its own string-hash seed (as two real runs have)."""
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed)}
    command = [sys.executable, "-m", "kg.cli", "ingest", str(seeds_dir), "--data-dir", str(data)]
    subprocess.run(
        [*command, "--no-graph", "--quiet", "--jobs", str(jobs)],
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )


def test_two_separate_runs_write_identical_graphs(seeds_dir: Path, tmp_path: Path) -> None:
    """Two runs in separate processes (different hash seeds, serial and --jobs 2) must write the
    same bytes: same IRIs, same triples."""
    ingest_in_fresh_process(seeds_dir, tmp_path / "one", hash_seed=1, jobs=1)
    ingest_in_fresh_process(seeds_dir, tmp_path / "two", hash_seed=2, jobs=2)
    same_code(tmp_path / "one", tmp_path / "two")
    files = Manifest.load(tmp_path / "one").files()
    assert files == Manifest.load(tmp_path / "two").files()
    differing = [
        f for f in files if (tmp_path / "one" / f).read_bytes() != (tmp_path / "two" / f).read_bytes()
    ]
    assert not differing, differing
