"""Rows read through Arrow equal the rows get_all() gives, and other results take the general path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore, open_embedded
from kg.store.ladybug_rows import column_values, is_plain_type, result_rows
from kg.store.values import from_ladybug


@pytest.fixture(scope="module")
def store(sample_store: tuple[Path, object]) -> Iterator[EmbeddedStore]:
    opened = open_embedded(sample_store[0])
    yield opened
    opened.close()


@pytest.mark.parametrize(
    "cypher",
    [
        # strings, integers, doubles, booleans, lists, nulls
        "MATCH (n:Program) RETURN n.uri AS uri, n.prefLabel AS label, n.altLabel AS aliases,"
        " size(n.uri) AS length, 1.5 AS ratio, n.candidate AS candidate,"
        " CASE WHEN n.candidate THEN 1 END AS missing ORDER BY uri",
        "MATCH (n:Program) WHERE n.uri = 'none' RETURN n.uri AS uri",  # no rows
        "MATCH (n:Program) RETURN n ORDER BY n.uri",  # nodes: the general path
        "MATCH (a)-[r]->(b) RETURN r ORDER BY a.uri, b.uri, label(r) LIMIT 3",  # relationships: general path
    ],
)
def test_result_rows_equal_the_row_by_row_values(store: EmbeddedStore, cypher: str) -> None:
    connection = store._conn  # the raw result is what is under test
    expected = [[from_ladybug(v) for v in row] for row in connection.execute(cypher).get_all()]
    assert result_rows(connection.execute(cypher)) == expected


def test_the_store_returns_arrow_rows_with_their_python_types(store: EmbeddedStore) -> None:
    cypher = "MATCH (n:Program) RETURN n.uri AS uri, size(n.uri) AS length, [n.uri] AS uris LIMIT 1"
    result = store.run(cypher)
    (uri, length, uris), = result.rows
    assert isinstance(uri, str) and length == len(uri) and uris == [uri]


@pytest.mark.parametrize(
    ("type_name", "plain"),
    [("STRING", True), ("INT64[]", True), ("DOUBLE", True), ("NODE", False), ("REL", False),
     ("MAP(STRING, INT64)", False), ("STRING[][]", False), ("STRUCT(a INT64)", False)],
)
def test_only_scalars_and_their_lists_are_read_through_arrow(type_name: str, plain: bool) -> None:
    assert is_plain_type(type_name) is plain


def _strings(pattern: list[str | None], repeat: int) -> list[str | None]:
    """``pattern`` repeated; Chinese names get one of 7 suffixes, so a few distinct values repeat."""
    return [
        None if p is None else p + (str(i % 7) if p.startswith("证") else "")
        for i in range(repeat) for p in pattern
    ]


@pytest.mark.parametrize(
    "chunks",
    [
        [_strings(["证照分离", None, "https://w3id.org/regkg/id/place/441900"], 700)],  # repeats, nulls
        [[f"u{i}" for i in range(3000)]],  # all distinct: converted plainly
        [_strings(["东莞市"], 1200), _strings(["中山市", None], 10)],  # chunks of both kinds
        [["a", None, "a"]],  # short: converted plainly
        [[None] * 2000],  # only nulls
    ],
)
def test_column_values_equal_to_pylist(chunks: list[list[str | None]]) -> None:
    import pyarrow as pa

    column = pa.chunked_array(chunks, type=pa.string())
    assert column_values(column) == column.to_pylist()


def test_repeated_strings_are_decoded_once() -> None:
    import pyarrow as pa

    values = column_values(pa.chunked_array([["东莞市", "中山市"] * 1000]))
    assert len({id(v) for v in values}) == 2 and values[:2] == ["东莞市", "中山市"]
