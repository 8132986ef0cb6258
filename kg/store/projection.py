"""RDF → property graph, following neosemantics (n10s) conventions and docs/schema.md.

- every IRI subject with an ``rdf:type`` in the rk: ontology is one node, labelled with its primary
  class (Province…Township become ``Place`` with ``level``); ``uri`` is the IRI;
- literal objects become properties named by the predicate's local name; zh (or untagged) values
  keep the name, other languages go to ``<name>_<lang>`` (``label_en``);
- object properties between two nodes become relationships typed by the local name (``has<Name>``
  when the name is also a label, see :func:`kg.store.declared.relationship_type`); an IRI object
  that is not a node is kept as a string property;
- multi-valued properties (``altLabel``) are lists; a single-valued property that happens to have
  several values keeps the smallest one and the projection records a warning.

The result is the same whatever the order of triples or graphs, so a store rebuilt from the same
RDF is identical.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from itertools import islice
from typing import Any

from rdflib import Dataset, Graph

from kg.store.accumulator import RK, TripleAccumulator, Values, add_value, local_name  # noqa: F401 (RK: re-exported)
from kg.store.adoptions import ADOPTION, declare_adoptions, sort_adoption_rows
from kg.store.declared import (
    PLACE_LEVELS,
    PRIMARY_LABELS,
)
from kg.store.derived import (
    ASSERTION_LABELS,
    IN_DOCUMENT,
    REPORTED_COLUMNS,
    ImplementationLinks,
    add_document_context,
    add_reported,
    document_shortcuts,
    implementation_links,
)
from kg.store.derived_nodes import add_derived_nodes
from kg.store.node_columns import fill_node_columns, uris_by_label
from kg.store.plain_rdf import PlainTriple, Row, plain_triples
from kg.store.program_sets import declare_program_sets
from kg.store.records import NodeTable, PropertyGraph
from kg.store.tables import fill_node_tables, fill_rel_tables

Triple = tuple[Any, Any, Any]
# When a node table's values are final, so a bulk load can gather and copy it while the later
# derivations run. Gathering pops the nodes' values, so a derivation reading one would fail
# loudly. No derivation reads or changes Evidence. The assertions, documents, places and agencies
# are final once the reported plans and the document context are added: the derived nodes read
# Implementations only through the facts read before (ImplementationLinks.read_facts), and the
# documents and places they name through their values kept aside (_values_kept_for). Programs
# (which ProgramSets number) and the derived nodes come last.
BEFORE_DERIVATIONS = frozenset({"Evidence"})
AFTER_ASSERTION_COLUMNS = (ASSERTION_LABELS | {"Document", "Place", "Agency"}) - BEFORE_DERIVATIONS


@dataclass
class Projection:
    """A projected graph plus what the projection had to simplify (for the load summary)."""

    graph: PropertyGraph
    warnings: list[str] = field(default_factory=list)


def triples_of(source: Graph | Dataset | Iterable[Triple]) -> Iterator[Triple]:
    """Every distinct triple of a graph, a dataset (union of its named graphs) or an iterable."""
    if isinstance(source, Dataset):
        seen: set[Triple] = set()
        for s, p, o, _g in source.quads((None, None, None, None)):
            if (s, p, o) not in seen:
                seen.add((s, p, o))
                yield s, p, o
    elif isinstance(source, Graph):
        yield from source.triples((None, None, None))
    else:
        yield from source


def project(source: Graph | Dataset | Iterable[Triple]) -> PropertyGraph:
    """Project RDF onto the property graph (see :func:`project_with_warnings`)."""
    return project_with_warnings(source).graph


def project_with_warnings(source: Graph | Dataset | Iterable[Triple]) -> Projection:
    """Project rdflib RDF onto typed node and relationship tables, keeping every declared label and type."""
    return project_plain(plain_triples(triples_of(source)))


def project_plain(triples: Iterable[PlainTriple]) -> Projection:
    """Project plain triples (streamed once, in any order, repeats allowed) onto the property graph."""
    builder = ProjectionBuilder()
    for s, p, o in triples:
        builder.add(s, p, o)
    return builder.finish()


def project_rows(rows: Iterable[Row]) -> Projection:
    """Project streamed N-Quads rows (:func:`kg.store.plain_rdf.read_rows`) onto the property graph."""
    builder = ProjectionBuilder()
    builder.add_rows(rows)
    return builder.finish()


class ProjectionBuilder(TripleAccumulator):
    """A :class:`~kg.store.accumulator.TripleAccumulator` that finishes into the property graph."""

    def finish(self, *, rel_tuples: bool = True, node_rows: bool = True) -> Projection:
        """The projected graph: node tables by primary label, relationship tables by type.

        Consumes the builder: its accumulated values move into the tables node by node. Without
        ``rel_tuples`` the relationship tables hold only what the bulk load reads (see
        :func:`kg.store.tables.fill_rel_tables`); without ``node_rows`` the node tables hold their
        rows as Arrow columns, no :class:`~kg.store.records.Node` each (:mod:`kg.store.node_columns`),
        and every table is filled when the load first reads it (the relationship tables by
        :meth:`~kg.store.records.PropertyGraph.fill_relationships`). The node tables are then
        declared in stages (:data:`BEFORE_DERIVATIONS`, :data:`AFTER_ASSERTION_COLUMNS`, the rest),
        each once the derivations before it have run
        (:meth:`~kg.store.records.PropertyGraph.fill_node_stage`), so the load copies the tables of one
        stage while the next is derived.
        """
        labels, levels = _node_labels(self.classes)
        values = {uri: self.values.pop(uri, None) or {} for uri in labels}
        self.values = {}  # what is left belongs to no node; the tables free the rest as they go
        links = self._node_links(labels, values)
        for uri, level in levels.items():
            values[uri].setdefault("level", (("STRING", level),))
        links[IN_DOCUMENT] = set(links.get(IN_DOCUMENT, ())) | document_shortcuts(labels, links)
        projection = Projection(PropertyGraph())
        graph = projection.graph
        if node_rows:
            _derive(labels, values, links)
            declare_adoptions(graph)
            declare_program_sets(graph)
            fill_rel_tables(graph, labels, links, tuples=rel_tuples)
            fill_node_tables(graph, labels, values, projection.warnings)
            for table in graph.node_tables.values():
                _settle_node_table(table)
            return projection
        # Each table is gathered when the load reads it, while the previous one is copied. The
        # tables whose values are final come first, so their copies overlap the derivations still
        # to run (see BEFORE_DERIVATIONS); the relationships come after the node tables.
        by_label = uris_by_label(labels)  # grouped once for every stage; the last adds the derived nodes
        fill_node_columns(graph, by_label, values, projection.warnings, _settle_node_table, keep=_first_stage)
        # The derived nodes have no relationships, so the relationships are filled from the nodes
        # and links as they are now, and the load may fill them while the derivations run: from
        # copies of the dictionaries, since the derivations add nodes and the fill empties its
        # links (the pair lists are shared and only read).
        graph.pending_relationships = partial(
            fill_rel_tables, graph, dict(labels), dict(links), tuples=rel_tuples
        )
        graph.relationships_need_nodes = False
        graph.pending_nodes = partial(
            _assertion_stage, graph, labels, by_label, values, links, projection.warnings
        )
        return projection

    def _node_links(self, labels: dict[str, str], values: Values) -> dict[str, Collection[tuple[str, str]]]:
        """The IRI links between two nodes grouped by name; a link to a non-node becomes a string property.

        Consumes the builder's links, freeing each name's pairs once they are sorted out.
        """
        links: dict[str, Collection[tuple[str, str]]] = {}
        pending = self.links
        self.links = {}
        while pending:
            name, pairs = pending.popitem()
            from_nodes = [pair for pair in pairs if pair[0] in labels]
            del pairs
            between_nodes = [pair for pair in from_nodes if pair[1] in labels]
            if between_nodes:
                links[name] = between_nodes
            if len(between_nodes) < len(from_nodes):  # a link to a non-node stays a string property
                for s, o in from_nodes:
                    if o not in labels:
                        add_value(values[s], name, ("STRING", o))
        return links


def _derive(labels: dict[str, str], values: Values, links: dict[str, Collection[tuple[str, str]]]) -> None:
    """Add the derived columns and nodes (:mod:`kg.store.derived`, :mod:`kg.store.derived_nodes`)."""
    add_derived_nodes(labels, values, _add_assertion_columns(labels, values, links))


def _add_assertion_columns(
    labels: dict[str, str], values: Values, links: dict[str, Collection[tuple[str, str]]]
) -> ImplementationLinks:
    """Add the reported plans and document context to the assertions; the Implementations' links
    and facts, which are all the derived nodes read of them."""
    gathered = implementation_links(labels, links)  # once, for the reported plans and the derived nodes
    add_reported(labels, values, gathered)
    add_document_context(labels, values, links)
    gathered.read_facts(values)
    return gathered


def _first_stage(label: str) -> bool:
    return label in BEFORE_DERIVATIONS


def _assertion_stage_table(label: str) -> bool:
    return label in AFTER_ASSERTION_COLUMNS


def _assertion_stage(
    graph: PropertyGraph,
    labels: dict[str, str],
    by_label: dict[str, list[str]],
    values: Values,
    links: dict[str, Collection[tuple[str, str]]],
    warnings: list[str],
) -> None:
    """A bulk load's second stage: complete the assertions and declare their tables; the derived
    nodes are left pending (:meth:`~kg.store.records.PropertyGraph.fill_nodes`)."""
    gathered = _add_assertion_columns(labels, values, links)
    kept = _values_kept_for(gathered, values)
    fill_node_columns(graph, by_label, values, warnings, _settle_node_table, keep=_assertion_stage_table)
    graph.pending_nodes = partial(
        _derived_node_stage, graph, labels, by_label, values, kept, gathered, warnings
    )


def _values_kept_for(gathered: ImplementationLinks, values: Values) -> Values:
    """The values of the places and documents the Implementations name, which the derived nodes
    read (names, codes): held here, their tables can be gathered (popping them) before."""
    named: set[str] = set()
    for contexts in (gathered.places, gathered.documents):
        named.update(*contexts.values())
    return {uri: values[uri] for uri in named if uri in values}


def _derived_node_stage(
    graph: PropertyGraph,
    labels: dict[str, str],
    by_label: dict[str, list[str]],
    values: Values,
    kept: Values,
    gathered: ImplementationLinks,
    warnings: list[str],
) -> None:
    """A bulk load's last stage: add the derived nodes and declare every table not declared yet.

    The derived nodes read ``values``, else the places' and documents' ``kept`` values (their
    tables are written by now), and write into ``values``.
    """
    known = len(labels)
    add_derived_nodes(labels, ChainMap(values, kept), gathered)  # type: ignore[arg-type]
    declare_adoptions(graph)
    declare_program_sets(graph)
    # the derived nodes are new labels, added at the end of ``labels``
    derived = uris_by_label(dict(islice(labels.items(), known, None)))
    fill_node_columns(graph, {**by_label, **derived}, values, warnings, _settle_node_table, keep=_last_stage)


def _last_stage(label: str) -> bool:
    return label not in BEFORE_DERIVATIONS and label not in AFTER_ASSERTION_COLUMNS


def _settle_node_table(table: NodeTable) -> None:
    """What the projection adds to a node table once its columns are settled: Adoptions in the
    matrix's order, and the reported columns of Implementations (even if none has them)."""
    if table.label == ADOPTION:
        sort_adoption_rows(table)
    elif table.label == "Implementation":
        table.columns.update(REPORTED_COLUMNS)


def _node_labels(classes: dict[str, set[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """uri -> primary label for every typed rk: resource, and uri -> level implied by a Place subclass.

    Half a million nodes have a few dozen distinct class sets, so each set is ranked once.
    """
    labels: dict[str, str] = {}
    levels: dict[str, str] = {}
    ranked: dict[frozenset[str], tuple[str, str | None]] = {}
    for uri, names in classes.items():
        key = frozenset(names)
        label_level = ranked.get(key)
        if label_level is None:
            label_level = ranked[key] = _label_and_level(key)
        labels[uri], level = label_level
        if level is not None:
            levels[uri] = level
    return labels, levels


def _label_and_level(names: frozenset[str]) -> tuple[str, str | None]:
    """The primary label of a resource with these rk: classes, and the level a Place subclass implies."""
    primary = {("Place" if n in PLACE_LEVELS else n) for n in names}
    ranked = [label for label in PRIMARY_LABELS if label in primary]
    label = ranked[0] if ranked else sorted(primary)[0]
    place_levels = sorted(PLACE_LEVELS[n] for n in names if n in PLACE_LEVELS)
    return label, place_levels[0] if label == "Place" and place_levels else None
