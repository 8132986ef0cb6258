"""``kg eval GOLD_DIR --docs DIR [--json]``: P/R/F1 per kind, per document and in total."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.extract.evaluate import EvalReport
from kg.extract.scoring import KINDS, Counts


def _cells(c: Counts) -> list[str]:
    """gold, extracted, found, correct, P, R, F1 — with '–' where nothing was there to score."""
    if c.gold == 0 and c.extracted == 0:
        return ["0", "0", "", "", "–", "–", "–"]
    return [
        str(c.gold),
        str(c.extracted),
        str(c.found),
        str(c.correct),
        f"{c.precision:.2f}",
        f"{c.recall:.2f}",
        f"{c.f1:.2f}",
    ]


def _print_table(report: EvalReport) -> None:
    """One row per document and kind, then the totals and the metadata accuracy."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="extraction vs gold")
    for name in ("document", "kind", "gold", "extracted", "found", "correct", "P", "R", "F1"):
        table.add_column(name, justify="left" if name in ("document", "kind") else "right")
    for d in report.documents:
        for i, kind in enumerate(KINDS):
            table.add_row(
                d.doc if i == 0 else "", kind, *_cells(d.counts[kind]), end_section=kind == KINDS[-1]
            )
    for i, (kind, c) in enumerate(report.totals.items()):
        table.add_row("[bold]total[/bold]" if i == 0 else "", f"[bold]{kind}[/bold]", *_cells(c))
    console = Console(width=max(100, Console().width))
    console.print(table)
    for d in report.documents:
        wrong = [k for k, ok in d.metadata.items() if not ok]
        console.print(f"metadata {d.doc}: {'ok' if not wrong else 'WRONG ' + ', '.join(wrong)}")
    meta = report.metadata_accuracy
    summary = f"jurisdiction {meta['jurisdiction']:.0%}, doc_type {meta['doc_type']:.0%}"
    console.print(f"[bold]metadata total[/bold]: {summary}")


@click.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--docs",
    "docs_dir",
    required=True,
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Folder of the documents the gold files annotate.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_cmd(gold_dir: Path, docs_dir: Path, as_json: bool) -> None:
    """Score extraction against the gold annotations in GOLD_DIR."""
    from kg.commands.extract import extract_file
    from kg.extract.evaluate import evaluate

    report = evaluate(gold_dir, docs_dir, extract_file)
    if not report.documents:
        raise click.ClickException(f"no gold file in {gold_dir} matches a document in {docs_dir}")
    if as_json:
        json.dump(report.to_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _print_table(report)
