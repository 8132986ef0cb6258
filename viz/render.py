"""Drawing a :class:`~kg.viz.graph.VizGraph` as a self-contained pyvis/vis-network HTML page.

pyvis builds the node/edge data and options; the page template is our own (``templates/``)
because pyvis's template always links Bootstrap from a CDN and its select/filter menus need
tom-select from a CDN. vis-network's JS and CSS are inlined from pyvis's bundled copy, so a
page works offline from ``file://``.
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

import jinja2
import pyvis
from kg.viz.graph import VizGraph, drawn_name
from kg.viz.layout import initial_positions
from kg.viz.style import legend_entries, style_for
from kg.viz.text import short_label, tooltip_html
from pyvis.network import Network

TEMPLATES = Path(__file__).parent / "templates"
VIS_DIR = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2"
SHAPE_GLYPHS = {
    "dot": "●", "diamond": "◆", "triangle": "▲", "square": "■", "star": "★",
    "triangleDown": "▼", "hexagon": "⬢", "box": "▬",
}  # fmt: skip
# Above these sizes the page drops the costly niceties (edge labels, curved edges, KK pre-layout).
LARGE_GRAPH_NODES = 300
LARGE_GRAPH_ITERATIONS = 50
EDGE_LABEL_LIMIT = 200


class RenderedPage(type(Path())):  # type: ignore[misc]  # the concrete PosixPath/WindowsPath
    """The path of a written page; as a Jupyter cell's value it shows the page inline."""

    def _repr_html_(self) -> str:
        return iframe_html(self.read_text(encoding="utf-8"))


