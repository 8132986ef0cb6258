"""viz: interactive pyvis pages of the regkg graph.

Build a networkx graph from the store, then draw it::

    from kg.store import open_store
    from kg import viz

    store = open_store()
    graph = viz.neighbourhood(store, viz.resolve(store, "place", "东莞市"), depth=1)
    viz.render(graph, "dongguan.html")      # in Jupyter, `graph` alone displays inline

``subgraph_from_result`` draws any query result; ``whole_graph`` everything up to a node cap.
"""

from kg.viz.fetch import (
    DEFAULT_MAX_NODES,
    annotate,
    neighbourhood,
    resolve,
    subgraph_from_result,
    whole_graph,
)
from kg.viz.graph import GraphBuilder, VizGraph
from kg.viz.render import RenderedPage, inline_html, page_html, render

__all__ = [
    "DEFAULT_MAX_NODES",
    "GraphBuilder",
    "RenderedPage",
    "VizGraph",
    "annotate",
    "inline_html",
    "neighbourhood",
    "page_html",
    "render",
    "resolve",
    "subgraph_from_result",
    "whole_graph",
]
