"""A data dir as the source of a sync plan, read one graph file at a time (never one rdflib Dataset).

A sync needs two things from the RDF: the projection of everything (the merged properties of the
nodes it writes) and each named graph's unit (what that graph alone contributes, to find stale
content later). Both come from the per-file parts the embedded load uses
(:mod:`kg.store.document_parts`: line-split, cached in ``<data dir>/projection``, folded by worker
processes); a worker also projects its file alone into the unit, so the parent only merges parts.
A document unit's fingerprint is the hash of its graph file: ingest writes sorted canonical lines,
so equal graphs have equal files. The ontology and vocabulary graphs are small and parsed with
rdflib as before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset

from kg.ingest.dataset import add_ontology_graphs
from kg.store.accumulator import BuilderState
from kg.store.dataset_projection import default_jobs
from kg.store.document_parts import CACHE_DIRNAME, summarized_parts
from kg.store.gc_pause import paused_gc
from kg.store.plain_rdf import plain_triples
from kg.store.projection import ProjectionBuilder
from kg.store.records import PropertyGraph
from kg.store.sync_plan import Unit, units_of


@dataclass
class DataDirSource:
    """The document graphs of a data dir (graph IRI -> N-Quads file) and its ontology graphs."""

    root: Path
    graph_files: dict[str, Path]

    @classmethod
    def of(cls, root: Path) -> DataDirSource:
        """The graphs the data dir's manifest lists (a file shared by two source paths once)."""
        from kg.ingest import Manifest  # the ingest stage owns the manifest

        entries = Manifest.load(root).documents.values()
        return cls(root, {entry.graph: root / entry.file for entry in sorted(entries, key=lambda e: e.file)})

    def project_units(self, jobs: int | None = None) -> tuple[PropertyGraph, dict[str, Unit]]:
        """The projection of every graph and each graph's unit, streaming the document files."""
        with paused_gc():  # millions of acyclic objects: see kg.store.gc_pause
            return self._project_units(jobs)

    def _project_units(self, jobs: int | None) -> tuple[PropertyGraph, dict[str, Unit]]:
        builder = ProjectionBuilder()
        units: dict[str, Unit] = {}
        graphs = list(self.graph_files)
        paths = [self.graph_files[iri] for iri in graphs]
        parts = summarized_parts(paths, self.root / CACHE_DIRNAME, default_jobs() if jobs is None else jobs,
                                 unit_of_part)
        same: dict[str, str] = {}  # uri -> the one str object the projection and every unit share
        for iri, (part, content_hash, unit) in zip(graphs, parts, strict=True):
            for uri in part[0]:
                same.setdefault(uri, uri)
            if unit is not None:
                unit.fingerprint = content_hash
                units[iri] = _sharing_strings(unit, same)
            builder.merge(part)
        ontology = ontology_dataset(self.root)
        units.update(units_of(ontology))
        for s, p, o in plain_triples((s, p, o) for s, p, o, _g in ontology.quads((None, None, None, None))):
            builder.add(s, p, o)
        return builder.finish().graph, units


def unit_of_part(part: BuilderState) -> Unit | None:
    """What one graph file contributes on its own (fingerprint left for the caller); None if empty."""
    if not any(part):
        return None
    builder = ProjectionBuilder()
    builder.merge(part)
    graph = builder.finish().graph
    return Unit("", {n.uri: n.label for n in graph.nodes()}, {r.key for r in graph.relationships()})


def _sharing_strings(unit: Unit, same: dict[str, str]) -> Unit:
    """The unit with its uris replaced by equal strings already held (a unit arrives as its own copy).

    At a thousand documents units name about 1.4 million uris; sharing them saves hundreds of MB.
    """
    share = same.setdefault
    unit.nodes = {share(uri, uri): label for uri, label in unit.nodes.items()}
    unit.relationships = {(share(a, a), name, share(b, b)) for a, name, b in unit.relationships}
    return unit


def ontology_dataset(root: Path) -> Dataset:
    """The ontology and program vocabulary graphs (with the user's extension), named as ingest names them."""
    dataset = Dataset()
    add_ontology_graphs(dataset, root)
    return dataset


def data_dir_source(data_dir: str | os.PathLike[str] | None) -> DataDirSource:
    """The sync source of a data dir (``$KG_DATA_DIR`` by default)."""
    from kg import config

    return DataDirSource.of(config.data_dir(data_dir))
