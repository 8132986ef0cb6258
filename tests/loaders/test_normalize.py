"""Normalization rules, table-style, on short real lines from the seeds."""

from __future__ import annotations

import pytest
from kg.loaders.charclass import fold_width
from kg.loaders.normalize import normalize

CASES = [
    # PDF broke a sentence across lines (with blank lines between): joined
    ("“哨兵”作\n\n用充分发挥。", "“哨兵”作用充分发挥。"),
    ("加强和改善市场监管，是推进国家治理体系和治理能力现\n\n代化的重要任务。",
     "加强和改善市场监管，是推进国家治理体系和治理能力现代化的重要任务。"),
    # a number broken from its unit is continued, not dropped as a page number
    ("较 2015 年末增长\n\n138.71%。", "较2015年末增长138.71%。"),
    ("办理速度压缩至\n2\n个工作日。", "办理速度压缩至2个工作日。"),
    # real paragraph breaks: after 。；： and before a heading
    ("编制本规划。\n\n第一章 总体要求", "编制本规划。\n第一章总体要求"),
    ("发明专利；\n\n四是实现较高质押融资金额的发明专利。",
     "发明专利；\n四是实现较高质押融资金额的发明专利。"),
    ("主要工作如下：\n一是登记注册再优化。", "主要工作如下：\n一是登记注册再优化。"),
    # a heading line stands alone even without punctuation
    ("一、2020年工作总结\n\n(一) 聚焦抓好疫情联防联控。", "一、2020年工作总结\n(一)聚焦抓好疫情联防联控。"),
    ("第一节 指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。",
     "第一节指导思想\n坚持以习近平新时代中国特色社会主义思想为指导。"),
    # the title line stays a line of its own
    ("XX区市场监管局2020年工作总结及2021年工作思路\n2020年,尤其新冠肺炎疫情爆发以来。",
     "XX区市场监管局2020年工作总结及2021年工作思路\n2020年,尤其新冠肺炎疫情爆发以来。"),
    # a title a PDF wrapped is joined, then stands alone; subtitles and dates stand alone
    ("东莞市市场监督管理局关于印发东莞市市场\n\n监管“十四五”规划的通知\n\n（2021—2025年）\n\n加强市场监管。",
     "东莞市市场监督管理局关于印发东莞市市场监管“十四五”规划的通知\n（2021—2025年）\n加强市场监管。"),
    ("特此报告。\n东莞市市场监督管理局\n2021年1月15日", "特此报告。\n东莞市市场监督管理局\n2021年1月15日"),
    # a marker a PDF split from its heading rejoins it
    ("(一)\n聚焦抓好疫情联防联控，市场抗疫防线严密筑牢。",
     "(一)聚焦抓好疫情联防联控，市场抗疫防线严密筑牢。"),
    # page numbers dropped
    ("统筹运\n\n — 24 — \n\n用监管手段。", "统筹运用监管手段。"),
    ("统筹运\n- 3 -\n用监管手段。", "统筹运用监管手段。"),
    ("统筹运\n第 3 页 共 20 页\n用监管手段。", "统筹运用监管手段。"),
    ("统筹运用监管手段，\n12\n推动平台经济规范健康发展。", "统筹运用监管手段，推动平台经济规范健康发展。"),
    # spaces next to Chinese removed, between Latin words kept (collapsed)
    ("企业开办时间压缩至 0.5 个工作日", "企业开办时间压缩至0.5个工作日"),
    ("东莞市市场监管局 2020 年工作总结", "东莞市市场监管局2020年工作总结"),
    ("医疗器械唯一标识 (UDI) 试点", "医疗器械唯一标识(UDI)试点"),
    ("the  COVID 19   response。", "the COVID 19 response。"),
    # full-width digits and letters folded, Chinese punctuation kept
    ("网办率达９９％，ＡＢＣ级，１．５万户。", "网办率达99%，ABC级，1.5万户。"),
    # Kangxi radicals from PDF text layers become the ordinary characters
    ("市场监管⼯作取得⽇益显著成效。", "市场监管工作取得日益显著成效。"),
    # markdown artefacts
    ("打防并举。**强化网络与广告监管。**完成电子商务平台。",
     "打防并举。强化网络与广告监管。完成电子商务平台。"),
    ("## 一、2021年工作计划", "一、2021年工作计划"),
    # line breaks of every kind, odd spaces
    ("市场监管\r\n\r\n工作。\u3000\u3000下一步\u2028推进。", "市场监管工作。下一步推进。"),
]


