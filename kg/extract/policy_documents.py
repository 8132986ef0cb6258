"""Policy documents cited in 《…》, typed by their title's suffix."""

from __future__ import annotations

import re

from kg.extract.context import SentenceContext
from kg.extract.model import PolicyDocument
from kg.extract.rules.documents import POLICY_TYPES

_TITLE = re.compile(r"《(?P<title>[^《》]{2,80})》")
_EDITION = re.compile(r"[（(][^（）()]*[)）]$")


def policy_type(title: str) -> str:
    """条例/办法/方案/意见/规划/指引/标准, or 其他, from the end of the title."""
    core = _EDITION.sub("", title).strip()
    for suffix, kind in POLICY_TYPES:
        if core.endswith(suffix):
            return kind
    return "其他"


def extract_policy_documents(ctx: SentenceContext) -> list[PolicyDocument]:
    """Every 《title》 of the sentence (line breaks inside a title are dropped)."""
    docs: list[PolicyDocument] = []
    for m in _TITLE.finditer(ctx.text):
        title = re.sub(r"\s+", "", m["title"])
        publisher = next(
            (p.ref.name for p in ctx.places if p.start < 2 + m.start("title") <= p.end + 1), None
        )
        docs.append(
            PolicyDocument(
                title=title,
                policy_type=policy_type(title),
                evidence=ctx.evidence(m.start(), m.end(), "policy.title", 0.9),
                publisher=publisher,
            )
        )
    return docs
