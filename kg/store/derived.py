"""Derived data the projection adds for the canned queries (docs/schema.md, "Derived").

Not in the RDF: computed once per load from it, in linear time, so queries at scale avoid joins
the embedded engine can only do row by row. Both backends get them (they are part of the
projection), so the same Cypher runs on either.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import product
from typing import Any

from kg.datamodel import ASSERTION_CLASSES
from kg.store.records import ColumnType

IN_DOCUMENT = "inDocument"
# Assertions: the labels whose nodes get the inDocument shortcut.
ASSERTION_LABELS = frozenset(ASSERTION_CLASSES)  # the classes declared.py gives the document columns
# Columns of planned implementations: the first later report of the same program in the same place.
REPORTED_COLUMNS = {"reportedYear": ColumnType("INT64"), "reportedStatus": ColumnType("STRING")}
_REPORTED_RANK = {"done": 2, "ongoing": 1}
# Columns of every assertion with a document: what queries read of its document and of the
# document's jurisdiction, so they sort and filter without joining them row by row.
DOCUMENT_COLUMNS = {
    "documentName": ColumnType("STRING"),
    "documentSummaryYear": ColumnType("INT64"),
    "jurisdictionLabel": ColumnType("STRING"),
    "jurisdictionUri": ColumnType("STRING"),
}

RelKey = tuple[str, str, str]
Values = dict[str, dict[str, set[tuple[str, Any]]]]
# The relationships between nodes grouped by the predicate's local name: name -> (start, end)
# uri pairs, each pair once. Each derivation reads the few names it needs instead of walking
# every relationship of the corpus (a million at a thousand documents).
Links = Mapping[str, Collection[tuple[str, str]]]
# What the derived nodes read of an Implementation: its status and its year (None when absent).
Fact = tuple[str | None, int | None]


def group_links(rel_keys: Iterable[RelKey]) -> dict[str, list[tuple[str, str]]]:
    """``(start, name, end)`` relationship keys grouped by name (each key is kept once)."""
    links: dict[str, list[tuple[str, str]]] = {}
    for s, name, o in set(rel_keys):
        links.setdefault(name, []).append((s, o))
    return links


def document_shortcuts(labels: dict[str, str], links: Links) -> set[tuple[str, str]]:
    """``(assertion, document)`` pairs of ``inDocument``: each assertion whose evidence names its document.

    A shortcut of ``hasEvidence`` → ``hasDocument``: queries that group assertions by document
    skip the Evidence table, the largest one, and an assertion with several sentences still
    counts once per document.
    """
    document_of = {
        s: o for s, o in links.get("document", ()) if labels[s] == "Evidence" and labels[o] == "Document"
    }
    return {
        (s, document_of[o])
        for s, o in links.get("evidence", ())
        if o in document_of and labels[s] in ASSERTION_LABELS
    }


def add_reported(labels: dict[str, str], values: Values, links: Links | ImplementationLinks) -> None:
    """Set ``reportedYear``/``reportedStatus`` on planned implementations that a report follows up.

    A plan of year Y for program P in place L is reported when an implementation of P in L with
    status done or ongoing has a year ≥ Y: ``reportedYear`` is the least such year and
    ``reportedStatus`` is done if any of them is done, else ongoing.
    """
    by_implementation = implementation_links(labels, links)
    programs, places = by_implementation.programs, by_implementation.places
    reports: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
    plans: list[tuple[str, int, list[tuple[str, str]]]] = []
    for uri, its_programs in programs.items():  # an Implementation without a program has no pairs
        pairs = list(product(its_programs, places.get(uri, ())))
        if not pairs:
            continue
        status, year = single_value(values[uri], "status"), single_value(values[uri], "year")
        if not isinstance(year, int):
            continue
        if status in _REPORTED_RANK:
            for key in pairs:
                reports[key].append((year, _REPORTED_RANK[status]))
        elif status == "planned":
            plans.append((uri, year, pairs))
    for uri, plan_year, keys in plans:
        later = [report for key in keys for report in reports.get(key, ()) if report[0] >= plan_year]
        if later:
            status = "done" if max(rank for _, rank in later) == 2 else "ongoing"
            values[uri]["reportedYear"] = {("INT64", min(year for year, _ in later))}
            values[uri]["reportedStatus"] = {("STRING", status)}


def add_document_context(labels: dict[str, str], values: Values, links: Links) -> None:
    """Copy each assertion's document name and summary year and its jurisdiction onto it.

    ``documentName`` is the document's title, else its path, else its IRI (what queries show);
    ``documentSummaryYear`` its summary year; ``jurisdictionLabel``/``jurisdictionUri`` the label
    and IRI of the document's jurisdiction. An assertion belongs to one document (its IRI hashes
    the document's) and a document has at most one jurisdiction (shapes.ttl), so each is single
    valued. Needs the ``inDocument`` shortcuts in ``links``.
    """
    jurisdiction_of = {s: o for s, o in links.get("jurisdiction", ()) if labels[s] == "Document"}
    context: dict[str, dict[str, tuple[tuple[str, Any]]]] = {}
    for s, document in links.get(IN_DOCUMENT, ()):
        shared = context.get(document)
        if shared is None:
            shared = context[document] = _document_context(document, jurisdiction_of.get(document), values)
        values[s].update(shared)  # one-tuples are immutable: every assertion shares its document's


def _document_context(
    document: str, jurisdiction: str | None, values: Values
) -> dict[str, tuple[tuple[str, Any]]]:
    """The :data:`DOCUMENT_COLUMNS` values one document gives its assertions (absent ones left out)."""
    props = values.get(document, {})
    names = (_typed(props, "title"), _typed(props, "path"), ("STRING", document))
    context = {"documentName": (next(typed for typed in names if typed is not None),)}
    year = _typed(props, "summaryYear")
    if year is not None:
        context["documentSummaryYear"] = (year,)
    if jurisdiction is not None:
        context["jurisdictionUri"] = (("STRING", jurisdiction),)
        label = _typed(values.get(jurisdiction, {}), "label")
        if label is not None:
            context["jurisdictionLabel"] = (label,)
    return context


@dataclass
class ImplementationLinks:
    """Each Implementation's programs, places and documents (uri -> set of uris), and the
    status and year of those with a program once :meth:`read_facts` has read them."""

    programs: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    places: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    documents: defaultdict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    facts: dict[str, Fact] = field(default_factory=dict)

    def read_facts(self, values: Values) -> dict[str, Fact]:
        """The status and year of every Implementation with a program, read from ``values`` once.

        The derived nodes read Implementations only through these, so a bulk load can write the
        Implementation table (popping its values) while they are derived.
        """
        facts = self.facts
        if len(facts) < len(self.programs):
            for uri in self.programs:
                if uri not in facts:
                    facts[uri] = implementation_fact(values[uri])
        return facts


def implementation_fact(props: dict[str, Any]) -> Fact:
    """An Implementation's status and year (a year that is no integer counts as absent)."""
    year = single_value(props, "year")
    return single_value(props, "status"), year if isinstance(year, int) else None


