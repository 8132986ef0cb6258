"""Places named in sentences, resolved to administrative divisions (GB/T 2260 codes).

The divisions come from the loaders' gazetteer (:mod:`kg.loaders.divisions`, jionlp's data).

A :class:`PlaceFinder` is built once per document. It knows every province, prefecture and
county of China by full name, the short names (东莞, 厚街, 松山湖) only of divisions inside the
document's jurisdiction, and the self references (我市, 全区, 市局 ...) that mean the
jurisdiction itself. So 松山湖 in a 东莞 report is the 东莞 township, never 赤峰市松山区,
whose short name 松山 is not known outside 赤峰.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple
from urllib.parse import quote

import ahocorasick

from kg.extract.model import PlaceRef
from kg.extract.pruned_automaton import WordIndex, pruned_automaton
from kg.extract.rules.places import (
    NON_PLACE_WORDS,
    SELF_REFERENCES,
    SHORT_NAME_FREQUENCY,
    SHORT_NAME_LEVELS,
    SHORT_NAME_SUFFIXES,
)
from kg.extract.word_boundaries import WordBoundaries
from kg.loaders import utf8_automaton
from kg.loaders.divisions import Division as GazetteerDivision
from kg.loaders.divisions import gazetteer
from kg.loaders.model import Document, Jurisdiction

PLACE_NS = "https://w3id.org/regkg/id/place/"


class Division(NamedTuple):
    """One administrative division of the jionlp table (a NamedTuple: a document converts the
    few hundred of its prefecture, and a frozen dataclass costs several times more to build)."""

    name: str
    level: str  # province | prefecture | county | district | township
    code: str | None
    parent_code: str | None
    province: str
    aliases: tuple[str, ...] = ()


def place_iri(name: str, code: str | None, parent_code: str | None) -> str:
    """The stable IRI of docs/schema.md: by code, else by parent code (or 'cn') and name."""
    if code:
        return f"{PLACE_NS}{code}"
    return f"{PLACE_NS}x/{parent_code or 'cn'}/{_percent_encoded(name)}"


_NO_ASCII = re.compile(r"[^\x00-\x7f]*")


def _percent_encoded(name: str) -> str:
    """``urllib.parse.quote(name)``; a name without ASCII characters (most township names) has
    every UTF-8 byte escaped, which ``bytes.hex`` writes in one call."""
    if _NO_ASCII.fullmatch(name) and name:
        return "%" + name.encode("utf-8").hex("%").upper()
    return quote(name)


def _division(div: GazetteerDivision) -> Division:
    """A gazetteer division as this module's record (the parent's code only when it has one)."""
    parent_code = div.parent_key if div.parent_key and "/" not in div.parent_key else None
    aliases = (div.short,) if div.short != div.name else ()
    return Division(div.name, div.level, div.code, parent_code, div.province, aliases)


@lru_cache(maxsize=1)
def _upper_divisions() -> tuple[Division, ...]:
    """Provinces, prefectures and counties of the gazetteer, in its tree order (no townships:
    the national names leave them out, so the 40,000 townships are never converted)."""
    return tuple(_division(div) for div in gazetteer().preorder() if div.level != "township")


def _short_name(name: str) -> str | None:
    """厚街镇 → 厚街, 万江街道 → 万江; None when too short to be safe."""
    for suffix in SHORT_NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return None


def _ref(div: Division, surface: str) -> PlaceRef:
    return PlaceRef(
        name=div.name,
        surface=surface,
        level=div.level,
        code=div.code,
        parent_code=div.parent_code,
        province=div.province,
        iri=place_iri(div.name, div.code, div.parent_code),
    )


@lru_cache(maxsize=64)
def _province_code(province: str) -> str | None:
    return next((d.code for d in _upper_divisions() if d.name == province and d.level == "province"), None)


@lru_cache(maxsize=256)
def jurisdiction_ref(jurisdiction: Jurisdiction | None, surface: str | None = None) -> PlaceRef | None:
    """The document's own place as a PlaceRef (anonymized XX区 has no code)."""
    if jurisdiction is None:
        return None
    parent = None
    if jurisdiction.code is None and jurisdiction.province:
        parent = _province_code(jurisdiction.province)
    return PlaceRef(
        name=jurisdiction.name,
        surface=surface or jurisdiction.name,
        level=jurisdiction.level,
        code=jurisdiction.code,
        province=jurisdiction.province,
        parent_code=parent,
        iri=place_iri(jurisdiction.name, jurisdiction.code, parent),
    )


