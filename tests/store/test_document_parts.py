"""Per-file parts of the projection: worker processes, the cache in the data dir, and its invalidation."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.ingest import graph_paths
from kg.store import document_parts
from kg.store.dataset_projection import project_data_dir
from kg.store.projection import Projection

RK = "https://w3id.org/regkg/ontology#"


def _tables(projection: Projection) -> tuple[object, ...]:
    graph = projection.graph
    nodes = {label: (t.columns, [(n.uri, n.properties) for n in t.nodes])
             for label, t in graph.node_tables.items()}
    rels = {rtype: (t.pairs, [r.key for r in t.relationships]) for rtype, t in graph.rel_tables.items()}
    return nodes, rels, projection.warnings


@pytest.fixture(scope="module")
def reference(seeds_data_dir: Path) -> tuple[object, ...]:
    """The seeds' projection in one process without a cache."""
    return _tables(project_data_dir(seeds_data_dir, graph_paths(seeds_data_dir), jobs=1))


@pytest.fixture
def data_dir(seeds_data_dir: Path, tmp_path: Path) -> Path:
    """A private copy of the seeds' graph files and manifest (no store, no cache)."""
    root = tmp_path / "data"
    shutil.copytree(seeds_data_dir / "graphs", root / "graphs")
    shutil.copy(seeds_data_dir / "manifest.json", root / "manifest.json")
    return root


def test_worker_processes_project_like_one_process(
    data_dir: Path, reference: tuple[object, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(document_parts, "MIN_FILES_PER_WORKER", 1)  # five files are enough for a pool
    parallel = project_data_dir(data_dir, graph_paths(data_dir), jobs=2)
    assert parallel.graph.node_counts()["Document"] == 5
    assert _tables(parallel) == reference


def test_a_warm_cache_is_read_instead_of_the_files(
    data_dir: Path, reference: tuple[object, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = data_dir / document_parts.CACHE_DIRNAME
    assert _tables(project_data_dir(data_dir, graph_paths(data_dir), cache_dir=cache, jobs=1)) == reference
    assert len(list(cache.glob("*.pickle"))) == 5

    def refuse(*_args: object) -> None:
        raise AssertionError("a cached file was folded again")

    monkeypatch.setattr(document_parts, "fold_file", refuse)
    assert _tables(project_data_dir(data_dir, graph_paths(data_dir), cache_dir=cache, jobs=1)) == reference


def test_a_changed_file_is_folded_again_and_its_old_entry_pruned(data_dir: Path) -> None:
    cache = data_dir / document_parts.CACHE_DIRNAME
    paths = graph_paths(data_dir)
    project_data_dir(data_dir, paths, cache_dir=cache, jobs=1)
    before = {p.name for p in cache.glob("*.pickle")}
    documents = project_data_dir(data_dir, paths, jobs=1).graph.node_tables["Document"].nodes
    document = next(n for n in documents if n.properties.get("title"))
    path = next(p for p in paths if p.stem in document.uri)
    with path.open("a", encoding="utf-8") as out:  # "0…" sorts before any CJK title: the one kept
        out.write(f'<{document.uri}> <{RK}title> "0 改过的标题" <{document.uri}> .\n')
    changed = project_data_dir(data_dir, paths, cache_dir=cache, jobs=1)
    after = {p.name for p in cache.glob("*.pickle")}
    assert len(after) == 5 and len(before - after) == 1 and len(after - before) == 1
    assert next(iter(after - before)).startswith(path.stem)
    titles = {n.uri: n.properties.get("title") for n in changed.graph.node_tables["Document"].nodes}
    assert titles[document.uri] == "0 改过的标题"
    assert any(document.uri in w and "title" in w for w in changed.warnings)


def test_a_removed_file_loses_its_cache_entry(data_dir: Path) -> None:
    cache = data_dir / document_parts.CACHE_DIRNAME
    paths = graph_paths(data_dir)
    project_data_dir(data_dir, paths, cache_dir=cache, jobs=1)
    project_data_dir(data_dir, paths[1:], cache_dir=cache, jobs=1)
    assert sorted(p.name.split(".")[0] for p in cache.glob("*.pickle")) == sorted(p.stem for p in paths[1:])


@pytest.mark.parametrize("damage", [b"", b"\x80\x05 truncated", None])
def test_a_damaged_cache_entry_is_folded_again(
    data_dir: Path, reference: tuple[object, ...], damage: bytes | None
) -> None:
    """An empty, truncated or bit-flipped entry (a crash or a full disk) is not trusted: the file is
    folded again and the entry rewritten, instead of every later load failing."""
    cache = data_dir / document_parts.CACHE_DIRNAME
    project_data_dir(data_dir, graph_paths(data_dir), cache_dir=cache, jobs=1)
    entry = sorted(cache.glob("*.pickle"))[0]
    if damage is None:  # flip one byte in the middle of the pickle
        data = bytearray(entry.read_bytes())
        data[len(data) // 2] ^= 0xFF
        damage = bytes(data)
    entry.write_bytes(damage)
    assert _tables(project_data_dir(data_dir, graph_paths(data_dir), cache_dir=cache, jobs=1)) == reference
    assert document_parts._checked(entry.read_bytes()) is not None  # rewritten whole


def test_a_file_outside_the_fast_layout_is_read_by_rdflib(tmp_path: Path) -> None:
    """N-Triples (no graph term) or a doubled space stop the fast fold; rdflib reads the file."""
    path = tmp_path / "g.nq"
    lines = [f'<http://x/a> <{RK}label>  "二" .', f'<http://x/a> <{RK}code> "1" .']
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _classes, values, _links = document_parts.fold_file(path, path.read_bytes())
    assert {key: sorted(v) for key, v in values["http://x/a"].items()} == {
        "label": [("STRING", "二")], "code": [("STRING", "1")]}
