"""kg.native: a compiled build runs only while its sources are what it was built from."""

from __future__ import annotations

import hashlib
import importlib.machinery
import json
import sys
from pathlib import Path

import pytest

from kg import native


def _build(tmp_path: Path, source_text: str, built_from: str) -> Path:
    """A fake package dir whose manifest says module ``fake_native_mod`` was compiled from ``built_from``."""
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "fake_native_mod.py").write_text(source_text, encoding="utf-8")
    digest = hashlib.sha256(built_from.encode()).hexdigest()
    manifest = {"modules": {"fake_native_mod": {"source": "fake_native_mod.py", "sha256": digest}}}
    (package / native.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    return package


@pytest.fixture
def meta_path(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """sys.meta_path, restored after the test (choose_code may put a finder first)."""
    paths = list(sys.meta_path)
    monkeypatch.setattr(sys, "meta_path", paths)
    monkeypatch.delenv(native.PURE_PYTHON_ENV, raising=False)
    return paths


def test_a_pure_python_install_has_nothing_to_choose(tmp_path: Path, meta_path: list[object]) -> None:
    before = list(meta_path)
    assert native.choose_code(tmp_path) == "python"
    assert meta_path == before


def test_a_fresh_build_runs_compiled(tmp_path: Path, meta_path: list[object]) -> None:
    package = _build(tmp_path, "VALUE = 1\n", "VALUE = 1\n")
    before = list(meta_path)
    assert native.choose_code(package) == "compiled"
    assert meta_path == before


def test_an_edited_source_runs_as_python(
    tmp_path: Path, meta_path: list[object], capsys: pytest.CaptureFixture[str]
) -> None:
    package = _build(tmp_path, "VALUE = 2\n", "VALUE = 1\n")
    assert native.stale_modules(native.compiled_sources(package)) == ["fake_native_mod"]
    assert native.choose_code(package) == "python (stale build)"
    assert "fake_native_mod" in capsys.readouterr().err
    spec = meta_path[0].find_spec("fake_native_mod")  # type: ignore[attr-defined]
    assert spec is not None and spec.origin == str(package / "fake_native_mod.py")


def test_the_environment_asks_for_python(
    tmp_path: Path, meta_path: list[object], monkeypatch: pytest.MonkeyPatch
) -> None:
    package = _build(tmp_path, "VALUE = 1\n", "VALUE = 1\n")
    monkeypatch.setenv(native.PURE_PYTHON_ENV, "1")
    assert native.choose_code(package) == "python (REGKG_PURE_PYTHON)"
    assert meta_path[0].find_spec("some.other.module") is None  # type: ignore[attr-defined]


def test_the_code_of_a_compiled_module_is_its_source_and_the_library(tmp_path: Path) -> None:
    assert native.code_files(str(tmp_path / "mod.py")) == [tmp_path / "mod.py"]
    shim = tmp_path / f"mod{importlib.machinery.EXTENSION_SUFFIXES[0]}"
    files = native.code_files(str(shim))
    assert files[0] == tmp_path / "mod.py"
    library = sys.modules.get(native.SHARED_LIBRARY_MODULE)
    assert files[1:] == ([Path(library.__file__)] if library and library.__file__ else [])
