"""The five seed reports: metadata, reporting/planning split, PDF line joining, offsets."""

from __future__ import annotations

import itertools
import re

import pytest
from kg.loaders.model import Document
from offset_checks import assert_sentences_map_back

# id: (jurisdiction, code, level, province, doc_type, summary year, plan year)
EXPECTED = {
    "000": ("东莞市", "441900", "prefecture", "广东省", "annual_summary_and_plan", 2020, 2021),
    "001": ("中山市", "442000", "prefecture", "广东省", "annual_summary_and_plan", 2020, 2021),
    "002": ("东莞市", "441900", "prefecture", "广东省", "five_year_plan", 2020, 2021),
    "003": ("深圳市", "440300", "prefecture", "广东省", "annual_summary_and_plan", 2023, 2024),
    "004": ("XX区", None, "district", "浙江省", "annual_summary_and_plan", 2020, 2021),
}

# Kinds of the top-level sections, in order, as the documents are written.
TOP_KINDS = {
    "000": [("reporting", 2020), ("planning", 2021)],
    "001": [("reporting", 2020), ("planning", 2021)],
    "002": [("reporting", 2020)] + [("planning", 2021)] * 10,
    "003": [("reporting", 2023), ("planning", 2024)],
    "004": [("reporting", 2020)] * 6 + [("planning", 2021)] * 4,
}

TITLES = {
    "000": ("东莞市市场监管局2020年工作总结和2021年工作计划", "东莞市市场监管局"),
    "001": (None, None),
    "002": (None, None),
    "003": (None, None),
    "004": ("XX区市场监管局2020年工作总结及2021年工作思路", "XX区市场监管局"),
}

# Independent of the loader's own heading table: what a heading or caption line looks like.
_HEADING_START = re.compile(
    r"(第[一二三四五六七八九十百]+[章节]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]"
    r"|\d+[.．、]|专栏|——)"
)
_HAN = r"[\u4e00-\u9fff]"


def broken_pairs(text: str) -> list[tuple[str, str]]:
    """Consecutive lines (a, b) where a sentence was cut: a ends with a Han character and b
    starts with one (or an opening quote), a is not a heading or caption (a line starting with a
    heading marker, or a short line without any sentence punctuation), and neither is a
    table row (cells separated by spaces)."""
    lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    pairs = []
    for a, b in itertools.pairwise(lines):
        if not (re.search(_HAN + "$", a) and re.match(f"(?:{_HAN}|“)", b)):
            continue
        if _HEADING_START.match(a) or (len(a) <= 40 and not re.search("[。，；！？,;]", a)):
            continue
        if re.search(r"\S\s+\S", a) or re.search(r"\S\s+\S", b):
            continue
        pairs.append((a, b))
    return pairs


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_jurisdiction_type_and_years(seed_docs: dict[str, Document], sid: str) -> None:
    doc = seed_docs[sid]
    name, code, level, province, doc_type, summary, plan = EXPECTED[sid]
    assert doc.jurisdiction is not None
    assert (doc.jurisdiction.name, doc.jurisdiction.code) == (name, code)
    assert (doc.jurisdiction.level, doc.jurisdiction.province) == (level, province)
    assert doc.jurisdiction.anonymized == (code is None)
    assert (doc.doc_type, doc.summary_year, doc.plan_year) == (doc_type, summary, plan)


@pytest.mark.parametrize("sid", sorted(TITLES))
def test_title_and_issuer(seed_docs: dict[str, Document], sid: str) -> None:
    assert (seed_docs[sid].title, seed_docs[sid].issuer) == TITLES[sid]


@pytest.mark.parametrize("sid", sorted(TOP_KINDS))
def test_top_level_sections_split_reporting_and_planning(seed_docs: dict[str, Document], sid: str) -> None:
    top = [(s.kind, s.year) for s in seed_docs[sid].sections if s.depth == 1]
    assert top == TOP_KINDS[sid]


def test_five_year_plan_period_and_chapter_sections(seed_docs: dict[str, Document]) -> None:
    doc = seed_docs["002"]
    assert (doc.period_start, doc.period_end) == (2021, 2025)
    first_chapter = next(s for s in doc.sections if s.depth == 1)
    children = [doc.sections[i] for i in first_chapter.children]
    assert [(c.marker, c.kind, c.year) for c in children] == [
        ("第X节", "reporting", 2020),
        ("第X节", "planning", 2021),
    ]
    markers = {s.marker for s in doc.sections}
    assert {"第X章", "第X节", "专栏", "——", "1."} <= markers


