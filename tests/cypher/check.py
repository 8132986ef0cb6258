"""Check Cypher statements with Neo4j's own parser and semantic analysis (reusable test helper).

Runs ``tests/cypher/check.mjs`` (``@neo4j-cypher/language-support``, pinned in package.json and
installed by ``scripts/test-deps.sh``) once for a whole list of statements::

    from tests.cypher.check import check_cypher, require_cypher_checker

    def test_my_queries_parse():
        require_cypher_checker()          # skips with the reason when node/npm deps are missing
        assert check_cypher(statements) == []

``check_cypher`` returns one :class:`CypherError` per problem found; an empty list means Neo4j
would accept every statement. Parameters need not be declared; labels and properties are not
checked against a schema (the checker has none), only syntax and semantics (undefined
variables, wrong clause order, unknown functions are reported).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCRIPT = HERE / "check.mjs"
PACKAGE = HERE / "node_modules" / "@neo4j-cypher" / "language-support"


@dataclass(frozen=True)
class CypherError:
    """One problem Neo4j's parser found: which statement, where, and its message."""

    index: int
    statement: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        first_line = self.statement.strip().splitlines()[0] if self.statement.strip() else ""
        return f"statement {self.index} ({first_line[:60]}…) {self.line}:{self.column}: {self.message}"


class CypherCheckerUnavailable(RuntimeError):
    """node or the npm package is missing: run ``bash scripts/test-deps.sh``."""


def unavailable_reason() -> str | None:
    """Why the checker cannot run here, or None when it can."""
    if shutil.which("node") is None:
        return "node is not installed (needed for Neo4j's Cypher parser)"
    if not PACKAGE.is_dir():
        return "tests/cypher/node_modules is missing: run `bash scripts/test-deps.sh` (npm ci)"
    return None


def require_cypher_checker() -> None:
    """Skip the calling test, with the reason, when the checker cannot run."""
    import pytest

    reason = unavailable_reason()
    if reason:
        pytest.skip(reason)


def check_cypher(statements: list[str], *, timeout: float = 120.0) -> list[CypherError]:
    """Every error Neo4j's parser reports for ``statements`` (empty list: all valid)."""
    reason = unavailable_reason()
    if reason:
        raise CypherCheckerUnavailable(reason)
    unique = list(dict.fromkeys(statements))  # each distinct statement is analysed once
    completed = subprocess.run(
        ["node", str(SCRIPT)],
        input=json.dumps(unique),
        capture_output=True,
        text=True,
        cwd=HERE,
        timeout=timeout,
        check=False,
    )
    if completed.returncode != 0:
        raise CypherCheckerUnavailable(f"check.mjs failed: {completed.stderr.strip()[:2000]}")
    found = {unique[entry["index"]]: entry["errors"] for entry in json.loads(completed.stdout)}
    return [
        CypherError(index, statement, error["line"], error["column"], error["message"])
        for index, statement in enumerate(statements)
        for error in found[statement]
    ]
