"""Typed records of the property graph that both backends load: nodes, relationships, tables.

The projection (``kg.store.projection``) turns RDF into a :class:`PropertyGraph`; the embedded
store bulk-loads its tables, the sync code batches them into ``UNWIND … MERGE`` statements and the
exports write them as GraphML/GEXF/CSV. Column types are kept abstract (:class:`ColumnType`) and
rendered per target (LadybugDB DDL, ``neo4j-admin`` CSV headers, Arrow).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import pyarrow as pa

if TYPE_CHECKING:
    from kg.store.tables import RankedEnds

BaseType = Literal["STRING", "INT64", "DOUBLE", "BOOLEAN"]

# neo4j-admin import header types for each base type (https://neo4j.com/docs/operations-manual/current/
# tools/neo4j-admin/neo4j-admin-import/#import-tool-header-format-properties).
_ADMIN_TYPES: dict[str, str] = {"STRING": "string", "INT64": "int", "DOUBLE": "double", "BOOLEAN": "boolean"}
_ARROW_TYPES: dict[str, pa.DataType] = {
    "STRING": pa.string(),
    "INT64": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
}


@dataclass(frozen=True)
class ColumnType:
    """The type of one property column: a base type, possibly a list of it."""

    base: BaseType = "STRING"
    is_list: bool = False

    def ladybug(self) -> str:
        """LadybugDB DDL type, e.g. ``INT64`` or ``STRING[]``."""
        return self.base + ("[]" if self.is_list else "")

    def admin_header(self) -> str:
        """``neo4j-admin database import`` header type, e.g. ``int`` or ``string[]``."""
        return _ADMIN_TYPES[self.base] + ("[]" if self.is_list else "")

    def arrow(self) -> pa.DataType:
        """The Arrow type used when writing Parquet for ``COPY FROM``."""
        base = _ARROW_TYPES[self.base]
        return pa.list_(base) if self.is_list else base


@dataclass
class Node:
    """One resource: its IRI, primary label and properties (lists for multi-valued ones)."""

    uri: str
    label: str
    properties: dict[str, Any] = field(default_factory=dict)


class Relationship(NamedTuple):
    """One object-property triple between two nodes; the type is the property's local name.

    A named tuple rather than a dataclass: a large load makes about a million of them.
    """

    type: str
    start: str  # uri
    end: str  # uri
    start_label: str
    end_label: str

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the relationship: at most one per (start, type, end), as in RDF."""
        return (self.start, self.type, self.end)


@dataclass
class NodeTable:
    """All nodes of one primary label with their typed columns (``uri`` is implicit, the key)."""

    label: str
    columns: dict[str, ColumnType] = field(default_factory=dict)
    nodes: list[Node] = field(default_factory=list)

    def count(self) -> int:
        """How many nodes the table has (a table of Arrow columns may hold no ``nodes``)."""
        return len(self.nodes)

    def fill(self) -> None:
        """Complete the rows and settle ``columns``: these rows are complete (a table of Arrow
        columns gathers its rows here, :class:`kg.store.node_columns.ColumnarNodeTable`)."""

    def arrow_table(self) -> pa.Table | None:
        """The rows as Arrow columns (:class:`kg.store.node_columns.ColumnarNodeTable`), if kept so."""
        return None

    def release(self) -> None:
        """Drop the rows once they are written (the bulk load's memory)."""
        self.nodes = []


@dataclass
class RelTable:
    """All relationships of one type with the (start label, end label) pairs they connect."""

    type: str
    pairs: set[tuple[str, str]] = field(default_factory=set)
    relationships: list[Relationship] = field(default_factory=list)

    def count(self) -> int:
        """How many relationships the table has (a table of ranks may hold no tuples)."""
        return len(self.relationships)

    def ranked_ends(self) -> RankedEnds | None:
        """The relationships as node ranks (:class:`kg.store.tables.RankedRelTable`), if kept."""
        return None

    def release(self) -> None:
        """Drop the rows once they are written (the bulk load's memory)."""
        self.relationships = []


@dataclass
class PropertyGraph:
    """A projected graph: node tables by label, relationship tables by type."""

    node_tables: dict[str, NodeTable] = field(default_factory=dict)
    rel_tables: dict[str, RelTable] = field(default_factory=dict)
    # fills rel_tables: a bulk-load projection leaves them to the load, which fills them while it
    # copies the node tables (kg.store.ladybug_schema.load_statements)
    pending_relationships: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    # declares the node tables a bulk-load projection derives last, while the load copies those
    # already declared (kg.store.projection.ProjectionBuilder.finish); it may set a next stage
    pending_nodes: Callable[[], None] | None = field(default=None, compare=False, repr=False)
    # False when pending_relationships reads nothing pending_nodes adds: a load may fill both at once
    relationships_need_nodes: bool = field(default=True, compare=False, repr=False)

    def fill_nodes(self) -> None:
        """Declare the pending node tables now, if any."""
        while self.pending_nodes is not None:
            self.fill_node_stage()

    def fill_node_stage(self) -> None:
        """Run the next pending stage of node tables, if any; it may leave another one pending."""
        if self.pending_nodes is not None:
            pending, self.pending_nodes = self.pending_nodes, None
            pending()

    def fill_relationships(self, *, nodes_first: bool = True) -> None:
        """Fill the relationship tables now if they are pending, after the pending node tables
        unless ``nodes_first`` is False (for relationships that do not need them)."""
        if nodes_first:
            self.fill_nodes()
        if self.pending_relationships is not None:
            pending, self.pending_relationships = self.pending_relationships, None
            pending()

    def node_counts(self) -> dict[str, int]:
        """Nodes per label."""
        self.fill_nodes()
        return {label: t.count() for label, t in sorted(self.node_tables.items())}

    def rel_counts(self, *, nodes_first: bool = True) -> dict[str, int]:
        """Relationships per type (see :meth:`fill_relationships` for ``nodes_first``)."""
        self.fill_relationships(nodes_first=nodes_first)
        return {rtype: t.count() for rtype, t in sorted(self.rel_tables.items())}

    def nodes(self) -> list[Node]:
        """Every node, label by label."""
        self.fill_nodes()
        return [n for _, t in sorted(self.node_tables.items()) for n in t.nodes]

    def relationships(self) -> list[Relationship]:
        """Every relationship, type by type."""
        self.fill_relationships()
        return [r for _, t in sorted(self.rel_tables.items()) for r in t.relationships]
