"""The program vocabulary (SKOS, ``ontology/programs.ttl``) and its lexicon matcher.

:class:`ProgramVocabulary` holds the concepts of ``programs.ttl`` plus an optional user
extension file (``$KG_VOCAB_EXTRA`` or ``<data-dir>/vocabulary.ttl``) that may add alt
labels to existing programs or add new programs without editing regkg. Matching runs an
Aho-Corasick automaton over normalized labels (see :mod:`kg.extract.textnorm`), keeps the
leftmost-longest non-overlapping matches and maps them back to offsets in the input text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

import ahocorasick
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from kg.config import data_dir
from kg.extract import textnorm
from kg.extract.textnorm import normalize_label, normalize_lazily
from kg.extract.vocabulary_cache import cached_build
from kg.native import code_files
from kg.ontology import PROGRAMS_TTL

RK = Namespace("https://w3id.org/regkg/ontology#")
RKP = Namespace("https://w3id.org/regkg/id/program/")
PROGRAM_TYPES = ("reform", "campaign", "platform", "mechanism", "designation", "standard", "other")

# A label this short (normalized) is ambiguous inside running text (蓝天 in 蓝天星公司,
# 双打 in 双打比赛): it only counts when quoted or followed by one of these words.
SHORT_LABEL_MAX = 2
SHORT_LABEL_FOLLOWERS = ("行动", "专项", "工作", "改革", "活动", "工程", "战略")
OPEN_QUOTES = "“\"‘'「『"
CLOSE_QUOTES = "”\"’'」』"
PAIRED_MARKS = (
    ("“", "”"), ("‘", "’"), ("「", "」"), ("『", "』"), ("(", ")"), ("（", "）"), ("《", "》"), ("【", "】"),
)

_ANY_PAIRED_MARK = re.compile("[" + re.escape("".join(o + c for o, c in PAIRED_MARKS)) + "]")


@dataclass(frozen=True)
class Program:
    """One concept of the program vocabulary."""

    iri: str
    pref_label: str
    alt_labels: tuple[str, ...] = ()
    label_en: str | None = None
    program_type: str = "other"
    broader: tuple[str, ...] = ()
    candidate: bool = False
    matchable: bool = True  # False: an umbrella reached through skos:broader, never matched in text

    @property
    def labels(self) -> tuple[str, ...]:
        """The zh prefLabel followed by every alt label."""
        return (self.pref_label, *self.alt_labels)

    def __reduce__(self) -> tuple[type[Program], tuple[object, ...]]:
        # explicit (the fields, in order), so the vocabulary's disk cache also unpickles a compiled
        # Program: mypyc's default sets a frozen record's fields one by one, which it refuses
        return type(self), tuple(getattr(self, f.name) for f in fields(self))


@dataclass(slots=True)  # not frozen: a frozen __init__ costs four object.__setattr__ calls per match
class LexiconMatch:
    """A vocabulary label found in a text."""

    program: Program
    start: int  # offsets into the text given to ProgramVocabulary.match
    end: int
    surface: str  # the text as written, text[start:end]


@dataclass
class ProgramVocabulary:
    """Programs by IRI, a normalized-label index and the Aho-Corasick automaton over it."""

    programs: dict[str, Program] = field(default_factory=dict)
    by_label: dict[str, str] = field(default_factory=dict)  # normalized label -> IRI
    _automaton: ahocorasick.Automaton | None = field(default=None, repr=False)

    @classmethod
    def from_programs(cls, programs: Iterable[Program]) -> ProgramVocabulary:
        """Index ``programs``; a label claimed twice stays with the first program."""
        vocab = cls()
        for program in programs:
            vocab.programs[program.iri] = program
            for label in program.labels:
                key = normalize_label(label)
                if key:
                    vocab.by_label.setdefault(key, program.iri)
        vocab._build_automaton()
        return vocab

    def _build_automaton(self) -> None:
        automaton = ahocorasick.Automaton()
        for key, iri in self.by_label.items():
            if self.programs[iri].matchable:
                automaton.add_word(key, (len(key), iri))
        if len(automaton):
            automaton.make_automaton()
        self._automaton = automaton

    def __len__(self) -> int:
        return len(self.programs)

    def __iter__(self) -> Iterator[Program]:
        return iter(self.programs.values())

    def get(self, iri: str) -> Program | None:
        return self.programs.get(iri)

    def lookup(self, name: str) -> Program | None:
        """The program one of whose labels normalizes like ``name``, or whose IRI or slug is ``name``."""
        iri = self.by_label.get(normalize_label(name))
        if iri is None and name in self.programs:
            iri = name
        if iri is None and name.isascii() and f"{RKP}{name}" in self.programs:
            iri = f"{RKP}{name}"
        return self.programs.get(iri) if iri else None

    def match(self, text: str) -> list[LexiconMatch]:
        """Leftmost-longest non-overlapping label matches in ``text``."""
        if self._automaton is None or not len(self._automaton):
            return []
        normalized, offsets_of = normalize_lazily(text)
        found = list(self._automaton.iter_long(normalized))
        if not found:
            return []  # most sentences: no offsets needed
        offsets = offsets_of()
        matches: list[LexiconMatch] = []
        for end_pos, (length, iri) in found:
            start = offsets[end_pos - length + 1]
            end = offsets[end_pos] + 1
            if length <= SHORT_LABEL_MAX and not _short_label_in_context(text, start, end):
                continue
            if _cuts_ascii_word(text, start, end):
                continue  # 12315 inside 123150, a Latin label inside a longer word
            start, end = balance_quotes(text, start, end)
            matches.append(LexiconMatch(self.programs[iri], start, end, text[start:end]))
        return matches

    def broader_closure(self, iri: str) -> list[str]:
        """All broader programs of ``iri``, nearest first (cycles are cut)."""
        seen: list[str] = []
        todo = list(self.programs[iri].broader) if iri in self.programs else []
        while todo:
            parent = todo.pop(0)
            if parent in seen or parent == iri:
                continue
            seen.append(parent)
            if parent in self.programs:
                todo.extend(self.programs[parent].broader)
        return seen


def _cuts_ascii_word(text: str, start: int, end: int) -> bool:
    """Whether a match starts or ends inside a run of ASCII letters or digits."""

    def word(ch: str) -> bool:
        return ch.isascii() and ch.isalnum()

    return (start > 0 and word(text[start]) and word(text[start - 1])) or (
        end < len(text) and word(text[end - 1]) and word(text[end])
    )


def _short_label_in_context(text: str, start: int, end: int) -> bool:
    """Whether a short label at ``text[start:end]`` is quoted or followed by a program word."""
    quoted = start > 0 and text[start - 1] in OPEN_QUOTES and end < len(text) and text[end] in CLOSE_QUOTES
    after = text[end : end + 3].lstrip("”\"’' ")
    return quoted or after.startswith(SHORT_LABEL_FOLLOWERS)


def balance_quotes(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``[start, end)`` by one character on a side where a quote or bracket pair is cut in half.

    Matching ignores punctuation, so 证照分离”改革 can come out of “证照分离”改革 and
    医疗器械唯一标识(UDI out of 医疗器械唯一标识(UDI); the surface forms should be whole.
    """
    if not _ANY_PAIRED_MARK.search(text, start, end):
        return start, end  # nothing to balance (most matches): skip the sixteen counts
    for open_q, close_q in PAIRED_MARKS:
        span = text[start:end]
        if span.count(close_q) > span.count(open_q) and start > 0 and text[start - 1] == open_q:
            start -= 1
        elif span.count(open_q) > span.count(close_q) and end < len(text) and text[end] == close_q:
            end += 1
    return start, end


