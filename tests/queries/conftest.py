"""Fixtures of the query tests: the small fixture graph, built once per session, opened per module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from kg.queries.runner import QueryRunner

from kg.store import open_store
from kg.store.base import GraphStore
from tests.queries.fixture_graph import build_fixture_data_dir


@pytest.fixture(scope="session")
def fixture_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fixture_data_dir(tmp_path_factory.mktemp("fixture-data"))


@pytest.fixture(scope="module")
def fixture_store(fixture_data_dir: Path) -> Iterator[GraphStore]:
    store = open_store("embedded", data_dir=fixture_data_dir)
    yield store
    store.close()


@pytest.fixture(scope="module")
def runner(fixture_store: GraphStore) -> QueryRunner:
    return QueryRunner(fixture_store)
