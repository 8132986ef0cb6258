"""The shipped vocabulary holds national/provincial reforms; local ones live in extension files.

docs/examples/vocabulary-dongguan.ttl is the README's example of a per-jurisdiction extension.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from kg.loaders import load_text

from kg.extract.programs import extract_programs
from kg.extract.vocabulary import RKP, ProgramVocabulary, read_vocabulary

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "vocabulary-dongguan.ttl"


@pytest.fixture(scope="module")
def shipped() -> ProgramVocabulary:
    return read_vocabulary()


@pytest.fixture(scope="module")
def extended() -> ProgramVocabulary:
    return read_vocabulary(extra=EXAMPLE)


@pytest.mark.parametrize(
    ("label", "slug", "broader"),
    [
        ("跨省通办", "trans-provincial-services", "streamline-administration-reform"),
        ("好差评", "government-service-rating", "streamline-administration-reform"),
        ("信用修复", "credit-repair", "credit-regulation"),
        ("容缺受理", "acceptance-with-pending-documents", "administrative-approval-reform"),
        ("一窗受理", "single-window-acceptance", "administrative-approval-reform"),
        ("审批改为备案", "permit-to-filing", "separating-permits-from-licenses"),
        ("两法衔接", "administrative-criminal-linkage", None),
        ("证照联办", "joint-license-permit-application", "commercial-system-reform"),
        ("知识产权强市", "ip-power-city", "ip-power-nation"),
        ("质量强省", "quality-province-strategy", "quality-power-strategy"),
    ],
)
def test_national_reforms_and_their_broader_program(
    shipped: ProgramVocabulary, label: str, slug: str, broader: str | None
) -> None:
    program = shipped.lookup(label)
    assert program is not None and program.iri == str(RKP[slug]), (label, program)
    assert program.label_en
    assert list(program.broader) == ([str(RKP[broader])] if broader else [])


def test_license_and_permit_programs_are_not_merged(shipped: ProgramVocabulary) -> None:
    same_time = shipped.lookup("证照同办")
    joint = shipped.lookup("证照联办")
    assert same_time is not None and joint is not None and same_time.iri != joint.iri


def test_local_programs_are_only_in_the_extension(
    shipped: ProgramVocabulary, extended: ProgramVocabulary
) -> None:
    for label in ("品牌东莞工程", "东莞制造业质量变革战略", "质量变革战略", "银政通"):
        assert shipped.lookup(label) is None, label
        assert extended.lookup(label) is not None, label


def test_extension_programs_roll_up_to_shipped_ones(extended: ProgramVocabulary) -> None:
    for program in extended:
        for broader in program.broader:
            assert extended.get(broader) is not None, (program.iri, broader)
    brand = extended.lookup("品牌东莞工程")
    assert brand is not None and str(RKP["trademark-brand-strategy"]) in extended.broader_closure(brand.iri)


def test_a_local_program_is_a_candidate_without_the_extension_and_a_concept_with_it(
    shipped: ProgramVocabulary, extended: ProgramVocabulary
) -> None:
    doc = load_text("建立质量变革战略工作机制，设立镇街质量工作专项资金。")
    plain = {m.label: m for m in extract_programs(doc, shipped)}
    local = {m.label: m for m in extract_programs(doc, extended)}
    assert "质量变革战略工作机制" in plain and plain["质量变革战略工作机制"].candidate
    assert any(m.iri == str(RKP["dongguan-quality-transformation-strategy"]) for m in local.values()), local
