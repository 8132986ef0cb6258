"""The canned queries shipped in ``queries/*.cypher``, loaded with their headers."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.queries.header import QueryHeader, parse_header

QUERY_DIR = Path(__file__).resolve().parent


class UnknownQueryError(KeyError):
    """A canned query name that is not in the catalogue."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "unknown query"


@dataclass(frozen=True)
class CannedQuery:
    """One canned query: its header and the Cypher text (header comments included)."""

    header: QueryHeader
    text: str
    path: Path

    @property
    def name(self) -> str:
        return self.header.name


def load_query(path: Path) -> CannedQuery:
    """Read one ``.cypher`` file; its header name must match the file name."""
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, source=str(path))
    if header.name != path.stem:
        raise ValueError(f"{path}: header name {header.name!r} differs from the file name")
    return CannedQuery(header, text, path)


@lru_cache(maxsize=4)
def load_catalogue(directory: Path = QUERY_DIR) -> dict[str, CannedQuery]:
    """Every canned query in ``directory``, by name, in name order."""
    queries = [load_query(p) for p in sorted(directory.glob("*.cypher"))]
    return {q.name: q for q in queries}


def get_query(name: str, directory: Path = QUERY_DIR) -> CannedQuery:
    """The canned query called ``name``; an unknown name suggests close ones."""
    catalogue = load_catalogue(directory)
    if name in catalogue:
        return catalogue[name]
    near = difflib.get_close_matches(name, list(catalogue), n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(near)}?" if near else f"; known: {', '.join(catalogue)}"
    raise UnknownQueryError(f"no canned query {name!r}{hint}")
