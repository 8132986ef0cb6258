"""ontology/regkg.ttl defines every class and property docs/schema.md names, labelled in zh and en."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from kg.ontology import ONTOLOGY_TTL
from rdflib import OWL, RDF, RDFS, Graph

from kg.extract.vocabulary import RK

SCHEMA_MD = Path(__file__).resolve().parents[2] / "docs" / "schema.md"
# Terms the schema borrows from other vocabularies (skos:prefLabel, rdfs:label, ...).
REUSED = {"prefLabel", "altLabel", "label", "broader", "subOrganizationOf"}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


def schema_terms() -> tuple[set[str], set[str]]:
    """(class names, property local names) from the Classes table of docs/schema.md."""
    classes, properties = set(), set()
    for line in SCHEMA_MD.read_text(encoding="utf-8").splitlines():
        if not line.startswith("| **"):
            continue
        cells = line.split("|")
        classes.update(re.findall(r"\*\*(\w+)\*\*", cells[1]))
        classes.update(
            re.findall(r"subclasses ([\w, ]+)", cells[1])[0].replace(" ", "").split(",")
            if "subclasses" in cells[1]
            else []
        )
        for cell in cells[3:5]:
            properties.update(re.findall(r"`(\w+)`", cell))
    return classes, properties - REUSED


def test_schema_table_is_parsed() -> None:
    classes, properties = schema_terms()
    assert {"Document", "Program", "Evidence", "Township"} <= classes
    assert {"status", "evidence", "pilotLevel", "binding"} <= properties


def test_every_schema_class_is_defined(ontology: Graph) -> None:
    classes, _ = schema_terms()
    for name in classes:
        subject = RK[name]
        assert (subject, RDF.type, OWL.Class) in ontology, name
        langs = {getattr(o, "language", None) for o in ontology.objects(subject, RDFS.label)}
        assert {"zh", "en"} <= langs, name
        assert ontology.value(subject, RDFS.comment) is not None, name


def test_every_schema_property_is_defined_with_domain_and_range(ontology: Graph) -> None:
    _, properties = schema_terms()
    for name in properties:
        subject = RK[name]
        kinds = set(ontology.objects(subject, RDF.type))
        assert kinds & {OWL.DatatypeProperty, OWL.ObjectProperty}, name
        assert ontology.value(subject, RDFS.domain) is not None, name
        assert ontology.value(subject, RDFS.range) is not None, name


def test_w3c_vocabularies_are_reused(ontology: Graph) -> None:
    from rdflib.namespace import DCTERMS, ORG, PROV, SKOS

    assert (RK.Agency, RDFS.subClassOf, ORG.Organization) in ontology
    assert (RK.Program, RDFS.subClassOf, SKOS.Concept) in ontology
    assert (RK.Evidence, RDFS.subClassOf, PROV.Entity) in ontology
    assert (RK.Document, RDFS.subClassOf, DCTERMS.BibliographicResource) in ontology
    assert (RK.Prefecture, RDFS.subClassOf, RK.Place) in ontology
