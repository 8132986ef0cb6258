"""Program extraction: lexicon hits and candidates folded per program, with status and evidence."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict
from pathlib import Path

import pytest
from kg.loaders.model import Document, Section, Sentence

from kg.config import gold_dir
from kg.extract.model import ProgramMention
from kg.extract.programs import candidate_iri, extract_programs
from kg.extract.textnorm import normalize_label
from kg.extract.vocabulary import RKP, ProgramVocabulary, read_vocabulary

# Real sentences of a summary-and-plan report: three reporting, three planning.
REPORTING = [
    "推进“证照分离”改革全覆盖试点工作。",
    "松山湖疫情期间发送“松湖启航包”。",
    "强化企业信用监管，全省率先编制“双随机、一公开”部门联合抽查事项清单。",
]
PLANNING = [
    "完善市级“双随机、一公开”抽查平台，大力推动线上联合抽查常态化。",
    "探索“一照多址”改革。",
    "实施卓越绩效管理推广三年行动计划。",
]


def build_document(reporting: list[str], planning: list[str]) -> Document:
    """A two-part document (一、总结 / 二、计划) with one sentence per line."""
    heads = ["一、2020年工作总结", "二、2021年工作计划"]
    text, sections, sentences = "", [], []
    for index, (heading, kind, year, lines) in enumerate(
        [(heads[0], "reporting", 2020, reporting), (heads[1], "planning", 2021, planning)]
    ):
        start = len(text)
        text += heading + "\n"
        for line in lines:
            sentences.append(
                Sentence(
                    len(sentences),
                    line,
                    len(text),
                    len(text) + len(line),
                    len(text),
                    len(text) + len(line),
                    index,
                )
            )
            text += line + "\n"
        sections.append(Section(index, heading, "一、", 1, start, len(text), kind=kind, year=year))
    return Document(
        path="report.txt",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        original_text=text,
        text=text,
        offsets=list(range(len(text) + 1)),
        doc_type="annual_summary_and_plan",
        summary_year=2020,
        plan_year=2021,
        sections=sections,
        sentences=sentences,
    )


@pytest.fixture(scope="module")
def vocab() -> ProgramVocabulary:
    return read_vocabulary()


@pytest.fixture(scope="module")
def programs(vocab: ProgramVocabulary) -> dict[str, ProgramMention]:
    doc = build_document(REPORTING, PLANNING)
    return {pm.label: pm for pm in extract_programs(doc, vocab)}


def test_vocabulary_programs_carry_vocabulary_facts(programs: dict[str, ProgramMention]) -> None:
    pm = programs["证照分离改革"]
    assert pm.iri == f"{RKP}separating-permits-from-licenses"
    assert not pm.candidate and pm.program_type == "reform" and pm.label_en
    assert pm.surface == ["“证照分离”改革全覆盖试点"]
    assert pm.broader == [f"{RKP}commercial-system-reform"]
    assert pm.evidence[0].rule == "program.lexicon"


@pytest.mark.parametrize(
    ("label", "status"),
    [
        ("证照分离改革", "done"),
        ("一照多址", "planned"),
        ("双随机、一公开", "ongoing"),
        ("松湖启航包", "done"),
    ],
)
def test_status_from_sections(programs: dict[str, ProgramMention], label: str, status: str) -> None:
    assert programs[label].status == status


def test_mentions_are_folded_per_program(programs: dict[str, ProgramMention]) -> None:
    pm = programs["双随机、一公开"]
    assert pm.mentions == 2 and len(pm.evidence) == 2
    assert pm.first_year == 2020


def test_candidates_are_flagged_with_a_stable_iri(programs: dict[str, ProgramMention]) -> None:
    pm = programs["松湖启航包"]
    assert pm.candidate and pm.evidence[0].rule == "program.candidate.quoted"
    assert pm.iri == candidate_iri("“松湖启航包”") == candidate_iri("松湖启航包")
    assert pm.surface == ["“松湖启航包”"]
    assert pm.iri.startswith(f"{RKP}cand/") and len(pm.iri.rsplit("/", 1)[1]) == 12


def test_a_longer_local_name_is_a_surface_of_its_program(programs: dict[str, ProgramMention]) -> None:
    pm = programs["卓越绩效管理"]
    assert pm.surface == ["卓越绩效管理推广三年行动计划"]
    assert pm.evidence[0].rule == "program.lexicon.extended"


def test_evidence_spans_point_into_the_document(vocab: ProgramVocabulary) -> None:
    doc = build_document(REPORTING, PLANNING)
    for pm in extract_programs(doc, vocab):
        for ev in pm.evidence:
            assert doc.text[ev.start : ev.end] in ev.sentence
            assert normalize_label(doc.text[ev.start : ev.end]) in {normalize_label(s) for s in pm.surface}
            assert ev.section_path in ("一、2020年工作总结", "二、2021年工作计划")


def test_a_candidate_cutting_a_vocabulary_name_is_dropped(vocab: ProgramVocabulary) -> None:
    doc = build_document(["全部监管所设立了“小个专”党建工作指导站。"], [])
    programs = extract_programs(doc, vocab)
    assert [pm.label for pm in programs] == ["小个专党建"]


def test_vocabulary_programs_come_before_candidates(programs: dict[str, ProgramMention]) -> None:
    flags = [pm.candidate for pm in programs.values()]
    assert flags == sorted(flags)


# --- the seeds against the gold annotations (a development set) -------------------------


def _as_json(pm: ProgramMention) -> dict:
    data = asdict(pm)
    return {k: data[k] for k in ("iri", "label", "alt_labels", "surface", "status", "candidate", "mentions")}


@pytest.fixture(scope="module")
def gold_programs(seed_docs: dict, vocab: ProgramVocabulary) -> list[tuple[list[dict], list[dict]]]:
    """(gold programs, extracted programs as JSON) per gold document."""
    pairs = []
    for path in sorted(Path(gold_dir()).glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc = seed_docs.get(path.name[:3])
        if doc is None:
            continue
        pairs.append((gold["programs"], [_as_json(pm) for pm in extract_programs(doc, vocab)]))
    if not pairs:
        pytest.skip("no gold annotations")
    return pairs


def test_programs_f1_on_the_gold_documents(gold_programs: list[tuple[list[dict], list[dict]]]) -> None:
    """Summed over the gold documents with the README's rules (kg.extract.scoring): F1 >= 0.80."""
    from kg.extract.scoring import Counts, score_kind

    total = Counts()
    for gold, extracted in gold_programs:
        total = total + score_kind("programs", gold, extracted)
    assert total.f1 >= 0.80, (total.precision, total.recall)


