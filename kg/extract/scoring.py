"""The matching rules of ``../shared/gold/README.md``, as pure functions on JSON items.

Gold and extracted items are the dicts of the ``kg extract --json`` format. Each kind has
a matcher ``match_<kind>(gold, extracted) -> bool``; :func:`score_kind` counts found gold
items and matching extracted items, from which precision, recall and F1 follow.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.textnorm import README_PUNCTUATION, normalize_label

KINDS: tuple[str, ...] = ("programs", "pilots", "claims", "outcomes", "targets")


def normalize(text: str | None) -> str:
    """Full-width to half-width, lower case, no white space, no README punctuation."""
    if not text:
        return ""
    return _normalize(text)


@lru_cache(maxsize=1 << 16)
def _normalize(text: str) -> str:
    """Cached: scoring compares every gold item with every extracted one."""
    return normalize_label(text, README_PUNCTUATION)


def labels_match(gold: str, other: str) -> bool:
    """Equal, or one contains the other with the shorter ≥ 4 chars and ≥ 0.6 of the longer."""
    a, b = normalize(gold), normalize(other)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return short in long_ and len(short) >= 4 and len(short) >= 0.6 * len(long_)


def _occurs_in(needle: str | None, *haystacks: str | None) -> bool:
    n = normalize(needle)
    return bool(n) and any(n in normalize(h) for h in haystacks if h)


def _contains_either(a: str | None, b: str | None) -> bool:
    x, y = normalize(a), normalize(b)
    return bool(x) and bool(y) and (x in y or y in x)


def _same_number(a: object, b: object) -> bool:
    if not isinstance(a, int | float) or not isinstance(b, int | float):
        return False
    return math.isclose(float(a), float(b), rel_tol=1e-6)


def match_programs(gold: dict, item: dict) -> bool:
    """A gold form matches the label, an alt label or a surface form of the program."""
    names = [item.get("label") or "", *(item.get("alt_labels") or []), *(item.get("surface") or [])]
    return any(labels_match(form, name) for form in gold.get("forms", []) for name in names if name)


def match_pilots(gold: dict, item: dict) -> bool:
    """The places contain one another and the gold `what` occurs in what, program label or evidence."""
    return _contains_either(gold.get("place"), item.get("place")) and _occurs_in(
        gold.get("what"), item.get("what"), item.get("program_label"), item.get("evidence")
    )


def match_claims(gold: dict, item: dict) -> bool:
    """Same scope (gold `unspecified` accepts any), gold `what` in the extracted what or evidence."""
    scope_ok = gold.get("scope") == "unspecified" or gold.get("scope") == item.get("scope")
    return scope_ok and _occurs_in(gold.get("what"), item.get("what"), item.get("evidence"))


def match_outcomes(gold: dict, item: dict) -> bool:
    """Same value (relative tolerance 1e-6) and units that contain one another."""
    return _same_number(gold.get("value"), item.get("value")) and _contains_either(
        gold.get("unit"), item.get("unit")
    )


def match_targets(gold: dict, item: dict) -> bool:
    """Same target value; metrics match as programs do, or the gold metric is in metric/evidence."""
    if not _same_number(gold.get("target"), item.get("target")):
        return False
    metric = gold.get("metric") or ""
    return labels_match(metric, item.get("metric") or "") or _occurs_in(
        metric, item.get("metric"), item.get("evidence")
    )


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "programs": match_programs,
    "pilots": match_pilots,
    "claims": match_claims,
    "outcomes": match_outcomes,
    "targets": match_targets,
}


@dataclass
class Counts:
    """Counts behind P/R/F1 of one kind, addable across documents."""

    gold: int = 0
    found: int = 0  # gold items matched by some extracted item
    extracted: int = 0
    correct: int = 0  # extracted items matching some gold item

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.gold + other.gold,
            self.found + other.found,
            self.extracted + other.extracted,
            self.correct + other.correct,
        )

    @property
    def precision(self) -> float:
        return self.correct / self.extracted if self.extracted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_kind(kind: str, gold_items: Iterable[dict], extracted: Iterable[dict]) -> Counts:
    """Count matches of one kind between gold and extracted items with the README's matcher."""
    matcher = MATCHERS[kind]
    gold_list, ext_list = list(gold_items), list(extracted)
    found = sum(1 for g in gold_list if any(matcher(g, e) for e in ext_list))
    correct = sum(1 for e in ext_list if any(matcher(g, e) for g in gold_list))
    return Counts(len(gold_list), found, len(ext_list), correct)


def score_metadata(gold: dict, document: dict) -> dict[str, bool]:
    """Jurisdiction name by containment, doc_type exact."""
    gold_name = (gold.get("jurisdiction") or {}).get("name")
    ext_name = (document.get("jurisdiction") or {}).get("name")
    return {
        "jurisdiction": _contains_either(gold_name, ext_name),
        "doc_type": gold.get("doc_type") == document.get("doc_type"),
    }
