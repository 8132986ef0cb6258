"""The namespaces of the regkg data model (docs/schema.md) and a helper to bind them."""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace


class CachingNamespace(Namespace):
    """An rdflib Namespace that builds each term once: the mapping asks for ``RK.status`` and
    friends tens of thousands of times per document, and URIRef construction validates each."""

    def term(self, name: str) -> URIRef:
        if not isinstance(name, str):
            return super().term(name)
        return _term(str(self), name)

    def __getattr__(self, name: str) -> URIRef:
        # Called only when ordinary look-up fails (RK.status): keep the term as an attribute so
        # the next look-up is a plain one (rdflib's __getattr__ runs Python code each time).
        term = super().__getattr__(name)
        self.__dict__[name] = term
        return term


@lru_cache(maxsize=8192)
def _term(base: str, name: str) -> URIRef:
    return URIRef(base + name)


RK = CachingNamespace("https://w3id.org/regkg/ontology#")
RKD = CachingNamespace("https://w3id.org/regkg/id/")
RKP = CachingNamespace("https://w3id.org/regkg/id/program/")

# The named graphs that hold the ontology and the program vocabulary (docs/schema.md, "Named graphs").
ONTOLOGY_GRAPH = RKD["graph/ontology"]
VOCABULARY_GRAPH = RKD["graph/vocabulary"]

PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
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