def implementation_links(
    labels: dict[str, str], links: Links | Iterable[RelKey] | ImplementationLinks
) -> ImplementationLinks:
    """The programs, places and documents (``inDocument``) of every Implementation.

    ``links`` are grouped by name (:data:`Links`), or ``(start, name, end)`` keys to group first,
    or the links already gathered, returned as they are: the projection gathers them once and
    hands them to every derivation (:func:`add_reported`, the derived nodes).
    """
    if isinstance(links, ImplementationLinks):
        return links
    grouped = links if isinstance(links, Mapping) else group_links(links)
    found = ImplementationLinks()
    targets = (("program", found.programs), ("place", found.places), (IN_DOCUMENT, found.documents))
    for name, target in targets:
        for s, o in grouped.get(name, ()):
            if labels[s] == "Implementation":
                target[s].add(o)
    return found


def _typed(props: dict[str, set[tuple[str, Any]]], key: str) -> tuple[str, Any] | None:
    """The (type, value) pair :func:`single_value` picks, or None: a copy keeps the stored type."""
    value = single_value(props, key)
    if value is None:
        return None
    return next(typed for typed in props[key] if typed[1] == value and type(typed[1]) is type(value))


def single_value(props: dict[str, set[tuple[str, Any]]], key: str) -> Any:
    """The value of a single-valued property (the smallest if several, as the projection keeps)."""
    typed = props.get(key)
    if not typed:
        return None
    if len(typed) == 1:  # the common case, called for every Implementation
        return next(iter(typed))[1]
    return min((value for _, value in typed), key=lambda v: (str(type(v)), v))
