"""Policy documents (《…》 typed by suffix), recognitions and agencies, with seed sentences."""

from __future__ import annotations

import pytest
from extract_testkit import XX_DISTRICT, ZHONGSHAN, one_sentence_doc

from kg.extract.agencies import extract_agencies
from kg.extract.context import sentence_contexts
from kg.extract.policy_documents import extract_policy_documents, policy_type
from kg.extract.recognitions import extract_recognitions


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("化妆品监督管理条例", "条例"),
        ("东莞市专利促进项目实施办法", "办法"),
        ("东莞市农贸市场品质提升三年行动方案", "方案"),
        ("关于支持个体工商户复工复产的意见", "意见"),
        ("中山市实施标准化战略专项资金管理办法(2020年)", "办法"),
        ("中山市实施标准化战略状况白皮书(2019)", "其他"),
        ("电动自行车集中充电场所建设规范", "标准"),
        ("智能门锁品质优选", "其他"),  # a brand label, not a standard, unless the title says so
    ],
)
def test_policy_type(title: str, kind: str) -> None:
    assert policy_type(title) == kind


def test_policy_documents_in_a_sentence(make_ctx) -> None:
    ctx = make_ctx("贯彻《化妆品监督管理条例》，制定《明晰市镇市场监管职责 规范“属地管理”的若干意见》。")
    docs = extract_policy_documents(ctx)
    assert [(d.title, d.policy_type) for d in docs] == [
        ("化妆品监督管理条例", "条例"),
        ("明晰市镇市场监管职责规范“属地管理”的若干意见", "意见"),
    ]
    assert ctx.doc.text[docs[0].evidence.start : docs[0].evidence.end] == "《化妆品监督管理条例》"
    assert docs[0].publisher is None


def test_policy_document_publisher_from_the_title(make_ctx) -> None:
    (doc,) = extract_policy_documents(make_ctx("贯彻落实《东莞市专利促进项目实施办法》。"))
    assert doc.publisher == "东莞市"


@pytest.mark.parametrize(
    ("sentence", "jurisdiction", "what"),
    [
        ("东莞“深化商事制度改革”获评全国首批法治政府建设示范项目。", None, "全国首批法治政府建设示范项目"),
        (
            "市局荣获“广东省抗击新冠肺炎疫情先进集体”和“广东省先进基层党组织”荣誉称号。",
            None,
            "广东省抗击新冠肺炎疫情先进集体",
        ),
        ("南城“小个专”党支部被评为全省“两新”组织党建工作示范点。", None, "党建工作示范点"),
        ("共有2个市场所、7名干部获评XX区战“疫”先锋团队和先进个人。", XX_DISTRICT, "先锋团队"),
    ],
)
def test_recognitions(make_ctx, sentence: str, jurisdiction, what: str) -> None:
    ctx = make_ctx(sentence, jurisdiction) if jurisdiction else make_ctx(sentence)
    (rec,) = extract_recognitions(ctx)
    assert what in rec.what
    assert rec.year == 2020


def test_agencies_with_levels() -> None:
    doc = one_sentence_doc(
        ["国家知识产权局在国务院新闻发布会上介绍中山经验。", "在市委市政府和省市场监管局的坚强领导下。"],
        ZHONGSHAN,
    )
    doc.issuer = "中山市市场监督管理局"
    agencies = {a.name: a.level for a in extract_agencies(doc, sentence_contexts(doc, []))}
    assert agencies["中山市市场监督管理局"] == "municipal"
    assert agencies["国家知识产权局"] == "national"
    assert agencies["省市场监管局"] == "provincial"
    assert agencies["市委"] == "municipal"
