"""The embedded store: a LadybugDB database in ``<data-dir>/ladybug/graph.lbug``.

Loads are bulk and atomic: the projection is written as Parquet, ``COPY``-ed into a fresh database
in a temporary directory beside the store, and the finished file is renamed over the old one, so
a reader never sees half a store. A load holds ``<data-dir>/ladybug/load.lock``; a second loader
gets :class:`StoreBusyError` and a reader opening meanwhile gets the previous build with a warning
(or a clear error if there is none yet). The manifest ``store.json`` beside the database records
the layout fingerprint (:mod:`kg.store.layout`) of the regkg that built it; a store of another
layout is refused on open with the advice to rebuild it, rather than failing query by query.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import threading
import time
import warnings
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor, wait
from contextlib import closing
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Dataset, Graph

from kg import config
from kg.store.base import (
    QueryError,
    QueryResult,
    StoreBusyError,
    StoreUnavailableError,
    WriteRefusedError,
)
from kg.store.dataset_projection import project_data_dir
from kg.store.document_parts import CACHE_DIRNAME
from kg.store.gc_pause import paused_gc
from kg.store.ladybug_rows import result_rows
from kg.store.ladybug_schema import load_statements
from kg.store.layout import (  # the store's place and layout check live with the fingerprint
    MANIFEST_FILENAME,
    db_file,
    layout_fingerprint,
    recorded_layout,
    store_dir,
)
from kg.store.lock import holder, load_lock
from kg.store.projection import Projection, project_with_warnings
from kg.store.records import NodeTable, PropertyGraph, RelTable

BUILD_PREFIX = ".build-"  # temporary build directories inside the store directory


@dataclass
class LoadReport:
    """What a load put into the store, for the CLI summary and the tests."""

    path: str
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    layout: str = ""  # the layout fingerprint of the regkg that built it (kg.store.layout)


def build_from_dataset(dataset: Dataset | Graph, path: str | os.PathLike[str]) -> LoadReport:
    """Project RDF and (re)build the embedded store in directory ``path`` atomically."""
    return build_from_projection(project_with_warnings(dataset), path)


def build_from_projection(
    projection: Projection, path: str | os.PathLike[str], *, release: bool = False
) -> LoadReport:
    """(Re)build the embedded store in ``path`` from a projection, recording its warnings.

    With ``release`` the projection's rows are dropped once written (see :func:`build_from_graph`).
    """
    return build_from_graph(projection.graph, path, release=release, load_warnings=projection.warnings)


def build_from_graph(
    graph: PropertyGraph,
    path: str | os.PathLike[str],
    *,
    release: bool = False,
    load_warnings: list[str] | None = None,
) -> LoadReport:
    """Build a store from an already projected graph: schema, bulk ``COPY``, then atomic rename.

    With ``release`` each table's nodes or relationships are dropped once they are written as
    Parquet, before their ``COPY`` (the graph keeps its schema): a large load then does not hold
    every Python row beside the database's build buffers. The manifest (counts, the projection's
    ``load_warnings``, the layout fingerprint) is written under the load lock once the file is in
    place.
    """
    import ladybug  # lazy: a heavy native module, not needed for --help or exports

    target = Path(path)
    started = time.perf_counter()
    # counted by the load as the tables are filled: a bulk-load projection declares some node
    # tables while the others are copied (kg.store.records.PropertyGraph.fill_nodes)
    nodes: dict[str, int] = {}
    relationships: dict[str, int] = {}
    with load_lock(target):
        for stale in target.glob(BUILD_PREFIX + "*"):  # left by a build that was killed
            shutil.rmtree(stale, ignore_errors=True)
        workdir = Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=target))
        try:
            database = ladybug.Database(str(db_file(workdir)))
            try:
                connection = ladybug.Connection(database)
                try:
                    statements = load_statements(
                        graph, workdir, release=release, rel_counts=relationships, node_counts=nodes
                    )
                    with closing(statements):  # on a failed COPY, stop its helper thread before cleaning up
                        _copy_while_writing(connection, statements)
                finally:
                    connection.close()
            finally:
                database.close()  # checkpoints: the file is complete before it is renamed
            _swap_in(workdir, target)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
        seconds = time.perf_counter() - started
        report = LoadReport(  # warnings sorted: the load gathers tables in stages, not by label
            str(target), dict(sorted(nodes.items())), relationships, seconds, sorted(load_warnings or ()),
            layout_fingerprint(),
        )
        _write_manifest(target, report)
    return report


def _copy_while_writing(connection: Any, statements: Iterator[str]) -> None:
    """Run the statements (DDL or ``COPY``) in a worker thread while this thread gathers and
    writes the next tables' Parquet files.

    LadybugDB releases the GIL while it copies, so gathering the next tables' rows and writing
    their files (Python and Arrow work, which happens as ``statements`` is advanced) overlaps the
    copies of the previous ones. This thread does not wait for a copy before preparing the next
    table: a long copy overlaps as many tables as it takes, and the files on disk are all a queued
    statement holds. The statements still run one at a time and in order; a failed one stops the
    load and the statements queued after it are skipped.
    """
    failed = threading.Event()

    def run(statement: str) -> None:
        if failed.is_set():
            return
        try:
            connection.execute(statement)
        except BaseException:
            failed.set()
            raise

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="ladybug-copy") as copier:
        queued: list[Future[Any]] = []  # run in submission order by the one worker
        try:
            for statement in statements:  # advancing the iterator writes this statement's files
                if failed.is_set():
                    break
                queued.append(copier.submit(run, statement))
            for future in queued:
                future.result()  # the first failure, if any
        except BaseException:  # Ctrl-C, a failed file write while a COPY runs, or a failed COPY
            failed.set()
            _stop_copy(connection, queued)
            raise


def _stop_copy(connection: Any, queued: list[Future[Any]]) -> None:
    """Interrupt a running ``COPY`` and wait for the thread to leave the connection (the queued
    statements after it are skipped): the caller closes the connection next, and closing it under
    a running copy can crash the process. More Ctrl-Cs do not cut the wait short (the interrupted
    copy ends within moments)."""
    unfinished = [future for future in queued if not future.done()]
    if not unfinished:
        return
    connection.interrupt()
    while not all(future.done() for future in unfinished):
        try:
            wait(unfinished)
        except KeyboardInterrupt:
            continue


def build_empty(graph: PropertyGraph, path: str | os.PathLike[str]) -> LoadReport:
    """A store with ``graph``'s schema and no data: the target of a sync into the embedded store."""
    tables = PropertyGraph(
        {label: NodeTable(label, dict(t.columns)) for label, t in graph.node_tables.items()},
        {rtype: RelTable(rtype, set(t.pairs)) for rtype, t in graph.rel_tables.items()},
    )
    return build_from_graph(tables, path)


