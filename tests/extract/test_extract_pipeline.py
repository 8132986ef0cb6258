"""The whole pipeline on the seed reports: evidence spans, JSON format, scores against the gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from extract_testkit import require_gold

from kg.extract.evaluate import evaluate
from kg.extract.jsonout import extraction_json
from kg.extract.pipeline import extract
from kg.extract.scoring import KINDS


@pytest.fixture(scope="module")
def extractions(seed_docs: dict) -> dict:
    """Every seed extracted once for this module."""
    return {sid: extract(doc) for sid, doc in seed_docs.items()}


@pytest.fixture(scope="module")
def seed_json(seed_docs: dict, extractions: dict) -> dict[str, dict]:
    return {sid: extraction_json(seed_docs[sid], ex) for sid, ex in extractions.items()}


def _evidences(ex) -> list:
    items = [*ex.pilots, *ex.claims, *ex.outcomes, *ex.targets, *ex.policy_documents, *ex.recognitions]
    return [item.evidence for item in items]


def test_every_evidence_span_lies_in_its_sentence(seed_docs: dict, extractions: dict) -> None:
    for sid, ex in extractions.items():
        doc = seed_docs[sid]
        for ev in _evidences(ex):
            if ev.rule == "target.indicator_table":
                continue  # a table row spans several table lines, checked in test_targets
            sentence = doc.sentences[ev.sentence_index]
            assert sentence.start <= ev.start < ev.end <= sentence.end, (sid, ev)
            span = doc.text[ev.start : ev.end]
            assert span in ev.sentence
            orig = doc.original_text[ev.orig_start : ev.orig_end]
            assert orig[:1] == span[:1] and orig[-1:] == span[-1:], (sid, span, orig)
            assert ev.section_path or sentence.section is None


def test_json_has_the_readme_keys(seed_json: dict) -> None:
    required = {
        "pilots": {"place", "place_iri", "program", "what", "status", "year", "evidence"},
        "claims": {"scope", "what", "program", "place", "evidence"},
        "outcomes": {"metric", "value", "unit", "base_value", "base_unit", "year", "program", "evidence"},
        "targets": {
            "metric",
            "unit",
            "baseline",
            "baseline_year",
            "target",
            "target_year",
            "binding",
            "evidence",
        },
    }
    for data in seed_json.values():
        json.dumps(data, ensure_ascii=False)  # serializable as printed by kg extract --json
        assert set(data["document"]) >= {
            "path",
            "sha256",
            "title",
            "jurisdiction",
            "issuer",
            "doc_type",
            "years",
        }
        for kind, keys in required.items():
            for item in data[kind]:
                assert set(item) >= keys, (kind, item)


def test_statuses_follow_the_sections(extractions: dict) -> None:
    statuses = {p.status for ex in extractions.values() for p in ex.pilots}
    assert statuses <= {"done", "ongoing", "planned"}
    assert {"done", "planned"} <= statuses


def test_scores_on_the_gold_reach_the_targets(seed_paths: dict, seed_json: dict) -> None:
    gold = require_gold()
    by_name = {seed_paths[sid].name: data for sid, data in seed_json.items()}
    report = evaluate(gold, seed_paths["000"].parent, lambda path: by_name[Path(path).name])
    totals = report.totals
    assert set(totals) == set(KINDS)
    assert totals["programs"].f1 >= 0.80
    assert totals["pilots"].f1 >= 0.70
    assert totals["claims"].f1 >= 0.85
    assert totals["outcomes"].f1 >= 0.70
    assert totals["targets"].gold > 0 and totals["targets"].f1 >= 0.80
    assert report.metadata_accuracy == {"jurisdiction": 1.0, "doc_type": 1.0}


def test_program_labels_name_the_program_iris(seed_json: dict) -> None:
    """program_label is the label of the document's program with that IRI (scorers match names)."""
    checked = 0
    for data in seed_json.values():
        labels = {p["iri"]: p["label"] for p in data["programs"]}
        for kind in ("pilots", "claims", "outcomes", "targets"):
            for item in data[kind]:
                if item["program"] is None:
                    assert item["program_label"] is None
                    continue
                assert item["program"] in labels, (kind, item)  # records only cite listed programs
                assert item["program_label"] == labels[item["program"]]
                checked += 1
    assert checked > 0
