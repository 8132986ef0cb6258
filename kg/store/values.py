"""Backend result values → the plain dicts every caller sees (see ``kg.store.base``).

LadybugDB returns nodes as ``{"_ID": {...}, "_LABEL": ..., <all columns>}``, relationships with
``_SRC``/``_DST`` and paths as ``{"_NODES", "_RELS"}``; the Neo4j driver returns ``Node``,
``Relationship`` and ``Path`` objects. Both become the same shapes so the console, JSON output
and pyvis pages do not care which store answered.
"""

from __future__ import annotations

from typing import Any

from kg.store.base import NODE_KIND, PATH_KIND, RELATIONSHIP_KIND

NEO4J_EXTRA_LABEL = "Resource"  # n10s' label on every node in Neo4j; not a primary label


def _ladybug_id(raw: Any) -> str:
    """``{"table": 0, "offset": 3}`` → ``"0:3"``."""
    if isinstance(raw, dict):
        return f"{raw.get('table')}:{raw.get('offset')}"
    return str(raw)


def from_ladybug(value: Any) -> Any:
    """Normalize one LadybugDB result value (recursively through lists and maps)."""
    if isinstance(value, dict):
        if "_NODES" in value and "_RELS" in value:
            return {
                "_kind": PATH_KIND,
                "nodes": [from_ladybug(n) for n in value["_NODES"]],
                "relationships": [from_ladybug(r) for r in value["_RELS"]],
            }
        if "_SRC" in value and "_DST" in value and "_LABEL" in value:
            props = _present(value, skip={"_SRC", "_DST", "_LABEL", "_ID"})
            return {
                "_kind": RELATIONSHIP_KIND,
                "_id": _ladybug_id(value.get("_ID")),
                "_type": value["_LABEL"],
                "_start": _ladybug_id(value["_SRC"]),
                "_end": _ladybug_id(value["_DST"]),
                **props,
            }
        if "_ID" in value and "_LABEL" in value:
            props = _present(value, skip={"_ID", "_LABEL"})
            return {"_kind": NODE_KIND, "_id": _ladybug_id(value["_ID"]), "_label": value["_LABEL"], **props}
        return {k: from_ladybug(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_ladybug(v) for v in value]
    return value


def _present(value: dict[str, Any], skip: set[str]) -> dict[str, Any]:
    """Properties without nulls: LadybugDB returns every column of the table, Neo4j only set ones."""
    return {k: from_ladybug(v) for k, v in value.items() if k not in skip and v is not None}


def from_neo4j(value: Any) -> Any:
    """Normalize one Neo4j driver result value (recursively through lists and maps)."""
    from neo4j.graph import Node, Path, Relationship  # lazy: keep `import kg.store` light

    if isinstance(value, Node):
        labels = sorted(value.labels - {NEO4J_EXTRA_LABEL}) or sorted(value.labels)
        return {"_kind": NODE_KIND, "_id": value.element_id, "_label": labels[0] if labels else "",
                **{k: from_neo4j(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        start = value.start_node.element_id if value.start_node is not None else ""
        end = value.end_node.element_id if value.end_node is not None else ""
        return {"_kind": RELATIONSHIP_KIND, "_id": value.element_id, "_type": value.type,
                "_start": start, "_end": end, **{k: from_neo4j(v) for k, v in value.items()}}
    if isinstance(value, Path):
        return {"_kind": PATH_KIND, "nodes": [from_neo4j(n) for n in value.nodes],
                "relationships": [from_neo4j(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: from_neo4j(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_neo4j(v) for v in value]
    return value
