"""Shared pytest fixtures. Each stage appends its own section below."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.config import seeds_dir as configured_seeds_dir

# --- seeds (loaders) ---------------------------------------------------------------------

SEED_IDS = ("000", "001", "002", "003", "004")


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The seed reports directory ($KG_SEEDS_DIR or ../shared/seeds); skips when missing."""
    path = configured_seeds_dir()
    if not path.is_dir() or not any(path.glob("*.txt")):
        pytest.skip(f"seed reports not found in {path} (set KG_SEEDS_DIR)")
    return path


@pytest.fixture(scope="session")
def seed_paths(seeds_dir: Path) -> dict[str, Path]:
    """Seed files by their three-digit id ("000" … "004")."""
    return {p.name[:3]: p for p in sorted(seeds_dir.glob("*.txt"))}


@pytest.fixture(scope="session")
def seed_docs(seed_paths: dict[str, Path]) -> dict:
    """The seeds loaded once per test session, by id."""
    from kg.loaders import load

    return {sid: load(path) for sid, path in seed_paths.items()}


# --- stores ------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def seeds_data_dir(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data dir with every seed ingested and the embedded store built (once per session).

    Treat it as read-only: copy it (shutil.copytree) before changing anything.
    """
    from kg.ingest import ingest

    root = tmp_path_factory.mktemp("seeds-data")
    report = ingest([seeds_dir], root, jobs=2)
    assert not report.failed, [r.error for r in report.failed]
    return root
