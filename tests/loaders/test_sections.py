"""Heading markers, the section tree, inline points and the reporting/planning marks."""

from __future__ import annotations

import pytest
from kg.loaders import load_text
from kg.loaders.headings import inline_points, is_heading_line, match_marker
from kg.loaders.kinds import assign_kinds
from kg.loaders.model import Section
from kg.loaders.sections import build_sections

MARKERS = [
    ("第一部分 2020年工作回顾", "第X部分", 1),
    ("2021年工作计划", "年度部分", None),
    ("第一章 总体要求", "第X章", 1),
    ("第十一章保障措施", "第X章", 11),
    ("第二节 “十四五”时期市场监管发展形势", "第X节", 2),
    ("专栏一：深化商事制度改革", "专栏", 1),
    ("一、2020年工作总结", "一、", 1),
    ("十二、加强党的建设", "一、", 12),
    ("(一) 聚焦抓好疫情联防联控", "（一）", 1),
    ("（四）聚焦实施质量变革战略", "（一）", 4),
    ("1．开展“一照通行”涉企审批服务改革。", "1.", 1),
    ("2、推进“证照分离”改革", "1.", 2),
    ("3.完善跨部门协同监管平台", "1.", 3),
    ("（3）建立健全制度", "（1）", 3),
    ("②强化监管", "①", 2),
    ("——党的建设全面加强。", "——", None),
]
NOT_MARKERS = [
    "138.71%。", "2020年，面对新冠肺炎疫情", "1.5万户", "一是登记注册再优化。", "百、千", "————",
    "2020年工作总结和2021年工作计划", "XX区2020年工作总结",
]


@pytest.mark.parametrize(("line", "style", "ordinal"), MARKERS)
def test_markers(line: str, style: str, ordinal: int | None) -> None:
    marker = match_marker(line)
    assert marker is not None
    assert (marker.style.name, marker.ordinal) == (style, ordinal)


@pytest.mark.parametrize("line", NOT_MARKERS)
def test_not_markers(line: str) -> None:
    assert match_marker(line) is None


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("一、2020年工作总结", True),
        ("第二章 总体要求", True),
        ("(一) 聚焦抓好疫情联防联控，市场抗疫防线严密筑牢。坚持把疫情防控作为头等大事", False),
        ("——党的建设全面加强。始终把党的政治建设摆在首位。", False),
        ("2020年，面对新冠肺炎疫情的严重冲击", False),
    ],
)
def test_heading_lines(line: str, heading: bool) -> None:
    assert is_heading_line(line) is heading


def test_inline_points_count_up_from_one() -> None:
    paragraph = (
        "（一）切实担负起管党治党主体责任。一是坚持和加强党的全面领导。始终把政治建设摆在首位。"
        "二是坚持把纪律和规矩挺在前面。三是持续激励干部新担当新作为。"
    )
    points = inline_points(paragraph)
    assert [o for _, _, o in points] == [1, 2, 3]
    assert paragraph[points[1][0] :].startswith("二是坚持把纪律")
    assert inline_points("这是唯一是否决定的事项。更是如此。") == []
    assert inline_points("一是推进改革。") == []  # a single point is not a list


REPORT = "\n".join(
    [
        "一、2020年工作总结",
        "2020年，全市市场监管系统迎难而上。",
        "（一）聚焦抓好疫情联防联控。一是严格防控。措施有力。二是保障供应。",
        "（二）聚焦深化商事制度改革。企业开办压缩至0.5个工作日。",
        "二、2021年工作计划",
        "（一）坚持和加强党的全面领导。",
    ]
)


def test_section_tree() -> None:
    structure = build_sections(REPORT)
    secs = structure.sections
    assert [(s.heading, s.depth, s.parent) for s in secs] == [
        ("一、2020年工作总结", 1, None),
        ("（一）聚焦抓好疫情联防联控", 2, 0),
        ("一是严格防控", 3, 1),
        ("二是保障供应", 3, 1),
        ("（二）聚焦深化商事制度改革", 2, 0),
        ("二、2021年工作计划", 1, None),
        ("（一）坚持和加强党的全面领导", 2, 5),
    ]
    assert secs[0].children == [1, 4] and secs[1].children == [2, 3]
    assert secs[0].end == secs[5].start and secs[6].end == len(REPORT)
    assert REPORT[secs[3].start : secs[3].end] == "二是保障供应。"  # inline points end with the paragraph
    assert structure.part_starts == []


