"""Derived ProgramSet nodes: which programs each document and each place ran (docs/schema.md).

Co-adoption pairs up the programs run in the same document or place. Finding them at query time
joins every Implementation with its program, place and document and groups the result, which took
the embedded engine about half a second at a thousand documents. The projection therefore adds one
``ProgramSet`` node per document and per place with the distinct program IRIs of its
Implementations, in four lists: with or without candidate programs, with or without plans.
Each list comes twice: as IRIs and as the programs' ``uriHash`` numbers, which the embedded engine
pairs and counts about three times faster than strings (co-adoption groups 650,000 pairs at a
thousand documents); the query reads the programs' IRIs back only for the counted pairs.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict

from kg.store.derived import ImplementationLinks, Values, single_value
from kg.store.records import ColumnType, NodeTable, PropertyGraph

PROGRAM_SET = "ProgramSet"
PROGRAM_SET_IRI = "https://w3id.org/regkg/id/programset/"
# List property -> (candidate programs included, planned implementations included).
PROGRAM_LISTS = {
    "reported": (False, False),
    "reportedAll": (True, False),
    "programs": (False, True),
    "programsAll": (True, True),
}
HASHES_SUFFIX = "Hashes"  # reported -> reportedHashes: the same list as uriHash numbers
PROGRAM_SET_COLUMNS = {
    "uri": ColumnType("STRING"),
    "by": ColumnType("STRING"),  # document | jurisdiction
    "context": ColumnType("STRING"),  # the document's or place's IRI
    "name": ColumnType("STRING"),  # its title (else path, else IRI) or the place's label
    **{key: ColumnType("STRING", is_list=True) for key in PROGRAM_LISTS},
    **{key + HASHES_SUFFIX: ColumnType("INT64", is_list=True) for key in PROGRAM_LISTS},
}
# The number standing for a program's IRI in the hashed lists, set on every listed Program.
URI_HASH = "uriHash"

Props = dict[str, set[tuple[str, object]]]


def declare_program_sets(graph: PropertyGraph) -> None:
    """The ProgramSet table with its columns, even when no node fills it (queries name it)."""
    graph.node_tables.setdefault(PROGRAM_SET, NodeTable(PROGRAM_SET, dict(PROGRAM_SET_COLUMNS)))


def add_program_sets(labels: dict[str, str], values: Values, links: ImplementationLinks) -> None:
    """Add a ProgramSet node per document and per place that an Implementation names.

    An Implementation counts when it has a program, a place and a document (``inDocument``);
    it is *reported* when its status is set and is not ``planned``.
    """
    lists: defaultdict[tuple[str, str], defaultdict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    keys_of: dict[tuple[str, bool], list[str]] = {}  # (program, reported) -> the lists it goes in
    facts = links.read_facts(values)
    for uri, documents in links.documents.items():
        programs, places = links.programs.get(uri), links.places.get(uri)
        if not (programs and places):
            continue
        status = facts[uri][0]
        reported = status is not None and status != "planned"
        contexts = [lists[("document", d)] for d in documents] + [lists[("jurisdiction", p)] for p in places]
        for program in programs:
            keys = keys_of.get((program, reported))
            if keys is None:  # a few thousand programs for a hundred thousand implementations
                keys = keys_of[program, reported] = _list_keys(values[program], reported)
            for of_context in contexts:
                for key in keys:
                    of_context[key].add(program)
    hashes: dict[str, int] = {}
    for (by, context), programs_by_key in lists.items():
        uri = program_set_uri(by, context)
        labels[uri] = PROGRAM_SET
        values[uri] = _program_set_values(values[context], by, context, programs_by_key, hashes)
    _check_distinct(hashes)
    for program, number in hashes.items():
        values[program][URI_HASH] = {("INT64", number)}


def _list_keys(program_props: Props, reported: bool) -> list[str]:
    """The lists (:data:`PROGRAM_LISTS`) a program goes in from an Implementation reported or not."""
    candidate = single_value(program_props, "candidate") is True
    return [
        key for key, (with_candidates, with_plans) in PROGRAM_LISTS.items()
        if (with_candidates or not candidate) and (with_plans or reported)
    ]


def uri_hash(uri: str) -> int:
    """A program's IRI as a signed 64-bit number: the first 8 bytes of its SHA-1.

    Stable (a function of the IRI alone, so a sync never has to renumber) and, for the few
    thousand programs of a corpus, distinct but with a chance of about 1e-12.
    """
    return int.from_bytes(hashlib.sha1(uri.encode()).digest()[:8], "big", signed=True)


class UriHashCollision(ValueError):
    """Two programs' IRIs share a :func:`uri_hash`: co-adoption would count them as one."""


def _check_distinct(hashes: dict[str, int]) -> None:
    """Fail the load rather than answer wrongly when two programs share a hash (odds ~1e-12)."""
    if len(set(hashes.values())) == len(hashes):
        return
    seen: dict[int, str] = {}
    for uri, number in hashes.items():
        if number in seen:
            raise UriHashCollision(f"programs {seen[number]} and {uri} share the uriHash {number}")
        seen[number] = uri


def program_set_uri(by: str, context: str) -> str:
    """The IRI of the ProgramSet of a document or place (a hash of the kind and the IRI)."""
    return PROGRAM_SET_IRI + hashlib.sha1(f"{by} {context}".encode()).hexdigest()[:16]


def _program_set_values(
    context_props: Props, by: str, context: str, programs: dict[str, set[str]], hashes: dict[str, int]
) -> Props:
    """The typed properties of one ProgramSet (an empty list is left out, as null).

    ``hashes`` caches :func:`uri_hash` of the programs seen so far (and gains the new ones).
    """
    names = ("title", "path") if by == "document" else ("label",)
    name = next((v for v in (single_value(context_props, n) for n in names) if v is not None), None)
    if name is None and by == "document":
        name = context  # coalesce(d.title, d.path, d.uri)
    props: Props = {"by": {("STRING", by)}, "context": {("STRING", context)}}
    if name is not None:
        props["name"] = {("STRING", str(name))}
    for key, uris in programs.items():
        props[key] = {("STRING", uri) for uri in uris}
        for uri in uris:
            if uri not in hashes:
                hashes[uri] = uri_hash(uri)
        props[key + HASHES_SUFFIX] = {("INT64", hashes[uri]) for uri in uris}
    return props
