"""Exports round-trip: RDF re-parses isomorphic, GraphML/GEXF/CSV keep every node and relationship."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.store.exports import admin_header, export_rdf, write_admin_csv, write_graph_file
from kg.store.projection import project
from kg.store.records import PropertyGraph


@pytest.fixture(scope="module")
def graph(sample: Dataset) -> PropertyGraph:
    return project(sample)


def _named_graphs(dataset: Dataset) -> dict[str, Graph]:
    return {str(g.identifier): g for g in dataset.graphs() if len(g)}


@pytest.mark.parametrize(("fmt", "parser"), [("trig", "trig"), ("nq", "nquads"), ("jsonld", "json-ld")])
def test_dataset_formats_reparse_isomorphic_graph_by_graph(sample: Dataset, fmt: str, parser: str) -> None:
    back = Dataset()
    back.parse(data=export_rdf(sample, fmt), format=parser)
    original, reparsed = _named_graphs(sample), _named_graphs(back)
    assert reparsed.keys() == original.keys()
    for iri, g in original.items():
        assert isomorphic(g, reparsed[iri]), iri


def test_turtle_is_the_union(sample: Dataset) -> None:
    back = Graph().parse(data=export_rdf(sample, "ttl"), format="turtle")
    union = Graph()
    for s, p, o, _ in sample.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(back, union)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_files_open_in_networkx_with_same_counts(
    graph: PropertyGraph, tmp_path: Path, fmt: str
) -> None:
    path = write_graph_file(graph, fmt, tmp_path / f"g.{fmt}")
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == len(graph.nodes())
    assert g.number_of_edges() == len(graph.relationships())
    program = g.nodes["https://w3id.org/regkg/id/program/business-registration-reform"]
    assert json.loads(program["altLabel"]) == ["商事登记制度改革", "商改"]
    if fmt == "graphml":  # GEXF readers retype attributes; GraphML keeps declared types
        assert program["labels"] == ":Program" and program["candidate"] is False


def test_admin_csv_headers_and_rows(graph: PropertyGraph, tmp_path: Path) -> None:
    files = write_admin_csv(graph, tmp_path / "csv")
    header = admin_header(graph.node_tables["Program"])
    assert header[:2] == ["uri:ID", ":LABEL"]
    assert "altLabel:string[]" in header and "candidate:boolean" in header
    assert "year:int" in admin_header(graph.node_tables["Outcome"])
    rows = {}
    for path in files:
        if path.suffix == ".csv":
            with open(path, encoding="utf-8", newline="") as handle:
                rows[path.name] = list(csv.DictReader(handle))
    node_rows = sum(len(r) for n, r in rows.items() if n.startswith("nodes-"))
    rel_rows = sum(len(r) for n, r in rows.items() if n.startswith("relationships-"))
    assert (node_rows, rel_rows) == (len(graph.nodes()), len(graph.relationships()))
    programs = rows["nodes-Program.csv"]
    program = next(r for r in programs if r["uri:ID"].endswith("business-registration-reform"))
    assert program["altLabel:string[]"] == "商事登记制度改革;商改" and program[":LABEL"] == "Program;Resource"
    within = rows["relationships-within.csv"][0]
    assert set(within) == {":START_ID", ":END_ID", ":TYPE"} and within[":TYPE"] == "within"
    command = (tmp_path / "csv" / "import-command.txt").read_text()
    assert "--nodes=nodes-Program.csv" in command and "--relationships=relationships-within.csv" in command
