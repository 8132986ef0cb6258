"""Graph stores: the embedded LadybugDB store (default) and Neo4j, behind one protocol.

``open_store`` is what the queries, console and viz call; backends are imported lazily so
``import kg.store`` stays cheap.
"""

from __future__ import annotations

import os
from typing import Any

from kg.store.base import GraphStore, QueryResult, StoreError

BACKENDS = ("embedded", "neo4j")

__all__ = ["BACKENDS", "GraphStore", "QueryResult", "StoreError", "open_store"]


def open_store(
    backend: str = "embedded",
    data_dir: str | os.PathLike[str] | None = None,
    **options: Any,
) -> GraphStore:
    """Open a graph store.

    ``embedded``: the store in ``<data-dir>/ladybug`` (or ``path=<store dir>``), read-only unless
    ``writable=True``. ``neo4j``: ``uri``, ``user``, ``password``, ``database`` (default from
    ``NEO4J_URI``, ``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``); connectivity and
    credentials are checked on open, with :class:`~kg.store.base.StoreUnavailableError` saying why.
    """
    if backend == "embedded":
        from kg.store.embedded import open_embedded, store_dir

        path = options.pop("path", None) or store_dir(data_dir)
        return open_embedded(path, writable=bool(options.pop("writable", False)))
    if backend == "neo4j":
        from kg.store.neo4j_store import open_neo4j

        return open_neo4j(**options)
    raise ValueError(f"unknown graph backend {backend!r}; choose one of {', '.join(BACKENDS)}")
