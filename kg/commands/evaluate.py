"""``kg eval GOLD_DIR --docs DIR [--json]``: P/R/F1 per kind, per document and in total."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kg.extract.scoring import KINDS


def _print_table(report: object) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="extraction vs gold (P / R / F1)")
    table.add_column("document")
    for kind in KINDS:
        table.add_column(kind, justify="right")
    table.add_column("jurisdiction")
    table.add_column("doc_type")
    for d in report.documents:  # type: ignore[attr-defined]
        cells = [f"{c.precision:.2f} / {c.recall:.2f} / {c.f1:.2f}" for c in (d.counts[k] for k in KINDS)]
        table.add_row(
            d.doc,
            *cells,
            "ok" if d.metadata["jurisdiction"] else "WRONG",
            "ok" if d.metadata["doc_type"] else "WRONG",
        )
    totals = report.totals  # type: ignore[attr-defined]
    meta = report.metadata_accuracy  # type: ignore[attr-defined]
    table.add_row(
        "[bold]total[/bold]",
        *(
            f"[bold]{totals[k].precision:.2f} / {totals[k].recall:.2f} / {totals[k].f1:.2f}[/bold]"
            for k in KINDS
        ),
        f"{meta['jurisdiction']:.0%}",
        f"{meta['doc_type']:.0%}",
    )
    Console().print(table)


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
