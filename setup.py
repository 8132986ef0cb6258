"""Build hook beside setup.cfg (which keeps the metadata): compiles the per-document hot path with mypyc.

``REGKG_PURE_PYTHON=1 pip install ...`` builds pure Python (no C compiler, no mypy needed). A compiled
build writes ``kg/native_build.json`` (:mod:`kg.native`): the digest of each compiled module's source,
so a process whose sources were edited after the build runs them as Python instead of stale C.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sys
import sysconfig
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext
from setuptools.errors import CCompilerError, ExecError

ROOT = Path(__file__).resolve().parent
STAGE = ROOT / "build" / "mypyc-src"  # the import layout (kg.loaders = loaders/ ...) that mypy must see
MANIFEST = "native_build.json"  # kept in sync with kg.native.MANIFEST
SHARED_LIBRARY = "regkg_native"  # top level: mypyc derives each module's __file__ from its place

# The modules that hold the per-document CPU of `kg ingest` (profiled on the bench corpus), in one
# group so calls between them are C calls. Left out on purpose: kg.rdf.namespaces (subclasses a str
# type), the disk caches kg.extract.vocabulary_cache / word_dictionary (run once per process; their
# tests replace module functions, which compiled callers never see), kg.loaders.api (ditto).
COMPILED_MODULES = [
    *(f"kg.extract.{name}" for name in (
        "agencies candidate_index candidate_text candidates_initiative candidates_quoted claims context "
        "indicator_table model numbers outcomes pilots pipeline places policy_documents "
        "program_candidates program_status programs pruned_automaton recognitions regex_gate scoring "
        "targets textnorm vocabulary word_boundaries"
    ).split()),
    *(f"kg.rdf.{name}" for name in (
        "agencies assertions builder divisions document entities iris ntriples vocabulary"
    ).split()),
    *(f"kg.loaders.{name}" for name in (
        "charclass headings jurisdiction kinds lines metadata model normalize numerals offsets script "
        "sections sentences summary utf8_automaton"
    ).split()),
]


def package_dirs() -> dict[str, str]:
    """setup.cfg's package_dir: import package -> folder."""
    from setuptools.config.setupcfg import read_configuration

    return dict(read_configuration(str(ROOT / "setup.cfg"))["options"]["package_dir"])


def source_of(module: str, dirs: dict[str, str]) -> Path:
    """The source file of ``module`` under the repo's package_dir mapping."""
    package, name = module.rsplit(".", 1)
    parts: list[str] = []
    while package not in dirs:  # kg.extract.rules -> kg.extract + rules -> kg + extract/rules
        package, tail = package.rsplit(".", 1)
        parts.insert(0, tail)
    return ROOT / dirs[package] / Path(*parts) / f"{name}.py"


def stage_sources(dirs: dict[str, str]) -> None:
    """Copy each package's .py files to STAGE in import layout (mypy names loaders/x.py kg.loaders.x)."""
    shutil.rmtree(STAGE, ignore_errors=True)
    for package, folder in dirs.items():
        target = STAGE / Path(*package.split("."))
        for path in (ROOT / folder).rglob("*.py"):
            relative = path.relative_to(ROOT / folder)
            if "__pycache__" in relative.parts:
                continue
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target / relative)


def missing_toolchain() -> str | None:
    """What a compiled build lacks here (a C compiler, Python's headers), or None."""
    compiler = os.environ.get("CC", "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers (Python.h)"
    return None


def compiled_extensions() -> list:
    """mypycify's extensions for COMPILED_MODULES, or none for a pure-Python build."""
    if os.environ.get("REGKG_PURE_PYTHON") == "1":
        return []
    missing = missing_toolchain()
    if missing is not None:  # the same package, only slower: say so and build pure Python
        print(f"regkg: {missing}: installing pure Python", file=sys.stderr)
        return []
    from mypyc.build import mypycify

    dirs = package_dirs()
    stage_sources(dirs)
    paths = [str(STAGE.relative_to(ROOT) / Path(*m.split(".")).with_suffix(".py")) for m in COMPILED_MODULES]
    options = ["--ignore-missing-imports", "--cache-dir", str(ROOT / "build" / "mypy-cache")]
    return mypycify([*options, *paths], group_name=SHARED_LIBRARY, target_dir="build/mypyc")


class BuildWithManifest(build_ext):
    """build_ext that also writes kg/native_build.json beside the compiled kg package."""

    def run(self) -> None:
        try:
            super().run()
        except (CCompilerError, ExecError) as exc:  # a toolchain that cannot build it
            print(f"regkg: compiling the hot path failed ({exc}): installing pure Python", file=sys.stderr)
            self.extensions = []
            return
        if not self.extensions:
            return
        dirs = package_dirs()
        kg_dir = Path(self.get_ext_fullpath("kg.x")).parent  # where kg's extension modules go
        modules = {}
        for module in COMPILED_MODULES:
            built = Path(self.get_ext_fullpath(module))
            source = built.parent / f"{module.rsplit('.', 1)[1]}.py"
            digest = hashlib.sha256(source_of(module, dirs).read_bytes()).hexdigest()
            modules[module] = {"source": os.path.relpath(source, kg_dir), "sha256": digest}
        kg_dir.mkdir(parents=True, exist_ok=True)
        (kg_dir / MANIFEST).write_text(json.dumps({"modules": modules}, indent=1, sort_keys=True) + "\n")


setup(ext_modules=compiled_extensions(), cmdclass={"build_ext": BuildWithManifest})
