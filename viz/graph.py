"""The networkx graph a page is drawn from, and the builder that fills it from store records.

Node keys are IRIs (the ``uri`` property), so graphs built from several queries merge; node
attributes are ``label`` (the class), ``labels``, ``uri``, ``name``, ``type``, ``years``,
``evidence`` (sentences) and ``props`` (all data properties). Edges carry ``type``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import networkx as nx
from kg.viz.records import NodeRecord, RelRecord, iter_graph_values
from kg.viz.text import display_name, has_own_name, node_type, node_years


class VizGraph(nx.MultiDiGraph):
    """A MultiDiGraph that shows itself as an interactive page when it is a Jupyter cell's value."""

    def _repr_html_(self) -> str:
        from kg.viz.render import inline_html  # render pulls pyvis/jinja: only when displayed

        return inline_html(self, title=str(self.graph.get("title", "regkg graph")))


def node_attributes(record: NodeRecord) -> dict[str, Any]:
    """The viz attributes of a node record (see the module docstring)."""
    props = record.props
    node_class = record.node_class
    return {
        "label": node_class,
        "labels": list(record.labels),
        "uri": record.uri,
        "name": display_name(props, node_class),
        "named": has_own_name(props),
        "type": node_type(props),
        "years": node_years(props),
        "evidence": [],
        "props": dict(props),
    }


def drawn_name(graph: VizGraph, key: str) -> str:
    """A node's name; a node without one of its own (an Implementation) is named by what it links.

    ``商事制度改革 @ 东莞市`` reads better than the hash at the end of the assertion's IRI. The
    linked names come from the drawn neighbours and from ``context`` (names read from the store
    for neighbours that are not drawn).
    """
    data = graph.nodes[key]
    if data.get("named", True):
        return str(data["name"])
    context = data.get("context", {})
    linked: dict[str, list[str]] = {c: list(context.get(c, [])) for c in ("Program", "Place", "Agency")}
    for _, target in graph.out_edges(key):
        target_data = graph.nodes[target]
        if target_data["label"] in linked and target_data.get("named", True):
            linked[target_data["label"]].append(str(target_data["name"]))
    parts = [" / ".join(sorted(set(linked[c]))) for c in ("Program", "Place") if linked[c]]
    return " @ ".join(parts) if parts else str(data["name"])


class GraphBuilder:
    """Adds store records to a :class:`VizGraph`, merging repeats and resolving internal ids.

    ``skip_classes`` are classes left out of the drawing (Evidence by default in
    neighbourhoods: their sentences go into tooltips instead of thousands of small nodes).
    """

    def __init__(self, graph: VizGraph | None = None, skip_classes: Iterable[str] = ()) -> None:
        self.graph = graph if graph is not None else VizGraph()
        self.skip_classes = frozenset(skip_classes)
        self._node_by_internal: dict[str, str] = {}
        self._skipped_internal: set[str] = set()
        self.relationship_count = 0

    def add_value(self, value: Any) -> list[str]:
        """Add every node and relationship inside one result cell; return the node keys added."""
        return self.add_row([value])

    def add_row(self, row: Iterable[Any]) -> list[str]:
        """Add one result row, nodes first, so relationships find ends returned later in the row."""
        items = [item for cell in row for item in iter_graph_values(cell)]
        added = [key for key in (self.add_node(i) for i in items if isinstance(i, NodeRecord)) if key]
        for rel in (item for item in items if isinstance(item, RelRecord)):
            added.extend(self.add_relationship(rel))
        return added

    def add_node(self, record: NodeRecord) -> str | None:
        """Add or merge one node; return its graph key, or None if its class is skipped."""
        if record.node_class in self.skip_classes:
            self._skipped_internal.add(record.key)
            return None
        key = record.uri or f"_:{record.key}"
        self._node_by_internal[record.key] = key
        if key in self.graph:
            self.graph.nodes[key]["props"].update(record.props)
        else:
            self.graph.add_node(key, **node_attributes(record))
        return key

    def add_relationship(self, rel: RelRecord) -> list[str]:
        """Add one relationship if both ends are drawn; return keys of end nodes it brought."""
        added = [key for key in (self.add_node(end) for end in rel.ends) if key is not None]
        source = self._node_by_internal.get(rel.source)
        target = self._node_by_internal.get(rel.target)
        if source is None or target is None:
            return added
        if not self.graph.has_edge(source, target, key=rel.key):
            self.graph.add_edge(source, target, key=rel.key, type=rel.rel_type, props=dict(rel.props))
            self.relationship_count += 1
        return added

    def key_of(self, internal: str) -> str | None:
        """The graph key of a store-internal node id seen so far."""
        return self._node_by_internal.get(internal)
