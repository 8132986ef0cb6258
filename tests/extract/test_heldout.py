"""Held-out sentences: reports of other cities and reforms than the seeds, with exact expectations.

No rule was written for these sentences; they check that the rule tables generalise. Some come
from a reviewer's hand-written reports of 佛山, 成都 and 杭州余杭, the rest are written in the same
style about other places. Two batches were run once as written, before any rule change for
them: "written after the fixes" (13 of 14 right; the miss fixed by a generic rule: a listing
cue's selected places host the pilot, not the selector) and "blind batch" (19 of 21 right; 实施
as a claim verb and 新培育 as a plan word added).
"""

from __future__ import annotations

import pytest
from kg.loaders.model import Jurisdiction

from kg.extract.claims import extract_claims
from kg.extract.outcomes import extract_outcomes
from kg.extract.pilots import extract_pilots
from kg.extract.targets import extract_targets

FOSHAN = Jurisdiction("佛山市", "prefecture", "广东省", "440600")
CHENGDU = Jurisdiction("成都市", "prefecture", "四川省", "510100")
YUHANG = Jurisdiction("余杭区", "district", "浙江省", "330110")
WUHAN = Jurisdiction("武汉市", "prefecture", "湖北省", "420100")
NINGBO = Jurisdiction("宁波市", "prefecture", "浙江省", "330200")
SUZHOU = Jurisdiction("苏州市", "prefecture", "江苏省", "320500")
XIAN = Jurisdiction("西安市", "prefecture", "陕西省", "610100")


# (sentence, jurisdiction, [(place, what)])
PILOTS = [
    (
        "仓前街道在杭州市率先试行市场监管“简易处罚”程序，办案时长由15天缩短至3天。",
        YUHANG,
        [("仓前街道", "市场监管“简易处罚”程序")],
    ),
    (
        "成都市被国家市场监管总局确定为全国首批企业登记“跨省通办”试点城市。",
        CHENGDU,
        [("成都市", "全国首批企业登记“跨省通办”试点")],
    ),
    ("顺德区被省市场监管局确定为食品安全信用监管试点。", FOSHAN, [("顺德区", "食品安全信用监管试点")]),
    ("温江区选取3个大型农贸市场开展电子秤计量溯源试点。", CHENGDU, [("温江区", "电子秤计量溯源试点")]),
    (
        "在龙泉驿区、双流区开展市场主体信用修复“一件事”集成改革试点。",
        CHENGDU,
        [
            ("龙泉驿区", "市场主体信用修复“一件事”集成改革试点"),
            ("双流区", "市场主体信用修复“一件事”集成改革试点"),
        ],
    ),
    ("南海区获批国家知识产权强国建设试点城市。", FOSHAN, [("南海区", "国家知识产权强国建设试点")]),
    (
        "争取在高明区开展个体工商户分型分类精准帮扶试点。",
        FOSHAN,
        [("高明区", "个体工商户分型分类精准帮扶试点")],
    ),
    (
        "全省首创“陶瓷卫浴产品质量追溯码”，在禅城区选取5家企业先行试点。",
        FOSHAN,
        [("禅城区", "“陶瓷卫浴产品质量追溯码”")],
    ),
    (
        "（一）良渚街道作为全省“浙食链”系统应用试点，实现规上食品生产企业上链率100%。",
        YUHANG,
        [("良渚街道", "全省“浙食链”系统应用试点")],
    ),
    (
        "江汉区承担全国网络交易监管服务平台建设试点任务。",
        WUHAN,
        [("江汉区", "全国网络交易监管服务平台建设试点")],
    ),
    (
        "北仑区、镇海区入选全省电梯按需维保试点。",
        NINGBO,
        [("北仑区", "全省电梯按需维保试点"), ("镇海区", "全省电梯按需维保试点")],
    ),
    (
        "武汉东湖新技术开发区知识产权服务中心开展专利导航试点。",
        WUHAN,
        [("武汉东湖新技术开发区知识产权服务中心", "专利导航试点")],
    ),
    ("试行涉企轻微违法行为免罚清单制度。", NINGBO, [("宁波市", "涉企轻微违法行为免罚清单制度")]),
    ("总结推广前期改革试点经验。", CHENGDU, []),
    # written after the fixes, never tuned on
    (
        "鄞州区获批全国市场监管领域社会信用体系建设试点。",
        NINGBO,
        [("鄞州区", "全国市场监管领域社会信用体系建设试点")],
    ),
    (
        "青山区开展特种设备安全监管“智慧电梯”试点，接入电梯1.2万台。",
        WUHAN,
        [("青山区", "特种设备安全监管“智慧电梯”试点")],
    ),
    (
        "市局选取江夏区、黄陂区开展农村集体聚餐备案管理试点。",
        WUHAN,
        [("江夏区", "农村集体聚餐备案管理试点"), ("黄陂区", "农村集体聚餐备案管理试点")],
    ),
    ("慈溪市纳入国家标准化综合改革试点。", NINGBO, [("慈溪市", "国家标准化综合改革试点")]),
    # blind batch: run once as written, all right
    (
        "昆山市入选全国首批质量基础设施“一站式”服务试点。",
        SUZHOU,
        [("昆山市", "全国首批质量基础设施“一站式”服务试点")],
    ),
    ("吴江区在盛泽镇开展纺织品质量提升试点。", SUZHOU, [("吴江区", "纺织品质量提升试点")]),
    (
        "雁塔区、碑林区被确定为全省个体工商户“智慧登记”试点。",
        XIAN,
        [("雁塔区", "全省个体工商户“智慧登记”试点"), ("碑林区", "全省个体工商户“智慧登记”试点")],
    ),
    ("西咸新区知识产权服务中心承担专利导航试点。", XIAN, [("西咸新区知识产权服务中心", "专利导航试点")]),
    ("争取开展食品生产许可电子证照试点。", XIAN, [("西安市", "食品生产许可电子证照试点")]),
]

