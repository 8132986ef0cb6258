"""Generated pages in headless Chromium: every node drawn, no errors, no document text executed.

Chromium runs with networking disabled and loads each page from file://, driven over the
DevTools protocol (``tests/viz/cdp.py``): uncaught exceptions, console errors and failed
loads are collected from protocol events, and the page is asked for its own state. Screenshots
are kept under ``test-artifacts/``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from kg.viz import VizGraph, render, whole_graph
from kg.viz.graph import drawn_name

from kg.store import open_store
from kg.store.base import GraphStore
from tests.viz.cdp import Browser
from tests.viz.sample_graphs import PAYLOAD_WHAT

pytestmark = pytest.mark.browser

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(__file__).parents[2] / "test-artifacts"
READY = "document.body !== null && document.body.getAttribute('data-kg-ready') === '1'"
SamplePage = tuple[Path, VizGraph]
# Generous: CI machines are shared; on a desktop a 2,000-node page settles in a few seconds.
SMALL_PAGE_SECONDS = 30
LARGE_PAGE_SECONDS = 120


@pytest.fixture
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}; run scripts/test-deps.sh")
    with Browser(CHROMIUM) as running:
        yield running


@pytest.fixture(scope="module")
def sample_page(sample_store_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> SamplePage:
    store = open_store("embedded", path=sample_store_dir)
    try:
        graph = whole_graph(store)
    finally:
        store.close()
    page = render(graph, tmp_path_factory.mktemp("pages") / "sample.html", title="regkg sample")
    return page, graph


def keep_screenshot(browser: Browser, name: str) -> Path:
    """Save a PNG of the current page under test-artifacts/ and check it is one."""
    ARTIFACTS.mkdir(exist_ok=True)
    shot = browser.screenshot(ARTIFACTS / name)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    return shot


def test_sample_page_draws_every_node_without_errors(browser: Browser, sample_page: SamplePage) -> None:
    page, graph = sample_page
    browser.open(page.as_uri())
    browser.wait_for(READY, SMALL_PAGE_SECONDS)
    assert browser.evaluate("kgNetwork.body.data.nodes.length") == graph.number_of_nodes() == 12
    assert browser.evaluate("document.body.getAttribute('data-kg-nodes')") == "12"
    assert browser.evaluate("kgNetwork.body.nodeIndices.length") == 12  # drawn, not just loaded
    assert browser.evaluate("kgNetwork.body.data.edges.length") > 0
    assert browser.evaluate("kgNetwork.physics.options.enabled") is False  # settled and stopped
    assert browser.errors() == []
    shot = keep_screenshot(browser, "viz-sample.png")
    assert shot.stat().st_size > 20_000  # a drawn graph and legend, not a blank page


def test_document_payloads_stay_inert_text(browser: Browser, sample_page: SamplePage) -> None:
    page, _ = sample_page
    browser.open(page.as_uri())
    browser.wait_for(READY, SMALL_PAGE_SECONDS)
    assert browser.evaluate("document.title") == "regkg sample"
    assert browser.evaluate("document.body.hasAttribute('data-pwned')") is False
    assert browser.evaluate("document.querySelectorAll('img').length") == 0
    tooltips = browser.evaluate(
        "kgNetwork.body.data.nodes.get().map(function (n) { return n.title.textContent; })"
    )
    assert any(PAYLOAD_WHAT in tip for tip in tooltips), "the payload is shown to the reader as text"
    # Had <img src=x> become an element, its failed load would be reported here.
    assert browser.errors() == []


def test_search_box_finds_and_selects_nodes(browser: Browser, sample_page: SamplePage) -> None:
    page, graph = sample_page
    expected = sorted(n for n in graph if "中山" in drawn_name(graph, n))
    browser.open(page.as_uri())
    browser.wait_for(READY, SMALL_PAGE_SECONDS)
    browser.evaluate("document.getElementById('kg-search').value = '中山'; "
                     "document.getElementById('kg-search-go').click(); 0")
    assert browser.evaluate("document.getElementById('kg-search-status').textContent") == "3 matches"
    assert sorted(browser.evaluate("kgNetwork.getSelectedNodes()")) == expected
    hidden = browser.evaluate(
        "var box = document.querySelector('input[data-kg-class=Place]'); box.click();"
        "kgNetwork.body.data.nodes.get({filter: function (n) { return n.hidden; }}).length"
    )
    assert hidden == 3  # the three places
    assert browser.errors() == []


def test_two_thousand_node_page_settles(browser: Browser, big_store: GraphStore, tmp_path: Path) -> None:
    graph = whole_graph(big_store, 2000)
    page = render(graph, tmp_path / "big.html")
    browser.open(page.as_uri())
    seconds = browser.wait_for(READY, LARGE_PAGE_SECONDS)
    assert browser.evaluate("kgNetwork.body.data.nodes.length") == 2000
    assert browser.evaluate("kgNetwork.physics.options.enabled") is False
    assert browser.errors() == []
    keep_screenshot(browser, "viz-2000-nodes.png")
    print(f"2,000-node page ready in {seconds:.1f} s")
