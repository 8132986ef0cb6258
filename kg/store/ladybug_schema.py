"""LadybugDB DDL and bulk-load files for a projected :class:`PropertyGraph`.

One node table per primary label (``uri`` is the primary key, typed columns after it) and one
relationship table per type listing every (FROM, TO) label pair. Data goes in with ``COPY FROM``
Parquet files written here, column order matching the DDL, instead of row-by-row ``MERGE``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from kg.store.heap import return_freed_memory
from kg.store.records import NodeTable, PropertyGraph, Relationship, RelTable

# The files live only until their COPY, on the store's own disk: compressing them costs CPU to
# write and again to read (N=1000: ~0.9 s of a load's CPU for 53 instead of 158 MB on disk).
# Dictionary encoding stays on: turning it and the statistics off as well was no faster and
# doubled the files again.
PARQUET_OPTIONS: dict[str, str] = {"compression": "none"}
# Relationship type -> (label pair, the COPY of its file) of each file written.
RelCopies = dict[str, list[tuple[tuple[str, str], str]]]


def quote(identifier: str) -> str:
    """Backquote an identifier: the model has property names that are keywords (``end``, ``start``)."""
    return "`" + identifier.replace("`", "``") + "`"


def _literal(value: object) -> str:
    """A single-quoted Cypher string literal (paths may contain quotes)."""
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def node_table_ddl(table: NodeTable) -> str:
    """``CREATE NODE TABLE `Place`(uri STRING PRIMARY KEY, `label` STRING, …)``."""
    columns = ["uri STRING PRIMARY KEY"]
    columns += [f"{quote(name)} {ctype.ladybug()}" for name, ctype in table.columns.items() if name != "uri"]
    return f"CREATE NODE TABLE {quote(table.label)}({', '.join(columns)})"


def rel_table_ddl(table: RelTable) -> str:
    """``CREATE REL TABLE `recipient`(FROM `Recognition` TO `Place`, FROM `Recognition` TO `Agency`)``."""
    pairs = ", ".join(f"FROM {quote(a)} TO {quote(b)}" for a, b in sorted(table.pairs))
    return f"CREATE REL TABLE {quote(table.type)}({pairs})"


def schema_ddl(graph: PropertyGraph) -> list[str]:
    """Every DDL statement for ``graph``: node tables first, since relationship tables name them."""
    statements = [node_table_ddl(t) for _, t in sorted(graph.node_tables.items())]
    return statements + _rel_ddl(graph)


def _rel_ddl(graph: PropertyGraph) -> list[str]:
    """The DDL of each relationship table that connects node tables of ``graph`` (pairs naming a
    label without a table are dropped from the tables)."""
    statements = []
    for _, table in sorted(graph.rel_tables.items()):
        table.pairs = {(a, b) for a, b in table.pairs if a in graph.node_tables and b in graph.node_tables}
        if table.pairs:
            statements.append(rel_table_ddl(table))
    return statements


def write_node_parquet(table: NodeTable, path: Path) -> Path:
    """The node table as Parquet, columns in DDL order with their declared types.

    The property dicts go to Arrow whole, as one struct array split into its fields: Arrow picks
    each column's values out in C, instead of a Python look-up per node and column.
    """
    columnar = table.arrow_table()
    if columnar is not None:  # the bulk load's tables are Arrow already
        pq.write_table(columnar, path, **PARQUET_OPTIONS)
        return path
    names = [n for n in table.columns if n != "uri"]
    arrays = [pa.array([n.uri for n in table.nodes], pa.string())]
    if names:
        fields = pa.struct([pa.field(name, table.columns[name].arrow()) for name in names])
        arrays += pa.array([n.properties for n in table.nodes], fields).flatten()
    pq.write_table(pa.Table.from_arrays(arrays, names=["uri", *names]), path, **PARQUET_OPTIONS)
    return path


def load_statements(
    graph: PropertyGraph,
    workdir: Path,
    *,
    release: bool = False,
    rel_counts: dict[str, int] | None = None,
    node_counts: dict[str, int] | None = None,
) -> Iterator[str]:
    """Every statement of a bulk load in order: each node table's DDL and ``COPY``, each
    relationship table's DDL and ``COPY``s once the tables it connects are in, and last the node
    tables no relationship names; the Parquet files are written into ``workdir``.

    The statements give the same schema as :func:`schema_ddl`. Tables are completed
    (:meth:`~kg.store.records.NodeTable.fill`) and written lazily, as the statements are advanced,
    so a caller can run one table's ``COPY`` while the next table is gathered and written. The
    node tables a projection declares in stages (:meth:`~kg.store.records.PropertyGraph.fill_node_stage`)
    come stage by stage; when the relationships do not depend on those stages
    (``relationships_need_nodes`` is False), a helper thread fills them and writes their files
    meanwhile. With ``release`` each table's rows are dropped once its files are written (the
    graph keeps its columns and label pairs) and the memory they held is handed back before the
    database fills its buffers further. ``node_counts`` and ``rel_counts`` receive the number of
    nodes of each label and relationships of each type before they are released. Closing the
    generator early stops the helper thread between two files and waits for it.
    """
    written: set[str] = set()
    rel_written: set[str] = set()

    def node_statements(tables: list[tuple[str, NodeTable]]) -> Iterator[str]:
        for label, table in tables:
            path = workdir / f"node-{len(written)}.parquet"
            written.add(label)
            yield from _node_statements(label, table, path, release, node_counts)

    def unwritten() -> list[tuple[str, NodeTable]]:
        return sorted((label, t) for label, t in graph.node_tables.items() if label not in written)

    def rel_statements(copies: RelCopies, rtypes: list[str]) -> Iterator[str]:
        for rtype in rtypes:
            rel_written.add(rtype)
            table = graph.rel_tables[rtype]
            yield rel_table_ddl(table)
            yield from (copy for pair, copy in copies.get(rtype, ()) if pair in table.pairs)

    stop = threading.Event()  # set when the statements end early: the helper thread then stops too
    try:
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="relationship-files") as helper:
            rel_files: Future[RelCopies] | None = None
            while graph.pending_nodes is not None:  # the tables declared so far, then each stage's
                yield from node_statements(unwritten())
                if rel_files is not None and rel_files.done():  # those whose tables are in
                    yield from rel_statements(rel_files.result(), _connecting(graph, written, rel_written))
                if rel_files is None and not graph.relationships_need_nodes:
                    # Arrow sorts, looks up and writes the relationships without the GIL, while this
                    # thread declares the late node tables
                    rel_files = helper.submit(_relationship_files, graph, workdir, release, rel_counts, stop)
                graph.fill_node_stage()  # it may leave a next stage pending, declared once these are in
            if rel_files is None:
                rel_files = helper.submit(_relationship_files, graph, workdir, release, rel_counts, stop)
            copies = rel_files.result()
    except BaseException:  # a failed COPY closes the statements, Ctrl-C, an error in a stage
        stop.set()
        raise
    # The relationships need only the tables they connect: they are copied before the tables
    # no relationship names (the derived nodes), which are gathered meanwhile.
    _rel_ddl(graph)  # settles the label pairs of the tables (their files hold only real pairs)
    linked = {label for rtype, t in graph.rel_tables.items() if rtype not in rel_written for pair in t.pairs
              for label in pair}
    last = unwritten()
    yield from node_statements([(label, t) for label, t in last if label in linked])
    yield from rel_statements(copies, [rtype for rtype, t in sorted(graph.rel_tables.items())
                                       if t.pairs and rtype not in rel_written])
    if release:  # Arrow's allocator keeps freed blocks for reuse; the links' C heap too
        pa.default_memory_pool().release_unused()
        return_freed_memory()
    yield from node_statements([(label, t) for label, t in last if label not in linked])


def _connecting(graph: PropertyGraph, written: set[str], rel_written: set[str]) -> list[str]:
    """The relationship tables not copied yet whose every label pair names node tables already
    copied: they can be copied now (a pair naming a table not declared yet waits for the end)."""
    return [
        rtype for rtype, t in sorted(graph.rel_tables.items())
        if rtype not in rel_written and t.pairs and all(a in written and b in written for a, b in t.pairs)
    ]


class Stopped(Exception):
    """The statements ended before the relationship files were all written."""


def _relationship_files(
    graph: PropertyGraph,
    workdir: Path,
    release: bool,
    rel_counts: dict[str, int] | None,
    stop: threading.Event | None = None,
) -> RelCopies:
    """Fill the relationship tables, count them into ``rel_counts`` and write their files; the
    label pair and ``COPY`` of each file, by type. Reads and writes only the relationship tables
    (it may run beside :meth:`~kg.store.records.PropertyGraph.fill_node_stage` when they do not
    depend on it); it gives up between two files once ``stop`` is set."""
    graph.fill_relationships(nodes_first=False)
    if rel_counts is not None:
        rel_counts.update(graph.rel_counts(nodes_first=False))
    copies: RelCopies = {}
    for rtype, pair, statement in _rel_copies(graph, workdir, release):
        if stop is not None and stop.is_set():
            raise Stopped("the load stopped")
        copies.setdefault(rtype, []).append((pair, statement))
    return copies


def _node_statements(
    label: str, table: NodeTable, path: Path, release: bool, node_counts: dict[str, int] | None
) -> Iterator[str]:
    """The DDL and ``COPY`` of one node table, its rows gathered and written to ``path`` first."""
    table.fill()  # its columns are settled once its rows are
    count = table.count()
    if node_counts is not None:
        node_counts[label] = count
    written = write_node_parquet(table, path) if count else None
    if release:
        table.release()
        return_freed_memory()  # the values its rows were gathered from, for the database's buffers
    yield node_table_ddl(table)
    if written is not None:
        yield f"COPY {quote(label)} FROM {_literal(written)}"


def _rel_copies(
    graph: PropertyGraph, workdir: Path, release: bool
) -> Iterator[tuple[str, tuple[str, str], str]]:
    """Write every relationship file, yielding (type, label pair, the ``COPY`` of the file) for each
    label pair that has relationships."""
    count = 0
    for rtype, rel_table in sorted(graph.rel_tables.items()):
        for start, end, data in _pair_columns(rel_table, release):
            path = workdir / f"rel-{count}.parquet"
            pq.write_table(data, path, **PARQUET_OPTIONS)
            count += 1
            ends = f"from={_literal(start)}, to={_literal(end)}"
            yield rtype, (start, end), f"COPY {quote(rtype)} FROM {_literal(path)} ({ends})"


def _pair_columns(rel_table: RelTable, release: bool) -> Iterator[tuple[str, str, pa.Table]]:
    """(start label, end label, ``from``/``to`` uris) of each label pair of a table that has relationships.

    A projected table's uris are taken from its node ranks in Arrow; other tables' from their
    relationship tuples, grouped in one pass. With ``release`` the table's rows are dropped first.
    """
    ranked = rel_table.ranked_ends()
    by_pair: dict[tuple[str, str], list[Relationship]] = {}
    if ranked is None:
        for rel in rel_table.relationships:  # one pass, not one per label pair
            by_pair.setdefault((rel.start_label, rel.end_label), []).append(rel)
    if release:
        rel_table.release()
    for start, end in sorted(rel_table.pairs):
        if ranked is not None:
            data = ranked.pair_columns(start, end)
        else:
            rels = by_pair.pop((start, end), [])
            data = pa.table({"from": [r[1] for r in rels], "to": [r[2] for r in rels]})  # by index: cheaper
        if len(data):
            yield start, end, data
