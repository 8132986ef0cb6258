"""The words on a page: node names, types, years and tooltips, always HTML-escaped.

Every string that comes from a document (names, evidence sentences, titles) passes through
:func:`escape` before it goes into a tooltip, because the page turns tooltips into DOM
elements with ``innerHTML``: a report containing ``<script>`` must stay text. Node labels
are drawn on the canvas as plain text (vis-network ``fillText``, never parsed as HTML), are
embedded in the page as JSON with ``<``, ``>`` and ``&`` escaped, and reach the DOM only
through ``.value``/``.textContent``; so they are kept as written rather than entity-encoded.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import unquote

# Data properties (docs/schema.md) that name a node, best first.
NAME_PROPERTIES = ("prefLabel", "label", "title", "name", "metric", "what", "altLabel", "text")
# Properties that say what kind of thing a node is within its class.
TYPE_PROPERTIES = (
    "programType", "policyType", "level", "scope", "pilotLevel", "agencyLevel", "docType", "status",
)
YEAR_PROPERTIES = ("year", "summaryYear", "planYear", "baselineYear", "targetYear")
# Properties worth a tooltip line besides name, type and years, in display order.
DETAIL_PROPERTIES = (
    "label_en", "code", "altLabel", "valueText", "value", "unit", "change", "rank", "baseline",
    "target", "binding", "mentions", "sectionPath", "rule", "confidence", "path",
)
MAX_LABEL_CHARS = 18
MAX_TOOLTIP_SENTENCES = 5


def escape(text: Any) -> str:
    """HTML-escape any value for the DOM (quotes too, so it is safe inside attributes)."""
    return html.escape(str(text), quote=True)


def display_name(props: Mapping[str, Any], node_class: str) -> str:
    """The name a person would use for a node: its label-like property, else its IRI tail."""
    for key in NAME_PROPERTIES:
        value = props.get(key)
        if isinstance(value, list):
            value = value[0] if value else None
        if value not in (None, ""):
            return str(value)
    uri = str(props.get("uri") or "")
    tail = uri.rstrip("/").rsplit("/", 1)[-1]
    return unquote(tail) if tail else node_class


def has_own_name(props: Mapping[str, Any]) -> bool:
    """Whether a node carries a name-like property (an Implementation has none of its own)."""
    return any(props.get(key) not in (None, "", []) for key in NAME_PROPERTIES)


def node_type(props: Mapping[str, Any]) -> str | None:
    """The within-class kind of a node (programType, level, scope, …) if it has one."""
    for key in TYPE_PROPERTIES:
        value = props.get(key)
        if value not in (None, ""):
            return str(value)
    return None


def node_years(props: Mapping[str, Any]) -> list[int]:
    """All years a node carries, sorted and without repeats."""
    years: set[int] = set()
    for key in YEAR_PROPERTIES:
        value = props.get(key)
        for item in value if isinstance(value, list) else [value]:
            try:
                years.add(int(item))
            except (TypeError, ValueError):
                continue
    return sorted(years)


def short_label(name: str, limit: int = MAX_LABEL_CHARS) -> str:
    """A canvas label short enough not to bury its neighbours; the tooltip has the rest."""
    return name if len(name) <= limit else name[: limit - 1] + "…"


def tooltip_html(
    node_class: str,
    name: str,
    props: Mapping[str, Any],
    evidence: Iterable[str] = (),
) -> str:
    """The tooltip of one node as an HTML fragment in which every value is escaped."""
    lines = [f"<b>{escape(name)}</b>", f"<i>{escape(node_class)}</i>"]
    kind = node_type(props)
    if kind:
        lines.append(f"type: {escape(kind)}")
    years = node_years(props)
    if years:
        lines.append("year: " + escape(", ".join(str(y) for y in years)))
    for key in DETAIL_PROPERTIES:
        value = props.get(key)
        if value in (None, "", []):
            continue
        shown = "、".join(str(v) for v in value) if isinstance(value, list) else value
        lines.append(f"{escape(key)}: {escape(shown)}")
    sentences = list(evidence)
    for sentence in sentences[:MAX_TOOLTIP_SENTENCES]:
        lines.append(f"<q>{escape(sentence)}</q>")
    if len(sentences) > MAX_TOOLTIP_SENTENCES:
        lines.append(f"… {len(sentences) - MAX_TOOLTIP_SENTENCES} more sentences")
    if props.get("uri"):
        lines.append(f"<small>{escape(props['uri'])}</small>")
    return "<br>".join(lines)
