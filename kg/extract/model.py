"""Typed records the extraction stage produces, one list per kind, each with its Evidence.

These are the contract between extraction (``kg.extract``), the RDF mapping (``kg.rdf``)
and ``kg extract --json`` (whose keys follow ``../shared/gold/README.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from kg.loaders.model import Document

Status = Literal["done", "ongoing", "planned"]
Scope = Literal["national", "provincial", "municipal", "unspecified"]


@dataclass(frozen=True)
class Evidence:
    """The sentence an assertion comes from, and how it was found."""

    sentence: str
    sentence_index: int
    section_path: str  # headings joined by " > "
    start: int  # span of the matched text in the normalized document text
    end: int
    orig_start: int  # the same span in the original text
    orig_end: int
    rule: str  # id of the extraction rule, e.g. "claim.national_first"
    confidence: float = 0.8

    @classmethod
    def of_span(
        cls,
        doc: Document,
        start: int,
        end: int,
        *,
        sentence: str,
        sentence_index: int,
        section_path: str,
        rule: str,
        confidence: float,
    ) -> Evidence:
        """Evidence for the normalized-text span [start, end) of ``doc``, mapped to the original text."""
        orig_start, orig_end = doc.to_orig(start, end)
        if not _EVIDENCE_HAS_DICT:  # compiled by mypyc: a native class, whose __init__ is C code
            return cls(
                sentence, sentence_index, section_path, start, end, orig_start, orig_end, rule, confidence
            )
        # Filled in through __dict__: the frozen __init__ sets each of the nine fields through
        # object.__setattr__ (2.7 against 1.0 us), and a document has a few hundred evidences.
        # Same fields, equality and hash as cls(...) (tests/extract/test_evidence_record.py).
        evidence = object.__new__(cls)
        evidence.__dict__.update(
            sentence=sentence,
            sentence_index=sentence_index,
            section_path=section_path,
            start=start,
            end=end,
            orig_start=orig_start,
            orig_end=orig_end,
            rule=rule,
            confidence=confidence,
        )
        return evidence


# False when mypyc compiled this module: its instances have no __dict__ to fill.
_EVIDENCE_HAS_DICT = Evidence.__dictoffset__ != 0


@dataclass(frozen=True)
class PlaceRef:
    """A place named in the text, resolved to the administrative divisions where possible."""

    name: str  # as resolved, e.g. 东莞市 or 厚街镇
    surface: str  # as written, e.g. 厚街
    level: str | None
    code: str | None
    parent_code: str | None = None
    province: str | None = None
    iri: str | None = None


@dataclass
class ProgramMention:
    """One program of the document, all its mentions folded together."""

    iri: str
    label: str  # zh prefLabel (vocabulary) or the candidate's name
    alt_labels: list[str]
    surface: list[str]  # forms as they occur in this document
    status: Status
    candidate: bool
    mentions: int
    program_type: str | None = None
    label_en: str | None = None
    broader: list[str] = field(default_factory=list)  # IRIs
    first_year: int | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Pilot:
    place: str
    what: str
    status: Status
    evidence: Evidence
    place_ref: PlaceRef | None = None
    program: str | None = None  # program IRI
    level: str = "unspecified"  # national | provincial | municipal | unspecified
    year: int | None = None


@dataclass
class NoveltyClaim:
    scope: Scope
    what: str
    evidence: Evidence
    program: str | None = None
    place: str | None = None
    place_ref: PlaceRef | None = None
    year: int | None = None


@dataclass
class Outcome:
    metric: str
    value: float
    unit: str
    evidence: Evidence
    value_text: str = ""
    base_value: float | None = None  # in base units: 22.7万户 -> 227000 户
    base_unit: str | None = None
    year: int | None = None
    change: str | None = None  # 同比增长 / 下降 ...
    rank: str | None = None  # 全省第1 ...
    program: str | None = None
    place: str | None = None


@dataclass
class Target:
    metric: str
    evidence: Evidence
    unit: str | None = None
    baseline: float | None = None
    baseline_year: int | None = None
    target: float | None = None
    target_year: int | None = None
    binding: bool | None = None
    program: str | None = None


@dataclass
class PolicyDocument:
    title: str  # without 《》
    policy_type: str  # 条例/办法/方案/意见/规划/指引/标准/其他
    evidence: Evidence
    publisher: str | None = None


@dataclass
class Recognition:
    what: str
    evidence: Evidence
    recipient: str | None = None
    year: int | None = None


@dataclass
class AgencyRef:
    name: str
    level: str | None = None  # national | provincial | municipal | district | other
    evidence: Evidence | None = None


@dataclass
class Extraction:
    """Everything extracted from one Document."""

    programs: list[ProgramMention] = field(default_factory=list)
    pilots: list[Pilot] = field(default_factory=list)
    claims: list[NoveltyClaim] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    policy_documents: list[PolicyDocument] = field(default_factory=list)
    recognitions: list[Recognition] = field(default_factory=list)
    agencies: list[AgencyRef] = field(default_factory=list)
    places: list[PlaceRef] = field(default_factory=list)
