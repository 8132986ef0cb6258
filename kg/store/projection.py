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

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from rdflib import RDF, Dataset, Graph
from rdflib.namespace import XSD

from kg.store.adoptions import add_adoptions, declare_adoptions, sort_adoptions
from kg.store.declared import (
    LIST_PROPERTIES,
    PLACE_LEVELS,
    PRIMARY_LABELS,
    declared_columns,
    declared_pairs,
    relationship_type,
)
from kg.store.derived import ASSERTION_LABELS, IN_DOCUMENT, REPORTED_COLUMNS, add_reported, document_shortcuts
from kg.store.plain_rdf import PlainTerm, PlainTriple, Row, plain_triples
from kg.store.records import BaseType, ColumnType, Node, NodeTable, PropertyGraph, Relationship, RelTable

RK = "https://w3id.org/regkg/ontology#"

_INT_TYPES = {str(t) for t in (XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger,
                                 XSD.positiveInteger, XSD.gYear)}
_FLOAT_TYPES = {str(t) for t in (XSD.double, XSD.float, XSD.decimal)}
_GYEAR, _BOOLEAN = str(XSD.gYear), str(XSD.boolean)
RDF_TYPE = str(RDF.type)
_RK_LEN = len(RK)

Triple = tuple[Any, Any, Any]


@dataclass
class Projection:
    """A projected graph plus what the projection had to simplify (for the load summary)."""

    graph: PropertyGraph
    warnings: list[str] = field(default_factory=list)


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``: ``…/ontology#within`` → ``within``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


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


class ProjectionBuilder:
    """Accumulates what the projection needs from a stream of triples, without keeping the triples.

    Whether an IRI object is a node is only known once every ``rdf:type`` has been seen, so IRI
    objects are kept as links and sorted into relationships or string properties at the end.
    """

    def __init__(self) -> None:
        self.classes: dict[str, set[str]] = {}
        self.values: dict[str, dict[str, set[tuple[BaseType, Any]]]] = {}
        self.links: set[tuple[str, str, str]] = set()
        self._names: dict[str, str] = {}  # predicate IRI -> local name (a few dozen predicates)
        self._keys: dict[tuple[str, str], str] = {}  # (predicate, language) -> property key

    def add(self, s: str, p: str, o: PlainTerm) -> None:
        """Take one triple into account (the subject is an IRI; blank nodes never reach here)."""
        if isinstance(o, str):
            self.add_rows([(s, p, o, "", "", "")])
        else:
            self.add_rows([(s, p, "", o.lexical, o.lang or "", o.datatype or "")])

    def add_rows(self, rows: Iterable[Row]) -> None:
        """Take rows into account; the hot loop of a load, so it avoids per-row function calls."""
        classes, values, links, keys, names = self.classes, self.values, self.links, self._keys, self._names
        for s, p, o, lexical, lang, datatype in rows:
            if o:
                if p == RDF_TYPE:
                    if o.startswith(RK):
                        classes.setdefault(s, set()).add(o[_RK_LEN:])
                else:
                    links.add((s, names.get(p) or self._name(p), o))
                continue
            key = keys.get((p, lang))
            if key is None:
                key = keys[(p, lang)] = _property_key(self._name(p), lang)
            typed = ("STRING", lexical) if not datatype else _typed(lexical, datatype)
            props = values.get(s)
            if props is None:
                props = values[s] = {}
            bucket = props.get(key)
            if bucket is None:
                props[key] = {typed}
            else:
                bucket.add(typed)

    def _name(self, predicate: str) -> str:
        name = self._names.get(predicate)
        if name is None:
            name = self._names[predicate] = local_name(predicate)
        return name

    def finish(self) -> Projection:
        """The projected graph: node tables by primary label, relationship tables by type."""
        labels, levels = _node_labels(self.classes)
        values = {uri: self.values.get(uri, {}) for uri in labels}
        rel_keys: set[tuple[str, str, str]] = set()
        for s, name, o in self.links:
            if s not in labels:
                continue
            if o in labels:
                rel_keys.add((s, name, o))
            else:  # an IRI object that is not a node stays a string property
                values[s].setdefault(name, set()).add(("STRING", o))
        for uri, level in levels.items():
            values[uri].setdefault("level", {("STRING", level)})
        rel_keys |= document_shortcuts(labels, rel_keys)
        add_reported(labels, values, rel_keys)
        add_adoptions(labels, values, rel_keys)
        projection = Projection(PropertyGraph())
        declare_adoptions(projection.graph)
        _fill_node_tables(projection, labels, values)
        sort_adoptions(projection.graph)
        projection.graph.node_tables["Implementation"].columns.update(REPORTED_COLUMNS)  # even if none
        _fill_rel_tables(projection.graph, labels, rel_keys)
        return projection