def _forms_match(gold: set[str], extracted: set[str]) -> bool:
    """The README's program rule on normalized forms: equal, or containment with the shorter
    side at least 4 characters and at least 0.6 of the longer."""
    for g in gold:
        for e in extracted:
            short, long_ = sorted((g, e), key=len)
            if g == e or (short in long_ and len(short) >= 4 and len(short) >= 0.6 * len(long_)):
                return True
    return False


def test_status_agrees_with_gold_for_most_found_programs(
    gold_programs: list[tuple[list[dict], list[dict]]],
) -> None:
    agree = found = 0
    for gold, extracted in gold_programs:
        forms = [
            ({normalize_label(x) for x in [e["label"], *e["alt_labels"], *e["surface"]]}, e["status"])
            for e in extracted
        ]
        for item in gold:
            gold_forms = {normalize_label(f) for f in item["forms"]}
            statuses = [status for ext_forms, status in forms if _forms_match(gold_forms, ext_forms)]
            if statuses:
                found += 1
                agree += statuses[0] == item["status"]
    assert found and agree / found >= 0.8


def test_every_seed_yields_programs_with_evidence(seed_docs: dict, vocab: ProgramVocabulary) -> None:
    for doc in seed_docs.values():
        programs = extract_programs(doc, vocab)
        assert len(programs) >= 20, doc.path
        for pm in programs:
            assert pm.evidence and pm.mentions >= len(pm.evidence)
            assert pm.status in ("done", "ongoing", "planned")
