"""The benchmark steps as they run inside their own child process.

``python -m bench.child STEP [args]`` prints one ``BENCH-RESULT {json}`` line last. A step
whose piece of regkg has not landed yet reports ``status: unavailable`` instead of crashing,
so the harness can be re-run as the stages arrive. The data dir comes from ``KG_DATA_DIR``.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import statistics
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

RESULT_PREFIX = "BENCH-RESULT "  # same as bench.measure.RESULT_PREFIX (kept import-free)
QUERY_REPEAT = 20


class Unavailable(Exception):
    """The piece of regkg this step measures is not there (yet)."""


def need(module: str, attr: str | None = None) -> Any:
    """Import ``module`` (and get ``attr``), or raise :class:`Unavailable` saying what is missing."""
    import importlib

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
            mod = importlib.import_module(module)
    except ModuleNotFoundError as error:
        raise Unavailable(f"{module} not available yet ({error})") from error
    if attr is None:
        return mod
    if not hasattr(mod, attr):
        raise Unavailable(f"{module}.{attr} not available yet")
    return getattr(mod, attr)


def percentile(values: list[float], q: float) -> float:
    """The ``q``-quantile (0..1) of ``values`` with linear interpolation."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def corpus_files(corpus: Path, limit: int | None = None) -> list[Path]:
    files = sorted(corpus.glob("*.txt"))
    return files[:limit] if limit else files


# --- steps -------------------------------------------------------------------------------------

def step_pipeline(corpus: str, limit: int) -> dict[str, Any]:
    """Serial load → extract → N-Quads of ``limit`` documents in this one process: the per-core rate
    (the RDF step is ``document_nquads``, the text ingest writes, not an rdflib Graph)."""
    load = need("kg.loaders", "load")
    extract = need("kg.extract.pipeline", "extract")
    files = corpus_files(Path(corpus), limit)
    timings = {"load": 0.0, "extract": 0.0, "rdf": 0.0}
    try:
        document_nquads = need("kg.rdf", "document_nquads")
    except Unavailable:
        document_nquads = None
    chars = 0
    started = time.perf_counter()
    for path in files:
        t0 = time.perf_counter()
        doc = load(str(path))
        t1 = time.perf_counter()
        extraction = extract(doc)
        t2 = time.perf_counter()
        if document_nquads is not None:
            document_nquads(doc, extraction)
        t3 = time.perf_counter()
        timings["load"] += t1 - t0
        timings["extract"] += t2 - t1
        timings["rdf"] += t3 - t2
        chars += len(doc.text)
    total = time.perf_counter() - started
    text_bytes = sum(len(p.read_bytes().decode("utf-8", errors="ignore").encode("utf-8")) for p in files)
    return {
        "docs": len(files), "seconds": round(total, 3), "docs_per_s": round(len(files) / total, 2),
        "mb_per_s": round(text_bytes / 1e6 / total, 3),
        **{f"{k}_share": round(v / total, 3) for k, v in timings.items()},
        "rdf": document_nquads is not None,
    }


def step_ingest(corpus: str, jobs: int) -> dict[str, Any]:
    """``kg.ingest.ingest`` of the whole corpus into ``$KG_DATA_DIR`` (without the graph refresh)."""
    ingest = need("kg.ingest", "ingest")
    started = time.perf_counter()
    try:
        report = ingest([corpus], jobs=jobs, force=True, refresh_graph=False)
    except TypeError:  # an ingest without these options: measure what it does
        report = ingest([corpus], jobs=jobs)
    seconds = time.perf_counter() - started
    results = list(getattr(report, "results", []))
    failed = [r for r in results if getattr(r, "status", "") == "failed"]
    if results and len(failed) == len(results):
        first = f"{Path(failed[0].path).name}: {failed[0].error}"
        if "ImportError" in first or "ModuleNotFoundError" in first:
            raise Unavailable(f"every document failed on a missing piece: {first}")
        raise RuntimeError(f"every document failed: {first}")
    return {
        "seconds": round(seconds, 3), "files": len(results), "failed": len(failed),
        "errors": [f"{Path(r.path).name}: {r.error}" for r in failed[:3]],
    }


def step_load() -> dict[str, Any]:
    """Rebuild the embedded LadybugDB store from the data dir (``kg.store.embedded.refresh``)."""
    refresh = need("kg.store.embedded", "refresh")
    started = time.perf_counter()
    report = refresh()
    seconds = time.perf_counter() - started
    nodes = getattr(report, "nodes", {}) or {}
    rels = getattr(report, "relationships", {}) or {}
    return {
        "seconds": round(seconds, 3), "build_seconds": round(float(getattr(report, "seconds", 0.0)), 3),
        "nodes": sum(nodes.values()), "relationships": sum(rels.values()),
    }


ENTITY_LABELS = {"program": "Program", "place": "Place", "agency": "Agency", "node": "Place"}


def sample_value(store: Any, param: Any) -> str | None:
    """A value for a required parameter: the uri of the best-connected node of its kind."""
    if param.type == "choice" and param.choices:
        return param.choices[0]
    label = ENTITY_LABELS.get(param.type)
    if label is None:
        return None
    for cypher in (f"MATCH (n:{label})<-[r]-() RETURN n.uri AS uri, count(r) AS c ORDER BY c DESC LIMIT 1",
                   f"MATCH (n:{label}) RETURN n.uri AS uri LIMIT 1"):
        result = store.run(cypher)
        if result.rows:
            return result.rows[0][0]
    return None


