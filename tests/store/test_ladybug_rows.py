"""Rows read through Arrow equal the rows get_all() gives, and other results take the general path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.store.embedded import EmbeddedStore, open_embedded
from kg.store.ladybug_rows import is_plain_type, result_rows
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
