"""The Cypher console: statements ended by ``;``, ``:commands``, results as tables, errors survive.

:class:`CypherConsole` holds the session (store, output format, write permission) and handles
one complete input at a time; :class:`InputBuffer` turns lines into complete inputs, so a
prompt_toolkit session and plain stdin feed the console the same way.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from kg.queries.catalogue import UnknownQueryError, load_catalogue
from kg.queries.formatting import FORMATS, print_result
from kg.queries.names import NameResolutionError
from kg.queries.params import ParameterError, parse_assignments
from kg.queries.readonly import WriteQueryError
from kg.queries.runner import QueryRunner
from kg.queries.tokens import split_statements
from rich.console import Console
from rich.markup import escape

from kg.store.base import GraphStore, StoreError

COMMANDS: dict[str, str] = {
    ":help": "this help",
    ":schema": "labels, relationship types and property keys of the graph",
    ":queries": "the canned queries and their parameters",
    ":run NAME key=value …": "run a canned query (quote values with spaces)",
    ":format table|csv|json": "how results are shown",
    ":quit": "leave the console (also :exit, Ctrl-D)",
}
QUIT_COMMANDS = frozenset({":quit", ":exit", ":q"})
# Errors a user can cause by typing; anything else is a bug and should surface.
USER_ERRORS: tuple[type[Exception], ...] = (
    WriteQueryError, ParameterError, NameResolutionError, UnknownQueryError, StoreError, ValueError,
)  # fmt: skip


@dataclass
class InputBuffer:
    """Collects lines until they form a complete input: a ``:command`` line or ``…;`` statements."""

    pending: str = ""

    def feed(self, line: str) -> list[str]:
        """Add one line; return the inputs it completes (commands keep their leading ``:``)."""
        if not self.pending.strip() and line.strip().startswith(":"):
            return [line.strip()]
        self.pending += line if line.endswith("\n") else line + "\n"
        statements, self.pending = split_statements(self.pending)
        return statements

    def flush(self) -> list[str]:
        """At end of input, an unterminated statement still runs (forgiving for ``-c`` and pipes)."""
        rest, self.pending = self.pending.strip(), ""
        return [rest] if rest else []

    @property
    def continuing(self) -> bool:
        """Whether a statement has started but not yet ended (for the continuation prompt)."""
        return bool(self.pending.strip())


@dataclass
class CypherConsole:
    """One console session over a store."""

    store: GraphStore
    out: Console
    err: Console
    allow_write: bool = False
    fmt: str = "table"
    failures: int = 0
    runner: QueryRunner = field(init=False)

    def __post_init__(self) -> None:
        self.runner = QueryRunner(self.store)

    def handle(self, text: str) -> bool:
        """Run one complete input; False when the user asked to quit. Errors are printed, not raised."""
        text = text.strip()
        if not text:
            return True
        if text.split()[0].lower() in QUIT_COMMANDS:
            return False
        try:
            if text.startswith(":"):
                self._command(text)
            else:
                self._statement(text)
        except USER_ERRORS as exc:
            self._error(str(exc))
        except Exception as exc:  # a store error (syntax, unknown label …) must not end the session
            self._error(f"{type(exc).__name__}: {exc}")
        return True

    def run_lines(self, lines: Iterable[str]) -> bool:
        """Feed ``lines`` (e.g. stdin) through the buffer; False when the user quit on the way."""
        buffer = InputBuffer()
        for text in _inputs(buffer, lines):
            if not self.handle(text):
                return False
        return True

    def _statement(self, cypher: str) -> None:
        result = self.runner.run_statement(cypher, allow_write=self.allow_write)
        print_result(result, self.fmt, self.out)

    def _command(self, text: str) -> None:
        try:
            words = shlex.split(text)
        except ValueError as exc:
            raise ParameterError(f"cannot read {text!r}: {exc}") from None
        name, args = words[0].lower(), words[1:]
        handler = {
            ":help": self._help,
            ":schema": self._schema,
            ":queries": self._queries,
            ":run": self._run,
            ":format": self._format,
        }.get(name)
        if handler is None:
            raise ParameterError(f"unknown command {name}; type :help")
        handler(args)

    def _help(self, _args: list[str]) -> None:
        self.out.print("Cypher statements end with ';' and may span lines. Commands:")
        for command, text in COMMANDS.items():
            self.out.print(f"  {escape(command):<24} {text}")
        mode = "read and write" if self.allow_write else "read-only (start with --write to change data)"
        self.out.print(f"Store: {self.store.name}, {mode}.")

    def _schema(self, _args: list[str]) -> None:
        schema = self.store.schema()
        for key in ("labels", "relationship_types", "property_keys"):
            self.out.print(f"[bold]{key}[/bold]: {escape(', '.join(schema.get(key, [])))}")

    def _queries(self, _args: list[str]) -> None:
        for query in load_catalogue().values():
            params = " ".join(p.signature().replace(" ", "") for p in query.header.params)
            description = escape(query.header.description)
            self.out.print(f"[bold]{query.name}[/bold] {escape(params)}\n  {description}")

    def _run(self, args: list[str]) -> None:
        if not args:
            raise ParameterError(":run needs a query name; :queries lists them")
        result = self.runner.run_canned(args[0], parse_assignments(args[1:]))
        print_result(result, self.fmt, self.out, title=args[0] if self.fmt == "table" else None)

    def _format(self, args: list[str]) -> None:
        if len(args) != 1 or args[0] not in FORMATS:
            raise ParameterError(f":format takes one of {', '.join(FORMATS)} (now {self.fmt})")
        self.fmt = args[0]

    def _error(self, message: str) -> None:
        self.failures += 1
        self.err.print(f"[red]Error:[/red] {escape(message)}")


def _inputs(buffer: InputBuffer, lines: Iterable[str]) -> Iterator[str]:
    """Complete inputs from ``lines``, then whatever is left unterminated at the end."""
    for line in lines:
        yield from buffer.feed(line)
    yield from buffer.flush()


def completion_words(store: GraphStore) -> dict[str, list[str]]:
    """What the console completes: schema names, canned query names and commands."""
    try:
        schema: dict[str, Any] = store.schema()
    except Exception:  # completion is a convenience; a store that cannot say still works
        schema = {}
    return {
        "labels": list(schema.get("labels", [])),
        "relationship_types": list(schema.get("relationship_types", [])),
        "property_keys": list(schema.get("property_keys", [])),
        "queries": list(load_catalogue()),
        "commands": sorted({c.split()[0] for c in COMMANDS} | QUIT_COMMANDS),
    }
