"""``kg export`` on the ingested seeds: every format, round-tripped against the store and the RDF."""

from __future__ import annotations

import csv
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from kg.cli import main
from kg.store import open_store


@pytest.fixture(scope="module")
def store_counts(seeds_data_dir: Path) -> tuple[int, int]:
    with open_store("embedded", data_dir=seeds_data_dir) as store:
        nodes = store.run("MATCH (n) RETURN count(n)").rows[0][0]
        rels = store.run("MATCH ()-[r]->() RETURN count(r)").rows[0][0]
    return nodes, rels


def export(data_dir: Path, *args: str) -> object:
    result = CliRunner().invoke(main, ["export", "--data-dir", str(data_dir), *args])
    return result


def test_trig_keeps_one_named_graph_per_document(seeds_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.trig"
    result = export(seeds_data_dir, "--format", "trig", "-o", str(out))
    assert result.exit_code == 0, result.output
    back = Dataset()
    back.parse(out, format="trig")
    documents = [g for g in back.graphs() if "/id/doc/" in str(g.identifier) and len(g)]
    assert len(documents) == 5


def test_turtle_goes_to_stdout(seeds_data_dir: Path) -> None:
    result = export(seeds_data_dir, "--format", "ttl")
    assert result.exit_code == 0
    assert len(Graph().parse(data=result.stdout, format="turtle")) > 1000


def test_graphml_has_the_store_counts(seeds_data_dir: Path, tmp_path: Path, store_counts) -> None:
    out = tmp_path / "g.graphml"
    result = export(seeds_data_dir, "--format", "graphml", "-o", str(out))
    assert result.exit_code == 0, result.output
    g = nx.read_graphml(out)
    assert (g.number_of_nodes(), g.number_of_edges()) == store_counts


def test_csv_rows_have_the_store_counts(seeds_data_dir: Path, tmp_path: Path, store_counts) -> None:
    result = export(seeds_data_dir, "--format", "csv", "-o", str(tmp_path / "csv"))
    assert result.exit_code == 0, result.output
    nodes = rels = 0
    for path in (tmp_path / "csv").glob("*.csv"):
        with open(path, encoding="utf-8", newline="") as handle:
            rows = list(csv.reader(handle))
        if path.name.startswith("nodes-"):
            assert rows[0][:2] == ["uri:ID", ":LABEL"]
            nodes += len(rows) - 1
        else:
            assert rows[0] == [":START_ID", ":END_ID", ":TYPE"]
            rels += len(rows) - 1
    assert (nodes, rels) == store_counts


def test_graph_formats_need_an_output_path(seeds_data_dir: Path) -> None:
    result = export(seeds_data_dir, "--format", "gexf")
    assert result.exit_code != 0 and "-o" in result.output


def test_missing_data_dir_is_a_clear_error(tmp_path: Path) -> None:
    result = export(tmp_path / "nowhere", "--format", "ttl")
    assert result.exit_code != 0 and "kg ingest" in result.output
