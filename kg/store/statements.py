"""The Cypher regkg writes: constraints/indexes and batched ``UNWIND $rows AS row MERGE …`` upserts.

Statements are rendered for a dialect: ``neo4j`` (adds the n10s ``Resource`` label, passes values
as they are) or ``embedded`` (LadybugDB: no extra label; values ``CAST`` to the column type because
LadybugDB infers a parameter's type from the batch and an all-null column would bind as STRING).
Everything else — what gets merged, in which order, keyed how — is shared, so a sync into the
embedded store exercises the same batching as one into Neo4j.
"""

from __future__ import annotations

from typing import Literal

from kg.store.ladybug_schema import quote
from kg.store.records import ColumnType, PropertyGraph

Dialect = Literal["neo4j", "embedded"]

RESOURCE_LABEL = "Resource"  # n10s: every node in Neo4j also carries this label, uri unique on it

# Properties worth an index in Neo4j beyond the uri constraints: what the canned queries look up by.
INDEXED_PROPERTIES: dict[str, tuple[str, ...]] = {
    "Place": ("code", "label"),
    "Program": ("prefLabel", "uriHash"),  # uriHash: co-adoption finds the counted pairs' programs by it
    "Agency": ("prefLabel",),
    "Document": ("sha256",),
}


def constraint_name(label: str) -> str:
    """``place_uri`` for ``Place``: stable names so ``IF NOT EXISTS`` finds earlier runs' constraints."""
    return f"{label.lower()}_uri"


def neo4j_schema_statements(graph: PropertyGraph) -> list[str]:
    """Neo4j 5 constraints (uri unique per label and on ``Resource``) and lookup indexes."""
    labels = [RESOURCE_LABEL, *sorted(graph.node_tables)]
    statements = [
        f"CREATE CONSTRAINT {quote(constraint_name(label))} IF NOT EXISTS "
        f"FOR (n:{quote(label)}) REQUIRE n.uri IS UNIQUE"
        for label in labels
    ]
    for label, keys in sorted(INDEXED_PROPERTIES.items()):
        for key in keys:
            name = quote(f"{label.lower()}_{key.lower()}")
            statements.append(f"CREATE INDEX {name} IF NOT EXISTS FOR (n:{quote(label)}) ON (n.{quote(key)})")
    return statements


def _value(column: str, ctype: ColumnType, dialect: Dialect) -> str:
    """How ``row.<column>`` is written in a SET: cast on LadybugDB, as is on Neo4j."""
    expression = f"row.{quote(column)}"
    return f"CAST({expression} AS {ctype.ladybug()})" if dialect == "embedded" else expression


def upsert_nodes(label: str, columns: dict[str, ColumnType], dialect: Dialect) -> str:
    """Merge nodes of ``label`` by uri and set every column (a null removes the property)."""
    assignments = [f"n.{quote(c)} = {_value(c, t, dialect)}" for c, t in columns.items() if c != "uri"]
    if dialect == "neo4j":
        assignments.insert(0, f"n:{quote(RESOURCE_LABEL)}")
    statement = f"UNWIND $rows AS row MERGE (n:{quote(label)} {{uri: row.uri}})"
    return statement + (" SET " + ", ".join(assignments) if assignments else "")


def upsert_relationships(rtype: str, start_label: str, end_label: str) -> str:
    """Merge relationships of one type between existing nodes (at most one per pair, as in RDF)."""
    return (
        f"UNWIND $rows AS row MATCH (a:{quote(start_label)} {{uri: row.src}}) "
        f"MATCH (b:{quote(end_label)} {{uri: row.dst}}) MERGE (a)-[r:{quote(rtype)}]->(b)"
    )


def delete_nodes(label: str) -> str:
    """Delete nodes of ``label`` by uri, with their relationships."""
    return f"UNWIND $rows AS row MATCH (n:{quote(label)} {{uri: row.uri}}) DETACH DELETE n"


def delete_relationships(rtype: str, start_label: str, end_label: str) -> str:
    """Delete relationships of one type between two nodes given by uri."""
    return (
        f"UNWIND $rows AS row MATCH (a:{quote(start_label)} {{uri: row.src}})"
        f"-[r:{quote(rtype)}]->(b:{quote(end_label)} {{uri: row.dst}}) DELETE r"
    )


def neo4j_statements(graph: PropertyGraph) -> list[str]:
    """Every statement a Neo4j sync of ``graph`` can send: schema, merges and deletes for each table."""
    result = neo4j_schema_statements(graph)
    for label, table in sorted(graph.node_tables.items()):
        result += [upsert_nodes(label, table.columns, "neo4j"), delete_nodes(label)]
    for rtype, table in sorted(graph.rel_tables.items()):
        for start, end in sorted(table.pairs):
            result += [upsert_relationships(rtype, start, end), delete_relationships(rtype, start, end)]
    return result
