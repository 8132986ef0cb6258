"""A disk cache of the parsed program vocabulary, so a process does not parse Turtle to start.

Parsing ``programs.ttl`` with rdflib (and importing its Turtle parser) costs a tenth to a quarter
of a second at every start of ``kg ingest``, before any document is read; unpickling the built
vocabulary (labels, index and automaton) costs about two milliseconds. An entry is keyed by the
bytes of every vocabulary file, the source of the code that turns them into a vocabulary and the
versions it depends on, so editing a file or the code simply makes a new entry. Entries are
written atomically (:func:`kg.cachefile.write_cache_file`); an unreadable one is rebuilt.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from kg.cachefile import cache_dir, write_cache_file

CACHE_FORMAT = 1
T = TypeVar("T")


def cache_key(sources: Sequence[Path], code: Sequence[Path]) -> str:
    """A digest of the vocabulary files' bytes, the code files' bytes and the Python and
    pyahocorasick builds (a pickled automaton belongs to the extension module that made it)."""
    import ahocorasick  # already loaded by the vocabulary module; here for its file

    digest = hashlib.sha256(f"regkg-vocabulary-{CACHE_FORMAT}\0{sys.version}\0".encode())
    extension = Path(ahocorasick.__file__ or "")
    if extension.is_file():
        stat = extension.stat()
        digest.update(f"{extension}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    for role, paths in (("source", sources), ("code", code)):
        for path in paths:
            data = path.read_bytes()
            digest.update(f"{role}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()[:32]


def cached_build(sources: Sequence[Path], code: Sequence[Path], build: Callable[[], T], kind: type[T]) -> T:
    """``build()``, or the copy cached for these sources and code. A file that cannot be read is
    left to ``build`` to report; a cache that cannot be written only costs the next process time."""
    try:
        path = cache_dir() / f"vocabulary-{cache_key(sources, code)}.pickle"
    except OSError:
        return build()
    cached = _read(path, kind)
    if cached is not None:
        return cached
    value = build()
    write_cache_file(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    return value


def _read(path: Path, kind: type[T]) -> T | None:
    """The cached value, or None when there is none or it is not a whole ``kind``."""
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
    except Exception:  # missing, truncated or foreign: any unreadable entry is rebuilt
        return None
    return value if isinstance(value, kind) else None
