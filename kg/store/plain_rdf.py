"""RDF terms as plain strings, read straight from the stored N-Quads: what the projection streams.

The store build only needs each triple's text: an IRI is a ``str``, a literal a
:class:`PlainLiteral`, and a streamed quad a :data:`Row` of strings. Building rdflib terms (let
alone an rdflib ``Dataset`` of the whole corpus) costs far more than the projection itself.
The store build folds the files with :mod:`kg.store.nquads_fold`; :func:`read_rows` here splits
the lines with one regular expression (the reference the fold is tested against), and a file
with a line outside that layout (blank nodes, hand edits) is read by rdflib
(:func:`rdflib_rows`), so any valid N-Quads file still loads.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable, Iterator
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.ingest.dataset import vocabulary_extension  # the rule ingest and extraction use
from kg.ingest.nquads import UnsupportedLine, _unescape  # the ingest reader's escape rules


class PlainLiteral(NamedTuple):
    """A literal's lexical form, language tag and datatype IRI (either may be None)."""

    lexical: str
    lang: str | None = None
    datatype: str | None = None


PlainTerm = str | PlainLiteral  # an IRI is a plain str
PlainTriple = tuple[str, str, PlainTerm]


# One row per quad: (subject, predicate, object IRI, literal text, language, datatype IRI); the
# object IRI is "" for a literal, and absent parts are "". The graph IRI is dropped: a union is projected.
Row = tuple[str, str, str, str, str, str]
_LINE = re.compile(
    r"^<([^>\s]+)> <([^>\s]+)> "  # subject, predicate
    r'(?:<([^>\s]+)>|"([^"\\\n]*(?:\\.[^"\\\n]*)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>\s]+)>)?)'  # object
    r" <[^>\s]+> \.$",  # graph
    re.MULTILINE,
)


def read_rows(path: Path) -> list[Row]:
    """Every quad of one N-Quads file as a :data:`Row`; rdflib parses a file of another layout."""
    try:
        return parse_rows_text(path.read_text(encoding="utf-8"))
    except UnsupportedLine:
        return rdflib_rows(path)


def rdflib_rows(path: Path) -> list[Row]:
    """Every quad of any valid N-Quads file as a :data:`Row`, parsed by rdflib (the slow, general way)."""
    return [_row(triple) for triple in _rdflib_triples(path)]


def parse_rows_text(text: str) -> list[Row]:
    """The rows of N-Quads text in the layout ingest writes, or :class:`UnsupportedLine`.

    One regular expression over the whole text does the splitting in C; a line it does not
    match (a blank node, a comment) makes the counts differ.
    """
    rows = _LINE.findall(text)
    if len(rows) != _line_count(text):
        raise UnsupportedLine(f"{_line_count(text) - len(rows)} lines outside the ingest layout")
    if "\\" in text:  # escapes only occur in literals
        rows = [(s, p, o, _unescape(lex), lang, dt) if "\\" in lex else (s, p, o, lex, lang, dt)
                for s, p, o, lex, lang, dt in rows]
    return rows


def _line_count(text: str) -> int:
    """Non-blank lines; N-Triples escapes newlines inside literals, so every newline ends a line."""
    count = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if "\n\n" in text or not text.strip():  # blank lines: count precisely
        count = sum(1 for line in text.split("\n") if line.strip())
    return count


def _rdflib_triples(path: Path) -> Iterator[PlainTriple]:
    dataset = Dataset()
    with warnings.catch_warnings():  # rdflib's N-Quads parser touches a deprecated attribute
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        dataset.parse(path, format="nquads")
    return plain_triples((s, p, o) for s, p, o, _g in dataset.quads((None, None, None, None)))


def _row(triple: PlainTriple) -> Row:
    """A plain triple as a row."""
    s, p, o = triple
    if isinstance(o, PlainLiteral):
        return s, p, "", o.lexical, o.lang or "", o.datatype or ""
    return s, p, o, "", "", ""


def plain_term(term: object) -> PlainTerm | None:
    """An rdflib term as a plain term; None for blank nodes (they never become nodes)."""
    if isinstance(term, Literal):
        return PlainLiteral(str(term), term.language, str(term.datatype) if term.datatype else None)
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return None
    return str(term)


def plain_triples(triples: Iterable[tuple[object, object, object]]) -> Iterator[PlainTriple]:
    """rdflib triples as plain triples, skipping any with a blank-node subject or object."""
    for s, p, o in triples:
        subject, obj = plain_term(s), plain_term(o)
        if isinstance(subject, str) and not isinstance(s, Literal) and obj is not None:
            yield subject, str(p), obj


def ontology_rows(data_dir: Path) -> Iterator[Row]:
    """The ontology, the program vocabulary and the user's vocabulary extension (docs/schema.md)."""
    graph = Graph()
    for name in ("regkg.ttl", "programs.ttl"):
        source = resources.files("kg.ontology").joinpath(name)
        if source.is_file():
            graph.parse(data=source.read_text(encoding="utf-8"), format="turtle")
    extension = vocabulary_extension(data_dir)
    if extension is not None:
        graph.parse(extension, format="turtle")
    yield from map(_row, plain_triples(graph.triples((None, None, None))))


