"""Benchmark regkg on synthetic corpora of N documents.

    python bench/run.py [--sizes 100,1000] [--jobs 2] [--out bench/results] [--profile]

For each N: build the corpus (bench/corpus.py), then measure — each in its own process, with
the peak memory of its process tree — ingest throughput (docs/s, MB/s of text), embedded load
time, p50/p95 of every canned query, ``kg viz graph`` for a 2,000-node page, the Neo4j batching
layer's client-side rows/s and, when ``NEO4J_URI`` is set, end-to-end sync time. A step whose
piece has not landed yet reports "unavailable". Results: a rich table, ``<out>/<stamp>.json``,
``<out>/latest.json`` and ``<out>/latest.md`` (for the README).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.corpus import DEFAULT_OUT, build_corpus
from bench.measure import DEFAULT_MEMORY_CAP_MB, StepResult, kg_command, python_step, run_measured
from bench.report import evaluate_targets, print_rich, write_results

DEFAULT_SIZES = (100, 1000)
DEFAULT_RESULTS = Path(__file__).resolve().parent / "results"
VIZ_MAX_NODES = 2000
PIPELINE_DOCS = 20
STEP_NAMES = ("ingest", "load", "queries", "viz", "neo4j-plan", "neo4j-sync")


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "").replace(",", "")) for part in text.split(",") if part.strip()]


def _machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def step_viz(out_html: Path, data_dir: Path, args: argparse.Namespace) -> StepResult:
    """``kg viz graph --max-nodes 2000 -o page.html`` wall time (process start included)."""
    if importlib.util.find_spec("kg.commands.viz") is None:
        return StepResult("viz", "unavailable", detail="kg.commands.viz not available yet")
    out_html.unlink(missing_ok=True)
    argv = kg_command("viz", "graph", "--max-nodes", str(VIZ_MAX_NODES), "-o", str(out_html))
    result = run_measured("viz", argv, data_dir=data_dir,
                          timeout=args.timeout, memory_cap_mb=args.memory_cap_mb)
    if result.status == "ok" and not out_html.exists():
        result.status, result.detail = "failed", f"no page written at {out_html}"
    if out_html.exists():
        result.metrics["html_kb"] = round(out_html.stat().st_size / 1024, 1)
    return result


def _derive(size: dict[str, Any], jobs: int) -> dict[str, Any]:
    ingest = size["steps"].get("ingest")
    if ingest is None or ingest.status != "ok" or not ingest.metrics.get("seconds"):
        return {}
    seconds = ingest.metrics["seconds"]
    mb_per_s = size["text_mb"] / seconds
    derived = {"docs_per_s": round(ingest.metrics.get("files", 0) / seconds, 2),
               "mb_per_s": round(mb_per_s, 3), "mb_per_s_per_core": round(mb_per_s / jobs, 3)}
    if ingest.cpu_seconds:
        # Text per CPU-second: the per-core rate, independent of how busy the machine is.
        derived["mb_per_cpu_s"] = round(size["text_mb"] / ingest.cpu_seconds, 3)
    return derived


def measure_size(n: int, args: argparse.Namespace) -> dict[str, Any]:
    """Build the corpus of ``n`` documents and run every selected step on it."""
    corpus_started = time.perf_counter()
    manifest = build_corpus(n, args.corpus_root / f"n{n}-s{args.seed}", corpus_seed=args.seed)
    corpus_seconds = time.perf_counter() - corpus_started
    corpus = Path(manifest["dir"])
    data_dir = args.corpus_root / f"data-n{n}"
    shutil.rmtree(data_dir, ignore_errors=True)
    data_dir.mkdir(parents=True)
    size: dict[str, Any] = {"n": n, "corpus": str(corpus), "text_mb": round(manifest["text_bytes"] / 1e6, 3),
                            "corpus_seconds": round(corpus_seconds, 2), "steps": {}}

    def measured(name: str, *step_args: str) -> StepResult:
        return run_measured(name, python_step(name, *step_args), data_dir=data_dir, timeout=args.timeout,
                            memory_cap_mb=args.memory_cap_mb)

    plan = {
        "ingest": lambda: measured("ingest", "--corpus", str(corpus), "--jobs", str(args.jobs)),
        "load": lambda: measured("load"),
        "queries": lambda: measured("queries", "--repeat", str(args.repeat)),
        "viz": lambda: step_viz(args.out / f"viz-n{n}.html", data_dir, args),
        "neo4j-plan": lambda: measured("neo4j-plan"),
        "neo4j-sync": lambda: measured("neo4j-sync"),
    }
    for name in args.steps:
        result = plan[name]()
        size["steps"][name] = result
        _progress(n, result)
    size["derived"] = _derive(size, args.jobs)
    return size


def _progress(n: int, result: StepResult) -> None:
    headline = {k: v for k, v in result.metrics.items() if not isinstance(v, dict | list)}
    print(f"[N={n}] {result.name}: {result.status} in {result.wall_seconds:.1f} s, "
          f"peak RSS {result.peak_rss_mb} MB {json.dumps(headline, ensure_ascii=False)[:200]} "
          f"{result.detail[:200]}", file=sys.stderr, flush=True)


def run_pipeline(corpus: Path, args: argparse.Namespace) -> StepResult:
    """Serial per-document pipeline rate in one process (the per-core ceiling of ingest)."""
    argv = python_step("pipeline", "--corpus", str(corpus), "--limit", str(PIPELINE_DOCS))
    result = run_measured("pipeline", argv, data_dir=None,
                          timeout=args.timeout, memory_cap_mb=args.memory_cap_mb)
    _progress(PIPELINE_DOCS, result)
    return result


def run_profile(corpus: Path, args: argparse.Namespace) -> StepResult:
    """pyinstrument over the pipeline on up to 100 documents; hot spots in ``<out>/profile.json``."""
    argv = [sys.executable, "-m", "bench.profile", "--corpus", str(corpus), "--limit", "100",
            "--out", str(args.out)]
    result = run_measured("profile", argv, data_dir=None,
                          timeout=args.timeout, memory_cap_mb=args.memory_cap_mb)
    spots = args.out / "profile.json"
    if result.status == "ok" and spots.exists():
        result.metrics = json.loads(spots.read_text(encoding="utf-8"))
    _progress(100, result)
    return result


def load_sizes(path: Path) -> list[dict[str, Any]]:
    """The per-size records of an earlier run's JSON, steps as :class:`StepResult` again."""
    earlier = json.loads(path.read_text(encoding="utf-8"))
    sizes = earlier.get("sizes", [])
    for size in sizes:
        size["steps"] = {name: StepResult(**step) for name, step in size["steps"].items()}
        size["from"] = str(path)
    return sizes


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=_sizes, default=list(DEFAULT_SIZES),
                        help="e.g. 100,1000 (5000 optional)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=DEFAULT_RESULTS)
    parser.add_argument("--seed", type=int, default=0, help="corpus seed")
    parser.add_argument("--repeat", type=int, default=20, help="runs of each canned query")
    parser.add_argument("--steps", type=lambda s: [x for x in s.split(",") if x], default=list(STEP_NAMES),
                        help=f"subset of {','.join(STEP_NAMES)}")
    parser.add_argument("--corpus-root", type=Path, default=DEFAULT_OUT,
                        help="where corpora and data dirs go")
    parser.add_argument("--include", type=Path, action="append", default=[],
                        help="results JSON of an earlier run whose sizes join this report (growth with N)")
    parser.add_argument("--no-pipeline", action="store_true", help="skip the serial pipeline rate")
    parser.add_argument("--profile", action="store_true", help="also profile the pipeline (pyinstrument)")
    parser.add_argument("--timeout", type=float, default=3600.0, help="seconds per step")
    parser.add_argument("--memory-cap-mb", type=float, default=DEFAULT_MEMORY_CAP_MB,
                        help="stop a step whose process tree RSS passes this (the machine is shared)")
    args = parser.parse_args(argv)
    unknown = [s for s in args.steps if s not in STEP_NAMES]
    if unknown:
        parser.error(f"unknown steps {unknown}; choose from {', '.join(STEP_NAMES)}")
    return args


def run(argv: list[str] | None = None) -> dict[str, Any]:
    """Run the benchmark and write its results; returns the run record."""
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    record: dict[str, Any] = {
        "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "machine": _machine(),
        "jobs": args.jobs, "seed": args.seed, "repeat": args.repeat, "sizes": [],
    }
    for n in sorted(set(args.sizes)):
        size = measure_size(n, args)
        record["sizes"].append(size)
        if n == min(args.sizes):
            corpus = Path(size["corpus"])
            if not args.no_pipeline:
                record["pipeline"] = run_pipeline(corpus, args)
            if args.profile:
                record["profile"] = run_profile(corpus, args)
    for earlier in args.include:
        record["sizes"].extend(s for s in load_sizes(earlier) if s["n"] not in set(args.sizes))
    record["sizes"].sort(key=lambda s: s["n"])
    record["targets"] = evaluate_targets(record["sizes"])
    paths = write_results(record, args.out)
    print_rich(record)
    print(f"results: {paths['json']}  markdown: {paths['md']}", file=sys.stderr)
    return record


def main(argv: list[str] | None = None) -> int:
    run(argv)
    return 0


if __name__ == "__main__":
    sys.exit(main())
