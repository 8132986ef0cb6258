"""Incremental, idempotent sync of the projected graph into a live store, backend-agnostic.

Each named graph (a document, or the vocabulary) is a unit of change: its fingerprint (hash of
its sorted N-Triples) and the nodes/relationships it contributes are remembered in a state file.
A sync projects the whole dataset (so shared nodes get the union of their properties, whatever
order documents arrive in) and writes only what changed documents touch; stale content of changed
documents, and with ``prune`` everything only removed documents held, is deleted.

All writes are ``UNWIND $rows … MERGE`` batches run in order (deletes, nodes, relationships) by
an :class:`Executor`. MERGE makes every batch idempotent and the state is saved only after the
last batch, so a sync interrupted anywhere and run again ends in the same graph as one that never
stopped.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rdflib import BNode, Dataset, Graph

from kg.datamodel import ASSERTION_CLASSES
from kg.store import statements as cypher
from kg.store.adoptions import ADOPTION
from kg.store.layout import layout_fingerprint
from kg.store.program_sets import PROGRAM_LISTS, PROGRAM_SET
from kg.store.projection import project
from kg.store.records import Node, PropertyGraph, Relationship
from kg.store.statements import Dialect

RelKey = tuple[str, str, str]  # (start uri, type, end uri)


@dataclass
class Unit:
    """What one named graph contributes: its fingerprint, nodes (uri → label) and relationship keys."""

    fingerprint: str
    nodes: dict[str, str] = field(default_factory=dict)
    relationships: set[RelKey] = field(default_factory=set)


@dataclass
class SyncState:
    """The units as of the last completed sync (graph IRI → unit), and the store layout
    (:func:`kg.store.layout.layout_fingerprint`) the target was written in."""

    units: dict[str, Unit] = field(default_factory=dict)
    layout: str | None = None  # None: written before layouts were recorded

    @classmethod
    def load(cls, path: Path | None) -> SyncState:
        if path is None or not path.exists():
            return cls()
        body = json.loads(path.read_text(encoding="utf-8"))
        return cls({
            iri: Unit(u["fingerprint"], dict(u["nodes"]), {tuple(k) for k in u["relationships"]})
            for iri, u in body.get("units", {}).items()
        }, body.get("layout"))

    def save(self, path: Path) -> None:
        """Write atomically, so an interrupted save leaves the previous state."""
        body = {"layout": self.layout, "units": {
            iri: {"fingerprint": u.fingerprint, "nodes": dict(sorted(u.nodes.items())),
                  "relationships": sorted(list(k) for k in u.relationships)}
            for iri, u in sorted(self.units.items())
        }}
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(body, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, path)


@dataclass
class Batch:
    """One write transaction: a statement and the rows bound to ``$rows``."""

    action: str  # "delete relationships" | "delete nodes" | "merge nodes" | "merge relationships"
    target: str  # label, or "type (Start→End)"
    statement: str
    rows: list[dict[str, Any]]


@dataclass
class SyncPlan:
    """What a sync will do; ``new_state`` is saved once every batch has run."""

    schema: list[str]
    batches: list[Batch]
    changed: list[str]
    removed: list[str]
    unchanged: list[str]
    new_state: SyncState
    relayout: bool = False  # every graph re-sent: the target was written in an older store layout

    def summary(self) -> dict[str, int]:
        """Rows per action, for the dry run and the final report."""
        totals: dict[str, int] = {}
        for batch in self.batches:
            totals[batch.action] = totals.get(batch.action, 0) + len(batch.rows)
        return totals


class SyncSource(Protocol):
    """RDF read lazily for a plan (:class:`kg.store.sync_source.DataDirSource`): never one Dataset."""

    def project_units(self) -> tuple[PropertyGraph, dict[str, Unit]]: ...


class Executor(Protocol):
    """Runs one write batch in its own transaction and returns counters (e.g. ``nodes_created``)."""

    def write(self, statement: str, rows: list[dict[str, Any]]) -> dict[str, int]: ...


def fingerprint(graph: Graph) -> str:
    """A content hash of a graph, independent of triple order.

    Blank nodes (the ontology's class unions; never nodes of the model) are hashed as ``[]``:
    their labels change on every parse, which made an unchanged ontology look changed.
    """
    lines = sorted(" ".join("[]" if isinstance(t, BNode) else t.n3() for t in triple) for triple in graph)
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:32]


def units_of(dataset: Dataset) -> dict[str, Unit]:
    """Each non-empty named graph's unit, from projecting that graph alone."""
    units: dict[str, Unit] = {}
    for graph in dataset.graphs():
        if len(graph) == 0:
            continue
        pg = project(graph)
        units[str(graph.identifier)] = Unit(
            fingerprint(graph), {n.uri: n.label for n in pg.nodes()}, {r.key for r in pg.relationships()}
        )
    return units


def plan_sync(
    dataset: Dataset | SyncSource,
    state: SyncState,
    *,
    dialect: Dialect,
    batch_size: int = 1000,
    prune: bool = False,
    full: bool = False,
) -> SyncPlan:
    """Work out the batches that bring the target from ``state`` to ``dataset``.

    ``dataset`` is an rdflib Dataset (one unit per named graph) or a streaming source such as a
    data dir (:func:`kg.store.sync_source.data_dir_source`).
    """
    if isinstance(dataset, Dataset):
        graph, current = project(dataset), units_of(dataset)
    else:
        graph, current = dataset.project_units()
    layout = layout_fingerprint()
    # Derived columns of an older layout (Adoption.statusCode, Program.uriHash) are missing on the
    # target for documents that did not change: queries would answer from nulls. Send everything.
    relayout = bool(state.units) and state.layout != layout
    full = full or relayout
    changed = sorted(i for i, u in current.items() if full or _fingerprint_of(state, i) != u.fingerprint)
    removed = sorted(set(state.units) - set(current))
    unchanged = sorted(set(current) - set(changed))
    gone = [state.units[i] for i in changed + (removed if prune else []) if i in state.units]
    kept_removed = {i: state.units[i] for i in removed if not prune}
    live = [*current.values(), *kept_removed.values()]
    live_nodes = {(uri, label) for u in live for uri, label in u.nodes.items()}
    live_rels = {k for u in live for k in u.relationships}
    stale_nodes = {(uri, label) for u in gone for uri, label in u.nodes.items()} - live_nodes
    stale_rels = {k for u in gone for k in u.relationships} - live_rels
    touched = {uri for i in changed for uri in current[i].nodes} | {uri for u in gone for uri in u.nodes}
    touched |= _copies_of(graph, touched)
    wanted_rels = {k for i in changed for k in current[i].relationships}
    # A node deleted only to change its label takes its relationships with it: merge them again.
    relabelled = {uri for uri, _ in stale_nodes}
    wanted_rels |= {k for k in live_rels if k[0] in relabelled or k[2] in relabelled}

    old_labels = {uri: label for u in state.units.values() for uri, label in u.nodes.items()}
    batches = _delete_batches(stale_nodes, stale_rels, old_labels, batch_size)
    batches += _node_batches(graph, touched, dialect, batch_size)
    batches += _rel_batches(graph, wanted_rels, batch_size)
    schema = cypher.neo4j_schema_statements(graph) if dialect == "neo4j" else []
    new_state = SyncState({**kept_removed, **current}, layout)
    return SyncPlan(schema, batches, changed, removed, unchanged, new_state, relayout)


# Label -> the properties naming the nodes whose labels it copies at load (kg.store.derived,
# adoptions, program_sets). A vocabulary or ontology change can rename a Program or Place
# without changing any document; the copies must then be sent again.
COPIED_FROM: dict[str, tuple[str, ...]] = {
    ADOPTION: ("programUri", "jurisdictionUri"),
    PROGRAM_SET: ("context", *PROGRAM_LISTS),
    **dict.fromkeys(ASSERTION_CLASSES, ("jurisdictionUri",)),
}


def _copies_of(graph: PropertyGraph, touched: set[str]) -> set[str]:
    """Nodes that copy a property of a touched node (:data:`COPIED_FROM`)."""
    found: set[str] = set()
    for label, keys in COPIED_FROM.items():
        table = graph.node_tables.get(label)
        for node in table.nodes if table is not None else ():
            if any(_names_any(node.properties.get(key), touched) for key in keys):
                found.add(node.uri)
    return found


def _names_any(value: Any, uris: set[str]) -> bool:
    if isinstance(value, str):
        return value in uris
    return isinstance(value, list | tuple) and any(isinstance(v, str) and v in uris for v in value)


def _fingerprint_of(state: SyncState, iri: str) -> str | None:
    unit = state.units.get(iri)
    return unit.fingerprint if unit else None


def _chunks(rows: list[dict[str, Any]], size: int) -> Iterable[list[dict[str, Any]]]:
    for start in range(0, len(rows), max(1, size)):
        yield rows[start:start + size]


def _delete_batches(
    nodes: set[tuple[str, str]], rels: set[RelKey], labels: dict[str, str], size: int
) -> list[Batch]:
    """Relationships first (their end labels come from the old state), then nodes with DETACH."""
    batches: list[Batch] = []
    by_pair: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for start, rtype, end in sorted(rels):
        if start in labels and end in labels:
            by_pair.setdefault((rtype, labels[start], labels[end]), []).append({"src": start, "dst": end})
    for (rtype, a, b), rows in sorted(by_pair.items()):
        for chunk in _chunks(rows, size):
            batches.append(Batch("delete relationships", f"{rtype} ({a}→{b})",
                                 cypher.delete_relationships(rtype, a, b), chunk))
    by_label: dict[str, list[dict[str, Any]]] = {}
    for uri, label in sorted(nodes):
        by_label.setdefault(label, []).append({"uri": uri})
    for label, rows in sorted(by_label.items()):
        for chunk in _chunks(rows, size):
            batches.append(Batch("delete nodes", label, cypher.delete_nodes(label), chunk))
    return batches


def _node_batches(graph: PropertyGraph, uris: set[str], dialect: Dialect, size: int) -> list[Batch]:
    """Merge batches per label carrying every column, so a property a document lost is removed."""
    batches: list[Batch] = []
    for label, table in sorted(graph.node_tables.items()):
        rows = [_node_row(n, table.columns) for n in table.nodes if n.uri in uris]
        statement = cypher.upsert_nodes(label, table.columns, dialect)
        for chunk in _chunks(rows, size):
            batches.append(Batch("merge nodes", label, statement, chunk))
    return batches


def _node_row(node: Node, columns: dict[str, Any]) -> dict[str, Any]:
    return {"uri": node.uri, **{c: node.properties.get(c) for c in columns if c != "uri"}}


def _rel_batches(graph: PropertyGraph, keys: set[RelKey], size: int) -> list[Batch]:
    batches: list[Batch] = []
    by_pair: dict[tuple[str, str, str], list[Relationship]] = {}
    for rel in graph.relationships():
        if rel.key in keys:
            by_pair.setdefault((rel.type, rel.start_label, rel.end_label), []).append(rel)
    for (rtype, a, b), rels in sorted(by_pair.items()):
        rows = [{"src": r.start, "dst": r.end} for r in rels]
        statement = cypher.upsert_relationships(rtype, a, b)
        for chunk in _chunks(rows, size):
            batches.append(Batch("merge relationships", f"{rtype} ({a}→{b})", statement, chunk))
    return batches


def execute_plan(
    plan: SyncPlan,
    executor: Executor,
    *,
    state_path: Path | None = None,
    on_batch: Callable[[int, Batch], None] | None = None,
) -> dict[str, int]:
    """Run every batch in order, then save the new state; returns the summed counters."""
    totals: dict[str, int] = {}
    for index, batch in enumerate(plan.batches):
        for key, value in executor.write(batch.statement, batch.rows).items():
            totals[key] = totals.get(key, 0) + value
        if on_batch is not None:
            on_batch(index, batch)
    if state_path is not None:
        plan.new_state.save(state_path)
    return totals
