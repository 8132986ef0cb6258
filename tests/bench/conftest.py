"""Fixtures for the benchmark harness tests: the repo's ``bench`` package and the real seeds."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # bench/ is a folder of scripts, not an installed package
    sys.path.insert(0, str(REPO))

from bench.places import Gazetteer, load_gazetteer  # noqa: E402
from bench.seeds import SeedDoc, load_seeds  # noqa: E402
from kg.config import seeds_dir  # noqa: E402


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


@pytest.fixture(scope="session")
def seeds(gazetteer: Gazetteer) -> tuple[SeedDoc, ...]:
    directory = seeds_dir()
    if not any(directory.glob("*.txt")):
        pytest.skip(f"no seed reports in {directory}")
    return load_seeds(directory, gazetteer)


@pytest.fixture(scope="session")
def seed_named(seeds: tuple[SeedDoc, ...]) -> Callable[[str], SeedDoc]:
    """Look a seed up by the start of its file name (e.g. "000")."""

    def find(prefix: str) -> SeedDoc:
        return next(s for s in seeds if s.name.startswith(prefix))

    return find
