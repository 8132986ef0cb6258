"""The benchmark runner: memory sampling, percentiles, target verdicts, and a full run on N=5."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from bench.child import percentile, plan_rows
from bench.measure import StepResult, run_measured
from bench.report import evaluate_targets, growth, to_markdown
from bench.run import run

STATUSES = {"ok", "unavailable", "failed", "skipped"}


def test_sampler_sees_a_child_allocation() -> None:
    # 150 MB held for a moment must show up in the tree's peak RSS; a bare interpreter stays far below.
    code = "import time; x = bytearray(150 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); time.sleep(0.5)"
    big = run_measured("alloc", [sys.executable, "-c", code], data_dir=None, timeout=60)
    idle = [sys.executable, "-c", "import time; time.sleep(0.3)"]
    small = run_measured("idle", idle, data_dir=None, timeout=60)
    assert big.status == small.status == "ok"
    assert big.peak_rss_mb >= 150 > small.peak_rss_mb


def test_memory_cap_stops_a_runaway_step() -> None:
    code = "import time; x = bytearray(300 * 1024 * 1024); x[::4096] = b'1' * len(x[::4096]); time.sleep(30)"
    argv = [sys.executable, "-c", code]
    result = run_measured("runaway", argv, data_dir=None, timeout=60, memory_cap_mb=100)
    assert result.status == "failed" and "cap" in result.detail
    assert result.wall_seconds < 30


def test_failing_child_is_reported_not_raised() -> None:
    result = run_measured("boom", [sys.executable, "-c", "raise SystemExit('no such piece')"], data_dir=None,
                          timeout=60)
    assert result.status == "failed" and "no such piece" in result.detail


@pytest.mark.parametrize(
    ("values", "q", "expected"),
    [
        ([5.0], 0.95, 5.0),
        ([1.0, 2.0, 3.0, 4.0], 0.5, 2.5),
        ([10.0, 1.0, 2.0], 0.5, 2.0),
        ([0.0, 10.0], 0.95, 9.5),
    ],
)
def test_percentile(values: list[float], q: float, expected: float) -> None:
    assert percentile(values, q) == pytest.approx(expected)


def test_rows_of_a_plan_are_counted_over_batches() -> None:
    plan = SimpleNamespace(batches=[SimpleNamespace(rows=[{}, {}, {}]), SimpleNamespace(rows=[{}])])
    assert plan_rows(plan) == 4


def _size(n: int, *, mb_per_core: float, rss: float, load_s: float, p50: float) -> dict:
    steps = {
        "ingest": StepResult("ingest", "ok", 1.0, rss, rss, {"seconds": 1.0, "files": n}),
        "load": StepResult("load", "ok", 1.0, metrics={"seconds": load_s}),
        "queries": StepResult("queries", "ok", 1.0, metrics={"max_p50_ms": p50, "queries": {}}),
        "viz": StepResult("viz", "unavailable", detail="kg.commands.viz not available yet"),
    }
    return {"n": n, "text_mb": 1.0, "steps": steps, "derived": {"mb_per_cpu_s": mb_per_core}}


def test_targets_are_judged_at_n_1000_and_growth_over_sizes() -> None:
    sizes = [_size(100, mb_per_core=0.5, rss=400, load_s=2, p50=20),
             _size(1000, mb_per_core=1.5, rss=600, load_s=40, p50=150)]
    verdicts = {c["metric"]: c["verdict"] for c in evaluate_targets(sizes)}
    assert verdicts == {
        "ingest MB of text per CPU-second (per core, --jobs 2)": "pass",
        "ingest peak RSS MB (process tree)": "pass",
        "embedded load s": "FAIL",
        "slowest canned query p50 ms": "pass",
        "ingest peak RSS growth, largest N / smallest N": "FAIL",  # 600/400 = 1.5
    }
    assert growth(sizes) == pytest.approx(1.5)


def test_markdown_names_what_was_not_measured() -> None:
    sizes = [_size(100, mb_per_core=1.2, rss=300, load_s=1, p50=10)]
    record = {"started": "2026-01-01T00:00:00Z", "machine": "test", "jobs": 2, "seed": 0, "repeat": 2,
              "sizes": sizes, "targets": evaluate_targets(sizes)}
    text = to_markdown(record)
    assert "| 100 |" in text
    assert "`viz` at N=100: unavailable" in text


@pytest.fixture(scope="module")
def run_n5(tmp_path_factory) -> tuple[dict, Path]:
    """The whole runner on N=5 with one cheap step (Neo4j sync, unavailable without NEO4J_URI)."""
    out = tmp_path_factory.mktemp("results")
    root = tmp_path_factory.mktemp("corpora")
    saved_uri = os.environ.pop("NEO4J_URI", None)
    try:
        record = run(["--sizes", "5", "--out", str(out), "--corpus-root", str(root), "--no-pipeline",
                      "--steps", "neo4j-sync"])
    finally:
        if saved_uri is not None:
            os.environ["NEO4J_URI"] = saved_uri
    return record, out


def test_run_on_5_documents_writes_results(run_n5) -> None:
    _, out = run_n5
    saved = json.loads((out / "latest.json").read_text(encoding="utf-8"))
    assert [s["n"] for s in saved["sizes"]] == [5]
    assert len(list(Path(saved["sizes"][0]["corpus"]).glob("*.txt"))) == 5
    step = saved["sizes"][0]["steps"]["neo4j-sync"]
    assert step["status"] == "unavailable" and "NEO4J_URI" in step["detail"]
    markdown = (out / "latest.md").read_text(encoding="utf-8")
    assert "| 5 |" in markdown and "`neo4j-sync` at N=5: unavailable" in markdown


@pytest.mark.slow
def test_run_on_5_documents_measures_the_pipeline(tmp_path) -> None:
    record = run(["--sizes", "5", "--jobs", "1", "--repeat", "2", "--out", str(tmp_path / "out"),
                  "--corpus-root", str(tmp_path / "corpora"), "--no-pipeline",
                  "--steps", "ingest,load,queries"])
    steps = record["sizes"][0]["steps"]
    assert {s.status for s in steps.values()} <= STATUSES
    ingest = steps["ingest"]
    assert ingest.status == "ok", ingest.detail
    assert ingest.metrics["files"] == 5 and ingest.metrics["seconds"] > 0
    assert ingest.peak_rss_mb and ingest.peak_rss_mb > 20 and ingest.cpu_seconds > 0
    assert record["sizes"][0]["derived"]["docs_per_s"] > 0
    assert steps["load"].status == "ok", steps["load"].detail
    queries = steps["queries"]
    assert queries.status == "ok", queries.detail
    timed = [q for q in queries.metrics["queries"].values() if q["status"] == "ok"]
    assert timed and all(q["p95_ms"] >= q["p50_ms"] > 0 for q in timed)
