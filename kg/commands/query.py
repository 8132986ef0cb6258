"""``kg query NAME -p key=value``: run a canned Cypher query; ``kg query --list``: the catalogue."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import click

from kg.store.base import GraphStore

FORMAT_CHOICE = click.Choice(["table", "csv", "json"])
PIPED_TABLE_WIDTH = 160


def store_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The ``--backend`` and ``--data-dir`` options shared by ``kg query`` and ``kg console``."""
    command = click.option(
        "--data-dir",
        type=click.Path(file_okay=False),
        default=None,
        help="Data dir holding the embedded store (default $KG_DATA_DIR or ./kg-data).",
    )(command)
    return click.option(
        "--backend",
        type=click.Choice(["embedded", "neo4j"]),
        default="embedded",
        show_default=True,
        help="Graph store to ask; neo4j reads NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE.",
    )(command)


def open_store_or_fail(backend: str, data_dir: str | None, *, writable: bool = False) -> GraphStore:
    """Open the graph store, turning "not built yet" and connection problems into click errors."""
    from kg.store import open_store
    from kg.store.base import StoreError

    options: dict[str, Any] = {"writable": True} if writable and backend == "embedded" else {}
    try:
        return open_store(backend, data_dir=data_dir, **options)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc


def print_catalogue(fmt: str) -> None:
    """Print every canned query with its description and parameters."""
    from kg.queries.catalogue import load_catalogue

    catalogue = load_catalogue()
    if fmt == "json":
        body = [
            {
                "name": q.name,
                "description": q.header.description,
                "parameters": [
                    {"name": p.name, "type": p.type, "required": p.required, "default": p.default,
                     "choices": list(p.choices), "help": p.help}
                    for p in q.header.params
                ],
                "columns": list(q.header.columns),
            }
            for q in catalogue.values()
        ]
        click.echo(json.dumps(body, ensure_ascii=False, indent=2))
        return
    for query in catalogue.values():
        click.echo(f"{query.name}\n  {query.header.description}")
        for param in query.header.params:
            click.echo(f"    -p {param.signature()}" + (f"  -- {param.help}" if param.help else ""))
        click.echo(f"  columns: {', '.join(query.header.columns)}")


def result_console(fmt: str) -> Any:
    """A rich console for results: wide tables when piped (rich would assume 80 columns)."""
    from rich.console import Console

    console = Console(soft_wrap=fmt != "table")
    if fmt == "table" and not console.is_terminal:
        console = Console(width=max(console.width, PIPED_TABLE_WIDTH))
    return console


def run_and_print(store: GraphStore, name: str, assignments: tuple[str, ...], fmt: str) -> None:
    """Run canned query ``name`` and print its result, mapping user mistakes to click errors."""
    from kg.queries.catalogue import UnknownQueryError
    from kg.queries.formatting import print_result
    from kg.queries.names import NameResolutionError
    from kg.queries.params import ParameterError, parse_assignments
    from kg.queries.readonly import WriteQueryError
    from kg.queries.runner import QueryRunner
    from kg.store.base import StoreError

    try:
        result = QueryRunner(store).run_canned(name, parse_assignments(list(assignments)))
    except UnknownQueryError as exc:
        raise click.UsageError(str(exc)) from exc
    except (ParameterError, NameResolutionError) as exc:
        raise click.BadParameter(str(exc), param_hint="-p") from exc
    except (StoreError, WriteQueryError) as exc:
        raise click.ClickException(f"{name}: {exc}") from exc
    print_result(result, fmt, result_console(fmt), title=name if fmt == "table" else None)


@click.command("query")
@click.argument("name", required=False)
@click.option("-p", "--param", "assignments", multiple=True, metavar="KEY=VALUE",
              help="A parameter; programs and places may be given by label, alias, code or uri.")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@click.option("--list", "list_only", is_flag=True, help="List the canned queries and their parameters.")
@store_options
def query_cmd(
    name: str | None,
    assignments: tuple[str, ...],
    fmt: str,
    list_only: bool,
    backend: str,
    data_dir: str | None,
) -> None:
    """Run the canned query NAME read-only against the graph (see --list)."""
    if list_only:
        print_catalogue(fmt)
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list to see them")
    from kg.queries.catalogue import UnknownQueryError, get_query

    try:
        get_query(name)  # an unknown name fails before any store is opened
    except UnknownQueryError as exc:
        raise click.UsageError(str(exc)) from exc
    store = open_store_or_fail(backend, data_dir)
    try:
        run_and_print(store, name, assignments, fmt)
    finally:
        store.close()
