"""Starting positions for large pages, so the browser's physics only has to tidy up.

vis-network's barnesHut costs about O(n log n) per iteration but with a large constant: from
random positions a 2,000-node page needs hundreds of iterations (tens of seconds in a headless
browser). The graphs here are hub-and-spoke (places, programs, agencies and documents with
many assertions around them), so a cheap layout gets close: hubs are placed by a spring layout
of the small hub graph, every other node next to the hubs it links, with a little spread.
"""

from __future__ import annotations

import math
import random

import networkx as nx

HUB_CLASSES = frozenset({"Place", "Program", "Agency", "Document"})
MAX_HUBS = 400  # networkx's spring layout is dense (quadratic): keep the hub graph small
HUB_SPACING = 70.0  # pixels per sqrt(hub) of the hub circle's radius
SPREAD = 45.0  # pixels: how far a spoke sits from the centre of its hubs


def hubs_of(graph: nx.MultiDiGraph) -> list[str]:
    """The hub nodes: entity classes and well-connected nodes, most connected first, at most MAX_HUBS."""
    simple = graph.to_undirected(as_view=True)
    candidates = [n for n in graph if graph.nodes[n].get("label") in HUB_CLASSES or simple.degree(n) >= 3]
    candidates.sort(key=lambda n: (-simple.degree(n), str(n)))
    return candidates[:MAX_HUBS]


def hub_positions(graph: nx.MultiDiGraph, hubs: list[str], seed: int) -> dict[str, tuple[float, float]]:
    """Hub positions from a spring layout of hubs linked directly or through a shared neighbour."""
    hub_set = set(hubs)
    hub_graph = nx.Graph()
    hub_graph.add_nodes_from(hubs)
    simple = graph.to_undirected(as_view=True)
    for node in graph:
        linked = [n for n in simple.neighbors(node) if n in hub_set]
        if node in hub_set:
            hub_graph.add_edges_from((node, other) for other in linked if other != node)
        else:
            hub_graph.add_edges_from((a, b) for i, a in enumerate(linked) for b in linked[i + 1 :] if a != b)
    if not hubs:
        return {}
    layout = nx.spring_layout(hub_graph, seed=seed, iterations=60)
    radius = HUB_SPACING * math.sqrt(len(hubs)) * 1.5
    return {node: (float(x) * radius, float(y) * radius) for node, (x, y) in layout.items()}


def initial_positions(graph: nx.MultiDiGraph, seed: int = 7) -> dict[str, tuple[float, float]]:
    """A position for every node: hubs by spring layout, the rest beside the nodes they link."""
    rng = random.Random(seed)
    positions = hub_positions(graph, hubs_of(graph), seed)
    simple = graph.to_undirected(as_view=True)
    pending = [n for n in graph if n not in positions]
    while pending:
        still: list[str] = []
        for node in pending:
            placed = [positions[n] for n in simple.neighbors(node) if n in positions]
            if not placed:
                still.append(node)
                continue
            angle, distance = rng.uniform(0, 2 * math.pi), SPREAD * math.sqrt(rng.uniform(0.2, 1.0))
            x = sum(p[0] for p in placed) / len(placed) + distance * math.cos(angle)
            y = sum(p[1] for p in placed) / len(placed) + distance * math.sin(angle)
            positions[node] = (x, y)
        if len(still) == len(pending):  # nothing more reachable from placed nodes: start a new island
            island = still.pop(0)
            extent = max((abs(c) for p in positions.values() for c in p), default=0.0)
            positions[island] = (extent + 4 * SPREAD, rng.uniform(-extent - 1, extent + 1))
        pending = still
    return positions
