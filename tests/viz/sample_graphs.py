"""Property graphs for the viz tests, built into real embedded stores by ``conftest.py``.

The sample graph follows docs/schema.md (labels, ``has<Name>`` relationship types) with short
real sentences from the seed reports as evidence, plus one document sentence carrying script
payloads, so every test that draws it also checks that document text stays inert.
"""

from __future__ import annotations

from kg.store.records import ColumnType, Node, NodeTable, PropertyGraph, Relationship, RelTable

D = "https://w3id.org/regkg/id/"
P = "https://w3id.org/regkg/id/program/"
DONGGUAN = D + "place/441900"
ZHONGSHAN = D + "place/442000"
GUANGDONG = D + "place/440000"
SHANGSHI = P + "commercial-registration-reform"
ZHENGZHAO = P + "separating-permits-from-licences"
# Payloads that would retitle the page or add a DOM marker if document text were ever parsed as HTML.
PAYLOAD_SCRIPT = "<script>document.title='PWNED';document.body.setAttribute('data-pwned','1')</script>"
PAYLOAD_IMG = "<img src=x onerror=\"document.title='PWNED';document.body.setAttribute('data-pwned','1')\">"
PAYLOAD_WHAT = f"{PAYLOAD_IMG}口罩及装备行业协会{PAYLOAD_SCRIPT}"

INT = ColumnType("INT64")
TEXT = ColumnType()
TEXTS = ColumnType(is_list=True)
COLUMNS: dict[str, dict[str, ColumnType]] = {
    "Place": {"label": TEXT, "code": TEXT, "level": TEXT},
    "Program": {"prefLabel": TEXT, "altLabel": TEXTS, "label_en": TEXT, "programType": TEXT},
    "Agency": {"prefLabel": TEXT, "agencyLevel": TEXT},
    "Document": {"title": TEXT, "sha256": TEXT, "path": TEXT, "docType": TEXT, "summaryYear": INT,
                 "planYear": INT, "sourceFormat": TEXT},
    "Implementation": {"status": TEXT, "year": INT, "mentions": INT},
    "Pilot": {"what": TEXT, "status": TEXT, "year": INT, "pilotLevel": TEXT},
    "NoveltyClaim": {"scope": TEXT, "what": TEXT, "year": INT},
    "Evidence": {"text": TEXT, "sectionPath": TEXT, "rule": TEXT},
}


class GraphSpec:
    """A property graph under construction: nodes by label, relationships by type."""

    def __init__(self) -> None:
        self.graph = PropertyGraph()
        self.labels: dict[str, str] = {}

    def node(self, node_label: str, uri: str, /, **properties: object) -> str:
        table = self.graph.node_tables.setdefault(
            node_label, NodeTable(node_label, dict(COLUMNS.get(node_label, {})))
        )
        table.nodes.append(Node(uri, node_label, dict(properties)))
        self.labels[uri] = node_label
        return uri

    def link(self, rel_type: str, start: str, end: str) -> None:
        rel = Relationship(rel_type, start, end, self.labels[start], self.labels[end])
        table = self.graph.rel_tables.setdefault(rel_type, RelTable(rel_type))
        table.pairs.add((rel.start_label, rel.end_label))
        table.relationships.append(rel)

    def assertion(self, label: str, uri: str, place: str, program: str | None, sentence: str,
                  document: str, **properties: object) -> str:
        """An assertion node with its place, program and evidence sentence in ``document``."""
        self.node(label, uri, **properties)
        self.link("hasPlace", uri, place)
        if program:
            self.link("hasProgram", uri, program)
        evidence = self.node("Evidence", uri.replace(f"/{label.lower()}/", "/evidence/"), text=sentence,
                             sectionPath="一、2020年工作总结", rule="test")
        self.link("hasEvidence", uri, evidence)
        self.link("hasDocument", evidence, document)
        return uri


def sample_graph() -> PropertyGraph:
    """Three places, two programs, two reports and the assertions linking them."""
    spec = GraphSpec()
    spec.node("Place", GUANGDONG, label="广东省", code="440000", level="province")
    spec.node("Place", DONGGUAN, label="东莞市", code="441900", level="prefecture")
    spec.node("Place", ZHONGSHAN, label="中山市", code="442000", level="prefecture")
    spec.link("within", DONGGUAN, GUANGDONG)
    spec.link("within", ZHONGSHAN, GUANGDONG)
    spec.node("Program", SHANGSHI, prefLabel="商事制度改革", altLabel=["商事登记制度改革"],
              label_en="commercial registration reform", programType="reform")
    spec.node("Program", ZHENGZHAO, prefLabel="证照分离", altLabel=["“证照分离”改革"],
              label_en="separating permits from licences", programType="reform")
    spec.node("Agency", D + "agency/dg", prefLabel="东莞市市场监管局", agencyLevel="municipal")
    dg_doc = spec.node("Document", D + "doc/0000000000000000", title="东莞市市场监督管理局2020年工作总结",
                       summaryYear=2020, planYear=2021, docType="summary+plan")
    zs_doc = spec.node("Document", D + "doc/1111111111111111", title="中山市市场监管局2020年工作总结",
                       summaryYear=2020, docType="summary+plan")
    spec.link("jurisdiction", dg_doc, DONGGUAN)
    spec.link("jurisdiction", zs_doc, ZHONGSHAN)
    spec.link("publisher", dg_doc, D + "agency/dg")
    impl = spec.assertion("Implementation", D + "implementation/a1", DONGGUAN, SHANGSHI,
                          "东莞“深化商事制度改革”获评全国首批法治政府建设示范项目。", dg_doc,
                          status="done", year=2020, mentions=3)
    spec.link("agent", impl, D + "agency/dg")
    spec.assertion("Implementation", D + "implementation/a2", ZHONGSHAN, ZHENGZHAO,
                   "推进“证照分离”改革全覆盖试点工作,4万户市场主体享受改革红利。", zs_doc,
                   status="done", year=2020, mentions=1)
    spec.assertion("Pilot", D + "pilot/p1", ZHONGSHAN, ZHENGZHAO,
                   "推进“证照分离”改革全覆盖试点工作。", zs_doc,
                   what="“证照分离”改革全覆盖试点", status="done", year=2020, pilotLevel="national")
    spec.assertion("NoveltyClaim", D + "noveltyclaim/c1", DONGGUAN, None,
                   f"在万江推动成立全国首个{PAYLOAD_WHAT}。", dg_doc,
                   scope="national", what=PAYLOAD_WHAT, year=2020)
    return spec.graph


def synthetic_graph(places: int, assertions_per_place: int) -> PropertyGraph:
    """A large graph shaped like the real one: places with many implementations of few programs."""
    spec = GraphSpec()
    doc = spec.node("Document", D + "doc/synthetic", title="synthetic report", summaryYear=2020)
    programs = [spec.node("Program", P + f"p{i}", prefLabel=f"改革{i}") for i in range(20)]
    for p in range(places):
        place = spec.node("Place", D + f"place/x/cn/{p}", label=f"地方{p}", level="township")
        for a in range(assertions_per_place):
            spec.assertion("Implementation", D + f"implementation/{p}-{a}", place, programs[(p + a) % 20],
                           f"地方{p}推进改革{(p + a) % 20}。", doc, status="done", year=2020)
    return spec.graph
