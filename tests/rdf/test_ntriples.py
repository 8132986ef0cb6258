"""The N-Quads fast path writes exactly the graph the rdflib mapping builds."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kg.loaders.model import Document
from rdflib import Literal, URIRef

import kg
from kg.config import seeds_dir
from kg.extract.model import Extraction
from kg.ingest.layout import nquads_text
from kg.ingest.work import graph_counts
from kg.rdf import document_nquads, document_triples
from kg.rdf.ntriples import nt_integer, nt_term, nt_text


@pytest.fixture(scope="module")
def seed_extractions() -> list[tuple[Document, Extraction]]:
    """Every seed report loaded and extracted once (the real pipeline)."""
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp's banner
        from kg.loaders import load

        from kg.extract.pipeline import extract
    docs = [load(str(path)) for path in sorted(Path(seeds_dir()).glob("*.txt"))]
    return [(doc, extract(doc)) for doc in docs]


def test_seed_graphs_are_written_as_the_rdflib_mapping_would(
    seed_extractions: list[tuple[Document, Extraction]],
) -> None:
    assert seed_extractions, "no seed reports found"
    for doc, extraction in seed_extractions:
        iri, triples = document_triples(doc, extraction)
        fast_iri, text, counts = document_nquads(doc, extraction)
        assert fast_iri == iri
        assert text == nquads_text(iri, triples), doc.path
        assert counts == graph_counts(triples), doc.path


def test_handmade_graph_is_written_as_the_rdflib_mapping_would(
    doc: Document, extraction: Extraction
) -> None:
    iri, triples = document_triples(doc, extraction)
    _, text, counts = document_nquads(doc, extraction)
    assert text == nquads_text(iri, triples)
    assert counts == graph_counts(triples)


@given(st.text(), st.sampled_from([None, "zh", "en"]))
def test_text_literals_are_written_as_rdflib_literals(value: str, lang: str | None) -> None:
    assert nt_text(value, lang) == nt_term(Literal(value, lang=lang))


@given(st.integers())
def test_integer_literals_are_written_as_rdflib_literals(value: int) -> None:
    assert nt_integer(value) == nt_term(Literal(value))


def test_subjects_and_literals_that_prefix_each_other_sort_as_whole_lines(doc: Document) -> None:
    """Per-subject sorting must give the order of the full N-Quads lines: ``<…/a>`` sorts after
    ``<…/a-b>`` (``>`` is after ``-``) although ``…/a`` is a prefix, and a plain literal
    before the same text with a language or a datatype."""
    from kg.rdf.builder import GraphBuilder
    from kg.rdf.namespaces import RK
    from kg.rdf.ntriples import NQuadsBuilder

    base = "https://w3id.org/regkg/id/test/a"
    builders = (GraphBuilder(doc), NQuadsBuilder(doc))
    for b in builders:
        for subject in (base, base + "-b", base + "/c", base + "a"):
            b.typed(subject, RK.Place)
            b.value(subject, RK.what, "东莞")
            b.value(subject, RK.what, "东莞", lang="zh")
            b.value(subject, RK.what, '东莞"市')
            b.value(subject, RK.what, 2020)
            b.double(subject, RK.value, 2020)
            b.value(subject, RK.what, True)
            b.link(subject, RK.place, base)
    rdflib_builder, nquads_builder = builders
    text = nquads_builder.nquads()  # type: ignore[attr-defined]
    assert text == nquads_text(URIRef(rdflib_builder.doc_iri), rdflib_builder.triples)
    assert text.count("\n") == 4 * 8


def test_a_subject_whose_values_are_all_missing_writes_no_line(doc: Document) -> None:
    from kg.rdf.namespaces import RK
    from kg.rdf.ntriples import NQuadsBuilder

    b = NQuadsBuilder(doc)
    b.values("https://w3id.org/regkg/id/test/empty", ((RK.text, None), (RK.rule, "  ")))
    assert b.nquads() == ""
    assert b.counts() == {"triples": 0}


@pytest.mark.parametrize(
    "changes",
    [
        {},  # the usual evidence: the fast path
        {"section_path": ""},  # blank text is not stated
        {"sentence": '含"引号"\\的句子\n'},  # escaped literals
        {"confidence": 1},  # an int where a float is usual: the general path
        {"orig_start": None, "orig_end": None},  # missing offsets: the general path
    ],
)
def test_evidence_nodes_are_written_as_the_rdflib_mapping_would(
    doc: Document, changes: dict[str, object]
) -> None:
    from dataclasses import replace

    from kg.rdf.builder import GraphBuilder
    from kg.rdf.ntriples import NQuadsBuilder
    from tests.rdf.conftest import OUTCOME_SENTENCE, evidence

    if kg.CODE == "compiled" and None in changes.values():  # mypyc checks a record's field types
        with pytest.raises(TypeError):
            replace(evidence(OUTCOME_SENTENCE, 0, "outcome.compress_to"), **changes)
        return
    ev = replace(evidence(OUTCOME_SENTENCE, 0, "outcome.compress_to"), **changes)
    subject = "https://w3id.org/regkg/id/evidence/test"
    rdflib_builder, nquads_builder = GraphBuilder(doc), NQuadsBuilder(doc)
    rdflib_builder.evidence(subject, ev)
    nquads_builder.evidence(subject, ev)
    assert nquads_builder.nquads() == nquads_text(URIRef(rdflib_builder.doc_iri), rdflib_builder.triples)
    assert nquads_builder.counts() == graph_counts(rdflib_builder.triples)


def test_vocabulary_programs_are_stated_alike_recorded_or_replayed(
    seed_extractions: list[tuple[Document, Extraction]],
) -> None:
    """The second graph of a report replays the program descriptions the first one recorded."""
    from kg.rdf import ntriples

    doc, extraction = seed_extractions[0]
    ntriples._VOCABULARY_MEMO.of(None)  # forget what earlier tests recorded
    recorded = document_nquads(doc, extraction)
    memo = ntriples._VOCABULARY_MEMO
    assert memo.recorded, "no vocabulary program was recorded"
    # only vocabulary entries are recorded (never candidates): the memo cannot grow with the corpus
    assert all(memo.vocabulary.get(key) is not None for _, key in memo.recorded)  # type: ignore[attr-defined]
    assert document_nquads(doc, extraction) == recorded


def test_a_changed_vocabulary_is_not_answered_from_the_old_one(doc: Document) -> None:
    """Program descriptions recorded for one vocabulary are not stated for another."""
    from types import SimpleNamespace

    from kg.rdf.entities import add_program_iri
    from kg.rdf.ntriples import NQuadsBuilder

    iri = "https://w3id.org/regkg/id/program/test-program"

    def graph_with_label(label: str) -> str:
        program = SimpleNamespace(
            iri=iri, pref_label=label, alt_labels=(), label_en=None, program_type="reform",
            candidate=False, broader=(),
        )
        b = NQuadsBuilder(doc)
        b.use_vocabulary(SimpleNamespace(get={iri: program}.get))
        add_program_iri(b, iri)
        return b.nquads()

    assert '"旧名称"@zh' in graph_with_label("旧名称")
    renamed = graph_with_label("新名称")
    assert '"新名称"@zh' in renamed and "旧名称" not in renamed


def test_an_evidence_node_stated_again_keeps_every_statement(doc: Document) -> None:
    """A node written whole (a block) that gets more statements, or is written twice with other
    values, holds the union, as the rdflib mapping's set of triples does."""
    from dataclasses import replace

    from kg.rdf.builder import GraphBuilder
    from kg.rdf.namespaces import RK
    from kg.rdf.ntriples import NQuadsBuilder
    from tests.rdf.conftest import OUTCOME_SENTENCE, evidence

    ev = evidence(OUTCOME_SENTENCE, 0, "outcome.compress_to")
    subject = "https://w3id.org/regkg/id/evidence/test"
    builders = (GraphBuilder(doc), NQuadsBuilder(doc))
    for b in builders:
        b.evidence(subject, ev)
        b.value(subject, RK.what, "追加")
        b.evidence(subject, replace(ev, rule="outcome.other"))
    rdflib_builder, nquads_builder = builders
    assert nquads_builder.nquads() == nquads_text(URIRef(rdflib_builder.doc_iri), rdflib_builder.triples)  # type: ignore[attr-defined]
    assert nquads_builder.counts() == graph_counts(rdflib_builder.triples)  # type: ignore[attr-defined]


