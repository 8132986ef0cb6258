"""Physical lines: content spans of every non-blank line, whatever the line breaks."""

from __future__ import annotations

import pytest
from kg.loaders.lines import split_lines


@pytest.mark.parametrize(
    ("original", "expected"),
    [
        # (content, start, trailing whitespace before the break)
        ("一、总体要求\n\n  加强监管。 \r\n", [("一、总体要求", 0, False), ("加强监管。", 10, True)]),
        ("甲\r\n乙\u2028丙\x1c丁\x85戊",
         [("甲", 0, False), ("乙", 3, False), ("丙", 5, False), ("丁", 7, False), ("戊", 9, False)]),
        ("序号 \x1f\n", [("序号", 0, True)]),  # \x1f is whitespace but no line break
        ("a\x1fb\u3000\n", [("a\x1fb", 0, True)]),
        ("## 一、总体要求\n#标签", [("一、总体要求", 3, False), ("#标签", 10, False)]),
        ("\n \t\n\u3000", []),
    ],
)
def test_split_lines_spans(original: str, expected: list[tuple[str, int, bool]]) -> None:
    lines = split_lines(original)
    assert [(ln.text, ln.start, ln.trailing_space) for ln in lines] == expected
    assert all(original[ln.start : ln.end] == ln.text for ln in lines)
