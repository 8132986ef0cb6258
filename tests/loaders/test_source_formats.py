"""A seed saved in other encodings and formats loads to the same text and metadata as the UTF-8 file."""

from __future__ import annotations

import html
import io
from pathlib import Path

import pytest
from kg.loaders import Document, load, load_bytes

# Seed 000 has a title, PDF-broken lines, markdown ** and both report parts.
SEED = "000"
CJK_FONTS = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
)


@pytest.fixture(scope="module")
def seed_text(seed_paths: dict[str, Path]) -> str:
    return seed_paths[SEED].read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def base(seed_paths: dict[str, Path]) -> Document:
    return load(seed_paths[SEED])


def metadata(doc: Document) -> tuple:
    top = [(s.heading, s.kind, s.year) for s in doc.sections if s.depth == 1]
    return (doc.title, doc.issuer, doc.jurisdiction, doc.doc_type, doc.summary_year, doc.plan_year, top)


def as_html(text: str) -> bytes:
    """The report as a government portal page: navigation, the article, a footer and a script."""
    paragraphs = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n"))
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>工作动态</title>"
        "<style>p { margin: 0 }</style></head><body>"
        "<div class='nav'>首页 &gt; 政务公开 &gt; 工作总结</div><nav><a href='/'>网站首页</a></nav>"
        f"<div class='TRS_Editor'>{paragraphs}</div>"
        "<div id='footer'>版权所有：某某网站 备案号 粤ICP备00000000号</div>"
        "<script>var site = '导航脚本';</script></body></html>"
    )
    return page.encode("utf-8")


def as_docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def as_pdf(text: str) -> bytes:
    """A PDF with an embedded CJK font, a running header and page numbers on every page;
    fpdf2 re-wraps the long lines at the page width."""
    from fpdf import FPDF

    font = next((f for f in CJK_FONTS if Path(f).exists()), None)
    if font is None:
        pytest.skip("no CJK font for PDF generation (scripts/test-deps.sh installs fonts-wqy-microhei)")

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("cjk", size=9)
            self.cell(0, 6, "东莞市市场监督管理局文件", align="C", new_x="LMARGIN", new_y="NEXT")

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("cjk", size=9)
            self.cell(0, 6, f"- {self.page_no()} -", align="C")

    pdf = Report()
    pdf.add_font("cjk", fname=font, collection_font_number=0)
    pdf.add_page()
    pdf.set_font("cjk", size=10)
    for line in text.split("\n"):
        pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [  # GBK is read as its superset GB18030; a UTF-16 BOM names the byte order
        ("gb18030", "gb18030"), ("gbk", "gb18030"), ("utf-16", "utf-16-le"),
        ("utf-16-be", "utf-16-be"), ("utf-8-sig", "utf-8-sig"),
    ],
)
def test_encodings_give_same_document(seed_text: str, base: Document, encoding: str, reported: str) -> None:
    doc = load_bytes(seed_text.encode(encoding), "seed.txt")
    assert doc.text == base.text
    assert metadata(doc) == metadata(base)
    assert doc.original_text == seed_text
    assert doc.encoding == reported


def test_html_gives_same_document_without_boilerplate(seed_text: str, base: Document) -> None:
    doc = load_bytes(as_html(seed_text), "seed.html")
    assert doc.source_format == "html"
    assert doc.text == base.text
    assert metadata(doc) == metadata(base)
    for furniture in ("网站首页", "版权所有", "导航脚本", "政务公开", "工作动态"):
        assert furniture not in doc.text


def test_docx_gives_same_document(seed_text: str, base: Document) -> None:
    doc = load_bytes(as_docx(seed_text), "seed.docx")
    assert doc.source_format == "docx"
    assert doc.text == base.text
    assert metadata(doc) == metadata(base)


def test_pdf_gives_same_sentences(seed_text: str, base: Document) -> None:
    """A PDF re-wraps lines, so a wrap that happens to fall after 。 reads as a paragraph break;
    the text is the same up to line breaks, and the sentences and metadata are identical."""
    data = as_pdf(seed_text)
    doc = load_bytes(data, "seed.pdf")
    assert doc.source_format == "pdf"
    assert doc.original_text.count("\n") > seed_text.count("\n") * 2  # it really was re-wrapped
    assert doc.original_text.count("东莞市市场监督管理局文件") >= 3 and "- 3 -" in doc.original_text
    assert doc.text.replace("\n", "") == base.text.replace("\n", "")
    assert [s.text for s in doc.sentences] == [s.text for s in base.sentences]
    assert metadata(doc) == metadata(base)


