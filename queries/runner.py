"""Run canned queries and ad-hoc statements against a :class:`~kg.store.base.GraphStore`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kg.queries.catalogue import CannedQuery, get_query
from kg.queries.header import QueryHeader
from kg.queries.name_cache import cached_name_index
from kg.queries.names import NameIndex
from kg.queries.params import bind_parameters
from kg.queries.readonly import ensure_read_only
from kg.queries.tokens import inline_null_parameters, inline_parameters

from kg.store.base import GraphStore, QueryResult


class QueryRunner:
    """Runs canned queries on one store, reading the name index once and only when needed."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._index: NameIndex | None = None

    def name_index(self) -> NameIndex:
        """The store's name index (read or built on first use; call :meth:`refresh` after writes)."""
        if self._index is None:
            self._index = cached_name_index(self.store)
        return self._index

    def refresh(self) -> None:
        """Forget the name index so the next resolution reads the store again."""
        self._index = None

    def bind(self, query: CannedQuery | str, raw: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The Cypher parameters a canned query would run with (names resolved to uris)."""
        canned = get_query(query) if isinstance(query, str) else query
        return bind_parameters(canned.header, raw or {}, self.name_index)

    def run_canned(self, query: CannedQuery | str, raw: Mapping[str, Any] | None = None) -> QueryResult:
        """Run a canned query read-only with user values ``raw`` (text or typed)."""
        canned = get_query(query) if isinstance(query, str) else query
        params = bind_parameters(canned.header, raw or {}, self.name_index)
        ensure_read_only(canned.text)
        text, params = inline_parameters(canned.text, params, literal_parameters(canned.header, params))
        result = self.store.run(text, params, read_only=True)
        # Both engines name columns by the RETURN aliases; keep the header's order regardless.
        rows = _reorder(result, canned.header.columns)
        _sort_sets(rows, [canned.header.columns.index(name) for name in canned.header.sets])
        return QueryResult(list(canned.header.columns), rows)

    def run_statement(
        self, cypher: str, params: Mapping[str, Any] | None = None, *, allow_write: bool = False
    ) -> QueryResult:
        """Run one ad-hoc statement; writes are refused unless ``allow_write``."""
        if not allow_write:
            ensure_read_only(cypher)
        cypher, bound = inline_null_parameters(cypher, dict(params or {}))
        result = self.store.run(cypher, bound, read_only=not allow_write)
        if allow_write:
            self.refresh()  # a write may have added names
        return result


def literal_parameters(header: QueryHeader, params: Mapping[str, Any]) -> set[str]:
    """The parameters a canned query runs with as literals: nulls, and bound flags, counts and choices.

    The embedded engine folds constant expressions (``CASE WHEN false …``, ``null IS NULL``) and
    skips stored data from a literal compared with a column, but does neither for a parameter:
    co-adoption with ``$candidates`` as a literal reads one list column instead of four. A value
    is inlined only when it has its declared type (a choice only when it is one of the choices);
    names and free text stay parameters.
    """
    names = {name for name, value in params.items() if value is None}
    for param in header.params:
        value = params.get(param.name)
        if (
            (param.type == "bool" and isinstance(value, bool))
            or (param.type == "int" and isinstance(value, int) and not isinstance(value, bool))
            or (param.type == "choice" and isinstance(value, str) and value in param.choices)
        ):
            names.add(param.name)
    return names


def _reorder(result: QueryResult, columns: tuple[str, ...]) -> list[list[Any]]:
    """Rows with values in ``columns`` order; a declared column the query lacks is an error."""
    missing = [c for c in columns if c not in result.columns]
    if missing:
        raise ValueError(f"query returned columns {result.columns}, header declares {list(columns)}")
    positions = [result.columns.index(c) for c in columns]
    if positions == list(range(len(result.columns))):
        return result.rows  # already in order: copying a large result costs as much as reading it
    return [[row[i] for i in positions] for row in result.rows]


def _sort_sets(rows: list[list[Any]], positions: list[int]) -> None:
    """Sort, in place, the list cells at ``positions`` (the header's ``sets``: collected names
    whose order is the engine's scan order, which differs between runs and engines)."""
    for row in rows:
        for i in positions:
            if isinstance(row[i], list):
                row[i] = sorted(row[i], key=_set_item_key)


def _set_item_key(value: Any) -> tuple[bool, str, Any]:
    """Order for a set's items: nulls last, else by type name, then value."""
    return (value is None, type(value).__name__, value if value is not None else "")


def run_canned(store: GraphStore, name: str, raw: Mapping[str, Any] | None = None) -> QueryResult:
    """One-shot convenience: run canned query ``name`` on ``store``."""
    return QueryRunner(store).run_canned(name, raw)
