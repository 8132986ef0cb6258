"""The canned queries on the real seed reports, ingested once into a temporary data dir.

These also measure extraction (owned by the extract stage): a failure here names the query and
what it expected from the seeds.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from kg.queries.catalogue import CannedQuery, load_catalogue
from kg.queries.header import parse_header
from kg.queries.runner import QueryRunner
from kg.queries.tokens import inline_null_parameters

from kg import config
from kg.cli import main
from kg.store import open_store

CATALOGUE = load_catalogue()
MINIMAL_PARAMS: dict[str, dict[str, str]] = {
    "program-adopters": {"program": "证照分离"},
    "place-programs": {"place": "东莞"},
    "evidence": {"node": "双随机一公开"},
}


@pytest.fixture(scope="module")
def seeds_data_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = config.seeds_dir()
    if not any(seeds.glob("*.txt")):
        pytest.skip(f"no seed reports in {seeds}")
    data_dir = str(tmp_path_factory.mktemp("seeds-data"))
    ingest = ["ingest", str(seeds), "--data-dir", data_dir, "--quiet", "--jobs", "2"]
    result = CliRunner().invoke(main, ingest)
    assert result.exit_code == 0, result.output
    assert (Path(data_dir) / "ladybug").is_dir()
    return data_dir


@pytest.fixture(scope="module")
def runner(seeds_data_dir: str) -> Iterator[QueryRunner]:
    store = open_store("embedded", data_dir=seeds_data_dir)
    yield QueryRunner(store)
    store.close()


def kg_query(data_dir: str, *args: str) -> str:
    result = CliRunner().invoke(main, ["query", *args, "--data-dir", data_dir])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("query", CATALOGUE.values(), ids=lambda q: q.name)
def test_every_canned_query_runs_on_the_seeds(runner: QueryRunner, query: CannedQuery) -> None:
    params = runner.bind(query, MINIMAL_PARAMS.get(query.name))
    result = runner.store.run(*inline_null_parameters(query.text, params))
    assert result.columns == list(query.header.columns)
    assert result.rows, f"{query.name} finds nothing in the seeds"


@pytest.mark.parametrize("query", CATALOGUE.values(), ids=lambda q: q.name)
def test_every_canned_query_gives_the_same_answer_on_every_run(
    runner: QueryRunner, query: CannedQuery
) -> None:
    """Rows in one order (ORDER BY ends in IRIs) and set-like lists sorted (``// sets:``): the
    engine's parallel scans meet tied rows and collected items in a different order each run."""
    raw = {**MINIMAL_PARAMS.get(query.name, {}), "limit": "100000"}
    first = runner.run_canned(query, raw).rows
    assert first, f"{query.name} finds nothing in the seeds"
    for _ in range(4):
        assert runner.run_canned(query, raw).rows == first


def test_set_columns_come_back_sorted_and_other_lists_as_they_are(runner: QueryRunner) -> None:
    text = "// name: sets\n// description: d\n// columns: tags, kept\n// sets: tags\n" \
        "RETURN ['b', 'c', 'a'] AS tags, ['b', 'c', 'a'] AS kept"
    query = CannedQuery(parse_header(text), text, Path("sets.cypher"))
    assert runner.run_canned(query).rows == [[["a", "b", "c"], ["b", "c", "a"]]]


def test_program_adopters_of_zhengzhao_fenli(seeds_data_dir: str) -> None:
    out = kg_query(seeds_data_dir, "program-adopters", "-p", "program=证照分离", "--format", "json")
    rows = {r["jurisdiction"]: r for r in json.loads(out)}
    assert {"东莞市", "中山市"} <= set(rows), f"adopters found: {sorted(rows)}"
    for place in ("东莞市", "中山市"):
        assert isinstance(rows[place]["first_year"], int) and 2000 < rows[place]["first_year"] < 2030
        assert rows[place]["evidence_count"] >= 1


@pytest.mark.parametrize(
    ("scope", "claimants"), [("national", {"东莞市", "深圳市"}), ("provincial", {"东莞市", "中山市"})]
)
def test_firsts_by_scope(seeds_data_dir: str, scope: str, claimants: set[str]) -> None:
    out = kg_query(seeds_data_dir, "firsts", "-p", f"scope={scope}", "--format", "json")
    rows = json.loads(out)
    assert {r["scope"] for r in rows} == {scope}
    found = {r["claimant"] for r in rows}
    assert claimants <= found, f"{scope} claimants found: {sorted(found)}"


def test_adoption_matrix_csv_has_one_row_per_program_and_jurisdiction(seeds_data_dir: str) -> None:
    out = kg_query(seeds_data_dir, "adoption-matrix", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(CATALOGUE["adoption-matrix"].header.columns)
    pairs = Counter((r["program"], r["jurisdiction"]) for r in rows)
    duplicates = [pair for pair, n in pairs.items() if n > 1]
    assert duplicates == []
    assert {"东莞市", "中山市", "深圳市"} <= {r["jurisdiction"] for r in rows}
