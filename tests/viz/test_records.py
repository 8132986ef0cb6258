"""Reading result values of both stores (and raw driver values) into node/relationship records."""

from __future__ import annotations

from typing import Any

import pytest
from kg.viz.records import NodeRecord, RelRecord, iter_graph_values, iter_regkg_iris

PLACE = "https://w3id.org/regkg/id/place/441900"
PILOT = "https://w3id.org/regkg/id/pilot/p1"

STORE_NODE = {"_kind": "node", "_id": "0:1", "_label": "Place", "uri": PLACE, "label": "东莞市"}
STORE_REL = {"_kind": "relationship", "_id": "5:0", "_type": "hasPlace", "_start": "1:0", "_end": "0:1"}
LADYBUG_NODE = {"_ID": {"table": 0, "offset": 1}, "_LABEL": "Place", "uri": PLACE, "label": "东莞市",
                "what": None}
LADYBUG_REL = {"_ID": {"table": 5, "offset": 0}, "_LABEL": "hasPlace", "_SRC": {"table": 1, "offset": 0},
               "_DST": {"table": 0, "offset": 1}}


class FakeNeo4jNode:
    """Shaped like neo4j.graph.Node: labels, element_id, items()."""

    def __init__(self, element_id: str, labels: set[str], props: dict[str, Any]) -> None:
        self.element_id, self.labels, self._props = element_id, labels, props

    def items(self) -> Any:
        return self._props.items()


class FakeNeo4jRel:
    """Shaped like neo4j.graph.Relationship: type, start_node, end_node."""

    def __init__(self, element_id: str, rel_type: str, start: FakeNeo4jNode, end: FakeNeo4jNode) -> None:
        self.element_id, self.type, self.start_node, self.end_node = element_id, rel_type, start, end

    def items(self) -> Any:
        return {}.items()


def _summary(value: Any) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for item in iter_graph_values(value):
        if isinstance(item, NodeRecord):
            out.append(("node", item.key, item.node_class, item.uri or ""))
        else:
            assert isinstance(item, RelRecord)
            out.append(("rel", item.key, item.rel_type, item.source, item.target))
    return out


neo_place = FakeNeo4jNode("4:a:1", {"Resource", "Place"}, {"uri": PLACE, "label": "东莞市"})
neo_pilot = FakeNeo4jNode("4:a:2", {"Resource", "Pilot"}, {"uri": PILOT, "what": "试点"})


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (STORE_NODE, [("node", "0:1", "Place", PLACE)]),
        (STORE_REL, [("rel", "5:0", "hasPlace", "1:0", "0:1")]),
        ({"_kind": "path", "nodes": [STORE_NODE], "relationships": [STORE_REL]},
         [("node", "0:1", "Place", PLACE), ("rel", "5:0", "hasPlace", "1:0", "0:1")]),
        ([STORE_NODE, [STORE_NODE]], [("node", "0:1", "Place", PLACE)] * 2),
        (LADYBUG_NODE, [("node", "0:1", "Place", PLACE)]),
        (LADYBUG_REL, [("rel", "5:0", "hasPlace", "1:0", "0:1")]),
        ({"_NODES": [LADYBUG_NODE], "_RELS": [LADYBUG_REL]},
         [("node", "0:1", "Place", PLACE), ("rel", "5:0", "hasPlace", "1:0", "0:1")]),
        (neo_place, [("node", "4:a:1", "Place", PLACE)]),
        (FakeNeo4jRel("5:a:9", "hasPlace", neo_pilot, neo_place),
         [("rel", "5:a:9", "hasPlace", "4:a:2", "4:a:1")]),
        ("东莞市", []),
        (2020, []),
        (None, []),
        ({"jurisdiction": "东莞市"}, []),  # a map value that is not a graph value
    ],
)
def test_iter_graph_values(value: Any, expected: list[tuple[str, ...]]) -> None:
    assert _summary(value) == expected


def test_store_node_properties_drop_internals_and_nulls() -> None:
    record = next(iter_graph_values({**STORE_NODE, "code": None}))
    assert isinstance(record, NodeRecord)
    assert record.props == {"uri": PLACE, "label": "东莞市"}
    ladybug = next(iter_graph_values(LADYBUG_NODE))
    assert isinstance(ladybug, NodeRecord) and "what" not in ladybug.props and "_ID" not in ladybug.props


def test_neo4j_relationship_brings_its_end_nodes() -> None:
    rel = next(iter_graph_values(FakeNeo4jRel("5:a:9", "hasPlace", neo_pilot, neo_place)))
    assert isinstance(rel, RelRecord)
    assert [end.uri for end in rel.ends] == [PILOT, PLACE]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (PLACE, [PLACE]),
        ([PLACE, "东莞市", [PILOT]], [PLACE, PILOT]),
        ("https://example.org/place/1", []),
        ("东莞市", []),
        (441900, []),
    ],
)
def test_iter_regkg_iris(value: Any, expected: list[str]) -> None:
    assert list(iter_regkg_iris(value)) == expected
