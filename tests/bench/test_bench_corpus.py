"""The corpus scaler is deterministic, realistic in size and structure, and swaps jurisdictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.corpus import GB18030_EVERY, MANIFEST, MAX_BYTES, MIN_BYTES, build_corpus
from bench.seeds import TOP_HEADING

N = 5


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, seeds) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("corpus") / "a"
    return out, build_corpus(N, out, corpus_seed=11, reuse=False)


def _texts(directory: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(directory.glob("*.txt"))}


def _text(directory: Path, record: dict) -> str:
    return (directory / record["file"]).read_bytes().decode(record["encoding"])


def test_same_seed_same_bytes_and_prefix_stable(corpus, tmp_path) -> None:
    directory, _ = corpus
    again = build_corpus(N, tmp_path / "b", corpus_seed=11, reuse=False)
    smaller = build_corpus(3, tmp_path / "c", corpus_seed=11, reuse=False)
    assert _texts(Path(again["dir"])) == _texts(directory)
    # document i depends only on (seed, i): N=3 is the start of N=5
    assert _texts(Path(smaller["dir"])) == {k: v for k, v in _texts(directory).items() if k < "doc00003"}


def test_other_seed_other_corpus(corpus, tmp_path) -> None:
    directory, _ = corpus
    other = build_corpus(N, tmp_path / "d", corpus_seed=12, reuse=False)
    assert _texts(Path(other["dir"])) != _texts(directory)


def test_manifest_matches_files(corpus, seeds) -> None:
    directory, manifest = corpus
    on_disk = json.loads((directory / MANIFEST).read_text(encoding="utf-8"))
    assert on_disk["n"] == N == len(on_disk["documents"]) == len(list(directory.glob("*.txt")))
    # templates go round robin, so five documents use the five seeds
    assert {d["template"] for d in manifest["documents"]} == {s.name for s in seeds}


def test_sizes_like_the_seeds(corpus) -> None:
    directory, manifest = corpus
    for record in manifest["documents"]:
        text = _text(directory, record)
        assert MIN_BYTES <= len(text.encode("utf-8")) <= MAX_BYTES, record["file"]
        assert record["text_bytes"] == len(text.encode("utf-8"))


def test_some_documents_are_gb18030(corpus) -> None:
    directory, manifest = corpus
    gb = [r for r in manifest["documents"] if r["encoding"] == "gb18030"]
    assert len(gb) == len(range(3, N, GB18030_EVERY))
    data = (directory / gb[0]["file"]).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert "市场监管" in data.decode("gb18030")


def test_jurisdiction_swapped_for_a_real_one(corpus, seeds) -> None:
    directory, manifest = corpus
    own = {s.name: s.places for s in seeds}
    for record in manifest["documents"]:
        text = _text(directory, record)
        places = own[record["template"]]
        if record["anonymized"]:
            assert "XX" in text
            continue
        assert record["code"] and text.count(record["jurisdiction"][:2]) >= 3, record
        if places.prefecture is not None:
            template = next(s for s in seeds if s.name == record["template"])
            name = places.prefecture.short or places.prefecture.full
            assert text.count(name) < template.text.count(name) / 5, (record["file"], name)


def test_report_structure_is_kept(corpus, seeds) -> None:
    directory, manifest = corpus
    for record in manifest["documents"]:
        template = next(s for s in seeds if s.name == record["template"])
        expected = [line.text for line in template.lines if line.heading and TOP_HEADING.match(line.text)]
        got = [line for line in _text(directory, record).split("\n") if TOP_HEADING.match(line)]
        assert len(got) == len(expected), record["file"]
        # the same numbering in the same order (names and years may change)
        assert [g.strip()[:2] for g in got] == [e.strip()[:2] for e in expected]


def test_documents_keep_their_templates_type(tmp_path_factory, seeds) -> None:
    """A scaled report reads as the kind of report its template is (a plan keeps the opening
    that names it: 编制本规划), so extraction takes the same paths as on the real one."""
    from kg.loaders import load

    from kg.config import seeds_dir

    out = tmp_path_factory.mktemp("typed")
    manifest = build_corpus(20, out, corpus_seed=0, reuse=False)
    seed_type = {p.name: load(str(p)).doc_type for p in sorted(seeds_dir().glob("*.txt"))}
    for record in manifest["documents"]:
        assert load(str(out / record["file"])).doc_type == seed_type[record["template"]], record["file"]
