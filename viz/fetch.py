"""Reading the subgraphs a page shows from a :class:`~kg.store.base.GraphStore`.

All statements here are plain read-only Cypher that LadybugDB and Neo4j both accept: untyped
patterns, ``uri IN $uris`` filters, and the driver's own node/relationship values (read by
:mod:`kg.viz.records`), so viz never needs to know how either engine names relationship types.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.viz.graph import GraphBuilder, VizGraph
from kg.viz.records import iter_regkg_iris
from kg.viz.style import CLASS_STYLES, class_priority

from kg.store.adoptions import ADOPTION
from kg.store.base import GraphStore, QueryResult, StoreError
from kg.store.program_sets import PROGRAM_SET

DEFAULT_MAX_NODES = 2000
# Sentences are folded into tooltips; drawn as nodes they would outnumber everything else.
FOLDED_CLASSES = frozenset({"Evidence"})
# Big IN-lists are sent in slices so neither engine plans a huge literal list at once.
URI_BATCH = 500
# Summaries the store derives for fast queries (docs/schema.md): no document states them, and
# with no relationships they would be drawn as loose dots.
DERIVED_CLASSES = frozenset({ADOPTION, PROGRAM_SET})
# Classes that are not assertions: they have no evidence sentences of their own.
ENTITY_CLASSES = frozenset({"Evidence", "Document", "Place", "Program", "Agency"})

HOP_QUERY = "MATCH (a)-[r]-(b) WHERE a.uri IN $uris RETURN a, r, b"
NODES_QUERY = "MATCH (n) WHERE n.uri IN $uris RETURN n"
LINKS_QUERY = "MATCH (a)-[r]->(b) WHERE a.uri IN $uris AND b.uri IN $targets RETURN a, r, b"
CONTEXT_QUERIES = {
    "Program": "MATCH (a)-->(p:Program) WHERE a.uri IN $uris RETURN a.uri AS uri, p.prefLabel AS name",
    "Place": "MATCH (a)-->(p:Place) WHERE a.uri IN $uris RETURN a.uri AS uri, p.label AS name",
}
DEGREE_QUERY = "MATCH (n)-[r]-() RETURN n.uri AS uri, count(r) AS degree"
EVIDENCE_IRI_PART = "/id/evidence/"
EVIDENCE_QUERY = (
    "MATCH (a)-->(e:Evidence) WHERE a.uri IN $uris "
    "OPTIONAL MATCH (e)-->(d:Document) RETURN a.uri AS uri, e.text AS text, d.title AS title"
)


def batches(items: list[str], size: int = URI_BATCH) -> Iterable[list[str]]:
    """``items`` in slices of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


def expand_uris(store: GraphStore, builder: GraphBuilder, uris: Iterable[str]) -> list[str]:
    """Add the nodes with these IRIs to the builder's graph; return the keys added."""
    added: list[str] = []
    for batch in batches(sorted(set(uris))):
        for row in store.run(NODES_QUERY, {"uris": batch}).rows:
            added.extend(builder.add_row(row))
    return added


def connect(store: GraphStore, builder: GraphBuilder) -> None:
    """Add every relationship between nodes already in the graph."""
    uris = sorted(str(d["uri"]) for _, d in builder.graph.nodes(data=True) if d.get("uri"))
    for batch in batches(uris):
        for row in store.run(LINKS_QUERY, {"uris": batch, "targets": uris}).rows:
            builder.add_row(row)


def attach_evidence(store: GraphStore, graph: VizGraph) -> None:
    """Put the evidence sentences (and their report's title) of every drawn assertion in its node."""
    uris = sorted(
        str(d["uri"]) for _, d in graph.nodes(data=True) if d.get("uri") and d["label"] not in ENTITY_CLASSES
    )
    for batch in batches(uris):
        for uri, text, title in store.run(EVIDENCE_QUERY, {"uris": batch}).rows:
            if uri in graph and text:
                sentence = f"{text} ——《{title}》" if title else str(text)
                if sentence not in graph.nodes[uri]["evidence"]:
                    graph.nodes[uri]["evidence"].append(sentence)