def test_traditional_is_converted_and_marked(seed_paths: dict[str, Path]) -> None:
    import opencc

    simplified = seed_paths["004"].read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(simplified)
    assert traditional != simplified
    base = load(seed_paths["004"])
    doc = load_bytes(traditional.encode("utf-8"), "trad.txt")
    assert doc.converted_from_traditional and not base.converted_from_traditional
    assert doc.text == base.text
    assert doc.original_text == traditional
    assert metadata(doc) == metadata(base)


def test_html_headline_above_the_article_is_the_title() -> None:
    page = (
        "<html><head><title>工作总结_门户网站</title></head><body><div class='nav'>首页</div>"
        "<h1>东莞市市场监管局2020年工作总结</h1><div class='info'>发布时间：2021-01-05</div>"
        "<div class='TRS_Editor'><p>一、2020年工作总结</p><p>企业开办时间压缩至0.5个工作日。</p></div>"
        "<div class='footer'>版权所有</div></body></html>"
    )
    doc = load_bytes(page.encode("utf-8"), "page.html")
    assert doc.title == "东莞市市场监管局2020年工作总结"
    assert doc.text.split("\n")[1:] == ["一、2020年工作总结", "企业开办时间压缩至0.5个工作日。"]


def test_format_detected_by_content_not_name(seed_text: str) -> None:
    assert load_bytes(as_docx(seed_text[:2000]), "report.bin").source_format == "docx"
    assert load_bytes(as_html(seed_text[:2000]), "report").source_format == "html"


def test_html_wrapper_with_a_furniture_name_keeps_the_article() -> None:
    page = (
        "<html><body><div class='share-wrap'><div class='share'>分享到微信</div>"
        "<div class='article-content'><p>企业开办时间压缩至0.5个工作日。</p></div></div></body></html>"
    )
    doc = load_bytes(page.encode("utf-8"), "page.html")
    assert doc.text == "企业开办时间压缩至0.5个工作日。"


def _numbered_docx(fmt: str, template: str) -> bytes:
    """A report whose part headings are Word list items (the number is not in the text)."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_paragraph("东莞市市场监管局2020年工作总结和2021年工作计划")
    first = document.add_paragraph("2020年工作成效", style="List Number")
    document.add_paragraph("企业开办时间压缩至0.5个工作日。")
    document.add_paragraph("2021年工作安排", style="List Number")
    document.add_paragraph("持续深化商事制度改革。")
    numbering = document.part.numbering_part.element
    num = numbering.num_having_numId(first.style.element.pPr.numPr.numId.val)
    for abstract in numbering.findall(qn("w:abstractNum")):
        if abstract.get(qn("w:abstractNumId")) == str(num.abstractNumId.val):
            level = next(lv for lv in abstract.findall(qn("w:lvl")) if lv.get(qn("w:ilvl")) == "0")
            level.find(qn("w:numFmt")).set(qn("w:val"), fmt)
            level.find(qn("w:lvlText")).set(qn("w:val"), template)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("fmt", "template", "markers"),
    [("chineseCounting", "%1、", ["一、", "二、"]), ("decimal", "（%1）", ["（1）", "（2）"])],
)
def test_docx_list_numbers_become_heading_markers(fmt: str, template: str, markers: list[str]) -> None:
    doc = load_bytes(_numbered_docx(fmt, template), "numbered.docx")
    top = [(s.heading, s.kind, s.year) for s in doc.sections]
    assert top == [
        (markers[0] + "2020年工作成效", "reporting", 2020),
        (markers[1] + "2021年工作安排", "planning", 2021),
    ]


def test_table_rows_keep_their_cells() -> None:
    import docx

    page = (
        "<html><body><div class='TRS_Editor'><p>主要指标如下：</p><table>"
        "<tr><td>指标</td><td>2020年</td></tr><tr><td>企业开办时间</td><td>0.5 个工作日</td></tr>"
        "</table><p>全面完成。</p></div></body></html>"
    )
    document = docx.Document()
    document.add_paragraph("主要指标如下：")
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("指标", "2020年"), ("企业开办时间", "0.5 个工作日")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("全面完成。")
    buf = io.BytesIO()
    document.save(buf)
    expected = ["主要指标如下：", "指标 2020年", "企业开办时间 0.5个工作日", "全面完成。"]
    assert load_bytes(page.encode("utf-8"), "t.html").text.split("\n") == expected
    assert load_bytes(buf.getvalue(), "t.docx").text.split("\n") == expected