def test_a_broader_cycle_in_the_vocabulary_is_stated_once_not_recursed(doc: Document) -> None:
    """A user's extension may make two programs broader than each other: each is described once,
    as the rdflib mapping does, recorded or replayed (recording one inside the other once
    recursed without end)."""
    from types import SimpleNamespace

    from kg.rdf import ntriples
    from kg.rdf.builder import GraphBuilder
    from kg.rdf.entities import add_program_iri

    a, b = (f"https://w3id.org/regkg/id/program/cycle-{name}" for name in "ab")
    programs = {
        iri: SimpleNamespace(iri=iri, pref_label=label, alt_labels=(), label_en=None,
                             program_type="reform", candidate=False, broader=(other,))
        for iri, label, other in ((a, "甲改革", b), (b, "乙改革", a))
    }
    vocabulary = SimpleNamespace(get=programs.get)
    ntriples._VOCABULARY_MEMO.of(None)
    rdflib_builder = GraphBuilder(doc)
    rdflib_builder.use_vocabulary(vocabulary)
    add_program_iri(rdflib_builder, a)
    expected = nquads_text(URIRef(rdflib_builder.doc_iri), rdflib_builder.triples)
    for _ in range(2):  # recorded, then replayed
        b_ = ntriples.NQuadsBuilder(doc)
        b_.use_vocabulary(vocabulary)
        add_program_iri(b_, a)
        assert b_.nquads() == expected
    assert "甲改革" in expected and "乙改革" in expected