def iframe_html(page: str, height: int = 780) -> str:
    """A page wrapped in an ``<iframe srcdoc>`` for notebooks (its scripts stay sandboxed to it)."""
    return (
        f'<iframe srcdoc="{html.escape(page, quote=True)}" '
        f'style="width:100%;height:{height}px;border:1px solid #ddd" sandbox="allow-scripts"></iframe>'
    )


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    """vis-network and the page's own JS/CSS, read once; refuses anything that would end its tag."""
    assets = {
        "vis_js": (VIS_DIR / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (VIS_DIR / "vis-network.css").read_text(encoding="utf-8"),
        "page_js": (TEMPLATES / "page.js").read_text(encoding="utf-8"),
        "page_css": (TEMPLATES / "page.css").read_text(encoding="utf-8"),
    }
    for name, text in assets.items():
        if "</script" in text.lower() or "</style" in text.lower():
            raise ValueError(f"asset {name} contains a closing tag and cannot be inlined")
    return assets


@lru_cache(maxsize=1)
def _template() -> jinja2.Template:
    """The page template; autoescape so titles and messages can never become markup."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)), autoescape=True, keep_trailing_newline=True
    )
    return environment.get_template("page.html")


def physics_options(node_count: int) -> dict[str, Any]:
    """vis-network options whose layout settles in seconds even for 2,000 nodes.

    Stabilization runs a bounded number of barnesHut iterations before the first draw; the page
    then switches physics off, so nothing keeps moving (or burning CPU) afterwards.
    """
    large = node_count > LARGE_GRAPH_NODES
    # Large pages start from kg.viz.layout's positions, so a few dozen iterations tidy them up.
    iterations = 1000 if node_count <= 100 else 300 if not large else LARGE_GRAPH_ITERATIONS
    return {
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {
                "gravitationalConstant": -3000 if large else -3500,
                "centralGravity": 0.3,
                "springLength": 95,
                "springConstant": 0.04,
                "damping": 0.25,
                "avoidOverlap": 0.1,
            },
            "maxVelocity": 60,
            "minVelocity": 1.0,
            "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 25, "fit": True},
        },
        # improvedLayout clusters with Kamada-Kawai first: quadratic, minutes at 2,000 nodes.
        "layout": {"improvedLayout": not large, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": large, "multiselect": True},
        "nodes": {"font": {"size": 13, "face": "sans-serif"}, "borderWidth": 1},
        "edges": {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "color": {"color": "#aab2bd", "highlight": "#2d3436", "inherit": False},
            "font": {"size": 9, "align": "middle", "color": "#636e72"},
            "smooth": False if large else {"enabled": True, "type": "dynamic"},
            "width": 1,
        },
    }


def to_network(graph: VizGraph, height: str = "720px") -> Network:
    """The pyvis network of ``graph``: styled, labelled and with escaped tooltips."""
    network = Network(height=height, width="100%", directed=True, cdn_resources="in_line")
    large = graph.number_of_nodes() > LARGE_GRAPH_NODES
    positions = initial_positions(graph) if large else {}
    for key, data in graph.nodes(data=True):
        style = style_for(data["label"])
        name = drawn_name(graph, key)
        network.add_node(
            key,
            label=short_label(name),
            title=tooltip_html(data["label"], name, data.get("props", {}), data.get("evidence", [])),
            color=style.colour,
            shape=style.shape,
            size=style.size,
            kgClass=data["label"],
            kgName=name,
            kgUri=data.get("uri") or "",
            **_position(positions.get(key)),
        )
    show_labels = graph.number_of_edges() <= EDGE_LABEL_LIMIT
    for source, target, data in graph.edges(data=True):
        rel_type = str(data.get("type", ""))
        network.add_edge(source, target, title=rel_type, **({"label": rel_type} if show_labels else {}))
    network.set_options(json.dumps(physics_options(graph.number_of_nodes())))
    return network


def class_counts(graph: VizGraph) -> dict[str, int]:
    """Nodes per class."""
    counts: dict[str, int] = {}
    for _, data in graph.nodes(data=True):
        counts[data["label"]] = counts.get(data["label"], 0) + 1
    return counts


def _position(point: tuple[float, float] | None) -> dict[str, float]:
    """vis-network ``x``/``y`` of a precomputed starting point, or nothing (physics places it)."""
    return {"x": round(point[0], 1), "y": round(point[1], 1)} if point else {}


def summary_line(graph: VizGraph) -> str:
    """``12 nodes, 15 links — Place 3, Program 2, …`` for the page header."""
    counts = class_counts(graph)
    classes = ", ".join(f"{name} {counts[name]}" for name, _ in legend_entries(set(counts)))
    size = f"{graph.number_of_nodes()} nodes, {graph.number_of_edges()} links"
    return f"{size} — {classes}" if classes else size


def cap_message(graph: VizGraph) -> str | None:
    """The notice shown when a node cap left part of the graph out, else None."""
    if not graph.graph.get("capped"):
        return None
    total = graph.graph.get("total_nodes", "?")
    return (
        f"Showing {graph.number_of_nodes():,} of {total:,} nodes (node cap reached). "
        "Raise --max-nodes, or draw a neighbourhood (kg viz place/program NAME) for a focused view."
        if isinstance(total, int)
        else f"Showing {graph.number_of_nodes():,} nodes (node cap reached)."
    )


def page_html(graph: VizGraph, title: str | None = None, *, message: str | None = None,
              height: str = "720px") -> str:
    """The complete, self-contained HTML page for ``graph``."""
    network = to_network(graph, height)
    nodes, edges, _, _, _, options = network.get_network_data()
    counts = class_counts(graph)
    legend = [
        {"name": name, "colour": style.colour, "glyph": SHAPE_GLYPHS.get(style.shape, "●"),
         "count": counts[name], "description": style.description}
        for name, style in legend_entries(set(counts))
    ]
    notice = message if message is not None else cap_message(graph)
    return _template().render(
        title=title or str(graph.graph.get("title", "regkg graph")),
        summary=summary_line(graph),
        message=notice,
        legend=legend,
        node_count=len(nodes),
        height=height,
        data={"nodes": nodes, "edges": edges, "options": json.loads(options)},
        **_assets(),
    )


def render(graph: VizGraph, path: str | Path, title: str | None = None, *,
           message: str | None = None) -> RenderedPage:
    """Write ``graph`` as a self-contained HTML page at ``path`` and return that path.

    In Jupyter the returned path displays the page inline. ``message`` replaces the automatic
    notice (shown when a node cap left nodes out).
    """
    target = RenderedPage(path)
    if target.parent and not target.parent.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(page_html(graph, title, message=message), encoding="utf-8")
    return target


def inline_html(graph: VizGraph, title: str | None = None) -> str:
    """``graph`` as an inline notebook view (an iframe holding the whole page)."""
    return iframe_html(page_html(graph, title))
