"""Starting positions of large pages: every node placed, spokes beside their hubs, fast."""

from __future__ import annotations

import math
import time

from kg.viz.graph import VizGraph
from kg.viz.layout import SPREAD, hubs_of, initial_positions


def hub_and_spokes(places: int, spokes: int) -> VizGraph:
    graph = VizGraph()
    for p in range(places):
        graph.add_node(f"place{p}", label="Place")
        for s in range(spokes):
            graph.add_node(f"impl{p}-{s}", label="Implementation")
            graph.add_edge(f"impl{p}-{s}", f"place{p}", type="hasPlace")
    graph.add_node("lonely", label="Evidence")
    return graph


def test_every_node_gets_a_position_and_spokes_sit_by_their_hub() -> None:
    graph = hub_and_spokes(10, 8)
    positions = initial_positions(graph)
    assert set(positions) == set(graph.nodes)
    for p in range(10):
        hub = positions[f"place{p}"]
        for s in range(8):
            spoke = positions[f"impl{p}-{s}"]
            assert math.dist(hub, spoke) <= SPREAD + 1e-6


def test_hubs_are_entities_and_well_connected_nodes() -> None:
    graph = hub_and_spokes(3, 2)
    assert set(hubs_of(graph)) == {"place0", "place1", "place2"}


def test_layout_is_deterministic_and_fast_for_two_thousand_nodes() -> None:
    graph = hub_and_spokes(100, 19)
    started = time.perf_counter()
    first = initial_positions(graph)
    assert time.perf_counter() - started < 10
    assert first == initial_positions(graph)
    assert len({(round(x), round(y)) for x, y in first.values()}) > 1500  # spread out, not stacked
