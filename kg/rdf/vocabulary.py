"""What the program vocabulary says about a program IRI: labels, type and broader programs.

The vocabulary stage (:func:`kg.extract.vocabulary.get_vocabulary`, programs.ttl plus the user
extension) is the authority; graphs describe vocabulary programs exactly as it does, whatever
the extractor saw.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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


def program_info(iri: str) -> ProgramInfo | None:
    """The vocabulary's description of ``iri``, or None for candidates and unknown IRIs."""
    try:
        from kg.extract.vocabulary import get_vocabulary
    except ImportError:  # no vocabulary stage installed: describe programs from the extraction
        return None
    program = get_vocabulary().get(iri)
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
