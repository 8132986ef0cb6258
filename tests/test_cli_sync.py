"""``kg sync neo4j`` without a server: dry run, connection errors, and the password never shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

SECRET = "s3cret-Pa55word"


@pytest.fixture()
def env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", SECRET)
    monkeypatch.delenv("NEO4J_URI", raising=False)


def sync(data_dir: Path, *args: str) -> object:
    return CliRunner().invoke(main, ["sync", "neo4j", "--data-dir", str(data_dir), *args])


def test_dry_run_prints_statements_and_batch_plan_without_a_server(seeds_data_dir: Path, env: None) -> None:
    # port 9 (discard) has no Neo4j: a dry run must not try to connect
    result = sync(seeds_data_dir, "--dry-run", "--uri", "bolt://127.0.0.1:9", "--batch-size", "100")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "CREATE CONSTRAINT `place_uri` IF NOT EXISTS FOR (n:`Place`) REQUIRE n.uri IS UNIQUE;" in out
    assert "UNWIND $rows AS row MERGE (n:`Evidence` {uri: row.uri})" in out
    assert "// merge nodes Evidence:" in out and "batch(es)" in out
    assert "7 changed" in out  # five documents, the vocabulary and the ontology graph
    assert SECRET not in out


def test_unreachable_server_is_reported_clearly(seeds_data_dir: Path, env: None, tmp_path: Path) -> None:
    result = sync(seeds_data_dir, "--uri", "bolt://127.0.0.1:9")
    assert result.exit_code == 1
    assert "cannot reach Neo4j at bolt://127.0.0.1:9" in result.output
    assert SECRET not in result.output


def test_bad_uri_scheme_is_reported(seeds_data_dir: Path, env: None) -> None:
    result = sync(seeds_data_dir, "--uri", "http://127.0.0.1:7474")
    assert result.exit_code == 1 and "bad Neo4j URI" in result.output


def test_data_dir_without_documents(tmp_path: Path, env: None) -> None:
    result = sync(tmp_path, "--dry-run")
    assert result.exit_code != 0 and "kg ingest" in result.output
