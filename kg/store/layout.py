"""The embedded store's layout fingerprint: which regkg layout a built database has.

Canned queries name tables and columns (``Adoption.statusCode``, ``Program.uriHash``) that a
store built by an older regkg lacks; the engine then fails with a binder error that does not say
what to do. Every build records this fingerprint in the store's manifest and every open compares
it, so an old store is reported as stale ("rebuild it with `kg load`") instead.

The fingerprint is derived, not maintained: a short hash of the DDL of the schema the data model
declares (the projection of no RDF at all: every declared label, column, type and relationship
pair, derived nodes included), plus :data:`LAYOUT_REVISION` for changes the DDL does not show.

Where a data dir's store lies (:func:`store_dir`, :func:`db_file`) is here too, beside the check
(:func:`is_stale`): both are needed by callers that must not import the database engine, such as
a ``kg ingest`` with nothing to do and the name cache.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

from kg import config

STORE_DIRNAME = "ladybug"
DB_FILENAME = "graph.lbug"
MANIFEST_FILENAME = "store.json"

# Bump by hand when stored data changes in a way the declared DDL does not show (the storage
# order of Adoption rows, the meaning or encoding of a derived column's values).
LAYOUT_REVISION = 1


@lru_cache(maxsize=1)
def layout_fingerprint() -> str:
    """``r<revision>-<12 hex>``: the layout revision and a hash of the declared schema's DDL."""
    # imported here: the projection pulls in rdflib and the ontology, which the import of this
    # module (for its constant) should not
    from kg.store.ladybug_schema import schema_ddl
    from kg.store.projection import project_plain

    return fingerprint_of(schema_ddl(project_plain(()).graph), LAYOUT_REVISION)


def fingerprint_of(ddl: list[str], revision: int) -> str:
    """The fingerprint of a store whose declared schema is ``ddl`` at layout ``revision``."""
    digest = hashlib.sha256("\n".join(ddl).encode("utf-8")).hexdigest()
    return f"r{revision}-{digest[:12]}"


def store_dir(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<data-dir>/ladybug``, where the embedded store of a data dir lives."""
    return config.data_dir(data_dir) / STORE_DIRNAME


def db_file(path: Path) -> Path:
    """The database file inside a store directory."""
    return path / DB_FILENAME


def recorded_layout(path: Path) -> str | None:
    """The layout fingerprint in the manifest of the store in ``path`` (None: no or unreadable manifest)."""
    try:
        manifest = json.loads((path / MANIFEST_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    layout = manifest.get("layout") if isinstance(manifest, dict) else None
    return layout if isinstance(layout, str) else None


def is_stale(data_dir: str | os.PathLike[str] | None = None) -> bool:
    """Whether the data dir has a store built with another layout than this regkg's (so rebuild it)."""
    path = store_dir(data_dir)
    return db_file(path).exists() and recorded_layout(path) != layout_fingerprint()
