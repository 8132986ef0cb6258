"""What the program vocabulary says about a program IRI: labels, type and broader programs.

The vocabulary stage (:func:`kg.extract.vocabulary.get_vocabulary`, programs.ttl plus the user
extension) is the authority; graphs describe vocabulary programs exactly as it does, whatever
the extractor saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class ProgramInfo:
    """The description of one program as the named graphs state it."""

    iri: str
    pref_label: str
    alt_labels: list[str] = field(default_factory=list)
    label_en: str | None = None
    program_type: str | None = None
    candidate: bool = False
    broader: list[str] = field(default_factory=list)


def current_vocabulary() -> Any | None:
    """The vocabulary stage's current vocabulary, or None when that stage is not installed.

    Getting it checks the extension file on disk, so a document's mapping asks once
    (:attr:`kg.rdf.builder.GraphBuilder.vocabulary`), not once per program.
    """
    try:
        from kg.extract.vocabulary import get_vocabulary
    except ImportError:  # no vocabulary stage installed: describe programs from the extraction
        return None
    return get_vocabulary()


def in_vocabulary(iri: str, vocabulary: Any | None) -> bool:
    """Whether ``vocabulary`` describes ``iri`` (candidates and unknown IRIs are not)."""
    return vocabulary is not None and vocabulary.get(iri) is not None


def program_info(iri: str, vocabulary: Any | None = None) -> ProgramInfo | None:
    """The description of ``iri`` in ``vocabulary`` (default: the current one), or None for
    candidates and unknown IRIs."""
    vocabulary = vocabulary if vocabulary is not None else current_vocabulary()
    program = vocabulary.get(iri) if vocabulary is not None else None
    if program is None:
        return None
    return ProgramInfo(
        iri=program.iri,
        pref_label=program.pref_label,
        alt_labels=list(program.alt_labels),
        label_en=program.label_en,
        program_type=program.program_type,
        candidate=program.candidate,
        broader=list(program.broader),
    )
