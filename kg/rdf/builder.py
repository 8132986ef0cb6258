"""A small helper that accumulates one document's triples with house conventions.

Triples are collected in a plain set (an rdflib Graph costs about half the mapping time per
triple); :func:`kg.rdf.document.document_graph` wraps them in a Graph for callers that want one,
ingest serializes the set directly.

Conventions: no blank nodes (everything has a stable IRI, so graphs compare and serialize
deterministically); ``None`` values are simply not stated; Chinese names are ``@zh`` literals.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.loaders.model import Document
from kg.rdf.iris import document_iri

LiteralValue = str | int | float | bool
Triple = tuple[URIRef, URIRef, Node]

# The years the shapes accept (rk:year, rk:summaryYear ...): the PRC's administrative record.
MIN_YEAR, MAX_YEAR = 1949, 2100


def literal(value: LiteralValue, lang: str | None = None) -> Literal:
    """The rdflib Literal of a Python value (float → xsd:double, int → xsd:integer, bool →
    xsd:boolean, str → plain or ``@lang``), built once per distinct value."""
    return _literal(value, type(value), lang)


@lru_cache(maxsize=1 << 16)
def _literal(value: LiteralValue, kind: type, lang: str | None) -> Literal:
    # ``kind`` is part of the key because True == 1 == 1.0 would otherwise share one literal
    if kind is float:
        return Literal(value, datatype=XSD.double)
    return Literal(value, lang=lang)


@dataclass
class GraphBuilder:
    """The named graph of one document under construction, plus the entities already described."""

    doc: Document
    triples: set[Triple] = field(default_factory=set)
    described: set[URIRef] = field(default_factory=set)
    doc_iri: URIRef = field(init=False)

    def __post_init__(self) -> None:
        self.doc_iri = document_iri(self.doc.sha256)

    @cached_property
    def vocabulary(self) -> Any | None:
        """The program vocabulary, fetched once per document (fetching checks the disk)."""
        from kg.rdf.vocabulary import current_vocabulary

        return current_vocabulary()

    @property
    def doc_sha(self) -> str:
        return self.doc.sha256

    def first_time(self, iri: URIRef) -> bool:
        """True the first time an entity is described in this graph, so its triples are added once."""
        if iri in self.described:
            return False
        self.described.add(iri)
        return True

    def _link(self, subject: URIRef, predicate: URIRef, node: URIRef) -> None:
        """Record one triple whose object is an IRI (the one place links are stored)."""
        self.triples.add((subject, predicate, node))

    def _literal(self, subject: URIRef, predicate: URIRef, value: LiteralValue, lang: str | None) -> None:
        """Record one triple whose object is the literal of ``value`` (the one place literals are stored)."""
        self.triples.add((subject, predicate, literal(value, lang)))

    def typed(self, subject: URIRef, rdf_class: URIRef) -> None:
        self._link(subject, RDF.type, rdf_class)

    def value(
        self, subject: URIRef, predicate: URIRef, value: LiteralValue | None, lang: str | None = None
    ) -> None:
        """State a data property unless the value is missing (None or empty text)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        self._literal(subject, predicate, value, lang if isinstance(value, str) else None)

    def required_text(self, subject: URIRef, predicate: URIRef, value: str | None) -> None:
        """State a text property the shapes require even when the extractor left it empty.

        An empty string says "not named in the sentence" (an outcome like 4万户市场主体享受…
        has a value but no metric phrase) without dropping the assertion or its evidence.
        """
        self._literal(subject, predicate, (value or "").strip(), None)

    def year(self, subject: URIRef, predicate: URIRef, value: int | None) -> None:
        """State a year only when plausible (1949–2100): a misread number is not a year."""
        if value is not None and MIN_YEAR <= value <= MAX_YEAR:
            self._literal(subject, predicate, int(value), None)

    def double(self, subject: URIRef, predicate: URIRef, value: float | None) -> None:
        """State a numeric property as xsd:double even when the extractor produced an int (9 → 9.0)."""
        if value is not None:
            self._literal(subject, predicate, float(value), None)

    def link(self, subject: URIRef, predicate: URIRef, target: URIRef | None) -> None:
        if target is not None:
            self._link(subject, predicate, target)
