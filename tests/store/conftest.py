"""Shared fixtures of the store tests: the hand-built sample dataset and a store built from it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset

from kg.store.embedded import LoadReport, build_from_dataset

FIXTURES = Path(__file__).parent / "fixtures"


def sample_dataset() -> Dataset:
    """Two document graphs and the vocabulary graph, following docs/schema.md."""
    dataset = Dataset()
    dataset.parse(FIXTURES / "sample.trig", format="trig")
    return dataset


@pytest.fixture(scope="module")
def sample() -> Dataset:
    return sample_dataset()


@pytest.fixture(scope="module")
def sample_store(sample: Dataset, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LoadReport]:
    """The embedded store built from the sample dataset: (store dir, load report)."""
    path = tmp_path_factory.mktemp("store") / "ladybug"
    return path, build_from_dataset(sample, path)


def snapshot(store) -> tuple[set[tuple], set[tuple]]:
    """A store's whole graph as comparable sets: (uri, label, sorted properties) and (start, type, end)."""
    nodes = set()
    for (node,) in store.run("MATCH (n) RETURN n").rows:
        props = tuple(sorted(
            (k, tuple(v) if isinstance(v, list) else v) for k, v in node.items() if not k.startswith("_")
        ))
        nodes.add((node["uri"], node["_label"], props))
    rels = {tuple(row) for row in store.run("MATCH (a)-[r]->(b) RETURN a.uri, label(r), b.uri").rows}
    return nodes, rels
