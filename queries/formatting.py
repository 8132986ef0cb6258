"""Show query results as a rich table, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

from kg.store.base import QueryResult

FORMATS = ("table", "csv", "json")
LIST_SEPARATOR = "; "


URI_SUFFIX = "_uri"  # canned queries name their IRI columns <entity>_uri


def cell_text(value: Any) -> str:
    """A value as one table/CSV cell: lists joined, floats without a spurious ``.0``, null empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (list, tuple)):
        return LIST_SEPARATOR.join(cell_text(v) for v in value)
    if isinstance(value, dict):
        return graph_value_text(value)
    return str(value)


def graph_value_text(value: dict[str, Any]) -> str:
    """Nodes as ``(:Place {label: 东莞市})``, relationships as ``[:within]``, paths joined; maps as JSON."""
    kind = value.get("_kind")
    props = {k: v for k, v in value.items() if not k.startswith("_")}
    shown = ", ".join(f"{k}: {cell_text(v)}" for k, v in props.items())
    if kind == "node":
        return f"(:{value.get('_label', '')} {{{shown}}})"
    if kind == "relationship":
        return f"[:{value.get('_type', '')}{' {' + shown + '}' if shown else ''}]"
    if kind == "path":
        nodes = [graph_value_text(n) for n in value.get("nodes", [])]
        rels = [graph_value_text(r) for r in value.get("relationships", [])]
        parts = [p for pair in zip(nodes, [*rels, ""], strict=False) for p in pair if p]
        return "-".join(parts)
    return json.dumps(_jsonable(value), ensure_ascii=False, sort_keys=True)


def _jsonable(value: Any) -> Any:
    """``value`` with engine-specific objects (nodes, dates) turned into JSON-friendly forms."""
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if hasattr(value, "items"):  # neo4j Node / Relationship behave like mappings
        return _jsonable(dict(value.items()))
    return str(value)


def to_csv(result: QueryResult) -> str:
    """CSV with a header row of the column names."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    writer.writerows([cell_text(v) for v in row] for row in result.rows)
    return buffer.getvalue()


def to_json(result: QueryResult) -> str:
    """A JSON array of objects keyed by column name (lists stay lists)."""
    records = [dict(zip(result.columns, (_jsonable(v) for v in row), strict=True)) for row in result.rows]
    return json.dumps(records, ensure_ascii=False, indent=2)


def to_table(result: QueryResult, title: str | None = None) -> Table:
    """A rich table of the result, without the ``…_uri`` columns (for CSV, JSON and the graph view;
    IRIs would crowd the readable columns off a terminal) unless the result has nothing else."""
    shown = [i for i, c in enumerate(result.columns) if not c.endswith(URI_SUFFIX)] or list(
        range(len(result.columns))
    )
    table = Table(title=title, show_lines=False, header_style="bold")
    for i in shown:
        table.add_column(result.columns[i], overflow="fold")
    for row in result.rows:
        table.add_row(*(cell_text(row[i]) for i in shown))
    table.caption = f"{len(result.rows)} row{'s' if len(result.rows) != 1 else ''}"
    return table


def print_result(result: QueryResult, fmt: str, console: Console, title: str | None = None) -> None:
    """Print ``result`` to ``console`` in format ``fmt`` (table, csv or json)."""
    if fmt == "table":
        console.print(to_table(result, title))
    elif fmt == "csv":
        console.file.write(to_csv(result))
    elif fmt == "json":
        console.file.write(to_json(result) + "\n")
    else:
        raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