def test_a_block_holding_a_unicode_line_separator_is_reopened_whole(doc: Document) -> None:
    """An Evidence node written whole and then stated again keeps a sentence holding U+2028
    (a line break to str.splitlines, not to N-Quads) as one statement."""
    from dataclasses import replace

    from kg.rdf.builder import GraphBuilder
    from kg.rdf.namespaces import RK
    from kg.rdf.ntriples import NQuadsBuilder
    from tests.rdf.conftest import OUTCOME_SENTENCE, evidence

    ev = replace(evidence(OUTCOME_SENTENCE, 0, "outcome.compress_to"), sentence="一句\u2028两行\x0c的话")
    subject = "https://w3id.org/regkg/id/evidence/test"
    builders = (GraphBuilder(doc), NQuadsBuilder(doc))
    for builder in builders:
        builder.evidence(subject, ev)
        builder.value(subject, RK.what, "追加")
    rdflib_builder, nquads_builder = builders
    assert nquads_builder.nquads() == nquads_text(URIRef(rdflib_builder.doc_iri), rdflib_builder.triples)  # type: ignore[attr-defined]
    assert nquads_builder.counts() == graph_counts(rdflib_builder.triples)  # type: ignore[attr-defined]


def test_a_replayed_program_stated_more_keeps_every_statement(doc: Document) -> None:
    """A program node replayed from the memo (kept as its sorted statements) that is then stated
    more, or stated before the replay, holds the union, as the rdflib mapping's triples do."""
    from types import SimpleNamespace

    from kg.rdf import ntriples
    from kg.rdf.builder import GraphBuilder
    from kg.rdf.entities import add_program_iri
    from kg.rdf.namespaces import RK

    iri = "https://w3id.org/regkg/id/program/stated-more"
    program = SimpleNamespace(iri=iri, pref_label="改革", alt_labels=("别名",), label_en=None,
                              program_type="reform", candidate=False, broader=())
    vocabulary = SimpleNamespace(get={iri: program}.get)
    ntriples._VOCABULARY_MEMO.of(None)
    for stated_before in (False, True):
        graphs = []
        for _ in range(3):  # the rdflib mapping, then a recording and a replaying builder
            b = GraphBuilder(doc) if not graphs else ntriples.NQuadsBuilder(doc)
            b.use_vocabulary(vocabulary)
            if stated_before:
                b.value(iri, RK.what, "之前")
            add_program_iri(b, iri)
            b.value(iri, RK.what, "之后")
            b.link(iri, RK.place, "https://w3id.org/regkg/id/place/441900")
            if isinstance(b, ntriples.NQuadsBuilder):
                graphs.append((b.nquads(), b.counts()))
            else:
                graphs.append((nquads_text(URIRef(b.doc_iri), b.triples), graph_counts(b.triples)))
        assert graphs[1] == graphs[0] and graphs[2] == graphs[0]
        assert '"之后"' in graphs[0][0] and "别名" in graphs[0][0]


@given(st.text(alphabet=st.sampled_from('<>" {}|\\^`ab:/#%é东\n\t'), max_size=8))
def test_iris_are_refused_as_rdflib_refuses_them(iri: str) -> None:
    from rdflib.term import _invalid_uri_chars

    from kg.rdf.ntriples import NOT_IN_IRIS, writable_iri

    assert set(NOT_IN_IRIS) == set(_invalid_uri_chars)
    assert writable_iri(iri) == (not any(c in iri for c in _invalid_uri_chars))
