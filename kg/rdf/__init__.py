"""RDF mapping: a Document and its Extraction become the document's named graph.

Public API: :func:`document_graph`, :func:`document_triples`, :func:`document_nquads` (the same
graph as N-Quads text, ingest's fast path), the namespaces :data:`RK`, :data:`RKD`, :data:`RKP`
(also as the module :mod:`kg.rdf.namespaces`) and the IRI helpers in :mod:`kg.rdf.iris`.
"""

from __future__ import annotations

from kg.rdf import namespaces
from kg.rdf.document import document_graph, document_nquads, document_triples
from kg.rdf.namespaces import RK, RKD, RKP, bind_namespaces

__all__ = [
    "RK",
    "RKD",
    "RKP",
    "bind_namespaces",
    "document_graph",
    "document_nquads",
    "document_triples",
    "namespaces",
]
