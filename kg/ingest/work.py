"""The per-document work of an ingest: load, extract, map to RDF, serialize.

Runs in worker processes under ``--jobs N``, so it takes and returns only picklable values
(the graph travels as its canonical N-Quads text) and imports the pipeline lazily.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass, field

from rdflib.namespace import RDF
from rdflib.term import Node

from kg.extract.model import Extraction
from kg.loaders.model import Document, LoadError
from kg.rdf.iris import doc_id
from kg.rdf.namespaces import RK

Loader = Callable[[str], Document]
Extractor = Callable[[Document], Extraction]


@dataclass
class Processed:
    """What a worker hands back for one file: the serialized graph, or the one-line reason it failed."""

    path: str
    doc_id: str | None = None
    graph: str | None = None  # the graph IRI
    nquads: str | None = None
    title: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0


def process_file(path: str, load: Loader | None = None, extract: Extractor | None = None) -> Processed:
    """Load, extract and map one file; every failure becomes ``Processed.error`` (one line)."""
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
