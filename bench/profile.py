"""Profile the per-document ingest work (load → extract → RDF → N-Quads) with pyinstrument.

    python -m bench.profile --corpus bench/corpus-out/n100-s0 [--limit 100] [--out bench/results]

Writes ``profile.html`` (the pyinstrument page) and ``profile.json`` (hot spots) and prints the
hot spots: regkg functions by inclusive time, and all functions by self time, with file:line
and the share of the total.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

TOP = 15
PROJECT_DIRS = ("/kg/", "/loaders/", "/ontology/", "/queries/", "/viz/")


def _walk(frame: Any, stack: tuple[str, ...], inclusive: dict, exclusive: dict) -> None:
    if frame.is_synthetic:  # "[self]" leaves: already in their function's total_self_time
        return
    key = f"{frame.file_path_short}:{frame.line_no} {frame.function}"
    exclusive[key] += frame.total_self_time
    if key not in stack:  # count a recursive function once per call chain
        inclusive[key] += frame.time
    for child in frame.children:
        _walk(child, (*stack, key), inclusive, exclusive)


def _is_project(key: str, frame_paths: dict[str, str]) -> bool:
    path = frame_paths.get(key, "")
    return any(d in path for d in PROJECT_DIRS) and "site-packages" not in path and "/bench/" not in path


def hot_spots(session: Any) -> dict[str, list[dict[str, Any]]]:
    """Top functions of a pyinstrument session: project code by inclusive time, all by self time."""
    root = session.root_frame()
    total = root.time or 1.0
    inclusive: dict[str, float] = defaultdict(float)
    exclusive: dict[str, float] = defaultdict(float)
    paths: dict[str, str] = {}

    def collect(frame: Any) -> None:
        paths[f"{frame.file_path_short}:{frame.line_no} {frame.function}"] = frame.file_path or ""
        for child in frame.children:
            collect(child)

    collect(root)
    _walk(root, (), inclusive, exclusive)

    def rows(table: dict[str, float], keep: Any) -> list[dict[str, Any]]:
        ranked = sorted(((k, v) for k, v in table.items() if keep(k)), key=lambda kv: -kv[1])[:TOP]
        return [{"where": k, "seconds": round(v, 3), "percent": round(100 * v / total, 1)} for k, v in ranked]

    return {
        "total_seconds": [{"where": "total", "seconds": round(total, 3), "percent": 100.0}],
        "project_inclusive": rows(inclusive, lambda k: _is_project(k, paths)),
        "self_time": rows(exclusive, lambda k: True),
    }


def _per_document_work() -> Callable[[str], Any]:
    """What an ingest worker does per file (load → extract → RDF → N-Quads), else the stages by hand."""
    with contextlib.redirect_stdout(io.StringIO()):  # jionlp prints a banner on import
        try:
            from kg.ingest.work import process_file

            return process_file
        except ImportError:
            from kg.loaders import load

            from kg.extract.pipeline import extract
            from kg.rdf import document_graph

            return lambda path: document_graph(doc := load(path), extract(doc))


def profile_pipeline(corpus: Path, limit: int, out_dir: Path) -> dict[str, Any]:
    """Run the per-document ingest work on ``limit`` corpus documents under pyinstrument."""
    from pyinstrument import Profiler

    work = _per_document_work()
    files = sorted(corpus.glob("*.txt"))[:limit]
    # Warm the lazy tables (gazetteer, vocabulary, jieba) outside the profile: they are paid once per
    # worker, not per document, and would otherwise dominate a short run.
    warm_started = time.perf_counter()
    work(str(files[0]))
    warm = time.perf_counter() - warm_started
    profiler = Profiler(interval=0.001)
    profiler.start()
    cpu_started = time.process_time()
    for path in files:
        work(str(path))
    cpu = time.process_time() - cpu_started
    session = profiler.stop()
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "profile.html").write_text(profiler.output_html(), encoding="utf-8")
    spots = hot_spots(session)
    spots.update(warm_up_seconds=round(warm, 3), docs=len(files), cpu_seconds=round(cpu, 3),
                 cpu_ms_per_doc=round(1000 * cpu / len(files), 1))
    (out_dir / "profile.json").write_text(json.dumps(spots, ensure_ascii=False, indent=1), encoding="utf-8")
    return spots


def print_spots(spots: dict[str, Any]) -> None:
    print(f"profiled {spots['docs']} documents: {spots['cpu_ms_per_doc']} ms CPU per document; "
          f"warm-up (tables, once per process) {spots['warm_up_seconds']} s")
    for title in ("total_seconds", "project_inclusive", "self_time"):
        print(f"\n{title}:")
        for row in spots[title]:
            print(f"  {row['percent']:5.1f}%  {row['seconds']:8.3f} s  {row['where']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="profile the per-document pipeline")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=100)
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent / "results")
    args = parser.parse_args(argv)
    print_spots(profile_pipeline(args.corpus, args.limit, args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
