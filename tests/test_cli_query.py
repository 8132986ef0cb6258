"""``kg query`` through click on the fixture graph: formats, --list, clear parameter errors."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from kg.queries.catalogue import load_catalogue

from kg.cli import main
from tests.queries.fixture_graph import build_fixture_data_dir


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_fixture_data_dir(tmp_path_factory.mktemp("cli-query")))


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_list_shows_every_query_with_its_parameters() -> None:
    code, out, _ = kg("query", "--list")
    assert code == 0
    for name, query in load_catalogue().items():
        assert name in out
        for param in query.header.params:
            assert param.signature() in out
    code, out, _ = kg("query", "--list", "--format", "json")
    listed = {q["name"]: q for q in json.loads(out)}
    assert listed["program-adopters"]["parameters"][0] == {
        "name": "program", "type": "program", "required": True, "default": None, "choices": [],
        "help": listed["program-adopters"]["parameters"][0]["help"],
    }  # fmt: skip


def test_csv_has_the_declared_header_and_one_row_per_pair(data_dir: str) -> None:
    args = ["query", "adoption-matrix", "-p", "candidates=yes", "--format", "csv", "--data-dir", data_dir]
    code, out, err = kg(*args)
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(load_catalogue()["adoption-matrix"].header.columns)
    pairs = [(r["program_uri"], r["jurisdiction_uri"]) for r in rows]
    assert len(pairs) == len(set(pairs)) == 7


def test_json_keeps_types_and_lists(data_dir: str) -> None:
    code, out, err = kg("query", "program-adopters", "-p", "program=“证照分离”", "--format", "json",
                        "--data-dir", data_dir)  # fmt: skip
    assert code == 0, err
    records = {r["jurisdiction"]: r for r in json.loads(out)}
    assert records["东莞市"]["first_year"] == 2020
    assert sorted(records["东莞市"]["programs"]) == ["证照分离", "证照分离改革全覆盖"]


def test_table_output(data_dir: str) -> None:
    code, out, err = kg("query", "firsts", "-p", "scope=national", "--data-dir", data_dir)
    assert code == 0, err
    assert "市场监管共建共治联合会" in out and "深圳市" in out and "2 rows" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["query", "pilots", "-p", "place=城区"], "names 2 places"),
        (["query", "pilots", "-p", "program=证照"], "did you mean: 证照分离"),
        (["query", "firsts", "-p", "scope=global"], "must be one of national"),
        (["query", "firsts", "-p", "colour=red"], "no parameter colour"),
        (["query", "program-adopters"], "needs parameter 'program'"),
        (["query", "firsts", "-p", "scope"], "key=value"),
        (["query", "frists"], "did you mean firsts"),
        (["query"], "--list"),
    ],
)
def test_user_mistakes_are_clear_click_errors(data_dir: str, args: list[str], message: str) -> None:
    code, out, err = kg(*args, "--data-dir", data_dir)
    assert code == 2
    assert message in err
    assert "Traceback" not in err + out


def test_missing_store_says_how_to_build_it(tmp_path: Path) -> None:
    code, _, err = kg("query", "firsts", "--data-dir", str(tmp_path / "empty"))
    assert code == 1 and "kg ingest" in err
