"""Ingest: incremental, removable, crash-safe, parallel = serial, bad files reported, stable IRIs.

The hand-made loader/extractor below keep these tests fast and independent of extraction
quality; tests/test_ingest_seeds.py runs the real pipeline on copies of the seeds.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

import pytest
from kg.loaders.model import Document, Jurisdiction, LoadError
from rdflib import URIRef
from rdflib.compare import isomorphic

from kg.extract import model as x
from kg.ingest import Manifest, ingest, iter_graphs, layout, load_dataset, remove
from kg.rdf.iris import document_iri

NUMBER = re.compile(r"\d+(?:\.\d+)?")

REPORTS = {
    "a.txt": "企业开办时间压缩至0.5个工作日。全市新登记市场主体22.7万户。",
    "b.txt": "办理速度压缩至2个工作日。网办率达99%。",
    "c.txt": "全区共有各类在册市场主体51632家。",
}


def fake_load(path: str) -> Document:
    """A minimal loader: one sentence per 。; files starting with BROKEN fail like a bad PDF."""
    raw = Path(path).read_bytes()
    text = raw.decode("utf-8")
    if text.startswith("BROKEN"):
        raise LoadError(path, "not a report: no text layer")
    return Document(
        path=path,
        sha256=hashlib.sha256(raw).hexdigest(),
        original_text=text,
        text=text,
        offsets=list(range(len(text) + 1)),
        issuer="东莞市市场监管局",
        jurisdiction=Jurisdiction("东莞市", "prefecture", "广东省", "441900"),
        summary_year=2020,
    )


def fake_extract(doc: Document) -> x.Extraction:
    """One Outcome per number in the text, with its sentence as evidence."""
    outcomes = []
    for index, match in enumerate(NUMBER.finditer(doc.text)):
        start = doc.text.rfind("。", 0, match.start()) + 1
        end = doc.text.find("。", match.end()) + 1
        ev = x.Evidence(doc.text[start:end], index, "", start, end, start, end, "test.number")
        outcomes.append(
            x.Outcome(
                metric=doc.text[start : match.start()], value=float(match.group()), unit="", evidence=ev
            )
        )
    return x.Extraction(outcomes=outcomes)


def crash_extract(doc: Document) -> x.Extraction:
    raise RuntimeError("extractor bug\nwith a second line")


def run(paths: list[Path] | list[str], data_dir: Path, **options: object):
    return ingest(
        [str(p) for p in paths],
        data_dir,
        load=fake_load,
        extract=fake_extract,
        refresh_graph=False,
        **options,
    )


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for name, text in REPORTS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_first_ingest_stores_one_named_graph_per_document(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    report = run([reports], data)
    assert [r.status for r in report.results] == ["new", "new", "new"]
    manifest = Manifest.load(data)
    assert len(manifest.documents) == 3
    dataset = load_dataset(data)
    stored = {g.identifier for g in dataset.graphs() if len(g)}
    expected = {document_iri(hashlib.sha256(t.encode()).hexdigest()) for t in REPORTS.values()}
    assert stored == expected
    entry = manifest.documents[str(reports / "a.txt")]
    assert entry.counts["Outcome"] == 2 and entry.counts["triples"] > 10
    assert (data / entry.file).is_file() and entry.file == f"graphs/{entry.doc_id}.nq"


def test_unchanged_documents_are_not_extracted_again(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports], data)
    before = {p.name: p.stat().st_mtime_ns for p in (data / "graphs").iterdir()}
    again = run([reports], data)
    assert again.extracted == []
    assert {r.status for r in again.results} == {"unchanged"}
    assert {p.name: p.stat().st_mtime_ns for p in (data / "graphs").iterdir()} == before


def test_a_changed_document_alone_is_extracted_and_replaced(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports], data)
    old = Manifest.load(data).documents[str(reports / "b.txt")]
    (reports / "b.txt").write_text("办理速度压缩至1个工作日。", encoding="utf-8")
    report = run([reports], data)
    assert report.extracted == [str(reports / "b.txt")]
    assert {Path(r.path).name: r.status for r in report.results} == {
        "a.txt": "unchanged",
        "b.txt": "updated",
        "c.txt": "unchanged",
    }
    new = Manifest.load(data).documents[str(reports / "b.txt")]
    assert new.doc_id != old.doc_id
    assert not (data / old.file).exists()  # the replaced graph is gone
    assert URIRef(old.graph) not in {g.identifier for g in iter_graphs(data)}


def test_force_re_extracts_everything(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports], data)
    assert len(run([reports], data, force=True).extracted) == 3


def test_same_bytes_under_a_second_path_share_the_graph(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports / "a.txt"], data)
    copy = tmp_path / "copy-of-a.txt"
    copy.write_bytes((reports / "a.txt").read_bytes())
    report = run([copy], data)
    assert report.extracted == [] and report.results[0].status == "unchanged"
    manifest = Manifest.load(data)
    assert len(manifest.documents) == 2 and len(manifest.files()) == 1
    remove([str(copy)], data, refresh_graph=False)
    assert len(Manifest.load(data).files()) == 1  # still used by a.txt


@pytest.mark.parametrize("ref_kind", ["path", "doc_id", "graph"])
def test_remove_drops_one_document(reports: Path, tmp_path: Path, ref_kind: str) -> None:
    data = tmp_path / "data"
    run([reports], data)
    entry = Manifest.load(data).documents[str(reports / "a.txt")]
    ref = {"path": entry.path, "doc_id": entry.doc_id, "graph": entry.graph}[ref_kind]
    removed, missing, _ = remove([ref, "no-such-doc"], data, refresh_graph=False)
    assert [e.path for e in removed] == [entry.path] and missing == ["no-such-doc"]
    assert not (data / entry.file).exists()
    assert URIRef(entry.graph) not in {g.identifier for g in iter_graphs(data)}
    assert len(list(iter_graphs(data))) == 2
    assert run([reports], data).extracted == [entry.path]  # ingesting again brings it back


def test_bad_files_fail_alone_with_one_clear_line(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    (reports / "broken.txt").write_text("BROKEN scan", encoding="utf-8")
    report = run([reports, tmp_path / "missing.txt"], data)
    by_name = {Path(r.path).name: r for r in report.results}
    assert by_name["broken.txt"].status == "failed"
    assert by_name["broken.txt"].error == "not a report: no text layer"
    assert by_name["missing.txt"].status == "failed" and "No such file" in (
        by_name["missing.txt"].error or ""
    )
    assert sorted(r.status for r in report.results) == ["failed", "failed", "new", "new", "new"]
    assert len(Manifest.load(data).documents) == 3


def test_extractor_errors_are_one_line(reports: Path, tmp_path: Path) -> None:
    report = ingest(
        [str(reports / "a.txt")],
        tmp_path / "data",
        load=fake_load,
        extract=crash_extract,
        refresh_graph=False,
    )
    assert report.results[0].status == "failed"
    assert report.results[0].error == "RuntimeError: extractor bug with a second line"


def quads(data_dir: Path) -> set[tuple]:
    return set(load_dataset(data_dir).quads((None, None, None, None)))


def die_on_replace(monkeypatch: pytest.MonkeyPatch, suffix: str) -> None:
    """Make the atomic rename of files ending in ``suffix`` die as a killed process would."""
    real_replace = os.replace

    def dying_replace(src: str, dst: str) -> None:
        if str(dst).endswith(suffix):
            raise KeyboardInterrupt
        real_replace(src, dst)

    monkeypatch.setattr(layout.os, "replace", dying_replace)


def test_crash_while_writing_a_graph_keeps_the_previous_state(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    run([reports / "a.txt"], data)
    before = quads(data)
    (reports / "a.txt").write_text("企业开办时间压缩至1个工作日。", encoding="utf-8")
    die_on_replace(monkeypatch, ".nq")
    with pytest.raises(KeyboardInterrupt):
        run([reports], data)
    monkeypatch.undo()
    assert quads(data) == before
    assert not list((data / "graphs").glob(".tmp-*"))  # the half-written temp file was removed
    assert run([reports], data).extracted == [str(reports / p) for p in ("a.txt", "b.txt", "c.txt")]


def test_crash_while_writing_the_manifest_keeps_the_previous_state(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    run([reports / "a.txt"], data)
    before = quads(data)
    die_on_replace(monkeypatch, "manifest.json")
    with pytest.raises(KeyboardInterrupt):
        run([reports / "b.txt"], data)
    monkeypatch.undo()
    assert quads(data) == before  # b's graph file may exist, but nothing lists it
    manifest = json.loads((data / "manifest.json").read_text(encoding="utf-8"))
    assert list(manifest["documents"]) == [str(reports / "a.txt")]
    assert run([reports / "b.txt"], data).results[0].status == "new"


def test_parallel_output_is_isomorphic_to_serial(reports: Path, tmp_path: Path) -> None:
    serial = run([reports], tmp_path / "serial")
    parallel = run([reports], tmp_path / "parallel", jobs=2)
    assert [r.status for r in parallel.results] == [r.status for r in serial.results]
    serial_graphs = {g.identifier: g for g in iter_graphs(tmp_path / "serial")}
    parallel_graphs = {g.identifier: g for g in iter_graphs(tmp_path / "parallel")}
    assert serial_graphs.keys() == parallel_graphs.keys()
    for iri, graph in serial_graphs.items():
        assert isomorphic(graph, parallel_graphs[iri])
    for file in Manifest.load(tmp_path / "serial").files():  # byte-identical, even
        assert (tmp_path / "serial" / file).read_bytes() == (tmp_path / "parallel" / file).read_bytes()


def test_iris_are_stable_across_runs(reports: Path, tmp_path: Path) -> None:
    run([reports], tmp_path / "one")
    run([reports], tmp_path / "two")
    subjects_one = {quad[0] for quad in quads(tmp_path / "one")}
    assert len(subjects_one) > 10
    assert subjects_one == {quad[0] for quad in quads(tmp_path / "two")}


def test_canonical_nquads_are_sorted_quads_of_the_graph(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports / "a.txt"], data)
    entry = next(iter(Manifest.load(data).documents.values()))
    lines = (data / entry.file).read_text(encoding="utf-8").splitlines()
    assert lines == sorted(lines)
    assert all(line.endswith(f"<{entry.graph}> .") for line in lines)


def test_a_new_code_version_re_extracts(
    reports: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Graphs made by other loader/extractor/mapping code are not reused."""
    from kg.ingest import runner

    data = tmp_path / "data"
    run([reports], data)
    monkeypatch.setattr(runner, "code_version", lambda: "0.1.0+otherfinger")
    report = run([reports], data)
    assert len(report.extracted) == 3 and {r.status for r in report.results} == {"updated"}
    assert {e.version for e in Manifest.load(data).documents.values()} == {"0.1.0+otherfinger"}


