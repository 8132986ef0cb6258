"""The tokenizer-level write check: clauses count, strings, comments and names do not."""

from __future__ import annotations

import pytest
from kg.queries.readonly import WriteQueryError, ensure_read_only, write_clauses


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("CREATE (n:Program {uri: 'x'})", ["CREATE"]),
        ("MATCH (n) DETACH DELETE n", ["DETACH", "DELETE"]),
        ("MERGE (p:Place {uri: $u}) ON CREATE SET p.label = '东莞市'", ["MERGE", "CREATE", "SET"]),
        ("match (n:Program) set n.candidate = true", ["SET"]),
        ("MATCH (n) REMOVE n.altLabel", ["REMOVE"]),
        ("DROP TABLE Program", ["DROP"]),
        ("COPY Program FROM 'programs.parquet'", ["COPY"]),
        ("LOAD CSV FROM 'file:///x.csv' AS row RETURN row", ["LOAD"]),
        ("MATCH (n) RETURN n; CREATE (m)", ["CREATE"]),
        # not clauses: strings, comments, backtick names, properties, parameters, labels
        ("MATCH (e:Evidence) WHERE e.text CONTAINS 'CREATE TABLE' RETURN e", []),
        ('MATCH (e) WHERE e.rule = "delete;drop" RETURN e', []),
        ("MATCH (n) // then CREATE (m)\nRETURN n", []),
        ("MATCH (n) /* MERGE\n DELETE */ RETURN n", []),
        ("MATCH (n) RETURN n.set AS `set`, n.create, $delete", []),
        ("MATCH (n:Copy)-[:Load]->(m) RETURN m", []),
        ("MATCH (n) WHERE n.text = 'it\\'s CREATE' RETURN n", []),
        ("MATCH (p:Program) RETURN p.prefLabel AS created", []),
    ],
)
def test_write_clauses(statement: str, expected: list[str]) -> None:
    assert write_clauses(statement) == expected


def test_ensure_read_only_names_the_clause() -> None:
    with pytest.raises(WriteQueryError, match="CREATE"):
        ensure_read_only("MATCH (a) CREATE (a)-[:partner]->(b)")
    ensure_read_only("MATCH (a:Agency) RETURN a.prefLabel AS name")  # reads pass
