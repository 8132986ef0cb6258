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

    def run(self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True) -> QueryResult:
        """Run one statement; ``read_only`` statements must not write (READ access mode on Neo4j)."""
        ...

    def schema(self) -> dict[str, list[str]]:
        """{"labels": [...], "relationship_types": [...], "property_keys": [...]} for completion and :schema."""
        ...

    def close(self) -> None: ...
