"""``kg viz``: write interactive, self-contained HTML pages of the graph (pyvis / vis-network).

Subcommands: ``query NAME`` (what a canned query's answer is about), ``program NAME`` and
``place NAME`` (a neighbourhood), ``graph`` (everything up to a node cap).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from kg.commands.query import open_store_or_fail, store_options
from kg.store.base import GraphStore

DEFAULT_MAX_NODES = 2000  # kept equal to kg.viz.DEFAULT_MAX_NODES without importing pyvis for --help


def page_options(default_output: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``-o/--output``, ``--title``, ``--max-nodes`` and ``--evidence-nodes``, shared by every page."""

    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        command = click.option(
            "--evidence-nodes", is_flag=True,
            help="Draw Evidence sentences as nodes (default: they are listed in tooltips).",
        )(command)
        command = click.option(
            "--max-nodes", type=click.IntRange(1), default=DEFAULT_MAX_NODES, show_default=True,
            help="Most nodes drawn; the page says so when the cap leaves nodes out.",
        )(command)
        command = click.option("--title", default=None, help="Page title (default: what is drawn).")(command)
        return click.option(
            "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path(default_output),
            show_default=True, help="HTML file to write.",
        )(command)

    return decorate


@contextmanager
def graph_store(backend: str, data_dir: str | None) -> Iterator[GraphStore]:
    """The store for one command, closed afterwards; store and name errors become click errors."""
    from kg.queries.names import NameResolutionError
    from kg.store.base import StoreError

    store = open_store_or_fail(backend, data_dir)
    try:
        yield store
    except (StoreError, NameResolutionError, LookupError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    finally:
        store.close()


def write_page(graph: Any, output: Path, title: str | None, started: float) -> None:
    """Render ``graph`` to ``output`` and report size, time and any node cap."""
    from kg.viz import render
    from kg.viz.render import cap_message

    path = render(graph, output, title=title)
    seconds = time.perf_counter() - started
    size = f"{graph.number_of_nodes():,} nodes, {graph.number_of_edges():,} links"
    click.echo(f"wrote {path}: {size} ({seconds:.1f} s)")
    notice = cap_message(graph)
    if notice:
        click.echo(f"note: {notice}", err=True)
    if graph.number_of_nodes() == 0:
        click.echo("note: nothing to draw; the page is empty", err=True)


@click.group(name="viz")
def viz_group() -> None:
    """Write interactive HTML pages of the graph (open them in any browser, offline)."""


@viz_group.command(name="query")
@click.argument("name")
@click.option("-p", "--param", "params", multiple=True, metavar="KEY=VALUE", help="Query parameter (repeat).")
@store_options
@page_options("query.html")
def viz_query_cmd(name: str, params: tuple[str, ...], backend: str, data_dir: str | None, output: Path,
                  title: str | None, max_nodes: int, evidence_nodes: bool) -> None:
    """Draw what canned query NAME answers: its entities and the assertions linking them."""
    from kg.queries.catalogue import UnknownQueryError
    from kg.queries.params import ParameterError, parse_assignments
    from kg.viz.querygraph import canned_query_graph

    started = time.perf_counter()
    try:
        raw = parse_assignments(list(params))
    except ParameterError as exc:
        raise click.UsageError(str(exc)) from exc
    with graph_store(backend, data_dir) as store:
        try:
            graph, result = canned_query_graph(store, name, raw, max_nodes=max_nodes,
                                               include_evidence=evidence_nodes)
        except (UnknownQueryError, ParameterError) as exc:
            raise click.ClickException(str(exc)) from exc
    click.echo(f"{name}: {len(result.rows)} rows")
    write_page(graph, output, title or f"{name} {' '.join(params)}".strip(), started)


def draw_neighbourhood(kind: str, name: str, depth: int, backend: str, data_dir: str | None,
                       output: Path, title: str | None, max_nodes: int, evidence_nodes: bool) -> None:
    """Resolve NAME to its node(s) and write the page of their neighbourhood."""
    from kg.viz import neighbourhood, resolve

    started = time.perf_counter()
    with graph_store(backend, data_dir) as store:
        uris = resolve(store, kind, name)
        graph = neighbourhood(store, uris, depth, max_nodes=max_nodes, include_evidence=evidence_nodes)
    write_page(graph, output, title or f"{name} ({kind}, depth {depth})", started)


depth_option = click.option(
    "--depth", type=click.IntRange(0, 6), default=1, show_default=True, help="Hops from the node, both ways."
)


@viz_group.command(name="program")
@click.argument("name")
@depth_option
@store_options
@page_options("program.html")
def viz_program_cmd(name: str, **options: Any) -> None:
    """Draw the neighbourhood of a program (label, alias or uri)."""
    draw_neighbourhood("program", name, **options)


@viz_group.command(name="place")
@click.argument("name")
@depth_option
@store_options
@page_options("place.html")
def viz_place_cmd(name: str, **options: Any) -> None:
    """Draw the neighbourhood of a place (东莞 or 东莞市, a GB/T 2260 code, or a uri)."""
    draw_neighbourhood("place", name, **options)


@viz_group.command(name="graph")
@store_options
@page_options("graph.html")
def viz_graph_cmd(backend: str, data_dir: str | None, output: Path, title: str | None, max_nodes: int,
                  evidence_nodes: bool) -> None:
    """Draw the whole graph, most important classes first, up to --max-nodes nodes."""
    from kg.viz import whole_graph

    started = time.perf_counter()
    with graph_store(backend, data_dir) as store:
        graph = whole_graph(store, max_nodes, include_evidence=evidence_nodes)
    write_page(graph, output, title or "regkg graph", started)
