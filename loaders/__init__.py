"""Read report files (txt, html, pdf, docx) into normalized, segmented Documents.

Public API::

    from kg.loaders import load, load_bytes, load_text, iter_documents, LoadError, Skipped
    doc = load("report.txt")          # Document: text, offsets, sections, sentences, metadata
    from kg.loaders.divisions import gazetteer
    gazetteer().resolve("东莞")        # Division(name='东莞市', level='prefecture', code='441900', ...)
"""

from kg.loaders.api import iter_documents, load, load_bytes, load_text
from kg.loaders.model import Document, Jurisdiction, LoadError, Section, Sentence, Skipped

__all__ = [
    "Document",
    "Jurisdiction",
    "LoadError",
    "Section",
    "Sentence",
    "Skipped",
    "iter_documents",
    "load",
    "load_bytes",
    "load_text",
]
