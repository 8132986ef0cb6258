"""Plain text out of the containers reports come in: txt, html, pdf (text layer) and docx.

Every reader returns the text the later stages treat as *the original*: offsets in a
Document point into it. Readers raise LoadError with a reason, never library exceptions.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from kg.loaders.decode import decode_bytes
from kg.loaders.model import LoadError

SUPPORTED_FORMATS = ("txt", "html", "pdf", "docx")
EXTENSIONS: dict[str, str] = {
    ".txt": "txt", ".text": "txt", ".md": "txt",
    ".html": "html", ".htm": "html", ".xhtml": "html", ".shtml": "html",
    ".pdf": "pdf", ".docx": "docx",
}
# Formats reports also come in that regkg does not read, with what to do about them.
UNSUPPORTED: dict[str, str] = {
    ".doc": "old binary Word document; save it as .docx",
    ".wps": "WPS document; save it as .docx",
    ".ofd": "OFD document; export it as PDF",
    ".caj": "CAJ document; export it as PDF",
    ".rtf": "RTF document; save it as .docx",
    ".xls": "spreadsheet", ".xlsx": "spreadsheet", ".et": "spreadsheet",
    ".ppt": "slides", ".pptx": "slides",
    ".png": "image (scans need OCR)", ".jpg": "image (scans need OCR)", ".jpeg": "image (scans need OCR)",
    ".gif": "image", ".tif": "image (scans need OCR)", ".tiff": "image (scans need OCR)",
    ".zip": "archive; unpack it first", ".rar": "archive; unpack it first", ".7z": "archive; unpack it first",
}


@dataclass(frozen=True)
class ReadText:
    """Text extracted from a file, with the encoding it was decoded from (text formats only)."""

    text: str
    encoding: str | None
    source_format: str


def detect_format(data: bytes, path: str, fmt: str | None = None) -> str:
    """The format named by ``fmt``, else by the file's magic bytes, else by its extension."""
    if fmt is not None:
        if fmt not in SUPPORTED_FORMATS:
            raise LoadError(path, f"unsupported format {fmt!r}")
        return fmt
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx" if _is_docx(data) else "zip"
    ext = _extension(path)
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if ext in UNSUPPORTED:
        raise LoadError(path, f"unsupported file type {ext}: {UNSUPPORTED[ext]}")
    head = data[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head:
        return "html"
    return "txt"


def read_text(data: bytes, path: str, fmt: str) -> ReadText:
    """Extract the text of ``data`` in format ``fmt``."""
    reader = _READERS.get(fmt)
    if reader is None:
        raise LoadError(path, f"unsupported format {fmt!r} (supported: {', '.join(SUPPORTED_FORMATS)})")
    return reader(data, path)


def _extension(path: str) -> str:
    m = re.search(r"\.[A-Za-z0-9]+$", path)
    return m.group().lower() if m else ""


def _is_docx(data: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return "word/document.xml" in zf.namelist()
    except zipfile.BadZipFile:
        return False


@contextmanager
def _quiet(logger_name: str) -> Iterator[None]:
    """Silence a library's warnings while it reads one file (errors still raise)."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_txt(data: bytes, path: str) -> ReadText:
    decoded = decode_bytes(data, path)
    return ReadText(decoded.text, decoded.encoding, "txt")


# --- PDF --------------------------------------------------------------------------------


def _read_pdf(data: bytes, path: str) -> ReadText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        with _quiet("pypdf"):  # its warnings would break the one-line error report
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise LoadError(path, "encrypted PDF")
            pages = [page.extract_text() or "" for page in reader.pages]
    except LoadError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, OSError) as exc:
        raise LoadError(path, f"unreadable PDF: {exc}") from exc
    text = "\n".join(pages)
    if not text.strip():
        raise LoadError(path, "PDF has no text layer (scanned images need OCR)")
    return ReadText(text, None, "pdf")


# --- DOCX -------------------------------------------------------------------------------


def _read_docx(data: bytes, path: str) -> ReadText:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(data))
    except (ValueError, KeyError, zipfile.BadZipFile, OSError) as exc:
        raise LoadError(path, f"unreadable DOCX: {exc}") from exc
    from kg.loaders.docxnum import ListNumbering

    numbering = ListNumbering.of(document)
    lines: list[str] = []
    # Body order matters: paragraphs and tables interleave.
    for child in document.element.body.iterchildren():
        local = child.tag.rsplit("}", 1)[-1]
        if local == "p":
            paragraph = Paragraph(child, document)
            lines.append(numbering.marker(paragraph) + paragraph.text)
        elif local == "tbl":
            for row in Table(child, document).rows:
                # a tab between cells marks the line as a table row for the normalizer
                lines.append("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(path, "DOCX document has no text")
    return ReadText(text, None, "docx")


def _read_html(data: bytes, path: str) -> ReadText:
    from kg.loaders.htmltext import html_text

    text, encoding = html_text(data, path)
    return ReadText(text, encoding, "html")


_READERS: dict[str, Callable[[bytes, str], ReadText]] = {
    "txt": _read_txt, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx,
}
