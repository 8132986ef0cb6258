"""The line-splitting fold of canonical N-Quads into the projection's accumulator."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ingest import graph_paths
from kg.ingest.nquads import UnsupportedLine
from kg.store.accumulator import TripleAccumulator
from kg.store.nquads_fold import fold_nquads_text
from kg.store.plain_rdf import parse_rows_text, read_rows

RK = "https://w3id.org/regkg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
G = "<https://w3id.org/regkg/id/doc/abc>"


def _folded(text: str) -> tuple[object, ...]:
    accumulator = TripleAccumulator()
    fold_nquads_text(text, accumulator)
    return accumulator.state()


def _added(text: str) -> tuple[object, ...]:
    accumulator = TripleAccumulator()
    accumulator.add_rows(parse_rows_text(text))
    return accumulator.state()


@pytest.mark.parametrize(
    ("line", "state"),
    [
        (f"<https://x/s> <{RK}year> \"2020\"^^<{XSD}integer> {G} .",
         ({}, {"https://x/s": {"year": (("INT64", 2020),)}}, {})),
        (f"<https://x/s> <{RK}label> \"National food safety\"@en {G} .",
         ({}, {"https://x/s": {"label_en": (("STRING", "National food safety"),)}}, {})),
        (f"<https://x/s> <{RK}text> \"说 \\\"全国首个\\\" > <a> .\\n\" {G} .",
         ({}, {"https://x/s": {"text": (("STRING", '说 "全国首个" > <a> .\n'),)}}, {})),
        (f"<https://x/s> <{RK}place> <https://x/place/441900> {G} .",
         ({}, {}, {"place": {("https://x/s", "https://x/place/441900")}})),
        (f"<https://x/s> <{RDF_TYPE}> <{RK}Pilot> {G} .", ({"https://x/s": {"Pilot"}}, {}, {})),
        (f"<https://x/s> <{RDF_TYPE}> <http://www.w3.org/2004/02/skos/core#Concept> {G} .", ({}, {}, {})),
    ],
)
def test_a_line_folds_into_classes_values_or_links(line: str, state: tuple[object, ...]) -> None:
    assert _folded(line + "\n") == state
    assert _added(line + "\n") == state


@pytest.mark.parametrize(
    "line",
    [
        f"_:b1 <{RK}year> \"2022\"^^<{XSD}integer> {G} .",
        f"<https://x/s> <{RK}place> _:b2 {G} .",
        f"<https://x/s> <{RK}year> \"2022\" <https://w3id.org/regkg/id/doc/other> .",
        f"# a comment {G} .",
    ],
)
def test_a_line_outside_the_ingest_layout_is_refused(line: str) -> None:
    text = f"<https://x/s> <{RK}year> \"2021\"^^<{XSD}integer> {G} .\n{line}\n"
    with pytest.raises(UnsupportedLine):
        _folded(text)


def test_blank_lines_are_skipped() -> None:
    line = f"<https://x/s> <{RK}status> \"done\" {G} ."
    assert _folded(f"\n{line}\n\n") == _folded(line + "\n")


def test_the_seed_graphs_fold_like_the_row_reader(seeds_data_dir: Path) -> None:
    paths = graph_paths(seeds_data_dir)
    assert len(paths) == 5
    for path in paths:
        rows = read_rows(path)
        assert rows, path
        accumulator = TripleAccumulator()
        accumulator.add_rows(rows)
        assert _folded(path.read_text(encoding="utf-8")) == accumulator.state(), path


def test_an_iri_is_one_string_object_as_subject_and_as_object() -> None:
    text = (
        f"<https://x/a> <{RK}evidence> <https://x/e> {G} .\n"
        f"<https://x/e> <{RDF_TYPE}> <{RK}Evidence> {G} .\n"
        f"<https://x/e> <{RK}text> \"句子\" {G} .\n"
    )
    classes, values, links = _folded(text)
    (pair,) = links["evidence"]
    (node,) = classes
    assert pair[1] is node and next(iter(values)) is node  # pickled once, found by identity
