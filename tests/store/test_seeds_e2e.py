"""End to end on the seed reports: ingest → embedded store; the store holds exactly what the RDF says.

Expected counts are computed from the RDF directly (SPARQL-free quad walk with the mapping rules of
docs/schema.md written out here), not through the projection code under test.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from rdflib import RDF, Dataset, URIRef

from kg.ingest import load_dataset
from kg.store import open_store

RK = "https://w3id.org/regkg/ontology#"
PLACE_CLASSES = {"Place", "Province", "Prefecture", "County", "District", "Township"}
# docs/schema.md: an object property whose local name is also a label becomes has<Name>
RENAMED = {"program": "hasProgram", "place": "hasPlace", "evidence": "hasEvidence", "document": "hasDocument"}


@pytest.fixture(scope="module")
def dataset(seeds_data_dir: Path) -> Dataset:
    return load_dataset(seeds_data_dir, with_ontology=True)


@pytest.fixture(scope="module")
def typed(dataset: Dataset) -> dict[URIRef, str]:
    """Every rk:-typed resource and its label (Place for the admin-level subclasses)."""
    labels: dict[URIRef, str] = {}
    for s, _, o, _ in dataset.quads((None, RDF.type, None, None)):
        if isinstance(s, URIRef) and str(o).startswith(RK):
            name = str(o)[len(RK):]
            labels[s] = "Place" if name in PLACE_CLASSES else name
    return labels


@pytest.fixture(scope="module")
def store(seeds_data_dir: Path):
    with open_store("embedded", data_dir=seeds_data_dir) as opened:
        yield opened


def test_node_counts_per_label_equal_the_rdf(store, typed: dict[URIRef, str]) -> None:
    expected = Counter(typed.values())
    assert {"Document", "Evidence", "Place", "Program"} <= set(expected)
    assert expected["Document"] == 5
    for label, count in expected.items():
        assert store.run(f"MATCH (n:{label}) RETURN count(n)").rows == [[count]], label


def test_relationship_counts_per_type_equal_the_rdf(
    store, dataset: Dataset, typed: dict[URIRef, str]
) -> None:
    links = {
        (s, p, o) for s, p, o, _ in dataset.quads((None, None, None, None))
        if p != RDF.type and s in typed and isinstance(o, URIRef) and o in typed
    }
    expected = Counter()
    for _, p, _ in links:
        name = str(p).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        expected[RENAMED.get(name, name)] += 1
    assert expected["hasEvidence"] > 0 and expected["hasDocument"] > 0
    for rtype, count in expected.items():
        assert store.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r)").rows == [[count]], rtype


def test_every_evidence_reaches_its_document(store) -> None:
    rows = store.run(
        "MATCH (e:Evidence) OPTIONAL MATCH (e)-[:hasDocument]->(d:Document) "
        "RETURN count(e), count(d)"
    ).rows
    assert rows[0][0] > 0 and rows[0][0] == rows[0][1]


def test_store_manifest_matches_the_store(store, seeds_data_dir: Path) -> None:
    import json

    manifest = json.loads((seeds_data_dir / "ladybug" / "store.json").read_text(encoding="utf-8"))
    total = store.run("MATCH (n) RETURN count(n)").rows[0][0]
    assert sum(manifest["nodes"].values()) == total
