"""The embedded store's layout fingerprint: which regkg layout a built database has.

Canned queries name tables and columns (``Adoption.statusCode``, ``Program.uriHash``) that a
store built by an older regkg lacks; the engine then fails with a binder error that does not say
what to do. Every build records this fingerprint in the store's manifest and every open compares
it, so an old store is reported as stale ("rebuild it with `kg load`") instead.

The fingerprint is derived, not maintained: a short hash of the DDL of the schema the data model
declares (the projection of no RDF at all: every declared label, column, type and relationship
pair, derived nodes included), plus :data:`LAYOUT_REVISION` for changes the DDL does not show.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

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
