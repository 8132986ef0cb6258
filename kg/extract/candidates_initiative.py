"""Program candidates of the rule ``program.candidate.initiative``: named things after an initiative verb.

In a clause opened by an initiative verb (or inside 以…为抓手), each list item (split on 、) that
ends in a head word at a phrase boundary is a candidate (建立风险分析研判会商制度, 开展…、食品小作坊
行业整治和提质行动), unless the name is generic (完善市场监管体系) or about the bureau's internal
affairs (党内谈话制度).
"""

from __future__ import annotations

import re
from itertools import chain

from kg.extract.candidate_text import (
    CLAUSE_SPLIT,
    VERB_RE,
    CandidateSpan,
    compact,
    is_internal_affairs,
    leading_trim,
    mask_quotes,
)
from kg.extract.rules.programs import (
    BOUNDARY_FOLLOWERS,
    DEMONSTRATIVES,
    GENERIC_WORDS,
    HEAD_WORDS,
    IMPROVING_VERBS,
    INNER_CUT_VERBS,
    ITEM_SPLIT,
    MAX_NAME,
    MIN_DISTINCT,
    MIN_DISTINCT_WEAK,
    MIN_NAME,
    PUNCT,
    WEAK_HEADS,
)

# 以X为抓手/载体/突破口…: X is the instrument of the clause, usually a named program.
ANCHOR = re.compile(r"以([^以为]{4,40}?)为(?:业务)?(?:抓手|载体|突破口|牵引|引领|依托|龙头|核心)")
SHORT_LIST_TAIL = 10  # a list of one-character words (省、市、区…) modifies a short name only
QUOTE_SERIES = re.compile(r"”[、和及与]?“")
LEADING_COUNT = re.compile(
    r"(?:全国|全省|全市|国内)?(?:首个|首家|第[一二三四五六七八九十\d]+[个家]|[\d－\-~]+个)"
)
_HEAD_RE = "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True))
_ANY_HEAD = re.compile(_HEAD_RE)
JOINED_AFTER_HEAD = re.compile(rf"(?:{_HEAD_RE})(以及|和|及|与)")
_HEAD_AT_BOUNDARY = re.compile(rf"(?:{_HEAD_RE})(?=$|[{re.escape(PUNCT)}]|{'|'.join(BOUNDARY_FOLLOWERS)})")
_INNER_CUT_RE = re.compile("|".join(INNER_CUT_VERBS))
# Longest first, sorted once: is_generic runs for every list item of every sentence. By last
# character, so a name is only tested against the head words it can end in.
_HEADS_LONGEST_FIRST = tuple(sorted(HEAD_WORDS, key=len, reverse=True))
_HEADS_BY_LAST: dict[str, tuple[str, ...]] = {}
for _head in _HEADS_LONGEST_FIRST:
    _HEADS_BY_LAST[_head[-1]] = (*_HEADS_BY_LAST.get(_head[-1], ()), _head)
_GENERIC_LONGEST_FIRST = tuple(sorted(GENERIC_WORDS, key=len, reverse=True))
# Generic words by first character, as positions in _GENERIC_LONGEST_FIRST: removing words only
# deletes characters, so a word whose first character is not in a name never occurs in it.
_GENERIC_BY_INITIAL: dict[str, list[int]] = {}
for _i, _word in enumerate(_GENERIC_LONGEST_FIRST):
    _GENERIC_BY_INITIAL.setdefault(_word[:1], []).append(_i)
_GENERIC_INITIALS = frozenset(_GENERIC_BY_INITIAL)  # the set intersection runs in C


def initiative_candidates(text: str) -> list[CandidateSpan]:
    """List items after an initiative verb (or inside 以…为抓手) that end in a head word and are
    not generic."""
    if not _may_name_initiatives(text):
        return []
    spans = []
    for clause_start, clause in _clauses(text):
        if not _ANY_HEAD.search(clause):
            continue  # no item of this clause can end in a head word (see _may_name_initiatives)
        opening = _opening(clause)
        if opening is None:
            continue
        pos, end, improving = opening
        for offset, item in _list_items(clause, pos, end):
            span = _item_candidate(text, clause_start + offset, item, improving)
            if span is not None:
                spans.append(span)
    return spans


def _may_name_initiatives(text: str) -> bool:
    """A cheap necessary condition for any candidate in ``text``: a head word and an opening
    (initiative verb or 以…为抓手) somewhere in it.

    Two thirds of the sentences of a report fail it, and skip the clause-by-clause work. It is
    exact: a candidate's head word and its clause's opening are matched in substrings of ``text``
    (quote masking only blanks characters out), so they match in ``text`` too.
    """
    return _ANY_HEAD.search(text) is not None and (
        VERB_RE.search(text) is not None or ANCHOR.search(text) is not None
    )


def _opening(clause: str) -> tuple[int, int, bool] | None:
    """Where the named things of a clause start and end, and whether its verb only improves.

    An initiative verb opens the rest of the clause; 以X为抓手 (X is the instrument) opens X.
    """
    anchor = ANCHOR.search(clause)
    verb = VERB_RE.search(mask_quotes(clause))
    if anchor is not None and (verb is None or anchor.start() < verb.start()):
        return anchor.start(1), anchor.end(1), False
    if verb is None:
        return None
    return verb.end(), len(clause), verb.group(0) in IMPROVING_VERBS


