"""Outcomes, table-style, with real sentences of the seed reports."""

from __future__ import annotations

import pytest
from extract_testkit import XX_DISTRICT, ZHONGSHAN

from kg.extract.numbers import find_quantities
from kg.extract.outcomes import SALIENCE_THRESHOLD, extract_outcomes, is_salient, metric_before, salience


@pytest.mark.parametrize(
    ("sentence", "jurisdiction", "expected"),
    [
        # (value, unit) of every outcome kept, in order
        (
            "2020 年全市新增市场主体 22.7 万户，实有市场主体 134.1 万户，同比增长 8.3%，"
            "市场主体总量居全省地级市第 1。",
            None,
            [(22.7, "万户"), (134.1, "万户")],
        ),
        (
            "我市专利申请量和授权量分别为 9.6 万件和 7.43 万件，国内有效发明专利量达 3.74 万件，居全省第 3。",
            None,
            [(9.6, "万件"), (7.43, "万件"), (3.74, "万件")],
        ),
        ("全市7250家零售药店推送信息272.7万条，“哨兵”作用充分发挥。", None, [(272.7, "万条")]),
        ("制定支持企业复工复产11条措施、扶持个体工商户发展17条意见。", None, []),
        ("组织开展 35 期培训合计 5600 人次。", None, []),
        (
            "2020年全市企业开办平均时间压缩至0.74个工作日,比省要求的3个工作日提速75%。",
            ZHONGSHAN,
            [(0.74, "个工作日"), (75.0, "%")],
        ),
        (
            "“两直”补助共受惠市场主体7750家,占全区在册市场主体的15%,兑付补助金额9109万元,实现兑付率100%。",
            XX_DISTRICT,
            [(7750.0, "家"), (9109.0, "万元"), (100.0, "%")],
        ),
        ("收集购买发热、咳嗽药品人员信息145000余条。", XX_DISTRICT, []),
        ("其中,支持全市复工复产企业和重点项目开工累计配发口罩414万个。", ZHONGSHAN, []),
        ("企业开办各类事项实现100%“网上可办”“指尖可办”。", ZHONGSHAN, []),
        ("推进“证照分离”改革全覆盖试点工作,4万户市场主体享受“直接取消审批”的改革红利。", ZHONGSHAN, []),
        ("近三年,我区通过知识产权融资授信额度高达3个亿。", XX_DISTRICT, []),
    ],
)
def test_outcomes_kept(make_ctx, sentence: str, jurisdiction, expected: list[tuple[float, str]]) -> None:
    ctx = make_ctx(sentence, jurisdiction) if jurisdiction else make_ctx(sentence)
    assert [(o.value, o.unit) for o in extract_outcomes(ctx)] == expected


def test_change_and_rank_fold_into_the_outcome(make_ctx) -> None:
    ctx = make_ctx("实有市场主体 134.1 万户，同比增长 8.3%，市场主体总量居全省地级市第 1。")
    (outcome,) = extract_outcomes(ctx)
    assert outcome.metric == "实有市场主体"
    assert outcome.base_value == 1341000.0 and outcome.base_unit == "户"
    assert outcome.change is not None and "8.3%" in outcome.change
    assert outcome.rank == "全省地级市第1"


def test_year_written_in_the_clause_wins(make_ctx) -> None:
    outcomes = extract_outcomes(make_ctx("批量立案吊销企业 2.1 万户，2019 年度企业年报率 93.73%。"))
    assert [o.year for o in outcomes] == [2020, 2019]
    outcome = outcomes[1]
    assert outcome.year == 2019
    assert outcome.metric == "企业年报率"


def test_planning_sentences_have_no_outcomes(make_ctx) -> None:
    assert (
        extract_outcomes(make_ctx("年内拟新创建放心示范单位1200家以上。", XX_DISTRICT, kind="planning")) == []
    )


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # (sentence, values kept as outcomes) — one salience feature decides each case
        ("投诉按时办结率99.2%。", [99.2]),  # a metric ending in 率 with a result unit
        ("全年办理股权出质登记860笔。", [860.0]),  # 笔 is a result unit
        ("完成食用农产品快速检测12.5万批次。", [12.5]),  # an inspection noun counted in batches
        ("检查经营主体1200家次。", []),  # an activity unit
        ("帮扶小微企业90余家。", []),  # approximate
        ("平均办理时间由5天缩短至0.5天。", [0.5]),  # a timed duration; the starting value is dropped
        ("近三年累计发放贷款12亿元。", []),  # several years
        ("出台支持个体工商户发展措施12条。", []),  # a count of measures
        ("辖区农贸市场100%建立食品安全追溯体系。", []),  # a percent used as "all"
        ("全市市场主体85.3万户，其中企业31.2万户。", [85.3]),  # part of a total
        ("指导3家企业完成整改。", []),  # the object of an action
    ],
)
def test_salience_keeps_results_and_drops_context(make_ctx, sentence: str, kept: list[float]) -> None:
    assert [o.value for o in extract_outcomes(make_ctx(sentence))] == kept


def test_changes_listed_with_fenbie_pair_up_in_order(make_ctx) -> None:
    sentence = (
        "全区共有各类在册市场主体51632家,其中企业22774家,个体户28858家,分别比去年同期增长9.09%和9.28%。"
    )
    outcomes = extract_outcomes(make_ctx(sentence, XX_DISTRICT))
    by_value = {o.value: o for o in outcomes}
    assert by_value[28858.0].change == "比去年同期增长9.28%"  # 9.09% belongs to 企业 (part of the total)
    assert by_value[51632.0].change is None
    assert 9.28 not in by_value and 9.09 not in by_value


def test_is_salient_agrees_with_the_salience_score_on_every_seed_number(seed_docs: dict) -> None:
    verdicts = []
    for doc in seed_docs.values():
        for sentence in doc.sentences:
            text = sentence.text
            quantities = find_quantities(text)
            for i, q in enumerate(quantities):
                following = quantities[i + 1] if i + 1 < len(quantities) else None
                metric = metric_before(text, q.start)
                score = salience(q, metric, text, following)
                assert is_salient(q, metric, text, following) == (score >= SALIENCE_THRESHOLD), text
                verdicts.append(score >= SALIENCE_THRESHOLD)
    assert any(verdicts) and not all(verdicts)


def test_the_metric_clause_starts_after_the_last_break(seed_docs: dict) -> None:
    """metric_before finds its clause start with one greedy regex match: the end of the last
    clause break before the number, as a scan over the breaks gives it."""
    from kg.extract.outcomes import _METRIC_BREAK, _UP_TO_LAST_BREAK

    checked = 0
    for text in [s.text for doc in seed_docs.values() for s in doc.sentences] + ["", "，", "a\n，b"]:
        for start in range(0, len(text) + 1, 2):
            expected = max((m.end() for m in _METRIC_BREAK.finditer(text, 0, start)), default=0)
            found = _UP_TO_LAST_BREAK.match(text, 0, start)
            assert (found.end() if found else 0) == expected, (text, start)
            checked += expected > 0
    assert checked > 1000