def _time_query(runner: Any, query: Any, raw: dict[str, Any], repeat: int) -> dict[str, Any]:
    t0 = time.perf_counter()
    first = runner.run_canned(query, raw)
    cold = time.perf_counter() - t0
    laps, cpu_laps = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        runner.run_canned(query, raw)
        laps.append(time.perf_counter() - t0)
        cpu_laps.append(time.process_time() - c0)  # all threads of this process: robust to a busy machine
    return {
        "status": "ok", "rows": len(first.rows), "cold_ms": round(cold * 1000, 2),
        "p50_ms": round(percentile(laps, 0.5) * 1000, 2), "p95_ms": round(percentile(laps, 0.95) * 1000, 2),
        "p50_cpu_ms": round(percentile(cpu_laps, 0.5) * 1000, 2),
    }


def step_queries(repeat: int) -> dict[str, Any]:
    """Every canned query ``repeat`` times on the embedded store: p50/p95 latency per query."""
    open_store = need("kg.store", "open_store")
    load_catalogue = need("kg.queries.catalogue", "load_catalogue")
    runner_class = need("kg.queries.runner", "QueryRunner")
    catalogue = load_catalogue()
    if not catalogue:
        raise Unavailable("no canned queries (queries/*.cypher) yet")
    store = open_store("embedded")
    try:
        runner = runner_class(store)
        t0 = time.perf_counter()
        runner.name_index()
        index_ms = (time.perf_counter() - t0) * 1000
        per_query: dict[str, Any] = {}
        for name, query in catalogue.items():
            raw = {}
            missing = []
            for param in query.header.params:
                if param.required:
                    value = sample_value(store, param)
                    raw[param.name] = value
                    if value is None:
                        missing.append(param.name)
            if missing:
                per_query[name] = {"status": "skipped", "detail": f"no sample value for {', '.join(missing)}"}
                continue
            try:
                per_query[name] = _time_query(runner, query, raw, repeat)
            except Exception as error:  # one broken query must not hide the others' numbers
                per_query[name] = {"status": "failed", "detail": f"{type(error).__name__}: {error}"[:300]}
    finally:
        store.close()
    p50s = [q["p50_ms"] for q in per_query.values() if q.get("status") == "ok"]
    return {
        "repeat": repeat, "name_index_ms": round(index_ms, 1), "queries": per_query,
        "max_p50_ms": max(p50s) if p50s else None,
        "median_p50_ms": round(statistics.median(p50s), 2) if p50s else None,
    }


def plan_rows(plan: Any) -> int:
    """Rows bound over all batches of a sync plan (each batch is one UNWIND transaction)."""
    return sum(len(batch.rows) for batch in plan.batches)


def step_neo4j_plan() -> dict[str, Any]:
    """Client-side throughput of the Neo4j batching layer: a full sync plan built without a server."""
    load_dataset = need("kg.store.neo4j_sync", "load_dataset")
    plan_sync = need("kg.store.sync_plan", "plan_sync")
    state = need("kg.store.sync_plan", "SyncState").load(None)  # empty state: everything is new
    t0 = time.perf_counter()
    dataset = load_dataset(None)
    t1 = time.perf_counter()
    plan = plan_sync(dataset, state, dialect="neo4j", full=True)
    t2 = time.perf_counter()
    rows = plan_rows(plan)
    return {
        "dataset_seconds": round(t1 - t0, 3), "plan_seconds": round(t2 - t1, 3), "rows": rows,
        "batches": len(plan.batches), "rows_per_s": round(rows / (t2 - t1)) if t2 > t1 else None,
        "rows_per_s_with_parse": round(rows / (t2 - t0)) if t2 > t0 else None,
    }


def step_neo4j_sync() -> dict[str, Any]:
    """End-to-end full sync into the Neo4j at ``NEO4J_URI`` (what ``kg sync neo4j --full`` does)."""
    if not os.environ.get("NEO4J_URI"):
        raise Unavailable("NEO4J_URI is not set")
    sync_neo4j = need("kg.store.neo4j_sync", "sync_neo4j")
    settings = need("kg.store.neo4j_store", "Neo4jSettings").from_env()
    started = time.perf_counter()
    report = sync_neo4j(None, settings, full=True)
    seconds = time.perf_counter() - started
    rows = sum(getattr(report, "rows", {}).values())
    return {"seconds": round(seconds, 3), "rows": rows, "batches": getattr(report, "batches", None),
            "rows_per_s": round(rows / seconds) if seconds else None}


STEPS: dict[str, Callable[[argparse.Namespace], dict[str, Any]]] = {
    "pipeline": lambda a: step_pipeline(a.corpus, a.limit),
    "ingest": lambda a: step_ingest(a.corpus, a.jobs),
    "load": lambda a: step_load(),
    "queries": lambda a: step_queries(a.repeat),
    "neo4j-plan": lambda a: step_neo4j_plan(),
    "neo4j-sync": lambda a: step_neo4j_sync(),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="one benchmark step (run by bench/run.py)")
    parser.add_argument("step", choices=sorted(STEPS))
    parser.add_argument("--corpus", default="")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=QUERY_REPEAT)
    args = parser.parse_args(argv)
    try:
        result = {"status": "ok", **STEPS[args.step](args)}
        code = 0
    except Unavailable as missing:
        result, code = {"status": "unavailable", "detail": str(missing)}, 0
    except Exception as error:
        tail = traceback.format_exc().strip().splitlines()[-4:]
        detail = f"{type(error).__name__}: {error} | {' / '.join(tail)}"
        result, code = {"status": "failed", "detail": detail}, 1
    sys.stdout.flush()
    print(RESULT_PREFIX + json.dumps(result, ensure_ascii=False, default=str))
    return code


if __name__ == "__main__":
    sys.exit(main())
