"""The last step of the projection: typed node tables and relationship tables from accumulated RDF.

Input is what :class:`kg.store.projection.ProjectionBuilder` settled: each node's primary label,
its typed values per property key, and the relationship keys ``(start, local name, end)``.
Column types come from the declared schema widened by what the data holds; values are coerced
to them. Tables list nodes by uri and relationships by (start, end) uri, so equal RDF gives equal
tables whatever the order it was read in. These loops run once per node, property and
relationship of the whole corpus, so they keep per-item work to dictionary look-ups and compare
integer ranks rather than long IRIs when sorting relationships.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from operator import attrgetter, itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from kg.store.accumulator import Values
from kg.store.declared import (
    LIST_PROPERTIES,
    PRIMARY_LABELS,
    declared_columns,
    declared_pairs,
    relationship_type,
)
from kg.store.derived import ASSERTION_LABELS, IN_DOCUMENT
from kg.store.records import BaseType, ColumnType, Node, NodeTable, PropertyGraph, Relationship, RelTable


def fill_node_tables(
    graph: PropertyGraph, labels: dict[str, str], values: Values, warnings: list[str]
) -> None:
    """One table per label: declared columns plus observed ones, values coerced to column types.

    Consumes ``values``: each node's accumulated values are dropped as soon as its properties
    are built, so the two copies of a large corpus never coexist in memory. Nodes are built in
    the order their values were accumulated, which is close to the order they lie in memory,
    and sorted by uri afterwards: visiting half a million scattered dicts in uri order instead
    costs a third more, in cache misses.
    """
    tables = graph.node_tables
    for label in PRIMARY_LABELS:
        tables[label] = NodeTable(label, declared_columns(label))
    by_label: dict[str, list[str]] = {}
    for uri, label in labels.items():
        by_label.setdefault(label, []).append(uri)
    for label, uris in sorted(by_label.items()):
        table = tables.setdefault(label, NodeTable(label, declared_columns(label)))
        nodes = _nodes(table, uris, values, warnings)
        nodes.sort(key=attrgetter("uri"))
        table.nodes.extend(nodes)


def _nodes(table: NodeTable, uris: list[str], values: Values, warnings: list[str]) -> list[Node]:
    """The nodes of one table, in the order of ``uris``, with their properties in key order,
    coerced to the column types.

    One pass over the values: a property with one value (nearly all) is taken as it is while its
    base type is noted; once the pass has settled the column types, only the columns whose values
    need a conversion or a list, and the properties with several values, are revisited.
    """
    observed: dict[str, set[BaseType]] = {}
    several: list[tuple[str, dict[str, Any], str, Collection[tuple[BaseType, Any]]]] = []
    nodes: list[Node] = []
    label = table.label
    for uri in uris:
        props = values.pop(uri)
        out: dict[str, Any] = {}
        for key in sorted(props):
            typed = props[key]
            bases = observed.get(key)
            if bases is None:
                bases = observed[key] = set()
            if len(typed) == 1:  # the common case, kept cheap for large loads
                (base, out[key]), = typed
                bases.add(base)
            else:
                bases.update(base for base, _ in typed)
                out[key] = None  # placeholder keeps the key order; filled below
                several.append((uri, out, key, typed))
        nodes.append(Node(uri, label, out))
    columns = table.columns
    for key, bases in sorted(observed.items()):
        columns[key] = column_type(key, columns.get(key), bases)
    for key, bases in observed.items():
        column = columns[key]
        if column.is_list or bases != {column.base}:
            _coerce_single_values(nodes, key, column)
    several.sort(key=itemgetter(0, 2))  # in node and key order, as the warnings read
    for uri, out, key, typed in several:
        out[key] = coerce_values(uri, key, columns[key], typed, warnings)
    return nodes


def _coerce_single_values(nodes: list[Node], key: str, column: ColumnType) -> None:
    """Convert the one-valued ``key`` properties of ``nodes`` to the column's type (or a one-item list)."""
    for node in nodes:
        props = node.properties
        value = props.get(key)
        if value is None:
            continue  # no such property, or several values (coerced by the caller)
        converted = convert_value(value, column.base)
        props[key] = [converted] if column.is_list else converted


def column_type(key: str, declared: ColumnType | None, observed: set[BaseType]) -> ColumnType:
    """Declared type when the data fits it, else the widest observed type (strings hold anything)."""
    is_list = key in LIST_PROPERTIES or bool(declared and declared.is_list)
    if declared and all(_fits(b, declared.base) for b in observed):
        return ColumnType(declared.base, is_list)
    if observed <= {"INT64"}:
        return ColumnType("INT64", is_list)
    if observed <= {"INT64", "DOUBLE"}:
        return ColumnType("DOUBLE", is_list)
    if observed == {"BOOLEAN"}:
        return ColumnType("BOOLEAN", is_list)
    return ColumnType("STRING", is_list)


