"""How each class of the data model looks on a page: colour, shape and size, and the legend.

The primary labels are those of docs/schema.md; anything else (a label a future stage adds)
falls back to a neutral grey so it still draws.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    """The look of one node class; ``shape`` is a vis-network node shape."""

    colour: str
    shape: str
    size: int
    description: str


# Order matters: it is the legend order and the priority when a node cap has to drop nodes
# (the entities people ask about first, the provenance last).
CLASS_STYLES: dict[str, ClassStyle] = {
    "Place": ClassStyle("#2e86de", "dot", 22, "administrative division"),
    "Program": ClassStyle("#e67e22", "diamond", 20, "reform program / vocabulary entry"),
    "Agency": ClassStyle("#8e44ad", "triangle", 18, "bureau or named body"),
    "Document": ClassStyle("#34495e", "square", 18, "work report"),
    "Implementation": ClassStyle("#27ae60", "dot", 12, "agency ran a program in a place"),
    "Pilot": ClassStyle("#16a085", "star", 16, "试点"),
    "NoveltyClaim": ClassStyle("#c0392b", "star", 18, "全国首个 / 全省率先"),
    "Outcome": ClassStyle("#f1c40f", "triangleDown", 14, "measured result"),
    "Target": ClassStyle("#d35400", "hexagon", 14, "plan indicator"),
    "PolicyDocument": ClassStyle("#7f8c8d", "box", 12, "《…》 cited document"),
    "Recognition": ClassStyle("#e84393", "star", 14, "获评 / 荣获 / 入选"),
    "Evidence": ClassStyle("#bdc3c7", "dot", 6, "evidence sentence"),
}

FALLBACK_STYLE = ClassStyle("#95a5a6", "dot", 10, "other")

# Neo4j adds this n10s label to every node; it never says what a node is.
GENERIC_LABELS = frozenset({"Resource", "_GraphConfig"})


def style_for(node_class: str) -> ClassStyle:
    """The style of ``node_class``, or the neutral fallback for unknown classes."""
    return CLASS_STYLES.get(node_class, FALLBACK_STYLE)


def class_priority(node_class: str) -> int:
    """Rank of a class when a node cap has to choose: lower is kept first."""
    order = list(CLASS_STYLES)
    return order.index(node_class) if node_class in CLASS_STYLES else len(order)


def primary_class(labels: list[str] | tuple[str, ...] | set[str] | frozenset[str]) -> str:
    """The one class a node is drawn as, from all its labels (Neo4j gives several)."""
    known = [label for label in labels if label in CLASS_STYLES]
    if known:
        return min(known, key=class_priority)
    specific = sorted(label for label in labels if label not in GENERIC_LABELS)
    return specific[0] if specific else "Resource"


def legend_entries(present: set[str]) -> list[tuple[str, ClassStyle]]:
    """Legend rows for the classes drawn on a page, in legend order."""
    rows = [(name, style) for name, style in CLASS_STYLES.items() if name in present]
    rows += [(name, FALLBACK_STYLE) for name in sorted(present - set(CLASS_STYLES))]
    return rows
