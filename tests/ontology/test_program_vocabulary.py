"""ontology/programs.ttl: a well-formed SKOS scheme of programs the seed reports name."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from kg.ontology import PROGRAMS_TTL
from rdflib import RDF, RDFS, Graph, URIRef
from rdflib.namespace import SKOS

from kg.extract.textnorm import normalize_label
from kg.extract.vocabulary import PROGRAM_TYPES, RK, RKP, Program, programs_from_graph

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(PROGRAMS_TTL, format="turtle")


@pytest.fixture(scope="module")
def programs(graph: Graph) -> list[Program]:
    return programs_from_graph(graph)


def test_scheme_holds_every_program(graph: Graph, programs: list[Program]) -> None:
    scheme = RKP["scheme"]
    assert (scheme, RDF.type, SKOS.ConceptScheme) in graph
    for p in programs:
        assert (URIRef(p.iri), SKOS.inScheme, scheme) in graph, p.iri
        assert (URIRef(p.iri), RDF.type, RK.Program) in graph, p.iri


def test_at_least_80_programs(programs: list[Program]) -> None:
    assert len(programs) >= 80


def test_slugs_are_unique_ascii(programs: list[Program]) -> None:
    slugs = [p.iri.removeprefix(str(RKP)) for p in programs]
    assert all(p.iri.startswith(str(RKP)) for p in programs)
    assert all(SLUG.match(s) for s in slugs), [s for s in slugs if not SLUG.match(s)]
    assert len(set(slugs)) == len(slugs)


def test_every_program_has_labels_and_a_type(graph: Graph, programs: list[Program]) -> None:
    for p in programs:
        subject = URIRef(p.iri)
        zh = [o for o in graph.objects(subject, SKOS.prefLabel) if getattr(o, "language", None) == "zh"]
        en = [o for o in graph.objects(subject, RDFS.label) if getattr(o, "language", None) == "en"]
        assert len(zh) == 1 and len(en) == 1, p.iri
        assert p.program_type in PROGRAM_TYPES and p.program_type != "other", p.iri


def test_broader_targets_exist_and_form_no_cycle(programs: list[Program]) -> None:
    by_iri = {p.iri: p for p in programs}
    for p in programs:
        assert all(b in by_iri for b in p.broader), p.iri
    for p in programs:  # walk up from every program; meeting itself again is a cycle
        seen, todo = set(), list(p.broader)
        while todo:
            parent = todo.pop()
            assert parent != p.iri, f"cycle through {p.iri}"
            if parent not in seen:
                seen.add(parent)
                todo.extend(by_iri[parent].broader)


def test_labels_are_unique_across_programs(programs: list[Program]) -> None:
    owners = Counter()
    for p in programs:
        for key in {normalize_label(label) for label in p.labels}:
            owners[key] += 1
    assert [k for k, n in owners.items() if n > 1] == []


def test_the_reform_hierarchy_is_there(programs: list[Program]) -> None:
    by_iri = {p.iri: p for p in programs}
    assert by_iri[f"{RKP}separating-permits-from-licenses"].broader == (f"{RKP}commercial-system-reform",)
    assert by_iri[f"{RKP}commercial-system-reform"].broader == (f"{RKP}streamline-administration-reform",)


def test_at_least_80_programs_are_named_in_the_seeds(programs: list[Program], seed_paths: dict) -> None:
    """The vocabulary is grounded in the reports: most of its programs occur in the seeds."""
    corpus = "".join(normalize_label(p.read_text(encoding="utf-8")) for p in seed_paths.values())
    named = [p for p in programs if any(normalize_label(label) in corpus for label in p.labels)]
    assert len(named) >= 80
