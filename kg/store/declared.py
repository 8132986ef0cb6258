"""The property-graph schema the data model declares (docs/schema.md), independent of the data.

Stores create every label, column and relationship pair declared here even when no document
mentions it yet, so canned queries bind on an empty or partial store (LadybugDB rejects a query
that names an unknown property or relationship table). Columns and pairs observed in the data
are added to these.
"""

from __future__ import annotations

from kg.store.records import ColumnType

S = ColumnType("STRING")
I = ColumnType("INT64")  # noqa: E741 - a one-letter alias keeps the table below readable
D = ColumnType("DOUBLE")
B = ColumnType("BOOLEAN")
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
PRIMARY_LABELS: tuple[str, ...] = (
    "Document",
    "Evidence",
    "Implementation",
    "Pilot",
    "NoveltyClaim",
    "Outcome",
    "Target",
    "PolicyDocument",
    "Recognition",
    "Program",
    "Agency",
    "Place",
)

# Properties that are multi-valued by the data model (always lists, even with one value).
LIST_PROPERTIES: frozenset[str] = frozenset({"altLabel"})

_ASSERTION_RELS: dict[str, tuple[str, ...]] = {
    "place": ("Place",),
    "program": ("Program",),
    "evidence": ("Evidence",),
}

# label -> (columns, object property local name -> end labels)
DECLARED: dict[str, tuple[dict[str, ColumnType], dict[str, tuple[str, ...]]]] = {
    "Document": (
        {"title": S, "sha256": S, "path": S, "docType": S, "summaryYear": I, "planYear": I,
         "sourceFormat": S},
        {"jurisdiction": ("Place",), "publisher": ("Agency",)},
    ),
    "Agency": (
        {"prefLabel": S, "agencyLevel": S},
        {"jurisdiction": ("Place",), "subOrganizationOf": ("Agency",), "partner": ("Agency",)},
    ),
    "Place": (
        {"label": S, "label_en": S, "code": S, "level": S, "anonymized": B},
        {"within": ("Place",)},
    ),
    "Program": (
        {"prefLabel": S, "altLabel": S_LIST, "label": S, "label_en": S, "programType": S, "candidate": B},
        {"broader": ("Program",)},
    ),
    "Implementation": (
        {"status": S, "year": I, "mentions": I},
        {**_ASSERTION_RELS, "agent": ("Agency",)},
    ),
    "Pilot": ({"what": S, "pilotLevel": S, "status": S, "year": I}, dict(_ASSERTION_RELS)),
    "NoveltyClaim": ({"scope": S, "what": S, "year": I}, dict(_ASSERTION_RELS)),
    "Outcome": (
        {"metric": S, "value": D, "valueText": S, "unit": S, "baseValue": D, "baseUnit": S, "year": I,
         "change": S, "rank": S},
        dict(_ASSERTION_RELS),
    ),
    "Target": (
        {"metric": S, "unit": S, "baseline": D, "baselineYear": I, "target": D, "targetYear": I,
         "binding": B},
        dict(_ASSERTION_RELS),
    ),
    "PolicyDocument": ({"title": S, "policyType": S}, {"publisher": ("Agency",), "evidence": ("Evidence",)}),
    "Recognition": ({"what": S, "year": I}, {"recipient": ("Place", "Agency"), "evidence": ("Evidence",)}),
    "Evidence": (
        {"text": S, "sectionPath": S, "start": I, "end": I, "origStart": I, "origEnd": I, "rule": S,
         "confidence": D},
        {"document": ("Document",)},
    ),
}


def declared_columns(label: str) -> dict[str, ColumnType]:
    """The declared columns of ``label`` (empty for labels the model does not declare)."""
    return dict(DECLARED.get(label, ({}, {}))[0])


def relationship_type(local_name: str, labels: set[str] | None = None) -> str:
    """The relationship type for an object property: its local name, unless that names a label too.

    LadybugDB table names are case-insensitive and share one namespace, so the relationship
    ``program`` cannot sit beside the node table ``Program``. Such names become ``has<Name>``
    (``hasProgram``, ``hasPlace``, ``hasEvidence``, ``hasDocument``) in every backend, so the same
    Cypher runs on the embedded store and on Neo4j.
    """
    taken = {label.lower() for label in (*PRIMARY_LABELS, *(labels or ()))}
    if local_name.lower() in taken:
        return "has" + local_name[:1].upper() + local_name[1:]
    return local_name


def declared_pairs() -> dict[str, set[tuple[str, str]]]:
    """Relationship type -> declared (start label, end label) pairs."""
    pairs: dict[str, set[tuple[str, str]]] = {}
    for start, (_, rels) in DECLARED.items():
        for name, ends in rels.items():
            pairs.setdefault(relationship_type(name), set()).update((start, end) for end in ends)
    return pairs
