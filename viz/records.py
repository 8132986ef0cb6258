"""Reading Cypher result values into node and relationship records.

Stores return the plain dicts of ``kg.store.base`` (``_kind`` node/relationship/path). Raw
driver values are read too, by shape, so a result obtained straight from a driver still
draws: LadybugDB dicts with ``_ID``/``_LABEL``/``_SRC``/``_DST`` and Neo4j
``Node``/``Relationship``/``Path`` objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from kg.viz.style import primary_class

REGKG_IRI_PREFIX = "https://w3id.org/regkg/"


@dataclass
class NodeRecord:
    """One node as returned by a store: its store-internal key, labels and data properties."""

    key: str
    labels: list[str]
    props: dict[str, Any]

    @property
    def node_class(self) -> str:
        return primary_class(self.labels)

    @property
    def uri(self) -> str | None:
        value = self.props.get("uri")
        return str(value) if value else None


@dataclass
class RelRecord:
    """One relationship: its key, type and the store-internal keys of its two ends."""

    key: str
    rel_type: str
    source: str
    target: str
    props: dict[str, Any] = field(default_factory=dict)
    # Neo4j relationships carry their end nodes; Kùzu ones only internal ids.
    ends: list[NodeRecord] = field(default_factory=list)


def _get(value: Mapping[str, Any], *names: str) -> Any:
    """The first of ``names`` present in a mapping (Kùzu spells internals _ID, older _id)."""
    for name in names:
        if name in value:
            return value[name]
    return None


def _internal_key(raw: Any) -> str:
    """A stable string for a store-internal id (Kùzu {'table','offset'} dicts or Neo4j ids)."""
    if isinstance(raw, Mapping):
        return f"{raw.get('table')}:{raw.get('offset')}"
    return str(raw)


def _clean_props(props: Mapping[str, Any]) -> dict[str, Any]:
    """Data properties only: no internal fields, no nulls (untyped Kùzu matches pad with them)."""
    return {k: v for k, v in props.items() if not k.startswith("_") and v is not None}


def _kind(value: Any) -> str | None:
    """The ``_kind`` of a store-normalized value (node, relationship, path), else None."""
    return value.get("_kind") if isinstance(value, Mapping) else None


def _store_node(value: Mapping[str, Any]) -> NodeRecord:
    label = value.get("_label") or ""
    labels = list(label) if isinstance(label, list | tuple) else [str(label)]
    return NodeRecord(str(value.get("_id")), labels, _clean_props(value))


def _store_rel(value: Mapping[str, Any]) -> RelRecord:
    return RelRecord(
        key=str(value.get("_id")),
        rel_type=str(value.get("_type")),
        source=str(value.get("_start")),
        target=str(value.get("_end")),
        props=_clean_props(value),
    )


def _is_kuzu_node(value: Any) -> bool:
    return isinstance(value, Mapping) and _get(value, "_ID", "_id") is not None and (
        _get(value, "_LABEL", "_label") is not None and _get(value, "_SRC", "_src") is None
    )


def _is_kuzu_rel(value: Any) -> bool:
    return isinstance(value, Mapping) and _get(value, "_SRC", "_src") is not None


def _is_kuzu_path(value: Any) -> bool:
    return isinstance(value, Mapping) and _get(value, "_NODES", "_nodes") is not None


def _is_neo4j_node(value: Any) -> bool:
    return hasattr(value, "labels") and hasattr(value, "element_id") and not hasattr(value, "start_node")


def _is_neo4j_rel(value: Any) -> bool:
    return hasattr(value, "start_node") and hasattr(value, "end_node") and hasattr(value, "type")


def _is_neo4j_path(value: Any) -> bool:
    return hasattr(value, "relationships") and hasattr(value, "nodes") and hasattr(value, "start_node")


def _kuzu_node(value: Mapping[str, Any]) -> NodeRecord:
    label = _get(value, "_LABEL", "_label")
    labels = list(label) if isinstance(label, list | tuple) else [str(label)]
    return NodeRecord(_internal_key(_get(value, "_ID", "_id")), labels, _clean_props(value))


def _kuzu_rel(value: Mapping[str, Any]) -> RelRecord:
    return RelRecord(
        key=_internal_key(_get(value, "_ID", "_id")),
        rel_type=str(_get(value, "_LABEL", "_label")),
        source=_internal_key(_get(value, "_SRC", "_src")),
        target=_internal_key(_get(value, "_DST", "_dst")),
        props=_clean_props(value),
    )


def _neo4j_node(value: Any) -> NodeRecord:
    return NodeRecord(str(value.element_id), sorted(value.labels), _clean_props(dict(value.items())))


def _neo4j_rel(value: Any) -> RelRecord:
    ends = [_neo4j_node(n) for n in (value.start_node, value.end_node) if n is not None]
    return RelRecord(
        key=str(value.element_id),
        rel_type=str(value.type),
        source=str(value.start_node.element_id),
        target=str(value.end_node.element_id),
        props=_clean_props(dict(value.items())),
        ends=ends,
    )


def iter_graph_values(value: Any) -> Iterator[NodeRecord | RelRecord]:
    """All nodes and relationships inside one result cell (lists and paths included)."""
    kind = _kind(value)
    if kind == "node":
        yield _store_node(value)
    elif kind == "relationship":
        yield _store_rel(value)
    elif kind == "path":
        for item in [*value.get("nodes", []), *value.get("relationships", [])]:
            yield from iter_graph_values(item)
    elif _is_kuzu_path(value):
        for item in list(_get(value, "_NODES", "_nodes") or []) + list(_get(value, "_RELS", "_rels") or []):
            yield from iter_graph_values(item)
    elif _is_kuzu_rel(value):
        yield _kuzu_rel(value)
    elif _is_kuzu_node(value):
        yield _kuzu_node(value)
    elif _is_neo4j_path(value):
        for node in value.nodes:
            yield _neo4j_node(node)
        for rel in value.relationships:
            yield _neo4j_rel(rel)
    elif _is_neo4j_rel(value):
        yield _neo4j_rel(value)
    elif _is_neo4j_node(value):
        yield _neo4j_node(value)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_graph_values(item)


def iter_regkg_iris(value: Any) -> Iterator[str]:
    """regkg IRIs in a plain result cell (strings or lists of strings), for uri-only results."""
    if isinstance(value, str):
        if value.startswith(REGKG_IRI_PREFIX):
            yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from iter_regkg_iris(item)