def test_kinds_from_headings_and_inheritance() -> None:
    doc = load_text(REPORT)
    assert doc.doc_type == "annual_summary_and_plan"
    assert [(s.kind, s.year) for s in doc.sections] == [("reporting", 2020)] * 5 + [("planning", 2021)] * 2
    sentence = next(s for s in doc.sentences if s.text.startswith("企业开办"))
    assert (sentence.kind, sentence.year, doc.sections[sentence.section].heading) == (
        "reporting", 2020, "（二）聚焦深化商事制度改革"
    )


def test_restarted_numbering_starts_the_plan_part() -> None:
    text = "\n".join(
        [
            "XX县市场监管局2020年工作总结及2021年工作思路",
            "一、优化营商环境",
            "全县新增市场主体5000户。",
            "二、守住安全底线",
            "开展专项检查。",
            "2021年，县市场监管局将深入贯彻落实新发展理念。",
            "一、强化政治引领",
            "推进作风建设。",
        ]
    )
    doc = load_text(text)
    top = [(s.heading, s.kind, s.year) for s in doc.sections]
    assert top == [
        ("一、优化营商环境", "reporting", 2020),
        ("二、守住安全底线", "reporting", 2020),
        ("一、强化政治引领", "planning", 2021),
    ]
    lead = next(s for s in doc.sentences if s.text.startswith("2021年"))
    assert lead.section is None and (lead.kind, lead.year) == ("planning", 2021)
    assert doc.sections[1].end == lead.start


@pytest.mark.parametrize(
    ("heading", "kind", "year"),
    [
        ("第一节“十三五”时期市场监管工作成效", "reporting", 2020),
        ("第二节“十四五”时期市场监管发展形势", "planning", 2021),
        ("二、2024年工作安排", "planning", 2024),
        ("一、2023年工作总结", "reporting", 2023),
        ("第十一章保障措施", "planning", 2026),
    ],
)
def test_heading_cues(heading: str, kind: str, year: int) -> None:
    sec = Section(index=0, heading=heading, marker="第X章", depth=1, start=0, end=1)
    # an annual report of 2025/2026 gives the default years; explicit years in headings win
    assign_kinds([sec], [], "annual_summary_and_plan", 2025, 2026)
    assert (sec.kind, sec.year) == (kind, year)


def test_points_one_per_paragraph() -> None:
    text = "\n".join(
        [
            "二、2024年工作安排",
            "（一）聚焦提升经营主体发展质量",
            "一是持续提升商事登记便利度。提升外资企业全流程网办效率。",
            "二是强化知识产权全链条保护。加快建设保护中心。",
            "同时推进快速维权。",
            "（二）聚焦扩大消费和需求",
            "一是规范公平竞争市场环境。",
        ]
    )
    secs = build_sections(text).sections
    assert [(s.heading, s.depth) for s in secs] == [
        ("二、2024年工作安排", 1),
        ("（一）聚焦提升经营主体发展质量", 2),
        ("一是持续提升商事登记便利度", 3),
        ("二是强化知识产权全链条保护", 3),
        ("（二）聚焦扩大消费和需求", 2),
    ]  # a lone 一是 is not a list
    assert text[secs[3].start : secs[3].end].endswith("同时推进快速维权。\n")


@pytest.mark.parametrize(
    "parts",
    [
        ["第一部分2022年工作回顾", "第二部分2023年工作安排"],
        ["2022年工作总结", "2023年工作思路"],
    ],
)
def test_part_headings(parts: list[str]) -> None:
    text = "\n".join(
        ["东莞市市场监管局工作报告", parts[0], "一、优化营商环境", "全市新增市场主体。",
         parts[1], "一、深化改革", "推进改革。"]
    )
    doc = load_text(text)
    top = [(s.heading, s.kind, s.year, [doc.sections[c].heading for c in s.children])
           for s in doc.sections if s.depth == 1]
    assert top == [
        (parts[0], "reporting", 2022, ["一、优化营商环境"]),
        (parts[1], "planning", 2023, ["一、深化改革"]),
    ]
    assert (doc.doc_type, doc.summary_year, doc.plan_year) == ("annual_summary_and_plan", 2022, 2023)


def test_summary_with_next_steps_section() -> None:
    """The common 总结 layout: results, problems, then 下一步工作打算 (the plan part)."""
    text = "\n".join(
        [
            "XX市市场监督管理局2020年工作总结",
            "一、主要工作成效",
            "企业开办时间压缩至0.5个工作日。",
            "二、存在的问题",
            "监管力量不足。",
            "三、下一步工作打算",
            "持续深化商事制度改革。",
        ]
    )
    doc = load_text(text)
    assert (doc.doc_type, doc.summary_year, doc.plan_year) == ("annual_summary_and_plan", 2020, 2021)
    assert [(s.kind, s.year) for s in doc.sections] == [
        ("reporting", 2020), ("reporting", 2020), ("planning", 2021),
    ]
