"""Word tables for program candidates (:mod:`kg.extract.program_candidates`).

Verbs that introduce an initiative, head words that end a program name, words around
quoted names, and the slogans, honours, internal affairs and generic words that are not
program names. Extend these tables to teach the candidate rules new report styles.
"""

from __future__ import annotations

import re

# Verbs that introduce an initiative ("we launched/built/implemented X").
INITIATIVE_VERBS = (
    "推行", "实施", "开展", "探索", "创建", "推进", "建立", "打造", "推广", "深化", "启动", "试行",
    "搭建", "开发", "建成", "建设", "构建", "组建", "设立", "创新", "完善", "健全", "落实", "实行",
    "上线", "运行", "发送", "出台", "制定", "争创", "培育", "开启", "首创", "首推", "推出",
    "发起", "成立", "推动", "依托", "新增", "加快", "上线运行", "全面运行",
)
# Verbs that only improve what exists: with a weak head word (机制/体系/制度/模式) the phrase
# is rarely a named program (完善…合作机制, 健全…预案体系).
IMPROVING_VERBS = ("完善", "健全", "构建", "落实", "加快", "推动", "依托", "深化", "新增", "培育", "发展")
# Verbs that open a quoted name only when right before it (实现“一品一证一码”).
QUOTE_ONLY_VERBS = ("实现", "应用")
# Words that end a program name.
HEAD_WORDS = (
    "改革", "行动", "专项行动", "专项整治", "工程", "模式", "机制", "平台", "制度", "系统", "体系",
    "试点", "战略", "计划", "中心", "APP", "app", "小程序", "大会战", "攻坚战", "联盟", "基地",
    "示范区", "示范点", "指导站", "联系点", "集聚区", "智能终端", "工作站", "服务站", "专项资金",
)
WEAK_HEADS = ("机制", "体系", "制度", "模式", "专项整治")
# After a quoted name these also mark it as a program (“品质之城”建设, “靶向式”抽查).
QUOTED_FOLLOWERS = (
    *HEAD_WORDS, "建设", "创建", "活动", "宣传活动", "品牌", "项目", "补助", "抽查", "监管", "管理",
    "服务", "办案机制", "评选", "改革试点",
)
# A short noun after a quoted name that makes it a named rule, shop or station (“阳光药师”考勤制度,
# “网订店送”药房, “红色”驿站), or a way of handling services (“一件事”联办, “跨省”通办).
QUOTED_FOLLOWER_NOUNS = r"[\u4e00-\u9fff]{1,2}制度|[\u4e00-\u9fff]{1,3}[房站]|(?:联|通|集成|一次)办"
# A head word must end the phrase: next comes punctuation, the end, or one of these.
BOUNDARY_FOLLOWERS = (
    "建设", "工作", "试点", "项目", "等", "和", "及", "并", "的", "为", "在", "中", "上", "以", "实现",
    "取得", "落地", "覆盖", "创建", "应用", "作用", "业务",
)
# Trailing words trimmed off a list item before looking for its head word.
CLAUSE_BREAKS = "，。；：！？,;:!?（）()《》【】"
ITEM_SPLIT = "、"
QUOTE_JOINERS = ("", "、", "和", "及", "与")
PUNCT = "，。；：、！？,.;:!?（）()《》【】「」“”\"'‘’"

