"""Keeping the embedded property graph current after the dataset changed.

The stores stage owns the projection; ingest only calls ``kg.store.embedded.refresh(data_dir)``
when that exists, and times it.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass
class GraphRefresh:
    """How the embedded graph refresh went: ``status`` is done, unavailable or failed."""

    status: str
    seconds: float = 0.0
    detail: Any = None


def refresh_embedded_graph(data_dir: Path) -> GraphRefresh:
    """Call the embedded store's refresh on ``data_dir``; never raises (the dataset is already safe)."""
    try:
        embedded = importlib.import_module("kg.store.embedded")
    except ModuleNotFoundError:
        return GraphRefresh("unavailable", detail="kg.store.embedded is not installed")
    refresh = getattr(embedded, "refresh", None)
    if refresh is None:
        return GraphRefresh("unavailable", detail="kg.store.embedded has no refresh()")
    started = time.perf_counter()
    try:
        detail = refresh(data_dir)
    except Exception as error:  # the RDF is stored; a failed projection is reported, not fatal
        return GraphRefresh("failed", time.perf_counter() - started, f"{type(error).__name__}: {error}")
    return GraphRefresh("done", time.perf_counter() - started, detail)
