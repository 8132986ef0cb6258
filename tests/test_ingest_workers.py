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
