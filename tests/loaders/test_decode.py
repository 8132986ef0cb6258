"""Decoding report bytes: encodings of Chinese official text, and what is refused."""

from __future__ import annotations

import codecs

import pytest
from kg.loaders.decode import decode_bytes
from kg.loaders.model import LoadError

# Real sentences from the seeds (short).
SENTENCES = [
    "东莞市市场监管局 2020 年工作总结和 2021 年工作计划",
    "全市7250家零售药店推送信息272.7万条，“哨兵”作用充分发挥。",
    "企业开办时间压缩至 1 个工作日。",
]


@pytest.mark.parametrize("text", SENTENCES)
@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: codecs.BOM_UTF8 + t.encode("utf-8"), "utf-8-sig"),
        (lambda t: t.encode("gb18030"), "gb18030"),
        (lambda t: t.encode("gbk"), "gb18030"),
        (lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"), "utf-16-le"),
        (lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"), "utf-16-be"),
    ],
)
def test_decodes_common_encodings(text: str, encode, expected: str) -> None:  # type: ignore[no-untyped-def]
    decoded = decode_bytes(encode(text), "x.txt")
    assert decoded.text == text
    assert decoded.encoding == expected


def test_utf16_without_bom_is_recognised() -> None:
    text = "2020年工作总结\n一、2020年工作总结\n(一) 聚焦抓好疫情联防联控。\n" * 3
    decoded = decode_bytes(text.encode("utf-16-le"), "x.txt")
    assert decoded.text == text and decoded.encoding == "utf-16-le"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t\r\n ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary"),
        (bytes(range(256)) * 4, "binary"),
        (b"\x00" * 64, "binary"),
        (b"\xef\xbb\xbf", "empty"),
    ],
)
def test_refuses_empty_and_binary(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as err:
        decode_bytes(data, "bad.txt")
    assert reason in err.value.reason
    assert str(err.value).startswith("bad.txt: ")


def test_truncated_utf16_is_an_error_not_a_crash() -> None:
    data = codecs.BOM_UTF16_LE + "市场监管".encode("utf-16-le") + b"\x00"
    with pytest.raises(LoadError) as err:
        decode_bytes(data, "cut.txt")
    assert "undecodable" in err.value.reason


def test_big5_traditional_text() -> None:
    text = (
        "臺北市市場監督管理局2020年工作總結\n一、2020年工作總結\n"
        "全面推動營商環境優化，企業開辦時間壓縮至一個工作日。\n二、2021年工作計劃\n"
        "持續深化商事制度改革，推進證照分離改革全覆蓋。"
    )
    decoded = decode_bytes(text.encode("big5"), "tw.txt")
    assert decoded.text == text and decoded.encoding.startswith("big5")