# (sentence, jurisdiction, [(scope, what)])
CLAIMS = [
    ("南海区在全国率先推行市场主体住所申报承诺制。", FOSHAN, [("national", "市场主体住所申报承诺制")]),
    ("我局在全省率先实现企业年报“多报合一”。", FOSHAN, [("provincial", "企业年报“多报合一”")]),
    ("顺德区建成省内首家预包装食品备案服务站。", FOSHAN, [("provincial", "预包装食品备案服务站")]),
    ("三水区在全市第一个建成商业秘密保护示范站。", FOSHAN, [("municipal", "商业秘密保护示范站")]),
    (
        "仓前街道在杭州市率先试行市场监管“简易处罚”程序。",
        YUHANG,
        [("municipal", "市场监管“简易处罚”程序")],
    ),
    ("该做法在全国尚属首次。", FOSHAN, [("national", "该做法")]),
    (
        "新都区建成国内首个轨道交通产业计量测试中心。",
        CHENGDU,
        [("national", "轨道交通产业计量测试中心")],
    ),
    ("全区发出全省首张个人独资企业电子营业执照。", YUHANG, [("provincial", "个人独资企业电子营业执照")]),
    ("江岸区在全国首创“个体户服务码”。", WUHAN, [("national", "“个体户服务码”")]),
    ("弘扬敢闯敢试的首创精神。", CHENGDU, []),
    # written after the fixes, never tuned on
    (
        "余姚市在全国率先建立小家电产品质量安全追溯体系。",
        NINGBO,
        [("national", "小家电产品质量安全追溯体系")],
    ),
    ("洪山区上线全市首个“一业一证”自助办照终端。", WUHAN, [("municipal", "“一业一证”自助办照终端")]),
    ("在浙江省率先出台知识产权纠纷快速调解办法。", NINGBO, [("provincial", "知识产权纠纷快速调解办法")]),
    # blind batch: 实施 was then missing from the claim verbs (fixed)
    ("工业园区在全省率先实施企业名称自主申报改革。", SUZHOU, [("provincial", "企业名称自主申报改革")]),
    (
        "常熟市建成全国首个纺织服装产业知识产权快维中心。",
        SUZHOU,
        [("national", "纺织服装产业知识产权快维中心")],
    ),
    ("高新区在西安市率先推行“证照分离”全覆盖。", XIAN, [("municipal", "“证照分离”全覆盖")]),
    ("全年开展各类执法检查1200余次。", XIAN, []),
]

