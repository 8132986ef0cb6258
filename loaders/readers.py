"""Plain text out of the containers reports come in: txt, html, pdf (text layer) and docx.

Every reader returns the text the later stages treat as *the original*: offsets in a
Document point into it. Readers raise LoadError with a reason, never library exceptions.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass

from kg.loaders.decode import DecodedText, decode_bytes
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


def _read_txt(data: bytes, path: str) -> ReadText:
    decoded = decode_bytes(data, path)
    return ReadText(decoded.text, decoded.encoding, "txt")


# --- HTML -------------------------------------------------------------------------------

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
              "select", "button", "svg", "template")
# class/id words of page furniture on government portals.
_BOILERPLATE = re.compile(
    r"nav|menu|footer|breadcrumb|sidebar|copyright|share|banner|toolbar|foot|crumb", re.I
)
# Containers that hold the article on most sites (TRS_Editor: the CMS of many government portals).
_CONTENT_HINT = re.compile(r"TRS_Editor|article|content|main|zoom|text|detail|正文", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "table", "tr", "blockquote", "pre", "br", "hr", "dd", "dt", "center", "body"}
_CELL_TAGS = {"td", "th"}
_HEADLINE_MAX = 80


def _read_html(data: bytes, path: str) -> ReadText:
    from lxml import etree, html  # imported here: only HTML inputs pay for lxml

    decoded = _decode_html(data, path)
    try:
        root = html.document_fromstring(decoded.text)
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(path, f"unreadable HTML: {exc}") from exc
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if el.tag not in ("body", "html") and _BOILERPLATE.search(marks) and not _CONTENT_HINT.search(marks):
            _drop(el)
    main = _main_content(root)
    parts: list[str] = []
    headline = _headline_outside(root, main)
    if headline:
        parts.append(headline + "\n")
    _collect(main, parts)
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", "".join(parts)).strip("\n")
    if not text.strip():
        raise LoadError(path, "HTML page has no text")
    return ReadText(text, decoded.encoding, "html")


def _decode_html(data: bytes, path: str) -> DecodedText:
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gbk", "gb2312") else name
        try:
            return DecodedText(data.decode(name), name)
        except (UnicodeDecodeError, LookupError):
            pass  # the declared charset lies; fall back to detection
    return decode_bytes(data, path)


def _drop(el: object) -> None:
    parent = el.getparent()  # type: ignore[attr-defined]
    if parent is None:
        return
    tail = el.tail  # type: ignore[attr-defined]
    if tail:
        prev = el.getprevious()  # type: ignore[attr-defined]
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _main_content(root: object) -> object:
    """The <article>/<main> element or the largest content-hinted block, else <body>."""
    for tag in ("article", "main"):
        found = root.find(f".//{tag}")  # type: ignore[attr-defined]
        if found is not None and len(found.text_content().strip()) > 50:
            return found
    best, best_len = None, 0
    for el in root.iter("div", "td", "section"):  # type: ignore[attr-defined]
        marks = f"{el.get('class', '')} {el.get('id', '')}"
        if _CONTENT_HINT.search(marks):
            size = len(el.text_content().strip())
            if size > best_len:
                best, best_len = el, size
    body = root.find(".//body")  # type: ignore[attr-defined]
    body_len = len(body.text_content().strip()) if body is not None else 0
    if best is not None and best_len >= 0.3 * body_len:
        return best
    return body if body is not None else root


def _headline_outside(root: object, main: object) -> str | None:
    """The page's <h1> when the article container leaves it out (portals put it above)."""
    for h1 in root.iter("h1"):  # type: ignore[attr-defined]
        inside = any(anc is main for anc in h1.iterancestors())
        text = _soft(h1.text_content()).strip()
        if not inside and h1 is not main and text and len(text) <= _HEADLINE_MAX:
            return text
    return None


def _collect(el: object, parts: list[str]) -> None:
    """Text of ``el`` with a line break around every block and a space between table cells."""
    tag = el.tag if isinstance(el.tag, str) else ""  # type: ignore[attr-defined]
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    elif tag in _CELL_TAGS:
        parts.append(" ")
    if el.text and tag:  # type: ignore[attr-defined]
        parts.append(_soft(el.text))  # type: ignore[attr-defined]
    for child in el:  # type: ignore[attr-defined]
        _collect(child, parts)
        if child.tail:
            parts.append(_soft(child.tail))
    if tag in _BLOCK_TAGS:
        parts.append("\n")


def _soft(text: str) -> str:
    """Line breaks inside HTML text are layout, not content."""
    return text.replace("\r", "").replace("\n", "")


# --- PDF --------------------------------------------------------------------------------


def _read_pdf(data: bytes, path: str) -> ReadText:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
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
    lines: list[str] = []
    # Body order matters: paragraphs and tables interleave.
    for child in document.element.body.iterchildren():
        local = child.tag.rsplit("}", 1)[-1]
        if local == "p":
            lines.append(Paragraph(child, document).text)
        elif local == "tbl":
            for row in Table(child, document).rows:
                lines.append(" ".join(cell.text.replace("\n", " ") for cell in row.cells))
    text = "\n".join(lines)
    if not text.strip():
        raise LoadError(path, "DOCX document has no text")
    return ReadText(text, None, "docx")


_READERS: dict[str, Callable[[bytes, str], ReadText]] = {
    "txt": _read_txt, "html": _read_html, "pdf": _read_pdf, "docx": _read_docx,
}
