"""Turn the bytes of a plain-text report into text, whatever encoding the bureau saved it in.

Chinese official text arrives as UTF-8 (with or without BOM), GB18030/GBK or UTF-16.
Order of trust: a BOM, then a strict UTF-8 decode (UTF-8 almost never decodes by
accident), then UTF-16 without BOM (recognised by its NUL-byte pattern), then
charset-normalizer's guess, then GB18030 as the last resort for Chinese text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from kg.loaders.model import LoadError

# BOMs in the order they must be tested (UTF-32 LE starts with the UTF-16 LE BOM).
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls other than tab, newline, carriage return, form feed: their presence means binary.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Above this share of control characters a decoded text is treated as binary garbage.
_MAX_CONTROL_SHARE = 0.01
# Encodings charset-normalizer may propose that we accept for Chinese documents.
_CHINESE_ENCODINGS = {"gb18030", "gbk", "gb2312", "big5", "big5hkscs", "hz", "utf_8", "utf-8", "ascii"}


@dataclass(frozen=True)
class DecodedText:
    """Decoded text and the encoding that produced it."""

    text: str
    encoding: str


def decode_bytes(data: bytes, path: str) -> DecodedText:
    """Decode report bytes; raise LoadError when they are empty, binary or undecodable."""
    if not data.strip():
        raise LoadError(path, "empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(_strict(data[len(bom) :], encoding.replace("-sig", ""), path), encoding, path)
    if b"\x00" in data:
        # Text never holds NUL bytes, except UTF-16 (where ASCII characters carry one).
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            raise LoadError(path, "binary content (NUL bytes)")
        return _checked(_strict(data, utf16, path), utf16, path)
    try:
        return _checked(data.decode("utf-8"), "utf-8", path)
    except UnicodeDecodeError:
        pass
    text, encoding = _guess(data, path)
    return _checked(text, encoding, path)


def _strict(data: bytes, encoding: str, path: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise LoadError(path, f"undecodable as {encoding} (byte {exc.start})") from exc


def _utf16_without_bom(data: bytes) -> str | None:
    """Recognise BOM-less UTF-16 by NUL bytes falling on one parity, as ASCII does in UTF-16."""
    if len(data) < 4 or len(data) % 2:
        return None
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    half = len(data) // 2
    # Chinese text in UTF-16 has few NULs; ASCII newlines/digits give one-sided NULs.
    if odd_nuls > max(2 * even_nuls, half // 20):
        return "utf-16-le"
    if even_nuls > max(2 * odd_nuls, half // 20):
        return "utf-16-be"
    return None


def _guess_name(data: bytes) -> str:
    # Imported here: most reports are UTF-8 and never need it (it costs ~25 ms to import).
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    name = best.encoding if best is not None else "gb18030"
    # GBK and GB2312 are subsets of GB18030: decoding with the superset never loses characters.
    return "gb18030" if name in {"gbk", "gb2312", "cp936"} else name


def _guess(data: bytes, path: str) -> tuple[str, str]:
    name = _guess_name(data)
    if name not in _CHINESE_ENCODINGS:
        # charset-normalizer sometimes proposes a Cyrillic or Latin code page for short Chinese
        # texts; a strict GB18030 decode that succeeds is the likelier truth for our documents.
        try:
            return data.decode("gb18030"), "gb18030"
        except UnicodeDecodeError:
            pass
    return _strict(data, name, path), name


def _checked(text: str, encoding: str, path: str) -> DecodedText:
    """Refuse texts that decoded but are evidently binary (many control characters)."""
    if "\x00" in text:
        raise LoadError(path, "binary content (NUL characters)")
    controls = len(_CONTROL_CHARS.findall(text))
    if controls and controls >= len(text) * _MAX_CONTROL_SHARE:
        raise LoadError(path, f"binary content ({controls} control characters)")
    if not text.strip():
        raise LoadError(path, "empty file")
    return DecodedText(text=text, encoding=encoding)
