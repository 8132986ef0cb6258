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
from collections.abc import Collection
from itertools import product
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from kg.store.derived import Fact, ImplementationLinks, Values, single_value
from kg.store.node_columns import ColumnarNodeTable
from kg.store.records import ColumnType, Node, NodeTable, PropertyGraph

ADOPTION = "Adoption"
ADOPTION_IRI = "https://w3id.org/regkg/id/adoption/"
ADOPTION_COLUMNS = {
    "uri": ColumnType("STRING"),
    "status": ColumnType("STRING"),  # null on the node over all statuses
    "statusCode": ColumnType("INT64"),  # STATUS_CODES[status], 0 over all statuses
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
# statusCode: the status as a number. The matrix selects its rows by it, and the nodes are stored in
# its order, so the embedded engine skips the other statuses' nodes from its zone maps (a literal
# number compared with an INT64 column) instead of reading and filtering every node.
STATUS_CODES = {"done": 1, "ongoing": 2, "planned": 3}
ALL_STATUSES_CODE = 0

# Typed values per property, as the accumulator keeps them (kg.store.accumulator.Values): a node's
# own values are one-tuples (or a tuple of distinct statuses), a quarter of a set's memory, which
# matters at a hundred thousand Adoptions.
Props = dict[str, Collection[tuple[str, Any]]]


def declare_adoptions(graph: PropertyGraph) -> None:
    """The Adoption table with its columns, even when no node fills it (queries name it)."""
    graph.node_tables.setdefault(ADOPTION, NodeTable(ADOPTION, dict(ADOPTION_COLUMNS)))


def add_adoptions(labels: dict[str, str], values: Values, links: ImplementationLinks) -> None:
    """Add the Adoption nodes of every (Program, Place) that some Implementation links.

    Each node holds, over its Implementations, ``firstYear``/``latestYear`` (least and greatest
    year), ``statuses`` (the distinct statuses) and ``implementations`` (how many); the node of
    one status counts only the Implementations of that status.
    """
    groups: defaultdict[tuple[str, str], list[Fact]] = defaultdict(list)
    facts = links.read_facts(values)
    for uri, programs in links.programs.items():
        fact = facts[uri]  # read once, though the implementation may count in several pairs
        for pair in product(programs, links.places.get(uri, ())):
            groups[pair].append(fact)
    names = _NameCopies(values)
    # 68,000 pairs at N = 1,000 have 4,900 distinct (status, year) sequences: each is
    # tallied once. The tallies are only read (merged into each node's own dict), so sharing is safe.
    tallies: dict[tuple[Fact, ...], list[tuple[str | None, Props]]] = {}
    for (program, place), facts in groups.items():
        shared = names.pair_values(program, place)
        key = tuple(facts)
        by_status = tallies.get(key)
        if by_status is None:
            by_status = tallies[key] = _status_tallies(key)
        for status, tally in by_status:
            uri = adoption_uri(program, place, status)
            labels[uri] = ADOPTION
            values[uri] = {**shared, **tally}


def _status_tallies(facts: tuple[Fact, ...]) -> list[tuple[str | None, Props]]:
    """The tally over all ``facts`` (status None), then one per status in the order first seen."""
    by_status: defaultdict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        if fact[0] is not None:
            by_status[fact[0]].append(fact)
    groups = [(None, list(facts)), *by_status.items()]
    return [(status, _tally(members, status)) for status, members in groups]


def sort_adoptions(graph: PropertyGraph) -> None:
    """Store Adoption nodes in the order the matrix lists them: by ``statusCode``, then ``sortKey``.

    The nodes of one status then sit together, so a scan for one ``statusCode`` skips the rest;
    and although the query still sorts, the embedded engine sorts rows already in order faster.
    """
    table = graph.node_tables.get(ADOPTION)
    if table is not None:
        sort_adoption_rows(table)


def sort_adoption_rows(table: NodeTable) -> None:
    """Sort the rows of the Adoption table (:func:`sort_adoptions`), as nodes or Arrow columns."""
    if isinstance(table, ColumnarNodeTable):
        table.fill()  # a no-op when called as the fill settles the table
        if table.data is not None:
            table.data = _sorted_rows(table.data)
    else:
        table.nodes.sort(key=_stored_order)


# The stored order's code for an Adoption without a status: after every known status.
UNKNOWN_STATUS_CODE = len(STATUS_CODES) + 1


def _sorted_rows(data: pa.Table) -> pa.Table:
    """Arrow rows (sorted by uri) in :func:`_stored_order`, the uri breaking ties as the stable sort did."""
    code = data.column("statusCode") if "statusCode" in data.column_names else pa.nulls(len(data), pa.int64())
    sort_key = data.column("sortKey") if "sortKey" in data.column_names else pa.nulls(len(data), pa.string())
    keys = pa.table({
        "code": pc.fill_null(code, UNKNOWN_STATUS_CODE),
        "sortKey": pc.fill_null(sort_key, ""),
        "uri": data.column("uri"),
    })
    return data.take(pc.sort_indices(keys, sort_keys=[(name, "ascending") for name in keys.column_names]))


def _stored_order(node: Node) -> tuple[int, str]:
    """Sort key of a stored Adoption: its status code (unknown statuses last), then its sortKey."""
    code = node.properties.get("statusCode")
    return (UNKNOWN_STATUS_CODE if code is None else code, node.properties.get("sortKey") or "")


def adoption_uri(program: str, place: str, status: str | None = None) -> str:
    """The IRI of an Adoption: a hash of the program's and place's IRIs (and the status)."""
    digest = hashlib.sha1(f"{program} {place} {status or ''}".encode()).hexdigest()[:16]
    return ADOPTION_IRI + digest


class _NameCopies:
    """The program's and place's properties Adoptions copy, read once per program and per place.

    Tens of thousands of (program, place) pairs share a few thousand programs and places; the
    copied value sets are shared between their nodes, which only read them. Each is kept with its
    name as it enters the sortKey, so a pair only joins two strings and two IRIs.
    """

    def __init__(self, values: Values) -> None:
        self.values = values
        self.programs: dict[str, tuple[Props, str]] = {}
        self.places: dict[str, tuple[Props, str]] = {}

    def pair_values(self, program: str, place: str) -> Props:
        """What every Adoption of one (Program, Place) shares: names, codes, uris, candidate, sortKey."""
        of_program = self.programs.get(program)
        if of_program is None:
            of_program = self.programs[program] = self._program_values(program)
        of_place = self.places.get(place)
        if of_place is None:
            of_place = self.places[place] = self._place_values(place)
        (program_copies, program_name), (place_copies, place_name) = of_program, of_place
        sort_key = SORT_SEPARATOR.join((program_name, place_name, program, place))
        return {**program_copies, **place_copies, "sortKey": (("STRING", sort_key),)}

    def _program_values(self, program: str) -> tuple[Props, str]:
        props = self.values[program]
        copies = _copies(props, {"program": "prefLabel"})
        copies["programUri"] = (("STRING", program),)
        copies["candidate"] = (("BOOLEAN", single_value(props, "candidate") is True),)
        return copies, _sort_name(copies, "program")

    def _place_values(self, place: str) -> tuple[Props, str]:
        copies = _copies(self.values[place], {"jurisdiction": "label", "jurisdictionCode": "code"})
        copies["jurisdictionUri"] = (("STRING", place),)
        return copies, _sort_name(copies, "jurisdiction")


def _copies(source: Props, keys: dict[str, str]) -> Props:
    """``source``'s values of the properties named in ``keys`` (target -> source name), as single_value picks.

    Names keep their own types: the projection converts them as it converts the source column.
    """
    props: Props = {}
    for key, name in keys.items():
        typed = source.get(name)
        if typed:
            props[key] = (min(typed, key=lambda t: (str(type(t[1])), t[1])),)
    return props


def _sort_name(props: Props, key: str) -> str:
    """The one value of a copied name as the sortKey holds it (a missing name sorts last)."""
    typed = props.get(key)
    return str(next(iter(typed))[1]) if typed else SORT_MISSING


def _tally(facts: list[Fact], status: str | None) -> Props:
    """Years, statuses and count of some Implementations (absent values left out, as nulls)."""
    years = [year for _, year in facts if year is not None]
    statuses = {s for s, _ in facts if s is not None}
    props: Props = {
        "implementations": (("INT64", len(facts)),),
        "statusCode": (("INT64", ALL_STATUSES_CODE if status is None else STATUS_CODES.get(status)),),
    }
    if status is not None:
        props["status"] = (("STRING", status),)
        if status not in STATUS_CODES:  # a status the matrix does not offer: no code
            del props["statusCode"]
    if years:
        props["firstYear"] = (("INT64", min(years)),)
        props["latestYear"] = (("INT64", max(years)),)
    if statuses:
        props["statuses"] = tuple(("STRING", s) for s in sorted(statuses))
    return props