@dataclass(frozen=True)
class PlaceMention:
    """A place found in a sentence; start/end are offsets in the sentence."""

    ref: PlaceRef
    start: int
    end: int


@lru_cache(maxsize=1)
def _national_names() -> dict[str, Division]:
    """Full names of provinces, prefectures and counties plus province/prefecture aliases."""
    names: dict[str, Division] = {}
    for div in _upper_divisions():
        names.setdefault(div.name, div)
        if div.level in ("province", "prefecture"):
            for alias in div.aliases:
                if len(alias) >= 2:
                    names.setdefault(alias, div)
    return names


def _inside_prefix(jurisdiction: Jurisdiction) -> str | None:
    """The code prefix of the divisions inside the jurisdiction (None without a code)."""
    code = jurisdiction.code
    if not code:
        return None
    prefix = code.rstrip("0") if jurisdiction.level in ("province", "prefecture") else code
    return prefix if len(prefix) % 2 == 0 else prefix + "0"


def _own_code(div: GazetteerDivision) -> str:
    """A division's code, else its parent's (a township's county), else ''."""
    if div.code:
        return div.code
    parent = div.parent_key
    return parent if parent and "/" not in parent else ""


class PlaceFinder:
    """Finds places in the sentences of one document."""

    def __init__(self, doc: Document) -> None:
        self.jurisdiction = doc.jurisdiction
        self.home = jurisdiction_ref(doc.jurisdiction)
        self._local = _local_index(doc.jurisdiction)
        # the automaton is pruned to the words that can match in these texts (see kg.extract.pruned_automaton)
        self._texts = {sentence.text for sentence in doc.sentences}
        self._automaton = self._pruned_automaton()

    def _pruned_automaton(self) -> ahocorasick.Automaton:
        return pruned_automaton(_national_word_index(), self._texts, self._local.names)

    def find(self, text: str) -> list[PlaceMention]:
        """Places in ``text``: leftmost-longest matches, so a longer word blocks the place inside it.

        A short name (厚街, 新登) must also be a word of the sentence: 新登 in 新登记 is not a place.
        """
        return self.find_all([text])[0]

    def find_all(self, texts: list[str]) -> list[list[PlaceMention]]:
        """:meth:`find` of each text, in one pass of the automaton over them all.

        The texts are joined by line breaks, which no name holds, so no match crosses from one
        text into the next; one pass saves a conversion and a call per sentence.
        """
        unseen = [text for text in texts if text not in self._texts]
        if unseen:  # not sentences of the document: prune for them too
            self._texts.update(unseen)
            self._automaton = self._pruned_automaton()
        found: list[list[PlaceMention]] = [[] for _ in texts]
        if not len(self._automaton):
            return found
        starts = list(accumulate((len(text) + 1 for text in texts[:-1]), initial=0))
        index = 0
        words: WordBoundaries | None = None  # of texts[index], made when a short name needs it
        for end, name in utf8_automaton.iter_long(self._automaton, "\n".join(texts)):
            ref = self._local.place_named(name)
            if ref is None:
                continue
            while index + 1 < len(starts) and starts[index + 1] <= end:
                index, words = index + 1, None
            last = end - starts[index]
            start = last - len(name) + 1
            if name in self._local.short_names:
                if words is None:
                    # jieba knows this document's short names and no other document's
                    words = WordBoundaries(texts[index], self._local.short_names, SHORT_NAME_FREQUENCY)
                if not words.is_word(start, last + 1):
                    continue
            found[index].append(PlaceMention(_with_surface(ref, name), start, last + 1))
        return found