# Quoted strings that are never program names: political slogans, counts, quotas, honours.
NEVER_NAMES = tuple(
    re.compile(p)
    for p in (
        r"^[一二三四五六七八九两]个",  # 四个意识, 两个维护
        r"^[一二三四五六七八九两]大",  # 三大环境
        r"^[一二三四五六七八九两]条",  # 一条主线
        r"十[一二三四五六七八九]五",  # 十四五
        r"第[一二三四五六七八九十]",  # 第一议题
        r"^[\dNXYnxy+.\-\s]+$",  # 1+1+6, 1+1+N
        r"^[一二三四五六七八九十两\d]+项",  # 四项机制, 五项行动
        r"^[一二三四五六七八九两三][区张]",  # 三区叠加, 两张清单
        r"年$|文章$",  # 作风提升年, 后半篇文章
        r"批次|万人|%|分$|率$|从.*到",  # quotas, rates and scores
        r"(集体|称号|荣誉|先进|奖|之星|标兵|组织|单位奖)$",  # honours
    )
)
# Quoted strings that name a program only with a head word after them (“…”专项行动).
SLOGAN_ONLY = tuple(
    re.compile(p)
    for p in (
        r"^[^、，]*[、，][^、，]*[、，]",  # three-part slogans 全检测、全消杀、全追溯
        r"^(一站式|互联网\+?|放心)$",  # bare modifiers
        r"^双[\u4e00-\u9fff]{1,2}$",  # 双区, 双胜利, 双提升, 双循环: two-target slogans
        r"可办$",  # 网上可办, 指尖可办, 掌上可办: how a service can be used, not a program
    )
)
# Words of the bureau's own party, discipline, staff and unit affairs, not market regulation; a quoted
# name is dropped when its clause holds one.
INTERNAL_AFFAIRS = (
    "党内", "党组", "党风", "廉政", "廉洁", "纪律", "纪检", "谈话", "饮酒", "干部", "选人用人", "作风",
    "意识形态", "政治", "学习强国", "机关", "巡察", "巡视", "容错", "纠错", "支部", "厉行节约", "职级",
    "党建", "主题教育", "建党", "讲坛", "工会", "调研", "三定", "用人", "人事", "队伍",
    "局所", "科室", "所队",  # the bureau's own units working together
)
# Words that alone do not name a program once the head word is removed.
GENERIC_WORDS = (
    "市场监管", "监管", "监督", "管理", "工作", "长效", "服务", "保障", "协调", "联动", "执法", "责任",
    "应急", "风险", "安全", "质量", "体系", "机制", "制度", "各项", "相关", "有关", "全面", "统一",
    "规范", "现代化", "治理", "综合", "信息", "信用", "标准", "防控", "预案", "领导", "考核", "评价",
    "市场", "行政", "政务", "内部", "基层", "培训", "教育", "宣传", "规范性文件", "规章", "全系统",
    "新", "的", "和", "与", "及", "一批", "一系列", "多元", "共治", "社会", "协同", "部门", "领域",
    "全市", "全区", "全省", "我市", "本市", "重点", "日常", "常态化", "高效", "科学", "现代", "新型",
    "专项", "整治", "专项整治", "食品", "药品", "产品", "企业", "办案", "处置", "突发事件", "重大",
    "合规", "业务", "网上", "分类", "法制", "优化", "防范", "能力", "配套", "公共", "民生实事",
    "全过程", "流通领域", "一站式", "掌上",
)
# Leading filler words that are not part of a name (全面推行X, 积极探索X).
LEADING_NOISE = (
    "全面", "积极", "大力", "深入", "持续", "进一步", "加快", "不断", "着力", "新的", "一批", "一个",
    "和", "及", "与", "并", "全市", "全区", "我市", "市级", "一支", "包含", "不少于", "了",
)
# Between a verb and a quoted name these mean the verb governs something else (执法向“…”).
PREPOSITIONS = ("向", "把", "将", "对", "从", "与", "按照", "根据")
# A name never starts with a demonstrative (这一中心).
DEMONSTRATIVES = ("这", "该", "此", "其")
# Verbs that, inside a phrase, start a new one (…分类推进审批制度改革 -> 审批制度改革).
INNER_CUT_VERBS = ("推进", "实施", "开展", "建立", "推动", "搭建", "打造", "探索", "构建", "加快")
MIN_NAME, MAX_NAME = 4, 22
MIN_DISTINCT, MIN_DISTINCT_WEAK = 2, 3  # distinctive characters a name needs beside generic words
# The type of a candidate program from the word its name ends in (checked in this order).
TYPE_BY_HEAD = (
    (
        "campaign",
        ("行动", "行动计划", "三年行动", "专项整治", "专项治理", "攻坚战", "大会战", "专项斗争", "活动"),
    ),
    ("reform", ("改革", "改革试点", "试点")),
    (
        "platform",
        ("平台", "系统", "APP", "app", "小程序", "中心", "终端", "工作站", "服务站", "联系点", "指导站"),
    ),
    ("designation", ("示范区", "示范点", "示范城市", "示范县", "基地", "集聚区", "创建", "品牌", "建设")),
    ("mechanism", ("机制", "制度", "模式", "体系", "办法", "专项资金", "基金")),
    ("standard", ("标准", "标准体系")),
)
