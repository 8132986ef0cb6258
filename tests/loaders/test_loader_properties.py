"""Property tests: the loader never crashes (only LoadError) and offsets always map back."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from kg.loaders import LoadError, load_bytes, load_text
from offset_checks import assert_sentences_map_back

# Text that looks like reports: Han characters, Chinese and ASCII punctuation, digits in both
# widths, heading markers, spaces of several kinds and line breaks.
REPORT_ALPHABET = st.sampled_from(
    list("市场监管局工作总结计划东莞年一二三四五六七八九十是章节专栏区县镇")
    + list("。，；：！？、“”（）()〔〕《》——…·%.-")
    + list("0123456789０１２３ＡＢabXx")
    + [" ", "\u3000", "\t", "\n", "\n\n", "\r\n", "**", "#"]
)
report_text = st.lists(REPORT_ALPHABET, min_size=0, max_size=300).map("".join)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
@example(b"\xff\xfe")
@example(b"%PDF-1.4\n%garbage")
@example(b"PK\x03\x04garbage")
@example(b"<html><body></body></html>")
def test_arbitrary_bytes_load_or_raise_load_error(data: bytes) -> None:
    for name in ("x.txt", "x.html", "x.pdf", "x.docx", "x"):
        try:
            doc = load_bytes(data, name)
        except LoadError as err:
            assert err.reason and str(err).startswith(f"{name}: ")
        else:
            assert doc.text.strip()
            assert_sentences_map_back(doc)


@FAST
@given(st.text(max_size=400))
def test_arbitrary_text_loads_or_raises_load_error(text: str) -> None:
    try:
        doc = load_text(text)
    except LoadError as err:
        assert err.reason
    else:
        assert_sentences_map_back(doc)


@FAST
@given(report_text)
@example("“哨兵”作\n\n用充分发挥。\n — 3 — \n一、2020年工作总结\n(一)\n聚焦。一是落实。二是推进。")
@example("1 \n2 \n3\n")
@example("市场监管\n## 工作总结。\n## 一、2021年工作计划\n正文。")
@example("序号 项目 单位 \n1 \n市场主体 万户 〔134.1〕 〔180〕 预期性\n300 400 预期性")
def test_report_like_text_maps_back(text: str) -> None:
    try:
        doc = load_text(text)
    except LoadError as err:
        assert "empty" in err.reason or "no text" in err.reason
        return
    assert_sentences_map_back(doc)
    for sec in doc.sections:
        assert 0 <= sec.start <= sec.end <= len(doc.text)
        assert doc.text[sec.start :].startswith(sec.heading)
        if sec.parent is not None:
            parent = doc.sections[sec.parent]
            assert parent.start <= sec.start and sec.end <= parent.end
    covered = "".join(s.text for s in doc.sentences)
    assert len(covered) <= len(doc.text)
