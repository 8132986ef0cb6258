"""``kg load``: rebuild the embedded graph store from the data dir's RDF."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("load")
@click.option(
    "--data-dir", type=click.Path(file_okay=False, path_type=Path), help="Default: $KG_DATA_DIR or ./kg-data."
)
def load_cmd(data_dir: Path | None) -> None:
    """Rebuild the embedded store (<data-dir>/ladybug) from the stored RDF, atomically.

    `kg ingest` does this after every change; run it by hand after an upgrade of regkg or
    when the store was deleted.
    """
    from kg.store.base import StoreError
    from kg.store.embedded import refresh

    try:
        report = refresh(data_dir)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from exc
    nodes = sum(report.nodes.values())
    rels = sum(report.relationships.values())
    click.echo(f"loaded {nodes} nodes, {rels} relationships into {report.path} in {report.seconds:.1f}s")
    for label, count in report.nodes.items():
        click.echo(f"  {label:<16} {count:>7}")
    for warning in report.warnings[:20]:
        click.echo(f"warning: {warning}", err=True)
