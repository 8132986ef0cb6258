"""``kg extract`` and ``kg eval`` through click."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from extract_testkit import require_gold

from kg.cli import main


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


def test_extract_json_prints_only_json(runner: CliRunner, seed_paths: dict) -> None:
    result = runner.invoke(main, ["extract", str(seed_paths["004"]), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["document"]["jurisdiction"]["name"] == "XX区"
    assert {"programs", "pilots", "claims", "outcomes", "targets", "policy_documents", "recognitions"} <= set(
        data
    )
    assert any(o["value"] == 51632 and o["unit"] == "家" for o in data["outcomes"])


def test_extract_summary_is_readable(runner: CliRunner, seed_paths: dict) -> None:
    result = runner.invoke(main, ["extract", str(seed_paths["004"])])
    assert result.exit_code == 0, result.output
    assert "XX区" in result.output
    assert "outcomes" in result.output


def test_eval_json(runner: CliRunner, seeds_dir) -> None:
    gold = require_gold()
    result = runner.invoke(main, ["eval", str(gold), "--docs", str(seeds_dir), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["documents"]) == len(list(gold.glob("*.json")))
    assert 0.0 <= data["total"]["claims"]["f1"] <= 1.0
    assert data["total"]["claims"]["gold"] == sum(
        len(json.loads(p.read_text(encoding="utf-8"))["claims"]) for p in gold.glob("*.json")
    )


def test_eval_without_matching_documents_fails(runner: CliRunner, tmp_path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_text('{"doc": "x.txt"}', encoding="utf-8")
    (tmp_path / "docs").mkdir()
    result = runner.invoke(main, ["eval", str(tmp_path / "gold"), "--docs", str(tmp_path / "docs")])
    assert result.exit_code != 0
    assert "no gold file" in result.output