def _node_labels(classes: dict[str, set[str]]) -> tuple[dict[str, str], dict[str, str]]:
    """uri -> primary label for every typed rk: resource, and uri -> level implied by a Place subclass."""
    labels: dict[str, str] = {}
    levels: dict[str, str] = {}
    for uri, names in classes.items():
        primary = {("Place" if n in PLACE_LEVELS else n) for n in names}
        ranked = [label for label in PRIMARY_LABELS if label in primary]
        labels[uri] = ranked[0] if ranked else sorted(primary)[0]
        place_levels = sorted(PLACE_LEVELS[n] for n in names if n in PLACE_LEVELS)
        if labels[uri] == "Place" and place_levels:
            levels[uri] = place_levels[0]
    return labels, levels


def _property_key(name: str, lang: str) -> str:
    """A literal's property key: zh (or untagged) keeps the name, others get ``_<lang>`` (``label_en``)."""
    if lang and not lang.lower().startswith("zh"):
        return f"{name}_{lang.lower().replace('-', '_')}"
    return name


def _typed(text: str, datatype: str) -> tuple[BaseType, Any]:
    """A literal as (base type, Python value); anything not numeric or boolean stays a string."""
    try:
        if datatype in _INT_TYPES:
            return "INT64", int(text[:4] if datatype == _GYEAR else text)
        if datatype in _FLOAT_TYPES:
            return "DOUBLE", float(text)
        if datatype == _BOOLEAN:
            return "BOOLEAN", text.strip().lower() in ("true", "1")
    except ValueError:
        pass
    return "STRING", text


def _fill_node_tables(
    projection: Projection, labels: dict[str, str], values: dict[str, dict[str, set[tuple[BaseType, Any]]]]
) -> None:
    """Build one table per label: declared columns plus observed ones, values coerced to column types."""
    tables = projection.graph.node_tables
    for label in PRIMARY_LABELS:
        tables[label] = NodeTable(label, declared_columns(label))
    by_label: dict[str, list[str]] = {}
    for uri, label in labels.items():
        by_label.setdefault(label, []).append(uri)
    for label, uris in sorted(by_label.items()):
        table = tables.setdefault(label, NodeTable(label, declared_columns(label)))
        observed: dict[str, set[BaseType]] = {}
        for uri in uris:
            for key, typed in values[uri].items():
                bases = observed.get(key)
                if bases is None:
                    bases = observed[key] = set()
                for base, _ in typed:
                    bases.add(base)
        for key, bases in sorted(observed.items()):
            table.columns[key] = _column_type(key, table.columns.get(key), bases)
        for uri in sorted(uris):
            props = {
                k: _coerce(projection, uri, k, table.columns[k], v) for k, v in sorted(values[uri].items())
            }
            table.nodes.append(Node(uri, label, props))


def _column_type(key: str, declared: ColumnType | None, observed: set[BaseType]) -> ColumnType:
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


def _coerce(
    projection: Projection, uri: str, key: str, column: ColumnType, typed: set[tuple[BaseType, Any]]
) -> Any:
    """The property value in the column's type: a sorted list, or one value (warning if several)."""
    if len(typed) == 1 and not column.is_list:  # the common case, kept cheap for large loads
        (base, value), = typed
        return value if base == column.base else _convert(value, column.base)
    converted = sorted({_convert(v, column.base) for _, v in typed}, key=lambda v: (str(type(v)), v))
    if column.is_list:
        return converted
    if len(converted) > 1:
        projection.warnings.append(f"{uri}: {key} has {len(converted)} values; kept {converted[0]!r}")
    return converted[0]


def _convert(value: Any, base: BaseType) -> Any:
    """Convert an already-typed value into ``base`` (only widening conversions happen here)."""
    if base == "STRING":
        return str(value).lower() if isinstance(value, bool) else str(value)
    if base == "DOUBLE":
        return float(value)
    return value


def _fill_rel_tables(
    graph: PropertyGraph, labels: dict[str, str], rel_keys: set[tuple[str, str, str]]
) -> None:
    """One table per relationship type with declared and observed (start, end) label pairs."""
    for rtype, pairs in declared_pairs().items():
        graph.rel_tables[rtype] = RelTable(rtype, set(pairs))
    # declared even when empty, so queries that use the shortcut run on any store
    graph.rel_tables[IN_DOCUMENT] = RelTable(IN_DOCUMENT, {(label, "Document") for label in ASSERTION_LABELS})
    all_labels = set(labels.values())
    types = {name: relationship_type(name, all_labels) for name in {name for _, name, _ in rel_keys}}
    for start, name, end in sorted(rel_keys):
        rtype = types[name]
        rel = Relationship(rtype, start, end, labels[start], labels[end])
        table = graph.rel_tables.setdefault(rtype, RelTable(rtype))
        table.pairs.add((rel.start_label, rel.end_label))
        table.relationships.append(rel)