# --- loading ---------------------------------------------------------------------------


def extra_vocabulary_path() -> Path | None:
    """The user extension file: ``$KG_VOCAB_EXTRA``, else ``<data-dir>/vocabulary.ttl`` if present."""
    env = os.environ.get("KG_VOCAB_EXTRA")
    if env:
        return Path(env)
    default = data_dir() / "vocabulary.ttl"
    return default if default.is_file() else None


def programs_from_graph(graph: Graph) -> list[Program]:
    """Every rk:Program / skos:Concept in ``graph`` that has a prefLabel or altLabel."""
    subjects = set(graph.subjects(RDF.type, RK.Program)) | set(graph.subjects(RDF.type, SKOS.Concept))
    subjects |= set(graph.subjects(SKOS.altLabel, None))  # extension files may only add labels
    programs = []
    for subject in sorted(subjects, key=str):
        if not isinstance(subject, URIRef):
            continue
        program = _program_from_graph(graph, subject)
        if program.pref_label or program.alt_labels:
            programs.append(program)
    return programs


def _program_from_graph(graph: Graph, subject: URIRef) -> Program:
    pref_zh = _lang_values(graph, subject, SKOS.prefLabel, "zh")
    pref_en = _lang_values(graph, subject, SKOS.prefLabel, "en")
    label_en = _lang_values(graph, subject, RDFS.label, "en") or pref_en
    alts = _lang_values(graph, subject, SKOS.altLabel, "zh")
    ptype = graph.value(subject, RK.programType)
    candidate = graph.value(subject, RK.candidate)
    matchable = graph.value(subject, RK.matchable)
    return Program(
        iri=str(subject),
        pref_label=pref_zh[0] if pref_zh else "",
        alt_labels=tuple(alts),
        label_en=label_en[0] if label_en else None,
        program_type=str(ptype) if ptype is not None else "other",
        broader=tuple(sorted(str(o) for o in graph.objects(subject, SKOS.broader))),
        candidate=bool(candidate.toPython()) if isinstance(candidate, Literal) else False,
        matchable=bool(matchable.toPython()) if isinstance(matchable, Literal) else True,
    )


