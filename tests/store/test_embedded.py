"""The embedded LadybugDB store built from the sample dataset."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from kg.store import open_store
from kg.store.base import StoreBusyError, StoreUnavailableError, WriteRefusedError
from kg.store.embedded import LoadReport, open_embedded
from kg.store.lock import load_lock
from kg.store.projection import project


def test_counts_per_label_and_type_equal_the_projection(sample, sample_store) -> None:
    path, report = sample_store
    graph = project(sample)
    with open_embedded(path) as store:
        for label, count in graph.node_counts().items():
            assert store.run(f"MATCH (n:{label}) RETURN count(n)").rows == [[count]], label
        for rtype, count in graph.rel_counts().items():
            assert store.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r)").rows == [[count]], rtype
    assert report.nodes == graph.node_counts()


def test_values_come_back_typed_and_normalized(sample_store) -> None:
    path, _ = sample_store
    with open_embedded(path) as store:
        result = store.run(
            "MATCH (p:Program)-[b:broader]->(q:Program) RETURN p, b, q.altLabel, q.candidate"
        )
    program, rel, alt, candidate = result.rows[0]
    assert result.columns == ["p", "b", "q.altLabel", "q.candidate"]
    assert (program["_kind"], program["_label"], program["prefLabel"]) == ("node", "Program", "一窗通办")
    assert "baseUnit" not in program  # absent properties are left out, as in Neo4j
    assert rel["_type"] == "broader" and rel["_start"] == program["_id"]
    assert alt == ["商事登记制度改革", "商改"] and candidate is False


def test_keyword_property_names_need_backquotes(sample_store) -> None:
    path, _ = sample_store
    with open_embedded(path) as store:
        rows = store.run("MATCH (e:Evidence) RETURN e.start, e.`end` ORDER BY e.start").rows
    assert rows[0] == [40, 52]


def test_read_only_refuses_writes(sample_store) -> None:
    path, _ = sample_store
    with open_embedded(path) as store, pytest.raises(WriteRefusedError):
        store.run("CREATE (n:Place {uri: 'x'})")
    with open_embedded(path) as store, pytest.raises(WriteRefusedError):
        store.run("CREATE (n:Place {uri: 'x'})", read_only=False)


def test_writable_store_refuses_writes_sent_as_read_only(sample, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_dataset

    path = tmp_path / "it's here"  # a quote in the path must not break COPY FROM
    build_from_dataset(sample, path)
    with open_embedded(path, writable=True) as store:
        with pytest.raises(WriteRefusedError):
            store.run("CREATE (n:Place {uri: 'x'})")
        store.run("CREATE (n:Place {uri: 'x'})", read_only=False)
        assert store.run("MATCH (n:Place {uri: 'x'}) RETURN count(n)").rows == [[1]]
        with pytest.raises(StoreBusyError, match="writing to it"):  # no reload under an open writer
            build_from_dataset(sample, path)


def test_schema_lists_labels_types_and_keys(sample_store) -> None:
    path, _ = sample_store
    with open_store("embedded", path=path) as store:
        schema = store.schema()
    assert "Place" in schema["labels"] and "hasEvidence" in schema["relationship_types"]
    assert {"uri", "label_en", "altLabel"} <= set(schema["property_keys"])


def test_open_store_on_empty_data_dir_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailableError, match="kg ingest"):
        open_store("embedded", data_dir=tmp_path)


def test_second_loader_gets_a_clear_busy_message(sample, sample_store, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_dataset

    path, _ = sample_store
    with load_lock(path):
        with pytest.raises(StoreBusyError, match=r"busy \(pid [0-9]+ is loading it\)"):
            build_from_dataset(sample, path)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with open_embedded(path) as store:  # readers still get the last complete build
                assert store.run("MATCH (n:Document) RETURN count(n)").rows == [[2]]
        assert any("answers come from the last build" in str(w.message) for w in caught)


def test_reader_during_the_first_build_is_told_to_wait(tmp_path: Path) -> None:
    target = tmp_path / "first"
    with load_lock(target), pytest.raises(StoreBusyError, match="being built"):
        open_embedded(target)


def test_rebuild_replaces_the_store_atomically(sample, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_dataset

    path = tmp_path / "s"
    first: LoadReport = build_from_dataset(sample, path)
    second = build_from_dataset(sample, path)
    assert first.nodes == second.nodes
    assert sorted(p.name for p in path.iterdir() if not p.name.startswith(".")) == [
        "graph.lbug", "load.lock", "store.json"
    ]


def test_load_running_in_another_process_is_reported(sample, sample_store) -> None:
    import subprocess
    import sys

    from kg.store.embedded import build_from_dataset

    path, _ = sample_store
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from kg.store.lock import load_lock\n"
         f"with load_lock(Path({str(path)!r})):\n    print('locked', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(StoreBusyError, match=f"pid {holder.pid}"):
            build_from_dataset(sample, path)
    finally:
        holder.kill()
        holder.wait()
    assert build_from_dataset(sample, path).nodes["Document"] == 2  # a dead holder leaves no stale lock


def test_failed_build_keeps_the_previous_store_and_leaves_no_temp_files(sample, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_dataset, build_from_graph
    from kg.store.records import Node

    path = tmp_path / "s"
    build_from_dataset(sample, path)
    (path / ".build-killed").mkdir()  # as if an earlier build had been killed
    broken = project(sample)
    broken.node_tables["Place"].nodes.append(Node(broken.node_tables["Place"].nodes[0].uri, "Place", {}))
    with pytest.raises(RuntimeError):  # duplicate primary key: COPY fails half-way
        build_from_graph(broken, path)
    assert not [p for p in path.iterdir() if p.name.startswith(".build-")]
    with open_embedded(path) as store:
        assert store.run("MATCH (n:Place) RETURN count(n)").rows == [[5]]


def test_a_released_build_empties_the_graph_and_loads_every_row(sample, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_projection
    from kg.store.projection import project_with_warnings

    projection = project_with_warnings(sample)
    expected_nodes, expected_rels = projection.graph.node_counts(), projection.graph.rel_counts()
    report = build_from_projection(projection, tmp_path / "store", release=True)
    assert (report.nodes, report.relationships) == (expected_nodes, expected_rels)
    assert projection.graph.nodes() == [] and projection.graph.relationships() == []
    assert projection.graph.node_tables["Place"].columns  # the schema stays
    with open_embedded(tmp_path / "store") as store:
        for label, count in expected_nodes.items():
            assert store.run(f"MATCH (n:{label}) RETURN count(n)").rows == [[count]], label


def test_a_bulk_load_projection_fills_its_tables_as_the_load_reads_them(sample, tmp_path: Path) -> None:
    from kg.store.embedded import build_from_projection
    from kg.store.plain_rdf import plain_triples
    from kg.store.projection import BEFORE_DERIVATIONS, ProjectionBuilder, project_with_warnings, triples_of

    eager = project_with_warnings(sample).graph
    builder = ProjectionBuilder()
    for s, p, o in plain_triples(triples_of(sample)):
        builder.add(s, p, o)
    projection = builder.finish(rel_tuples=False, node_rows=False)
    graph = projection.graph
    assert graph.rel_tables == {} and graph.pending_relationships is not None  # left to the load
    # the derivations are left to the load too: it copies the tables they do not touch meanwhile
    assert set(graph.node_tables) == set(BEFORE_DERIVATIONS) and graph.pending_nodes is not None
    report = build_from_projection(projection, tmp_path / "store", release=True)
    assert (report.nodes, report.relationships) == (eager.node_counts(), eager.rel_counts())
    with open_embedded(tmp_path / "store") as store:
        for label, count in eager.node_counts().items():
            assert store.run(f"MATCH (n:{label}) RETURN count(n)").rows == [[count]], label
        for rtype, count in eager.rel_counts().items():
            assert store.run(f"MATCH ()-[r:{rtype}]->() RETURN count(r)").rows == [[count]], rtype


def test_copies_run_in_order_while_the_next_files_are_written_and_a_failure_stops_them() -> None:
    import threading

    from kg.store.embedded import _copy_while_writing

    events: list[str] = []
    copying = threading.Event()

    class Connection:
        def execute(self, statement: str) -> None:
            copying.set()
            if statement == "COPY bad":
                raise RuntimeError("copy failed")
            events.append(f"ran {statement}")

    def statements(names: list[str]):
        for name in names:
            events.append(f"wrote {name}")
            yield f"COPY {name}"
            copying.wait(5)  # the copy just submitted has started before the next file is written
            copying.clear()

    _copy_while_writing(Connection(), statements(["a", "b", "c"]))
    assert [e for e in events if e.startswith("ran")] == ["ran COPY a", "ran COPY b", "ran COPY c"]
    assert events.index("wrote b") < events.index("ran COPY b")
    events.clear()
    with pytest.raises(RuntimeError, match="copy failed"):
        _copy_while_writing(Connection(), statements(["a", "bad", "c", "d"]))
    assert [e for e in events if e.startswith("ran")] == ["ran COPY a"]  # nothing runs after the failure


def test_the_next_tables_are_written_while_a_long_copy_runs() -> None:
    import threading

    from kg.store.embedded import _copy_while_writing

    events: list[str] = []
    all_written = threading.Event()

    class Connection:
        def execute(self, statement: str) -> None:
            if statement == "COPY a":
                all_written.wait(5)  # a long copy: it ends only once every file is written
            events.append(f"ran {statement}")

    def statements():
        for name in ("a", "b", "c"):
            events.append(f"wrote {name}")
            yield f"COPY {name}"
        all_written.set()

    _copy_while_writing(Connection(), statements())
    assert events == ["wrote a", "wrote b", "wrote c", "ran COPY a", "ran COPY b", "ran COPY c"]


def test_an_interrupted_load_stops_the_running_copy_before_the_connection_is_closed(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Ctrl-C while a COPY runs in its thread: the copy is interrupted and has left the connection
    when the interrupt reaches the caller (which closes it), even if Ctrl-C is pressed again."""
    import threading

    from kg.store import embedded

    started, interrupted, finished = threading.Event(), threading.Event(), threading.Event()

    class Connection:
        def execute(self, statement: str) -> None:
            started.set()
            interrupted.wait(5)  # a long COPY, until interrupted
            finished.set()

        def interrupt(self) -> None:
            interrupted.set()

    def statements():
        yield "COPY a"
        started.wait(5)
        raise KeyboardInterrupt  # Ctrl-C while the next table's files are written

    real_wait, presses = embedded.wait, []

    def impatient_wait(futures):  # a second Ctrl-C arrives during the wait
        if not presses:
            presses.append(1)
            raise KeyboardInterrupt
        return real_wait(futures)

    monkeypatch.setattr(embedded, "wait", impatient_wait)
    with pytest.raises(KeyboardInterrupt):
        embedded._copy_while_writing(Connection(), statements())
    assert interrupted.is_set() and finished.is_set() and presses == [1]