def attach_context(store: GraphStore, graph: VizGraph) -> None:
    """Store the names of the programs and places that unnamed nodes (Implementations) link.

    Read even when those neighbours are not drawn, so every label says what the node is about.
    """
    unnamed = [d for _, d in graph.nodes(data=True) if d.get("uri") and not d.get("named", True)]
    uris = sorted(str(d["uri"]) for d in unnamed)
    for node_class, query in CONTEXT_QUERIES.items():
        for batch in batches(uris):
            for uri, name in store.run(query, {"uris": batch}).rows:
                if uri in graph and name:
                    names = graph.nodes[uri].setdefault("context", {}).setdefault(node_class, [])
                    if name not in names:
                        names.append(str(name))


def annotate(store: GraphStore, graph: VizGraph) -> None:
    """Evidence sentences and linked names for the drawn nodes (tooltips and labels)."""
    attach_evidence(store, graph)
    attach_context(store, graph)


def subgraph_from_result(
    result: QueryResult,
    store: GraphStore | None = None,
    *,
    extra_uris: Iterable[str] = (),
    title: str = "query result",
) -> VizGraph:
    """The graph a query result shows.

    Nodes, relationships and paths in the result are drawn as returned. IRIs in plain columns
    (and ``extra_uris``) are expanded to their nodes through ``store``, and then the
    relationships among all drawn nodes are added. Without a store only the returned graph
    values are drawn.
    """
    builder = GraphBuilder()
    iris: set[str] = set(extra_uris)
    for row in result.rows:
        builder.add_row(row)
        for cell in row:
            iris.update(iter_regkg_iris(cell))
    graph = builder.graph
    if store is not None:
        missing = [iri for iri in iris if iri not in graph]
        if missing:
            expand_uris(store, builder, missing)
        if missing or builder.relationship_count == 0:
            connect(store, builder)
        annotate(store, graph)
    graph.graph.update(title=title, total_nodes=graph.number_of_nodes(), capped=False)
    return graph


def neighbourhood(
    store: GraphStore,
    uris: str | Iterable[str],
    depth: int = 1,
    *,
    max_nodes: int = DEFAULT_MAX_NODES,
    include_evidence: bool = False,
    title: str | None = None,
) -> VizGraph:
    """The nodes within ``depth`` hops of ``uris`` (IRIs; see :func:`resolve` for names).

    Hops go both ways along any relationship. Evidence nodes are folded into tooltips unless
    ``include_evidence``. Expansion stops once ``max_nodes`` are drawn (``graph.graph['capped']``).
    """
    seeds = [uris] if isinstance(uris, str) else list(uris)
    builder = GraphBuilder(skip_classes=() if include_evidence else FOLDED_CLASSES)
    graph = builder.graph
    frontier = expand_uris(store, builder, seeds)
    if not frontier:
        raise LookupError(f"no node with uri {', '.join(seeds)}")
    capped, reached_total = False, 0
    for _ in range(max(depth, 0)):
        seen = set(graph.nodes)
        reached: list[str] = []
        for batch in batches(frontier):
            for row in store.run(HOP_QUERY, {"uris": batch}).rows:
                reached.extend(builder.add_row(row))
        frontier = [key for key in dict.fromkeys(reached) if key not in seen and key.startswith("http")]
        if graph.number_of_nodes() > max_nodes:
            capped, reached_total = True, graph.number_of_nodes()
            _trim(graph, max_nodes, keep=seeds)
            break
        if not frontier:
            break
    annotate(store, graph)
    graph.graph.update(
        title=title or f"neighbourhood of {', '.join(seeds)}",
        # When capped, the true neighbourhood is larger still: expansion stopped at this hop.
        total_nodes=reached_total if capped else graph.number_of_nodes(),
        capped=capped,
        seeds=seeds,
    )
    return graph


