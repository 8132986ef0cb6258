"""``kg vocab``: the program vocabulary — list it, show one program, find candidate programs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from kg.extract.vocabulary import PROGRAM_TYPES, Program, ProgramVocabulary


def _vocabulary() -> ProgramVocabulary:
    from kg.extract.vocabulary import load_vocabulary

    try:
        return load_vocabulary()
    except (OSError, ValueError) as exc:  # a missing or broken extension file
        raise click.ClickException(f"cannot read the program vocabulary: {exc}") from exc


def _slug(vocab: ProgramVocabulary, iri: str) -> str:
    from kg.extract.vocabulary import RKP

    return iri[len(str(RKP)) :] if iri.startswith(str(RKP)) else iri


def program_dict(vocab: ProgramVocabulary, program: Program) -> dict[str, Any]:
    """A program as JSON: labels, type, broader chain and narrower programs by slug."""
    return {
        "iri": program.iri,
        "slug": _slug(vocab, program.iri),
        "label": program.pref_label,
        "label_en": program.label_en,
        "alt_labels": list(program.alt_labels),
        "type": program.program_type,
        "matchable": program.matchable,
        "broader": [_slug(vocab, b) for b in program.broader],
        "broader_closure": [_slug(vocab, b) for b in vocab.broader_closure(program.iri)],
        "narrower": sorted(_slug(vocab, p.iri) for p in vocab if program.iri in p.broader),
    }


def _dump(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@click.group("vocab")
def vocab_group() -> None:
    """The program vocabulary (ontology/programs.ttl plus $KG_VOCAB_EXTRA or <data-dir>/vocabulary.ttl)."""


@vocab_group.command("list")
@click.option("--type", "program_type", type=click.Choice(PROGRAM_TYPES), help="Only programs of this type.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_cmd(program_type: str | None, as_json: bool) -> None:
    """Every program of the vocabulary with its type and English label."""
    vocab = _vocabulary()
    programs = sorted(
        (p for p in vocab if program_type in (None, p.program_type)), key=lambda p: (p.program_type, p.iri)
    )
    if as_json:
        _dump([program_dict(vocab, p) for p in programs])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(programs)} programs")
    for column in ("slug", "label", "type"):
        table.add_column(column, no_wrap=True)
    table.add_column("English", overflow="fold")
    table.add_column("broader", overflow="fold")
    for p in programs:
        broader = ", ".join(_slug(vocab, b) for b in p.broader)
        table.add_row(_slug(vocab, p.iri), p.pref_label, p.program_type, p.label_en or "", broader)
    Console().print(table)


@vocab_group.command("show")
@click.argument("name")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def show_cmd(name: str, as_json: bool) -> None:
    """One program, by any of its labels (证照分离, “双随机、一公开”), its slug or its IRI."""
    vocab = _vocabulary()
    program = vocab.lookup(name)
    if program is None:
        raise click.ClickException(f"no program called {name!r} (try `kg vocab list`)")
    data = program_dict(vocab, program)
    if as_json:
        _dump(data)
        return
    click.echo(f"{data['label']}  ({data['label_en']})")
    click.echo(f"  iri       {data['iri']}")
    click.echo(f"  type      {data['type']}")
    click.echo(f"  alt       {' / '.join(data['alt_labels']) or '-'}")
    click.echo(f"  broader   {' > '.join(data['broader_closure']) or '-'}")
    click.echo(f"  narrower  {', '.join(data['narrower']) or '-'}")


@vocab_group.command("candidates")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--min-count", default=1, show_default=True, type=click.IntRange(min=1),
              help="Only candidates mentioned at least this often.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def candidates_cmd(paths: tuple[Path, ...], min_count: int, as_json: bool) -> None:
    """Candidate programs (not in the vocabulary) across PATHS (default: the seed reports).

    Lists each with its mention count, the documents it occurs in and an example sentence,
    most widespread first: the best additions to the vocabulary extension file.
    """
    from kg.config import seeds_dir
    from kg.extract.candidate_index import summarize_candidates
    from kg.loaders import iter_documents
    from kg.loaders.model import Document

    vocab = _vocabulary()
    if not paths and not seeds_dir().is_dir():
        raise click.ClickException(f"no PATHS given and no seed reports in {seeds_dir()}")
    docs = []
    for item in iter_documents(list(paths) or [seeds_dir()]):
        if isinstance(item, Document):
            docs.append(item)
        else:
            click.echo(f"skipped {item}", err=True)
    summaries = summarize_candidates(docs, vocab, min_count)
    if as_json:
        _dump([s.as_dict() for s in summaries])
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(summaries)} candidate programs in {len(docs)} documents")
    for column in ("candidate", "mentions", "docs", "status", "example"):
        table.add_column(column, overflow="fold")
    for s in summaries:
        example = s.example if len(s.example) <= 80 else s.example[:79] + "…"
        table.add_row(s.label, str(s.mentions), str(len(s.documents)), "/".join(s.statuses), example)
    Console().print(table)
