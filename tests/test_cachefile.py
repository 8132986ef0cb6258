"""Cache files are written whole or not at all, and a cache that cannot be written is no error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from kg.cachefile import write_cache_file


def test_writes_and_replaces_whole(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "entry.pickle"
    assert write_cache_file(path, b"first")
    assert write_cache_file(path, b"second")
    assert path.read_bytes() == b"second"
    assert [p.name for p in path.parent.iterdir()] == ["entry.pickle"]  # no temporary file left


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_an_unwritable_folder_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert not write_cache_file(folder / "entry.pickle", b"data")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o700)


def test_a_failed_write_leaves_no_temporary_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(src: str, dst: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    assert not write_cache_file(tmp_path / "entry.pickle", b"data")
    assert list(tmp_path.iterdir()) == []
