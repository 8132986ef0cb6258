"""The store schema generated from the ontology: typed columns per label, relationship pairs."""

from __future__ import annotations

from rdflib import OWL, RDF, Graph

from kg.store.declared import declared_columns, declared_pairs
from kg.store.ontology_schema import load_ontology, schema_of
from kg.store.records import ColumnType

TINY = """
@prefix rk: <https://w3id.org/regkg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
rk:Assertion a owl:Class .
rk:Pilot a owl:Class ; rdfs:subClassOf rk:Assertion .
rk:Outcome a owl:Class ; rdfs:subClassOf rk:Assertion .
rk:District a owl:Class ; rdfs:subClassOf rk:Place .
rk:year a owl:DatatypeProperty ; rdfs:domain rk:Assertion ; rdfs:range xsd:integer .
rk:value a owl:DatatypeProperty ; rdfs:domain rk:Outcome ; rdfs:range xsd:double .
rk:what a owl:DatatypeProperty ; rdfs:domain [ a owl:Class ; owl:unionOf ( rk:Pilot rk:Outcome ) ] .
rk:place a owl:ObjectProperty ; rdfs:domain rk:Assertion ; rdfs:range rk:District .
"""


def test_domains_expand_through_superclasses_and_unions() -> None:
    columns, pairs = schema_of(Graph().parse(data=TINY, format="turtle"))
    assert columns["Pilot"] == {"year": ColumnType("INT64"), "what": ColumnType("STRING")}
    assert columns["Outcome"]["value"] == ColumnType("DOUBLE")
    assert "Assertion" not in columns  # abstract: no node ever carries it as its label
    assert pairs == {"hasPlace": {("Pilot", "Place"), ("Outcome", "Place")}}


def test_every_datatype_property_of_the_packaged_ontology_is_a_column() -> None:
    ontology = load_ontology()
    assert ontology is not None
    names = {str(p).rsplit("#", 1)[-1] for p in ontology.subjects(RDF.type, OWL.DatatypeProperty)}
    labels = ["Document", "Agency", "Place", "Program", "Implementation", "Pilot", "NoveltyClaim",
              "Outcome", "Target", "PolicyDocument", "Recognition", "Evidence"]
    declared = {name for label in labels for name in declared_columns(label)}
    assert names <= declared, names - declared
    assert declared_columns("Evidence")["end"] == ColumnType("INT64")
    assert declared_columns("Program")["altLabel"] == ColumnType("STRING", is_list=True)
    assert declared_pairs()["recipient"] == {("Recognition", "Place"), ("Recognition", "Agency")}
