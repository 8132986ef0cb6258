"""A hand-made Document and Extraction (short sentences of the kind the seeds contain)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from kg.loaders.model import Document, Jurisdiction
from rdflib import Graph

from kg.extract import model as x

OUTCOME_SENTENCE = "企业开办时间压缩至0.5个工作日。"
PILOT_SENTENCE = "在厚街镇开展“互联网+明厨亮灶”试点。"
TEXT = OUTCOME_SENTENCE + PILOT_SENTENCE


def evidence(sentence: str, index: int, rule: str) -> x.Evidence:
    start = TEXT.index(sentence)
    return x.Evidence(
        sentence=sentence,
        sentence_index=index,
        section_path="一、2020年工作总结 > （一）优化营商环境",
        start=start,
        end=start + len(sentence),
        orig_start=start,
        orig_end=start + len(sentence),
        rule=rule,
        confidence=0.9,
    )


def handmade_document(text: str = TEXT, jurisdiction: Jurisdiction | None = None) -> Document:
    return Document(
        path="/reports/dongguan-2020.txt",
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        original_text=text,
        text=text,
        offsets=list(range(len(text) + 1)),
        title="东莞市市场监管局2020年工作总结和2021年工作计划",
        issuer="东莞市市场监管局",
        jurisdiction=jurisdiction or Jurisdiction("东莞市", "prefecture", "广东省", "441900"),
        doc_type="annual_summary_and_plan",
        summary_year=2020,
        plan_year=2021,
    )


def handmade_extraction() -> x.Extraction:
    outcome_ev = evidence(OUTCOME_SENTENCE, 0, "outcome.compress_to")
    pilot_ev = evidence(PILOT_SENTENCE, 1, "pilot.carry_out")
    program = "https://w3id.org/regkg/id/program/cand/0123456789ab"
    return x.Extraction(
        programs=[
            x.ProgramMention(
                iri=program,
                label="互联网+明厨亮灶",
                alt_labels=["明厨亮灶"],
                surface=["互联网+明厨亮灶"],
                status="done",
                candidate=True,
                mentions=1,
                program_type="platform",
                evidence=[pilot_ev],
            )
        ],
        pilots=[
            x.Pilot(
                place="厚街",
                what="互联网+明厨亮灶",
                status="done",
                evidence=pilot_ev,
                place_ref=x.PlaceRef(
                    name="厚街镇", surface="厚街", level="township", code=None, parent_code="441900"
                ),
                program=program,
                year=2020,
            )
        ],
        claims=[x.NoveltyClaim(scope="national", what="互联网+明厨亮灶", evidence=pilot_ev)],
        outcomes=[
            x.Outcome(metric="企业开办时间", value=0.5, unit="个工作日", evidence=outcome_ev, year=2020)
        ],
        targets=[
            x.Target(metric="企业开办时间", evidence=outcome_ev, unit="个工作日", target=1, target_year=2025)
        ],
        policy_documents=[
            x.PolicyDocument(title="东莞市食品安全条例", policy_type="条例", evidence=outcome_ev)
        ],
        recognitions=[x.Recognition(what="全国质量强市示范城市", evidence=outcome_ev, recipient="东莞市")],
        agencies=[x.AgencyRef(name="东莞市市场监管局", level="municipal")],
    )


@pytest.fixture
def make_document() -> Callable[..., Document]:
    return handmade_document


@pytest.fixture
def make_extraction() -> Callable[[], x.Extraction]:
    return handmade_extraction


@pytest.fixture
def doc() -> Document:
    return handmade_document()


@pytest.fixture
def extraction() -> x.Extraction:
    return handmade_extraction()


@pytest.fixture(scope="session")
def seed_graphs(seeds_data_dir: Path) -> dict[str, Graph]:
    """The named graph of every seed report, as the session's seed ingest stored them (real
    loader and extractor, shared with the stores' tests through ``seeds_data_dir``)."""
    from kg.ingest import Manifest, iter_graphs

    names = {entry.graph: Path(entry.path).name for entry in Manifest.load(seeds_data_dir).documents.values()}
    return {names[str(graph.identifier)]: graph for graph in iter_graphs(seeds_data_dir)}
