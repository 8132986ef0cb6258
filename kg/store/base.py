"""What every graph backend offers the queries, console and viz layers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]


class GraphStore(Protocol):
    """A Cypher-speaking property graph: the embedded LadybugDB store or a Neo4j database."""

    name: str  # "embedded" | "neo4j"

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True
    ) -> QueryResult:
        """Run one statement; ``read_only`` statements must not write (READ access mode on Neo4j)."""
        ...

    def schema(self) -> dict[str, list[str]]:
        """Names for completion and ``:schema``.

        ``{"labels": [...], "relationship_types": [...], "property_keys": [...]}``
        """
        ...

    def close(self) -> None: ...


# --- Errors every backend raises, so the CLI, console and viz can report them the same way. ---


class StoreError(RuntimeError):
    """Something about the graph store went wrong; the message says what to do."""


class StoreUnavailableError(StoreError):
    """The store cannot be opened: not built yet, server unreachable, bad credentials, wrong database."""


class StoreBusyError(StoreError):
    """Another process is loading the store right now."""


class QueryError(StoreError):
    """The backend rejected a statement (syntax, unknown label/property, runtime error)."""


class WriteRefusedError(QueryError):
    """A write clause was sent as a read-only statement, or to a store opened read-only."""


# --- How result values look, whichever backend produced them. ---
# Nodes, relationships and paths come back as plain dicts so callers (console tables, pyvis
# pages, JSON output) need not know the backend:
#   node:         {"_kind": "node", "_id": str, "_label": "Place", "uri": ..., <properties>}
#   relationship: {"_kind": "relationship", "_id": str, "_type": "within", "_start": id, "_end": id,
#                  <properties>}
#   path:         {"_kind": "path", "nodes": [node, ...], "relationships": [relationship, ...]}
# Properties that are absent (null) are left out, as in Neo4j.
NODE_KIND = "node"
RELATIONSHIP_KIND = "relationship"
PATH_KIND = "path"
