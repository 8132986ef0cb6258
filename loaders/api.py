"""Entry points: a file, bytes or text in, a normalized, segmented Document out."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from kg.loaders.jurisdiction import find_jurisdiction
from kg.loaders.kinds import assign_kinds, kind_at
from kg.loaders.metadata import DocumentMeta, read_metadata
from kg.loaders.model import Document, LoadError, SectionKind, Skipped
from kg.loaders.normalize import normalize
from kg.loaders.readers import EXTENSIONS, UNSUPPORTED, detect_format, read_text
from kg.loaders.script import to_simplified
from kg.loaders.sections import Structure, build_sections
from kg.loaders.sentences import KindAt, split_sentences

from kg import config

PathLike = str | os.PathLike[str]


def load(path: PathLike, *, max_bytes: int | None = None) -> Document:
    """Read one report file (txt/html/pdf/docx). Raises LoadError with the reason."""
    name = str(path)
    limit = config.max_bytes() if max_bytes is None else max_bytes
    try:
        data = _read_file(path, name, limit)
    except OSError as exc:
        # Diagnose only on failure: the checks cost as much as the read on the common path.
        p = Path(path)
        if not p.exists():
            raise LoadError(name, "no such file") from exc
        if p.is_dir():
            raise LoadError(name, "is a directory") from exc
        raise LoadError(name, f"cannot read: {exc.strerror or exc}") from exc
    return load_bytes(data, name, max_bytes=limit)


def _read_file(path: PathLike, name: str, limit: int) -> bytes:
    """The file's bytes; LoadError when it is larger than ``limit`` (checked before reading)."""
    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > limit:
            raise LoadError(name, f"too large ({size} bytes; limit {limit}, see --max-bytes)")
        return fh.read()


def load_bytes(data: bytes, path: str, fmt: str | None = None, *, max_bytes: int | None = None) -> Document:
    """Read a report from its bytes; ``fmt`` (txt/html/pdf/docx) overrides detection."""
    limit = config.max_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        raise LoadError(path, f"too large ({len(data)} bytes; limit {limit}, see --max-bytes)")
    if not data.strip():
        raise LoadError(path, "empty file")
    source_format = detect_format(data, path, fmt)
    if source_format == "zip":
        raise LoadError(path, "a zip archive, not a DOCX document")
    read = read_text(data, path, source_format)
    return build_document(read.text, path=path, sha256=hashlib.sha256(data).hexdigest(),
                          encoding=read.encoding, source_format=read.source_format)


def load_text(text: str, path: str = "<text>") -> Document:
    """Build a Document from text already in memory (sha256 of its UTF-8 bytes)."""
    if "\x00" in text:
        raise LoadError(path, "binary content (NUL characters)")
    if not text.strip():
        raise LoadError(path, "empty text")
    sha256 = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return build_document(text, path=path, sha256=sha256, encoding=None, source_format="txt")


def build_document(original: str, *, path: str, sha256: str, encoding: str | None,
                   source_format: str) -> Document:
    """Normalize, segment and describe ``original`` (the decoded or extracted text)."""
    norm = normalize(original)
    text, converted = to_simplified(norm.text)
    if not text.strip():
        raise LoadError(path, "no text content")
    structure = build_sections(text)
    meta = read_metadata(text, structure.sections)
    assign_kinds(structure.sections, structure.part_starts, meta.doc_type, meta.summary_year, meta.plan_year)
    sentences = split_sentences(text, norm.offsets, structure.sections, outside=_part_kind(structure, meta))
    return Document(
        path=path,
        sha256=sha256,
        original_text=original,
        text=text,
        offsets=norm.offsets,
        source_format=source_format,
        encoding=encoding,
        converted_from_traditional=converted,
        title=meta.title,
        issuer=meta.issuer,
        jurisdiction=find_jurisdiction(meta.title, meta.issuer, text),
        doc_type=meta.doc_type,
        summary_year=meta.summary_year,
        plan_year=meta.plan_year,
        period_start=meta.period_start,
        period_end=meta.period_end,
        sections=structure.sections,
        sentences=sentences,
    )


def _part_kind(structure: Structure, meta: DocumentMeta) -> KindAt:
    """Kind and year of text outside any section, from the part of the report it stands in."""

    def kind_and_year(position: int) -> tuple[SectionKind | None, int | None]:
        kind = kind_at(position, structure.part_starts, meta.doc_type)
        year = meta.summary_year if kind == "reporting" else meta.plan_year if kind == "planning" else None
        return kind, year

    return kind_and_year


def iter_documents(
    paths: Iterable[PathLike], *, recursive: bool = True, max_bytes: int | None = None
) -> Iterator[Document | LoadError | Skipped]:
    """Load every file named or found under the directories named; never raises for one file.

    Files named explicitly are always tried; files found in a directory walk are tried when
    their extension is supported and reported as Skipped otherwise.
    """
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for child in _walk(p, recursive):
                suffix = child.suffix.lower()
                if suffix in EXTENSIONS:
                    yield _safe_load(child, max_bytes)
                else:
                    hint = f": {UNSUPPORTED[suffix]}" if suffix in UNSUPPORTED else ""
                    kind = child.suffix or "(no extension)"
                    yield Skipped(str(child), f"unsupported file type {kind}{hint}")
        else:
            yield _safe_load(p, max_bytes)


def _walk(root: Path, recursive: bool) -> list[Path]:
    pattern = root.rglob("*") if recursive else root.glob("*")
    return sorted(p for p in pattern if p.is_file() and not _hidden(p.relative_to(root)))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _safe_load(path: Path, max_bytes: int | None) -> Document | LoadError:
    try:
        return load(path, max_bytes=max_bytes)
    except LoadError as exc:
        return exc
    except Exception as exc:
        return LoadError(str(path), f"internal error: {type(exc).__name__}: {exc}")
