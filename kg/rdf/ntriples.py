"""One document's named graph written straight to canonical N-Quads, without rdflib terms.

Ingest needs only the graph's text, and building rdflib Literals and hashing them in sets
(rdflib hashes Literals in Python) cost more than the extraction itself. :class:`NQuadsBuilder`
is a :class:`~kg.rdf.builder.GraphBuilder` that records each triple as its N-Triples line, so
the mapping code is shared and the output is the same lines :func:`nt_term` writes for the
rdflib triples (tests compare the two).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.rdf.builder import GraphBuilder, LiteralValue, literal
from kg.rdf.namespaces import RK


def nt_term(node: Node) -> str:
    """A term as N-Triples writes it: ``<iri>``, or a one-line quoted literal with its language or
    full datatype IRI (``Literal.n3()`` would use Turtle's triple quotes for multi-line text)."""
    if isinstance(node, Literal):
        lexical = _escape(str(node))
        if node.language:
            return f'"{lexical}"@{node.language}'
        if node.datatype:
            return f'"{lexical}"^^<{node.datatype}>'
        return f'"{lexical}"'
    return node.n3()


_NEEDS_ESCAPE = re.compile(r'[\\\n"\r]')


def _escape(lexical: str) -> str:
    if _NEEDS_ESCAPE.search(lexical) is None:
        return lexical  # the usual case: one scan instead of four replaces
    return lexical.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")


def nt_text(value: str, lang: str | None) -> str:
    """``nt_term(Literal(value, lang=lang))`` for a str, without building the Literal."""
    return f'"{_escape(value)}"@{lang}' if lang else f'"{_escape(value)}"'


def nt_integer(value: int) -> str:
    """``nt_term(Literal(value))`` for an int (offsets and years: too many distinct to cache)."""
    return f'"{value}"^^<{_XSD_INTEGER}>'


@lru_cache(maxsize=1 << 14)
def _nt_value(value: LiteralValue, kind: type, lang: str | None) -> str:
    """Numbers and booleans keep rdflib's lexical forms (9.0, true): few distinct, so cached."""
    return nt_term(literal(value, lang))


_RDF_TYPE = RDF.type
_XSD_INTEGER = str(XSD.integer)
_RK = str(RK)


@dataclass
class NQuadsBuilder(GraphBuilder):
    """A GraphBuilder whose triples are N-Triples lines (``s p o``, no graph, no final dot)."""

    lines: set[str] = field(default_factory=set)
    typed_nodes: set[tuple[str, str]] = field(default_factory=set)  # (subject, rk: class name)
    _iris: dict[str, str] = field(default_factory=dict)  # IRI -> <IRI>, checked once by rdflib

    def _iri(self, node: URIRef) -> str:
        text = self._iris.get(node)
        if text is None:
            text = self._iris[node] = node.n3()  # raises on an IRI N-Triples cannot write
        return text

    def _link(self, subject: URIRef, predicate: URIRef, node: URIRef) -> None:
        if predicate == _RDF_TYPE and node.startswith(_RK):
            self.typed_nodes.add((subject, node[len(_RK) :]))
        known = self._iris.get  # inlined memo look-ups: this runs for every triple
        self.lines.add(
            f"{known(subject) or self._iri(subject)} {known(predicate) or self._iri(predicate)} "
            f"{known(node) or self._iri(node)}"
        )

    def _literal(self, subject: URIRef, predicate: URIRef, value: LiteralValue, lang: str | None) -> None:
        kind = type(value)
        if kind is str:
            obj = nt_text(value, lang)  # type: ignore[arg-type]
        elif kind is int:
            obj = nt_integer(value)  # type: ignore[arg-type]
        else:
            obj = _nt_value(value, kind, lang)
        known = self._iris.get
        self.lines.add(
            f"{known(subject) or self._iri(subject)} {known(predicate) or self._iri(predicate)} {obj}"
        )

    def nquads(self) -> str:
        """The graph's canonical N-Quads text: sorted lines in the graph named by the document IRI."""
        tail = f" {self._iri(self.doc_iri)} .\n"
        return "".join(sorted(line + tail for line in self.lines))

    def counts(self) -> dict[str, int]:
        """Triples, and nodes per rk: class, as :func:`kg.ingest.work.graph_counts` counts them."""
        per_class = Counter(name for _, name in self.typed_nodes)
        return {"triples": len(self.lines), **dict(sorted(per_class.items()))}
