"""What every extractor needs to know about a sentence: section, status, year, places, programs.

:func:`sentence_contexts` builds one :class:`SentenceContext` per sentence of a Document,
once, so the extractors never re-derive section paths or re-scan for places.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.extract.model import Evidence, ProgramMention, Status
from kg.extract.places import PlaceFinder, PlaceMention
from kg.loaders.model import Document, Sentence

CLAUSE_BREAK = re.compile(r"[，,；;。！？!?：:]")


class ProgramSpan(NamedTuple):
    """A program named in a sentence (offsets in the sentence). A NamedTuple: a document has
    hundreds, and a frozen dataclass costs several times more to build."""

    iri: str
    surface: str
    start: int
    end: int


@dataclass(slots=True)  # built for every sentence and read by every extractor: slots make both cheaper
class SentenceContext:
    """One sentence with everything the extractors look up about it."""

    doc: Document
    sentence: Sentence
    section_path: str
    kind: str | None  # reporting | planning | None
    year: int | None
    places: list[PlaceMention] = field(default_factory=list)
    programs: list[ProgramSpan] = field(default_factory=list)
    previous: SentenceContext | None = None

    @property
    def text(self) -> str:
        return self.sentence.text

    @property
    def status(self) -> Status:
        """Reporting sections say what was done, planning sections what will be."""
        return "planned" if self.kind == "planning" else "done"

    def evidence(self, start: int, end: int, rule: str, confidence: float = 0.8) -> Evidence:
        """Evidence for the span [start, end) of this sentence (sentence offsets)."""
        return Evidence.of_span(
            self.doc,
            self.sentence.start + start,
            self.sentence.start + max(end, start),
            sentence=self.text.strip(),
            sentence_index=self.sentence.index,
            section_path=self.section_path,
            rule=rule,
            confidence=confidence,
        )

    def program_at(self, start: int, end: int) -> str | None:
        """The program whose mention overlaps [start, end), else the only program of the sentence."""
        for span in self.programs:
            if span.start < end and start < span.end:
                return span.iri
        return self.programs[0].iri if len(self.programs) == 1 else None

    def clause_bounds(self, pos: int) -> tuple[int, int]:
        """The clause (between ，；。) around sentence offset ``pos``."""
        text = self.text
        start = 0
        for m in CLAUSE_BREAK.finditer(text, 0, pos):
            start = m.end()
        end = CLAUSE_BREAK.search(text, pos)
        return start, (end.start() if end else len(text))


def _section_kind_year(doc: Document, index: int | None) -> tuple[str, str | None, int | None]:
    """Section path text, and the innermost known kind and year (falling back to the document's)."""
    path = doc.section_path(index) if index is not None else []
    kind = next((s.kind for s in reversed(path) if s.kind), None)
    year = next((s.year for s in reversed(path) if s.year), None)
    if kind is None:
        kind = "planning" if doc.doc_type in ("five_year_plan", "annual_plan") else "reporting"
    if year is None:
        year = doc.summary_year if kind == "reporting" else doc.plan_year
    return " > ".join(s.heading.strip() for s in path), kind, year


def _program_spans(doc: Document, programs: list[ProgramMention]) -> dict[int, list[ProgramSpan]]:
    """Per sentence index, where each program's surface forms occur in that sentence."""
    spans: dict[int, list[ProgramSpan]] = {}
    for program in programs:
        forms = _forms_longest_first(program)
        for ev in program.evidence:
            if ev.sentence_index >= len(doc.sentences):
                continue
            text = doc.sentences[ev.sentence_index].text
            for form in forms:
                pos = text.find(form) if form else -1
                if pos >= 0:
                    spans.setdefault(ev.sentence_index, []).append(
                        ProgramSpan(program.iri, form, pos, pos + len(form))
                    )
                    break
    return spans


def _forms_longest_first(program: ProgramMention) -> list[str]:
    """The program's surface forms and label, longest first, ties alphabetical: the order must not
    depend on the process's hash seed."""
    if len(program.surface) == 1 and program.surface[0] == program.label:
        return [program.label]  # the common case: nothing to sort
    return sorted(set(program.surface) | {program.label}, key=_longest_first)


def _longest_first(form: str) -> tuple[int, str]:
    return -len(form), form


def _span_start(span: ProgramSpan) -> int:
    return span.start


def sentence_contexts(doc: Document, programs: list[ProgramMention]) -> list[SentenceContext]:
    """One context per sentence, in order, each linked to the one before it."""
    finder = PlaceFinder(doc)
    by_sentence = _program_spans(doc, programs)
    contexts: list[SentenceContext] = []
    previous: SentenceContext | None = None
    section_cache: dict[int | None, tuple[str, str | None, int | None]] = {}
    places = finder.find_all([sentence.text for sentence in doc.sentences])
    for sentence, sentence_places in zip(doc.sentences, places, strict=True):
        if sentence.section not in section_cache:
            section_cache[sentence.section] = _section_kind_year(doc, sentence.section)
        path, kind, year = section_cache[sentence.section]
        spans = by_sentence.get(sentence.index)
        ctx = SentenceContext(
            doc=doc,
            sentence=sentence,
            section_path=path,
            kind=kind,
            year=year,
            places=sentence_places,
            programs=sorted(spans, key=_span_start) if spans else [],
            previous=previous,
        )
        contexts.append(ctx)
        previous = ctx
    return contexts
