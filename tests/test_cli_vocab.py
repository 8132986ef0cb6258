"""``kg vocab list / show / candidates`` through click's test runner."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from kg.cli import main

REPORT = (
    "一、2020年工作总结\n"
    "松山湖疫情期间发送“松湖启航包”，推进“证照分离”改革全覆盖试点工作。\n"
    "东城发送“松湖启航包”，第一时间实施保价格、保供应、保质量、保复工的“四保”行动。\n"
)


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["vocab", *args])
    return result.exit_code, result.output


def test_list_json_has_every_program_with_a_type() -> None:
    code, out = run("list", "--json")
    programs = json.loads(out)
    assert code == 0 and len(programs) >= 80
    assert all(p["type"] and p["label"] and p["slug"] for p in programs)


def test_list_filters_by_type() -> None:
    code, out = run("list", "--type", "campaign", "--json")
    types = {p["type"] for p in json.loads(out)}
    assert code == 0 and types == {"campaign"}


def test_show_finds_a_program_by_any_spelling() -> None:
    code, out = run("show", "“双随机”抽查", "--json")
    data = json.loads(out)
    assert code == 0 and data["slug"] == "double-random-one-public"
    code, out = run("show", "separating-permits-from-licenses", "--json")
    data = json.loads(out)
    assert data["broader_closure"] == ["commercial-system-reform", "streamline-administration-reform"]


def test_show_an_unknown_program_fails() -> None:
    code, out = run("show", "不存在的改革")
    assert code != 0 and "no program" in out


def test_candidates_counts_mentions_across_documents(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT.replace("东城", "南城"), encoding="utf-8")
    code, out = run("candidates", str(tmp_path), "--json")
    assert code == 0, out
    by_label = {c["label"]: c for c in json.loads(out)}
    starter = by_label["松湖启航包"]
    assert starter["mentions"] == 4 and len(starter["documents"]) == 2
    assert "松湖启航包" in starter["example"]
    assert "证照分离改革" not in by_label  # a vocabulary program is no candidate
    code, out = run("candidates", str(tmp_path), "--json", "--min-count", "3")
    assert [c["label"] for c in json.loads(out)] == ["松湖启航包"]
