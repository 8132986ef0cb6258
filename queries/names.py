"""Resolve what a user types (双随机一公开, “双随机、一公开”, 东莞, 441900, a uri) to graph node uris.

The index is built from the store itself, so it knows every program, place and agency the
graph holds: labels, aliases, codes and uris, compared after normalization (width, case,
traditional → simplified, punctuation and spaces dropped). Places are also known without their
administrative suffix (东莞 → 东莞市). Resolution expands downwards: a program brings its
narrower programs (``broader`` edges), a place the places ``within`` it.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from kg.store.base import GraphStore

# Namespace prefixes users may type instead of full IRIs (docs/schema.md).
CURIE_PREFIXES = {
    "rkd:": "https://w3id.org/regkg/id/",
    "rkp:": "https://w3id.org/regkg/id/program/",
}
# Administrative suffixes, longest first, so 东莞市 is also found as 东莞 and 宝安区 as 宝安.
PLACE_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "街道办事处", "街道", "地区",
    "省", "市", "区", "县", "旗", "盟", "镇", "乡",
)  # fmt: skip
# What each entity kind reads from the store: label -> (name properties, narrower-edge query).
KIND_LABELS = {"program": "Program", "place": "Place", "agency": "Agency"}
_NOT_NAME_CHARS = re.compile(r"[\W_]+")  # punctuation, symbols, spaces: not part of a name
NAME_PROPERTIES = ("prefLabel", "label", "altLabel", "label_en", "prefLabel_en", "code", "title")
NARROWER_QUERIES = {
    "program": "MATCH (n:Program)-[:broader]->(b:Program) RETURN b.uri AS parent, n.uri AS child",
    "place": "MATCH (n:Place)-[:within]->(b:Place) RETURN b.uri AS parent, n.uri AS child",
}


class NameResolutionError(ValueError):
    """A name that matches no node (``suggestions`` holds near names) or several (``choices``)."""

    def __init__(
        self, message: str, *, choices: list[str] | None = None, suggestions: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.choices = choices or []
        self.suggestions = suggestions or []


@lru_cache(maxsize=1)
def _t2s() -> Any:
    """The OpenCC traditional → simplified converter, made once (it loads dictionaries)."""
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=1 << 16)  # names repeat (places under several parents, aliases): convert each once
def normalize_name(text: str) -> str:
    """The comparison key of a name: NFKC, simplified, lower case, no spaces or punctuation."""
    text = _t2s().convert(unicodedata.normalize("NFKC", text)).lower()
    return _NOT_NAME_CHARS.sub("", text)


def place_stems(label: str) -> list[str]:
    """The label without its administrative suffix (东莞市 → 东莞), if a stem of 2+ characters remains."""
    for suffix in PLACE_SUFFIXES:
        if label.endswith(suffix) and len(label) - len(suffix) >= 2:
            return [label[: -len(suffix)]]
    return []


def _nested_sets() -> defaultdict[str, defaultdict[str, set[str]]]:
    """kind -> key -> set of uris, created on first use."""
    return defaultdict(lambda: defaultdict(set))


@dataclass
class NamedNode:
    """A node the index knows: its uri, what kind it is, and the names it answers to."""

    uri: str
    kind: str
    label: str
    names: list[str] = field(default_factory=list)
    code: str | None = None
    parents: list[str] = field(default_factory=list)  # labels of broader programs / enclosing places
    official: bool = True  # a vocabulary program / a place with a GB/T 2260 code, not a candidate

    def describe(self) -> str:
        """How the node is shown in an ambiguity list, e.g. ``城区 (441900) in 东莞市 <uri>``."""
        code = f" ({self.code})" if self.code else ""
        within = f" in {', '.join(self.parents)}" if self.parents else ""
        return f"{self.label}{code}{within} <{self.uri}>"


@dataclass
class NameIndex:
    """Normalized name → nodes, per kind, with the narrower-than relation for expansion."""

    nodes: dict[str, NamedNode] = field(default_factory=dict)
    keys: dict[str, dict[str, set[str]]] = field(default_factory=lambda: _nested_sets())
    narrower: dict[str, dict[str, set[str]]] = field(default_factory=lambda: _nested_sets())

    def add(self, node: NamedNode) -> None:
        """Index ``node`` under its uri and every normalized name."""
        self.nodes[node.uri] = node
        for name in [node.uri, *node.names]:
            key = normalize_name(name) if name != node.uri else name
            if key:
                self.keys[node.kind][key].add(node.uri)

    def add_narrower(self, kind: str, parent: str, child: str) -> None:
        """Record that ``child`` is narrower than (or within) ``parent``.

        A place also answers to its name qualified by the enclosing place (东莞市城区, 东莞城区),
        which tells apart the many 城区 and 开发区 of different cities.
        """
        self.narrower[kind][parent].add(child)
        child_node, parent_node = self.nodes.get(child), self.nodes.get(parent)
        if child_node is None or parent_node is None:
            return
        child_node.parents.append(parent_node.label)
        if kind == "place":
            for prefix in [parent_node.label, *place_stems(parent_node.label)]:
                key = normalize_name(prefix + child_node.label)
                if key:
                    self.keys[kind][key].add(child)

    def lookup(self, kind: str, text: str) -> list[str]:
        """The uris ``text`` names exactly (by uri, CURIE, code, label or alias), sorted."""
        text = text.strip()
        uri = expand_curie(text)
        kinds = list(KIND_LABELS) if kind == "node" else [kind]
        if uri in self.nodes and (kind == "node" or self.nodes[uri].kind == kind):
            return [uri]
        if kind == "node" and uri.startswith(("http://", "https://")):
            return [uri]  # any node by IRI (assertions, evidence, documents are not in the name index)
        key = normalize_name(text)
        found: set[str] = set()
        for k in kinds:
            found |= self.keys[k].get(key, set())
        return self._preferred(sorted(found), key, text)

    def _preferred(self, uris: list[str], key: str, text: str) -> list[str]:
        """Narrow several matches: own name or code over alias or stem, then official over candidate.

        盐田 names 盐田区 (coded) and 盐田街道 (uncoded) by stem, so it means 盐田区; 长安区 of two
        cities stays ambiguous.
        """
        preferences = (
            lambda n: normalize_name(n.label) == key or n.code == text,
            lambda n: n.official,
        )
        for prefer in preferences:
            better = [u for u in uris if prefer(self.nodes[u])]
            if better:
                uris = better
        return uris

    def expand(self, kind: str, uris: Iterable[str]) -> list[str]:
        """``uris`` plus everything transitively narrower / within them (cycles are harmless)."""
        seen: dict[str, None] = {}  # insertion-ordered set: the given uris first
        stack = list(reversed(list(uris)))
        while stack:
            uri = stack.pop()
            if uri in seen:
                continue
            seen[uri] = None
            stack.extend(sorted(self.narrower[kind].get(uri, ()), reverse=True))
        return list(seen)

    def suggestions(self, kind: str, text: str, limit: int = 6) -> list[str]:
        """Names close to ``text``: containment first, then difflib similarity."""
        key = normalize_name(text)
        kinds = list(KIND_LABELS) if kind == "node" else [kind]
        labels: dict[str, str] = {}
        for k in kinds:
            for name_key, uris in self.keys[k].items():
                for uri in uris:
                    labels.setdefault(name_key, self.nodes[uri].label)
        contained = [k for k in labels if key and (key in k or (len(k) >= 2 and k in key))]
        close = difflib.get_close_matches(key, list(labels), n=limit, cutoff=0.5)
        ordered = list(dict.fromkeys(labels[k] for k in [*sorted(contained, key=len), *close]))
        return ordered[:limit]

    def resolve(self, kind: str, text: str, *, expand: bool = True) -> list[str]:
        """The uris for ``text`` (expanded downwards when asked), or a :class:`NameResolutionError`."""
        uris = self.lookup(kind, text)
        if not uris:
            near = self.suggestions(kind, text)
            hint = f"; did you mean: {', '.join(near)}?" if near else ""
            raise NameResolutionError(f"no {kind} called {text!r}{hint}", suggestions=near)
        if len(uris) > 1:
            raise self._ambiguous(kind, text, uris)
        if expand and kind in NARROWER_QUERIES:
            return self.expand(kind, uris)
        return uris

    def _ambiguous(self, kind: str, text: str, uris: list[str]) -> NameResolutionError:
        """The error for a name shared by several nodes, listing them and how to pick one."""
        nodes = [self.nodes[u] for u in uris]
        choices = [n.describe() for n in nodes]
        qualified = next((n.parents[0] + n.label for n in nodes if n.parents and kind == "place"), None)
        how = f"by uri, code or with its enclosing place (e.g. {qualified})" if qualified else "by uri"
        listed = "\n  ".join(choices)
        return NameResolutionError(
            f"{text!r} names {len(uris)} {kind}s; give one of them {how}:\n  {listed}", choices=choices
        )


def expand_curie(text: str) -> str:
    """``rkd:place/441900`` → the full IRI; anything else unchanged."""
    for prefix, iri in CURIE_PREFIXES.items():
        if text.startswith(prefix):
            return iri + text[len(prefix) :]
    return text


def build_name_index(store: GraphStore) -> NameIndex:
    """Read every Program, Place and Agency with its names (and the narrower edges) from ``store``."""
    index = NameIndex()
    for kind, label in KIND_LABELS.items():
        for props in _node_properties(store, label):
            node = _named_node(kind, props)
            if node is not None:
                index.add(node)
    for kind, cypher in NARROWER_QUERIES.items():
        for parent, child in _rows(store, cypher):
            index.add_narrower(kind, parent, child)
    return index


def _node_properties(store: GraphStore, label: str) -> list[dict[str, Any]]:
    """All property maps of nodes with ``label`` (``properties()`` tolerates absent keys on both engines)."""
    return [row[0] for row in _rows(store, f"MATCH (n:{label}) RETURN properties(n) AS props") if row[0]]


def _rows(store: GraphStore, cypher: str) -> list[list[Any]]:
    """Rows of a read query, or none when the store lacks the label or relationship type."""
    try:
        return store.run(cypher, {}, read_only=True).rows
    except Exception:  # an empty embedded store has no such table yet: nothing to index
        return []


def _named_node(kind: str, props: dict[str, Any]) -> NamedNode | None:
    """The index entry for one node's properties; places also answer to their suffix-less stems."""
    uri = props.get("uri")
    if not uri:
        return None
    names: list[str] = []
    for key in NAME_PROPERTIES:
        value = props.get(key)
        values = value if isinstance(value, list) else [value]
        names.extend(str(v) for v in values if v not in (None, ""))
    label = next((str(props[k]) for k in ("prefLabel", "label", "title") if props.get(k)), uri)
    if kind == "place":
        names.extend(stem for name in list(names) for stem in place_stems(name))
    code = str(props["code"]) if props.get("code") else None
    official = not props.get("candidate") and not (kind == "place" and code is None)
    return NamedNode(uri=uri, kind=kind, label=label, names=names, code=code, official=official)
