"""Reading the stored dataset back: all at once or one named graph at a time."""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from kg.config import data_dir as resolve_data_dir
from kg.ingest.manifest import Manifest
from kg.ingest.nquads import Quad, UnsupportedLine, read_quads
from kg.rdf.namespaces import ONTOLOGY_GRAPH, VOCABULARY_GRAPH, bind_namespaces


def iter_graphs(data_dir: str | os.PathLike[str] | None = None) -> Iterator[Graph]:
    """Each document's named graph in turn (identifier = Document IRI); one in memory at a time."""
    root = resolve_data_dir(data_dir)
    graph_of_file = {entry.file: entry.graph for entry in Manifest.load(root).documents.values()}
    for file in sorted(graph_of_file):
        graph_iri = graph_of_file[file]
        dataset = Dataset()
        parse_nquads(dataset, root / file)
        yield bind_namespaces(dataset.graph(URIRef(graph_iri)))


def load_dataset(data_dir: str | os.PathLike[str] | None = None, *, with_ontology: bool = False) -> Dataset:
    """Every stored document graph in one rdflib Dataset.

    ``with_ontology`` adds ``ontology/regkg.ttl`` as ``rkd:graph/ontology`` and the program
    vocabulary ``ontology/programs.ttl`` as ``rkd:graph/vocabulary`` (docs/schema.md).
    """
    root = resolve_data_dir(data_dir)
    dataset = Dataset()
    bind_namespaces(dataset)
    for file in Manifest.load(root).files():
        parse_nquads(dataset, root / file)
    if with_ontology:
        add_ontology_graphs(dataset, root)
    return dataset


def add_ontology_graphs(dataset: Dataset, root: Path) -> None:
    """Add the ontology and program vocabulary graphs to ``dataset``, with the user's vocabulary
    extension for the data dir ``root`` in the vocabulary graph."""
    for name, graph_iri in (("regkg.ttl", ONTOLOGY_GRAPH), ("programs.ttl", VOCABULARY_GRAPH)):
        text = _ontology_text(name)
        if text is not None:
            dataset.graph(graph_iri).parse(data=text, format="turtle")
    extension = vocabulary_extension(root)
    if extension is not None:  # the user's own programs belong to the vocabulary graph too
        dataset.graph(VOCABULARY_GRAPH).parse(extension, format="turtle")


def iter_quads(data_dir: str | os.PathLike[str] | None = None) -> Iterator[Quad]:
    """Every stored quad (s, p, o, graph IRI) as rdflib terms, file by file, without building a
    Dataset: the cheapest way to read everything (about 2x faster than ``load_dataset``)."""
    root = resolve_data_dir(data_dir)
    for file in Manifest.load(root).files():
        try:
            quads = list(read_quads(root / file))
        except UnsupportedLine:
            quads = [(s, p, o, g) for s, p, o, g in parse_nquads(Dataset(), root / file).quads()]
        yield from quads


def graph_paths(data_dir: str | os.PathLike[str] | None = None) -> list[Path]:
    """The stored N-Quads files (for bulk loaders that read files directly)."""
    root = resolve_data_dir(data_dir)
    return [root / file for file in Manifest.load(root).files()]


def parse_nquads(dataset: Dataset, path: Path) -> Dataset:
    """Add an N-Quads file to ``dataset`` (each quad lands in its named graph).

    Files ingest wrote go through the fast reader of :mod:`kg.ingest.nquads`; anything else
    (hand-edited, blank nodes) through rdflib's parser.
    """
    try:
        quads = list(read_quads(path))
    except UnsupportedLine:
        with warnings.catch_warnings():
            # rdflib 7's own N-Quads parser still touches the deprecated Dataset.default_context
            warnings.filterwarnings(
                "ignore", message=".*default_context is deprecated", category=DeprecationWarning
            )
            dataset.parse(path, format="nquads")
        return dataset
    graphs = {name: dataset.graph(name) for name in {quad[3] for quad in quads}}
    # straight to the store: Dataset.addN builds a Graph object per quad, which costs more than parsing
    dataset.store.addN((s, p, o, graphs[g]) for s, p, o, g in quads)
    return dataset


def vocabulary_extension(root: Path) -> Path | None:
    """The user's vocabulary extension: ``$KG_VOCAB_EXTRA``, else ``<data dir>/vocabulary.ttl``
    (the rule of :func:`kg.extract.vocabulary.extra_vocabulary_path`, for this data dir)."""
    env = os.environ.get("KG_VOCAB_EXTRA")
    path = Path(env) if env else root / "vocabulary.ttl"
    return path if path.is_file() else None


def _ontology_text(name: str) -> str | None:
    try:
        source = resources.files("kg.ontology").joinpath(name)
    except ModuleNotFoundError:
        return None
    return source.read_text(encoding="utf-8") if source.is_file() else None
