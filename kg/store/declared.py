"""The property-graph schema the data model declares (docs/schema.md, regkg.ttl), independent of data.

Stores create every label, column and relationship pair declared here even when no document
mentions it yet, so canned queries bind on an empty or partial store (LadybugDB rejects a query
that names an unknown property or relationship table). Columns and pairs observed in the data
are added to these.
"""

from __future__ import annotations

from kg.datamodel import ASSERTION_CLASSES, DOCUMENT_CLASS, ENTITY_CLASSES, EVIDENCE_CLASS
from kg.store.records import ColumnType

S = ColumnType("STRING")
S_LIST = ColumnType("STRING", is_list=True)

# rdf:type local names that project to Place, with the `level` they imply.
PLACE_LEVELS: dict[str, str] = {
    "Province": "province",
    "Prefecture": "prefecture",
    "County": "county",
    "District": "district",
    "Township": "township",
}

# Primary labels, in the order a node with several rk: types picks its label.
PRIMARY_LABELS: tuple[str, ...] = (DOCUMENT_CLASS, EVIDENCE_CLASS, *ASSERTION_CLASSES, *ENTITY_CLASSES)

# Properties that are multi-valued by the data model (always lists, even with one value).
LIST_PROPERTIES: frozenset[str] = frozenset({"altLabel"})

# Terms regkg reuses from SKOS, RDFS, DCTERMS and ORG: regkg.ttl does not state their domains,
# so the labels that carry them are listed here. Everything in the rk: namespace comes from the
# ontology itself (kg.store.ontology_schema).
# label -> (columns, object property local name -> end labels)
REUSED: dict[str, tuple[dict[str, ColumnType], dict[str, tuple[str, ...]]]] = {
    "Document": ({"title": S}, {"publisher": ("Agency",)}),
    "Agency": ({"prefLabel": S}, {"subOrganizationOf": ("Agency",)}),
    "Place": ({"label": S, "label_en": S}, {}),
    "Program": ({"prefLabel": S, "altLabel": S_LIST, "label": S, "label_en": S}, {"broader": ("Program",)}),
    "PolicyDocument": ({"title": S}, {}),
}


def declared_columns(label: str) -> dict[str, ColumnType]:
    """The columns the ontology and the reused vocabularies declare for ``label`` (maybe none)."""
    from kg.store.ontology_schema import ontology_schema  # it needs this module's tables

    columns = dict(ontology_schema()[0].get(label, {}))
    columns.update(REUSED.get(label, ({}, {}))[0])
    if label in ASSERTION_CLASSES:  # derived at load time (kg.store.derived), queries read them
        from kg.store.derived import DOCUMENT_COLUMNS

        columns.update(DOCUMENT_COLUMNS)
    if label == "Program":  # derived at load time (kg.store.program_sets), co-adoption reads it
        from kg.store.program_sets import URI_HASH

        columns[URI_HASH] = ColumnType("INT64")
    return columns


# The labels of the nodes the projection derives (kg.store.adoptions.ADOPTION,
# kg.store.program_sets.PROGRAM_SET): their names are taken whether or not a load has such nodes,
# so a relationship is typed the same before and after they are derived.
DERIVED_LABELS = ("Adoption", "ProgramSet")


def relationship_type(local_name: str, labels: set[str] | None = None) -> str:
    """The relationship type for an object property: its local name, unless that names a label too.

    LadybugDB table names are case-insensitive and share one namespace, so the relationship
    ``program`` cannot sit beside the node table ``Program``. Such names become ``has<Name>``
    (``hasProgram``, ``hasPlace``, ``hasEvidence``, ``hasDocument``) in every backend, so the same
    Cypher runs on the embedded store and on Neo4j.
    """
    taken = {label.lower() for label in (*PRIMARY_LABELS, *DERIVED_LABELS, *(labels or ()))}
    if local_name.lower() in taken:
        return "has" + local_name[:1].upper() + local_name[1:]
    return local_name


def declared_pairs() -> dict[str, set[tuple[str, str]]]:
    """Relationship type -> declared (start label, end label) pairs."""
    from kg.store.ontology_schema import ontology_schema

    pairs = {rtype: set(p) for rtype, p in ontology_schema()[1].items()}
    for start, (_, rels) in REUSED.items():
        for name, ends in rels.items():
            pairs.setdefault(relationship_type(name), set()).update((start, end) for end in ends)
    return pairs
