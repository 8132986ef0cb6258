"""Refuse Cypher that writes: a tokenizer-level check that ignores strings, comments and names.

Canned queries and the default console only read. A keyword such as ``CREATE`` is a write
clause only when it is a bare word of the statement: the same letters inside a string
literal, a comment, a backtick-quoted name, a property key (``n.set``), a parameter
(``$delete``) or a label (``:Copy``) are not clauses, so they are skipped.
"""

from __future__ import annotations

from kg.queries.tokens import bare_words

# Clauses that change data or schema, in Neo4j 5 or the embedded (Kùzu-dialect) engine.
WRITE_KEYWORDS = frozenset(
    {
        "CREATE", "MERGE", "DELETE", "DETACH", "SET", "REMOVE", "DROP", "LOAD", "COPY",
        "ALTER", "IMPORT", "EXPORT", "ATTACH", "INSTALL", "FOREACH",
    }
)  # fmt: skip


class WriteQueryError(ValueError):
    """A statement that would write, given where only reading is allowed."""


def write_clauses(text: str) -> list[str]:
    """The write keywords used as clauses in ``text`` (upper case, in order of appearance)."""
    found: list[str] = []
    for token in bare_words(text):
        if token.previous in (".", "$", ":"):
            continue  # a property key, parameter, label or relationship type, not a clause
        upper = token.word.upper()
        if upper in WRITE_KEYWORDS:
            found.append(upper)
    return found


def ensure_read_only(text: str) -> None:
    """Raise :class:`WriteQueryError` when ``text`` contains a write clause."""
    found = write_clauses(text)
    if found:
        words = ", ".join(dict.fromkeys(found))
        raise WriteQueryError(f"refused: the statement writes ({words}); only read queries are allowed here")