def test_children_inherit_kind(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for sec in doc.sections:
            if sec.parent is not None and not re.search(r"\d{4}年|十[三四五]五", sec.heading):
                parent = doc.sections[sec.parent]
                assert (sec.kind, sec.year) == (parent.kind, parent.year), sec.heading


def test_sections_nest_and_sentences_point_to_innermost(seed_docs: dict[str, Document]) -> None:
    for doc in seed_docs.values():
        for sec in doc.sections:
            assert 0 <= sec.start < sec.end <= len(doc.text)
            assert doc.text[sec.start :].startswith(sec.heading)
            if sec.parent is not None:
                parent = doc.sections[sec.parent]
                assert parent.start <= sec.start and sec.end <= parent.end and sec.depth == parent.depth + 1
        for s in doc.sentences:
            if s.section is not None:
                sec = doc.sections[s.section]
                assert sec.start <= s.start < sec.end
                kids = [doc.sections[c] for c in sec.children]
                assert all(k.start > s.start or k.end <= s.start for k in kids)
                assert (s.kind, s.year) == (sec.kind, sec.year)


def test_inline_points_and_lead_lines(seed_docs: dict[str, Document]) -> None:
    headings_001 = [s.heading for s in seed_docs["001"].sections if s.marker == "一是"]
    assert "一是坚持和加强党的全面领导" in headings_001
    lead_003 = [s for s in seed_docs["003"].sections if s.marker == "——"]
    assert lead_003 and lead_003[0].heading == "——党的建设全面加强"
    assert all(s.depth == 3 for s in lead_003)
    # in 003's plan the points stand one per paragraph
    plan = next(s for s in seed_docs["003"].sections if s.heading == "二、2024年工作安排")
    first_task = seed_docs["003"].sections[plan.children[0]]
    points = [seed_docs["003"].sections[i] for i in first_task.children]
    assert [p.heading[:2] for p in points] == ["一是", "二是", "三是", "四是"]


def test_lead_in_of_plan_part_is_planning(seed_docs: dict[str, Document]) -> None:
    """004 starts its plan with a paragraph (2021年,XX区市场监管局将…) before 一、 restarts."""
    doc = seed_docs["004"]
    lead = next(s for s in doc.sentences if s.text.startswith("2021年,XX区市场监管局将"))
    assert lead.section is None and (lead.kind, lead.year) == ("planning", 2021)
    opening = doc.sentences[1]
    assert opening.section is None and (opening.kind, opening.year) == ("reporting", 2020)


def test_pdf_broken_lines_are_joined(seed_docs: dict[str, Document]) -> None:
    assert "“哨兵”作用充分发挥" in seed_docs["000"].text
    assert "加强和改善市场监管，是推进国家治理体系和治理能力现代化的重要任务" in seed_docs["002"].text
    for sid, doc in seed_docs.items():
        assert broken_pairs(doc.text) == [], sid


def test_seed_002_was_broken_before(seed_docs: dict[str, Document]) -> None:
    """The check above is meaningful: the original of 002 breaks almost every line."""
    assert len(broken_pairs(seed_docs["002"].original_text)) > 300


def test_page_numbers_and_spaces_removed(seed_docs: dict[str, Document]) -> None:
    text = seed_docs["002"].text
    assert not re.search(r"—\s*\d+\s*—", text)
    assert "企业开办时间压缩至1个工作日" in text
    prose = re.sub(r"^.*(?:预期性|约束性|属性|\d{4} 年).*$", "", text, flags=re.M)  # table rows keep cells
    assert not re.search(_HAN + r" +\d|\d +" + _HAN, prose)
    assert "**" not in seed_docs["000"].text


def test_indicator_table_rows_are_reassembled(seed_docs: dict[str, Document]) -> None:
    rows = [ln for ln in seed_docs["002"].text.split("\n") if re.search("(?:预期性|约束性)$", ln)]
    assert len(rows) == 35
    assert [int(r.split()[0]) for r in rows] == list(range(1, 36))
    assert "5 知识产权质押融资登记金额 亿元 〔222.55〕 〔430〕 预期性" in rows


@pytest.mark.parametrize("sid", sorted(EXPECTED))
def test_sentences_map_back_to_original(seed_docs: dict[str, Document], sid: str) -> None:
    doc = seed_docs[sid]
    assert len(doc.sentences) > 100
    assert_sentences_map_back(doc)
