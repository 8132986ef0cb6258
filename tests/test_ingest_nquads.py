"""The fast N-Quads reader gives exactly what rdflib's parser gives, or steps aside."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.ingest.dataset import parse_nquads
from kg.ingest.layout import canonical_nquads, nquads_text
from kg.ingest.nquads import UnsupportedLine, parse_line, read_quads

# (rdflib.namespace.XSD warns when pytest probes module globals, so the IRI is spelled out)
XSD_DOUBLE = URIRef("http://www.w3.org/2001/XMLSchema#double")

G = URIRef("https://w3id.org/regkg/id/doc/0123456789abcdef")
S = URIRef("https://w3id.org/regkg/id/evidence/1")
P = URIRef("https://w3id.org/regkg/ontology#text")

LITERALS = [
    Literal("在厚街镇开展“互联网+明厨亮灶”试点。"),
    Literal('他说"首个"\\n换行\n真换行\t制表\r回车 \\ 反斜杠'),
    Literal("东莞市", lang="zh"),
    Literal("Business start-up", lang="en"),
    Literal(0.5),
    Literal(0.5, datatype=XSD_DOUBLE),
    Literal(2020),
    Literal(True),
    Literal("\u0001控制符\u007f"),
]


def rdflib_quads(path: Path) -> set:
    dataset = Dataset()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        dataset.parse(path, format="nquads")
    return set(dataset.quads((None, None, None, None)))


def test_reader_matches_rdflib_on_every_kind_of_literal(tmp_path: Path) -> None:
    graph = Graph(identifier=G)
    for index, literal in enumerate(LITERALS):
        graph.add((S, URIRef(f"{P}{index}"), literal))
    graph.add((S, P, URIRef("https://w3id.org/regkg/id/place/x/441900/%E5%8E%9A%E8%A1%97%E9%95%87")))
    path = tmp_path / "g.nq"
    path.write_text(canonical_nquads(graph), encoding="utf-8")
    ours = {(s, p, o, g) for s, p, o, g in read_quads(path)}
    assert ours == rdflib_quads(path)
    assert len(ours) == len(LITERALS) + 1


def test_parse_nquads_falls_back_to_rdflib_for_blank_nodes(tmp_path: Path) -> None:
    path = tmp_path / "bnode.nq"
    path.write_text(f'_:b0 <{P}> "x" <{G}> .\n', encoding="utf-8")
    with pytest.raises(UnsupportedLine):
        list(read_quads(path))
    dataset = parse_nquads(Dataset(), path)
    ((subject, _, obj, graph),) = dataset.quads((None, None, None, None))
    assert isinstance(subject, BNode) and obj == Literal("x") and graph == G


def test_a_line_without_graph_is_not_ours() -> None:
    with pytest.raises(UnsupportedLine):
        parse_line(f'<{S}> <{P}> "x" .')


def test_written_lines_are_rdflib_n_triples_plus_graph() -> None:
    graph = Graph(identifier=G)
    for index, literal in enumerate(LITERALS):
        graph.add((S, URIRef(f"{P}{index}"), literal))
    rdflib_lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").split("\n")
    expected = sorted(f"{line[:-2]} <{G}> .\n" for line in rdflib_lines if line.strip())
    assert canonical_nquads(graph) == "".join(expected)


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40),
    lang=st.sampled_from([None, "zh", "en"]),
)
def test_any_text_round_trips_through_writer_and_reader(text: str, lang: str | None) -> None:
    literal = Literal(text, lang=lang)
    line = nquads_text(G, [(S, P, literal)])
    assert parse_line(line.rstrip("\n")) == (S, P, literal, G)
