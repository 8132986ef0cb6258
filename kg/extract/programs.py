"""Program mentions of a document: vocabulary matches plus candidate programs.

:func:`extract_programs` scans every sentence for vocabulary labels
(rule ``program.lexicon``) and for candidate names that look like programs but are not in
the vocabulary (rules ``program.candidate.*``, see :mod:`kg.extract.program_candidates`),
folds the mentions of each program into one :class:`~kg.extract.model.ProgramMention`
with its surface forms, evidence and status (:mod:`kg.extract.program_status`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kg.extract.model import Evidence, ProgramMention, Status
from kg.extract.program_candidates import CandidateSpan, find_candidates, guess_program_type
from kg.extract.program_status import (
    clause_around,
    default_status,
    fold_statuses,
    mention_status,
    section_kind,
    section_year,
)
from kg.extract.textnorm import normalize_label
from kg.extract.vocabulary import RKP, LexiconMatch, Program, ProgramVocabulary, get_vocabulary
from kg.loaders.model import Document, SectionKind, Sentence

LEXICON_RULE = "program.lexicon"
EXTENDED_RULE = "program.lexicon.extended"  # a longer local name around a vocabulary label
LEXICON_CONFIDENCE = 0.9
CANDIDATE_CONFIDENCE = 0.6
MAX_EVIDENCE = 5  # evidence sentences kept per program; the count of mentions stays exact


@dataclass(slots=True)  # not frozen: a frozen __init__ sets each of the 11 fields through object.__setattr__
class _Hit:
    """One mention of one program in one sentence (never changed once built)."""

    iri: str
    label: str
    surface: str
    sentence: Sentence
    start: int  # offsets into the sentence text
    end: int
    rule: str
    status: Status
    year: int | None
    program: Program | None  # None for a candidate
    broader: tuple[str, ...] = ()


def candidate_iri(name: str) -> str:
    """The stable IRI of a candidate program: rkp:cand/<first 12 hex of sha1 of the normalized name>."""
    digest = hashlib.sha1(normalize_label(name).encode("utf-8")).hexdigest()[:12]
    return f"{RKP}cand/{digest}"


def candidate_label(name: str) -> str:
    """A candidate's label: its name without white space or line breaks, and without the quotes
    of a name that is quoted as a whole (“松湖启航包” -> 松湖启航包; “四保”行动 stays)."""
    label = "".join(name.split())
    if label.startswith("“") and label.endswith("”") and label.count("“") == 1 and label.count("”") == 1:
        label = label[1:-1]
    return label


def extract_programs(doc: Document, vocab: ProgramVocabulary | None = None) -> list[ProgramMention]:
    """Every program the document mentions, vocabulary programs first, then candidates by first mention."""
    vocab = vocab if vocab is not None else get_vocabulary()
    hits: list[_Hit] = []
    for sentence in doc.sentences:
        hits.extend(sentence_hits(doc, sentence, vocab))
    return fold_hits(doc, hits)


@dataclass(slots=True)
class _Context:
    """What every hit of one sentence shares (never changed once built)."""

    sentence: Sentence
    kind: SectionKind | None
    year: int | None
    fallback: Status

    def status_at(self, start: int, end: int) -> Status:
        return mention_status(self.kind, clause_around(self.sentence.text, start, end), self.fallback)


def sentence_hits(doc: Document, sentence: Sentence, vocab: ProgramVocabulary) -> list[_Hit]:
    """Lexicon matches and candidates of one sentence.

    A candidate inside a match is dropped; a candidate around exactly one match is a longer
    surface form of that program (卓越绩效管理推广三年行动计划 for 卓越绩效管理); a candidate
    around several matches is a candidate program narrower than all of them.
    """
    matches = vocab.match(sentence.text)
    found = find_candidates(sentence.text)
    if not matches and not found:
        return []  # most sentences name no program: no context to build
    extended: dict[int, CandidateSpan] = {}
    absorbed: set[int] = set()
    candidates: list[tuple[CandidateSpan, tuple[str, ...]]] = []
    for cand in found:
        if any(m.start <= cand.start and cand.end <= m.end for m in matches):
            continue
        if any(_crosses(m, cand) for m in matches):
            continue  # cuts a vocabulary name in half (设立了“小个专” of “小个专”党建): a bad boundary
        known = vocab.lookup(cand.name)
        if known is not None and known.matchable:
            continue  # a vocabulary label in another spelling; the lexicon hit covers it
        inner = [i for i, m in enumerate(matches) if cand.start <= m.start and m.end <= cand.end]
        if len({matches[i].program.iri for i in inner}) == 1:
            extended[inner[0]] = cand
            continue
        absorbed.update(inner)  # the combined program stands for them, as narrower than each
        candidates.append((cand, tuple(dict.fromkeys(matches[i].program.iri for i in inner))))
    ctx = _Context(
        sentence,
        sentence.kind or section_kind(doc, sentence.section),
        sentence.year or section_year(doc, sentence.section),
        default_status(doc),
    )
    hits = [_lexicon_hit(m, ctx, extended.get(i)) for i, m in enumerate(matches) if i not in absorbed]
    hits += [_candidate_hit(cand, ctx, broader) for cand, broader in candidates]
    return hits


def _crosses(m: LexiconMatch, cand: CandidateSpan) -> bool:
    """Whether the two spans overlap without one containing the other."""
    overlap = m.start < cand.end and cand.start < m.end
    nested = (m.start <= cand.start and cand.end <= m.end) or (cand.start <= m.start and m.end <= cand.end)
    return overlap and not nested


def _lexicon_hit(m: LexiconMatch, ctx: _Context, wider: CandidateSpan | None) -> _Hit:
    """A vocabulary hit; ``wider`` is a candidate name around it that becomes its surface."""
    start, end, surface, rule = m.start, m.end, m.surface, LEXICON_RULE
    if wider is not None:
        start, end, surface, rule = wider.start, wider.end, wider.name, EXTENDED_RULE
    return _Hit(
        m.program.iri, m.program.pref_label, surface, ctx.sentence, start, end, rule,
        ctx.status_at(start, end), ctx.year, m.program,
    )


def _candidate_hit(cand: CandidateSpan, ctx: _Context, broader: tuple[str, ...]) -> _Hit:
    label = candidate_label(cand.name)
    return _Hit(
        candidate_iri(label), label, cand.name, ctx.sentence, cand.start, cand.end, cand.rule,
        ctx.status_at(cand.start, cand.end), ctx.year, None, broader,
    )


def fold_hits(doc: Document, hits: list[_Hit]) -> list[ProgramMention]:
    """One ProgramMention per IRI, with surfaces, mention count, evidence and folded status."""
    grouped: dict[str, list[_Hit]] = {}
    for hit in hits:
        grouped.setdefault(hit.iri, []).append(hit)
    section_paths: dict[int | None, str] = {}  # many programs share a section: join its path once
    mentions = [_fold_one(doc, group, section_paths) for group in grouped.values()]
    # Vocabulary programs first, then candidates, each in order of first mention.
    order = {iri: i for i, iri in enumerate(grouped)}
    mentions.sort(key=lambda pm: (pm.candidate, order[pm.iri]))
    return mentions


def _fold_one(doc: Document, group: list[_Hit], section_paths: dict[int | None, str]) -> ProgramMention:
    first = group[0]
    surfaces: list[str] = []
    for hit in group:
        surface = "".join(hit.surface.split())
        if surface not in surfaces:
            surfaces.append(surface)
    years = [h.year for h in group if h.year is not None]
    program = first.program
    evidence = [_evidence(doc, h, section_paths) for h in group[:MAX_EVIDENCE]]
    if program is not None:
        return ProgramMention(
            iri=program.iri,
            label=program.pref_label,
            alt_labels=list(program.alt_labels),
            surface=surfaces,
            status=fold_statuses(h.status for h in group),
            candidate=False,
            mentions=len(group),
            program_type=program.program_type,
            label_en=program.label_en,
            broader=list(program.broader),
            first_year=min(years) if years else None,
            evidence=evidence,
        )
    broader = sorted({iri for h in group for iri in h.broader})
    return ProgramMention(
        iri=first.iri,
        label=first.label,
        alt_labels=[],
        surface=surfaces,
        status=fold_statuses(h.status for h in group),
        candidate=True,
        mentions=len(group),
        program_type=guess_program_type(first.label),
        broader=broader,
        first_year=min(years) if years else None,
        evidence=evidence,
    )


def _evidence(doc: Document, hit: _Hit, section_paths: dict[int | None, str]) -> Evidence:
    """Evidence for a hit: its sentence and the span of the name in document offsets
    (``section_paths`` memoizes the joined heading path of each section)."""
    section = hit.sentence.section
    if section not in section_paths:
        section_paths[section] = " > ".join(sec.heading for sec in doc.section_path(section))
    return Evidence.of_span(
        doc,
        hit.sentence.start + hit.start,
        hit.sentence.start + hit.end,
        sentence=hit.sentence.text,
        sentence_index=hit.sentence.index,
        section_path=section_paths[section],
        rule=hit.rule,
        confidence=CANDIDATE_CONFIDENCE if hit.program is None else LEXICON_CONFIDENCE,
    )
