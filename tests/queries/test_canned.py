"""Every canned query: a sound header, accepted by Neo4j's parser, runs on the embedded store."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from kg.queries.catalogue import (
    QUERY_DIR,
    CannedQuery,
    UnknownQueryError,
    get_query,
    load_catalogue,
    load_query,
)
from kg.queries.header import parse_header
from kg.queries.readonly import WriteQueryError, write_clauses
from kg.queries.runner import QueryRunner
from kg.queries.tokens import inline_null_parameters

from kg.store.base import QueryResult
from tests.cypher.check import check_cypher, require_cypher_checker
from tests.queries.fixture_graph import RKD

REQUIRED_QUERIES = {
    "program-adopters", "place-programs", "pilots", "firsts", "program-outcomes", "adoption-matrix",
    "co-adoption", "planned-vs-reported", "evidence", "targets", "agency-network",
}  # fmt: skip
# The least each query needs to run; everything else is left to its defaults.
MINIMAL_PARAMS: dict[str, dict[str, str]] = {
    "program-adopters": {"program": "证照分离"},
    "place-programs": {"place": "东莞市"},
    "evidence": {"node": "双随机一公开"},
}
CATALOGUE = load_catalogue()


def rows_by(result: QueryResult, *columns: str) -> list[tuple[Any, ...]]:
    """The result's rows projected on ``columns``."""
    positions = [result.columns.index(c) for c in columns]
    return [tuple(row[i] for i in positions) for row in result.rows]


def test_the_catalogue_has_every_required_query() -> None:
    assert REQUIRED_QUERIES <= set(CATALOGUE)
    assert len(list(QUERY_DIR.glob("*.cypher"))) == len(CATALOGUE)


@pytest.mark.parametrize("query", CATALOGUE.values(), ids=lambda q: q.name)
def test_headers_are_complete_and_queries_only_read(query: CannedQuery) -> None:
    header = parse_header(query.text)
    assert header.description and header.columns
    assert len(set(header.columns)) == len(header.columns)
    assert write_clauses(query.text) == []
    for param in header.params:
        assert f"${param.name}" in query.text, f"{query.name} declares ${param.name} but does not use it"
        if param.is_entity:
            assert f"${param.name}_uris" in query.text


def test_every_canned_query_passes_the_neo4j_parser() -> None:
    require_cypher_checker()
    # The runner sends omitted parameters as literal nulls; `$x` and `null` parse alike, so the
    # texts as written are what is checked (the checker is slow: one call for all).
    assert [str(e) for e in check_cypher([q.text for q in CATALOGUE.values()])] == []


@pytest.mark.parametrize("query", CATALOGUE.values(), ids=lambda q: q.name)
def test_every_canned_query_runs_and_returns_its_declared_columns(
    runner: QueryRunner, query: CannedQuery
) -> None:
    params = runner.bind(query, MINIMAL_PARAMS.get(query.name))
    raw_result = runner.store.run(*inline_null_parameters(query.text, params))  # the store's own columns
    assert raw_result.columns == list(query.header.columns)
    assert raw_result.rows, f"{query.name} found nothing in the fixture graph"


def test_unknown_query_suggests_close_names() -> None:
    with pytest.raises(UnknownQueryError, match="firsts"):
        get_query("first")


def test_program_adopters_include_narrower_programs(runner: QueryRunner) -> None:
    result = runner.run_canned("program-adopters", {"program": "证照分离"})
    by_place = {row[0]: row for row in rows_by(result, "jurisdiction", "first_year", "latest_year",
                                                  "latest_status", "programs", "evidence_count")}
    assert set(by_place) == {"东莞市", "中山市"}
    assert by_place["东莞市"][1:4] == (2020, 2021, "planned")  # the narrower 全覆盖 is planned for 2021
    assert sorted(by_place["东莞市"][4]) == ["证照分离", "证照分离改革全覆盖"]
    assert by_place["东莞市"][5] == 2 and by_place["中山市"][5] == 1


def test_place_programs_cover_places_within(runner: QueryRunner) -> None:
    result = runner.run_canned("place-programs", {"place": "东莞", "year": "2020"})
    rows = rows_by(result, "place", "kind", "program")
    assert ("厚街镇", "pilot", "明厨亮灶") in rows
    assert ("东莞市", "program", "证照分离") in rows
    assert all(year == 2020 for (year,) in rows_by(result, "year"))


