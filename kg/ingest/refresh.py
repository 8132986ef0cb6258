"""Keeping the embedded property graph current after the dataset changed.

The stores stage owns the projection; ingest calls ``kg.store.embedded.refresh(data_dir)`` and times it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class GraphRefresh:
    """How the embedded graph refresh went: ``status`` is done or failed."""

    status: str
    seconds: float = 0.0
    detail: Any = None


def refresh_embedded_graph(data_dir: Path) -> GraphRefresh:
    """Call the embedded store's refresh on ``data_dir``; a failed load is reported, not raised."""
    # Imported here so `kg ingest --no-graph` and the CLI start without loading the graph database.
    from kg.store.embedded import refresh

    started = time.perf_counter()
    try:
        detail = refresh(data_dir)
    except Exception as error:  # the RDF is stored already: the user sees the failure and can reload
        return GraphRefresh("failed", time.perf_counter() - started, f"{type(error).__name__}: {error}")
    return GraphRefresh("done", time.perf_counter() - started, detail)


def embedded_graph_stale(data_dir: Path) -> bool:
    """Whether the data dir's embedded store was built by another regkg layout and must be rebuilt."""
    from kg.store.layout import is_stale  # not kg.store.embedded: no engine import for a no-op ingest

    return is_stale(data_dir)