def _swap_in(workdir: Path, target: Path) -> None:
    """Replace the store's database file by the freshly built one (rename is atomic on POSIX)."""
    new_db = db_file(workdir)
    old_db = db_file(target)
    # A write-ahead log of the old database must not be replayed onto the new one.
    for suffix in (".wal", ".shadow"):
        Path(str(old_db) + suffix).unlink(missing_ok=True)
        fresh = Path(str(new_db) + suffix)
        if fresh.exists():
            os.replace(fresh, str(old_db) + suffix)
    os.replace(new_db, old_db)


def _write_manifest(target: Path, report: LoadReport) -> None:
    """Record what the last load put in, beside the database (read by ``kg load`` and humans)."""
    body = {**asdict(report), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
    tmp = target / (MANIFEST_FILENAME + ".tmp")
    tmp.write_text(json.dumps(body, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, target / MANIFEST_FILENAME)


def refresh(data_dir: str | os.PathLike[str] | None = None) -> LoadReport:
    """Rebuild ``<data-dir>/ladybug`` from the data dir's RDF (called after every ingest).

    The stored N-Quads are folded file by file into the projection (never an rdflib Dataset of
    the whole corpus), by worker processes, each file's part cached in ``<data-dir>/projection``
    so an unchanged file is not parsed again; the vocabulary graph is added so programs carry
    their broader/altLabel even if no document repeats them.
    """
    from kg.ingest import graph_paths  # the ingest stage owns how the dataset is stored

    root = config.data_dir(data_dir)
    # millions of acyclic tuples, sets and dicts: collections would walk the growing heap again and again
    with paused_gc():
        # the load writes relationships from their ranks and nodes from Arrow columns: no tuple
        # per relationship nor object per node is needed
        projection = project_data_dir(
            root, graph_paths(root), cache_dir=root / CACHE_DIRNAME, rel_tuples=False, node_rows=False
        )
        return build_from_projection(projection, store_dir(root), release=True)


def open_embedded(path: str | os.PathLike[str], *, writable: bool = False) -> EmbeddedStore:
    """Open the store in directory ``path`` (read-only unless ``writable``)."""
    return EmbeddedStore(Path(path), writable=writable)


class EmbeddedStore:
    """A :class:`~kg.store.base.GraphStore` over a LadybugDB database."""

    name = "embedded"

    def __init__(self, path: Path, *, writable: bool = False) -> None:
        import ladybug

        self.path = path
        self.writable = writable
        self._lock = None
        busy_by = holder(path) if path.exists() else None
        if not db_file(path).exists():
            if busy_by:
                raise StoreBusyError(f"the graph store at {path} is being built ({busy_by}); retry shortly")
            raise StoreUnavailableError(
                f"no graph store at {path}; build it with `kg ingest` (or `kg load` from existing RDF)"
            )
        _check_layout(path, busy_by)
        if writable:
            self._lock = load_lock(path, "writing to it")
            self._lock.__enter__()  # a writer excludes loads for its whole life
        elif busy_by:
            warnings.warn(f"{path} is busy ({busy_by}); answers come from the last build", stacklevel=2)
        try:
            self._db = ladybug.Database(str(db_file(path)), read_only=not writable)
            self._conn = ladybug.Connection(self._db)
        except RuntimeError as exc:
            self._release()
            raise StoreUnavailableError(f"cannot open the graph store at {path}: {exc}") from exc

    def run(
        self, cypher: str, params: dict[str, Any] | None = None, *, read_only: bool = True
    ) -> QueryResult:
        """Run one statement; read-only statements run in a READ ONLY transaction, so writes fail."""
        if not read_only and not self.writable:
            raise WriteRefusedError("this store was opened read-only; open it with writable=True to write")
        try:
            if read_only and self.writable:
                return self._run_read_only_transaction(cypher, params)
            return self._execute(cypher, params)
        except RuntimeError as exc:
            raise _query_error(exc) from exc

    def _execute(self, cypher: str, params: dict[str, Any] | None) -> QueryResult:
        result = self._conn.execute(cypher, params or {})
        if isinstance(result, list):  # several statements separated by ';' give several results
            result = result[-1]
        columns = result.get_column_names()
        rows = result_rows(result)  # scalar columns come through Arrow (kg.store.ladybug_rows)
        return QueryResult(columns, rows)

    def _run_read_only_transaction(self, cypher: str, params: dict[str, Any] | None) -> QueryResult:
        self._conn.execute("BEGIN TRANSACTION READ ONLY")
        try:
            result = self._execute(cypher, params)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")
        return result

    def schema(self) -> dict[str, list[str]]:
        """Labels, relationship types and property keys, read from the database catalog."""
        tables = self._conn.execute("CALL show_tables() RETURN name, type").get_all()
        labels = sorted(name for name, kind in tables if kind == "NODE")
        rel_types = sorted(name for name, kind in tables if kind == "REL")
        keys: set[str] = set()
        for label in labels:
            literal = label.replace("\\", "\\\\").replace("'", "\\'")  # table_info takes a literal only
            info = self._conn.execute(f"CALL table_info('{literal}') RETURN name").get_all()
            keys.update(row[0] for row in info)
        return {"labels": labels, "relationship_types": rel_types, "property_keys": sorted(keys)}

    def close(self) -> None:
        """Close the connection and database, and let loads run again."""
        conn, db = getattr(self, "_conn", None), getattr(self, "_db", None)
        if conn is not None:
            conn.close()
        if db is not None:
            db.close()
        self._conn = self._db = None
        self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.__exit__(None, None, None)
            self._lock = None

    def __enter__(self) -> EmbeddedStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_layout(path: Path, busy_by: str | None) -> None:
    """Refuse a store whose manifest records another layout (or none): its tables would not bind."""
    built, current = recorded_layout(path), layout_fingerprint()
    if built == current:
        return
    if busy_by:  # a load has swapped the file in but not yet written its manifest
        raise StoreBusyError(f"the graph store at {path} is being rebuilt ({busy_by}); retry shortly")
    raise StoreUnavailableError(
        f"the graph store at {path} was built by an older regkg (layout {built or 'unrecorded'}, "
        f"this regkg reads {current}); rebuild it with `kg load`"
    )


def _query_error(exc: RuntimeError) -> QueryError:
    """Translate a LadybugDB error, telling write refusals apart for the console."""
    message = str(exc)
    if "read-only" in message or "READ ONLY" in message:
        return WriteRefusedError(f"refused: the statement writes, but was run read-only ({message})")
    return QueryError(message)
