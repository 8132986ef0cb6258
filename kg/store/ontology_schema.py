"""The property-graph schema the ontology (``ontology/regkg.ttl``) declares.

Each ``owl:DatatypeProperty`` gives a typed column to every primary label in its ``rdfs:domain``
(unions and superclasses such as ``rk:Assertion`` expanded); each ``owl:ObjectProperty`` gives its
relationship type a (start label, end label) pair per domain × range class. The stores create all
of them up front, so a label, column or relationship the seeds happen not to use still exists.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from rdflib import OWL, RDF, RDFS, BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.namespace import XSD

from kg.store.declared import PLACE_LEVELS, PRIMARY_LABELS, relationship_type
from kg.store.records import ColumnType

RK = "https://w3id.org/regkg/ontology#"
_RANGE_TYPES: dict[URIRef, ColumnType] = {
    **{t: ColumnType("INT64") for t in (XSD.integer, XSD.int, XSD.long, XSD.gYear, XSD.nonNegativeInteger)},
    **{t: ColumnType("DOUBLE") for t in (XSD.double, XSD.float, XSD.decimal)},
    XSD.boolean: ColumnType("BOOLEAN"),
}

Columns = dict[str, dict[str, ColumnType]]
Pairs = dict[str, set[tuple[str, str]]]


def load_ontology() -> Graph | None:
    """``regkg.ttl`` from the ``kg.ontology`` package, or None when it is not installed."""
    try:
        source = resources.files("kg.ontology").joinpath("regkg.ttl")
    except ModuleNotFoundError:
        return None
    if not source.is_file():
        return None
    return Graph().parse(data=source.read_text(encoding="utf-8"), format="turtle")


@lru_cache(maxsize=1)
def ontology_schema() -> tuple[Columns, Pairs]:
    """(label → column → type, relationship type → label pairs) from the packaged ontology."""
    ontology = load_ontology()
    return schema_of(ontology) if ontology is not None else ({}, {})


def schema_of(ontology: Graph) -> tuple[Columns, Pairs]:
    """Columns and relationship pairs declared by ``ontology``."""
    columns: Columns = {}
    pairs: Pairs = {}
    for prop in sorted(ontology.subjects(RDF.type, OWL.DatatypeProperty)):
        name = _local(prop)
        ranges = list(ontology.objects(prop, RDFS.range))
        ctype = _RANGE_TYPES.get(ranges[0], ColumnType("STRING")) if ranges else ColumnType("STRING")
        for label in _labels(ontology, ontology.objects(prop, RDFS.domain)):
            columns.setdefault(label, {})[name] = ctype
    for prop in sorted(ontology.subjects(RDF.type, OWL.ObjectProperty)):
        starts = _labels(ontology, ontology.objects(prop, RDFS.domain))
        ends = _labels(ontology, ontology.objects(prop, RDFS.range))
        if starts and ends:
            rtype = relationship_type(_local(prop))
            pairs.setdefault(rtype, set()).update((a, b) for a in starts for b in ends)
    return columns, pairs


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _labels(ontology: Graph, expressions: object) -> set[str]:
    """Primary labels of class expressions: named rk: classes, unions, and their subclasses."""
    labels: set[str] = set()
    for expression in expressions:  # type: ignore[attr-defined]
        for cls in _classes(ontology, expression):
            for member in _with_subclasses(ontology, cls):
                label = _primary_label(member)
                if label is not None:
                    labels.add(label)
    return labels


def _classes(ontology: Graph, expression: object) -> list[URIRef]:
    if isinstance(expression, BNode):
        union = ontology.value(expression, OWL.unionOf)
        return [c for c in Collection(ontology, union) if isinstance(c, URIRef)] if union else []
    return [expression] if isinstance(expression, URIRef) else []


def _with_subclasses(ontology: Graph, cls: URIRef) -> set[URIRef]:
    found = {cls}
    frontier = [cls]
    while frontier:
        for sub in ontology.subjects(RDFS.subClassOf, frontier.pop()):
            if isinstance(sub, URIRef) and sub not in found:
                found.add(sub)
                frontier.append(sub)
    return found


def _primary_label(cls: URIRef) -> str | None:
    """The node label of an rk: class (Place for admin levels); None for abstract or foreign classes."""
    if not str(cls).startswith(RK):
        return None
    name = str(cls)[len(RK):]
    name = "Place" if name in PLACE_LEVELS else name
    return name if name in PRIMARY_LABELS else None