@pytest.mark.parametrize(("original", "expected"), CASES)
def test_normalize(original: str, expected: str) -> None:
    norm = normalize(original)
    assert norm.text == expected
    assert len(norm.offsets) == len(norm.text) + 1
    for i, ch in enumerate(norm.text):
        source = original[norm.offsets[i]]
        folded = "." if source == "．" else fold_width(source)  # ． folds between digits only
        assert folded == ch or (ch in "\n " and source.isspace())


def test_offsets_are_increasing_and_point_into_original() -> None:
    original = "统筹运\n\n — 24 — \n\n用监管手段，\n\n企业开办时间压缩至 0.5 个工作日。"
    norm = normalize(original)
    assert norm.offsets == sorted(norm.offsets)
    assert norm.offsets[-1] == len(original)
    assert [original[a:b] for a, b in norm.dropped] == ["— 24 —"]


def test_running_headers_are_dropped() -> None:
    page = "东莞市市场监督管理局文件\n推动市场监管融入“智网工程”，完善商改后置审批事项推送\n告知执行目录。\n"
    norm = normalize(page * 3)
    assert "文件" not in norm.text
    assert norm.text.count("推动市场监管融入“智网工程”，完善商改后置审批事项推送告知执行目录。") == 3


def test_indicator_table_rows_are_reassembled() -> None:
    table = (
        "主要指标表 \n\n序号 项目类别 主要指标 单位 \n基期值 规划值 \n\n属性 \n2020 年 2025 年 \n\n"
        "1 \n市场主体\n\n准入 \n\n期末市场主体总量 万户 〔134.1〕 〔180〕 预期性 \n\n"
        "2 每千人拥有企业量 户 74 100 预期性 \n\n"
        "3 \n知识产权质押融资登记金额 \n\n亿元 \n〔222.55\n\n〕 \n\n〔430〕 预期性 \n\n"
        "4 食品安全抽样检验量 \n每千人\n\n批次 \n5.5 >6.5 约束性 \n"
        "5 医疗器械不良事件报告数 \n份/百万\n\n人口 \n300 400 预期性 \n"
        " 注：1．〔   〕内为累计数。\n"
    )
    lines = normalize(table).text.split("\n")
    assert lines == [
        "主要指标表",
        "序号 项目类别 主要指标 单位 基期值 规划值 属性",
        "2020 年 2025 年",
        "1 市场主体准入 期末市场主体总量 万户 〔134.1〕 〔180〕 预期性",
        "2 每千人拥有企业量 户 74 100 预期性",
        "3 知识产权质押融资登记金额 亿元 〔222.55〕 〔430〕 预期性",
        "4 食品安全抽样检验量 每千人批次 5.5 >6.5 约束性",
        "5 医疗器械不良事件报告数 份/百万人口 300 400 预期性",
        "注：1．〔〕内为累计数。",
    ]


def test_noise_precheck_covers_every_noise_character() -> None:
    # _copy_line copies a line whole when _MAY_HOLD_NOISE finds nothing: the class must hold
    # every character a noise match can start with, and every whitespace character there is.
    from kg.loaders.normalize import _INLINE_NOISE, _MAY_HOLD_NOISE

    assert not [ch for ch in map(chr, range(0x3001, 0x110000)) if ch.isspace()]
    noise = [ch for ch in map(chr, range(0x10000)) if _INLINE_NOISE.match(ch * 2)]
    assert " " in noise and "*" in noise
    missed = [ch for ch in noise if not _MAY_HOLD_NOISE.match(ch)]
    assert missed == []
