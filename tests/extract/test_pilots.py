"""Pilots, table-style, with real sentences of the seed reports."""

from __future__ import annotations

import pytest
from extract_testkit import XX_DISTRICT, ZHONGSHAN

from kg.extract.pilots import extract_pilots


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (place, what) exactly
        (
            "东莞成为全省专利侵权纠纷行政裁决示范建设试点市。",
            [("东莞市", "全省专利侵权纠纷行政裁决示范建设试点")],
        ),
        (
            "横沥镇、蓝天星农产品交易有限公司成功获批两个国家标准试点示范项目。",
            [("横沥镇", "国家标准试点示范"), ("蓝天星农产品交易有限公司", "国家标准试点示范")],
        ),
        (
            "选取企石、中堂等镇街开展 NQI 投入统计及协同服务。",
            [("企石镇", "NQI 投入统计及协同服务"), ("中堂镇", "NQI 投入统计及协同服务")],
        ),
        (
            "开发投诉举报快速处置系统和异常名录库，万江率先试点应用取得预期效果。",
            [("万江街道", "投诉举报快速处置系统")],
        ),
        ("总结NQI投入统计调查试点经验，完善NQI投入评价体系。", []),
        ("全面实施“多证合一”、试点“证照同办”“证照联办”改革。", [("东莞市", "“证照同办”“证照联办”改革")]),
    ],
)
def test_pilots_in_dongguan(make_ctx, sentence: str, expected: list[tuple[str, str]]) -> None:
    pilots = extract_pilots(make_ctx(sentence))
    assert [(p.place, p.what) for p in pilots] == expected


def test_bare_pilot_takes_the_topic_of_the_previous_sentence(make_ctx) -> None:
    ctx = make_ctx(
        "厚街率先试点探索，黄江主动将系统创新应用于大型餐饮。",
        previous="高标准开发东莞市“互联网+明厨亮灶”智慧监管系统，着力构建食品安全智慧监管新体系。",
    )
    (pilot,) = extract_pilots(ctx)
    assert pilot.place == "厚街镇"
    assert pilot.place_ref is not None and pilot.place_ref.level == "township"
    assert pilot.what == "“互联网+明厨亮灶”智慧监管系统"


def test_planned_pilot_of_the_jurisdiction(make_ctx) -> None:
    (pilot,) = extract_pilots(make_ctx("争取国家质量基础设施“一站式”服务试点。", kind="planning"))
    assert pilot.place == "东莞市"
    assert pilot.status == "planned"
    assert pilot.level == "national"
    assert pilot.what == "国家质量基础设施“一站式”服务试点"


@pytest.mark.parametrize(
    ("sentence", "jurisdiction", "expected"),
    [
        (
            "中山(灯饰)知识产权快速维权中心开展实用新型快速预审试点。",
            ZHONGSHAN,
            [("中山(灯饰)知识产权快速维权中心", "实用新型快速预审试点")],
        ),
        ("试行低风险食品生产许可告知承诺制。", XX_DISTRICT, [("XX区", "低风险食品生产许可告知承诺制")]),
        (  # counted bodies listed after 在 each host the pilot
            "拟在1个专业市场、1个大型商超建立知识产权保护服务体系首批试点。",
            XX_DISTRICT,
            [
                ("1个专业市场", "知识产权保护服务体系首批试点"),
                ("1个大型商超", "知识产权保护服务体系首批试点"),
            ],
        ),
    ],
)
def test_pilot_hosts(make_ctx, sentence: str, jurisdiction, expected: list[tuple[str, str]]) -> None:
    pilots = extract_pilots(make_ctx(sentence, jurisdiction))
    assert [(p.place, p.what) for p in pilots] == expected


def test_name_in_parentheses_after_the_host_suffix_is_the_host(make_ctx) -> None:
    ctx = make_ctx(
        "试点街区(福业街)的全部餐饮单位已完成巡查赋码工作,初步实现食品安全共治共管大格局。",
        XX_DISTRICT,
        previous="探索重点街区(综合体)“五色图”管理,根据管理类别及食品安全风险分别赋予五色标注。",
    )
    assert [(p.place, p.what) for p in extract_pilots(ctx)] == [("福业街", "“五色图”管理")]


def test_list_of_pilots_gives_one_each(make_ctx) -> None:
    sentence = "做好我市国家级消费品标准化试点、国家高端装备制造业标准化试点和团体标准试点建设工作。"
    pilots = extract_pilots(make_ctx(sentence, ZHONGSHAN, kind="planning"))
    assert [p.what for p in pilots] == [
        "国家级消费品标准化试点",
        "国家高端装备制造业标准化试点",
        "团体标准试点",
    ]
    assert {p.place for p in pilots} == {"中山市"}
