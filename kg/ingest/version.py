"""What version of "the code that turns a report into a graph" produced a stored graph.

A stored graph is reused only when both the report's bytes and this version are unchanged, so
an updated loader, extractor, mapping, vocabulary or vocabulary extension re-extracts what it
would extract differently. The version is regkg's release plus a fingerprint of those sources.
"""

from __future__ import annotations

import hashlib
import importlib.util
from functools import lru_cache
from pathlib import Path

from kg import __version__

# The packages whose code or data decide what a document's graph contains.
GRAPH_MAKING_PACKAGES = ("kg.loaders", "kg.extract", "kg.rdf", "kg.ontology")
FINGERPRINTED_SUFFIXES = (".py", ".ttl", ".json", ".txt")


def code_version() -> str:
    """``<release>+<12 hex of the fingerprint>``, e.g. ``0.1.0+3f2a9c0d11be``."""
    return f"{__version__}+{_fingerprint(_extension_state())}"


@lru_cache(maxsize=4)
def _fingerprint(extension: str) -> str:
    digest = hashlib.sha256(extension.encode("utf-8"))
    for package in GRAPH_MAKING_PACKAGES:
        for root in _package_dirs(package):
            for path in sorted(
                p for p in root.rglob("*") if p.suffix in FINGERPRINTED_SUFFIXES and p.is_file()
            ):
                if "__pycache__" in path.parts:
                    continue
                digest.update(f"{package}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _package_dirs(package: str) -> list[Path]:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return []
    return [Path(location) for location in spec.submodule_search_locations]


def _extension_state() -> str:
    """The user's vocabulary extension file (path and mtime), which changes what is extracted."""
    try:
        from kg.extract.vocabulary import extra_vocabulary_path
    except ImportError:
        return ""
    path = extra_vocabulary_path()
    if path is None or not path.is_file():
        return ""
    return f"{path}:{path.stat().st_mtime_ns}"
