"""``kg ingest PATH...`` and ``kg remove DOC...``: keep the data dir's RDF dataset (and graph) current."""

from __future__ import annotations

import logging
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rich.table import Table

    from kg.ingest.runner import FileResult, IngestReport

# Columns of the summary table: manifest count key -> header.
COUNT_COLUMNS = {
    "triples": "triples",
    "Program": "progs",
    "Pilot": "pilots",
    "NoveltyClaim": "claims",
    "Outcome": "outc",
    "Target": "targ",
}
STATUS_STYLE = {
    "new": "green",
    "updated": "cyan",
    "unchanged": "dim",
    "failed": "bold red",
    "removed": "yellow",
}


@click.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: $KG_DATA_DIR or ./kg-data."
)
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Worker processes."
)
@click.option("--force", is_flag=True, help="Re-extract documents even when unchanged.")
@click.option("--no-graph", is_flag=True, help="Do not rebuild the embedded graph store afterwards.")
@click.option(
    "--prune", is_flag=True, help="Also drop stored documents whose file in a given folder is gone."
)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or table; failures and the totals only.")
def ingest_cmd(
    paths: tuple[Path, ...],
    data_dir: Path | None,
    jobs: int,
    force: bool,
    no_graph: bool,
    prune: bool,
    quiet: bool,
) -> None:
    """Read the reports in PATHS (files or folders) into one RDF named graph per document.

    Unchanged documents are skipped, changed ones replaced; a file that cannot be read is
    reported in one line and the others are still stored (exit code 1 if any failed).
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.config import data_dir as resolve_data_dir
    from kg.ingest.runner import expand_paths, ingest

    console = Console(stderr=True)
    # a bad file is reported in one line below; the PDF library's own warnings would only repeat it
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    root = resolve_data_dir(data_dir)
    # every stage of this command (the vocabulary extension <data dir>/vocabulary.ttl, the store)
    # must see the same data dir, workers included
    os.environ["KG_DATA_DIR"] = str(root)
    files = list(expand_paths(paths))
    if not files:
        raise click.ClickException("no documents found in " + ", ".join(map(str, paths)))
    progress = Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=console,
        disable=quiet,
        transient=True,
    )

    def on_result(result: FileResult) -> None:
        if result.status == "removed":  # not one of the files to read: no progress step
            progress.console.print(f"removed {result.path} (file gone)", highlight=False, soft_wrap=True)
            return
        if result.status == "failed":
            progress.console.print(
                f"[bold red]failed[/] {result.path}: {result.error}", highlight=False, soft_wrap=True
            )
        progress.update(task, advance=1, description=Path(result.path).name)

    started = time.perf_counter()
    with progress:
        task = progress.add_task("", total=len(files))
        report = ingest(
            paths, root, jobs=jobs, force=force, refresh_graph=not no_graph, prune=prune, on_result=on_result
        )
    if not quiet:
        order = {path: index for index, path in enumerate(files)}
        rows = sorted(report.results, key=lambda r: order.get(r.path, len(order)))
        console.print(_summary_table(rows, console.width))
    console.print(_totals_line(report, root, time.perf_counter() - started), highlight=False, soft_wrap=True)
    graph_failed = report.refresh is not None and report.refresh.status == "failed"
    if report.failed or graph_failed:  # a stale graph store would answer queries wrongly: say so
        sys.exit(1)


@click.command("remove")
@click.argument("docs", nargs=-1, required=True)
@click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: $KG_DATA_DIR or ./kg-data."
)
@click.option("--no-graph", is_flag=True, help="Do not rebuild the embedded graph store afterwards.")
def remove_cmd(docs: tuple[str, ...], data_dir: Path | None, no_graph: bool) -> None:
    """Drop documents from the data dir; DOCS are source paths, doc ids (or 6+ leading hex) or graph IRIs."""
    from rich.console import Console

    from kg.config import data_dir as resolve_data_dir
    from kg.ingest.runner import remove

    console = Console(stderr=True)
    removed, missing, refresh = remove(docs, resolve_data_dir(data_dir), refresh_graph=not no_graph)
    for entry in removed:
        console.print(f"removed {entry.doc_id}  {entry.path}", highlight=False, soft_wrap=True)
    for ref in missing:
        console.print(
            f"[bold red]not found[/] {ref}: no stored document has this path, doc id or graph IRI",
            soft_wrap=True,
        )
    if refresh is not None:
        console.print(f"graph store {refresh.status} in {refresh.seconds:.1f}s", highlight=False)
    if missing:
        sys.exit(1)


def _summary_table(results: list[FileResult], width: int) -> Table:
    """One row per file, fitted to ``width`` columns: the file name gives way, numbers never do.

    The doc id is shortened to 8 hex (``kg remove`` accepts 6 or more).
    """
    from rich.table import Table

    fixed = 9 + 8 + sum(max(len(h), 5) for h in COUNT_COLUMNS.values()) + 2 * (len(COUNT_COLUMNS) + 2)
    table = Table(box=None, pad_edge=False, padding=(0, 1), header_style="bold underline")
    table.add_column("file", overflow="ellipsis", no_wrap=True, max_width=max(10, width - fixed - 1))
    table.add_column("status", no_wrap=True, min_width=9)
    table.add_column("doc", no_wrap=True, min_width=8)
    for header in COUNT_COLUMNS.values():
        table.add_column(header, justify="right", no_wrap=True, min_width=max(len(header), 5))
    for r in results:
        style = STATUS_STYLE.get(r.status, "")
        counts = [str(r.counts.get(key, 0)) if r.counts else "" for key in COUNT_COLUMNS]
        table.add_row(Path(r.path).name, f"[{style}]{r.status}[/]", (r.doc_id or "")[:8], *counts)
    return table


def _totals_line(report: IngestReport, root: Path, seconds: float) -> str:
    from collections import Counter

    statuses = Counter(r.status for r in report.results)
    parts = [f"{statuses.get(s, 0)} {s}" for s in ("new", "updated", "unchanged", "failed")]
    if statuses.get("removed"):
        parts.append(f"{statuses['removed']} removed")
    line = f"{', '.join(parts)} → {root} in {seconds:.1f}s"
    refresh = report.refresh
    if refresh is not None:
        detail = refresh.detail
        nodes = sum(detail.nodes.values()) if hasattr(detail, "nodes") else None
        line += f"; graph store {refresh.status} in {refresh.seconds:.1f}s"
        if nodes is not None:
            line += f" ({nodes} nodes)"
        elif refresh.status != "done":
            line += f" ({detail})"
    return line
