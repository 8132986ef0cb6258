"""A small helper that accumulates one document's triples with house conventions.

The mapping (:mod:`kg.rdf.document`, :mod:`kg.rdf.entities`, :mod:`kg.rdf.assertions`) states
facts through the public methods here (``typed``, ``value``, ``year``, ``link`` …), which decide
*what* is stated; *how* a statement is stored is up to four hooks (``_type``, ``_link``,
``_text``, ``_literal``). :class:`GraphBuilder` stores rdflib triples in a plain set (an rdflib
Graph costs about half the mapping time per triple); :class:`kg.rdf.ntriples.NQuadsBuilder`
writes N-Triples lines instead, which is ingest's path.

IRIs travel through the mapping as plain ``str`` (see :mod:`kg.rdf.iris`); the namespace terms
(``RK.status``) are rdflib URIRefs, which are ``str`` too. Conventions: no blank nodes (everything
has a stable IRI, so graphs compare and serialize deterministically); ``None`` values are simply
not stated; Chinese names are ``@zh`` literals.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kg.extract.model import Evidence
from kg.loaders.model import Document
from kg.rdf.iris import document_iri_text
from kg.rdf.namespaces import RK

LiteralValue = str | int | float | bool
Triple = tuple[URIRef, URIRef, Node]

# Describes what the vocabulary says about one of its keys (a program IRI); returns the IRI described.
VocabularyDescription = Callable[["GraphBuilder", str], str]

# The years the shapes accept (rk:year, rk:summaryYear ...): the PRC's administrative record.
MIN_YEAR, MAX_YEAR = 1949, 2100

# rdflib's RDF and XSD namespaces build a new URIRef on every attribute access, after a
# membership check that costs about a millisecond for XSD: take the terms once.
RDF_TYPE = RDF.type
XSD_DOUBLE = XSD.double


def literal(value: LiteralValue, lang: str | None = None) -> Literal:
    """The rdflib Literal of a Python value (float → xsd:double, int → xsd:integer, bool →
    xsd:boolean, str → plain or ``@lang``), built once per distinct value."""
    return _literal(value, type(value), lang)  # type: ignore[arg-type]  # a type is hashable


@lru_cache(maxsize=1 << 16)
def _literal(value: LiteralValue, kind: type, lang: str | None) -> Literal:
    # ``kind`` is part of the key because True == 1 == 1.0 would otherwise share one literal
    if kind is float:
        return Literal(value, datatype=XSD_DOUBLE)
    return Literal(value, lang=lang)


@dataclass
class GraphBuilder:
    """The named graph of one document under construction, plus the entities already described."""

    doc: Document
    triples: set[Triple] = field(default_factory=set)
    described: set[str] = field(default_factory=set)
    doc_iri: str = field(init=False)
    _uris: dict[str, URIRef] = field(default_factory=dict, repr=False)
    # The vocabulary once fetched: fields, not a cached_property, which a mypyc-compiled class (no
    # instance __dict__) would run again on every access. Set in __post_init__: mypyc leaves an
    # init=False field's default unset.
    _vocabulary: Any | None = field(init=False, repr=False)
    _vocabulary_fetched: bool = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.doc_iri = document_iri_text(self.doc.sha256)
        self._vocabulary, self._vocabulary_fetched = None, False

    @property
    def vocabulary(self) -> Any | None:
        """The program vocabulary, fetched once per document (fetching checks the disk)."""
        if not self._vocabulary_fetched:
            from kg.rdf.vocabulary import current_vocabulary

            self.use_vocabulary(current_vocabulary())
        return self._vocabulary

    def use_vocabulary(self, vocabulary: Any | None) -> None:
        """Describe with ``vocabulary`` rather than fetch one (a builder that records for another)."""
        self._vocabulary, self._vocabulary_fetched = vocabulary, True

    @property
    def doc_sha(self) -> str:
        return self.doc.sha256

    def first_time(self, iri: str) -> bool:
        """True the first time an entity is described in this graph, so its triples are added once."""
        if iri in self.described:
            return False
        self.described.add(iri)
        return True

    def from_vocabulary(self, key: str, describe: VocabularyDescription) -> str:
        """``describe(self, key)``: state what the program vocabulary says about ``key``, one of
        its keys (so there are as many keys as vocabulary entries, whatever the documents).

        What ``describe`` states must depend on nothing but ``key`` and :attr:`vocabulary`
        (never on the document), so a builder may state a recorded result instead of running
        it again (:meth:`kg.rdf.ntriples.NQuadsBuilder.from_vocabulary`)."""
        return describe(self, key)

    # -- what is stated ------------------------------------------------------------------------

    def typed(self, subject: str, rdf_class: URIRef) -> None:
        """State ``subject rdf:type rdf_class`` (the one way types are stated: nodes are counted by it)."""
        self._type(subject, rdf_class)

    def value(
        self, subject: str, predicate: URIRef, value: LiteralValue | None, lang: str | None = None
    ) -> None:
        """State a data property unless the value is missing (None or empty text)."""
        if value is None:
            return
        if isinstance(value, str):
            if value.strip():
                self._text(subject, predicate, value, lang)
        else:
            self._literal(subject, predicate, value)

    def values(self, subject: str, rows: Iterable[tuple[URIRef, LiteralValue | None]]) -> None:
        """State several data properties of ``subject``, each as :meth:`value` (no language)."""
        for predicate, value in rows:
            self.value(subject, predicate, value)

    def evidence(self, subject: str, ev: Evidence) -> None:
        """State an Evidence node: its sentence, where it stands, the rule and its confidence.

        One call for the whole node because half of a graph's triples are evidence: the
        N-Quads builder writes them in one go (:meth:`kg.rdf.ntriples.NQuadsBuilder.evidence`).
        """
        self.typed(subject, RK.Evidence)
        self.values(
            subject,
            (
                (RK.text, ev.sentence),
                (RK.sectionPath, ev.section_path),
                (RK.start, ev.start),
                (RK.end, ev.end),
                (RK.origStart, ev.orig_start),
                (RK.origEnd, ev.orig_end),
                (RK.rule, ev.rule),
            ),
        )
        self.double(subject, RK.confidence, ev.confidence)
        self.link(subject, RK.document, self.doc_iri)

    def required_text(self, subject: str, predicate: URIRef, value: str | None) -> None:
        """State a text property the shapes require even when the extractor left it empty.

        An empty string says "not named in the sentence" (an outcome like 4万户市场主体享受…
        has a value but no metric phrase) without dropping the assertion or its evidence.
        """
        self._text(subject, predicate, (value or "").strip(), None)

    def year(self, subject: str, predicate: URIRef, value: int | None) -> None:
        """State a year only when plausible (1949–2100): a misread number is not a year."""
        if value is not None and MIN_YEAR <= value <= MAX_YEAR:
            self._literal(subject, predicate, int(value))

    def double(self, subject: str, predicate: URIRef, value: float | None) -> None:
        """State a numeric property as xsd:double even when the extractor produced an int (9 → 9.0)."""
        if value is not None:
            self._literal(subject, predicate, float(value))

    def link(self, subject: str, predicate: URIRef, target: str | None) -> None:
        """State an object property unless the target is missing."""
        if target is not None:
            self._link(subject, predicate, target)

    # -- how it is stored: rdflib triples --------------------------------------------------------

    def _uri(self, iri: str) -> URIRef:
        """The URIRef of an IRI, built once per graph."""
        node = self._uris.get(iri)
        if node is None:
            node = self._uris[iri] = URIRef(iri)
        return node

    def _type(self, subject: str, rdf_class: URIRef) -> None:
        self._link(subject, RDF_TYPE, rdf_class)

    def _link(self, subject: str, predicate: URIRef, node: str) -> None:
        """Record one triple whose object is an IRI."""
        self.triples.add((self._uri(subject), predicate, self._uri(node)))

    def _text(self, subject: str, predicate: URIRef, value: str, lang: str | None) -> None:
        """Record one triple whose object is a text literal (``@lang`` when given)."""
        self.triples.add((self._uri(subject), predicate, literal(value, lang)))

    def _literal(self, subject: str, predicate: URIRef, value: int | float | bool) -> None:
        """Record one triple whose object is the typed literal of a number or boolean."""
        self.triples.add((self._uri(subject), predicate, literal(value)))
