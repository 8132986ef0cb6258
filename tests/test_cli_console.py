"""``kg console`` driven through stdin: multi-line statements, :commands, errors do not end it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.commands.console import candidates
from tests.queries.fixture_graph import build_fixture_data_dir


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(build_fixture_data_dir(tmp_path_factory.mktemp("cli-console")))


def console(data_dir: str, stdin: str, *args: str) -> Result:
    return CliRunner().invoke(main, ["console", "--data-dir", data_dir, *args], input=stdin)


def test_multi_line_statement_and_run_then_error_then_continue(data_dir: str) -> None:
    script = "\n".join([
        "MATCH (p:Program)",
        "WHERE p.candidate = false",
        "RETURN p.prefLabel AS label",
        "ORDER BY label;",
        ':run program-adopters program="双随机、一公开"',
        "MATCH (n:Program RETURN n;",
        ":run pilots place=城区",
        ":format csv",
        "MATCH (p:Place) WHERE p.code = '442000' RETURN p.label AS label;",
        ":quit",
        "MATCH (p:Place) RETURN p.label AS after_quit;",
    ])  # fmt: skip
    result = console(data_dir, script + "\n")
    out, err = result.stdout, result.stderr
    assert "证照分离改革全覆盖" in out and "智慧监管" not in out.split("program-adopters")[0]
    assert "深圳市" in out and "440300" in out  # the :run table
    assert err.count("Error:") == 2  # the syntax error and the ambiguous place
    assert "names 2 places" in err
    assert "label\n中山市\n" in out  # csv after :format, so the console went on after the errors
    assert "after_quit" not in out
    assert result.exit_code == 1  # piped input with failures


def test_writes_are_refused_by_default_and_allowed_with_write(
    data_dir: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    refused = console(data_dir, "CREATE (:Program {uri: 'urn:x', prefLabel: '新制度'});\n")
    assert "refused" in refused.stderr and "CREATE" in refused.stderr
    fresh = str(build_fixture_data_dir(tmp_path_factory.mktemp("cli-console-write")))
    written = console(fresh, "CREATE (:Program {uri: 'urn:x', prefLabel: '新制度'});\n"
                             "MATCH (p:Program {uri: 'urn:x'}) RETURN p.prefLabel AS label;\n", "--write")
    assert written.exit_code == 0, written.stderr
    assert "新制度" in written.stdout


def test_commands_help_schema_queries(data_dir: str) -> None:
    result = console(data_dir, ":help\n:schema\n:queries\n:bogus\n")
    assert ":run NAME" in result.stdout and "read-only" in result.stdout
    assert "hasProgram" in result.stdout and "prefLabel" in result.stdout
    assert "planned-vs-reported" in result.stdout
    assert "unknown command :bogus" in result.stderr


def test_dash_c_runs_one_input(data_dir: str) -> None:
    result = console(data_dir, "", "-c", "MATCH (a:Agency) RETURN count(a) AS agencies", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert '"agencies": 4' in result.stdout


def test_completion_candidates_follow_context() -> None:
    words = {"labels": ["Place", "Program"], "relationship_types": ["within"], "property_keys": ["prefLabel"],
             "queries": ["firsts"], "commands": [":help", ":run"]}  # fmt: skip
    assert candidates(":", words) == ["help", "run"]
    assert candidates(":run ", words) == ["firsts"]
    assert candidates("MATCH (n:", words) == ["Place", "Program", "within"]
    assert candidates("RETURN n.", words) == ["prefLabel"]
    assert "firsts" in candidates("", words)


def test_interactive_prompt_submits_on_semicolon_and_keeps_history(data_dir: str, tmp_path: Path) -> None:
    from kg.queries.repl import CypherConsole, completion_words
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from kg.commands.console import interactive
    from kg.store import open_store

    out, err = io.StringIO(), io.StringIO()
    store = open_store("embedded", data_dir=data_dir)
    session = CypherConsole(store, Console(file=out, width=160), Console(file=err, width=160))
    history = tmp_path / "console_history"
    try:
        with create_pipe_input() as pipe:
            # Enter inside a statement continues it; Enter after ';' runs it; :quit leaves.
            pipe.send_text("MATCH (p:Place)\rWHERE p.code = '440300'\rRETURN p.label AS label;\r")
            pipe.send_text("MATCH (n:Nope) RETURN n;\r:quit\r")
            interactive(session, history, completion_words(store), pt_input=pipe, pt_output=DummyOutput())
    finally:
        store.close()
    assert "深圳市" in out.getvalue()
    assert "Error:" in err.getvalue()
    assert "RETURN p.label AS label;" in history.read_text(encoding="utf-8")
