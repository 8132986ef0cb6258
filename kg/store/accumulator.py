"""Accumulating triples for the projection: per subject its rk: classes, typed literals and IRI links.

This is everything the projection keeps from the RDF before it decides labels and relationships
(:class:`kg.store.projection.ProjectionBuilder` adds that step), together with the rules that
turn a literal into a property key and a typed value. A graph file's accumulated state is what
:mod:`kg.store.document_parts` caches, so the cache is keyed by this module's code: a change to
how a literal is typed here invalidates it, a change to labels, tables or derived data does not.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rdflib import RDF
from rdflib.namespace import XSD

from kg.store.plain_rdf import PlainTerm, Row
from kg.store.records import BaseType

RK = "https://w3id.org/regkg/ontology#"

_INT_TYPES = {str(t) for t in (XSD.integer, XSD.int, XSD.long, XSD.short, XSD.nonNegativeInteger,
                                 XSD.positiveInteger, XSD.gYear)}
_FLOAT_TYPES = {str(t) for t in (XSD.double, XSD.float, XSD.decimal)}
_GYEAR, _BOOLEAN = str(XSD.gYear), str(XSD.boolean)
RDF_TYPE = str(RDF.type)
_RK_LEN = len(RK)

TypedValue = tuple[BaseType, Any]
# uri -> property key -> its distinct typed values: a one-tuple while there is one value (most
# properties; a tuple takes a quarter of a set's memory, which matters at millions of literals),
# a set once there are several. Readers only iterate, count and take the min.
Values = dict[str, dict[str, "tuple[TypedValue] | set[TypedValue]"]]
# IRI links by the predicate's local name: name -> {(subject, object)}. Grouped by name, documents'
# links merge as a few dozen set unions instead of one tuple at a time.
Links = dict[str, set[tuple[str, str]]]
# An accumulator's state: rk: class names per uri, literal values per uri, IRI links by name.
BuilderState = tuple[dict[str, set[str]], Values, Links]


def local_name(iri: str) -> str:
    """The part of an IRI after the last ``#`` or ``/``: ``…/ontology#within`` → ``within``."""
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri


def property_key(name: str, lang: str) -> str:
    """A literal's property key: zh (or untagged) keeps the name, others get ``_<lang>`` (``label_en``)."""
    if lang and not lang.lower().startswith("zh"):
        return f"{name}_{lang.lower().replace('-', '_')}"
    return name


def typed_value(text: str, datatype: str) -> tuple[BaseType, Any]:
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


def add_value(props: dict[str, tuple[TypedValue] | set[TypedValue]], key: str, typed: TypedValue) -> None:
    """Add one typed value to a property of a node's values (a one-tuple grows into a set)."""
    bucket = props.get(key)
    if bucket is None:
        props[key] = (typed,)
    elif isinstance(bucket, set):
        bucket.add(typed)
    elif typed not in bucket:
        props[key] = {*bucket, typed}


class TripleAccumulator:
    """Accumulates what the projection needs from a stream of triples, without keeping the triples.

    Whether an IRI object is a node is only known once every ``rdf:type`` has been seen, so IRI
    objects are kept as links and sorted into relationships or string properties at the end.
    """

    def __init__(self) -> None:
        self.classes: dict[str, set[str]] = {}
        self.values: Values = {}
        self.links: Links = {}
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
                    name = names.get(p) or self._name(p)
                    pairs = links.get(name)
                    if pairs is None:
                        pairs = links[name] = set()
                    pairs.add((s, o))
                continue
            key = keys.get((p, lang))
            if key is None:
                key = keys[(p, lang)] = property_key(self._name(p), lang)
            typed = ("STRING", lexical) if not datatype else typed_value(lexical, datatype)
            props = values.get(s)
            if props is None:
                props = values[s] = {}
            bucket = props.get(key)
            if bucket is None:
                props[key] = (typed,)
            else:
                add_value(props, key, typed)

    def merge(self, part: BuilderState) -> None:
        """Take in what another builder accumulated (one document's part), consuming ``part``.

        Work is per node, not per triple: a node only one document mentions (most evidence and
        assertions) is adopted as it is, and only shared nodes have their sets united.
        """
        part_classes, part_values, part_links = part
        _unite(self.classes, part_classes)
        _unite(self.links, part_links)
        values = self.values
        for uri, props in part_values.items():
            mine_props = values.get(uri)
            if mine_props is None:
                values[uri] = props
                continue
            for key, typed in props.items():
                bucket = mine_props.get(key)
                if bucket is None:
                    mine_props[key] = typed
                elif bucket != typed:  # documents repeating a shared node's value change nothing
                    mine_props[key] = {*bucket, *typed}

    def state(self) -> BuilderState:
        """What the builder accumulated, as plain containers (what :meth:`merge` takes, picklable)."""
        return self.classes, self.values, self.links

    def _name(self, predicate: str) -> str:
        name = self._names.get(predicate)
        if name is None:
            name = self._names[predicate] = local_name(predicate)
        return name


def _unite(mine: dict[str, set[Any]], part: dict[str, set[Any]]) -> None:
    """Add ``part``'s sets to ``mine`` key by key, adopting a set ``mine`` lacks as it is."""
    for key, items in part.items():
        held = mine.get(key)
        if held is None:
            mine[key] = items
        else:
            held |= items
