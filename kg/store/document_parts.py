"""Each graph file's part of the projection, folded in worker processes and cached in the data dir.

A part is what a :class:`~kg.store.accumulator.TripleAccumulator` accumulates from one file
(rk: classes, typed literal values and IRI links per subject), pickled. It depends only on the
file's bytes and on the code that folds them, so it is cached as
``<data dir>/projection/<file stem>.<content hash>.<code hash>.pickle``: an edited or re-ingested
file with new content, or a change to the folding code, gets a new name and the old entry is
pruned. The ontology and vocabulary are not part of any cached part; they are projected on every
load. Entries are written to a temporary file and renamed, so a killed load leaves no torn entry.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import lru_cache, partial
from pathlib import Path
from typing import TypeVar

import kg.ingest.nquads
import kg.store.accumulator
import kg.store.nquads_fold
import kg.store.plain_rdf
from kg.cachefile import write_cache_file
from kg.ingest.nquads import UnsupportedLine
from kg.store.accumulator import BuilderState, TripleAccumulator
from kg.store.gc_pause import paused_gc
from kg.store.nquads_fold import fold_nquads_text
from kg.store.plain_rdf import rdflib_rows

T = TypeVar("T")
R = TypeVar("R")

CACHE_DIRNAME = "projection"
CACHE_SUFFIX = ".pickle"
# Below this many files a worker pool costs more to start than it saves.
MIN_FILES_PER_WORKER = 8
DIGEST_BYTES = 16  # each cache entry ends with the blake2b digest of its pickle


@lru_cache(maxsize=1)
def code_version() -> str:
    """A hash of the modules whose rules shape a part: a cached part of other code is never read."""
    digest = hashlib.blake2b(digest_size=6)
    for module in (kg.store.nquads_fold, kg.store.accumulator, kg.store.plain_rdf, kg.ingest.nquads):
        digest.update(Path(module.__file__ or "").read_bytes())
    digest.update(Path(__file__).read_bytes())  # the entry format (the digest trailer) is set here
    return digest.hexdigest()


def fold_file(path: Path, data: bytes) -> BuilderState:
    """The builder state of one N-Quads file's bytes; rdflib reads a file outside the ingest layout."""
    builder = TripleAccumulator()
    try:
        fold_nquads_text(data.decode("utf-8"), builder)
    except (UnsupportedLine, ValueError, IndexError):  # e.g. N-Triples, a doubled space, bad UTF-8
        builder = TripleAccumulator()  # drop what the fast fold took before it stopped
        builder.add_rows(rdflib_rows(path))
    return builder.state()


def part_bytes(path: Path, cache_dir: Path | None) -> tuple[str, bytes]:
    """(cache entry name, pickled part) of one graph file, from the cache when it holds the entry."""
    data = path.read_bytes()
    name = f"{path.stem}.{content_hash(data)}.{code_version()}{CACHE_SUFFIX}"
    if cache_dir is not None:
        try:
            blob = _checked((cache_dir / name).read_bytes())
            if blob is not None:
                return name, blob
        except OSError:
            pass  # not cached yet (or unreadable): fold it
    blob = pickle.dumps(fold_file(path, data), protocol=pickle.HIGHEST_PROTOCOL)
    if cache_dir is not None:
        write_cache_file(cache_dir / name, blob + _digest(blob))  # a read-only data dir loads uncached
    return name, blob


def _digest(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=DIGEST_BYTES).digest()


def _checked(entry: bytes) -> bytes | None:
    """The pickle of a cache entry whose trailing digest matches; None for a torn or damaged entry
    (a crash can leave one, as entries are not fsynced), which is then folded again."""
    blob, digest = entry[:-DIGEST_BYTES], entry[-DIGEST_BYTES:]
    return blob if len(entry) > DIGEST_BYTES and _digest(blob) == digest else None


def content_hash(data: bytes) -> str:
    """The hash of a graph file's bytes that names its cache entry (and fingerprints it for sync)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def summarized_part(
    path: Path, cache_dir: Path | None, summarize: Callable[[BuilderState], T] | None
) -> tuple[str, bytes, T | None]:
    """:func:`part_bytes` plus ``summarize`` of the part, computed where the part was read (a worker).

    ``summarize`` gets a private copy of the part and may consume it.
    """
    with paused_gc():  # a worker builds a file's worth of acyclic tuples, sets and dicts
        name, blob = part_bytes(path, cache_dir)
        return name, blob, summarize(pickle.loads(blob)) if summarize is not None else None


def document_parts(paths: list[Path], cache_dir: Path | None = None, jobs: int = 1) -> Iterator[BuilderState]:
    """Each file's part, in the order of ``paths``, folded by ``jobs`` worker processes.

    Parts cross the process boundary as the same pickles the cache holds, and the caller merges
    each as it arrives, while the workers fold the next files. With a cache dir, entries no file
    uses any more are removed at the end.
    """
    for part, _hash, _summary in summarized_parts(paths, cache_dir, jobs, None):
        yield part


def summarized_parts(
    paths: list[Path], cache_dir: Path | None, jobs: int, summarize: Callable[[BuilderState], T] | None
) -> Iterator[tuple[BuilderState, str, T | None]]:
    """(part, content hash, ``summarize(part)``) of each file in order; the summary is made by the workers."""
    used: set[str] = set()
    work = partial(summarized_part, cache_dir=cache_dir, summarize=summarize)
    for name, blob, summary in _run(work, paths, jobs):
        used.add(name)
        yield pickle.loads(blob), name.split(".")[1], summary
    if cache_dir is not None:
        prune(cache_dir, used)


def _run(work: Callable[[Path], R], paths: list[Path], jobs: int) -> Iterator[R]:
    """``work`` over ``paths`` in order: in this process, or in a pool when there is enough to share."""
    if jobs <= 1 or len(paths) < MIN_FILES_PER_WORKER * 2:
        yield from map(work, paths)
        return
    from kg.ingest.workers import fork_context  # the same start method ingest's workers use

    with ProcessPoolExecutor(max_workers=jobs, mp_context=fork_context()) as pool:
        yield from pool.map(work, paths, chunksize=4)


def prune(cache_dir: Path, keep: set[str]) -> None:
    """Remove cache entries (and leftover temporary files) not in ``keep``."""
    if not cache_dir.is_dir():
        return
    for entry in cache_dir.iterdir():
        if entry.name not in keep and (entry.suffix == CACHE_SUFFIX or entry.name.startswith(".tmp-")):
            entry.unlink(missing_ok=True)
