"""``kg ingest`` / ``kg remove`` through click: progress, summary table, one-line failures, exit codes."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from kg.loaders.model import Document, Jurisdiction, LoadError

from kg.cli import main
from kg.extract import model as x
from kg.ingest import Manifest, work


def tiny_load(path: str) -> Document:
    raw = Path(path).read_bytes()
    if not raw:
        raise LoadError(path, "empty file")
    text = raw.decode("utf-8")
    return Document(
        path,
        hashlib.sha256(raw).hexdigest(),
        text,
        text,
        list(range(len(text) + 1)),
        jurisdiction=Jurisdiction("东莞市", "prefecture", "广东省", "441900"),
    )


def tiny_extract(doc: Document) -> x.Extraction:
    ev = x.Evidence(doc.text, 0, "", 0, len(doc.text), 0, len(doc.text), "test.whole")
    return x.Extraction(claims=[x.NoveltyClaim(scope="national", what=doc.text[:4], evidence=ev)])


@pytest.fixture(autouse=True)
def restore_data_dir_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kg ingest`` exports KG_DATA_DIR for its stages; undo that after each in-process run."""
    monkeypatch.setenv("KG_DATA_DIR", os.environ.get("KG_DATA_DIR", ""))


@pytest.fixture
def reports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(work, "_default_loader", lambda: tiny_load)
    monkeypatch.setattr(work, "_default_extractor", lambda: tiny_extract)
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("全国首个市场监管共建共治联合会。", encoding="utf-8")
    (folder / "b.txt").write_text("全省率先实施“证照分离”改革。", encoding="utf-8")
    return folder


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.output


def test_ingest_prints_a_summary_and_is_incremental(reports: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    code, output = invoke("ingest", str(reports), "--data-dir", data, "--no-graph")
    assert code == 0, output
    assert "a.txt" in output and "b.txt" in output
    assert "2 new, 0 updated, 0 unchanged, 0 failed" in output
    code, output = invoke("ingest", str(reports), "--data-dir", data, "--no-graph")
    assert code == 0 and "0 new, 0 updated, 2 unchanged, 0 failed" in output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_relative_data_dir_works(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    """The default data dir is ``./kg-data``: a relative path, as a user types it."""
    monkeypatch.chdir(tmp_path)
    code, output = invoke("ingest", str(reports), "--data-dir", "kg-data", "--no-graph", "-j", jobs)
    assert code == 0, output
    assert "2 new, 0 updated, 0 unchanged, 0 failed" in output
    assert all((tmp_path / "kg-data" / f).is_file() for f in Manifest.load(tmp_path / "kg-data").files())


def test_data_dir_comes_from_the_environment(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path / "env-data"))
    code, output = invoke("ingest", str(reports / "a.txt"), "--no-graph", "--quiet")
    assert code == 0, output
    assert len(Manifest.load(tmp_path / "env-data").documents) == 1


def test_a_bad_file_is_one_line_and_exit_code_is_nonzero(reports: Path, tmp_path: Path) -> None:
    (reports / "empty.txt").write_bytes(b"")
    code, output = invoke("ingest", str(reports), "--data-dir", str(tmp_path / "data"), "--no-graph")
    assert code == 1
    failure_lines = [line for line in output.splitlines() if line.startswith("failed ")]
    assert failure_lines == [f"failed {reports / 'empty.txt'}: empty file"]
    assert "2 new, 0 updated, 0 unchanged, 1 failed" in output
    assert len(Manifest.load(tmp_path / "data").documents) == 2


def test_jobs_option_runs_workers(reports: Path, tmp_path: Path) -> None:
    code, output = invoke(
        "ingest", str(reports), "--data-dir", str(tmp_path / "data"), "--no-graph", "-j", "2"
    )
    assert code == 0, output
    assert len(Manifest.load(tmp_path / "data").files()) == 2


def test_remove_by_doc_id_and_unknown_ref(reports: Path, tmp_path: Path) -> None:
    data = str(tmp_path / "data")
    invoke("ingest", str(reports), "--data-dir", data, "--no-graph")
    entry = Manifest.load(Path(data)).documents[str(reports / "a.txt")]
    code, output = invoke("remove", entry.doc_id, "--data-dir", data, "--no-graph")
    assert code == 0 and f"removed {entry.doc_id}" in output
    assert str(reports / "a.txt") not in Manifest.load(Path(data)).documents
    code, output = invoke("remove", "0000000000000000", "--data-dir", data, "--no-graph")
    assert code == 1 and "not found 0000000000000000" in output


def test_no_documents_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    code, output = invoke("ingest", str(tmp_path / "empty-folder"), "--data-dir", str(tmp_path / "d"))
    assert code != 0 and "no documents found" in output
