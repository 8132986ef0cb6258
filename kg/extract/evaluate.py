"""``kg eval``: score extraction against gold annotations with the README's matching rules.

For each gold file ``NNN_xxx.json`` the document ``NNN_xxx.txt`` (or the file named by
its ``doc`` key) is loaded from the documents folder, extracted, rendered as
``kg extract --json`` would print it, and scored per kind (:mod:`kg.extract.scoring`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.extract.scoring import KINDS, Counts, score_kind, score_metadata


@dataclass
class DocumentScore:
    """Scores of one document."""

    doc: str
    counts: dict[str, Counts]
    metadata: dict[str, bool]


@dataclass
class EvalReport:
    """Per-document scores and their totals."""

    documents: list[DocumentScore] = field(default_factory=list)

    @property
    def totals(self) -> dict[str, Counts]:
        total = {k: Counts() for k in KINDS}
        for d in self.documents:
            for k in KINDS:
                total[k] = total[k] + d.counts[k]
        return total

    @property
    def metadata_accuracy(self) -> dict[str, float]:
        n = len(self.documents) or 1
        keys = ("jurisdiction", "doc_type")
        return {k: sum(d.metadata[k] for d in self.documents) / n for k in keys}

    def to_json(self) -> dict[str, Any]:
        def counts_json(c: Counts) -> dict[str, Any]:
            return {
                "gold": c.gold,
                "found": c.found,
                "extracted": c.extracted,
                "correct": c.correct,
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
            }

        return {
            "documents": [
                {"doc": d.doc, "metadata": d.metadata, **{k: counts_json(d.counts[k]) for k in KINDS}}
                for d in self.documents
            ],
            "total": {k: counts_json(c) for k, c in self.totals.items()},
            "metadata": self.metadata_accuracy,
        }


def find_document(gold: dict, gold_path: Path, docs_dir: Path) -> Path | None:
    """The document a gold file annotates: its ``doc`` key, else the same stem with any suffix."""
    if gold.get("doc") and (docs_dir / gold["doc"]).exists():
        return docs_dir / gold["doc"]
    matches = sorted(p for p in docs_dir.glob(gold_path.stem + ".*") if p.suffix != ".json")
    return matches[0] if matches else None


def score_document(gold: dict, extracted: dict) -> tuple[dict[str, Counts], dict[str, bool]]:
    """Counts per kind and metadata checks for one document's JSON output."""
    counts = {k: score_kind(k, gold.get(k) or [], extracted.get(k) or []) for k in KINDS}
    return counts, score_metadata(gold, extracted.get("document") or {})


def evaluate(
    gold_dir: Path,
    docs_dir: Path,
    extract_json: Callable[[Path], dict],
) -> EvalReport:
    """Score ``extract_json(path)`` (the ``kg extract --json`` object) against every gold file."""
    report = EvalReport()
    for gold_path in sorted(Path(gold_dir).glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = find_document(gold, gold_path, Path(docs_dir))
        if doc_path is None:
            continue
        counts, metadata = score_document(gold, extract_json(doc_path))
        report.documents.append(DocumentScore(doc_path.name, counts, metadata))
    return report