# (sentence, jurisdiction, [(metric, value, unit)])
OUTCOMES = [
    ("平均办理时间由5天缩短至0.5天。", CHENGDU, [("平均办理时间", 0.5, "天")]),
    ("企业开办时间压缩至1天以内。", FOSHAN, [("企业开办时间", 1.0, "天")]),
    ("办案时长由15天缩短至3天。", YUHANG, [("办案时长", 3.0, "天")]),
    ("全年办理商标质押登记12笔。", YUHANG, [("办理商标质押登记", 12.0, "笔")]),
    (
        "投诉按时办结率99.2%，为消费者挽回经济损失2860万元。",
        CHENGDU,
        [("投诉按时办结率", 99.2, "%"), ("为消费者挽回经济损失", 2860.0, "万元")],
    ),
    (
        "查办各类违法案件3256宗，罚没金额4120万元。",
        FOSHAN,
        [("查办各类违法案件", 3256.0, "宗"), ("罚没金额", 4120.0, "万元")],
    ),
    ("食品安全抽检合格率98.6%。", FOSHAN, [("食品安全抽检合格率", 98.6, "%")]),
    ("全市电梯万台事故率0.05%。", WUHAN, [("电梯万台事故率", 0.05, "%")]),
    ("检查各类经营主体1200家次，培训从业人员3000人次。", WUHAN, []),
    (
        "全市实有经营主体总量达到210.5万户，较上年增长6.3%。",
        WUHAN,
        [("实有经营主体总量", 210.5, "万户")],
    ),
    # written after the fixes, never tuned on
    (
        "全年办理股权出质登记860笔，出质股权数额125.3亿元。",
        WUHAN,
        [("办理股权出质登记", 860.0, "笔"), ("出质股权数额", 125.3, "亿元")],
    ),
    ("食品生产许可审批时限压缩至5个工作日。", NINGBO, [("食品生产许可审批时限", 5.0, "个工作日")]),
    ("商标注册申请量4.3万件，较上年下降2.1%。", WUHAN, [("商标注册申请量", 4.3, "万件")]),
    ("召开专题会议12次，印发文件8份。", NINGBO, []),
    # blind batch: run once as written, all right
    (
        "查处商标侵权案件412件，涉案金额1860万元。",
        SUZHOU,
        [("查处商标侵权案件", 412.0, "件"), ("涉案金额", 1860.0, "万元")],
    ),
    ("企业开办平均用时由3个工作日压缩至1个工作日。", XIAN, [("企业开办平均用时", 1.0, "个工作日")]),
    ("组织培训会议26场，参训人员3200人次。", SUZHOU, []),
    (
        "办理动产抵押登记2650笔，担保金额312亿元。",
        XIAN,
        [("办理动产抵押登记", 2650.0, "笔"), ("担保金额", 312.0, "亿元")],
    ),
]

# (sentence, jurisdiction, [(metric, value, unit, change, rank)]) — changes and ranks folded in
OUTCOME_QUALIFIERS = [
    (
        "全市新增有效注册商标6.8万件，商标有效注册量居副省级城市第3位。",
        CHENGDU,
        [("新增有效注册商标", 6.8, "万件", None, "副省级城市第3")],
    ),
    (
        "知识产权质押融资金额86.5亿元，居全省第2。",
        FOSHAN,
        [("知识产权质押融资金额", 86.5, "亿元", None, "全省第2")],
    ),
    (
        "全市食品抽检合格率为98.1%，较上年提高0.4个百分点。",
        FOSHAN,
        [("食品抽检合格率", 98.1, "%", "较上年提高0.4个百分点", None)],
    ),
    (
        "发明专利授权量1.52万件，同比增长11.2%，列长三角地区第4。",
        NINGBO,
        [("发明专利授权量", 1.52, "万件", "同比增长11.2%", "长三角地区第4")],
    ),
    # blind batch: run once as written, all right
    (
        "全市新增市场主体32.6万户，同比增长8.4%。",
        SUZHOU,
        [("新增市场主体", 32.6, "万户", "同比增长8.4%", None)],
    ),
    (
        "产品质量监督抽查合格率96.8%，较上年提高1.2个百分点。",
        XIAN,
        [("产品质量监督抽查合格率", 96.8, "%", "较上年提高1.2个百分点", None)],
    ),
    (
        "每万人口发明专利拥有量达到82.3件，居全国同类城市第5位。",
        SUZHOU,
        [("每万人口发明专利拥有量", 82.3, "件", None, "全国同类城市第5")],
    ),
]

