"""Node tables as Arrow columns, for the bulk load: no Python object per node.

:func:`kg.store.tables.fill_node_tables` gives every node a :class:`~kg.store.records.Node` with a
property dict, which the sync and exports read; the bulk load only writes each table as Parquet.
For it, :func:`fill_node_columns` gathers each label's values straight into one Python list per
property (a node's value at its position), settles the column types exactly as the row tables do,
and hands the lists to Arrow, which sorts the rows by uri. At half a million nodes this skips
building, sorting and converting a dict per node (the same table, column by column).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from functools import partial
from operator import itemgetter
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from kg.store.accumulator import Values
from kg.store.declared import PRIMARY_LABELS, declared_columns
from kg.store.records import BaseType, ColumnType, NodeTable, PropertyGraph
from kg.store.tables import coerce_values, column_type, convert_value

# (uri, row, key, typed values) of a property with several values, settled once columns are typed
Several = tuple[str, int, str, Collection[tuple[BaseType, Any]]]
# property key -> (each node's value, None where it has none or several; the base types seen)
Gathered = dict[str, tuple[list[Any], set[BaseType]]]


@dataclass
class ColumnarNodeTable(NodeTable):
    """A node table whose rows are an Arrow table (``uri`` then property columns), not ``nodes``.

    The rows are gathered when first read (:meth:`fill`), so the load can copy one table into the
    database while the next is gathered. ``columns`` are settled by the fill. ``data`` may lack
    columns declared after it was filled (they are null) and lists its columns in the order they
    were filled; :meth:`arrow_table` lines them up with ``columns``.
    """

    data: pa.Table | None = field(default=None, compare=False, repr=False)
    pending: Callable[[], None] | None = field(default=None, compare=False, repr=False)  # fills data
    size: int = 0  # how many rows the pending fill makes

    def fill(self) -> None:
        """Gather the rows now if they are pending (``columns`` are settled only then)."""
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending()

    def count(self) -> int:
        """How many nodes the table has (filled or not)."""
        if self.pending is not None:
            return self.size
        return len(self.nodes) if self.data is None else self.data.num_rows

    def arrow_table(self) -> pa.Table | None:
        """``uri`` and every column of ``columns``, in that order and type (absent ones null)."""
        self.fill()
        if self.data is None:
            return None
        data, size = self.data, self.data.num_rows
        arrays, names = [data.column("uri")], ["uri"]
        for name, ctype in self.columns.items():
            if name == "uri":
                continue
            wanted = ctype.arrow()
            if name in data.column_names:
                column = data.column(name)
                arrays.append(column if column.type == wanted else column.cast(wanted))
            else:
                arrays.append(pa.nulls(size, wanted))
            names.append(name)
        return pa.Table.from_arrays(arrays, names=names)

    def release(self) -> None:
        """Drop the rows once they are written (the bulk load's memory)."""
        self.nodes, self.data, self.pending = [], None, None


def uris_by_label(labels: dict[str, str]) -> dict[str, list[str]]:
    """label -> the uris of its nodes, in ``labels``' order (what :func:`fill_node_columns` takes)."""
    by_label: dict[str, list[str]] = {}
    for uri, label in labels.items():
        by_label.setdefault(label, []).append(uri)
    return by_label


def fill_node_columns(
    graph: PropertyGraph,
    by_label: dict[str, list[str]],
    values: Values,
    warnings: list[str],
    settle: Callable[[NodeTable], None] | None = None,
    *,
    keep: Callable[[str], bool] = lambda label: True,
) -> None:
    """:func:`kg.store.tables.fill_node_tables` with each table's rows as Arrow columns, gathered
    when the table is first read (:meth:`ColumnarNodeTable.fill`).

    The same columns, types, values, row order (by uri) and warnings, once every table is filled;
    ``values`` is consumed as they are. ``settle`` is called on each table once its columns are
    settled: at once for a table without nodes, else right after its fill. ``by_label`` holds
    the nodes' uris by label (:func:`uris_by_label`); only the labels ``keep`` accepts are
    declared (the rest is left to another call, which can share the grouping).
    """
    tables = graph.node_tables
    for label in PRIMARY_LABELS:
        if keep(label):
            tables[label] = ColumnarNodeTable(label, declared_columns(label))
    for label, uris in sorted(by_label.items()):
        if not keep(label):
            continue
        table = tables.get(label)
        if not isinstance(table, ColumnarNodeTable):  # undeclared, or declared by a derivation
            table = tables[label] = ColumnarNodeTable(
                label, table.columns if table is not None else declared_columns(label)
            )
        table.pending, table.size = partial(_fill_table, table, uris, values, warnings, settle), len(uris)
    for label, table in tables.items():
        if settle is not None and keep(label) and table.count() == 0:
            settle(table)


def _fill_table(
    table: ColumnarNodeTable,
    uris: list[str],
    values: Values,
    warnings: list[str],
    settle: Callable[[NodeTable], None] | None,
) -> None:
    """Gather the rows of ``table`` (:func:`_arrow_rows`), then let ``settle`` adjust it."""
    table.data = _arrow_rows(table, uris, values, warnings)
    if settle is not None:
        settle(table)


def _arrow_rows(table: NodeTable, uris: list[str], values: Values, warnings: list[str]) -> pa.Table:
    """The rows of ``uris`` sorted by uri: ``uri`` then the observed columns in key order.

    Settles ``table.columns`` as :func:`kg.store.tables.fill_node_tables` does.
    """
    gathered, several = _gather(uris, values)
    columns = table.columns
    for key, (_, bases) in sorted(gathered.items()):
        columns[key] = column_type(key, columns.get(key), bases)
    for key, (column_values, bases) in gathered.items():
        column = columns[key]
        if column.is_list or bases != {column.base}:
            _coerce_single_values(column_values, column)
    several.sort(key=itemgetter(0, 2))  # in node and key order, as the warnings read
    for uri, row, key, typed in several:
        gathered[key][0][row] = coerce_values(uri, key, columns[key], typed, warnings)
    names = sorted(key for key in gathered if key != "uri")
    uri_array = pa.array(uris, pa.string())
    arrays = [uri_array, *(pa.array(gathered[key][0], columns[key].arrow()) for key in names)]
    return pa.Table.from_arrays(arrays, names=["uri", *names]).take(pc.sort_indices(uri_array))


def _gather(uris: list[str], values: Values) -> tuple[Gathered, list[Several]]:
    """Per property key, the value of each node (None where it has none or several) and the base
    types seen; the properties with several values are listed apart. Pops each node's values."""
    size = len(uris)
    gathered: dict[str, tuple[list[Any], set[BaseType]]] = {}
    several: list[Several] = []
    for row, uri in enumerate(uris):
        for key, typed in values.pop(uri).items():
            entry = gathered.get(key)
            if entry is None:
                entry = gathered[key] = ([None] * size, set())
            if len(typed) == 1:  # the common case, kept cheap for large loads
                (base, entry[0][row]), = typed
                entry[1].add(base)
            else:
                entry[1].update(base for base, _ in typed)
                several.append((uri, row, key, typed))
    return gathered, several


def _coerce_single_values(column_values: list[Any], column: ColumnType) -> None:
    """Convert the one-valued entries of a column to its type (or one-item lists), in place.

    Entries still None are absent or have several values (coerced by the caller).
    """
    base, is_list = column.base, column.is_list
    for row, value in enumerate(column_values):
        if value is not None:
            converted = convert_value(value, base)
            column_values[row] = [converted] if is_list else converted
