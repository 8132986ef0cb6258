"""Gazetteer of Chinese administrative divisions with GB/T 2260 codes, from jionlp's data.

jionlp ships ``dictionary/china_location.txt``: provinces, prefectures and counties with
their six-digit GB/T 2260 codes and short names (东莞市 441900 东莞), and townships
(镇/乡/街道, plus functional zones such as 松山湖) without codes. The file is read directly
(importing jionlp itself prints a banner and loads far more than needed), once per process.

Levels: ``province`` (incl. 直辖市/自治区/特别行政区), ``prefecture`` (地级), ``county``
(县/县级市/旗), ``district`` (市辖区), ``township`` (镇/乡/街道/园区). Townships of a
prefecture without counties (东莞, 中山) hang directly under the prefecture.
"""

from __future__ import annotations

import importlib.util
import pickle
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

import ahocorasick
from kg.loaders import utf8_automaton
from kg.loaders.model import Level

from kg.cachefile import cache_dir, write_cache_file

LEVEL_ORDER: dict[str, int] = {"province": 0, "prefecture": 1, "county": 2, "district": 2, "township": 3}
_DIRECT_ADMIN = "市直辖行政区划"  # jionlp's placeholder county of prefectures without counties
_TOWNSHIP_SUFFIX = re.compile(r"(?:街道办事处|街道|民族乡|镇|乡|苏木)$")
_MIN_SHORT = 2
LOCATION_FILE = "china_location.txt"


class Division(NamedTuple):
    """One administrative division. ``key`` is the code, or ``<parent key>/<name>`` without one.

    A NamedTuple rather than a dataclass: 46,000 of them are built at start-up.
    """

    name: str
    short: str
    level: Level
    code: str | None
    parent_key: str | None
    province: str

    @property
    def key(self) -> str:
        return self.code or f"{self.parent_key or 'cn'}/{self.name}"


@dataclass(frozen=True)
class Mention:
    """A place name found in a text: its span, the surface form and the candidates it may mean."""

    start: int
    end: int
    surface: str
    candidates: tuple[Division, ...]