def _fits(observed: BaseType, column: BaseType) -> bool:
    """Whether values of ``observed`` type convert losslessly into a ``column`` column."""
    return observed == column or column == "STRING" or (observed == "INT64" and column == "DOUBLE")


# The Python type of each base type's values (bool is not an INT64 value, though a subclass of int).
_NATIVE_TYPES: dict[BaseType, type] = {"STRING": str, "INT64": int, "DOUBLE": float, "BOOLEAN": bool}


def coerce_values(
    uri: str, key: str, column: ColumnType, typed: Collection[tuple[BaseType, Any]], warnings: list[str]
) -> Any:
    """The property value in the column's type: a sorted list, or one value (warning if several)."""
    base, native = column.base, _NATIVE_TYPES[column.base]
    if all(b == base and type(v) is native for b, v in typed):  # nothing to convert; one type sorts as it is
        converted = sorted({v for _, v in typed})
    else:
        converted = sorted({convert_value(v, base) for _, v in typed}, key=lambda v: (str(type(v)), v))
    if column.is_list:
        return converted
    if len(converted) > 1:
        warnings.append(f"{uri}: {key} has {len(converted)} values; kept {converted[0]!r}")
    return converted[0]


def convert_value(value: Any, base: BaseType) -> Any:
    """Convert an already-typed value into ``base`` (only widening conversions happen here)."""
    if base == "STRING":
        return str(value).lower() if isinstance(value, bool) else str(value)
    if base == "DOUBLE":
        return float(value)
    return value


def fill_rel_tables(
    graph: PropertyGraph,
    labels: dict[str, str],
    links: dict[str, Collection[tuple[str, str]]],
    *,
    tuples: bool = True,
) -> None:
    """One table per relationship type with declared and observed (start, end) label pairs.

    ``links`` are the (start, end) uri pairs of each local name (:data:`kg.store.derived.Links`);
    they are consumed (emptied once ranked, so a large load does not hold them beside the tables).
    Relationships are ordered by (start uri, local name, end uri). The ordering runs in Arrow:
    each uri is replaced by its rank among the sorted node uris (a hash look-up in C rather
    than two dictionary look-ups per relationship in Python) and the ranks are sorted, which
    orders like the IRIs since UTF-8 bytes sort as the code points Python compares.

    Without ``tuples`` the tables hold their relationships only as ranks (:class:`RankedRelTable`),
    which is all the bulk load reads: a million fewer Python tuples to build, hold and free.
    """
    for rtype, pairs in declared_pairs().items():
        graph.rel_tables[rtype] = RelTable(rtype, set(pairs))
    # declared even when empty, so queries that use the shortcut run on any store
    graph.rel_tables[IN_DOCUMENT] = RelTable(IN_DOCUMENT, {(label, "Document") for label in ASSERTION_LABELS})
    nodes, ordered, label_at = _ranked_nodes(labels, tuples)
    all_labels = set(labels.values())
    names_by_type: dict[str, list[str]] = {}
    for name, pairs in links.items():
        if pairs:
            names_by_type.setdefault(relationship_type(name, all_labels), []).append(name)
    types = sorted(names_by_type.items())
    ranks = iter(list(_ranks([links[name] for _, names in types for name in names], nodes.uris)))
    links.clear()
    new_relationship = tuple.__new__  # the named tuple's own __new__ is a Python call per relationship
    for rtype, names in types:
        declared = graph.rel_tables.get(rtype, RelTable(rtype))
        ends = _ordered_ends([(name, next(ranks)) for name in names])
        ranked = RankedEnds(ends["start"].combine_chunks(), ends["end"].combine_chunks(), nodes)
        rels: list[Relationship] = []
        if ordered is not None and label_at is not None:
            rels = [
                new_relationship(Relationship, (rtype, ordered[s], ordered[e], label_at[s], label_at[e]))
                for s, e in zip(ends["start"].to_pylist(), ends["end"].to_pylist(), strict=True)
            ]
        pairs = declared.pairs | ranked.label_pairs()
        # declared tables are empty: the ranks list every relationship of the type
        graph.rel_tables[rtype] = RankedRelTable(rtype, pairs, rels, ranked, with_tuples=tuples)


def _ranked_nodes(
    labels: dict[str, str], with_lists: bool
) -> tuple[RankedNodes, list[str] | None, list[str] | None]:
    """The nodes sorted by uri in Arrow and, ``with_lists``, the sorted uris and their labels as lists.

    The lists hold the dictionary's own strings (for the relationship tuples); without them
    the sorting and labelling stay in Arrow.
    """
    uris = list(labels)
    uri_array = pa.array(uris, pa.string())
    by_rank = pc.sort_indices(uri_array)
    sorted_labels = pa.array(list(labels.values()), pa.string()).take(by_rank)
    nodes = RankedNodes.of(uri_array.take(by_rank), sorted_labels)
    if not with_lists:
        return nodes, None, None
    ordered = [uris[index] for index in by_rank.to_pylist()]
    return nodes, ordered, [labels[uri] for uri in ordered]


