"""Rows of a LadybugDB query result as plain Python values, read column by column through Arrow.

``QueryResult.get_all()`` builds every value in Python one row at a time, and the values then go
through :func:`kg.store.values.from_ladybug`; for a large table of scalars (the 39,000-row
adoption matrix at a thousand documents) that is most of a query's time. When every column is a
scalar or a list of scalars the result is fetched as an Arrow table instead and each column
converted in one call; nodes, relationships, paths, maps and other types take the general path.
"""

from __future__ import annotations

from typing import Any

from kg.store.gc_pause import paused_gc
from kg.store.values import from_ladybug

# LadybugDB column types whose Arrow values convert to the same Python values get_all() returns.
SCALAR_TYPES = frozenset({
    "STRING", "BOOL", "DOUBLE", "FLOAT",
    "INT64", "INT32", "INT16", "INT8", "UINT64", "UINT32", "UINT16", "UINT8",
})  # fmt: skip


def result_rows(result: Any) -> list[list[Any]]:
    """Every row of a LadybugDB ``QueryResult``, values normalized as :func:`from_ladybug` does."""
    with paused_gc():
        types = result.get_column_data_types()
        if types and all(is_plain_type(t) for t in types):  # a write or DDL statement has no columns
            return rows_from_arrow(result.get_as_arrow())
        return [[from_ladybug(v) for v in row] for row in result.get_all()]


def is_plain_type(type_name: str) -> bool:
    """Whether a column type is a scalar or a list of scalars (``STRING``, ``INT64[]`` …)."""
    return type_name.removesuffix("[]") in SCALAR_TYPES


def rows_from_arrow(table: Any) -> list[list[Any]]:
    """Rows of a ``pyarrow.Table``: each column converted to Python at once, then zipped."""
    columns = [column_values(column) for column in table.columns]
    if not columns:
        return []
    # map(list, …) builds the row lists in C: half the time of a comprehension over 39,000 rows.
    return list(map(list, zip(*columns, strict=True)))


# A string column at least this long is dictionary-encoded first when its values repeat enough.
DICTIONARY_MIN_ROWS = 1000


def column_values(column: Any) -> list[Any]:
    """The Python values of a ``pyarrow.ChunkedArray``, as ``to_pylist()`` gives them.

    Decoding UTF-8 into Python strings is most of the conversion, and a matrix repeats a few
    thousand program and place names and IRIs over tens of thousands of rows: a long string
    chunk whose distinct values are at most half its rows is dictionary-encoded, each distinct
    string decoded once and the rows made from the indices (adoption-matrix at a thousand
    documents: 48 -> 28 ms for its 39,000 rows). Equal strings then share one object, which no
    caller can tell apart.
    """
    import pyarrow as pa  # only stores that return Arrow reach here

    if not pa.types.is_string(column.type) or len(column) < DICTIONARY_MIN_ROWS:
        return column.to_pylist()
    values: list[Any] = []
    for chunk in column.chunks:
        encoded = chunk.dictionary_encode()
        if 2 * len(encoded.dictionary) > len(chunk):  # mostly distinct: the encoding does not pay
            values.extend(chunk.to_pylist())
            continue
        words = encoded.dictionary.to_pylist()
        indices = encoded.indices
        if indices.null_count:  # nulls index one None past the words
            words.append(None)
            indices = indices.fill_null(len(words) - 1)
        values.extend(map(words.__getitem__, indices.to_pylist()))
    return values
