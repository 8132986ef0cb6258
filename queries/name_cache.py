"""The name index of an embedded store, kept beside it so each ``kg query`` run does not rebuild it.

Building the index reads every program, place and agency and normalizes their names (OpenCC),
which takes most of a second at a thousand documents. The index only changes when the store is
rebuilt, so it is saved as ``<store dir>/names.json`` stamped with the database file's size and
modification time, and read back while the stamp still matches. A writable store (the console
with writes allowed) or any other backend always builds it afresh.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from kg.queries.names import NamedNode, NameIndex, build_name_index

from kg.store.base import GraphStore
from kg.store.gc_pause import paused_gc
from kg.store.layout import DB_FILENAME  # a light module: ladybug stays unimported

CACHE_FILENAME = "names.json"
CACHE_FORMAT = 1  # bump when NameIndex or NamedNode change shape


def cached_name_index(store: GraphStore) -> NameIndex:
    """The store's name index, from ``names.json`` when it is current, else built (and saved)."""
    directory = getattr(store, "path", None)
    if not isinstance(directory, Path) or getattr(store, "writable", True):
        return build_name_index(store)
    stamp = _stamp(directory / DB_FILENAME)
    cache = directory / CACHE_FILENAME
    index = _read(cache, stamp) if stamp else None
    if index is None:
        index = build_name_index(store)
        if stamp:
            _write(cache, stamp, index)
    return index


def _stamp(db_file: Path) -> str | None:
    """What identifies one build of the database: format, size and modification time."""
    try:
        info = db_file.stat()
    except OSError:
        return None
    return f"{CACHE_FORMAT}:{info.st_size}:{info.st_mtime_ns}"


def _read(cache: Path, stamp: str) -> NameIndex | None:
    """The saved index if it belongs to this build; None when absent, stale or unreadable."""
    with paused_gc():  # a hundred thousand small objects, no cycles: collections would only cost
        try:
            data = json.loads(cache.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return _index_of(data, stamp)


def _index_of(data: Any, stamp: str) -> NameIndex | None:
    """The index a parsed cache file holds, if it is of this build."""
    if not isinstance(data, dict) or data.get("stamp") != stamp:
        return None
    index = NameIndex()
    for node in data["nodes"]:
        index.nodes[node["uri"]] = NamedNode(**node)
    for field_name in ("keys", "narrower"):
        target = getattr(index, field_name)
        for kind, entries in data[field_name].items():
            for key, uris in entries.items():
                target[kind][key] = set(uris)
    return index


def _write(cache: Path, stamp: str, index: NameIndex) -> None:
    """Save the index atomically; a read-only or full disk only means no cache."""
    body: dict[str, Any] = {
        "stamp": stamp,
        "nodes": [asdict(node) for node in index.nodes.values()],
        "keys": _plain(index.keys),
        "narrower": _plain(index.narrower),
    }
    tmp = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        tmp.unlink(missing_ok=True)


def _plain(nested: dict[str, dict[str, set[str]]]) -> dict[str, dict[str, list[str]]]:
    """kind -> key -> sorted uris, for JSON."""
    return {kind: {key: sorted(uris) for key, uris in entries.items()} for kind, entries in nested.items()}