@dataclass
class RankedNodes:
    """Every node uri in sorted order as Arrow strings, with the code of each one's label."""

    uris: pa.Array
    label_codes: pa.Array  # the index of each uri's label in ``labels``
    labels: list[str]

    @classmethod
    def of(cls, uris: pa.Array, labels: pa.Array) -> RankedNodes:
        """The ranked nodes of the sorted ``uris``, labelled ``labels``."""
        encoded = labels.dictionary_encode()
        return cls(uris, encoded.indices, encoded.dictionary.to_pylist())

    def code(self, label: str) -> int:
        """The code of ``label`` (-1, matching no node, for a label no node has)."""
        return self.labels.index(label) if label in self.labels else -1


@dataclass
class RankedEnds:
    """One table's relationships as the ranks of their start and end nodes, in the table's order."""

    starts: pa.Array
    ends: pa.Array
    nodes: RankedNodes

    def label_pairs(self) -> set[tuple[str, str]]:
        """The (start label, end label) pairs these relationships connect."""
        codes, names = self.nodes.label_codes, self.nodes.labels
        pairs = pa.table({"start": pc.take(codes, self.starts), "end": pc.take(codes, self.ends)})
        unique = pairs.group_by(["start", "end"]).aggregate([])
        return {(names[a], names[b]) for a, b in zip(*unique.to_pydict().values(), strict=True)}

    def pair_columns(self, start_label: str, end_label: str) -> pa.Table:
        """The ``from``/``to`` uris of the relationships from ``start_label`` to ``end_label``, in order.

        Selected and looked up by Arrow kernels, with no Python object per relationship.
        """
        codes, nodes = self.nodes.label_codes, self.nodes
        keep = pc.and_(
            pc.equal(pc.take(codes, self.starts), nodes.code(start_label)),
            pc.equal(pc.take(codes, self.ends), nodes.code(end_label)),
        )
        return pa.table({
            "from": pc.take(nodes.uris, pc.filter(self.starts, keep)),
            "to": pc.take(nodes.uris, pc.filter(self.ends, keep)),
        })


@dataclass
class RankedRelTable(RelTable):
    """A relationship table that also holds its relationships as node ranks (:class:`RankedEnds`).

    The bulk load writes its files from the ranks (:mod:`kg.store.ladybug_schema`) instead of
    turning a million Python uri strings into Arrow again; everything else reads the tuples.
    """

    ranked: RankedEnds | None = field(default=None, compare=False, repr=False)
    with_tuples: bool = field(default=True, compare=False)  # False: the ranks alone list them

    def ranked_ends(self) -> RankedEnds | None:
        """The ranks, if they still describe exactly this table's relationships."""
        ranked = self.ranked
        if ranked is None:
            return None
        if not self.with_tuples:
            return ranked if not self.relationships else None
        return ranked if len(ranked.starts) == len(self.relationships) else None

    def count(self) -> int:
        """How many relationships the table has, with or without their tuples."""
        ranked = self.ranked_ends()
        return len(ranked.starts) if ranked is not None else len(self.relationships)

    def release(self) -> None:
        self.relationships, self.ranked = [], None


_URI_PAIR = pa.struct([("start", pa.string()), ("end", pa.string())])


def _ranks(groups: list[Collection[tuple[str, str]]], node_uris: pa.Array) -> Iterator[pa.Table]:
    """Each group's (start, end) uri pairs as a table of ``start``/``end`` ranks in ``node_uris``.

    All the starts, then all the ends, are looked up in one Arrow ``index_in`` call each: a hash
    table of the node uris built in C, instead of two dictionary look-ups per relationship in
    Python.
    """
    # Arrow reads each (start, end) tuple as a struct: no Python list per end to build first
    pairs = [pa.array(group if isinstance(group, list) else list(group), _URI_PAIR) for group in groups]
    ranked = [
        pc.index_in(pa.chunked_array([pc.struct_field(chunk, [end]) for chunk in pairs], pa.string()),
                    value_set=node_uris).combine_chunks()
        for end in (0, 1)
    ]
    offset = 0
    for chunk in pairs:
        size = len(chunk)
        yield pa.table({"start": ranked[0].slice(offset, size), "end": ranked[1].slice(offset, size)})
        offset += size


def _ordered_ends(coded: list[tuple[str, pa.Table]]) -> pa.Table:
    """The ``start``/``end`` ranks of one type's relationships, given per local name, in (start,
    name, end) order.

    A type nearly always has one local name; when two share it (a name that is also a label,
    and its ``has`` form) the name decides between equal starts.
    """
    keys = [("start", "ascending"), ("end", "ascending")]
    if len(coded) == 1:
        table = coded[0][1]
    else:
        named = [t.append_column("name", pa.array([name] * len(t), pa.string())) for name, t in coded]
        table = pa.concat_tables(named)
        keys.insert(1, ("name", "ascending"))
    return table.take(pc.sort_indices(table, sort_keys=keys))