def _list_items(clause: str, start: int, end: int) -> list[tuple[int, str]]:
    """The items of the list in ``clause[start:end]`` with their offsets: split on 、, and on
    和/及/与 right after a head word (…审批平台和中山市企业开办服务智能终端)."""
    body = clause[start:end]
    parts = body.split(ITEM_SPLIT)
    if any(len(p.strip()) <= 2 for p in parts[:-1]) and len(parts[-1]) <= SHORT_LIST_TAIL:
        parts = [body]  # 省、市、区保护联动机制: the 、 joins words inside one name
    items, pos = [], start
    for part in parts:
        cut = 0
        for m in JOINED_AFTER_HEAD.finditer(part):
            items.append((pos + cut, part[cut : m.start(1)]))
            cut = m.end(1)
        items.append((pos + cut, part[cut:]))
        pos += len(part) + 1
    return items


def _clauses(text: str) -> list[tuple[int, str]]:
    """The clauses of ``text`` between commas, stops and brackets, with their start offsets."""
    out, start = [], 0
    for clause in CLAUSE_SPLIT.split(text):  # the breaks are single characters
        out.append((start, clause))
        start += len(clause) + 1
    return out


def _item_candidate(text: str, item_start: int, item: str, improving: bool) -> CandidateSpan | None:
    """The program name an item of a verb's list names, if it ends in a head word.

    After an improving verb (完善/健全 …) a name with a weak head word (机制/体系 …) is dropped.
    """
    lead = leading_trim(item)
    body = item[lead:]
    masked = mask_quotes(body)
    heads = list(_HEAD_AT_BOUNDARY.finditer(masked))
    if not heads:
        return None
    name = body[: heads[-1].end()]
    # A verb inside the name starts a new phrase (制定实施X计划 -> X计划 only when X is long enough).
    inner_verb = VERB_RE.match(mask_quotes(name))
    if inner_verb and len(compact(name[inner_verb.end() :])) >= MIN_NAME:
        lead += inner_verb.end()
        name = name[inner_verb.end() :]
    for cut_name in (_cut_at_de, _cut_at_inner_verb, _cut_after_stray_quote, _cut_counting):
        name, cut = cut_name(name)
        lead += cut
    start = item_start + lead
    if name.startswith(DEMONSTRATIVES):
        return None
    if not (MIN_NAME <= len(compact(name)) <= MAX_NAME) or "等" in name:
        return None
    if QUOTE_SERIES.search(name):
        return None  # “双打”“质检利剑”行动 lists programs; the quoted rule names each
    if is_generic(name) or is_internal_affairs(name):
        return None
    if improving and compact(name).endswith(WEAK_HEADS):
        return None
    end = start + len(name)
    return CandidateSpan(text[start:end], start, end, "program.candidate.initiative")


def _cut_at_de(name: str) -> tuple[str, int]:
    """Drop a long or clausal modifier before 的 (以信用为基础的新型监管机制 -> 新型监管机制),
    or any modifier before a quoted name (保复工的“四保”行动 -> “四保”行动)."""
    idx = name.rfind("的")
    if idx < 0:
        return name, 0
    before, after = name[:idx], name[idx + 1 :]
    clausal = before.startswith(("以", "与", "和", "同", "相", "为", "优化"))
    if len(before) > 6 or clausal or after.startswith("“"):
        return name[idx + 1 :], idx + 1
    return name, 0


def _cut_at_inner_verb(name: str) -> tuple[str, int]:
    """Start after the last clause verb inside the name if a full name follows it."""
    cut = 0
    for m in _INNER_CUT_RE.finditer(name):
        if m.start() > 0 and len(compact(name[m.end() :])) >= MIN_NAME:
            cut = m.end()
    return name[cut:], cut


def _cut_after_stray_quote(name: str) -> tuple[str, int]:
    """Drop the tail of an earlier quote that the clause split left at the start (集约共建”的…)."""
    close = name.find("”")
    if close >= 0 and "“" not in name[:close]:
        rest = name[close + 1 :]
        rest_cut = len(rest) - len(rest.lstrip("的"))
        return rest[rest_cut:], close + 1 + rest_cut
    return name, 0


def _cut_counting(name: str) -> tuple[str, int]:
    """Drop a leading count or ranking (全国首个商改综合试验基地 -> 商改综合试验基地)."""
    m = LEADING_COUNT.match(name)
    if m and len(compact(name[m.end() :])) >= MIN_NAME:
        return name[m.end() :], m.end()
    return name, 0


def is_generic(name: str) -> bool:
    """Whether ``name`` has too few distinctive characters once head and generic words are removed."""
    rest = compact(name)
    weak = rest.endswith(WEAK_HEADS)
    for head in _HEADS_BY_LAST.get(rest[-1:], ()):
        if rest.endswith(head):
            rest = rest[: -len(head)]
            break
    initials = _GENERIC_INITIALS.intersection(rest)
    present = sorted(chain.from_iterable(map(_GENERIC_BY_INITIAL.__getitem__, initials)))
    for i in present:
        rest = rest.replace(_GENERIC_LONGEST_FIRST[i], "")
    return len(rest) < (MIN_DISTINCT_WEAK if weak else MIN_DISTINCT)

