"""Project a whole data dir by streaming its N-Quads files into one projection builder.

Nothing holds the corpus: each file is read and split (:func:`kg.store.plain_rdf.read_rows`),
folded into a :class:`~kg.store.projection.ProjectionBuilder` and dropped. Splitting the files
over worker processes was tried and lost: shipping a worker's accumulated nodes back to the
parent (pickle) costs about as much as reading the files.
"""

from __future__ import annotations

from pathlib import Path

from kg.store.plain_rdf import ontology_rows, read_all_rows
from kg.store.projection import Projection, ProjectionBuilder


def project_data_dir(root: Path, paths: list[Path]) -> Projection:
    """The projection of the N-Quads ``paths`` plus the ontology and vocabulary graphs of ``root``."""
    builder = ProjectionBuilder()
    builder.add_rows(read_all_rows(paths))
    builder.add_rows(ontology_rows(root))
    return builder.finish()
