"""A store built by an older regkg says so on every command, and `kg load` or `kg ingest` rebuild it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.embedded import MANIFEST_FILENAME, recorded_layout, store_dir
from kg.store.layout import layout_fingerprint

OLD_LAYOUT = "r0-000000000000"


@pytest.fixture()
def stale_data_dir(seeds_data_dir: Path, tmp_path: Path) -> Path:
    """A copy of the seeds data dir whose store manifest names another layout."""
    data = tmp_path / "data"
    shutil.copytree(seeds_data_dir, data)
    manifest_path = store_dir(data) / MANIFEST_FILENAME
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["layout"] = OLD_LAYOUT
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    return data


def _query(data: Path) -> object:
    return CliRunner().invoke(main, ["query", "adoption-matrix", "--format", "json", "--data-dir", str(data)])


def test_a_stale_store_fails_with_advice_and_kg_load_fixes_it(stale_data_dir: Path) -> None:
    stale = _query(stale_data_dir)
    assert stale.exit_code != 0
    assert "was built by an older regkg" in stale.output and "rebuild it with `kg load`" in stale.output

    loaded = CliRunner().invoke(main, ["load", "--data-dir", str(stale_data_dir)])
    assert loaded.exit_code == 0, loaded.output
    assert recorded_layout(store_dir(stale_data_dir)) == layout_fingerprint()
    fixed = _query(stale_data_dir)
    assert fixed.exit_code == 0, fixed.output
    assert json.loads(fixed.output), fixed.output


def test_ingest_with_nothing_new_rebuilds_a_stale_store(stale_data_dir: Path, seeds_dir: Path) -> None:
    from kg.ingest import ingest

    report = ingest([seeds_dir], stale_data_dir, jobs=1)
    assert not report.changed
    assert report.refresh is not None and report.refresh.status == "done", report.refresh
    assert recorded_layout(store_dir(stale_data_dir)) == layout_fingerprint()


def test_ingest_with_nothing_new_leaves_a_current_store(
    seeds_data_dir: Path, seeds_dir: Path, tmp_path: Path
) -> None:
    from kg.ingest import ingest

    data = tmp_path / "data"
    shutil.copytree(seeds_data_dir, data)
    report = ingest([seeds_dir], data, jobs=1)
    assert not report.changed and report.refresh is None
