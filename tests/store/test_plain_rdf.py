"""The streaming N-Quads reader of the store build, and the projection it feeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from kg.ingest.layout import nquads_text
from kg.store.dataset_projection import project_data_dir
from kg.store.plain_rdf import parse_rows_text, read_rows
from kg.store.projection import Projection, project_rows, project_with_warnings
from tests.store.conftest import sample_dataset

RK = "https://w3id.org/regkg/ontology#"
XSD = "http://www.w3.org/2001/XMLSchema#"
G = "<https://w3id.org/regkg/id/doc/abc>"


@pytest.mark.parametrize(
    ("line", "row"),
    [
        (f"<https://x/s> <{RK}year> \"2020\"^^<{XSD}integer> {G} .",
         ("https://x/s", f"{RK}year", "", "2020", "", f"{XSD}integer")),
        (f"<https://x/s> <{RK}label> \"National food safety\"@en {G} .",
         ("https://x/s", f"{RK}label", "", "National food safety", "en", "")),
        (f"<https://x/s> <{RK}text> \"说 \\\"全国首个\\\" > <a> .\\n\" {G} .",
         ("https://x/s", f"{RK}text", "", '说 "全国首个" > <a> .\n', "", "")),
        (f"<https://x/s> <{RK}place> <https://x/place/441900> {G} .",
         ("https://x/s", f"{RK}place", "https://x/place/441900", "", "", "")),
    ],
)
def test_a_line_splits_into_subject_predicate_and_object(line: str, row: tuple[str, ...]) -> None:
    assert parse_rows_text(line + "\n") == [row]


def test_a_file_with_a_blank_node_is_read_by_rdflib(tmp_path: Path) -> None:
    path = tmp_path / "bnode.nq"
    path.write_text(
        f"<https://x/s> <{RK}year> \"2021\"^^<{XSD}integer> {G} .\n"
        f"_:b1 <{RK}year> \"2022\"^^<{XSD}integer> {G} .\n",
        encoding="utf-8",
    )
    assert read_rows(path) == [("https://x/s", f"{RK}year", "", "2021", "", f"{XSD}integer")]


def _tables(projection: Projection) -> tuple[object, ...]:
    graph = projection.graph
    nodes = {label: (t.columns, [(n.uri, n.properties) for n in t.nodes])
             for label, t in graph.node_tables.items()}
    rels = {rtype: (t.pairs, sorted(r.key for r in t.relationships))
            for rtype, t in graph.rel_tables.items()}
    return nodes, rels, sorted(projection.warnings)


def test_streamed_files_project_like_the_rdflib_dataset(tmp_path: Path) -> None:
    dataset = sample_dataset()
    paths = []
    for graph in dataset.graphs():
        if isinstance(graph.identifier, URIRef) and len(graph):
            path = tmp_path / f"g{len(paths)}.nq"
            text = nquads_text(graph.identifier, graph.triples((None, None, None)))
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    assert len(paths) >= 2
    streamed = project_rows(row for path in paths for row in read_rows(path))
    assert streamed.graph.node_counts() and sum(streamed.graph.rel_counts().values())
    assert _tables(streamed) == _tables(project_with_warnings(dataset))
    programs = len(streamed.graph.node_tables["Program"].nodes)
    with_vocabulary = project_data_dir(tmp_path, paths)  # adds every vocabulary program
    assert len(with_vocabulary.graph.node_tables["Program"].nodes) > programs
