"""The hand-made fixture graph (``fixture_graph.ttl``) built into an embedded store, for query tests."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from kg.store.embedded import build_from_dataset, store_dir

FIXTURE_TTL = Path(__file__).with_name("fixture_graph.ttl")
RKD = "https://w3id.org/regkg/id/"
RKP = RKD + "program/"


def build_fixture_data_dir(data_dir: Path) -> Path:
    """Build the fixture graph's embedded store in ``data_dir`` (as ``kg ingest`` would); return the dir."""
    graph = Graph()
    graph.parse(FIXTURE_TTL, format="turtle")
    build_from_dataset(graph, store_dir(data_dir))
    return data_dir
