"""Stable IRIs: the same input gives the same IRI on every run and machine (docs/schema.md).

Assertion IRIs hash the document's sha256, the kind and the kind's key fields joined with
``"|"``; key fields are rendered with :func:`_key_text` so ``None``/floats are stable too.
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

from rdflib import URIRef

from kg.datamodel import ASSERTION_CLASSES, EVIDENCE_CLASS
from kg.rdf.namespaces import RKD, RKP

# Kinds whose IRIs are rkd:<kind-lowercase>/<hash>: the assertions and their evidence.
ASSERTION_KINDS: tuple[str, ...] = (*ASSERTION_CLASSES, EVIDENCE_CLASS)


def doc_id(sha256: str) -> str:
    """The short document id: the first 16 hex of the sha256 of the original bytes."""
    return sha256[:16].lower()


def document_iri(sha256: str) -> URIRef:
    """``rkd:doc/<doc id>``; also the IRI of the document's named graph."""
    return RKD[f"doc/{doc_id(sha256)}"]


def place_iri(name: str, code: str | None, parent_code: str | None = None) -> URIRef:
    """``rkd:place/<code>``, or ``rkd:place/x/<parent code or cn>/<quoted name>`` without a code."""
    if code:
        return RKD[f"place/{code}"]
    return RKD[f"place/x/{parent_code or 'cn'}/{quote(name, safe='')}"]


def agency_iri(name: str) -> URIRef:
    """``rkd:agency/<quoted name>``, the name as the issuer form gives it."""
    return RKD[f"agency/{quote(name, safe='')}"]


def candidate_program_iri(normalized_label: str) -> URIRef:
    """``rkp:cand/<sha1 of the normalized label, 12 hex>`` for programs not in the vocabulary."""
    return RKP[f"cand/{hashlib.sha1(normalized_label.encode('utf-8')).hexdigest()[:12]}"]


def assertion_iri(doc_sha256: str, kind: str, *key: object) -> URIRef:
    """``rkd:<kind lower>/<first 16 hex of sha1(doc sha | kind | key fields)>``."""
    if kind not in ASSERTION_KINDS:
        raise ValueError(f"unknown assertion kind {kind!r}; expected one of {ASSERTION_KINDS}")
    material = "|".join([doc_sha256, kind, *(_key_text(k) for k in key)])
    digest = hashlib.sha1(material.encode("utf-8")).hexdigest()[:16]
    return RKD[f"{kind.lower()}/{digest}"]


def _key_text(value: object) -> str:
    """A run-independent text form of a key field (repr of floats is stable in Python 3)."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value)
    return str(value)
