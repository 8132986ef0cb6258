"""kg.extract.evaluate: pairing gold files with documents and aggregating per-kind counts."""

from __future__ import annotations

import json
from pathlib import Path

from kg.extract.evaluate import evaluate, find_document


def _write(path: Path, data: dict) -> None:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_documents_are_found_by_doc_key_or_stem(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("x", encoding="utf-8")
    (docs / "b.html").write_text("x", encoding="utf-8")
    assert find_document({"doc": "a.txt"}, tmp_path / "a.json", docs) == docs / "a.txt"
    assert find_document({}, tmp_path / "b.json", docs) == docs / "b.html"
    assert find_document({"doc": "c.txt"}, tmp_path / "c.json", docs) is None


def test_evaluate_sums_counts_over_documents(tmp_path: Path) -> None:
    gold, docs = tmp_path / "gold", tmp_path / "docs"
    gold.mkdir()
    docs.mkdir()
    for name, value in (("a", 1), ("b", 2)):
        (docs / f"{name}.txt").write_text("x", encoding="utf-8")
        _write(
            gold / f"{name}.json",
            {
                "doc": f"{name}.txt",
                "jurisdiction": {"name": "东莞市"},
                "doc_type": "annual_summary",
                "outcomes": [{"value": value, "unit": "家"}, {"value": 99, "unit": "%"}],
            },
        )

    def fake_extract(path: Path) -> dict:
        value = 1 if path.stem == "a" else 3  # b's outcome is wrong
        return {
            "document": {"jurisdiction": {"name": "东莞"}, "doc_type": "annual_summary"},
            "outcomes": [{"value": value, "unit": "家"}],
        }

    report = evaluate(gold, docs, fake_extract)
    total = report.totals["outcomes"]
    assert (total.gold, total.found, total.extracted, total.correct) == (4, 1, 2, 1)
    assert report.metadata_accuracy == {"jurisdiction": 1.0, "doc_type": 1.0}
    data = report.to_json()
    assert [d["doc"] for d in data["documents"]] == ["a.txt", "b.txt"]
    assert data["total"]["outcomes"]["recall"] == 0.25
    assert data["total"]["pilots"]["gold"] == 0
