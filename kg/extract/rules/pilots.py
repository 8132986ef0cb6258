"""Cues of pilots (试点, 试行, selected places) and what tells their level."""

from __future__ import annotations

# (rule id, regex) — a pilot is anchored at the cue
PILOT_CUES: tuple[tuple[str, str], ...] = (
    ("pilot.shidian", r"试点(?!经验|成果总结)"),
    ("pilot.shixing", r"试行"),
    ("pilot.selected", r"选取(?=[^，；。]{2,30}?(?:开展|推行|实施))"),
    ("pilot.xianxing", r"先行先试"),
)

# a pilot whose clause only reflects on it (总结…试点经验) is not a pilot run
PILOT_REFLECTION = r"总结[^，；。]*试点"

# verbs that precede the name of the pilot (争取X试点 → X试点)
PILOT_VERBS = (
    "推行",
    "实行",
    "落实",
    "开展",
    "推进",
    "争取",
    "获批",
    "成为",
    "实施",
    "启动",
    "申报",
    "建立",
    "创建",
    "承担",
    "入选",
    "纳入",
    "列入",
    "推动",
    "探索",
    "试行",
    "选取",
    "深化",
    "扩大",
    "做好",
    "完成",
    "参与",
    "组织",
    "确定为",
    "确定",
    "被确定为",
    "作为",
)

# level of a pilot from words in its name or clause
PILOT_LEVELS: tuple[tuple[str, str], ...] = (
    (r"国家级|国家|全国", "national"),
    (r"省级|全省|省", "provincial"),
    (r"市级|全市", "municipal"),
)

# named bodies that can host a pilot (a company, a centre, a market street …)
HOST_SUFFIXES = (
    "有限公司",
    "公司",
    "中心",
    "协会",
    "学校",
    "医院",
    "集团",
    "市场(?!监|主体|准入|秩序|化|经营|环境|体系)",  # 农贸市场, not 市场监管局 / 市场主体
    "街区",
    "街道",  # townships missing from the gazetteer (仓前街道)
    "园区",
    "基地",
    "社区",
)

# words before a pilot's name that say how it was run, not what (厚街率先试点探索)
PILOT_ADVERBS = r"(?:率先|先行|积极|全面|大力|继续|进一步|深入|扎实|稳步|主动|成功|已|拟|计划|力争|努力)+"

# words inside a host phrase after which its object begins (成都市被国家…, 温江区选取3个…市场)
HOST_BREAKS = r"被|由|在|对|向|为|将|把|依托|通过"

# a pilot's name may end in a head noun after the cue (试点示范项目, 试点城市, 试点单位); the head
# noun is dropped from the name so every form of one pilot reads the same
PILOT_HEAD_NOUNS = r"示范(?:项目|工程|城市|单位|区|县)?|项目|工程|城市|单位"
NAME_TRAILING = r"(?:工作|项目|工程|城市|单位|等|的)+$"

# an object after the cue that starts with a result verb is no name (试点应用取得预期效果)
RESULT_VERBS = r"取得|实现|收到|见到|初见|获得"
# verbs of making whose object an earlier clause names as the topic of a bare 试点应用
MAKING_VERBS = r"开发|建设|建成|建立|上线|推出|打造|研发|搭建"

# list markers that open an item of a report: （一）, 一、, 1.
LIST_MARKER = r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．])"

# leading words of a host phrase that make it an object or a location, not the host itself
HOST_LEADING_NOISE = r"^(?:拟|计划|将|并)?(?:在|于|对|由)?"
