"""The namespaces of the regkg data model (docs/schema.md) and a helper to bind them."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD

RK = Namespace("https://w3id.org/regkg/ontology#")
RKD = Namespace("https://w3id.org/regkg/id/")
RKP = Namespace("https://w3id.org/regkg/id/program/")

# The named graphs that hold the ontology and the program vocabulary (docs/schema.md, "Named graphs").
ONTOLOGY_GRAPH = RKD["graph/ontology"]
VOCABULARY_GRAPH = RKD["graph/vocabulary"]

PREFIXES: dict[str, Namespace] = {
    "rk": RK,
    "rkd": RKD,
    "rkp": RKP,
    "skos": SKOS,
    "org": ORG,
    "prov": PROV,
    "dcterms": DCTERMS,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def bind_namespaces(graph: Graph) -> Graph:
    """Bind the regkg prefixes on ``graph`` so Turtle/TriG output is readable; returns the graph."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph
