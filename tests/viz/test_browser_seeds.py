"""End to end as a user runs it: reports → `kg ingest` → `kg viz program 证照分离` → headless Chromium.

One report carries hostile markup in a sentence that extraction keeps as evidence; the page must
show it as text and never run it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from tests.viz.cdp import Browser
from tests.viz.test_browser import CHROMIUM, READY, SMALL_PAGE_SECONDS, keep_screenshot

pytestmark = pytest.mark.browser

SCRIPT = "<script>document.body.setAttribute('data-pwned','script')</script>"
IMG = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
# A reporting sentence about 证照分离, so the payload lands in the program's evidence.
HOSTILE_SENTENCE = f"\n全面推行“证照分离”改革{SCRIPT}{IMG}，企业开办时间压缩至1个工作日。\n"


@pytest.fixture(scope="module")
def hostile_data_dir(seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    docs = tmp_path_factory.mktemp("hostile-docs")
    for seed in sorted(seeds_dir.glob("00[01]_*.txt")):
        shutil.copy(seed, docs / seed.name)
    first = sorted(docs.glob("*.txt"))[0]
    text = first.read_text(encoding="utf-8")
    cut = text.index("\n二、")  # inside the 2020 summary, before the plan part
    (docs / "hostile.txt").write_text(text[:cut] + HOSTILE_SENTENCE + text[cut:], encoding="utf-8")
    first.unlink()  # the hostile copy stands in for it
    data = tmp_path_factory.mktemp("hostile-data")
    result = CliRunner().invoke(main, ["ingest", str(docs), "--data-dir", str(data), "-q"])
    assert result.exit_code == 0, result.output
    return data


def test_kg_viz_program_page_draws_and_keeps_payload_inert(hostile_data_dir: Path, tmp_path: Path) -> None:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"headless Chromium not found at {CHROMIUM}; run scripts/test-deps.sh")
    out = tmp_path / "zhengzhaofenli.html"
    result = CliRunner().invoke(
        main, ["viz", "program", "证照分离", "--data-dir", str(hostile_data_dir), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html)  # offline: nothing fetched
    with Browser(CHROMIUM) as browser:
        browser.open(out.as_uri())
        browser.wait_for(READY, SMALL_PAGE_SECONDS)
        drawn = browser.evaluate("kgNetwork.body.nodeIndices.length")
        assert drawn == browser.evaluate("kgNetwork.body.data.nodes.length")
        assert drawn >= 3  # the program, its adopters' implementations and places
        assert str(drawn) == browser.evaluate("document.body.getAttribute('data-kg-nodes')")
        assert browser.evaluate("document.body.hasAttribute('data-pwned')") is False
        assert browser.evaluate("document.querySelectorAll('img').length") == 0
        tooltips = browser.evaluate(
            "kgNetwork.body.data.nodes.get().map(function (n) { return n.title.textContent; })"
        )
        assert any(SCRIPT in tip for tip in tooltips), "the payload is shown as text"
        assert browser.errors() == []
        keep_screenshot(browser, "viz-program-zhengzhaofenli.png")
