"""Entry points: load/load_bytes/load_text errors and directory walks that never stop on one file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from kg.loaders import Document, LoadError, Skipped, iter_documents, load, load_bytes, load_text

REPORT = "东莞市市场监管局2020年工作总结\n一、2020年工作总结\n企业开办时间压缩至 0.5 个工作日。\n"


def _zip_without_word() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "not a document")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"\n \n\t", "empty file"),
        ("nul.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(0, 256, 3)) * 4, "binary"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj garbage", "PDF"),
        ("broken.docx", b"PK\x03\x04 not really a zip", "DOCX"),
        ("archive.zip", _zip_without_word(), "zip archive"),
        ("empty.html", b"<html><body><script>var a=1;</script></body></html>", "no text"),
        ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64, "save it as .docx"),
        ("scan.png", b"\x89PNG\r\n\x1a\n", "image"),
    ],
)
def test_bad_input_raises_load_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(LoadError) as err:
        load(path)
    assert reason in err.value.reason
    assert err.value.path == str(path)


def test_missing_directory_and_oversized(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        load(tmp_path / "missing.txt")
    with pytest.raises(LoadError, match="is a directory"):
        load(tmp_path)
    path = tmp_path / "big.txt"
    path.write_text(REPORT, encoding="utf-8")
    with pytest.raises(LoadError, match="too large"):
        load(path, max_bytes=10)
    with pytest.raises(LoadError, match="too large"):
        load_bytes(REPORT.encode(), "big.txt", max_bytes=10)
    assert load(path, max_bytes=len(REPORT.encode())).title == "东莞市市场监管局2020年工作总结"


def test_max_bytes_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPORT, encoding="utf-8")
    monkeypatch.setenv("KG_MAX_BYTES", "20")
    with pytest.raises(LoadError, match="limit 20"):
        load(path)


def test_load_text_and_sha256() -> None:
    import hashlib

    doc = load_text(REPORT, path="mem")
    assert doc.sha256 == hashlib.sha256(REPORT.encode()).hexdigest()
    assert doc.path == "mem" and doc.source_format == "txt"
    assert "企业开办时间压缩至0.5个工作日。" in [s.text for s in doc.sentences]
    with pytest.raises(LoadError):
        load_text("  \n ")


def test_iter_documents_reports_each_file(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (tmp_path / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    page = f"<html><body><p>{REPORT}</p></body></html>"
    (tmp_path / "sub" / "page.html").write_text(page, encoding="utf-8")
    results = list(iter_documents([tmp_path, tmp_path / "missing.txt"]))
    by_name = {Path(r.path).name: r for r in results}
    assert set(by_name) == {"good.txt", "empty.txt", "photo.png", "page.html", "missing.txt"}
    assert isinstance(by_name["good.txt"], Document) and isinstance(by_name["page.html"], Document)
    assert isinstance(by_name["empty.txt"], LoadError) and isinstance(by_name["missing.txt"], LoadError)
    assert isinstance(by_name["photo.png"], Skipped) and ".png" in by_name["photo.png"].reason
    flat = {Path(r.path).name for r in iter_documents([tmp_path], recursive=False)}
    assert "page.html" not in flat and "good.txt" in flat


def test_iter_documents_survives_reader_bugs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import kg.loaders.api as load_module

    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")

    def explode(*args: object, **kwargs: object) -> Document:
        raise RuntimeError("boom")

    monkeypatch.setattr(load_module, "load", explode)
    (result,) = list(iter_documents([tmp_path]))
    assert isinstance(result, LoadError) and "boom" in result.reason


def test_pdf_library_warnings_are_silenced(tmp_path: Path) -> None:
    """pypdf logs warnings on damaged files; they would add lines to `error: PATH: reason`."""
    import logging

    records: list[logging.LogRecord] = []

    class Collect(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Collect(level=logging.WARNING)
    logging.getLogger("pypdf").addHandler(handler)
    path = tmp_path / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    try:
        with pytest.raises(LoadError, match="unreadable PDF"):
            load(path)
    finally:
        logging.getLogger("pypdf").removeHandler(handler)
    assert records == []
