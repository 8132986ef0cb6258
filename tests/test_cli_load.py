"""``kg load`` rebuilds the embedded store from the stored RDF."""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main
from kg.store import open_store


def test_load_rebuilds_a_deleted_store(seeds_data_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(seeds_data_dir, data)
    shutil.rmtree(data / "ladybug")
    result = CliRunner().invoke(main, ["load", "--data-dir", str(data)])
    assert result.exit_code == 0, result.output
    assert "loaded" in result.output and "Evidence" in result.output
    with open_store("embedded", data_dir=data) as store:
        documents = store.run("MATCH (d:Document) RETURN count(d)").rows[0][0]
    assert documents == 5