def test_a_bulk_load_projection_counts_its_late_tables_on_demand(sample) -> None:
    from kg.store.plain_rdf import plain_triples
    from kg.store.projection import ProjectionBuilder, project_with_warnings, triples_of

    builder = ProjectionBuilder()
    for s, p, o in plain_triples(triples_of(sample)):
        builder.add(s, p, o)
    graph = builder.finish(rel_tuples=False, node_rows=False).graph
    assert graph.node_counts() == project_with_warnings(sample).graph.node_counts()  # derives first
    assert graph.pending_nodes is None and "Adoption" in graph.node_tables


def test_a_bulk_load_fills_the_relationships_while_the_late_node_tables_are_declared(
    sample, tmp_path: Path
) -> None:
    import time

    from kg.store.ladybug_schema import load_statements
    from kg.store.plain_rdf import plain_triples
    from kg.store.projection import ProjectionBuilder, triples_of

    builder = ProjectionBuilder()
    for s, p, o in plain_triples(triples_of(sample)):
        builder.add(s, p, o)
    graph = builder.finish(rel_tuples=False, node_rows=False).graph
    derive, seen = graph.pending_nodes, {}
    assert derive is not None and not graph.relationships_need_nodes

    def derive_once_relationships_started() -> None:
        deadline = time.monotonic() + 10
        while not graph.rel_tables and time.monotonic() < deadline:
            time.sleep(0.01)
        seen["relationships started"] = bool(graph.rel_tables)
        derive()

    graph.pending_nodes = derive_once_relationships_started
    counts: dict[str, int] = {}
    statements = list(load_statements(graph, tmp_path, release=True, rel_counts=counts))
    assert seen == {"relationships started": True}
    copies = [s for s in statements if s.startswith("COPY `hasEvidence`")]
    assert copies and counts["hasEvidence"] > 0
    created = {s.split("`")[1]: i for i, s in enumerate(statements) if s.startswith("CREATE NODE TABLE")}
    for copy in copies:  # after the tables it connects; the tables no relationship names come last
        start, end = copy.split("from='")[1].split("'")[0], copy.split("to='")[1].split("'")[0]
        at = statements.index(copy)
        assert max(created[start], created[end]) < at < created["Adoption"]


