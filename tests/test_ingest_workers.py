"""The ingest worker's set-up."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from kg.ingest.workers import WORKER_GC_THRESHOLD, _start_worker


@pytest.fixture
def restored_gc_threshold() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds before the test, put back after it."""
    before = gc.get_threshold()
    yield before
    gc.set_threshold(*before)


def test_a_worker_collects_its_first_generation_less_often(restored_gc_threshold: tuple) -> None:
    gc.set_threshold(700, 10, 10)
    _start_worker()
    assert gc.get_threshold() == (WORKER_GC_THRESHOLD, 10, 10)
    assert gc.isenabled()  # collected less often, never not at all: memory stays flat


def test_the_collector_pauses_for_the_first_document_only(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The warm-up (first document) runs without cyclic collection; the next ones with it, and
    the collector is on again after the run."""
    from kg.ingest import ingest
    from tests.test_ingest import REPORTS, fake_extract, fake_load

    seen: list[bool] = []

    def recording_load(path: str):  # type: ignore[no-untyped-def]
        seen.append(gc.isenabled())
        return fake_load(path)

    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    assert gc.isenabled()
    report = ingest(
        [folder], tmp_path / "data", load=recording_load, extract=fake_extract, refresh_graph=False
    )
    assert [r.status for r in report.results] == ["new"] * len(REPORTS)
    assert seen == [False] + [True] * (len(REPORTS) - 1)
    assert gc.isenabled()
