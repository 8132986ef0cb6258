"""Units and magnitudes that follow numbers in bureau reports."""

from __future__ import annotations

# magnitude words and their factor; 22.7万户 = 227000 户
MAGNITUDES: dict[str, float] = {
    "万亿": 1e12,
    "千万": 1e7,
    "百万": 1e6,
    "万": 1e4,
    "亿": 1e8,
}

# counters and measures, longest first is handled by the regex builder
UNITS: tuple[str, ...] = (
    "%",
    "％",
    "个百分点",
    "百分点",
    "倍",
    "个工作日",
    "工作日",
    "个月",
    "小时",
    "分钟",
    "天",
    "日",
    "年",
    "元",
    "个亿",  # 2个亿: colloquial but common in every province's reports
    "户",
    "家次",
    "家",
    "件次",
    "件",
    "宗",
    "笔",
    "项",
    "批次",
    "批",
    "条次",
    "条",
    "个次",
    "个",
    "人次",
    "名",
    "人",
    "次",
    "场次",
    "场",
    "期",
    "篇",
    "份",
    "台次",
    "台",
    "套",
    "吨",
    "处",
    "起",
    "支",
    "所",
    "款",
    "类",
    "种",
    "张",
    "座",
    "辆",
    "间",
    "块",
    "对",
    "分",
    "公斤",
    "千克",
    "平方米",
    "亩",
)

# a duration (天, 小时) is a result or target, not an activity span, when the metric is a time
# (办理时间, 办案时长, 时限) or the number ends a cut (由5天缩短至0.5天, 压缩至1天)
DURATION_UNITS: frozenset[str] = frozenset({"天", "小时", "分钟"})
DURATION_METRIC = r"时间|时长|时限|用时|周期"
DURATION_CUT = r"(?:缩短|压缩|减少|降)(?:至|到|为)?$"

APPROX_PREFIXES: tuple[str, ...] = ("约", "近", "超过", "逾")
APPROX_SUFFIXES: tuple[str, ...] = ("以上", "以下", "左右", "余")

# units that count things done (inspections, meetings, trainings) rather than results
ACTIVITY_UNITS: frozenset[str] = frozenset(
    {
        "次",
        "人次",
        "家次",
        "件次",
        "条次",
        "个次",
        "台次",
        "场",
        "场次",
        "期",
        "名",
        "人",
        "篇",
        "年",
        "日",
        "天",
        "个月",
        "小时",
        "分钟",
        "对",
        "套",
        "支",
        "块",
        "间",
        "座",
        "辆",
        "类",
        "种",
        "款",
        "所",
        "处",
        "起",
        "张",
        "台",
    }
)
