"""Benchmark results as JSON, a markdown table for the README and a rich table on stdout."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench.measure import StepResult

# (metric, target, how to read it) checked at N=1,000 (or the largest N measured).
TARGETS = (
    ("ingest MB of text per CPU-second (per core, --jobs 2)", 1.0, ">="),
    ("ingest peak RSS MB (process tree)", 1536.0, "<"),
    ("embedded load s", 30.0, "<"),
    ("slowest canned query p50 ms", 200.0, "<"),
    ("ingest peak RSS growth, largest N / smallest N", 1.25, "<"),
)


def _fmt(value: Any, digits: int = 2) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return str(value)


def step_cell(step: StepResult | None, value: Any, digits: int = 2) -> str:
    """A table cell: the value when the step ran, else why not."""
    if step is None:
        return "–"
    if step.status != "ok":
        return step.status
    return _fmt(value, digits)


def size_rows(sizes: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """One row per corpus size with the headline numbers."""
    header = ["N", "MB text", "ingest s", "failed docs", "docs/s", "MB/s", "MB/s/core", "MB/CPU-s",
              "peak RSS MB", "peak PSS MB", "load s", "nodes", "query p50 max ms", "viz 2k s", "neo4j rows/s",
              "neo4j sync s", "load avg"]
    rows = []
    for size in sizes:
        steps: dict[str, StepResult] = size["steps"]
        ingest, load, queries = steps.get("ingest"), steps.get("load"), steps.get("queries")
        viz, plan, sync = steps.get("viz"), steps.get("neo4j-plan"), steps.get("neo4j-sync")
        derived = size.get("derived", {})
        rows.append([
            str(size["n"]), _fmt(size["text_mb"], 1),
            step_cell(ingest, ingest and ingest.metrics.get("seconds"), 1),
            step_cell(ingest, ingest and ingest.metrics.get("failed")),
            step_cell(ingest, derived.get("docs_per_s"), 1), step_cell(ingest, derived.get("mb_per_s")),
            step_cell(ingest, derived.get("mb_per_s_per_core")),
            step_cell(ingest, derived.get("mb_per_cpu_s")),
            step_cell(ingest, ingest and ingest.peak_rss_mb, 0),
            step_cell(ingest, ingest and ingest.peak_pss_mb, 0),
            step_cell(load, load and load.metrics.get("seconds"), 1),
            step_cell(load, load and load.metrics.get("nodes")),
            step_cell(queries, queries and queries.metrics.get("max_p50_ms"), 1),
            step_cell(viz, viz and viz.wall_seconds, 1),
            step_cell(plan, plan and plan.metrics.get("rows_per_s")),
            step_cell(sync, sync and sync.metrics.get("seconds"), 1),
            _fmt(max((s.load_avg or 0.0 for s in steps.values()), default=None), 1),
        ])
    return header, rows


def query_rows(size: dict[str, Any]) -> tuple[list[str], list[list[str]]]:
    """Per canned query latency at one size."""
    header = ["query", "p50 ms", "p95 ms", "p50 CPU ms", "cold ms", "rows"]
    step = size["steps"].get("queries")
    if step is None or step.status != "ok":
        return header, []
    rows = []
    for name, q in step.metrics.get("queries", {}).items():
        if q.get("status") != "ok":
            rows.append([name, q.get("status", "?"), "", "", "", q.get("detail", "")[:60]])
            continue
        rows.append([name, _fmt(q["p50_ms"], 1), _fmt(q["p95_ms"], 1), _fmt(q.get("p50_cpu_ms"), 1),
                     _fmt(q["cold_ms"], 1), str(q["rows"])])
    return header, rows


def target_rows(checks: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    header = ["target", "measured", "goal", "at N", "verdict"]
    rows = [[c["metric"], _fmt(c["value"]), f"{c['op']} {_fmt(c['goal'])}", str(c.get("n", "")), c["verdict"]]
            for c in checks]
    return header, rows


def evaluate_targets(sizes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Compare the N=1,000 (else largest) run with the targets; missing numbers are 'not measured'."""
    if not sizes:
        return []
    at = next((s for s in sizes if s["n"] == 1000), max(sizes, key=lambda s: s["n"]))
    steps = at["steps"]

    def metric(step: str, getter: Any) -> Any:
        result = steps.get(step)
        return getter(result) if result is not None and result.status == "ok" else None

    values = [
        at.get("derived", {}).get("mb_per_cpu_s") if metric("ingest", lambda s: 1) else None,
        metric("ingest", lambda s: s.peak_rss_mb),
        metric("load", lambda s: s.metrics.get("seconds")),
        metric("queries", lambda s: s.metrics.get("max_p50_ms")),
        growth(sizes),
    ]
    checks = []
    for (name, goal, op), value in zip(TARGETS, values, strict=True):
        if value is None:
            verdict = "not measured"
        else:
            verdict = "pass" if (value >= goal if op == ">=" else value < goal) else "FAIL"
        checks.append({"metric": name, "value": value, "goal": goal, "op": op, "n": at["n"],
                       "verdict": verdict})
    return checks


