"""``kg export``: the data dir's graph as RDF, GraphML, GEXF or neo4j-admin CSV."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.store.exports import FORMATS, GRAPH_FORMATS, RDF_FORMATS


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")
@click.option(
    "-o", "--output", type=click.Path(path_type=Path),
    help="File to write (a directory for csv); default stdout (required for csv).",
)
@click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: $KG_DATA_DIR or ./kg-data."
)
def export_cmd(fmt: str, output: Path | None, data_dir: Path | None) -> None:
    """Export the graph: RDF (ttl, trig, nq, jsonld) with one named graph per document (ttl: their
    union), or the property graph (graphml, gexf, csv in `neo4j-admin database import` format).
    The program vocabulary and the ontology are included.
    """
    from kg.config import data_dir as resolve_data_dir
    from kg.ingest import load_dataset
    from kg.store import exports
    from kg.store.projection import project

    root = resolve_data_dir(data_dir)
    if not root.is_dir():
        raise click.ClickException(f"no data dir at {root}; run `kg ingest` first")
    dataset = load_dataset(root, with_ontology=True)
    if fmt in RDF_FORMATS:
        _emit(exports.export_rdf(dataset, fmt), output)
    elif fmt in GRAPH_FORMATS:
        if output is None:
            raise click.ClickException(f"--format {fmt} needs -o FILE")
        exports.write_graph_file(project(dataset), fmt, output)
        click.echo(f"wrote {output}", err=True)
    else:
        if output is None:
            raise click.ClickException("--format csv needs -o DIRECTORY")
        written = exports.write_admin_csv(project(dataset), output)
        click.echo(f"wrote {len(written)} files to {output} (see import-command.txt)", err=True)


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")
        click.echo(f"wrote {output}", err=True)