def _trim(graph: VizGraph, max_nodes: int, keep: Iterable[str]) -> None:
    """Drop the least important nodes (by class, then by fewest links) down to ``max_nodes``."""
    protected = set(keep)
    ranked = sorted(
        graph.nodes,
        key=lambda n: (n not in protected, class_priority(graph.nodes[n]["label"]), -graph.degree(n), n),
    )
    graph.remove_nodes_from(ranked[max_nodes:])


def count_nodes(store: GraphStore, label: str | None = None) -> int:
    """How many nodes the store holds (of ``label``; 0 if the store has no such label)."""
    pattern = f"(n:{label})" if label else "(n)"
    try:
        return int(store.run(f"MATCH {pattern} RETURN count(n) AS n").rows[0][0])
    except StoreError:  # an embedded store without that node table yet
        return 0


def whole_graph(
    store: GraphStore,
    max_nodes: int = DEFAULT_MAX_NODES,
    *,
    include_evidence: bool = False,
    title: str = "regkg graph",
) -> VizGraph:
    """Everything in the store, or, over ``max_nodes``, its best-connected ``max_nodes`` nodes.

    The best-connected core keeps a capped page a graph (hubs with their links) rather than a
    scatter of unlinked nodes. ``graph.graph`` says ``capped`` and ``total_nodes`` (what the
    store holds, Evidence excluded when folded), so callers can tell the reader what was left out.
    """
    labels = [label for label in _store_labels(store) if include_evidence or label not in FOLDED_CLASSES]
    builder = GraphBuilder(skip_classes=() if include_evidence else FOLDED_CLASSES)
    total = sum(count_nodes(store, label) for label in labels)
    if total <= max_nodes:
        for label in labels:
            for row in _rows_or_none(store, f"MATCH (n:{label}) RETURN n"):
                builder.add_row(row)
    else:
        expand_uris(store, builder, best_connected(store, max_nodes, include_evidence=include_evidence))
    connect(store, builder)
    annotate(store, builder.graph)
    graph = builder.graph
    graph.graph.update(title=title, total_nodes=total, capped=total > graph.number_of_nodes())
    return graph


def best_connected(store: GraphStore, count: int, *, include_evidence: bool = False) -> list[str]:
    """The IRIs of the ``count`` nodes with the most relationships (ties by class, then IRI)."""
    degrees = [(str(uri), int(degree)) for uri, degree in store.run(DEGREE_QUERY).rows if uri]
    if not include_evidence:
        # Evidence IRIs are rkd:evidence/… (docs/schema.md); no label function is portable.
        degrees = [(uri, degree) for uri, degree in degrees if EVIDENCE_IRI_PART not in uri]
    degrees.sort(key=lambda item: (-item[1], item[0]))
    return [uri for uri, _ in degrees[:count]]


def _rows_or_none(store: GraphStore, cypher: str) -> list[list[Any]]:
    """Rows of a read query; none when an embedded store has no such table yet."""
    try:
        return store.run(cypher).rows
    except StoreError:
        return []


def _store_labels(store: GraphStore) -> list[str]:
    """The store's node labels in drawing priority (schema classes first, then any others)."""
    try:
        present = list(store.schema().get("labels", []))
    except Exception:  # a store without schema support: ask for the schema classes
        present = list(CLASS_STYLES)
    present = [label for label in present
               if label.isidentifier() and label != "Resource" and label not in DERIVED_CLASSES]
    return sorted(set(present), key=lambda label: (class_priority(label), label))


def resolve(store: GraphStore, kind: str, name: str) -> list[str]:
    """The IRIs a program/place/agency name (label, alias, code, CURIE or IRI) stands for.

    Uses the canned-query name index (kg.queries), so viz and queries agree on names; raises
    its ``NameResolutionError`` (with suggestions or choices) when the name is unknown or ambiguous.
    """
    from kg.queries.names import build_name_index

    return build_name_index(store).resolve(kind, name, expand=False)