def test_code_version_fingerprints_the_graph_making_sources() -> None:
    from kg import __version__
    from kg.ingest.version import code_version

    version = code_version()
    assert version.startswith(__version__ + "+") and len(version.split("+")[1]) == 12
    assert version == code_version()


def test_iter_quads_reads_what_load_dataset_reads(reports: Path, tmp_path: Path) -> None:
    from kg.ingest import iter_quads

    data = tmp_path / "data"
    run([reports], data)
    assert set(iter_quads(data)) == quads(data)


def test_load_dataset_with_ontology_adds_the_vocabulary_and_its_extension(
    reports: Path, tmp_path: Path
) -> None:
    from kg.rdf.namespaces import ONTOLOGY_GRAPH, VOCABULARY_GRAPH

    data = tmp_path / "data"
    run([reports / "a.txt"], data)
    (data / "vocabulary.ttl").write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<https://w3id.org/regkg/id/program/my-own> a skos:Concept ; skos:prefLabel "我的改革"@zh .\n',
        encoding="utf-8",
    )
    dataset = load_dataset(data, with_ontology=True)
    assert len(dataset.graph(ONTOLOGY_GRAPH)) > 0
    vocabulary = dataset.graph(VOCABULARY_GRAPH)
    assert (URIRef("https://w3id.org/regkg/id/program/my-own"), None, None) in vocabulary
    assert len(vocabulary) > 100  # the packaged programs.ttl too


