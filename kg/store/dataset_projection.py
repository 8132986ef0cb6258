"""Project a whole data dir: each graph file's part folded (in parallel, cached), merged, finished.

Nothing holds the corpus text: each file is split and folded into a small per-file builder state
(:mod:`kg.store.document_parts`), by worker processes when there are enough files, and the parent
merges the parts as they arrive. Merging works per node rather than per triple, so shipping the
parts back costs far less than folding them; with a cache dir, files whose bytes were folded
before are not parsed again.
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.store.document_parts import document_parts
from kg.store.plain_rdf import ontology_rows
from kg.store.projection import Projection, ProjectionBuilder


def default_jobs() -> int:
    """Worker processes for a load: ``$KG_LOAD_JOBS``, else one per core up to 4."""
    env = os.environ.get("KG_LOAD_JOBS", "")
    return max(1, int(env)) if env.isdigit() else min(4, os.cpu_count() or 1)


def project_data_dir(
    root: Path,
    paths: list[Path],
    *,
    cache_dir: Path | None = None,
    jobs: int | None = None,
    rel_tuples: bool = True,
    node_rows: bool = True,
) -> Projection:
    """The projection of the N-Quads ``paths`` plus the ontology and vocabulary graphs of ``root``.

    ``rel_tuples=False`` and ``node_rows=False`` are for the bulk load (:meth:`ProjectionBuilder.finish`).
    """
    builder = ProjectionBuilder()
    for part in document_parts(paths, cache_dir, default_jobs() if jobs is None else jobs):
        builder.merge(part)
    builder.add_rows(ontology_rows(root))
    return builder.finish(rel_tuples=rel_tuples, node_rows=node_rows)