class Gazetteer:
    """Lookup of divisions by full name, short name, code, parent and level."""

    def __init__(self, divisions: Iterable[Division]) -> None:
        by_key: dict[str, Division] = {}
        by_name: dict[str, list[Division]] = defaultdict(list)
        for div in divisions:
            key = div.key
            if key in by_key:
                continue
            by_key[key] = div
            by_name[div.name].append(div)
            if div.short != div.name:
                by_name[div.short].append(div)
        self._by_key = by_key
        self._by_name = by_name
        self._children_index: dict[str, list[Division]] | None = None  # built when first asked
        self._preorder: tuple[Division, ...] | None = None  # likewise
        self._former_names: set[str] = set()  # names add_former_names added
        self._automata: dict[tuple[str, ...], ahocorasick.Automaton] = {}

    @property
    def _children(self) -> dict[str, list[Division]]:
        if self._children_index is None:
            index: dict[str, list[Division]] = defaultdict(list)
            for div in self._by_key.values():
                if div.parent_key:
                    index[div.parent_key].append(div)
            self._children_index = index
        return self._children_index

    def add_former_names(self, changes: Iterable[tuple[list[str], list[str]]]) -> None:
        """Let former names find today's division (襄樊 → 襄阳市, 下城区 → 拱墅区).

        ``changes`` are (old chain, new chain) pairs of names from province down, as in jionlp's
        ``china_location_change.txt``; the old chain's last full and short names are added.
        """
        for old, new in changes:
            target = self._walk(new)
            if target is None or len(old) < 2:
                continue
            for name in old[-2:]:
                if target not in self._by_name.get(name, []):
                    self._by_name[name].append(target)
                    self._former_names.add(name)
        self._automata.clear()

    def _walk(self, chain: list[str]) -> Division | None:
        """The division named by a chain of full names from the province down."""
        current: Division | None = None
        for name in chain:
            found = [d for d in self._by_name.get(name, [])
                     if d.name == name and (current is None or d.parent_key == current.key)]
            if current is not None and current.level == "province" and not found:
                # 直辖市: the city level is the province itself
                found = [current] if name == current.name else []
            if not found:
                return None
            current = found[0]
        return current

    def __len__(self) -> int:
        return len(self._by_key)

    def by_code(self, code: str) -> Division | None:
        """The division with GB/T 2260 ``code`` (six digits), if jionlp knows it."""
        return self._by_key.get(code)

    def by_key(self, key: str) -> Division | None:
        return self._by_key.get(key)

    def lookup(self, name: str, *, within: str | None = None,
               levels: Iterable[str] | None = None) -> list[Division]:
        """Divisions called ``name`` (full or short), higher levels first.

        ``within`` is the key/code of an ancestor to restrict to (e.g. 441900 to find 长安镇
        of 东莞 rather than the 长安区 of 西安); ``levels`` restricts the levels.
        """
        found = self._by_name.get(name, [])
        if levels is not None:
            wanted = set(levels)
            found = [d for d in found if d.level in wanted]
        if within is not None:
            found = [d for d in found if self.is_within(d, within)]
        return sorted(found, key=_rank)

    def resolve(self, name: str, *, context: str | None = None,
                levels: Iterable[str] | None = None) -> Division | None:
        """The most plausible division for ``name``: inside ``context`` if possible, else the
        exact full-name match of the highest level, else the highest-level short-name match."""
        levels = list(levels) if levels is not None else None
        if context is not None:
            inside = self.lookup(name, within=context, levels=levels)
            if inside:
                return inside[0]
        candidates = self.lookup(name, levels=levels)
        exact = [d for d in candidates if d.name == name]
        # Townships are only trusted with a context: 长安镇 exists in many prefectures.
        pool = [d for d in exact or candidates if d.level != "township" or len(exact or candidates) == 1]
        return pool[0] if pool else None

    def parent(self, div: Division) -> Division | None:
        return self._by_key.get(div.parent_key) if div.parent_key else None

    def ancestors(self, div: Division) -> list[Division]:
        """Parents from the nearest up to the province."""
        chain: list[Division] = []
        cur = self.parent(div)
        while cur is not None:
            chain.append(cur)
            cur = self.parent(cur)
        return chain

    def is_within(self, div: Division, ancestor_key: str) -> bool:
        return any(a.key == ancestor_key for a in self.ancestors(div))

    def children(self, div: Division, *, level: str | None = None) -> list[Division]:
        kids = self._children.get(div.key, [])
        return [d for d in kids if level is None or d.level == level]

    def townships(self, div: Division) -> list[Division]:
        """Townships (镇/街道/园区) of a prefecture or county, including those of its counties."""
        out: list[Division] = []
        for kid in self.children(div):
            if kid.level == "township":
                out.append(kid)
            else:
                out.extend(self.townships(kid))
        return out

    def province_of(self, div: Division) -> Division | None:
        if div.level == "province":
            return div
        return next((a for a in self.ancestors(div) if a.level == "province"), None)

    def provinces(self) -> list[Division]:
        return [d for d in self._by_key.values() if d.level == "province"]

    def preorder(self) -> tuple[Division, ...]:
        """Every division reachable from the provinces, each followed by everything below it
        (children in the list's order); walked once, with a stack (46,000 recursive calls cost more)."""
        if self._preorder is None:
            self._preorder = tuple(self._walk_down())
        return self._preorder

    def _walk_down(self) -> Iterator[Division]:
        children = self._children
        stack = [(d.key, d) for d in reversed(self.provinces())]
        while stack:
            key, div = stack.pop()
            yield div
            kids = children.get(key)
            if kids:
                stack.extend((kid.key, kid) for kid in reversed(kids))

    def mentions(self, text: str, *, levels: Iterable[str] = ("province", "prefecture", "county",
                                                             "district")) -> list[Mention]:
        """Place names in ``text`` (full or short forms), longest match first, no overlaps.

        Townships are matched only when asked for (their short names are common words).
        """
        automaton = self._automaton(tuple(sorted(set(levels))))
        if not len(automaton):
            return []
        return [Mention(end + 1 - len(surface), end + 1, surface, cands)
                for end, (surface, cands) in utf8_automaton.iter_long(automaton, text)]

    def surfaces(
        self, text: str, *, levels: Iterable[str] = ("province", "prefecture", "county", "district")
    ) -> list[tuple[str, tuple[Division, ...]]]:
        """(surface, candidates) of the :meth:`mentions` of ``text``, without their spans: counting
        a long text's mentions this way builds no Mention per match."""
        automaton = self._automaton(tuple(sorted(set(levels))))
        if not len(automaton):
            return []
        # map/itemgetter keeps the iteration over a long text's many matches in C
        return list(map(itemgetter(1), automaton.iter_long(utf8_automaton.utf8_units(text))))

    def _names_at(self, levels: set[str]) -> list[str]:
        """The names (full, short, former) that may name a division of ``levels``, in index order:
        the automata of upper levels need a few thousand of the 60,000 names (mostly townships')."""
        wanted = {n for d in self._by_key.values() if d.level in levels for n in (d.name, d.short)}
        wanted |= self._former_names
        return [name for name in self._by_name if name in wanted]

    def _automaton(self, levels: tuple[str, ...]) -> ahocorasick.Automaton:
        """The automaton of the names of ``levels``, over UTF-8 code units (kg.loaders.utf8_automaton)."""
        if levels not in self._automata:
            auto = ahocorasick.Automaton()
            wanted = set(levels)
            for surface in self._names_at(wanted):
                if len(surface) < _MIN_SHORT:
                    continue
                cands = [d for d in self._by_name[surface] if d.level in wanted]
                if cands:
                    utf8_automaton.add_word(auto, surface, (surface, tuple(sorted(cands, key=_rank))))
            auto.make_automaton()
            self._automata[levels] = auto
        return self._automata[levels]


