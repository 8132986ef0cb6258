"""Derived Adoption nodes: the rows of the adoption matrix, made once per load (docs/schema.md).

Listing which place ran which program means grouping every Implementation by (Program, Place);
the embedded engine does that in about half a second at a thousand documents, on every query.
The projection therefore adds one ``Adoption`` node per (Program, Place) over all statuses and
one per (Program, Place, status), carrying what the matrix reports, with the program's and the
place's names copied in. Like the other derived data they are not in the RDF, and both backends
get them because they are part of the projection.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from itertools import product
from typing import Any

from kg.store.derived import ImplementationLinks, Values, single_value
from kg.store.records import ColumnType, NodeTable, PropertyGraph

ADOPTION = "Adoption"
ADOPTION_IRI = "https://w3id.org/regkg/id/adoption/"
ADOPTION_COLUMNS = {
    "uri": ColumnType("STRING"),
    "status": ColumnType("STRING"),  # null on the node over all statuses
    "program": ColumnType("STRING"),
    "programUri": ColumnType("STRING"),
    "candidate": ColumnType("BOOLEAN"),
    "jurisdiction": ColumnType("STRING"),
    "jurisdictionCode": ColumnType("STRING"),
    "jurisdictionUri": ColumnType("STRING"),
    "firstYear": ColumnType("INT64"),
    "latestYear": ColumnType("INT64"),
    "statuses": ColumnType("STRING", is_list=True),
    "implementations": ColumnType("INT64"),
    "sortKey": ColumnType("STRING"),
}
# sortKey joins (program, jurisdiction, program uri, jurisdiction uri) with a tab, which sorts
# below any character of a name (and, unlike control characters, is allowed in the XML exports),
# so one string comparison orders like the four; a missing name sorts last, as engines sort nulls.
SORT_SEPARATOR = "\t"
SORT_MISSING = "\U0010ffff"

Props = dict[str, set[tuple[str, Any]]]


def declare_adoptions(graph: PropertyGraph) -> None:
    """The Adoption table with its columns, even when no node fills it (queries name it)."""
    graph.node_tables.setdefault(ADOPTION, NodeTable(ADOPTION, dict(ADOPTION_COLUMNS)))


def add_adoptions(labels: dict[str, str], values: Values, links: ImplementationLinks) -> None:
    """Add the Adoption nodes of every (Program, Place) that some Implementation links.

    Each node holds, over its Implementations, ``firstYear``/``latestYear`` (least and greatest
    year), ``statuses`` (the distinct statuses) and ``implementations`` (how many); the node of
    one status counts only the Implementations of that status.
    """
    pairs: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for uri, programs in links.programs.items():
        for pair in product(programs, links.places.get(uri, ())):
            pairs[pair].append(uri)
    for (program, place), implementations in pairs.items():
        shared = _pair_values(values[program], values[place], program, place)
        by_status: defaultdict[str, list[str]] = defaultdict(list)
        for implementation in implementations:
            status = single_value(values[implementation], "status")
            if status is not None:
                by_status[status].append(implementation)
        for status, members in [(None, implementations), *by_status.items()]:
            uri = adoption_uri(program, place, status)
            labels[uri] = ADOPTION
            values[uri] = {**shared, **_tally(values, members, status)}


def sort_adoptions(graph: PropertyGraph) -> None:
    """Store Adoption nodes in the order the matrix lists them (all statuses first, then by status).

    Only a speed-up: the query still sorts, but the embedded engine sorts rows that are already
    in order several times faster.
    """
    table = graph.node_tables.get(ADOPTION)
    if table is not None:
        table.nodes.sort(key=lambda n: (n.properties.get("status") or "", n.properties.get("sortKey") or ""))


def adoption_uri(program: str, place: str, status: str | None = None) -> str:
    """The IRI of an Adoption: a hash of the program's and place's IRIs (and the status)."""
    digest = hashlib.sha1(f"{program} {place} {status or ''}".encode()).hexdigest()[:16]
    return ADOPTION_IRI + digest


def _pair_values(program_props: Props, place_props: Props, program: str, place: str) -> Props:
    """What every Adoption of one (Program, Place) shares: names, codes, uris, candidate, sortKey."""
    names = (single_value(program_props, "prefLabel"), single_value(place_props, "label"), program, place)
    props: Props = {
        "programUri": {("STRING", program)},
        "jurisdictionUri": {("STRING", place)},
        "candidate": {("BOOLEAN", single_value(program_props, "candidate") is True)},
        "sortKey": {("STRING", SORT_SEPARATOR.join(SORT_MISSING if v is None else str(v) for v in names))},
    }
    # Names keep their own types: the projection converts them as it converts the source column.
    for key, source, name in (
        ("program", program_props, "prefLabel"),
        ("jurisdiction", place_props, "label"),
        ("jurisdictionCode", place_props, "code"),
    ):
        typed = source.get(name)
        if typed:
            props[key] = {min(typed, key=lambda t: (str(type(t[1])), t[1]))}  # as single_value picks
    return props


def _tally(values: Values, implementations: list[str], status: str | None) -> Props:
    """Years, statuses and count of some Implementations (absent values left out, as nulls)."""
    years = [y for i in implementations if isinstance(y := single_value(values[i], "year"), int)]
    statuses = {s for i in implementations if (s := single_value(values[i], "status")) is not None}
    props: Props = {"implementations": {("INT64", len(implementations))}}
    if status is not None:
        props["status"] = {("STRING", status)}
    if years:
        props["firstYear"] = {("INT64", min(years))}
        props["latestYear"] = {("INT64", max(years))}
    if statuses:
        props["statuses"] = {("STRING", s) for s in statuses}
    return props
