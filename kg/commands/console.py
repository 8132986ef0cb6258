"""``kg console``: a Cypher REPL over the graph (prompt_toolkit on a terminal, plain stdin otherwise)."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from kg.commands.query import FORMAT_CHOICE, open_store_or_fail, result_console, store_options

HISTORY_FILENAME = "console_history"
PROMPT = "kg> "
CONTINUATION = "...> "
_WORD_BEFORE_CURSOR = re.compile(r"[A-Za-z_][\w-]*$")


def history_path(data_dir: str | None) -> Path | None:
    """``<data-dir>/console_history``, or None when the data dir cannot be created."""
    from kg import config

    directory = config.data_dir(data_dir)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return directory / HISTORY_FILENAME


def make_completer(words: dict[str, list[str]]) -> Any:
    """A prompt_toolkit completer for commands, labels, relationship types, keys and query names."""
    from prompt_toolkit.completion import Completer, Completion

    class CypherCompleter(Completer):
        """Completes the word before the cursor with the names that fit where it stands."""

        def get_completions(self, document: Any, complete_event: Any) -> Iterator[Any]:
            before = document.text_before_cursor
            match = _WORD_BEFORE_CURSOR.search(before)
            word = match.group(0) if match else ""
            for candidate in candidates(before[: len(before) - len(word)], words):
                if candidate.lower().startswith(word.lower()):
                    yield Completion(candidate, start_position=-len(word))

    return CypherCompleter()


def candidates(context: str, words: dict[str, list[str]]) -> list[str]:
    """The names that fit after ``context``: a command after a leading ``:``, a query name after
    ``:run``, a label or relationship type after ``:``, a property key after ``.``, else any name."""
    if context.strip() == ":":
        return [c.lstrip(":") for c in words["commands"]]
    if re.fullmatch(r"\s*:run\s+", context):
        return words["queries"]
    if context.endswith(":"):
        return words["labels"] + words["relationship_types"]
    if context.endswith("."):
        return words["property_keys"]
    return words["labels"] + words["relationship_types"] + words["property_keys"] + words["queries"]


def interactive(
    session: Any,
    history: Path | None,
    words: dict[str, list[str]],
    *,
    pt_input: Any = None,
    pt_output: Any = None,
) -> None:
    """Prompt until :quit or Ctrl-D; Enter submits once the input ends with ';' or is a :command.

    ``pt_input``/``pt_output`` replace the terminal (prompt_toolkit pipe input in tests).
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings

    bindings = KeyBindings()

    @bindings.add("enter")
    def _submit_or_newline(event: Any) -> None:
        text = event.current_buffer.text.strip()
        if not text or text.startswith(":") or text.endswith(";"):
            event.current_buffer.validate_and_handle()
        else:
            event.current_buffer.insert_text("\n")

    prompt = PromptSession(
        history=FileHistory(str(history)) if history else InMemoryHistory(),
        completer=make_completer(words),
        multiline=True,
        key_bindings=bindings,
        prompt_continuation=CONTINUATION,
        input=pt_input,
        output=pt_output,
    )
    session.out.print("regkg Cypher console: end statements with ';', :help for commands, :quit to leave.")
    while True:
        try:
            text = prompt.prompt(PROMPT)
        except KeyboardInterrupt:
            continue  # Ctrl-C drops the current input, as in most shells
        except EOFError:
            return
        if not session.run_lines(text.splitlines()):
            return


@click.command("console")
@click.option("-c", "--command", "statement", default=None, metavar="STATEMENT",
              help="Run this statement (or :command) and exit.")
@click.option("--write", is_flag=True, help="Allow statements that change the graph (default read-only).")
@click.option("--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True)
@store_options
def console_cmd(statement: str | None, write: bool, fmt: str, backend: str, data_dir: str | None) -> None:
    """A Cypher console over the graph: statements end with ';', :help lists the commands.

    On a terminal it offers history and tab completion; with piped input it reads stdin
    line by line, so scripts can drive it. Errors are reported and the console goes on;
    the exit code is 1 if any input failed (when not interactive).
    """
    from rich.console import Console

    from kg.queries.repl import CypherConsole, completion_words

    store = open_store_or_fail(backend, data_dir, writable=write)
    session = CypherConsole(store, result_console(fmt), Console(stderr=True), allow_write=write, fmt=fmt)
    stdin = sys.stdin
    is_tty = statement is None and stdin.isatty() and sys.stdout.isatty()
    try:
        if statement is not None:
            session.run_lines(statement.splitlines())
        elif is_tty:
            interactive(session, history_path(data_dir), completion_words(store))
        else:
            session.run_lines(stdin)
    finally:
        store.close()
    if session.failures and not is_tty:
        raise SystemExit(1)
