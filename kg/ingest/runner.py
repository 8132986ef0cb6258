"""``kg ingest`` and ``kg remove`` as library calls: incremental, streaming, crash-safe.

Per file: hash the bytes; unchanged (same hash and code version, graph present) → skipped
without loading; otherwise load → extract → map → write the graph to a temporary file in a
worker (``jobs`` processes), then flush and move it into place and record it in the manifest
in this process. One document's graph is in memory at a time per worker, and only small
results (names and counts) come back.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from kg.config import data_dir as resolve_data_dir
from kg.ingest.layout import (
    commit_staged_file,
    data_dir_lock,
    discard_staged_file,
    remove_stale_temp_files,
)
from kg.ingest.manifest import Manifest, ManifestEntry, ManifestWriter
from kg.ingest.refresh import GraphRefresh, embedded_graph_stale, refresh_embedded_graph
from kg.ingest.version import code_version
from kg.ingest.work import Extractor, Loader, Processed, process_file
from kg.ingest.workers import WorkerBatch
from kg.store.gc_pause import paused_gc

log = logging.getLogger(__name__)

Status = Literal["new", "updated", "unchanged", "failed", "removed"]

# The file kinds a directory is searched for; files named explicitly are always tried.
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm", ".pdf", ".docx")


@dataclass
class FileResult:
    """The outcome for one input file, as the summary table shows it."""

    path: str
    status: Status
    doc_id: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


@dataclass
class IngestReport:
    results: list[FileResult] = field(default_factory=list)
    extracted: list[str] = field(default_factory=list)  # paths that were (re-)extracted this run
    refresh: GraphRefresh | None = None

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def changed(self) -> bool:
        return any(r.status in ("new", "updated", "removed") for r in self.results)


ResultCallback = Callable[[FileResult], None]


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    data_dir: str | os.PathLike[str] | None = None,
    *,
    jobs: int = 1,
    force: bool = False,
    refresh_graph: bool = True,
    prune: bool = False,
    on_result: ResultCallback | None = None,
    load: Loader | None = None,
    extract: Extractor | None = None,
) -> IngestReport:
    """Store one named graph per document of ``paths`` (files or directories) in ``data_dir``.

    ``prune`` also drops stored documents whose source file inside one of the given folders is
    gone (status "removed"), so re-ingesting a folder mirrors it. ``load``/``extract`` replace
    the loader and extractor (module-level functions, so they pickle into workers);
    ``on_result`` is called once per file as soon as it is settled.
    """
    root = resolve_data_dir(data_dir)
    report = IngestReport()
    notify = on_result or (lambda result: None)

    def settle(result: FileResult) -> None:
        report.results.append(result)
        notify(result)

    with data_dir_lock(root):
        remove_stale_temp_files(root)
        writer = ManifestWriter(Manifest.load(root), root)
        version = code_version()
        try:
            pending: list[tuple[str, str, Status]] = []  # (path, sha256, status if it succeeds)
            files = list(expand_paths(paths))
            if prune:
                for gone in _vanished(writer.manifest, paths, files):
                    writer.pop(gone.path)
                    settle(FileResult(gone.path, "removed", gone.doc_id, dict(gone.counts)))
            for path in files:
                try:
                    sha = file_sha256(path)
                except OSError as error:
                    settle(FileResult(path, "failed", error=error.strerror or str(error)))
                    continue
                decision = _decide(writer.manifest, root, path, sha, force, version)
                if decision == "unchanged":
                    settle(_reuse(writer, root, path, sha, version))
                else:
                    pending.append((path, sha, decision))
            # closing: on Ctrl-C the workers stop and their staged graphs go now, under the lock
            with contextlib.closing(_run(pending, root, jobs, load, extract)) as processed_files:
                for (path, sha, status), processed in zip(pending, processed_files, strict=True):
                    report.extracted.append(path)
                    settle(_store(writer, root, path, sha, status, processed, version))
        finally:
            writer.commit(force=True)  # also on Ctrl-C: every finished document stays stored
        # under the lock: the store sees one consistent dataset; a store built by an older regkg
        # is rebuilt even when no document changed, or its queries would keep failing
        if refresh_graph and (report.changed or embedded_graph_stale(root)):
            report.refresh = refresh_embedded_graph(root)
    return report


def remove(
    refs: Iterable[str], data_dir: str | os.PathLike[str] | None = None, *, refresh_graph: bool = True
) -> tuple[list[ManifestEntry], list[str], GraphRefresh | None]:
    """Drop the documents ``refs`` name (path, doc id, graph IRI); returns (removed, not found, refresh)."""
    root = resolve_data_dir(data_dir)
    removed: list[ManifestEntry] = []
    missing: list[str] = []
    with data_dir_lock(root):
        writer = ManifestWriter(Manifest.load(root), root)
        try:
            for ref in refs:
                entries = writer.manifest.find(ref)
                if not entries:
                    missing.append(ref)
                removed.extend(entry for entry in entries if writer.pop(entry.path) is not None)
        finally:
            writer.commit(force=True)  # the manifest first, then the files no entry names
        refresh = refresh_embedded_graph(root) if refresh_graph and removed else None
    return removed, missing, refresh


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[str]:
    """Absolute file paths: files as given, directories searched recursively for documents, sorted."""
    seen: set[str] = set()
    for given in paths:
        path = Path(given).expanduser().resolve()
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found = [path]
        for file in found:
            if str(file) not in seen:
                seen.add(str(file))
                yield str(file)


def _vanished(
    manifest: Manifest, paths: Iterable[str | os.PathLike[str]], files: list[str]
) -> list[ManifestEntry]:
    """Stored documents whose source lay inside one of the given folders and is no longer there."""
    folders = [Path(p).expanduser().resolve() for p in paths if Path(p).expanduser().is_dir()]
    present = set(files)
    return [
        entry
        for entry in manifest.documents.values()
        if entry.path not in present and any(Path(entry.path).is_relative_to(folder) for folder in folders)
    ]


def file_sha256(path: str) -> str:
    """sha256 of the file's bytes, read in chunks (files may be large PDFs)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _decide(manifest: Manifest, root: Path, path: str, sha: str, force: bool, version: str) -> Status:
    """unchanged (these bytes are stored by this code version), updated (path stored, differs) or new."""
    if not force and any(e.version == version and (root / e.file).is_file() for e in manifest.with_sha(sha)):
        return "unchanged"
    return "updated" if path in manifest.documents else "new"


