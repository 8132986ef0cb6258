"""``manifest.json``: which documents the data dir holds and where their graphs are.

Example::

    {"format": 1,
     "documents": {
       "/abs/path/000_b7fed75f1054aa9a.txt": {
         "path": "/abs/path/000_b7fed75f1054aa9a.txt", "sha256": "b7fed7…",  (of the file's bytes)
         "doc_id": "b7fed75f1054aa9a", "graph": "https://w3id.org/regkg/id/doc/b7fed75f1054aa9a",
         "file": "graphs/b7fed75f1054aa9a.nq", "title": "…", "version": "0.1.0+rdf1",
         "ingested_at": "2026-11-21T22:40:00Z",
         "counts": {"triples": 812, "Program": 40, "Implementation": 38, "Pilot": 6, …}}}}

Entries are keyed by the absolute path of the source file; two paths with the same bytes share
one graph file. ``version`` is the code version that produced the graph: when it changes,
ingest re-extracts the document.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
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
    documents: dict[str, ManifestEntry] = field(default_factory=dict)

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
        raw = {
            "format": MANIFEST_FORMAT,
            "documents": {k: asdict(self.documents[k]) for k in sorted(self.documents)},
        }
        atomic_write_text(manifest_path(data_dir), json.dumps(raw, ensure_ascii=False, indent=1) + "\n")

    def files(self) -> list[str]:
        """The distinct graph files, in a stable order."""
        return sorted({entry.file for entry in self.documents.values()})

    def entries_for_file(self, file: str) -> list[ManifestEntry]:
        return [entry for entry in self.documents.values() if entry.file == file]

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
