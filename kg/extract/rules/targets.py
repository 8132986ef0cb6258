"""Cues of plan targets in running text, and the row grammar of indicator tables."""

from __future__ import annotations

# words that make a number in a planning sentence a target rather than a scope or a date
TARGET_CUES: tuple[str, ...] = (
    "达到",
    "达",
    "新增",
    "完成",
    "实现",
    "力争",
    "以上",
    "目标",
    "提高到",
    "提升至",
    "提高至",
    "控制在",
    "保持在",
    "稳定在",
    "压缩至",
    "压缩到",
    "缩短至",
    "缩短到",
    "不超过",
    "不低于",
    "不少于",
    "超过",
    "突破",
    "计划",
    "培育",
    "创建",
    "建成",
    "增长",
    "拟",
    "每千人",
)
# a number right after these words counts where something happens, not how much (在1个专业市场)
SCOPE_PREFIXES: tuple[str, ...] = ("对", "选取", "第")
# a bare 在 before a count of places (拟在1个专业市场) is a scope too, unless a cue ends in it (控制在)
SCOPE_AT = r"在$"
SCOPE_COUNT_UNITS: tuple[str, ...] = ("个", "家", "所", "处", "座")
# 到2025年 / 到“十四五”末 / 力争到2021年底
TARGET_YEAR = r"(?:到|至|力争到|预计到)\s*(?P<year>20\d\d)\s*年"

# indicator table: a heading with 指标, rows ending in an attribute
TABLE_HEADING = r"主要指标|指标表|指标体系"
TABLE_ATTRIBUTES = {"约束性": True, "预期性": False}
TABLE_END = r"^\s*注[:：]|^\s*第[一二三四五六七八九十]+章"
TABLE_HEADER_WORDS = ("序号", "项目类别", "主要指标", "单位", "基期值", "规划值", "属性", "指标名称", "类别")
# a unit cell, possibly broken across lines: 每千人 批次, 人/万人 口, 份/百万 人口
TABLE_UNIT = (
    r"(?:每[千万百]人\s*)?(?:%|％|[万亿千百]?(?:户|件|张|元|项|家|个|批次|人|份|次|台|吨|天|个工作日|小时))"
    r"(?:\s*/\s*[百千万]*\s*人\s*口)?"
)
