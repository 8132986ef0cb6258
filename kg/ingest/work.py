"""The per-document work of an ingest: load, extract, map to RDF, serialize, stage.

Runs in worker processes under ``--jobs N``, so it takes and returns only picklable values
and imports the pipeline lazily. Given the data dir, the worker writes the graph to a
temporary file there (:func:`kg.ingest.layout.stage_text`) and hands back only its name: the
graph's text (about 1 MB per report) then never crosses a pipe, and encoding and writing it
run in parallel. The ingest process flushes it to disk and moves it into place
(:func:`kg.ingest.layout.commit_staged_file`) before the manifest names it: waiting for the
disk there overlaps the workers' computing instead of idling a worker's core.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from pathlib import Path

from rdflib.namespace import RDF
from rdflib.term import Node

from kg.extract.model import Extraction
from kg.ingest.layout import graph_file_name, stage_text
from kg.loaders.model import Document, LoadError
from kg.rdf.iris import doc_id
from kg.rdf.namespaces import RK

Loader = Callable[[str], Document]
Extractor = Callable[[Document], Extraction]


@dataclass
class Processed:
    """What a worker hands back for one file: the staged (or serialized) graph, or the one-line
    reason it failed."""

    path: str
    doc_id: str | None = None
    graph: str | None = None  # the graph IRI
    nquads: str | None = None  # the graph's text, when no data dir was given to stage it in
    file: str | None = None  # the graph file to store, relative to the data dir
    staged: str | None = None  # the temporary file holding its text, relative to the data dir
    title: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


def process_file(
    path: str,
    load: Loader | None = None,
    extract: Extractor | None = None,
    data_dir: Path | None = None,
) -> Processed:
    """Load, extract and map one file, and stage its graph file in ``data_dir`` when given
    (else return its text); every failure becomes ``Processed.error`` (one line)."""
    started = time.perf_counter()
    try:
        document = (load or _default_loader())(path)
        extraction = (extract or _default_extractor())(document)
        from kg.rdf import document_nquads

        graph_iri, nquads, counts = document_nquads(document, extraction)
        result = Processed(
            path=path,
            doc_id=doc_id(document.sha256),
            graph=str(graph_iri),
            nquads=nquads,
            title=document.title,
            counts=counts,
        )
        if data_dir is not None:
            result.file = graph_file_name(result.doc_id)  # type: ignore[arg-type]
            staged = stage_text((data_dir / result.file).parent, nquads)
            result.staged = str(staged.relative_to(data_dir))
            result.nquads = None
    except LoadError as error:
        result = Processed(path=path, error=error.reason)
    except Exception as error:  # one bad file must not stop the batch; say what broke, in one line
        result = Processed(path=path, error=_one_line(f"{type(error).__name__}: {error}"))
    result.seconds = time.perf_counter() - started
    return result


def graph_counts(triples: Collection[tuple[Node, Node, Node]]) -> dict[str, int]:
    """Triples, and nodes per rk: class (Program, Pilot, NoveltyClaim, Outcome, Target, Evidence, …)."""
    per_class = Counter(str(o)[len(RK) :] for _, p, o in triples if p == RDF.type and str(o).startswith(RK))
    return {"triples": len(triples), **dict(sorted(per_class.items()))}


def _default_loader() -> Loader:
    from kg.loaders import load

    return load


def _default_extractor() -> Extractor:
    from kg.extract.pipeline import extract

    return extract


def _one_line(text: str) -> str:
    return " ".join(text.split())
