"""Ingest batches that end early: Ctrl-C leaves no temporary file, a dead worker fails only its file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from kg.loaders.model import Document

from kg.ingest import Manifest, layout, runner, work
from kg.ingest.workers import WORKER_DIED, fork_context
from tests.test_cli_ingest import invoke, tiny_extract
from tests.test_ingest import fake_extract, fake_load, run

needs_fork = pytest.mark.skipif(fork_context() is None, reason="workers must fork to inherit the test loader")


def write_reports(folder: Path, count: int) -> list[Path]:
    """``count`` tiny reports, each with a number so it has an Outcome."""
    folder.mkdir()
    paths = []
    for i in range(count):
        path = folder / f"{i:03d}.txt"
        path.write_text(f"第{i}项指标压缩至{i + 1}个工作日。", encoding="utf-8")
        paths.append(path)
    return paths


def dying_load(path: str) -> Document:
    """Kills its worker process outright (as the OOM killer would) on files named *die*."""
    if "die" in Path(path).name:
        os._exit(9)
    return fake_load(path)


def temp_files(data: Path) -> list[Path]:
    return [p for folder in (data, data / layout.GRAPHS_DIR) for p in folder.glob(f"{layout.TEMP_PREFIX}*")]


@needs_fork
@pytest.mark.parametrize("jobs", [1, 2])
def test_an_interrupted_ingest_leaves_no_temporary_files_and_keeps_what_it_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int
) -> None:
    paths = write_reports(tmp_path / "reports", 12)
    data = tmp_path / "data"
    commit = runner.commit_staged_file
    stored: list[str] = []

    def commit_then_interrupt(staged: Path, final: Path) -> None:
        if len(stored) == 3:  # Ctrl-C arrives while the fourth result is being stored
            raise KeyboardInterrupt
        commit(staged, final)
        stored.append(final.name)

    monkeypatch.setattr(runner, "commit_staged_file", commit_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        run(paths, data, jobs=jobs)
    assert temp_files(data) == []
    manifest = Manifest.load(data)
    assert sorted(manifest.documents) == [str(p) for p in paths[:3]] and len(stored) == 3
    on_disk = {f"{layout.GRAPHS_DIR}/{p.name}" for p in (data / layout.GRAPHS_DIR).iterdir()}
    assert on_disk == set(manifest.files())


@needs_fork
def test_a_dead_worker_fails_its_own_file_and_the_batch_goes_on(tmp_path: Path) -> None:
    paths = write_reports(tmp_path / "reports", 8)
    doomed = paths[3].with_name("003-die.txt")  # not the first file: that one runs in this process
    paths[3].rename(doomed)
    paths[3] = doomed
    data = tmp_path / "data"
    report = runner.ingest(
        [str(p) for p in paths], data, jobs=2, load=dying_load, extract=fake_extract, refresh_graph=False
    )
    by_path = {r.path: r for r in report.results}
    assert [r.path for r in report.results] == sorted(str(p) for p in paths)
    assert [r.path for r in report.failed] == [str(doomed)]
    assert by_path[str(doomed)].error == WORKER_DIED
    assert sorted(Manifest.load(data).documents) == sorted(str(p) for p in paths if p != doomed)
    assert temp_files(data) == []


@needs_fork
def test_files_after_a_dead_worker_are_still_ingested_in_parallel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kg.ingest import workers

    monkeypatch.setattr(workers, "LOOK_AHEAD_PER_JOB", 1)  # the pool breaks with files not yet submitted
    paths = write_reports(tmp_path / "reports", 10)
    doomed = paths[2].with_name("002-die.txt")
    paths[2].rename(doomed)
    paths[2] = doomed
    data = tmp_path / "data"
    report = runner.ingest(
        [str(p) for p in paths], data, jobs=2, load=dying_load, extract=fake_extract, refresh_graph=False
    )
    assert [r.status for r in report.results] == ["new"] * 2 + ["failed"] + ["new"] * 7
    assert len(Manifest.load(data).documents) == 9


@needs_fork
def test_the_cli_reports_a_dead_worker_in_one_line_and_exits_nonzero(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_DATA_DIR", os.environ.get("KG_DATA_DIR", ""))  # kg ingest exports it
    monkeypatch.setattr(work, "_default_loader", lambda: dying_load)
    monkeypatch.setattr(work, "_default_extractor", lambda: tiny_extract)
    paths = write_reports(tmp_path / "reports", 4)
    doomed = paths[2].rename(paths[2].with_name("002-die.txt"))  # 000 runs first, in this process
    code, output = invoke(
        "ingest",
        str(tmp_path / "reports"),
        "--data-dir",
        str(tmp_path / "data"),
        "--no-graph",
        "-j",
        "2",
    )
    assert code == 1, output
    assert [line for line in output.splitlines() if line.startswith("failed ")] == [
        f"failed {doomed}: {WORKER_DIED}"
    ]
    assert "3 new, 0 updated, 0 unchanged, 1 failed" in output
    assert len(Manifest.load(tmp_path / "data").documents) == 3
