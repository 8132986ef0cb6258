"""One document's named graph written straight to canonical N-Quads, without rdflib terms.

Ingest needs only the graph's text, and building rdflib terms and hashing them in sets cost
more than the extraction itself. :class:`NQuadsBuilder` is a :class:`~kg.rdf.builder.GraphBuilder`
that records each triple as its N-Triples line, so the mapping code is shared and the output is
the same lines :func:`nt_term` writes for the rdflib triples (tests compare the two).

Every IRI is formatted (and checked, as rdflib's ``URIRef.n3`` checks it) once per graph, and
each line is one f-string: the mapping states about 4,500 triples per report.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.rdf.builder import RDF_TYPE, GraphBuilder, LiteralValue, literal
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


# The characters rdflib refuses to write in an IRI (rdflib.term._invalid_uri_chars).
_NOT_IN_IRIS = re.compile(r'[<>" {}|\\^`]')


def _escape(lexical: str) -> str:
    """The lexical form as N-Triples quotes it (the characters rdflib's writer escapes)."""
    # The usual case is nothing to escape: four ``in`` scans cost a fifth of one regex search.
    if "\\" in lexical or "\n" in lexical or '"' in lexical or "\r" in lexical:
        return lexical.replace("\\", "\\\\").replace("\n", "\\n").replace('"', '\\"').replace("\r", "\\r")
    return lexical


def nt_text(value: str, lang: str | None) -> str:
    """``nt_term(Literal(value, lang=lang))`` for a str, without building the Literal."""
    return f'"{_escape(value)}"@{lang}' if lang else f'"{_escape(value)}"'


def nt_integer(value: int) -> str:
    """``nt_term(Literal(value))`` for an int (offsets and years: too many distinct to cache)."""
    return f'"{value}"^^<{_XSD_INTEGER}>'


def nt_iri(iri: str) -> str:
    """``nt_term(URIRef(iri))``: ``<iri>``, refusing what N-Triples cannot write as rdflib does."""
    if _NOT_IN_IRIS.search(iri) is not None:
        raise Exception(  # rdflib's exception and message, so a failed document reads the same
            f'"{iri}" does not look like a valid URI, I cannot serialize this as N3/Turtle. '
            "Perhaps you wanted to urlencode it?"
        )
    return f"<{iri}>"


@lru_cache(maxsize=1 << 14)
def _nt_value(value: int | float | bool, kind: type) -> str:
    """Floats and booleans keep rdflib's lexical forms (9.0, true): few distinct, so cached."""
    return nt_term(literal(value))


_XSD_INTEGER = str(XSD.integer)
_RK = str(RK)
_RDF_TYPE = nt_iri(RDF_TYPE)


@dataclass
class NQuadsBuilder(GraphBuilder):
    """A GraphBuilder whose triples are N-Triples text, grouped by subject.

    Each statement is kept as its ``<predicate> object`` text in the set of its subject (keyed
    by the subject's ``<IRI>`` text), so equal triples are stored once and the sort at the end
    orders a few hundred subjects and a handful of statements each, not thousands of full lines.
    """

    statements: dict[str, set[str]] = field(default_factory=dict)  # <subject> -> {"<p> o"}
    typed_nodes: set[tuple[str, URIRef]] = field(default_factory=set)  # (subject, class IRI)
    _iris: dict[str, str] = field(default_factory=dict)  # IRI -> <IRI>
    _sets: dict[str, set[str]] = field(default_factory=dict)  # subject IRI -> its statements

    def _iri(self, iri: str) -> str:
        text = self._iris.get(iri)
        if text is None:
            text = self._iris[iri] = nt_iri(iri)
        return text

    def _about(self, subject: str) -> set[str]:
        """The statements of ``subject`` (an IRI), an empty set on its first statement.

        Hooks look the set up in ``_sets`` first (``_sets.get(s) or _about(s)``: a set is
        empty only until the statement that created it is added)."""
        found = self._sets[subject] = self.statements.setdefault(self._iri(subject), set())
        return found

    # The methods below run for every triple: memo look-ups are inlined (``known(x) or …``),
    # and the three most frequent statements (value, link, typed: nine triples in ten) are
    # written in one call each rather than through the base class's hooks, with its rules.

    def typed(self, subject: str, rdf_class: URIRef) -> None:
        self.typed_nodes.add((subject, rdf_class))
        (self._sets.get(subject) or self._about(subject)).add(
            f"{_RDF_TYPE} {self._iris.get(rdf_class) or self._iri(rdf_class)}"
        )

    def value(
        self, subject: str, predicate: URIRef, value: LiteralValue | None, lang: str | None = None
    ) -> None:
        if type(value) is str:  # the common case, checked first; the rules are GraphBuilder.value's
            if value.strip():
                self._text(subject, predicate, value, lang)
        elif value is not None:
            super().value(subject, predicate, value, lang)

    def values(self, subject: str, rows: Iterable[tuple[URIRef, LiteralValue | None]]) -> None:
        known = self._iris.get
        about = self._sets.get(subject) or self._about(subject)
        for predicate, value in rows:
            kind = type(value)
            if kind is str:  # the rules are GraphBuilder.value's
                if value.strip():  # type: ignore[union-attr]
                    about.add(f'{known(predicate) or self._iri(predicate)} "{_escape(value)}"')  # type: ignore[arg-type]
            elif kind is int:
                about.add(f'{known(predicate) or self._iri(predicate)} "{value}"^^<{_XSD_INTEGER}>')
            elif value is not None:
                GraphBuilder.value(self, subject, predicate, value)

    def link(self, subject: str, predicate: URIRef, target: str | None) -> None:
        if target is not None:
            known = self._iris.get
            (self._sets.get(subject) or self._about(subject)).add(
                f"{known(predicate) or self._iri(predicate)} {known(target) or self._iri(target)}"
            )

    def _type(self, subject: str, rdf_class: URIRef) -> None:
        self.typed(subject, rdf_class)

    def _link(self, subject: str, predicate: URIRef, node: str) -> None:
        known = self._iris.get
        (self._sets.get(subject) or self._about(subject)).add(
            f"{known(predicate) or self._iri(predicate)} {known(node) or self._iri(node)}"
        )

    def _text(self, subject: str, predicate: URIRef, value: str, lang: str | None) -> None:
        value = _escape(value)
        p = self._iris.get(predicate) or self._iri(predicate)
        (self._sets.get(subject) or self._about(subject)).add(
            f'{p} "{value}"@{lang}' if lang else f'{p} "{value}"'
        )

    def _literal(self, subject: str, predicate: URIRef, value: int | float | bool) -> None:
        kind = type(value)
        obj = f'"{value}"^^<{_XSD_INTEGER}>' if kind is int else _nt_value(value, kind)
        (self._sets.get(subject) or self._about(subject)).add(
            f"{self._iris.get(predicate) or self._iri(predicate)} {obj}"
        )

    def nquads(self) -> str:
        """The graph's canonical N-Quads text: sorted lines in the graph named by the document IRI.

        Sorting subjects, then each subject's statements, gives the order of the full lines:
        an ``<IRI>`` is never a prefix of another (``>`` ends it), and a statement is a prefix of
        another only when the other continues its literal with ``@``/``^^``, which sort after
        the space the quad's graph term starts with.
        """
        tail = f" {self._iri(self.doc_iri)} .\n"
        chunks = []
        for subject in sorted(self.statements):
            head, stated = f"{subject} ", self.statements[subject]
            if stated:  # a subject's set is made before its first statement, which may be missing
                chunks.append(head + (tail + head).join(sorted(stated)) + tail)
        return "".join(chunks)

    def counts(self) -> dict[str, int]:
        """Triples, and nodes per rk: class, as :func:`kg.ingest.work.graph_counts` counts them."""
        per_class = Counter(rdf_class for _, rdf_class in self.typed_nodes)
        names = {str(c)[len(_RK) :]: n for c, n in per_class.items() if str(c).startswith(_RK)}
        triples = sum(len(found) for found in self.statements.values())
        return {"triples": triples, **dict(sorted(names.items()))}