def growth(sizes: list[dict[str, Any]]) -> float | None:
    """Peak ingest RSS at the largest N over that at the smallest (1.0 = does not grow with N)."""
    measured = [(s["n"], s["steps"]["ingest"].peak_rss_mb) for s in sizes
                if s["steps"].get("ingest") is not None and s["steps"]["ingest"].status == "ok"]
    if len(measured) < 2:
        return None
    measured.sort()
    return round(measured[-1][1] / measured[0][1], 3) if measured[0][1] else None


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def notes(sizes: list[dict[str, Any]]) -> list[str]:
    """Why steps did not run, once per step and reason."""
    seen: dict[tuple[str, str], list[int]] = {}
    for size in sizes:
        for name, step in size["steps"].items():
            if step.status != "ok":
                seen.setdefault((name, f"{step.status}: {step.detail}".strip()), []).append(size["n"])
    return [f"- `{name}` at N={','.join(map(str, ns))}: {why[:300]}" for (name, why), ns in seen.items()]


def to_markdown(run: dict[str, Any]) -> str:
    sizes = run["sizes"]
    parts = [f"## Benchmarks ({run['started']}, {run['machine']})", "",
             f"`python bench/run.py --sizes {','.join(str(s['n']) for s in sizes)} --jobs {run['jobs']}`"
             f" — corpus seed {run['seed']}, queries repeated {run['repeat']}×.", "",
             markdown_table(*size_rows(sizes)), ""]
    if sizes:
        largest = max(sizes, key=lambda s: s["n"])
        header, rows = query_rows(largest)
        if rows:
            parts += [f"Canned queries at N={largest['n']}:", "", markdown_table(header, rows), ""]
    parts += ["Targets:", "", markdown_table(*target_rows(run["targets"])), ""]
    pipeline = run.get("pipeline")
    if pipeline is not None and pipeline.status == "ok":
        m = pipeline.metrics
        parts += [f"Serial pipeline (one process, {m['docs']} docs): {m['docs_per_s']} docs/s, "
                  f"{m['mb_per_s']} MB/s; time shares load {m['load_share']}, extract {m['extract_share']}, "
                  f"rdf {m['rdf_share']}.", ""]
    included = [f"- N={s['n']} comes from an earlier run: `{Path(s['from']).name}`"
                for s in sizes if s.get("from")]
    if included:
        parts += [*included, ""]
    extra = notes(sizes)
    if extra:
        parts += ["Not measured:", "", *extra, ""]
    return "\n".join(parts)


def _jsonable(run: dict[str, Any]) -> dict[str, Any]:
    def convert(value: Any) -> Any:
        if isinstance(value, StepResult):
            return asdict(value)
        if isinstance(value, dict):
            return {k: convert(v) for k, v in value.items()}
        if isinstance(value, list):
            return [convert(v) for v in value]
        return value

    return convert(run)


def write_results(run: dict[str, Any], out_dir: Path) -> dict[str, Path]:
    """``<stamp>.json``, ``latest.json`` and ``latest.md`` in ``out_dir``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    body = json.dumps(_jsonable(run), ensure_ascii=False, indent=1, default=str)
    stamp = run["started"].replace(":", "").replace("-", "")
    paths = {"json": out_dir / f"{stamp}.json", "latest": out_dir / "latest.json",
             "md": out_dir / "latest.md"}
    paths["json"].write_text(body, encoding="utf-8")
    paths["latest"].write_text(body, encoding="utf-8")
    paths["md"].write_text(to_markdown(run), encoding="utf-8")
    return paths


def print_rich(run: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=max(Console().width, 180))

    def show(title: str, header: list[str], rows: list[list[str]]) -> None:
        table = Table(title=title)
        for column in header:
            table.add_column(column, overflow="fold")
        for row in rows:
            table.add_row(*row)
        console.print(table)

    show("regkg benchmarks", *size_rows(run["sizes"]))
    if run["sizes"]:
        header, rows = query_rows(max(run["sizes"], key=lambda s: s["n"]))
        if rows:
            show("canned queries (largest N)", header, rows)
    show("targets", *target_rows(run["targets"]))
    for line in notes(run["sizes"]):
        console.print(line, markup=False)
