"""Fixtures of the viz tests: the sample and the large synthetic graph in real embedded stores."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.base import GraphStore
from kg.store.embedded import build_from_graph
from kg.store.records import PropertyGraph
from tests.viz.sample_graphs import sample_graph, synthetic_graph


def _build(graph: PropertyGraph, root: Path) -> Path:
    path = root / "ladybug"
    build_from_graph(graph, path)
    return path


@pytest.fixture(scope="session")
def sample_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(sample_graph(), tmp_path_factory.mktemp("viz-sample"))


@pytest.fixture
def sample_store(sample_store_dir: Path) -> Iterator[GraphStore]:
    store = open_store("embedded", path=sample_store_dir)
    yield store
    store.close()


@pytest.fixture(scope="session")
def big_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 2,600 drawable nodes (120 places × 20 implementations + programs), 2,400 evidence."""
    return _build(synthetic_graph(120, 20), tmp_path_factory.mktemp("viz-big"))


@pytest.fixture
def big_store(big_store_dir: Path) -> Iterator[GraphStore]:
    store = open_store("embedded", path=big_store_dir)
    yield store
    store.close()
