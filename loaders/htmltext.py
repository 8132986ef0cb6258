"""The article of an HTML page as text: page furniture dropped, one line per block.

Government portals wrap a report in navigation, breadcrumbs, share bars and footers; the
article usually sits in a container marked by its class or id (``TRS_Editor`` of the TRS CMS
many portals use, ``article``, ``content`` …) with the headline in an ``<h1>`` above it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from kg.loaders.decode import DecodedText, decode_bytes
from kg.loaders.model import LoadError

if TYPE_CHECKING:
    from lxml.html import HtmlElement

_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.I)
_DROP_TAGS = ("script", "style", "noscript", "nav", "footer", "header", "aside", "form", "iframe",
              "select", "button", "svg", "template")
# class/id words of page furniture on government portals.
_BOILERPLATE = re.compile(
    r"nav|menu|footer|breadcrumb|sidebar|copyright|share|banner|toolbar|foot|crumb", re.I
)
# Containers that hold the article on most sites (TRS_Editor: the CMS of many government portals).
_CONTENT_HINT = re.compile(r"TRS_Editor|article|content|main|zoom|text|detail|正文", re.I)
_BLOCK_TAGS = {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul",
               "ol", "table", "tr", "blockquote", "pre", "br", "hr", "dd", "dt", "center", "body"}
_CELL_TAGS = {"td", "th"}
_HEADLINE_MAX = 80


def html_text(data: bytes, path: str) -> tuple[str, str]:
    """The article text of an HTML page and the encoding it was decoded from."""
    from lxml import etree, html  # imported here: only HTML inputs pay for lxml

    decoded = _decode_html(data, path)
    try:
        root = html.document_fromstring(decoded.text)
    except (etree.ParserError, ValueError) as exc:
        raise LoadError(path, f"unreadable HTML: {exc}") from exc
    for el in list(root.iter(*_DROP_TAGS)):
        _drop(el)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and el.tag not in ("body", "html") and _is_furniture(el):
            _drop(el)
    main = _main_content(root)
    parts: list[str] = []
    headline = _headline_outside(root, main)
    if headline:
        parts.append(headline + "\n")
    _collect(main, parts)
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", "".join(parts)).strip("\n")
    text = re.sub(r"(?m)^\t+", "", text)  # the gap before a row's first cell
    if not text.strip():
        raise LoadError(path, "HTML page has no text")
    return text, decoded.encoding


def _decode_html(data: bytes, path: str) -> DecodedText:
    m = _META_CHARSET.search(data[:4096])
    if m:
        name = m.group(1).decode("ascii").lower()
        name = "gb18030" if name in ("gbk", "gb2312") else name
        try:
            return DecodedText(data.decode(name), name)
        except (UnicodeDecodeError, LookupError):
            pass  # the declared charset lies; fall back to detection
    return decode_bytes(data, path)


def _marks(el: HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}"


def _is_furniture(el: HtmlElement) -> bool:
    """Navigation, footers, share bars … but never a wrapper that holds the article."""
    marks = _marks(el)
    if not _BOILERPLATE.search(marks) or _CONTENT_HINT.search(marks):
        return False
    return not any(
        isinstance(d.tag, str) and _CONTENT_HINT.search(_marks(d)) for d in el.iterdescendants()
    )


def _drop(el: HtmlElement) -> None:
    """Remove ``el`` but keep the text that follows it (its tail)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _main_content(root: HtmlElement) -> HtmlElement:
    """The <article>/<main> element or the largest content-hinted block, else <body>."""
    for tag in ("article", "main"):
        found = root.find(f".//{tag}")
        if found is not None and len(found.text_content().strip()) > 50:
            return found
    best, best_len = None, 0
    for el in root.iter("div", "td", "section"):
        if _CONTENT_HINT.search(_marks(el)):
            size = len(el.text_content().strip())
            if size > best_len:
                best, best_len = el, size
    body = root.find(".//body")
    body_len = len(body.text_content().strip()) if body is not None else 0
    if best is not None and best_len >= 0.3 * body_len:
        return best
    return body if body is not None else root


def _headline_outside(root: HtmlElement, main: HtmlElement) -> str | None:
    """The page's <h1> when the article container leaves it out (portals put it above)."""
    for h1 in root.iter("h1"):
        inside = any(anc is main for anc in h1.iterancestors())
        text = _soft(h1.text_content()).strip()
        if not inside and h1 is not main and text and len(text) <= _HEADLINE_MAX:
            return text
    return None


def _collect(el: HtmlElement, parts: list[str]) -> None:
    """Text of ``el`` with a line break around every block and a space between table cells."""
    tag = el.tag if isinstance(el.tag, str) else ""  # comments and processing instructions: no tag
    if tag in _BLOCK_TAGS:
        parts.append("\n")
    elif tag in _CELL_TAGS:
        parts.append("\t")  # a tab between cells marks the line as a table row
    if el.text and tag:
        parts.append(_soft(el.text))
    for child in el:
        _collect(child, parts)
        if child.tail:
            parts.append(_soft(child.tail))
    if tag in _BLOCK_TAGS:
        parts.append("\n")


def _soft(text: str) -> str:
    """Line breaks inside HTML text are layout, not content."""
    return text.replace("\r", "").replace("\n", "")
