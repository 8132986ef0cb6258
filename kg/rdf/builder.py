"""A small helper that accumulates one document's triples with house conventions.

Conventions: no blank nodes (everything has a stable IRI, so graphs compare and serialize
deterministically); ``None`` values are simply not stated; Chinese names are ``@zh`` literals.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.loaders.model import Document
from kg.rdf.iris import document_iri
from kg.rdf.namespaces import bind_namespaces

LiteralValue = str | int | float | bool


@dataclass
class GraphBuilder:
    """The named graph of one document under construction, plus the entities already described."""

    doc: Document
    graph: Graph = field(init=False)
    described: set[URIRef] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.graph = bind_namespaces(Graph(identifier=self.doc_iri))

    @property
    def doc_iri(self) -> URIRef:
        return document_iri(self.doc.sha256)

    @property
    def doc_sha(self) -> str:
        return self.doc.sha256

    def first_time(self, iri: URIRef) -> bool:
        """True the first time an entity is described in this graph, so its triples are added once."""
        if iri in self.described:
            return False
        self.described.add(iri)
        return True

    def typed(self, subject: URIRef, rdf_class: URIRef) -> None:
        self.graph.add((subject, RDF.type, rdf_class))

    def value(
        self, subject: URIRef, predicate: URIRef, value: LiteralValue | None, lang: str | None = None
    ) -> None:
        """State a data property unless the value is missing (None or empty text)."""
        if value is None or (isinstance(value, str) and not value.strip()):
            return
        if lang is not None and isinstance(value, str):
            self.graph.add((subject, predicate, Literal(value, lang=lang)))
        else:
            self.graph.add((subject, predicate, Literal(value)))

    def double(self, subject: URIRef, predicate: URIRef, value: float | None) -> None:
        """State a numeric property as xsd:double even when the extractor produced an int (9 → 9.0)."""
        if value is not None:
            self.graph.add((subject, predicate, Literal(float(value), datatype=XSD.double)))

    def link(self, subject: URIRef, predicate: URIRef, target: URIRef | None) -> None:
        if target is not None:
            self.graph.add((subject, predicate, target))
