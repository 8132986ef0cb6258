"""Which code runs: the mypyc-compiled hot path (setup.py) or its Python sources.

A compiled build leaves, beside each compiled module's ``.py``, an extension module that Python
imports first, and ``native_build.json`` with the digest of each source it was built from. An edit
after the build would silently not run (the stale C shadows it); so when any compiled module's
source differs from its digest, or ``REGKG_PURE_PYTHON=1`` is set, every compiled module is imported
from its source instead. All or none: compiled modules call each other directly, so a mix would run
the stale code of the rest.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

MANIFEST = "native_build.json"  # written by setup.py's build_ext beside the kg package
PURE_PYTHON_ENV = "REGKG_PURE_PYTHON"


class SourceFinder(importlib.abc.MetaPathFinder):
    """Imports the named modules from their .py files, ahead of their compiled extension modules."""

    def __init__(self, sources: dict[str, Path]) -> None:
        self.sources = sources

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        source = self.sources.get(fullname)
        return importlib.util.spec_from_file_location(fullname, source) if source else None


def compiled_sources(package_dir: Path) -> dict[str, tuple[Path, str]]:
    """module -> (its source file, the digest it was compiled from); empty for a pure-Python build."""
    try:
        modules = json.loads((package_dir / MANIFEST).read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError):
        return {}
    return {name: (package_dir / entry["source"], entry["sha256"]) for name, entry in modules.items()}


def stale_modules(compiled: dict[str, tuple[Path, str]]) -> list[str]:
    """The compiled modules whose source is no longer what they were built from."""
    stale = []
    for name, (source, digest) in compiled.items():
        try:
            current = hashlib.sha256(source.read_bytes()).hexdigest()
        except OSError:
            current = ""
        if current != digest:
            stale.append(name)
    return stale


def choose_code(package_dir: Path) -> str:
    """Route imports of compiled modules to their sources when asked or stale; say which code runs:
    "python" (no compiled build), "compiled", "python (REGKG_PURE_PYTHON)" or "python (stale build)"."""
    compiled = compiled_sources(package_dir)
    if not compiled:
        return "python"
    if os.environ.get(PURE_PYTHON_ENV) == "1":
        reason = f"python ({PURE_PYTHON_ENV})"
    else:
        stale = stale_modules(compiled)
        if not stale:
            return "compiled"
        reason = "python (stale build)"
        print(
            f"regkg: {len(stale)} compiled module(s) changed since the build ({', '.join(stale[:3])}"
            f"{' ...' if len(stale) > 3 else ''}): running Python; rebuild: pip install -e .",
            file=sys.stderr,
        )
    sys.meta_path.insert(0, SourceFinder({name: source for name, (source, _) in compiled.items()}))
    return reason


SHARED_LIBRARY_MODULE = "regkg_native__mypyc"  # setup.py's SHARED_LIBRARY, as mypyc names its module


def code_files(module_file: str) -> list[Path]:
    """The files whose bytes are a module's code, for cache keys: its source, and for a compiled module
    also the shared library holding its C code (the extension module beside the source is a shim)."""
    path = Path(module_file)
    if not any(module_file.endswith(suffix) for suffix in importlib.machinery.EXTENSION_SUFFIXES):
        return [path]
    source = path.with_name(path.name.split(".", 1)[0] + ".py")
    library = sys.modules.get(SHARED_LIBRARY_MODULE)
    return [source, *([Path(library.__file__)] if library and library.__file__ else [])]