def _lang_values(graph: Graph, subject: URIRef, predicate: URIRef, lang: str) -> list[str]:
    """Literal values of ``predicate`` in ``lang`` (untagged literals count as zh)."""
    values = []
    for obj in graph.objects(subject, predicate):
        if isinstance(obj, Literal) and ((obj.language or "zh").split("-")[0] == lang):
            values.append(str(obj))
    return sorted(values)


def merge_programs(base: list[Program], extra: list[Program]) -> list[Program]:
    """Add ``extra`` to ``base``: known IRIs gain alt labels (and fill missing fields), new IRIs are added."""
    merged = {p.iri: p for p in base}
    for ext in extra:
        old = merged.get(ext.iri)
        if old is None:
            pref = ext.pref_label or (ext.alt_labels[0] if ext.alt_labels else "")
            alts = tuple(a for a in ext.alt_labels if a != pref)
            merged[ext.iri] = Program(
                ext.iri, pref, alts, ext.label_en, ext.program_type, ext.broader, matchable=ext.matchable
            )
            continue
        merged_alts = list(old.alt_labels)
        merged_alts += [
            a for a in (ext.pref_label, *ext.alt_labels) if a and a not in merged_alts and a != old.pref_label
        ]
        merged[ext.iri] = Program(
            iri=old.iri,
            pref_label=old.pref_label,
            alt_labels=tuple(merged_alts),
            label_en=old.label_en or ext.label_en,
            program_type=old.program_type if ext.program_type == "other" else ext.program_type,
            broader=tuple(sorted(set(old.broader) | set(ext.broader))),
            matchable=old.matchable,
        )
    return list(merged.values())


def read_vocabulary(
    path: str | os.PathLike[str] | None = None, extra: str | os.PathLike[str] | None = None
) -> ProgramVocabulary:
    """Read ``path`` (default: the shipped programs.ttl) and an extension file, uncached."""
    graph = Graph()
    graph.parse(str(path or PROGRAMS_TTL), format="turtle")
    programs = programs_from_graph(graph)
    if extra:
        extra_graph = Graph()
        extra_graph.parse(str(extra), format="turtle")
        programs = merge_programs(programs, programs_from_graph(extra_graph))
    return ProgramVocabulary.from_programs(programs)


@lru_cache(maxsize=4)
def _cached(extra: str | None, mtime: float | None) -> ProgramVocabulary:
    """The vocabulary of the shipped file and ``extra``, from the disk cache when it holds them."""
    sources = [Path(PROGRAMS_TTL), *([Path(extra)] if extra else [])]
    # how labels become the index and automaton (compiled: the sources and the C library)
    code = [*code_files(__file__), *code_files(textnorm.__file__ or "")]
    return cached_build(sources, code, lambda: read_vocabulary(extra=extra), ProgramVocabulary)


def load_vocabulary() -> ProgramVocabulary:
    """The shipped vocabulary plus the user extension, cached per extension file and its mtime
    (and on disk by the files' bytes, see :mod:`kg.extract.vocabulary_cache`)."""
    extra = extra_vocabulary_path()
    if extra is not None and not extra.is_file():
        raise FileNotFoundError(f"vocabulary extension not found: {extra}")
    mtime = extra.stat().st_mtime if extra is not None else None
    return _cached(str(extra) if extra is not None else None, mtime)


get_vocabulary = load_vocabulary  # the name the RDF mapping imports
