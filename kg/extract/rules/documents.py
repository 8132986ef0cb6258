"""Policy document types by title suffix, recognition cues and agency name patterns."""

from __future__ import annotations

# title suffix → policy type (first match wins, so longer suffixes come first)
POLICY_TYPES: tuple[tuple[str, str], ...] = (
    ("条例", "条例"),
    ("实施细则", "办法"),
    ("细则", "办法"),
    ("办法", "办法"),
    ("规定", "办法"),
    ("规则", "办法"),
    ("行动方案", "方案"),
    ("实施方案", "方案"),
    ("工作方案", "方案"),
    ("方案", "方案"),
    ("计划", "方案"),
    ("实施意见", "意见"),
    ("指导意见", "意见"),
    ("若干意见", "意见"),
    ("意见", "意见"),
    ("措施", "意见"),
    ("规划", "规划"),
    ("纲要", "规划"),
    ("指引", "指引"),
    ("指南", "指引"),
    ("手册", "指引"),
    ("标准", "标准"),
    ("规范", "标准"),
    ("体系", "标准"),
)

# cues of a recognition received: 获评X, 荣获X, 入选X, 被评为X, 被…评为X
RECOGNITION_CUES = (
    r"获评|荣获|入选|被评为|被[\u4e00-\u9fff]{1,12}评为|被[\u4e00-\u9fff]{1,12}列为"
    r"|获得[\u4e00-\u9fff]{0,6}称号|获授"
)

# agency names: a place or level word followed by an agency head
AGENCY_HEADS = (
    "市场监督管理局",
    "市场监管局",
    "知识产权局",
    "市场监管总局",
    "药品监督管理局",
    "药监局",
    "人民政府",
    "政府",
    "个私协会",
    "消委会",
    "消保委",
    "委员会",
    "市委",
    "区委",
    "县委",
    "省委",
    "办公室",
    "检验所",
    "检测院",
    "研究院",
    "特检院",
    "计量院",
    "食药检所",
    "质检中心",
    "海关",
    "公安局",
    "公安机关",
)
AGENCY_PREFIXES = r"国家|国务院|省|市|区|县|镇|[\u4e00-\u9fff]{2,4}(?:省|市|区|县)"
