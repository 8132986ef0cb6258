"""The N-Quads fast path writes exactly the graph the rdflib mapping builds."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from kg.loaders.model import Document
from rdflib import Literal

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