def _reuse(writer: ManifestWriter, root: Path, path: str, sha: str, version: str) -> FileResult:
    """Record ``path`` against the stored graph of the same bytes, without any extraction."""
    twin = next(
        e for e in writer.manifest.with_sha(sha) if e.version == version and (root / e.file).is_file()
    )
    previous = writer.manifest.documents.get(path)
    if previous is None or previous.sha256 != sha:  # same bytes under a new path, or changed back
        writer.put(replace(twin, path=path))
    return FileResult(path, "unchanged", doc_id=twin.doc_id, counts=dict(twin.counts))


def _run(
    pending: list[tuple[str, str, Status]],
    root: Path,
    jobs: int,
    load: Loader | None,
    extract: Extractor | None,
) -> Iterator[Processed]:
    """Process (and stage) the pending files, serially or in ``jobs`` worker processes; results
    come back in input order. Closing the generator early stops the workers and discards the
    graphs they staged that were not handed out (:class:`kg.ingest.workers.WorkerBatch`).

    With workers, the first file is processed here before they start: that loads the
    gazetteer, jieba, the vocabulary and the matchers once, and forked workers inherit them
    instead of each paying that start-up (seconds of CPU) again.
    """
    if not pending:
        return
    # The warm-up builds long-lived tables (the gazetteer's divisions, the matchers, the vocabulary):
    # collections during it walk every object built so far, a third of a second for no garbage.
    with paused_gc():
        first = process_file(pending[0][0], load, extract, root)
    yield first
    if jobs <= 1 or len(pending) <= 1:
        for path, _, _ in pending[1:]:
            yield process_file(path, load, extract, root)
        return
    batch = WorkerBatch(jobs, root, load, extract)
    with _frozen_heap():
        try:
            yield from batch.results([path for path, _, _ in pending[1:]])
        finally:
            batch.close()


@contextlib.contextmanager
def _frozen_heap() -> Iterator[None]:
    """Keep the warmed-up tables out of the cyclic garbage collector while workers run.

    Forked workers share the parent's memory copy-on-write; a full collection walks (and so
    writes to) every tracked object, copying the pages of the gazetteer, jieba's dictionary
    and the automata into each worker. Frozen objects are never walked.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _store(
    writer: ManifestWriter,
    root: Path,
    path: str,
    sha: str,
    status: Status,
    processed: Processed,
    version: str,
) -> FileResult:
    """Move the graph the worker staged into place, then record it in the manifest (which drops
    a replaced graph once saved); if that is interrupted, drop the staged graph."""
    try:
        if processed.error is not None or processed.staged is None or processed.file is None:
            if processed.staged is not None:
                discard_staged_file(root / processed.staged)
            log.info("%s: failed: %s", path, processed.error)
            return FileResult(path, "failed", error=processed.error, seconds=processed.seconds)
        commit_staged_file(root / processed.staged, root / processed.file)
        writer.put(
            ManifestEntry(
                path=path,
                sha256=sha,
                doc_id=processed.doc_id or "",
                graph=processed.graph or "",
                file=processed.file,
                title=processed.title,
                version=version,
                ingested_at=datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                counts=processed.counts,
            )
        )
    except BaseException:  # interrupted: the staged graph is not wanted (gone if already moved)
        if processed.staged is not None:
            discard_staged_file(root / processed.staged)
        raise
    log.info("%s: %s %s in %.2fs", path, status, processed.doc_id, processed.seconds)
    return FileResult(path, status, processed.doc_id, processed.counts, seconds=processed.seconds)
