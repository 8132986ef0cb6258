"""The generated page: self-contained, escaped, with legend, search, bounded physics; fast."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from kg.viz import VizGraph, page_html, render, whole_graph
from kg.viz.render import physics_options

from kg.store.base import GraphStore
from tests.viz.pages import ParsedPage, parse_page
from tests.viz.sample_graphs import PAYLOAD_IMG, PAYLOAD_SCRIPT

EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


@pytest.fixture
def sample_page(sample_store: GraphStore) -> tuple[VizGraph, str, ParsedPage]:
    graph = whole_graph(sample_store)
    html = page_html(graph, title="东莞 <b>bold</b> & co")
    return graph, html, parse_page(html)


def synthetic_viz_graph(nodes: int) -> VizGraph:
    """A chain-and-hub graph of ``nodes`` places and implementations, without a store."""
    graph = VizGraph(title="synthetic")
    for i in range(nodes):
        label = "Place" if i % 10 == 0 else "Implementation"
        graph.add_node(
            f"n{i}", label=label, name=f"地方{i}", uri=f"https://w3id.org/regkg/id/x/{i}", type=None,
            years=[2020], evidence=["地方推进改革。"], props={"year": 2020}, named=True,
        )
        if i:
            graph.add_edge(f"n{i}", f"n{(i // 10) * 10}", type="hasPlace")
    return graph


def test_page_loads_nothing_from_elsewhere(sample_page: tuple[VizGraph, str, ParsedPage]) -> None:
    page = sample_page[2]
    for name, attrs in page.tags:
        for key in ("src", "href", "srcset", "data", "action", "poster"):
            value = attrs.get(key)
            assert value is None or not EXTERNAL.match(value.strip()), f"<{name} {key}={value}>"
    assert not page.named("link"), "stylesheets must be inlined, not linked"
    assert all(attrs.get("src") is None for attrs in page.named("script")), "scripts must be inline"
    for style in page.styles:
        assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", style)
    assert "cdn" not in " ".join(str(attrs) for _, attrs in page.tags).lower()


def test_vis_network_is_inlined(sample_page: tuple[VizGraph, str, ParsedPage]) -> None:
    _, _, page = sample_page
    assert any("vis-network" in script and "DataSet" in script for script in page.scripts)
    assert any(".vis-network" in style or "vis-tooltip" in style for style in page.styles)


def test_document_text_never_becomes_markup(sample_page: tuple[VizGraph, str, ParsedPage]) -> None:
    _, html, page = sample_page
    assert PAYLOAD_SCRIPT not in html and PAYLOAD_IMG not in html
    assert len(page.named("script")) == 2  # vis-network, then data + page script: nothing injected
    assert not page.named("img") and not page.named("b")
    assert page.title == "东莞 <b>bold</b> & co"  # escaped in the source, shown as written
    # The data still carries the payload as text (escaped for the tooltip), so the reader sees it.
    assert "&amp;lt;script&amp;gt;" not in html  # escaped once, not twice
    assert "\\u0026lt;script\\u0026gt;document.title" in html


def test_legend_has_every_drawn_class_with_its_count(sample_page: tuple[VizGraph, str, ParsedPage]) -> None:
    _, html, page = sample_page
    boxes = [attrs.get("data-kg-class") for attrs in page.named("input") if attrs.get("data-kg-class")]
    assert boxes == ["Place", "Program", "Agency", "Document", "Implementation", "Pilot", "NoveltyClaim"]
    assert 'id="kg-search"' in html and 'id="kg-legend"' in html


def test_cap_is_announced_on_the_page() -> None:
    graph = synthetic_viz_graph(30)
    graph.graph.update(capped=True, total_nodes=4321)
    assert "Showing 30 of 4,321 nodes" in page_html(graph)
    graph.graph.update(capped=False)
    assert "node cap" not in page_html(graph)


@pytest.mark.parametrize("nodes", [10, 500, 2000])
def test_physics_settles_in_bounded_iterations_then_stops(nodes: int) -> None:
    options = physics_options(nodes)
    stabilization = options["physics"]["stabilization"]
    assert stabilization["enabled"] and 20 <= stabilization["iterations"] <= 1000
    assert nodes * stabilization["iterations"] <= 200_000  # work bounded: large pages get few iterations
    assert options["layout"]["improvedLayout"] is (nodes <= 300)


def test_physics_is_switched_off_after_stabilization() -> None:
    script = (Path(__file__).parents[2] / "viz" / "templates" / "page.js").read_text(encoding="utf-8")
    pattern = r'once\("stabilizationIterationsDone".*?setOptions\(\{ physics: \{ enabled: false'
    assert re.search(pattern, script, re.DOTALL)


def test_render_writes_the_page_and_shows_inline_in_notebooks(tmp_path: Path) -> None:
    graph = synthetic_viz_graph(5)
    path = render(graph, tmp_path / "sub" / "page.html", title="t")
    assert isinstance(path, Path) and path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    inline = path._repr_html_()
    assert inline.startswith('<iframe srcdoc="') and "<script" not in inline.split('"', 2)[1]


def test_two_thousand_nodes_render_in_seconds(tmp_path: Path) -> None:
    graph = synthetic_viz_graph(2000)
    started = time.perf_counter()
    render(graph, tmp_path / "big.html")
    seconds = time.perf_counter() - started
    assert seconds < 10, f"rendering 2,000 nodes took {seconds:.1f} s"
    page = parse_page((tmp_path / "big.html").read_text(encoding="utf-8"))
    assert any('"n1999"' in script for script in page.scripts)
