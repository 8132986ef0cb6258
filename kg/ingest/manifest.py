"""``manifest.json``: which documents the data dir holds and where their graphs are.

Example::

    {"format": 1,
     "documents": {
       "/abs/path/000_b7fed75f1054aa9a.txt": {
         "path": "/abs/path/000_b7fed75f1054aa9a.txt", "sha256": "b7fed7…",  (of the file's bytes)
         "doc_id": "b7fed75f1054aa9a", "graph": "https://w3id.org/regkg/id/doc/b7fed75f1054aa9a",
         "file": "graphs/b7fed75f1054aa9a.nq", "title": "…", "version": "0.1.0+3f2a9c0d11be",
         "ingested_at": "2026-11-21T22:40:00Z",
         "counts": {"triples": 812, "Program": 40, "Implementation": 38, "Pilot": 6, …}}}}

Entries are keyed by the absolute path of the source file; two paths with the same bytes share
one graph file. ``version`` is the code that produced the graph (:func:`kg.ingest.version.code_version`):
when the loader, extractor, mapping or vocabulary change, ingest re-extracts the document.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, fields
from operator import attrgetter
from pathlib import Path

from kg.ingest.layout import atomic_write_text, manifest_path

MANIFEST_FORMAT = 1


@dataclass
class ManifestEntry:
    path: str
    sha256: str
    doc_id: str
    graph: str
    file: str
    title: str | None = None
    version: str = ""
    ingested_at: str = ""
    counts: dict[str, int] = field(default_factory=dict)


@dataclass
class Manifest:
    """The entries by source path, with indexes by content hash and graph file."""

    documents: dict[str, ManifestEntry] = field(default_factory=dict)
    _by_sha: dict[str, dict[str, ManifestEntry]] = field(default_factory=dict, init=False, repr=False)
    # an entry's text in the file, by its key and field values (see text())
    _entry_texts: dict[tuple[object, ...], str] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for entry in self.documents.values():
            self._by_sha.setdefault(entry.sha256, {})[entry.path] = entry

    @classmethod
    def load(cls, data_dir: Path) -> Manifest:
        """The manifest of ``data_dir``; an empty one when nothing was ingested yet."""
        path = manifest_path(data_dir)
        if not path.is_file():
            return cls()
        raw = json.loads(path.read_text(encoding="utf-8"))
        return cls({key: ManifestEntry(**entry) for key, entry in raw.get("documents", {}).items()})

    def save(self, data_dir: Path) -> None:
        """Write atomically, sorted, so the file is stable and never half-written."""
        atomic_write_text(manifest_path(data_dir), self.text())

    def text(self) -> str:
        """The file's text: ``json.dumps`` of the manifest with ``indent=1``, sorted by path.

        Each entry's part is kept from the previous save while its fields are the same: the
        indenting encoder is pure Python, and a run saves a growing manifest every few seconds.
        """
        texts: dict[tuple[object, ...], str] = {}
        parts = []
        for key in sorted(self.documents):
            fields = _entry_fields(key, self.documents[key])
            part = self._entry_texts.get(fields) or _entry_text(key, self.documents[key])
            texts[fields] = part
            parts.append(part)
        self._entry_texts = texts
        documents = "{\n" + ",\n".join(parts) + "\n }" if parts else "{}"
        return f'{{\n "format": {MANIFEST_FORMAT},\n "documents": {documents}\n}}\n'

    def put(self, entry: ManifestEntry) -> ManifestEntry | None:
        """Add or replace the entry of ``entry.path``; returns the one it replaced."""
        previous = self.pop(entry.path)
        self.documents[entry.path] = entry
        self._by_sha.setdefault(entry.sha256, {})[entry.path] = entry
        return previous

    def pop(self, path: str) -> ManifestEntry | None:
        removed = self.documents.pop(path, None)
        if removed is not None:
            self._by_sha.get(removed.sha256, {}).pop(path, None)
        return removed

    def files(self) -> list[str]:
        """The distinct graph files, in a stable order."""
        return sorted({entry.file for entry in self.documents.values()})

    def entries_for_file(self, file: str) -> list[ManifestEntry]:
        return [entry for entry in self.documents.values() if entry.file == file]

    def with_sha(self, sha256: str) -> list[ManifestEntry]:
        """Entries whose source bytes hash to ``sha256`` (the same document under any path)."""
        return list(self._by_sha.get(sha256, {}).values())

    def find(self, ref: str) -> list[ManifestEntry]:
        """Entries a user means by ``ref``: a path, a doc id, a graph IRI or a doc id prefix."""
        absolute = str(Path(ref).expanduser().resolve())
        if absolute in self.documents:
            return [self.documents[absolute]]
        exact = [e for e in self.documents.values() if ref in (e.doc_id, e.graph, e.path)]
        if exact:
            return exact
        if len(ref) >= 6:  # a doc id prefix, long enough not to match by accident
            return [e for e in self.documents.values() if e.doc_id.startswith(ref.lower())]
        return []


def _entry_json(entry: ManifestEntry) -> dict[str, object]:
    """The entry's fields in declaration order (``asdict`` would deep-copy: half a save's time)."""
    return {name: getattr(entry, name) for name in _ENTRY_FIELDS}


_ENTRY_FIELDS = tuple(f.name for f in fields(ManifestEntry))


# The fields in declaration order in one C call, and where the one dict-valued field sits: a
# save snapshots every entry, so this runs for each entry of a growing manifest every few seconds.
_ENTRY_VALUES = attrgetter(*_ENTRY_FIELDS)
_COUNTS_AT = _ENTRY_FIELDS.index("counts")


def _entry_fields(key: str, entry: ManifestEntry) -> tuple[object, ...]:
    """Everything an entry's text depends on, as a hashable snapshot (counts as its items; a
    dict in another field would fail to hash here, loudly, rather than be kept stale)."""
    values = _ENTRY_VALUES(entry)
    return (key, *values[:_COUNTS_AT], tuple(values[_COUNTS_AT].items()), *values[_COUNTS_AT + 1 :])


def _entry_text(key: str, entry: ManifestEntry) -> str:
    """``"key": {…}`` as ``json.dumps(…, indent=1)`` writes it two levels deep in the manifest."""
    body = json.dumps(_entry_json(entry), ensure_ascii=False, indent=1).replace("\n", "\n  ")
    return f"  {json.dumps(key, ensure_ascii=False)}: {body}"


@dataclass
class ManifestWriter:
    """Saves a manifest in batches and deletes replaced graph files only after a save.

    Rewriting the whole manifest after every document costs O(n²) on large batches, so it is
    saved every ``every_docs`` changes or ``every_seconds``, and always by :meth:`commit` with
    ``force`` (callers do that in ``finally``, so Ctrl-C keeps every finished document). A file
    no saved manifest names is never read, so delaying a save only delays when work counts.
    Saves of a large manifest are also spaced so they take at most ``1 / save_spacing`` of the
    run's time (a save of 1,000 entries costs tens of milliseconds; 10,000 ten times that).
    """

    manifest: Manifest
    data_dir: Path
    every_docs: int = 50
    every_seconds: float = 2.0
    save_spacing: float = 20.0
    _unsaved: int = 0
    _last_save: float = field(default_factory=time.monotonic)
    _last_cost: float = 0.0  # seconds the last save took
    _replaced: list[ManifestEntry] = field(default_factory=list)

    def put(self, entry: ManifestEntry) -> None:
        self._changed(self.manifest.put(entry))

    def pop(self, path: str) -> ManifestEntry | None:
        removed = self.manifest.pop(path)
        self._changed(removed)
        return removed

    def _changed(self, replaced: ManifestEntry | None) -> None:
        self._unsaved += 1
        if replaced is not None:
            self._replaced.append(replaced)
        self.commit()

    def commit(self, force: bool = False) -> None:
        """Save if forced or due, then delete the graph files no entry names any more."""
        elapsed = time.monotonic() - self._last_save
        due = (self._unsaved >= self.every_docs or elapsed >= self.every_seconds) and (
            elapsed >= self.save_spacing * self._last_cost
        )
        if not self._unsaved or not (force or due):
            return
        started = time.monotonic()
        self.manifest.save(self.data_dir)
        self._unsaved, self._last_save = 0, time.monotonic()
        self._last_cost = self._last_save - started
        in_use = set(self.manifest.files())
        for entry in self._replaced:
            if entry.file not in in_use:
                (self.data_dir / entry.file).unlink(missing_ok=True)
        self._replaced.clear()