def test_a_relationship_table_is_ready_once_every_table_it_connects_is_copied() -> None:
    from kg.store.ladybug_schema import _connecting
    from kg.store.records import PropertyGraph, RelTable

    graph = PropertyGraph(rel_tables={
        "hasEvidence": RelTable("hasEvidence", {("Outcome", "Evidence"), ("Pilot", "Evidence")}),
        "hasDocument": RelTable("hasDocument", {("Evidence", "Document")}),
        "broader": RelTable("broader", set()),  # no pairs: no table
    })
    assert _connecting(graph, {"Evidence", "Outcome"}, set()) == []
    assert _connecting(graph, {"Evidence", "Outcome", "Pilot"}, set()) == ["hasEvidence"]
    everything = {"Evidence", "Outcome", "Pilot", "Document"}
    assert _connecting(graph, everything, {"hasEvidence"}) == ["hasDocument"]


def _bulk_graph(sample):
    from kg.store.plain_rdf import plain_triples
    from kg.store.projection import ProjectionBuilder, triples_of

    builder = ProjectionBuilder()
    for s, p, o in plain_triples(triples_of(sample)):
        builder.add(s, p, o)
    return builder.finish(rel_tuples=False, node_rows=False)


def test_relationships_copied_between_stages_load_the_same_store(
    sample, sample_store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    import kg.store.ladybug_schema as schema
    from kg.store.embedded import build_from_projection
    from tests.store.conftest import snapshot

    written = threading.Event()
    real = schema._relationship_files

    def relationship_files(*args):
        try:
            return real(*args)
        finally:
            written.set()

    monkeypatch.setattr(schema, "_relationship_files", relationship_files)
    projection = _bulk_graph(sample)
    graph = projection.graph
    first_stage = graph.pending_nodes

    def stage_then_wait() -> None:  # the relationship files are ready before this stage's tables go in
        first_stage()
        assert written.wait(10)

    graph.pending_nodes = stage_then_wait
    statements: list[str] = []
    real_statements = schema.load_statements

    def recorded(*args, **kwargs):
        for statement in real_statements(*args, **kwargs):
            statements.append(statement)
            yield statement

    monkeypatch.setattr("kg.store.embedded.load_statements", recorded)
    build_from_projection(projection, tmp_path / "store", release=True)
    created = {s.split("`")[1]: i for i, s in enumerate(statements) if s.startswith("CREATE NODE TABLE")}
    first_copy = min(i for i, s in enumerate(statements) if s.startswith("COPY `hasEvidence`"))
    assert first_copy < created["Program"]  # copied between the stages, before the last stage's tables
    with open_embedded(tmp_path / "store") as early, open_embedded(sample_store[0]) as eager:
        assert snapshot(early) == snapshot(eager)


def test_a_failed_copy_stops_the_relationship_thread_before_the_load_returns(
    sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading
    import time

    import ladybug

    import kg.store.ladybug_schema as schema
    from kg.store.embedded import build_from_projection

    real_files, real_connection = schema._relationship_files, ladybug.Connection

    def slow_relationship_files(*args):
        time.sleep(1.5)  # still running when the first COPY fails
        return real_files(*args)

    class FailingCopies:  # the Evidence table's COPY fails at once
        def __init__(self, database) -> None:
            self.connection = real_connection(database)

        def execute(self, statement: str, *args):
            if statement.startswith("COPY `Evidence`"):
                raise RuntimeError("the disk is full")
            return self.connection.execute(statement, *args)

        def interrupt(self) -> None:
            self.connection.interrupt()

        def close(self) -> None:
            self.connection.close()

    monkeypatch.setattr(schema, "_relationship_files", slow_relationship_files)
    monkeypatch.setattr(ladybug, "Connection", FailingCopies)
    target = tmp_path / "store"
    try:
        build_from_projection(_bulk_graph(sample), target, release=True)
    except RuntimeError:  # checked while the traceback (and so the load's frames) lives
        alive = [t for t in threading.enumerate() if t.name.startswith("relationship-files")]
    else:
        pytest.fail("the load did not fail")
    assert alive == []
    assert not [p for p in target.iterdir() if p.name.startswith(".build-")]


def test_relationships_that_need_the_late_tables_wait_for_them(sample, tmp_path: Path) -> None:
    from kg.store.ladybug_schema import load_statements

    graph = _bulk_graph(sample).graph
    graph.relationships_need_nodes = True  # as a projection whose relationships read derived nodes
    seen: list[bool] = []

    def watch(stage):
        def watched() -> None:
            seen.append(graph.pending_relationships is not None)
            stage()
            if graph.pending_nodes is not None:
                graph.pending_nodes = watch(graph.pending_nodes)
        return watched

    graph.pending_nodes = watch(graph.pending_nodes)
    statements = list(load_statements(graph, tmp_path))
    assert seen == [True, True]  # no stage ran beside the relationship fill
    last_node = max(i for i, s in enumerate(statements) if s.startswith("CREATE NODE TABLE `Program`"))
    assert all(i > last_node for i, s in enumerate(statements) if s.startswith("CREATE REL TABLE"))
