"""One document's named graph written straight to canonical N-Quads, without rdflib terms.

Ingest needs only the graph's text, and building rdflib terms and hashing them in sets cost
more than the extraction itself. :class:`NQuadsBuilder` is a :class:`~kg.rdf.builder.GraphBuilder`
that records each triple as its N-Triples line, so the mapping code is shared and the output is
the same lines :func:`nt_term` writes for the rdflib triples (tests compare the two).

Every IRI is formatted (and checked, as rdflib's ``URIRef.n3`` checks it) once per graph, and
each line is one f-string: the mapping states about 4,500 triples per report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter
from typing import NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kg.extract.model import Evidence
from kg.rdf.builder import (
    MAX_YEAR,
    MIN_YEAR,
    RDF_TYPE,
    GraphBuilder,
    LiteralValue,
    VocabularyDescription,
    literal,
)
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
NOT_IN_IRIS = '<>" {}|\\^`'


def writable_iri(iri: str) -> bool:
    """Whether ``iri`` holds none of :data:`NOT_IN_IRIS`.

    Ten ``in`` scans, each at memchr speed, cost a fifth of one regex search, which tries its
    character class at every character (a graph checks about 800 IRIs)."""
    return not (
        "<" in iri or ">" in iri or '"' in iri or " " in iri or "{" in iri
        or "}" in iri or "|" in iri or "\\" in iri or "^" in iri or "`" in iri
    )


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
    if not writable_iri(iri):
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
_INTEGER_END = f"\"^^<{_XSD_INTEGER}>"  # what follows an integer's digits
_RK = str(RK)
_RDF_TYPE = nt_iri(RDF_TYPE)

# The predicates of an Evidence node (:meth:`GraphBuilder.evidence`), formatted once.
_EVIDENCE_TYPE = f"{_RDF_TYPE} {nt_iri(RK.Evidence)}"
_TEXT, _SECTION_PATH, _RULE = nt_iri(RK.text), nt_iri(RK.sectionPath), nt_iri(RK.rule)
_START, _END = nt_iri(RK.start), nt_iri(RK.end)
_ORIG_START, _ORIG_END = nt_iri(RK.origStart), nt_iri(RK.origEnd)
_CONFIDENCE, _DOCUMENT = nt_iri(RK.confidence), nt_iri(RK.document)


class RecordedNode(NamedTuple):
    """A node a vocabulary description stated: its IRI, rdf:type classes and statements (sorted)."""

    iri: str
    classes: tuple[URIRef, ...]
    statements: tuple[str, ...]


Recorded = tuple[str, tuple[RecordedNode, ...]]  # the description's result, its nodes


@dataclass
class _VocabularyMemo:
    """What was recorded per description and key, for one vocabulary object (held, so its identity stays its
    own: a changed extension file gives a new vocabulary object, and a fresh memo)."""

    vocabulary: object | None = None  # "| None": mypyc cannot build a dataclass field of bare object
    recorded: dict[tuple[VocabularyDescription, str], Recorded] = field(default_factory=dict)

    def of(self, vocabulary: object) -> dict[tuple[VocabularyDescription, str], Recorded]:
        if vocabulary is not self.vocabulary:
            self.vocabulary, self.recorded = vocabulary, {}
        return self.recorded


_VOCABULARY_MEMO = _VocabularyMemo()


def _record(b: NQuadsBuilder, key: str, describe: VocabularyDescription) -> Recorded:
    """Run ``describe`` on an empty builder of the same document and vocabulary, so every node
    it reaches is stated in full (not only those ``b`` lacks), and keep what it stated."""
    recorder = NQuadsBuilder(b.doc, recording=True)
    recorder.use_vocabulary(b.vocabulary)
    result = describe(recorder, key)
    classes: dict[str, list[URIRef]] = {}
    for subject, rdf_class in recorder.typed_nodes:
        classes.setdefault(subject, []).append(rdf_class)
    nodes = tuple(
        RecordedNode(iri, tuple(classes.get(iri, ())), tuple(sorted(recorder._sets.get(iri, ()))))
        for iri in recorder.described
    )
    return result, nodes


@dataclass
class NQuadsBuilder(GraphBuilder):
    """A GraphBuilder whose triples are N-Triples text, grouped by subject.

    Each statement is kept as its ``<predicate> object`` text in the set of its subject (keyed
    by the subject's ``<IRI>`` text), so equal triples are stored once and the sort at the end
    orders a few hundred subjects and a handful of statements each, not thousands of full lines.
    """

    # <subject> -> {"<p> o"}; or the sorted tuple of a recorded vocabulary node (made a set when
    # the subject is stated more, as a block is)
    statements: dict[str, set[str] | tuple[str, ...]] = field(default_factory=dict)
    # <subject> -> its N-Quads lines, sorted: nodes written whole (evidence), about half the lines
    blocks: dict[str, str] = field(default_factory=dict)
    typed_nodes: set[tuple[str, URIRef]] = field(default_factory=set)  # (subject, class IRI)
    _iris: dict[str, str] = field(default_factory=dict)  # IRI -> <IRI>
    _sets: dict[str, set[str]] = field(default_factory=dict)  # subject IRI -> its statements
    _block_triples: int = 0  # lines in ``blocks``
    # A recorder describes what a vocabulary entry reaches (its broader programs too) in itself,
    # without the memo: entries recorded one inside another never stop on a broader cycle.
    recording: bool = False
    # What ends every line: the graph term (the document IRI) and the full stop.
    _quad_tail: str = field(init=False)

    def __post_init__(self) -> None:
        super().__post_init__()
        self._quad_tail = f" {self._iri(self.doc_iri)} .\n"

    def _iri(self, iri: str) -> str:
        """``<iri>`` as :func:`nt_iri` writes it, formatted once per graph."""
        text = self._iris.get(iri)
        if text is None:
            text = self._iris[iri] = f"<{iri}>" if writable_iri(iri) else nt_iri(iri)
        return text

    def _about(self, subject: str) -> set[str]:
        """The statements of ``subject`` (an IRI), an empty set on its first statement.

        Hooks look the set up in ``_sets`` first (``_sets.get(s) or _about(s)``: a set is
        empty only until the statement that created it is added)."""
        text = self._iri(subject)
        found = self.statements.get(text)
        if type(found) is not set:  # a first statement, or a recorded node's tuple stated more
            found = self.statements[text] = set(found or ())
        self._sets[subject] = found
        if self.blocks and text in self.blocks:  # written whole, now stated more: back to a set
            found.update(self._unblock(text))
        return found

    def _unblock(self, subject: str) -> list[str]:
        """Take the block of ``subject`` (its ``<IRI>``) out, as its statements."""
        # split on "\n" only: a literal may hold U+2028 and the like, which splitlines() cuts at
        lines = self.blocks.pop(subject).split("\n")[:-1]  # each line ended by "\n"
        self._block_triples -= len(lines)
        head, tail = len(subject) + 1, len(self._quad_tail) - 1  # the tail without its "\n"
        return [line[head:-tail] for line in lines]

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
            self._literal(subject, predicate, value)  # type: ignore[arg-type]

    def year(self, subject: str, predicate: URIRef, value: int | None) -> None:
        if value is not None and MIN_YEAR <= value <= MAX_YEAR:  # the rule is GraphBuilder.year's
            (self._sets.get(subject) or self._about(subject)).add(
                f'{self._iris.get(predicate) or self._iri(predicate)} "{int(value)}{_INTEGER_END}'
            )

    def double(self, subject: str, predicate: URIRef, value: float | None) -> None:
        if value is not None:
            (self._sets.get(subject) or self._about(subject)).add(
                f"{self._iris.get(predicate) or self._iri(predicate)} {_nt_value(float(value), float)}"
            )

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

    def evidence(self, subject: str, ev: Evidence) -> None:
        """GraphBuilder.evidence's statements written straight as the node's sorted N-Quads
        lines (a block): its predicates are distinct, so their order is that of the lines.

        Evidence that is not the usual text, four offsets and a float, or a subject stated
        before, takes the general path."""
        sentence, section, rule, confidence = ev.sentence, ev.section_path, ev.rule, ev.confidence
        start, end, orig_start, orig_end = ev.start, ev.end, ev.orig_start, ev.orig_end
        key = self._iris.get(subject) or self._iri(subject)  # kept: the assertion links to it next
        if not (
            type(sentence) is str and type(section) is str and type(rule) is str
            and type(confidence) is float and type(start) is int and type(end) is int
            and type(orig_start) is int and type(orig_end) is int
            and key not in self.statements and key not in self.blocks
        ):
            super().evidence(subject, ev)
            return
        self.typed_nodes.add((subject, RK.Evidence))
        head, tail = key + " ", self._quad_tail
        always = (  # the six lines stated whatever the text properties hold, as one piece
            f"{head}{_EVIDENCE_TYPE}{tail}"
            f"{head}{_CONFIDENCE} {_nt_value(confidence, float)}{tail}"
            f"{head}{_DOCUMENT} {self._iri(self.doc_iri)}{tail}"
            f'{head}{_END} "{end}{_INTEGER_END}{tail}'
            f'{head}{_ORIG_END} "{orig_end}{_INTEGER_END}{tail}'
            f'{head}{_ORIG_START} "{orig_start}{_INTEGER_END}{tail}'
        )
        if rule.strip() and section.strip() and sentence.strip():
            # the usual node: all ten lines, without a list to join
            self.blocks[key] = (
                f'{always}{head}{_RULE} "{_escape(rule)}"{tail}'
                f'{head}{_SECTION_PATH} "{_escape(section)}"{tail}'
                f'{head}{_START} "{start}{_INTEGER_END}{tail}'
                f'{head}{_TEXT} "{_escape(sentence)}"{tail}'
            )
            self._block_triples += 10
            return
        lines = [always]
        # text properties are stated only when not blank (GraphBuilder.value)
        if rule.strip():
            lines.append(f'{head}{_RULE} "{_escape(rule)}"{tail}')
        if section.strip():
            lines.append(f'{head}{_SECTION_PATH} "{_escape(section)}"{tail}')
        lines.append(f'{head}{_START} "{start}{_INTEGER_END}{tail}')
        if sentence.strip():
            lines.append(f'{head}{_TEXT} "{_escape(sentence)}"{tail}')
        self.blocks[key] = "".join(lines)
        self._block_triples += len(lines) + 5  # the first piece holds six lines

    def from_vocabulary(self, key: str, describe: VocabularyDescription) -> str:
        """State the recorded result of ``describe(builder, key)`` for the current vocabulary,
        recording it on first use: the same programs are described in most reports (a tenth
        of the mapping's time), and the description is the vocabulary's, whatever the document.
        """
        if self.recording:
            return describe(self, key)  # ``described`` stops a cycle, as on a plain builder
        memo = _VOCABULARY_MEMO.of(self.vocabulary)
        recorded = memo.get((describe, key))
        if recorded is None:
            recorded = memo[describe, key] = _record(self, key, describe)
        result, nodes = recorded
        for node in nodes:
            if node.iri not in self.described:  # as GraphBuilder.first_time
                self.described.add(node.iri)
                self.typed_nodes.update((node.iri, rdf_class) for rdf_class in node.classes)
                node_key = self._iris.get(node.iri) or self._iri(node.iri)
                if node_key in self.statements or node_key in self.blocks:  # stated already: add to its set
                    (self._sets.get(node.iri) or self._about(node.iri)).update(node.statements)
                elif node.statements:  # stated first here: the recorded order is the written one
                    self.statements[node_key] = node.statements
        return result

    def _type(self, subject: str, rdf_class: URIRef) -> None:
        self.typed(subject, rdf_class)

    def _link(self, subject: str, predicate: URIRef, node: str) -> None:
        known = self._iris.get
        (self._sets.get(subject) or self._about(subject)).add(
            f"{known(predicate) or self._iri(predicate)} {known(node) or self._iri(node)}"
        )

    def _text(self, subject: str, predicate: URIRef, value: str, lang: str | None) -> None:
        if "\\" in value or "\n" in value or '"' in value or "\r" in value:  # as _escape: seldom
            value = _escape(value)
        p = self._iris.get(predicate) or self._iri(predicate)
        (self._sets.get(subject) or self._about(subject)).add(
            f'{p} "{value}"@{lang}' if lang else f'{p} "{value}"'
        )

    def _literal(self, subject: str, predicate: URIRef, value: int | float | bool) -> None:
        kind = type(value)
        obj = f'"{value}"^^<{_XSD_INTEGER}>' if kind is int else _nt_value(value, kind)  # type: ignore[arg-type]
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
        tail = self._quad_tail
        chunks: list[str] = []
        add, statements, blocks = chunks.append, self.statements, self.blocks
        subjects = [*statements, *blocks]  # a subject is in one of the two
        subjects.sort()
        for subject in subjects:
            block = blocks.get(subject)
            if block is not None:
                add(block)
                continue
            stated = statements[subject]
            if stated:  # a subject's set is made before its first statement, which may be missing
                # three pieces, not one concatenation: the text is copied once, by the last join
                head = subject + " "
                add(head)
                add((tail + head).join(stated if type(stated) is tuple else sorted(stated)))
                add(tail)
        return "".join(chunks)

    def counts(self) -> dict[str, int]:
        """Triples, and nodes per rk: class, as :func:`kg.ingest.work.graph_counts` counts them."""
        per_class = Counter(map(itemgetter(1), self.typed_nodes))  # C loops: a thousand nodes
        names = {str(c)[len(_RK) :]: n for c, n in per_class.items() if str(c).startswith(_RK)}
        triples = sum(map(len, self.statements.values())) + self._block_triples
        return {"triples": triples, **dict(sorted(names.items()))}