def test_prune_drops_documents_whose_file_is_gone(reports: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    run([reports], data)
    gone = Manifest.load(data).documents[str(reports / "c.txt")]
    (reports / "c.txt").unlink()
    assert not [r for r in run([reports], data).results if r.status == "removed"]  # only when asked
    report = run([reports], data, prune=True)
    assert [(Path(r.path).name, r.status) for r in report.results if r.status == "removed"] == [
        ("c.txt", "removed")
    ]
    assert report.extracted == []
    assert str(reports / "c.txt") not in Manifest.load(data).documents
    assert not (data / gone.file).exists()
    assert len(list(iter_graphs(data))) == 2


def test_a_worker_stages_the_graph_text_it_would_return(reports: Path, tmp_path: Path) -> None:
    from kg.ingest.work import process_file

    path = str(reports / "a.txt")
    returned = process_file(path, fake_load, fake_extract)
    staged = process_file(path, fake_load, fake_extract, tmp_path)
    assert returned.nquads and returned.file is None and returned.staged is None
    assert staged.nquads is None and staged.file == layout.graph_file_name(returned.doc_id or "")
    assert staged.staged and Path(staged.staged).name.startswith(layout.TEMP_PREFIX)
    assert not (tmp_path / staged.file).exists()  # the ingest process moves it into place
    assert (tmp_path / staged.staged).read_text(encoding="utf-8") == returned.nquads
    layout.commit_staged_file(tmp_path / staged.staged, tmp_path / staged.file)
    assert (tmp_path / staged.file).read_text(encoding="utf-8") == returned.nquads
    assert not list((tmp_path / "graphs").glob(".tmp-*"))


def test_a_failed_result_discards_its_staged_file(tmp_path: Path) -> None:
    from kg.ingest import runner
    from kg.ingest.manifest import ManifestWriter
    from kg.ingest.work import Processed

    staged = layout.stage_text(tmp_path / "graphs", "<s> <p> <o> <g> .\n")
    processed = Processed(
        path="/r/a.txt", error="worker failed", file="graphs/a.nq", staged=str(staged.relative_to(tmp_path))
    )
    writer = ManifestWriter(Manifest(), tmp_path)
    result = runner._store(writer, tmp_path, "/r/a.txt", "0" * 64, "new", processed, "v")
    assert result.status == "failed"
    assert not staged.exists() and not (tmp_path / "graphs" / "a.nq").exists()
    assert writer.manifest.documents == {}


def test_parallel_results_keep_input_order_beyond_the_look_ahead(tmp_path: Path) -> None:
    from kg.ingest.workers import LOOK_AHEAD_PER_JOB

    folder = tmp_path / "many"
    folder.mkdir()
    count = 2 * LOOK_AHEAD_PER_JOB + 5  # more files than the workers are given ahead
    for i in range(count):
        (folder / f"{i:03d}.txt").write_text(f"第{i}项指标压缩至{i + 1}个工作日。", encoding="utf-8")
    serial = run([folder], tmp_path / "serial")
    parallel = run([folder], tmp_path / "parallel", jobs=2)
    assert [r.path for r in parallel.results] == [r.path for r in serial.results]
    assert [r.status for r in parallel.results] == ["new"] * count
    for file in Manifest.load(tmp_path / "serial").files():
        assert (tmp_path / "serial" / file).read_bytes() == (tmp_path / "parallel" / file).read_bytes()


def test_manifest_saves_are_spaced_by_their_cost_but_forced_ones_always_happen(tmp_path: Path) -> None:
    from kg.ingest.manifest import ManifestEntry, ManifestWriter

    def entry(i: int) -> ManifestEntry:
        return ManifestEntry(f"/r/{i}.txt", f"{i:064x}", f"{i:016x}", f"g{i}", f"graphs/{i:016x}.nq")

    writer = ManifestWriter(Manifest(), tmp_path, every_docs=1)
    writer.put(entry(1))  # due after one change, and saving costs nothing yet
    assert list(Manifest.load(tmp_path).documents) == ["/r/1.txt"]
    writer._last_cost = 3600.0  # as if the last save had taken an hour: the next waits 20 hours
    writer.put(entry(2))
    assert len(Manifest.load(tmp_path).documents) == 1
    writer.commit(force=True)
    assert sorted(Manifest.load(tmp_path).documents) == ["/r/1.txt", "/r/2.txt"]