def test_firsts_by_scope_and_claimant(runner: QueryRunner) -> None:
    national = runner.run_canned("firsts", {"scope": "national"})
    assert sorted(c for (c,) in rows_by(national, "claimant")) == ["东莞市", "深圳市"]
    provincial = runner.run_canned("firsts", {"scope": "provincial", "program": "双随机"})
    assert rows_by(provincial, "claimant", "what") == [("中山市", "双随机一公开")]
    assert runner.run_canned("firsts", {"scope": "municipal"}).rows == []


def test_pilots_filter_by_program_and_level(runner: QueryRunner) -> None:
    pilots = runner.run_canned("pilots", {"program": "明厨亮灶"})
    assert rows_by(pilots, "place", "level") == [("厚街镇", "provincial")]
    assert runner.run_canned("pilots", {"level": "national"}).rows == []
    assert runner.run_canned("pilots", {"place": "中山"}).rows == []


def test_adoption_matrix_has_one_row_per_pair(runner: QueryRunner) -> None:
    result = runner.run_canned("adoption-matrix", {"candidates": "true"})
    pairs = Counter(rows_by(result, "program_uri", "jurisdiction_uri"))
    assert pairs and max(pairs.values()) == 1
    smart = [r for r in rows_by(result, "program", "first_year", "implementations") if r[0] == "智慧监管"]
    assert smart == [("智慧监管", 2021, 2)]
    vocabulary_only = runner.run_canned("adoption-matrix", {})  # candidates are left out by default
    assert {p for (p,) in rows_by(vocabulary_only, "program")} == {
        "双随机一公开", "证照分离", "证照分离改革全覆盖",
    }  # fmt: skip


def test_co_adoption_counts_shared_contexts(runner: QueryRunner) -> None:
    result = runner.run_canned("co-adoption", {"by": "jurisdiction", "min_count": "2"})
    assert rows_by(result, "program_a", "program_b", "together") == [("双随机一公开", "证照分离", 2)]


def test_planned_vs_reported(runner: QueryRunner) -> None:
    result = runner.run_canned("planned-vs-reported", {})
    assert set(rows_by(result, "program", "reported", "reported_year")) == {
        ("证照分离改革全覆盖", False, None), ("智慧监管", True, 2021),
    }  # fmt: skip
    unreported = runner.run_canned("planned-vs-reported", {"unreported": "true"})
    assert rows_by(unreported, "program") == [("证照分离改革全覆盖",)]


def test_evidence_of_a_program_and_of_an_assertion(runner: QueryRunner) -> None:
    texts = {t for (t,) in rows_by(runner.run_canned("evidence", {"node": "双随机、一公开"}), "evidence")}
    assert texts == {
        "推进“双随机、一公开”监管。", "在全省率先推行双随机一公开。", "双随机一公开监管覆盖率达到100%。",
    }  # fmt: skip
    own = runner.run_canned("evidence", {"node": "rkd:pilot/t1"})
    assert rows_by(own, "evidence") == [("在厚街镇开展互联网+明厨亮灶试点。",)]


def test_outcomes_targets_and_agencies(runner: QueryRunner) -> None:
    outcomes = runner.run_canned("program-outcomes", {"program": "证照分离"})
    assert rows_by(outcomes, "place", "value", "unit") == [("东莞市", 0.5, "个工作日")]
    targets = runner.run_canned("targets", {"place": "东莞", "binding": "true"})
    assert rows_by(targets, "metric", "baseline", "target", "target_year") == [
        ("食品抽检合格率", 98.5, 99.0, 2025)
    ]
    assert runner.run_canned("targets", {"binding": "false"}).rows == []
    agencies = runner.run_canned("agency-network", {"agency": "东莞市市场监管局"})
    assert rows_by(agencies, "partners", "sub_units", "implementations") == [
        (["东莞市税务局"], ["东莞市市场监管局厚街分局"], 2)
    ]


def test_canned_text_with_a_write_clause_is_refused(runner: QueryRunner, tmp_path: Any) -> None:
    path = tmp_path / "sneaky.cypher"
    path.write_text("// name: sneaky\n// description: writes\n// columns: n\nMATCH (n) DETACH DELETE n\n")

    with pytest.raises(WriteQueryError):
        runner.run_canned(load_query(path))
    assert runner.run_statement("MATCH (p:Program) RETURN count(p) AS n").rows == [[5]]  # nothing was deleted


def test_ad_hoc_statements_refuse_writes_unless_allowed(runner: QueryRunner) -> None:
    with pytest.raises(WriteQueryError):
        runner.run_statement(f"MATCH (p:Place {{uri: '{RKD}place/441900'}}) SET p.label = 'x'")
