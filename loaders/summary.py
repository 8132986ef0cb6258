"""A Document described as plain data: what ``kg inspect --json`` prints, one object per file."""

from __future__ import annotations

from typing import Any

from kg.loaders.model import Document, Section


def document_summary(doc: Document) -> dict[str, Any]:
    """Metadata, section outline and counts of ``doc`` (JSON-serialisable)."""
    j = doc.jurisdiction
    return {
        "path": doc.path,
        "sha256": doc.sha256,
        "title": doc.title,
        "issuer": doc.issuer,
        "jurisdiction": {
            "name": j.name if j else None,
            "level": j.level if j else None,
            "province": j.province if j else None,
            "code": j.code if j else None,
            "anonymized": j.anonymized if j else False,
        },
        "doc_type": doc.doc_type,
        "years": {
            "summary": doc.summary_year,
            "plan": doc.plan_year,
            "period_start": doc.period_start,
            "period_end": doc.period_end,
        },
        "sections": section_tree(doc),
        "n_sections": len(doc.sections),
        "n_sentences": len(doc.sentences),
        "n_chars": len(doc.text),
        "encoding": doc.encoding,
        "source_format": doc.source_format,
        "converted_from_traditional": doc.converted_from_traditional,
    }


def section_tree(doc: Document, max_depth: int | None = None) -> list[dict[str, Any]]:
    """The top-level sections with their children nested, down to ``max_depth``."""
    return [_node(doc, s, max_depth) for s in doc.sections if s.parent is None]


def _node(doc: Document, sec: Section, max_depth: int | None) -> dict[str, Any]:
    children = [] if max_depth is not None and sec.depth >= max_depth else sec.children
    return {
        "heading": sec.heading,
        "marker": sec.marker,
        "depth": sec.depth,
        "kind": sec.kind,
        "year": sec.year,
        "start": sec.start,
        "end": sec.end,
        "children": [_node(doc, doc.sections[i], max_depth) for i in children],
    }
