"""Ingest: documents → one RDF named graph per document in a data dir, incrementally.

Public API::

    ingest(paths, data_dir=None, *, jobs=1, force=False, refresh_graph=True, on_result=None) -> IngestReport
    remove(refs, data_dir=None) -> (removed entries, refs not found, refresh)
    load_dataset(data_dir=None, *, with_ontology=False) -> rdflib.Dataset
    iter_graphs(data_dir=None) -> Iterator[rdflib.Graph]     # one named graph at a time
    iter_quads(data_dir=None) -> Iterator[(s, p, o, graph IRI)]  # fastest full read, no Dataset
    graph_paths(data_dir=None) -> list[Path]                  # the N-Quads files, for bulk loaders
    Manifest.load(data_dir)                                   # what is stored (kg.ingest.manifest)

The on-disk layout is documented in :mod:`kg.ingest.layout`.
"""

from __future__ import annotations

from kg.ingest.dataset import graph_paths, iter_graphs, iter_quads, load_dataset
from kg.ingest.manifest import Manifest, ManifestEntry
from kg.ingest.runner import FileResult, IngestReport, ingest, remove

__all__ = [
    "FileResult",
    "IngestReport",
    "Manifest",
    "ManifestEntry",
    "graph_paths",
    "ingest",
    "iter_graphs",
    "iter_quads",
    "load_dataset",
    "remove",
]
