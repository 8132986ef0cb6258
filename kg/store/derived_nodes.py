"""The derived nodes the projection adds for the canned queries: Adoption and ProgramSet.

Both are built from every Implementation's programs, places and documents, gathered here in one
pass over the relationships (the largest collection of a load) and shared.
"""

from __future__ import annotations

from kg.store.adoptions import add_adoptions
from kg.store.derived import ImplementationLinks, Values
from kg.store.gc_pause import paused_gc
from kg.store.program_sets import add_program_sets


def add_derived_nodes(labels: dict[str, str], values: Values, links: ImplementationLinks) -> None:
    """Add the Adoption and ProgramSet nodes (docs/schema.md) to ``labels`` and ``values``, from
    the Implementations' links (:func:`kg.store.derived.implementation_links`)."""
    with paused_gc():  # a few hundred thousand small sets and dicts beside a heap of millions
        add_adoptions(labels, values, links)
        add_program_sets(labels, values, links)
