"""Novelty claims, table-style, with real sentences of the seed reports."""

from __future__ import annotations

import pytest
from extract_testkit import XX_DISTRICT, ZHONGSHAN

from kg.extract.claims import extract_claims


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (scope, text the `what` must contain) per claim, in order
        (
            "推动成立全国首个市场监管共建共治联合会，打造特色共治品牌。",
            [("national", "市场监管共建共治联合会")],
        ),
        (
            "全省率先增设防控物资质量管控组和专责领导小组，发布全省第一个集体用餐安全指引。",
            [("provincial", "防控物资质量管控组和专责领导小组"), ("provincial", "集体用餐安全指引")],
        ),
        (
            "率先实现企业登记档案网上查询，系统上线仅半年查询量已突破 32 万次。",
            [("unspecified", "企业登记档案网上查询")],
        ),
        (
            "松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”。",
            [("municipal", "开办企业“零收费”")],
        ),
        ("市食药检所获得全省地级市首个口罩等防疫用品检测资质。", [("provincial", "口罩等防疫用品检测资质")]),
        (
            "指导协会发布国内首个专门针对平面口罩生产设备的社会团体标准。",
            [("national", "专门针对平面口罩生产设备的社会团体标准")],
        ),
        ("组织全市首次药品安全事故应急演练。", [("municipal", "药品安全事故应急演练")]),
        (
            "在电子签名、电子档案、智能服务、便利准营等领域取得六个全省率先。",
            [("provincial", "电子签名、电子档案、智能服务、便利准营")],
        ),
        ("东莞“深化商事制度改革”获评全国首批法治政府建设示范项目。", [("national", "法治政府建设示范项目")]),
        ("厚街率先创建“质量变革战略示范镇”。", [("unspecified", "“质量变革战略示范镇”")]),
        ("东莞开办企业指标得分与广州、深圳并列全省第 1。", []),
        ("全国12315平台在线消费纠纷解决企业。", []),
        ("要激发基层首创精神，及时总结好的做法和经验。", []),
        ("率先在全省实行农产品生产散户信息卡制度。", [("provincial", "农产品生产散户信息卡制度")]),
    ],
)
def test_claims_in_dongguan_sentences(make_ctx, sentence: str, expected: list[tuple[str, str]]) -> None:
    claims = extract_claims(make_ctx(sentence))
    assert [(c.scope, c.what) for c in claims] == expected


@pytest.mark.parametrize(
    ("sentence", "jurisdiction", "scope", "what"),
    [
        ("率先全省应用“集群注册登记系统”。", ZHONGSHAN, "provincial", "“集群注册登记系统”"),
        (
            "制定《中山市口罩和防护服生产企业标准体系》,填补了我国口罩和防护服全链条标准体系的空白。",
            ZHONGSHAN,
            "national",
            "口罩和防护服全链条标准体系",
        ),
        (
            "大年三十就成功争取到40万个医用口罩,成为我市第一批外购防控储备物资。",
            ZHONGSHAN,
            "municipal",
            "外购防控储备物资",
        ),
        (
            "助力个人护理用品企业转产区内首家医用口罩生产企业获批并投产。",
            XX_DISTRICT,
            "unspecified",
            "医用口罩生产企业",
        ),
    ],
)
def test_claim_scopes(make_ctx, sentence: str, jurisdiction, scope: str, what: str) -> None:
    (claim,) = extract_claims(make_ctx(sentence, jurisdiction))
    assert (claim.scope, claim.what) == (scope, what)


def test_claim_carries_evidence_span(make_ctx) -> None:
    ctx = make_ctx("推动成立全国首个市场监管共建共治联合会。")
    (claim,) = extract_claims(ctx)
    ev = claim.evidence
    assert ctx.doc.text[ev.start : ev.end] == "全国首个"
    assert ctx.doc.original_text[ev.orig_start : ev.orig_end] == "全国首个"
    assert ev.rule == "claim.national_first"
    assert claim.year == 2020


def test_a_planned_first_is_an_aspiration_not_a_claim(make_ctx) -> None:
    assert extract_claims(make_ctx("力争率先建成全国质量强市示范城市。", kind="planning")) == []
    (claim,) = extract_claims(make_ctx("力争率先建成全国质量强市示范城市。"))  # reported: it happened
    assert claim.scope == "unspecified"
