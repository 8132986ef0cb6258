"""``kg sync neo4j``: push the data dir's graph into a Neo4j database, incrementally."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from kg.store.neo4j_sync import SyncReport
    from kg.store.sync_plan import SyncPlan


@click.group("sync")
def sync_group() -> None:
    """Copy the graph into an external graph database."""


@sync_group.command("neo4j")
@click.option("--uri", help="Bolt/neo4j URI; default $NEO4J_URI or neo4j://localhost:7687.")
@click.option("--user", help="Default $NEO4J_USERNAME or neo4j. The password comes from $NEO4J_PASSWORD.")
@click.option("--database", help="Default $NEO4J_DATABASE or neo4j.")
@click.option("--batch-size", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Rows per UNWIND batch (one write transaction each).")
@click.option("--dry-run", is_flag=True, help="Print the statements and batch plan; contact no server.")
@click.option("--prune", is_flag=True, help="Also delete what only documents removed from the data dir held.")
@click.option("--full", is_flag=True, help="Re-send every document, not only those changed since last time.")
@click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: $KG_DATA_DIR or ./kg-data."
)
def sync_neo4j_cmd(
    uri: str | None, user: str | None, database: str | None, batch_size: int, dry_run: bool,
    prune: bool, full: bool, data_dir: Path | None,
) -> None:
    """Sync documents changed since the last sync into Neo4j (idempotent: re-running changes nothing).

    Creates uri uniqueness constraints and lookup indexes, then merges nodes and relationships in
    batched write transactions (retried on transient errors). State is kept per server and
    database in <data-dir>/sync/.
    """
    from kg.config import data_dir as resolve_data_dir
    from kg.store.base import StoreError
    from kg.store.neo4j_store import Neo4jSettings
    from kg.store.neo4j_sync import dry_run_plan

    root = resolve_data_dir(data_dir)
    if not (root / "manifest.json").exists():
        raise click.ClickException(f"no ingested documents in {root}; run `kg ingest` first")
    password = os.environ.get("NEO4J_PASSWORD")
    if password is None and not dry_run and sys.stdin.isatty():
        password = click.prompt("Neo4j password", hide_input=True, err=True)
    settings = Neo4jSettings.from_env(uri, user, password, database)
    if dry_run:
        plan = dry_run_plan(root, settings, batch_size=batch_size, prune=prune, full=full)
        _print_plan(plan, settings.describe())
        return
    try:
        report = _sync_with_progress(root, settings, batch_size, prune, full)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    _print_report(report)


RELAYOUT_NOTE = "the target was synced by an older regkg (another store layout): every graph is sent again"


def _sync_with_progress(root: Path, settings: object, batch_size: int, prune: bool, full: bool) -> SyncReport:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.store.neo4j_sync import sync_neo4j

    console = Console(stderr=True)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=console, transient=True) as progress:
        task = progress.add_task("connecting", total=None)

        def on_plan(plan: SyncPlan) -> None:
            if plan.relayout:
                console.print(RELAYOUT_NOTE)
            progress.update(task, description="syncing batches", total=len(plan.batches), completed=0)

        def on_batch(index: int, batch: object) -> None:
            progress.update(task, completed=index + 1)

        return sync_neo4j(root, settings, batch_size=batch_size, prune=prune, full=full,  # type: ignore[arg-type]
                          on_plan=on_plan, on_batch=on_batch)


def _print_plan(plan: SyncPlan, target: str) -> None:
    """The dry run: documents, schema statements, then each distinct statement with its batches."""
    click.echo(f"// dry run for {target}: {len(plan.changed)} changed, {len(plan.removed)} removed, "
               f"{len(plan.unchanged)} unchanged graphs; {len(plan.batches)} batches")
    if plan.relayout:
        click.echo(f"// {RELAYOUT_NOTE}")
    for statement in plan.schema:
        click.echo(statement + ";")
    seen: dict[str, list[int]] = {}
    for batch in plan.batches:
        seen.setdefault(batch.statement, []).append(len(batch.rows))
    for batch in plan.batches:
        sizes = seen.pop(batch.statement, None)
        if sizes is not None:
            click.echo(f"// {batch.action} {batch.target}: {len(sizes)} batch(es), {sum(sizes)} rows")
            click.echo(batch.statement + ";")


def _print_report(report: SyncReport) -> None:
    click.echo(
        f"synced {len(report.changed)} changed graph(s) to {report.target} in {report.seconds:.1f}s "
        f"({report.batches} batches; {len(report.unchanged)} unchanged, {len(report.removed)} removed)"
    )
    for key, value in sorted(report.counters.items()):
        click.echo(f"  {key:<24} {value:>8}")
    if not report.counters:
        click.echo("  nothing changed")
