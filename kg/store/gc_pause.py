"""Pause Python's cyclic garbage collector while building many small acyclic objects."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector for the block, restoring its previous state after.

    Query rows, name indexes and derived nodes are strings, numbers, lists, sets and dicts that
    form no cycles, yet creating hundreds of thousands of them sets off collections that walk
    every live object again and again (a large result: two thirds of its conversion time).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
