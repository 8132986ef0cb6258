"""The on-disk layout of a regkg data dir, and crash-safe writes into it.

::

    <data dir>/                 ($KG_DATA_DIR, default ./kg-data)
      manifest.json             what is stored: one entry per ingested path (see kg.ingest.manifest)
      graphs/<doc id>.nq        one N-Quads file per document; every quad's graph = the Document IRI
                                (rkd:doc/<doc id>); lines sorted, so equal graphs give equal bytes
      .lock                     held while an ingest/remove runs
      (store files of the graph backends, e.g. the embedded LadybugDB, live beside these)

A graph file is written to a temporary file, flushed to disk and moved into place with
``os.replace`` (an ingest worker writes it, the ingest process flushes and moves it); the
manifest is written last, the same way. A run that dies part way leaves every document stored
before it readable, and a graph file the manifest does not name is ignored by readers.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path

from rdflib import Graph
from rdflib.term import Node

from kg.rdf.ntriples import nt_term

MANIFEST_NAME = "manifest.json"
GRAPHS_DIR = "graphs"
GRAPH_SUFFIX = ".nq"
LOCK_NAME = ".lock"
TEMP_PREFIX = ".tmp-"


def manifest_path(data_dir: Path) -> Path:
    return data_dir / MANIFEST_NAME


def graph_file_name(doc_id: str) -> str:
    """The graph file of a document, relative to the data dir (as the manifest records it)."""
    return f"{GRAPHS_DIR}/{doc_id}{GRAPH_SUFFIX}"


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` so that ``path`` holds either its old content or all of the new one."""
    commit_staged_file(stage_text(path.parent, text), path)


def stage_text(folder: Path, text: str) -> Path:
    """Write ``text`` to a new temporary file in ``folder`` (not yet flushed to disk); the first
    half of :func:`atomic_write_text`, which ingest workers do while the parent commits."""
    folder.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    except BaseException:
        discard_staged_file(Path(temp_name))
        raise
    # mkstemp answers an absolute path: keep the folder's form, for data dirs given as relative paths
    return folder / Path(temp_name).name


def commit_staged_file(staged: Path, path: Path) -> None:
    """Flush a staged file to disk and move it to ``path`` in one step (the second half of
    :func:`atomic_write_text`); on failure the staged file is removed and ``path`` untouched."""
    try:
        fd = os.open(staged, os.O_RDONLY)
        try:
            os.fsync(fd)  # flushes the file's data whichever process wrote it
        finally:
            os.close(fd)
        os.replace(staged, path)
    except BaseException:
        discard_staged_file(staged)
        raise


def discard_staged_file(staged: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        os.unlink(staged)


def remove_stale_temp_files(data_dir: Path) -> int:
    """Delete temporary files an interrupted run left behind; returns how many."""
    removed = 0
    for folder in (data_dir, data_dir / GRAPHS_DIR):
        if folder.is_dir():
            for temp in folder.glob(f"{TEMP_PREFIX}*"):
                temp.unlink(missing_ok=True)
                removed += 1
    return removed


def canonical_nquads(graph: Graph) -> str:
    """The graph as sorted N-Quads lines in its own named graph (deterministic for blank-node-free graphs)."""
    return nquads_text(graph.identifier, graph)


def nquads_text(graph_iri: Node, triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Sorted N-Quads lines of ``triples`` in the graph ``graph_iri``."""
    name = nt_term(graph_iri)
    # Subjects, predicates and shared literals repeat: write each term once. The memo is keyed
    # by object identity because rdflib hashes Literals in Python (the triples keep every node
    # alive for the duration, so an id is never reused here).
    memo: dict[int, str] = {}
    get = memo.get

    def term(node: Node) -> str:
        text = memo[id(node)] = nt_term(node)
        return text

    tail = f" {name} .\n"
    lines = [
        f"{get(id(s)) or term(s)} {get(id(p)) or term(p)} {get(id(o)) or term(o)}{tail}"
        for s, p, o in triples
    ]
    lines.sort()
    return "".join(lines)


@contextlib.contextmanager
def data_dir_lock(data_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the data dir so two ingests never interleave their writes."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with open(data_dir / LOCK_NAME, "a") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
