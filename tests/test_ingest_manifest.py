"""manifest.json is written as ``json.dumps(indent=1)`` would write it, also from kept entry texts."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.ingest.manifest import MANIFEST_FORMAT, Manifest, ManifestEntry, _entry_json


def reference_text(manifest: Manifest) -> str:
    """The manifest as the plain encoder writes it (what :meth:`Manifest.text` must equal)."""
    documents = {key: _entry_json(manifest.documents[key]) for key in sorted(manifest.documents)}
    raw = {"format": MANIFEST_FORMAT, "documents": documents}
    return json.dumps(raw, ensure_ascii=False, indent=1) + "\n"


def entry(path: str, title: str | None = "东莞市市场监管局2020年工作总结", **counts: int) -> ManifestEntry:
    return ManifestEntry(
        path=path, sha256="b7fed7" * 10, doc_id="b7fed75f1054aa9a",
        graph="https://w3id.org/regkg/id/doc/b7fed75f1054aa9a", file="graphs/b7fed75f1054aa9a.nq",
        title=title, version="0.1.0+3f2a9c0d11be", ingested_at="2026-11-21T22:40:00Z", counts=counts,
    )


def test_an_empty_manifest_is_written_as_json_would() -> None:
    assert Manifest().text() == reference_text(Manifest())


@given(
    st.dictionaries(
        st.text(min_size=1),
        st.tuples(st.none() | st.text(), st.dictionaries(st.text(), st.integers(), max_size=3)),
        max_size=4,
    )
)
def test_any_manifest_is_written_as_json_would(rows: dict[str, tuple[str | None, dict[str, int]]]) -> None:
    manifest = Manifest({path: entry(path, title, **counts) for path, (title, counts) in rows.items()})
    assert manifest.text() == reference_text(manifest)


def test_a_changed_entry_is_written_anew(tmp_path: Path) -> None:
    """Entry texts kept from the last save are used only while the entry's fields are the same."""
    manifest = Manifest({"/r/a.txt": entry("/r/a.txt", triples=812), "/r/b.txt": entry("/r/b.txt")})
    manifest.save(tmp_path)
    manifest.put(replace(manifest.documents["/r/a.txt"], counts={"triples": 900}))
    manifest.documents["/r/b.txt"].title = "中山市"  # even edited in place
    manifest.documents["/r/b.txt"].counts["Pilot"] = 7  # counts too
    manifest.save(tmp_path)
    saved = (tmp_path / "manifest.json").read_text(encoding="utf-8")
    assert saved == reference_text(manifest)
    assert '"triples": 900' in saved and "中山市" in saved and '"Pilot": 7' in saved
    assert Manifest.load(tmp_path).documents == manifest.documents