def _rank(div: Division) -> tuple[int, int]:
    # Higher levels first; full-name holders before short-name holders is decided by callers.
    return LEVEL_ORDER[div.level], 0 if div.code else 1


def jionlp_location_file() -> Path:
    """Path of jionlp's division list, found without importing jionlp (which prints a banner).

    jionlp ships the list zipped and unpacks it the first time jionlp is imported; until then
    this is the zip, which :func:`read_location_text` reads in place (site-packages may be
    read-only, so regkg does not unpack it there).
    """
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("jionlp is not installed; it provides the administrative-division data")
    text = Path(next(iter(spec.submodule_search_locations))) / "dictionary" / LOCATION_FILE
    zipped = text.with_suffix(".zip")
    return zipped if not text.exists() and zipped.exists() else text


def read_location_text(source: Path) -> str:
    """The text of jionlp's division list from :func:`jionlp_location_file` (plain or zipped)."""
    if source.suffix == ".zip":
        with zipfile.ZipFile(source) as archive:
            return archive.read(LOCATION_FILE).decode("utf-8")
    return source.read_text(encoding="utf-8")


# Lines of the first four levels; villages (five tabs deep) are skipped by the regex engine.
_UPPER_LEVELS = re.compile(r"^(\t{0,3})([^\t\n][^\n]*)$", re.M)


def parse_location_file(content: str) -> Iterator[Division]:
    """Divisions from jionlp's tab-indented list (villages, the fifth level, are skipped)."""
    province = prefecture = county = None
    for m in _UPPER_LEVELS.finditer(content):
        depth = len(m.group(1))
        fields = m.group(2).strip().split("\t")
        if not fields or not fields[0]:
            continue
        name = fields[0]
        code = fields[1] if len(fields) > 1 and fields[1].isdigit() else None
        short = fields[2].split("/")[0] if len(fields) > 2 and fields[2] else name
        if depth == 0:
            province = Division(name, short, "province", code, None, name)
            prefecture = county = None
            yield province
        elif depth == 1 and province:
            if code and code == province.code:
                prefecture = province  # 直辖市: the city is the province
            else:
                prefecture = Division(name, short, "prefecture", code, province.key, province.name)
                yield prefecture
            county = None
        elif depth == 2 and prefecture:
            if name == _DIRECT_ADMIN:
                county = prefecture  # townships of 东莞/中山 belong to the prefecture itself
                continue
            level: Level = "district" if name.endswith("区") else "county"
            county = Division(name, short, level, code, prefecture.key, province.name if province else name)
            yield county
        elif depth == 3 and county:
            yield Division(name, _township_short(name), "township", None, county.key, county.province)


def _township_short(name: str) -> str:
    short = _TOWNSHIP_SUFFIX.sub("", name)
    return short if len(short) >= _MIN_SHORT else name


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, built on first use.

    Parsing jionlp's 6 MB list takes about a second, so the parsed divisions are cached in
    ``$KG_CACHE_DIR`` (default ``~/.cache/regkg``) keyed by the list's size and mtime.
    """
    source = jionlp_location_file()
    cached = _read_cache(source)
    if cached is None:
        cached = list(parse_location_file(read_location_text(source)))
        _write_cache(source, cached)
    gaz = Gazetteer(cached)
    changes = source.with_name("china_location_change.txt")
    if changes.exists():
        gaz.add_former_names(parse_change_file(changes.read_text(encoding="utf-8")))
    return gaz


def parse_change_file(content: str) -> Iterator[tuple[list[str], list[str]]]:
    """(old chain, new chain) from jionlp's renames: ``date type 省 省简 市 市简 … => 省 市 …``.

    The old chain alternates full and short names; it is returned as [full, short, full, short…].
    """
    for line in content.splitlines():
        if "=>" not in line:
            continue
        left, right = line.split("=>", 1)
        old = left.split("\t")[2:]
        new = [f for f in right.split("\t") if f]
        if old and new:
            yield old, new


_CACHE_VERSION = 1


def _cache_path(source: Path) -> Path:
    stat = source.stat()
    return cache_dir() / f"divisions-v{_CACHE_VERSION}-{stat.st_size}-{stat.st_mtime_ns}.pickle"


def _read_cache(source: Path) -> list[Division] | None:
    try:
        with _cache_path(source).open("rb") as fh:
            rows = pickle.load(fh)
        return [Division(*row) for row in rows]
    except (OSError, pickle.UnpicklingError, EOFError, TypeError, ValueError):
        return None


def _write_cache(source: Path, divisions: list[Division]) -> None:
    """Best effort: a read-only home only costs the next process a second."""
    rows = pickle.dumps([tuple(d) for d in divisions], protocol=pickle.HIGHEST_PROTOCOL)
    write_cache_file(_cache_path(source), rows)
