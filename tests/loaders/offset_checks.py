"""Checks shared by the loader tests: sentences agree with the text and map back to the original."""

from __future__ import annotations

import re

from kg.loaders.charclass import fold_width
from kg.loaders.model import Document
from kg.loaders.normalize import normalize

_SPACE = re.compile(r"\s+")
# Markdown emphasis and invisible characters (controls, zero-width spaces) are removed too.
_MARKDOWN = re.compile(r"\*\*|__|[\x00-\x08\x0e-\x1b\x7f\u200b-\u200d\u2060\ufeff]")


def original_without(original: str, dropped: list[tuple[int, int]], start: int, end: int) -> str:
    """``original[start:end]`` minus the dropped page artefacts inside it."""
    pieces: list[str] = []
    pos = start
    for d_start, d_end in sorted(dropped):
        if d_end <= pos or d_start >= end:
            continue
        pieces.append(original[pos:d_start])
        pos = max(pos, d_end)
    pieces.append(original[pos:end])
    return "".join(pieces)


_MARKDOWN_HEADING = re.compile(r"(^|\n)[^\S\n]*#{1,6}[ \t]+")


def squeeze(text: str, *, original: bool = False) -> str:
    """Whitespace, markdown and invisible characters removed, widths folded: what
    normalization may change. Markdown heading marks are removed from ``original`` text only:
    the loader drops them from the original's lines, and a sentence that looks like one after
    folding (``#\xa00`` → ``# 0``) kept its ``#``."""
    if original:
        text = _MARKDOWN_HEADING.sub(r"\1", text)
    return _SPACE.sub("", _MARKDOWN.sub("", fold_width(text)))


def assert_sentences_map_back(doc: Document) -> None:
    """Every sentence is its slice of the text, and its original span says the same thing."""
    dropped = normalize(doc.original_text).dropped
    assert len(doc.offsets) == len(doc.text) + 1
    for s in doc.sentences:
        assert s.text == doc.text[s.start : s.end]
        assert s.text.strip() == s.text and s.text
        assert (s.orig_start, s.orig_end) == doc.to_orig(s.start, s.end)
        orig = original_without(doc.original_text, dropped, s.orig_start, s.orig_end)
        if not doc.converted_from_traditional:
            assert squeeze(orig, original=True) == squeeze(s.text), (s.index, s.text, orig)
