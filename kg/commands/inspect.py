"""``kg inspect FILE_OR_DIR...``: what the loader makes of each report (metadata and outline)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

DISPLAY_DEPTH = 3


@click.command("inspect")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list, one object per file.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None,
              help="Refuse files larger than this (default: $KG_MAX_BYTES or 20 MB).")
@click.option("--recursive/--no-recursive", default=True, show_default=True,
              help="Walk sub-directories of directory arguments.")
@click.option("--depth", type=click.IntRange(min=1), default=DISPLAY_DEPTH, show_default=True,
              help="Outline depth shown (the JSON always has the full tree).")
def inspect_cmd(paths: tuple[Path, ...], as_json: bool, max_bytes: int | None, recursive: bool,
                depth: int) -> None:
    """Show title, issuer, jurisdiction, type, years and the section outline of each report.

    Unreadable files are reported as `error: PATH: reason` on stderr and the batch goes on;
    the exit code is 1 when any file failed.
    """
    from kg.loaders import Document, LoadError, Skipped, iter_documents
    from kg.loaders.summary import document_summary

    summaries: list[dict[str, Any]] = []
    failed = loaded = 0
    for item in iter_documents(paths, recursive=recursive, max_bytes=max_bytes):
        loaded += isinstance(item, Document)
        if isinstance(item, LoadError):
            failed += 1
            click.echo(f"error: {item.path}: {item.reason}", err=True)
        elif isinstance(item, Skipped):
            click.echo(f"skipped: {item.path}: {item.reason}", err=True)
        elif as_json:
            summaries.append(document_summary(item))
        else:
            _print_document(document_summary(item), depth)
    if as_json:
        click.echo(json.dumps(summaries, ensure_ascii=False, indent=2))
    if not loaded and not failed:
        click.echo("note: no readable reports found (txt, html, pdf, docx)", err=True)
    sys.exit(1 if failed else 0)


def _print_document(summary: dict[str, Any], depth: int) -> None:
    """A rich tree: metadata as the root label, sections below with kind and year."""
    from rich.console import Console
    from rich.markup import escape
    from rich.tree import Tree

    j = summary["jurisdiction"]
    years = summary["years"]
    place = j["name"] or "?"
    if j["code"]:
        place += f" {j['code']}"
    place += f" ({j['level'] or '?'}, {j['province'] or '?'})"
    label = (
        f"[bold]{escape(summary['path'])}[/bold]\n"
        f"title: {escape(str(summary['title']))}   issuer: {escape(str(summary['issuer']))}\n"
        f"jurisdiction: {escape(place)}   type: {summary['doc_type']}   "
        f"years: summary {years['summary']} / plan {years['plan']}"
        + (f" (period {years['period_start']}–{years['period_end']})" if years["period_start"] else "")
        + f"\n{summary['source_format']} {summary['encoding'] or ''}   "
        f"{summary['n_sentences']} sentences, {summary['n_sections']} sections   "
        f"sha256 {summary['sha256'][:16]}"
    )
    tree = Tree(label)
    _add_sections(tree, summary["sections"], depth)
    Console(soft_wrap=False).print(tree)


def _add_sections(parent: Any, sections: list[dict[str, Any]], depth: int) -> None:
    from rich.markup import escape

    colour = {"reporting": "green", "planning": "cyan"}
    for sec in sections:
        if sec["depth"] > depth:
            continue
        heading = sec["heading"] if len(sec["heading"]) <= 50 else sec["heading"][:49] + "…"
        kind = sec["kind"] or "-"
        node = parent.add(
            f"{escape(heading)} [{colour.get(kind, 'white')}]{kind} {sec['year'] or ''}[/]"
        )
        _add_sections(node, sec["children"], depth)
