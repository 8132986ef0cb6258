"""Stable IRIs: the same input gives the same IRI on every run and machine (docs/schema.md).

Assertion IRIs hash the document's sha256, the kind and the kind's key fields joined with
``"|"``; key fields are written so that ``None`` and floats are stable too.

Each IRI has two forms: the public helpers return rdflib ``URIRef``s; the ``*_text`` helpers
return the same IRI as a plain ``str``, which the mapping uses internally (a URIRef costs a
validity scan to build and compares in Python, and the mapping mints thousands per document).
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from kg.datamodel import ASSERTION_CLASSES, EVIDENCE_CLASS
from kg.rdf.namespaces import RKD

# Kinds whose IRIs are rkd:<kind-lowercase>/<hash>: the assertions and their evidence.
ASSERTION_KINDS: tuple[str, ...] = (*ASSERTION_CLASSES, EVIDENCE_CLASS)

_RKD = str(RKD)
_sha1 = hashlib.sha1
# rkd:<kind lower>/ of every assertion kind, formatted once
_ASSERTION_BASES: dict[str, str] = {kind: f"{_RKD}{kind.lower()}/" for kind in ASSERTION_KINDS}


def doc_id(sha256: str) -> str:
    """The short document id: the first 16 hex of the sha256 of the original bytes."""
    return sha256[:16].lower()


def document_iri(sha256: str) -> URIRef:
    """``rkd:doc/<doc id>``; also the IRI of the document's named graph."""
    return URIRef(document_iri_text(sha256))


def document_iri_text(sha256: str) -> str:
    """:func:`document_iri` as a plain ``str``."""
    return f"{_RKD}doc/{doc_id(sha256)}"


def place_iri(name: str, code: str | None, parent_code: str | None = None) -> URIRef:
    """``rkd:place/<code>``, or ``rkd:place/x/<parent code or cn>/<quoted name>`` without a code."""
    return URIRef(place_iri_text(name, code, parent_code))


def place_iri_text(name: str, code: str | None, parent_code: str | None = None) -> str:
    """:func:`place_iri` as a plain ``str``."""
    if code:
        return f"{_RKD}place/{code}"
    return f"{_RKD}place/x/{parent_code or 'cn'}/{quote(name, safe='')}"


def agency_iri(name: str) -> URIRef:
    """``rkd:agency/<quoted name>``, the name as the issuer form gives it."""
    return URIRef(agency_iri_text(name))


def agency_iri_text(name: str) -> str:
    """:func:`agency_iri` as a plain ``str``."""
    return f"{_RKD}agency/{quote(name, safe='')}"


def assertion_iri(doc_sha256: str, kind: str, *key: object) -> URIRef:
    """``rkd:<kind lower>/<first 16 hex of sha1(doc sha | kind | key fields)>``."""
    return URIRef(assertion_iri_text(doc_sha256, kind, *key))


def assertion_iri_text(doc_sha256: str, kind: str, *key: object) -> str:
    """:func:`assertion_iri` as a plain ``str``."""
    base = _ASSERTION_BASES.get(kind)
    if base is None:
        raise ValueError(f"unknown assertion kind {kind!r}; expected one of {ASSERTION_KINDS}")
    # Key fields as run-independent text: None is empty, floats by repr (stable in Python 3).
    # Written inline, text tested first: the mapping mints hundreds of these per document and
    # most key fields are text.
    fields = [
        k if type(k) is str else "" if k is None else repr(k) if isinstance(k, float) else str(k)
        for k in key
    ]
    material = "|".join([doc_sha256, kind, *fields])
    return base + _sha1(material.encode("utf-8")).hexdigest()[:16]


_EVIDENCE_BASE = _ASSERTION_BASES[EVIDENCE_CLASS]


def evidence_iri_text(doc_sha256: str, sentence_index: int, start: int, end: int, rule: str) -> str:
    """``assertion_iri_text(doc_sha256, "Evidence", sentence_index, start, end, rule)``.

    Half of a graph's nodes are evidence: its usual key (three ints and a str) is formatted
    by one f-string, which writes them as the general key does (``str``)."""
    if type(sentence_index) is int and type(start) is int and type(end) is int and type(rule) is str:
        material = f"{doc_sha256}|{EVIDENCE_CLASS}|{sentence_index}|{start}|{end}|{rule}"
        return _EVIDENCE_BASE + _sha1(material.encode("utf-8")).hexdigest()[:16]
    return assertion_iri_text(doc_sha256, EVIDENCE_CLASS, sentence_index, start, end, rule)
