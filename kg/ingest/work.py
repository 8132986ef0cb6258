"""The per-document work of an ingest: load, extract, map to RDF, serialize, store.

Runs in worker processes under ``--jobs N``, so it takes and returns only picklable values
and imports the pipeline lazily. Given the data dir, the worker writes the graph file itself
(atomically, see :func:`kg.ingest.layout.atomic_write_text`) and hands back only its name:
the graph's text (about 1 MB per report) then never crosses a pipe, and the writing runs in
parallel. The manifest, written by the parent afterwards, is what makes a stored graph count.
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
from kg.ingest.layout import atomic_write_text, graph_file_name
from kg.loaders.model import Document, LoadError
from kg.rdf.iris import doc_id
from kg.rdf.namespaces import RK

Loader = Callable[[str], Document]
Extractor = Callable[[Document], Extraction]


@dataclass
class Processed:
    """What a worker hands back for one file: the stored or serialized graph, or the one-line
    reason it failed."""

    path: str
    doc_id: str | None = None
    graph: str | None = None  # the graph IRI
    nquads: str | None = None  # the graph's text, when no data dir was given to store it in
    file: str | None = None  # the graph file written, relative to the data dir
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
    """Load, extract and map one file, and store its graph file in ``data_dir`` when given
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
            atomic_write_text(data_dir / result.file, nquads)
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
