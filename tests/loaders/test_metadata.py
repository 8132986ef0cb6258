"""Title, issuer, document type, years and jurisdiction of report texts."""

from __future__ import annotations

import pytest
from kg.loaders import load_text

BODY = "\n一、重点工作\n全面落实市场监管各项任务，企业开办时间压缩至0.5个工作日。"

TITLES = [
    # title, doc_type, summary year, plan year, issuer
    ("东莞市市场监管局2020年工作总结和2021年工作计划",
     "annual_summary_and_plan", 2020, 2021, "东莞市市场监管局"),
    ("XX区市场监管局2020年工作总结及2021年工作思路",
     "annual_summary_and_plan", 2020, 2021, "XX区市场监管局"),
    ("中山市市场监督管理局2021年工作要点", "annual_plan", None, 2021, "中山市市场监督管理局"),
    ("深圳市市场监督管理局2023年工作总结", "annual_summary", 2023, None, "深圳市市场监督管理局"),
    ("2022年度工作总结和2023年工作安排", "annual_summary_and_plan", 2022, 2023, None),
    ("东莞市市场监管局二〇二〇年工作总结和二○二一年工作计划",
     "annual_summary_and_plan", 2020, 2021, "东莞市市场监管局"),
]


@pytest.mark.parametrize(("title", "doc_type", "summary", "plan", "issuer"), TITLES)
def test_annual_reports(title: str, doc_type: str, summary: int | None, plan: int | None,
                        issuer: str | None) -> None:
    doc = load_text(title + BODY)
    assert doc.title == title
    assert (doc.doc_type, doc.summary_year, doc.plan_year, doc.issuer) == (doc_type, summary, plan, issuer)


def test_five_year_plan_from_title() -> None:
    doc = load_text("东莞市市场监督管理“十四五”规划（2021—2025年）" + BODY)
    assert doc.doc_type == "five_year_plan"
    assert (doc.summary_year, doc.plan_year, doc.period_start, doc.period_end) == (2020, 2021, 2021, 2025)
    assert doc.issuer is None
    assert (doc.jurisdiction.name, doc.jurisdiction.code) == ("东莞市", "441900")


def test_five_year_plan_without_title_from_its_opening() -> None:
    doc = load_text("为推进“十五五”时期市场监管现代化，编制本规划。\n第一章 总体要求\n坚持党的领导。")
    assert doc.title is None
    assert doc.doc_type == "five_year_plan"
    assert (doc.period_start, doc.period_end, doc.plan_year) == (2026, 2030, 2026)


def test_document_number_above_the_title() -> None:
    doc = load_text(
        "东市监〔2021〕12号\n\n东莞市市场监督管理局关于印发2021年工作要点的通知\n各分局：\n现印发给你们。"
    )
    assert doc.title == "东莞市市场监督管理局关于印发2021年工作要点的通知"
    assert (doc.doc_type, doc.plan_year, doc.issuer) == ("annual_plan", 2021, "东莞市市场监督管理局")


def test_issuer_from_signature() -> None:
    doc = load_text("2022年工作总结\n一、工作成效\n全面落实各项任务。\n东莞市市场监督管理局\n2023年1月15日")
    assert doc.issuer == "东莞市市场监督管理局"


def test_no_title_when_first_line_is_a_heading_or_prose() -> None:
    assert load_text("一、2020年工作总结\n全面落实任务。").title is None
    assert load_text("2020年是极不平凡的一年。\n全面落实任务。").title is None


def test_news_and_other() -> None:
    news = load_text("本报讯（记者 张三）3月5日，东莞市市场监管局召开全市市场监管工作会议。会议要求落实。")
    assert news.doc_type == "news"
    assert load_text("关于进一步优化营商环境的若干措施。第一条 为了优化营商环境。").doc_type == "other"


@pytest.mark.parametrize(
    ("text", "name", "level", "province", "code"),
    [
        ("佛山市南海区市场监督管理局2022年工作总结" + BODY, "南海区", "district", "广东省", "440605"),
        ("广东省市场监督管理局2022年工作总结" + BODY, "广东省", "province", "广东省", "440000"),
        ("2022年工作总结\n一、工作成效\n深圳市场监管系统在深圳全面推进改革，深圳企业开办全面提速，广州也有进展。",
         "深圳市", "prefecture", "广东省", "440300"),
        ("XX县市场监管局2020年工作总结\n一、成效\n贯彻浙江省部署，打造“浙江制造”品牌，学习杭州经验。",
         "XX县", "county", "浙江省", None),
    ],
)
def test_jurisdiction(text: str, name: str, level: str, province: str, code: str | None) -> None:
    j = load_text(text).jurisdiction
    assert j is not None
    assert (j.name, j.level, j.province, j.code, j.anonymized) == (name, level, province, code, code is None)


def test_no_jurisdiction_when_no_place_is_named() -> None:
    assert load_text("2022年工作总结\n一、成效\n全面落实各项任务。").jurisdiction is None
