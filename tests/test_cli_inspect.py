"""`kg inspect`: metadata and outline per file, --json for machines, one error line per bad file."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main

EXPECTED = {  # seed id: jurisdiction, code, doc_type, summary year, plan year, kinds of top sections
    "000": ("东莞市", "441900", "annual_summary_and_plan", 2020, 2021, ["reporting", "planning"]),
    "001": ("中山市", "442000", "annual_summary_and_plan", 2020, 2021, ["reporting", "planning"]),
    "002": ("东莞市", "441900", "five_year_plan", 2020, 2021, ["reporting"] + ["planning"] * 10),
    "003": ("深圳市", "440300", "annual_summary_and_plan", 2023, 2024, ["reporting", "planning"]),
    "004": ("XX区", None, "annual_summary_and_plan", 2020, 2021, ["reporting"] * 6 + ["planning"] * 4),
}


@pytest.fixture(scope="module")
def seeds_json(seeds_dir: Path) -> list[dict]:
    result = CliRunner().invoke(main, ["inspect", "--json", str(seeds_dir)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_per_seed(seeds_json: list[dict], seeds_dir: Path) -> None:
    by_id = {Path(item["path"]).name[:3]: item for item in seeds_json}
    assert set(by_id) == set(EXPECTED)
    for sid, (name, code, doc_type, summary, plan, kinds) in EXPECTED.items():
        item = by_id[sid]
        assert (item["jurisdiction"]["name"], item["jurisdiction"]["code"]) == (name, code)
        assert item["doc_type"] == doc_type
        assert (item["years"]["summary"], item["years"]["plan"]) == (summary, plan)
        assert [s["kind"] for s in item["sections"]] == kinds
        assert all(s["depth"] == 1 for s in item["sections"])
        assert item["sha256"] == hashlib.sha256(Path(item["path"]).read_bytes()).hexdigest()
        assert item["n_sentences"] > 100 and item["source_format"] == "txt" and item["encoding"] == "utf-8"


def test_json_section_tree_nests(seeds_json: list[dict]) -> None:
    item = next(i for i in seeds_json if Path(i["path"]).name.startswith("000"))
    first = item["sections"][0]
    assert first["heading"] == "一、2020年工作总结" and (first["kind"], first["year"]) == ("reporting", 2020)
    assert len(first["children"]) == 8
    assert all(c["depth"] == 2 and c["kind"] == "reporting" for c in first["children"])


def test_rich_outline(seed_paths: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["inspect", str(seed_paths["004"]), "--depth", "1"])
    assert result.exit_code == 0
    assert "XX区市场监管局" in result.stdout and "annual_summary_and_plan" in result.stdout
    assert "一、“快”字为先" in result.stdout and "reporting 2020" in result.stdout
    assert "一是登记注册再优化" not in result.stdout  # deeper than --depth 1


def test_bad_files_give_one_error_line_and_the_batch_goes_on(
    tmp_path: Path, seed_paths: dict[str, Path]
) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "notes.xlsx").write_bytes(b"PK\x03\x04")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj garbage")
    good = tmp_path / "good.txt"
    good.write_bytes(seed_paths["001"].read_bytes())
    result = CliRunner().invoke(main, ["inspect", "--json", str(tmp_path), str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("error: ")]
    assert sorted(errors) == sorted(
        [
            f"error: {tmp_path / 'binary.txt'}: binary content (NUL bytes)",
            f"error: {tmp_path / 'broken.pdf'}: unreadable PDF: Stream has ended unexpectedly",
            f"error: {tmp_path / 'empty.txt'}: empty file",
            f"error: {tmp_path / 'missing.txt'}: no such file",
        ]
    )
    assert any(ln.startswith("skipped: ") and "notes.xlsx" in ln for ln in result.stderr.splitlines())
    # nothing else on stderr: library warnings would break the one-line-per-file report
    assert all(ln.startswith(("error: ", "skipped: ")) for ln in result.stderr.splitlines())
    (doc,) = json.loads(result.stdout)
    assert doc["path"] == str(good) and doc["jurisdiction"]["name"] == "中山市"


def test_max_bytes_option(seed_paths: dict[str, Path]) -> None:
    result = CliRunner().invoke(main, ["inspect", "--json", "--max-bytes", "1000", str(seed_paths["000"])])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == []
    assert result.stderr.startswith(f"error: {seed_paths['000']}: too large")


def test_only_skipped_files_is_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"x")
    result = CliRunner().invoke(main, ["inspect", str(tmp_path)])
    assert result.exit_code == 0 and "skipped:" in result.stderr
    assert "no readable reports found" in result.stderr