def _is_short_name(ref: PlaceRef, surface: str) -> bool:
    """A township's or county's name written without its suffix (厚街 for 厚街镇), not 我区/全区."""
    return surface != ref.name and ref.level in SHORT_NAME_LEVELS and surface not in _SELF_WORDS


_SELF_WORDS = frozenset(w for words in SELF_REFERENCES.values() for w in words)


def _with_surface(ref: PlaceRef, surface: str) -> PlaceRef:
    if ref.surface == surface:
        return ref
    return PlaceRef(ref.name, surface, ref.level, ref.code, ref.parent_code, ref.province, ref.iri)


@lru_cache(maxsize=1)
def _national_refs() -> dict[str, PlaceRef]:
    """The national names as PlaceRefs, built once and shared by every document's look-ups."""
    return {name: _ref(div, name) for name, div in _national_names().items()}


@lru_cache(maxsize=1)
def _national_short_names() -> frozenset[str]:
    """The national names that are short names (see :func:`_is_short_name`), found once."""
    return frozenset(name for name, ref in _national_refs().items() if _is_short_name(ref, name))


@lru_cache(maxsize=1)
def _national_word_index() -> WordIndex:
    """The national names and the blocking words, indexed once to prune each document's automaton."""
    return WordIndex((*_national_refs(), *NON_PLACE_WORDS))


@dataclass(frozen=True)
class _LocalIndex:
    """The names a jurisdiction adds to the national ones, and the short names among all of them."""

    names: dict[str, PlaceRef]  # local names win over national places of the same name
    short_names: frozenset[str]

    def place_named(self, name: str) -> PlaceRef | None:
        """The place a matched name stands for; None for a blocking word (高新区, 社区 ...)."""
        ref = self.names.get(name)
        return ref if ref is not None else _national_refs().get(name)


@lru_cache(maxsize=256)  # documents repeat jurisdictions; an index is small (~40 KB)
def _local_index(jurisdiction: Jurisdiction | None) -> _LocalIndex:
    """The local names of documents of one jurisdiction, and the short names they match."""
    local = _local_names(jurisdiction) if jurisdiction is not None else {}
    # a local name replaces the national place of the same name, and with it its shortness
    short = {name for name in _national_short_names() if name not in local}
    short.update(name for name, ref in local.items() if _is_short_name(ref, name))
    return _LocalIndex(local, frozenset(short))


@lru_cache(maxsize=1)
def _divisions_by_prefecture() -> dict[str, list[GazetteerDivision]]:
    """Gazetteer divisions in tree order, grouped by the first four digits of their code (or
    their parent's); a document converts only its own prefecture's (see :func:`_local_pool`)."""
    index: dict[str, list[GazetteerDivision]] = {}
    for div in gazetteer().preorder():
        index.setdefault(_own_code(div)[:4], []).append(div)
    return index


def _local_pool(jurisdiction: Jurisdiction) -> list[Division]:
    """The divisions inside the jurisdiction (by code prefix, or by parent code), in tree order:
    looked for among its province's or its prefecture's only, and converted once found."""
    prefix = _inside_prefix(jurisdiction)
    if prefix is None:
        return []
    code = jurisdiction.code or ""
    by_prefecture = _divisions_by_prefecture()
    if jurisdiction.level == "province":
        pool = [d for key, divs in by_prefecture.items() if key[:2] == code[:2] for d in divs]
    else:
        pool = by_prefecture.get(code[:4], [])
    return [_division(div) for div in pool if _own_code(div).startswith(prefix) and div.code != code]


def _local_names(jurisdiction: Jurisdiction) -> dict[str, PlaceRef]:
    """Short names inside the jurisdiction win over same-named places elsewhere."""
    names: dict[str, PlaceRef] = {}
    for div in _local_pool(jurisdiction):
        ref = names[div.name] = _ref(div, div.name)
        for alias in (*div.aliases, _short_name(div.name)):
            if alias and len(alias) >= 2:
                names[alias] = ref  # PlaceFinder.find gives it the surface of a mention
    home = jurisdiction_ref(jurisdiction)
    if home is not None:
        for word in SELF_REFERENCES.get(jurisdiction.level or "", ()):
            names[word] = home
        names[jurisdiction.name] = home
    return names
