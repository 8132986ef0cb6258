"""``kg extract FILE [--json]``: what regkg finds in one report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click


def extract_file(path: Path) -> dict[str, Any]:
    """Load, extract and render one document as the ``kg extract --json`` object."""
    from kg.extract.jsonout import extraction_json
    from kg.extract.pipeline import extract
    from kg.loaders import load

    doc = load(str(path))
    return extraction_json(doc, extract(doc))


def _summary(data: dict[str, Any]) -> None:
    """A readable rich summary: document header, counts, then the items with their evidence."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    d = data["document"]
    j = d.get("jurisdiction") or {}
    console.print(f"[bold]{d.get('title') or d['path']}[/bold]")
    console.print(
        f"{j.get('name')} ({j.get('level')}, {j.get('code')}) · {d.get('issuer')} · {d['doc_type']} · "
        f"summary {d['years']['summary']} / plan {d['years']['plan']}"
    )
    columns = {
        "pilots": ("place", "what", "status"),
        "claims": ("scope", "what", "place"),
        "outcomes": ("metric", "value", "unit", "year", "change", "rank"),
        "targets": ("metric", "baseline", "target", "unit", "target_year", "binding"),
        "policy_documents": ("title", "policy_type"),
        "recognitions": ("recipient", "what"),
    }
    console.print(", ".join(f"{k}: {len(data.get(k) or [])}" for k in ("programs", *columns)))
    for kind, cols in columns.items():
        items = data.get(kind) or []
        if not items:
            continue
        table = Table(title=kind, show_lines=False)
        for col in cols:
            table.add_column(col)
        for item in items:
            table.add_row(*(str(item.get(c)) if item.get(c) is not None else "" for c in cols))
        console.print(table)


@click.command("extract")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the JSON of ../shared/gold/README.md.")
def extract_cmd(file: Path, as_json: bool) -> None:
    """Extract programs, pilots, claims, outcomes and targets from FILE."""
    from kg.loaders.model import LoadError

    try:
        data = extract_file(file)
    except LoadError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _summary(data)