# (sentence, jurisdiction, [(metric, value, unit)]) in a planning section
TARGETS = [
    ("到2023年底，全市市场主体总量力争突破135万户。", FOSHAN, [("市场主体总量", 135.0, "万户")]),
    (
        "推动全市80%以上的学校食堂实现“互联网+明厨亮灶”。",
        FOSHAN,
        [("学校食堂实现“互联网+明厨亮灶”", 80.0, "%")],
    ),
    ("企业开办时间控制在0.5个工作日以内。", CHENGDU, [("企业开办时间", 0.5, "个工作日")]),
    (
        "食品安全评价性抽检合格率保持在98%以上，重点工业产品监督抽查不少于1500批次。",
        CHENGDU,
        [("食品安全评价性抽检合格率", 98.0, "%"), ("重点工业产品监督抽查", 1500.0, "批次")],
    ),
    (
        "（一）重点工业产品质量监督抽查合格率控制在95%以上，食用农产品快检量保持在每月3000批次以上。",
        YUHANG,
        [("重点工业产品质量监督抽查合格率", 95.0, "%"), ("食用农产品快检量", 3000.0, "批次")],
    ),
    ("抽检合格率稳定在97%以上。", NINGBO, [("抽检合格率", 97.0, "%")]),
    ("企业开办时间由3个工作日压缩至1个工作日。", WUHAN, [("企业开办时间", 1.0, "个工作日")]),
    ("力争全年知识产权质押融资额达到100亿元。", FOSHAN, [("知识产权质押融资额", 100.0, "亿元")]),
    (
        "（二）力争新增国家级知识产权示范企业3家、省级专利示范企业15家。",
        YUHANG,
        [("国家级知识产权示范企业", 3.0, "家"), ("省级专利示范企业", 15.0, "家")],
    ),
    (
        "到2025年，全市每万人口高价值发明专利拥有量达到25件。",
        WUHAN,
        [("每万人口高价值发明专利拥有量", 25.0, "件")],
    ),
    ("拟在2个农贸市场开展智慧化改造试点。", WUHAN, []),
    # written after the fixes, never tuned on
    ("全市经营主体总量突破260万户。", WUHAN, [("经营主体总量", 260.0, "万户")]),
    ("一般项目审批时间压缩至3天以内。", NINGBO, [("一般项目审批时间", 3.0, "天")]),
    ("特种设备万台死亡率控制在0.15以下。", WUHAN, []),
    # blind batch: 新培育 was then left in the metric (fixed)
    ("到2025年，全市有效发明专利拥有量达到15万件。", SUZHOU, [("有效发明专利拥有量", 15.0, "万件")]),
    ("食品安全抽检量稳定在每千人5批次以上。", XIAN, [("食品安全抽检量", 5.0, "批次")]),
    ("特种设备定期检验率保持在99%以上。", XIAN, [("特种设备定期检验率", 99.0, "%")]),
    ("一般性企业开办时间压缩至0.5天。", SUZHOU, [("一般性企业开办时间", 0.5, "天")]),
    ("新培育省级以上质量奖企业10家以上。", SUZHOU, [("省级以上质量奖企业", 10.0, "家")]),
]


@pytest.mark.parametrize(("sentence", "jurisdiction", "expected"), PILOTS)
def test_heldout_pilots(make_ctx, sentence: str, jurisdiction: Jurisdiction, expected: list) -> None:
    pilots = extract_pilots(make_ctx(sentence, jurisdiction))
    assert [(p.place, p.what) for p in pilots] == expected


@pytest.mark.parametrize(("sentence", "jurisdiction", "expected"), CLAIMS)
def test_heldout_claims(make_ctx, sentence: str, jurisdiction: Jurisdiction, expected: list) -> None:
    claims = extract_claims(make_ctx(sentence, jurisdiction))
    assert [(c.scope, c.what) for c in claims] == expected


@pytest.mark.parametrize(("sentence", "jurisdiction", "expected"), OUTCOMES)
def test_heldout_outcomes(make_ctx, sentence: str, jurisdiction: Jurisdiction, expected: list) -> None:
    outcomes = extract_outcomes(make_ctx(sentence, jurisdiction))
    assert [(o.metric, o.value, o.unit) for o in outcomes] == expected


@pytest.mark.parametrize(("sentence", "jurisdiction", "expected"), OUTCOME_QUALIFIERS)
def test_heldout_outcome_changes_and_ranks(
    make_ctx, sentence: str, jurisdiction: Jurisdiction, expected: list
) -> None:
    outcomes = extract_outcomes(make_ctx(sentence, jurisdiction))
    assert [(o.metric, o.value, o.unit, o.change, o.rank) for o in outcomes] == expected


@pytest.mark.parametrize(("sentence", "jurisdiction", "expected"), TARGETS)
def test_heldout_targets(make_ctx, sentence: str, jurisdiction: Jurisdiction, expected: list) -> None:
    targets = extract_targets(make_ctx(sentence, jurisdiction, kind="planning"))
    assert [(t.metric, t.target, t.unit) for t in targets] == expected
