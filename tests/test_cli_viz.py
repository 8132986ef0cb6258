"""``kg viz query|program|place|graph`` end to end on a real embedded store."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.store.embedded import build_from_graph
from tests.viz.pages import parse_page
from tests.viz.sample_graphs import PAYLOAD_SCRIPT, sample_graph, synthetic_graph


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("viz-cli")
    build_from_graph(sample_graph(), root / "ladybug")
    return root


@pytest.fixture(scope="module")
def big_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("viz-cli-big")
    build_from_graph(synthetic_graph(60, 10), root / "ladybug")  # 60 + 600 + 20 programs + 1 document
    return root


def kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def drawn_node_count(page: Path) -> int:
    """How many nodes the page's data carries (the legend counts add up to it)."""
    parsed = parse_page(page.read_text(encoding="utf-8"))
    return parsed.scripts[-1].count('"kgClass"')


@pytest.mark.parametrize(
    ("args", "nodes"),
    [
        (["place", "东莞", "--depth", "1"], 5),
        (["place", "441900", "--depth", "0"], 1),
        (["program", "证照分离", "--depth", "2"], 4),
        (["query", "program-adopters", "-p", "program=证照分离"], 4),
        (["graph"], 12),
    ],
)
def test_each_subcommand_writes_a_page(data_dir: Path, tmp_path: Path, args: list[str], nodes: int) -> None:
    out = tmp_path / "page.html"
    code, stdout, stderr = kg("viz", *args, "--data-dir", str(data_dir), "-o", str(out))
    assert code == 0, stdout + stderr
    assert f"wrote {out}: {nodes} nodes" in stdout
    assert drawn_node_count(out) == nodes
    assert PAYLOAD_SCRIPT not in out.read_text(encoding="utf-8")


def test_graph_cap_is_reported(big_data_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "capped.html"
    args = ["--max-nodes", "100", "--data-dir", str(big_data_dir), "-o", str(out)]
    code, stdout, stderr = kg("viz", "graph", *args)
    assert code == 0, stdout + stderr
    assert "100 nodes" in stdout and "Showing 100 of 681 nodes" in stderr
    assert "Showing 100 of 681 nodes" in out.read_text(encoding="utf-8")
    assert drawn_node_count(out) == 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["place", "北京市"], "no place called '北京市'"),
        (["query", "no-such-query"], "no canned query 'no-such-query'"),
        (["query", "program-adopters"], "needs parameter 'program'"),
        (["query", "program-adopters", "-p", "programme"], "key=value"),
    ],
)
def test_errors_are_one_clear_line(data_dir: Path, tmp_path: Path, args: list[str], message: str) -> None:
    code, _, stderr = kg("viz", *args, "--data-dir", str(data_dir), "-o", str(tmp_path / "x.html"))
    assert code != 0 and message in stderr and "Traceback" not in stderr
    assert not (tmp_path / "x.html").exists()


def test_missing_store_says_how_to_build_it(tmp_path: Path) -> None:
    out = tmp_path / "x.html"
    code, _, stderr = kg("viz", "graph", "--data-dir", str(tmp_path / "nothing"), "-o", str(out))
    assert code == 1 and "kg ingest" in stderr
