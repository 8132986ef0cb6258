"""A fast reader for the N-Quads files ingest writes (one term layout, rdflib-escaped).

rdflib's N-Quads parser is general and slow (~5k quads/s here); the stores rebuild from the whole
dataset after each ingest, so reading back is on the critical path. Our files are written by
rdflib's N-Triples serializer plus a graph IRI, so each line is ``<s> <p> <o>|"lit"… <g> .``
with IRIs never containing spaces or ``>``. A line this reader does not recognise falls back to
rdflib for that file, so any valid N-Quads file still reads correctly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

Quad = tuple[Node, Node, Node, URIRef]

_IRI = r"<([^>\s]*)>"
_LINE = re.compile(
    rf'^{_IRI} {_IRI} (?:{_IRI}|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^{_IRI})?) {_IRI} \.$'
)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))")
_SIMPLE_ESCAPES = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


class UnsupportedLine(ValueError):
    """A line outside the layout this reader handles (e.g. a blank node): use rdflib instead."""


def read_quads(path: Path) -> Iterator[Quad]:
    """The quads of one N-Quads file as rdflib terms; raises UnsupportedLine on foreign layouts."""
    terms: dict[tuple[str, str | None, str | None], Node] = {}  # IRIs and literals repeat: build once
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line.strip():
                yield parse_line(line, terms)


def parse_line(line: str, terms: dict[tuple[str, str | None, str | None], Node] | None = None) -> Quad:
    """One quad; ``terms`` memoizes the rdflib terms already built (keyed by their text)."""
    match = _LINE.match(line)
    if match is None:
        raise UnsupportedLine(line[:200])
    subject, predicate, obj_iri, lexical, lang, datatype, graph = match.groups()
    memo = terms if terms is not None else {}
    obj = _iri(obj_iri, memo) if obj_iri is not None else _literal(lexical, lang, datatype, memo)
    return _iri(subject, memo), _iri(predicate, memo), obj, _iri(graph, memo)  # type: ignore[return-value]


def _iri(text: str, memo: dict[tuple[str, str | None, str | None], Node]) -> Node:
    key = (text, None, "<iri>")
    node = memo.get(key)
    if node is None:
        node = memo[key] = URIRef(text)
    return node


def _literal(lexical: str, lang: str | None, datatype: str | None, memo: dict) -> Node:
    key = (lexical, lang, datatype)
    node = memo.get(key)
    if node is None:
        node = memo[key] = Literal(
            _unescape(lexical), lang=lang, datatype=URIRef(datatype) if datatype else None
        )
    return node


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(_unescape_one, text)


def _unescape_one(match: re.Match[str]) -> str:
    short, long, char = match.groups()
    if short or long:
        return chr(int(short or long, 16))
    if char not in _SIMPLE_ESCAPES:
        raise UnsupportedLine(f"unknown escape \\{char}")
    return _SIMPLE_ESCAPES[char]
