"""Fold the N-Quads files ingest writes straight into a projection builder, one line at a time.

Ingest writes canonical lines (kg.rdf.ntriples): ``<s> <p> <o> <g> .`` or ``<s> <p> "lexical"@lang
<g> .`` / ``…"lexical"^^<datatype> <g> .``, with one graph per file, IRIs without spaces and
escapes only inside literals. So a line splits on its first two spaces once the constant graph
suffix is cut off; that is several times faster than a regular expression, and folding each
line into the builder's dictionaries at once spares building a row tuple per quad. A line outside
that layout (a blank node, a comment, a second graph) raises :class:`UnsupportedLine`, and the
caller reads the file with rdflib instead.
"""

from __future__ import annotations

from kg.ingest.nquads import UnsupportedLine, _unescape  # the ingest reader's escape rules
from kg.store.accumulator import (
    RDF_TYPE,
    RK,
    TripleAccumulator,
    add_value,
    local_name,
    property_key,
    typed_value,
)

_RDF_TYPE_TERM = f"<{RDF_TYPE}>"
_RK_TERM = f"<{RK}"
_RK_TERM_LEN = len(_RK_TERM)


def fold_nquads_text(text: str, builder: TripleAccumulator) -> None:
    """Add every quad of canonical N-Quads ``text`` to ``builder`` (the graph IRI is dropped).

    Raises :class:`UnsupportedLine` on the first line outside the layout; the builder may then
    hold part of the file, so callers fold into a fresh builder per file.
    """
    if not text.strip():
        return
    _fold_lines(text.split("\n"), _graph_suffix(text), builder)


def _fold_lines(lines: list[str], suffix: str, builder: TripleAccumulator) -> None:
    """Fold ``<s> <p> <o><suffix>`` lines into ``builder``, skipping blank ones."""
    cut = -len(suffix)
    classes, values, links = builder.classes, builder.values, builder.links
    predicates: dict[str, tuple[bool, str]] = {}  # <p> -> (is rdf:type, local name)
    pair_sets: dict[str, set[tuple[str, str]]] = {}  # <p> -> its (subject, object) links in the builder
    keys: dict[tuple[str, str], str] = {}  # (local name, language) -> property key
    # One string per IRI of the file, as subject and as object: pickled once, and the load's
    # look-ups of a link's ends find the node's own key (an identity test, not a string compare).
    same: dict[str, str] = {}
    last_subject, uri, props = "", "", None
    for line in lines:
        if not line.endswith(suffix):
            if line.strip():
                raise UnsupportedLine(f"not in the ingest layout: {line[:120]!r}")
            continue
        subject, predicate, obj = line[:cut].split(" ", 2)
        if subject != last_subject:  # lines come sorted, so a subject's lines are adjacent
            if subject[0] != "<" or subject[-1] != ">":
                raise UnsupportedLine(f"subject is not an IRI: {line[:120]!r}")
            uri = subject[1:-1]
            uri = same.setdefault(uri, uri)
            last_subject, props = subject, values.get(uri)
        info = predicates.get(predicate)
        if info is None:
            info = predicates[predicate] = _predicate(predicate, line)
        if obj[-1] == '"' and obj[0] == '"' and len(obj) > 1:  # a plain literal, the most common kind
            lexical = obj[1:-1]
            if "\\" in lexical:
                lexical = _unescape(lexical)
            key = info[1]  # untagged: the property key is the name (property_key)
            typed: tuple[str, object] = ("STRING", lexical)
        elif obj[0] == "<":
            if obj[-1] != ">":
                raise UnsupportedLine(f"object is not an IRI: {line[:120]!r}")
            if not info[0]:
                pairs = pair_sets.get(predicate)
                if pairs is None:
                    pairs = pair_sets[predicate] = links.setdefault(info[1], set())
                end = obj[1:-1]
                pairs.add((uri, same.setdefault(end, end)))
            elif obj.startswith(_RK_TERM):
                names = classes.get(uri)
                if names is None:
                    classes[uri] = {obj[_RK_TERM_LEN:-1]}
                else:
                    names.add(obj[_RK_TERM_LEN:-1])
            continue
        else:
            lexical, lang, datatype = _literal(obj, line)
            key = keys.get((info[1], lang))
            if key is None:
                key = keys[(info[1], lang)] = property_key(info[1], lang)
            typed = ("STRING", lexical) if not datatype else typed_value(lexical, datatype)
        if props is None:
            props = values[uri] = {}
        if key in props:
            add_value(props, key, typed)
        else:
            props[key] = (typed,)


def _graph_suffix(text: str) -> str:
    """`` <graph IRI> .``: the end every line of a one-graph file shares."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    first = text[start:end if end >= 0 else len(text)].rstrip()
    parts = first.rsplit(" ", 2)
    if len(parts) != 3 or parts[2] != "." or not parts[1].startswith("<") or not parts[1].endswith(">"):
        raise UnsupportedLine(f"no graph IRI at the end of {first[:120]!r}")
    return f" {parts[1]} ."


def _predicate(term: str, line: str) -> tuple[bool, str]:
    """(is it rdf:type, local name) for a predicate term, checked once per distinct predicate."""
    if term[0] != "<" or term[-1] != ">":
        raise UnsupportedLine(f"predicate is not an IRI: {line[:120]!r}")
    return term == _RDF_TYPE_TERM, local_name(term[1:-1])


def _literal(obj: str, line: str) -> tuple[str, str, str]:
    """(lexical form, language, datatype IRI) of a literal term; absent parts are ``""``."""
    end = obj.rfind('"')  # the closing quote: tags and datatype IRIs hold no quote
    if obj[0] != '"' or end < 1:
        raise UnsupportedLine(f"object is neither an IRI nor a literal: {line[:120]!r}")
    lexical, tail = obj[1:end], obj[end + 1:]
    if "\\" in lexical:
        lexical = _unescape(lexical)
    if not tail:
        return lexical, "", ""
    if tail[0] == "@":
        return lexical, tail[1:], ""
    if tail.startswith("^^<") and tail.endswith(">"):
        return lexical, "", tail[3:-1]
    raise UnsupportedLine(f"malformed literal: {line[:120]!r}")
