"""Which class a node is drawn as, and the legend."""

from __future__ import annotations

import pytest
from kg.viz.style import CLASS_STYLES, FALLBACK_STYLE, legend_entries, primary_class, style_for


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        (["Place"], "Place"),
        (["Resource", "Place"], "Place"),  # Neo4j/n10s adds Resource to every node
        (["Resource"], "Resource"),
        (["Resource", "Township"], "Township"),  # a label viz does not know still names the node
        ([], "Resource"),
    ],
)
def test_primary_class(labels: list[str], expected: str) -> None:
    assert primary_class(labels) == expected


def test_every_schema_class_has_its_own_colour_and_unknown_ones_fall_back() -> None:
    colours = {style.colour for style in CLASS_STYLES.values()}
    assert len(colours) == len(CLASS_STYLES)
    assert style_for("Township") == FALLBACK_STYLE
    assert style_for("Pilot") == CLASS_STYLES["Pilot"]


def test_legend_lists_present_classes_in_legend_order_then_unknown_ones() -> None:
    rows = legend_entries({"Evidence", "Place", "Township", "Program"})
    assert [name for name, _ in rows] == ["Place", "Program", "Evidence", "Township"]
