"""Candidate programs: names that look like programs but are not in the vocabulary.

Two rule families, both table-driven:

* ``program.candidate.quoted`` — a quoted name “…”, kept when it ends in a program head word
  (“集群注册登记系统”), a head word follows it (“四保”行动, “阳光药师”考勤制度, “九号查酒”等专项
  整治) or an initiative verb opens its clause (发送“松湖启航包”). The words between that verb
  and the quote belong to the name (推行食安“五色码”, 探索住宅小区电梯“互联网+监管”模式).
  Quotes listed together (“四方责任”和“三强化三覆盖”) share the verdict. Slogans and honours
  (“四个意识”, “先进集体”) are dropped.
* ``program.candidate.initiative`` — in a clause opened by an initiative verb, each list item
  (split on 、) that ends in a head word at a phrase boundary (建立风险分析研判会商制度,
  开展…、食品小作坊行业整治和提质行动), unless the name is generic (完善市场监管体系) or about
  the bureau's internal affairs (党内谈话制度).

Spans are offsets into the text given to :func:`find_candidates`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.rules.programs import (
    BOUNDARY_FOLLOWERS,
    CLAUSE_BREAKS,
    DEMONSTRATIVES,
    GENERIC_WORDS,
    HEAD_WORDS,
    IMPROVING_VERBS,
    INITIATIVE_VERBS,
    INNER_CUT_VERBS,
    INTERNAL_AFFAIRS,
    ITEM_SPLIT,
    LEADING_NOISE,
    MAX_NAME,
    MIN_DISTINCT,
    MIN_DISTINCT_WEAK,
    MIN_NAME,
    NEVER_NAMES,
    PREPOSITIONS,
    PUNCT,
    QUOTE_JOINERS,
    QUOTE_ONLY_VERBS,
    QUOTED_FOLLOWER_NOUNS,
    QUOTED_FOLLOWERS,
    SLOGAN_ONLY,
    TYPE_BY_HEAD,
    WEAK_HEADS,
)

_FOLLOWER = re.compile(
    r"(?:等)?(?:重点|专项|系列|智慧)?(?:"
    + "|".join(sorted(map(re.escape, QUOTED_FOLLOWERS), key=len, reverse=True))
    + "|"
    + QUOTED_FOLLOWER_NOUNS
    + r")(?:"
    + "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True))
    + r")?"
)
CLAUSE_SPLIT = re.compile(f"[{re.escape(CLAUSE_BREAKS)}]")
# 以X为抓手/载体/突破口…: X is the instrument of the clause, usually a named program.
ANCHOR = re.compile(r"以([^以为]{4,40}?)为(?:业务)?(?:抓手|载体|突破口|牵引|引领|依托|龙头|核心)")
MAX_QUOTE_PREFIX = 8
INSTRUMENT_MARKERS = ("以", "通过", "依托")  # a prefix that only introduces the quoted name
SHORT_LIST_TAIL = 10  # a list of one-character words (省、市、区…) modifies a short name only

QUOTED = re.compile(r"“([^“”]{2,24})”")
QUOTE_SERIES = re.compile(r"”[、和及与]?“")
BOOK_TITLE = re.compile(r"《[^《》]*》?")
LEADING_COUNT = re.compile(
    r"(?:全国|全省|全市|国内)?(?:首个|首家|第[一二三四五六七八九十\d]+[个家]|[\d－\-~]+个)"
)
COUNTING = re.compile(r"[第首][一二三四五六七八九十\d]*[家个批项]?|[一二三四五六七八九十两\d]+[家个批项]")
_VERB_RE = re.compile("|".join(sorted(map(re.escape, INITIATIVE_VERBS), key=len, reverse=True)))
_QUOTE_VERB_RE = re.compile(
    "|".join(sorted(map(re.escape, INITIATIVE_VERBS + QUOTE_ONLY_VERBS), key=len, reverse=True))
)
_HEAD_RE = "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True))
JOINED_AFTER_HEAD = re.compile(rf"(?:{_HEAD_RE})(以及|和|及|与)")
_HEAD_AT_BOUNDARY = re.compile(rf"(?:{_HEAD_RE})(?=$|[{re.escape(PUNCT)}]|{'|'.join(BOUNDARY_FOLLOWERS)})")
_QUOTED_SPAN = re.compile(r"“[^“”]*”")
_INNER_CUT_RE = re.compile("|".join(INNER_CUT_VERBS))
_NOT_COMPACT = re.compile(rf"[{re.escape(PUNCT)}\s]")  # \s is exactly str.isspace()
# Longest first, sorted once: is_generic runs for every list item of every sentence.
_HEADS_LONGEST_FIRST = tuple(sorted(HEAD_WORDS, key=len, reverse=True))
_GENERIC_LONGEST_FIRST = tuple(sorted(GENERIC_WORDS, key=len, reverse=True))
_NOISE_INITIALS = tuple({word[0] for word in LEADING_NOISE if word})
# Generic words by first character, as positions in _GENERIC_LONGEST_FIRST: removing words only
# deletes characters, so a word whose first character is not in a name never occurs in it.
_GENERIC_BY_INITIAL: dict[str, list[int]] = {}
for _i, _word in enumerate(_GENERIC_LONGEST_FIRST):
    _GENERIC_BY_INITIAL.setdefault(_word[:1], []).append(_i)


@dataclass(frozen=True)
class CandidateSpan:
    """A candidate program name found in a text."""

    name: str  # the name as written, quotes kept (“四保”行动)
    start: int
    end: int
    rule: str


def find_candidates(text: str) -> list[CandidateSpan]:
    """Candidate program names in ``text`` (a sentence); of two overlapping ones the longer wins.

    Names inside a cited title (《关于贯彻“质优XX”建设…》) are the title's words, not programs.
    """
    titles = [(m.start(), m.end()) for m in BOOK_TITLE.finditer(text)]
    spans = sorted(
        quoted_candidates(text) + initiative_candidates(text), key=lambda s: (s.start - s.end, s.start)
    )
    kept: list[CandidateSpan] = []
    for span in spans:
        if any(a <= span.start < b for a, b in titles):
            continue
        if not any(span.start < k.end and k.start < span.end for k in kept):
            kept.append(span)
    return sorted(kept, key=lambda s: s.start)


# --- quoted names ------------------------------------------------------------------------


def quoted_candidates(text: str) -> list[CandidateSpan]:
    """Quoted names kept by their head word, a following head word or an opening verb."""
    quotes = list(QUOTED.finditer(text))
    verdicts = [_quoted_verdict(text, m) for m in quotes]
    _share_verdicts_in_lists(text, quotes, verdicts)
    spans = []
    for verdict in verdicts:
        if verdict is None:
            continue
        start, end = verdict
        name = text[start:end]
        if _is_internal_affairs(_clause_around(text, start, end)) or len(_compact(name)) < 3:
            continue
        spans.append(CandidateSpan(name, start, end, "program.candidate.quoted"))
    return spans


def _quoted_verdict(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the program name around quote ``m``, or None if it is no program."""
    inner = m.group(1).strip()
    follower = _FOLLOWER.match(text, m.end())
    if follower is not None and not _follower_ends_phrase(text, follower):
        follower = None  # “广撒网”监管方式: the head word is inside a longer noun
    listed = follower is not None and follower.group(0).startswith("等")  # “铁拳”“蓝天”等专项行动
    prefix_start = _quote_prefix_start(text, m.start())
    start = prefix_start if prefix_start is not None else m.start()
    strong = follower is not None and not listed and _strong_follower(follower.group(0))
    modifier = follower is not None and not listed and start < m.start()
    if is_slogan(inner) and not (modifier or (strong and not _is_quota(inner))):
        # a slogan, unless it modifies a longer name (食安“五色码”) or names a campaign
        # (“守底线、查隐患、保安全”专项行动)
        return None
    if follower is not None:
        return (m.start(), m.end()) if listed else (start, follower.end())
    if "、" in inner:
        return None
    if inner.endswith(HEAD_WORDS):
        return start, m.end()
    if prefix_start is not None and len(_compact(inner)) >= (3 if start < m.start() else 4):
        return start, m.end()  # 发送“松湖启航包”, 出台作坊“红黑榜”
    return None


def _follower_ends_phrase(text: str, follower: re.Match[str]) -> bool:
    """Whether the words after a quote end there (or the quote is one of a listed series); a number
    after them counts them (“网订店送”药房5家)."""
    end = follower.end()
    return (
        follower.group(0).startswith("等")
        or end >= len(text)
        or text[end] in PUNCT
        or text[end].isdigit()
        or text[end:].startswith((*BOUNDARY_FOLLOWERS, "创新", "考核", "工作"))
    )


def _quote_prefix_start(text: str, quote_start: int) -> int | None:
    """Where the name starts if an initiative verb opens the quote's clause: right after the verb.

    None when no verb opens the clause. The words between verb and quote are kept only if they
    are short, hold no other quote and no counting phrase (全市第一家“产品医院”).
    """
    clause_start = max((m.end() for m in CLAUSE_SPLIT.finditer(text, 0, quote_start)), default=0)
    clause_start = max(clause_start, text.rfind("、", 0, quote_start) + 1)
    before = _mask_quotes(text[clause_start:quote_start])
    verbs = [v for v in _QUOTE_VERB_RE.finditer(before) if v.group(0) not in QUOTE_ONLY_VERBS
             or v.end() == len(before)]
    if not verbs:
        return None
    prefix_start = clause_start + verbs[-1].end()
    prefix = text[prefix_start:quote_start]
    if len(prefix) > MAX_QUOTE_PREFIX:
        return None  # the verb is too far away to govern the quote
    if "”" in prefix or any(p in prefix for p in PREPOSITIONS):
        return None  # the verb governs an earlier quote or a prepositional object, not this name
    if COUNTING.search(prefix) or prefix in INSTRUMENT_MARKERS or prefix.endswith("的"):
        return quote_start  # 全市第一家“产品医院”, 构建以“退市不合格商品”为核心的…: the name is the quote
    return prefix_start + _leading_trim(prefix)


def _share_verdicts_in_lists(
    text: str, quotes: list[re.Match[str]], verdicts: list[tuple[int, int] | None]
) -> None:
    """Quotes joined by 、/和 share a positive verdict: “四方责任”和“三强化三覆盖”."""
    for i in range(1, len(quotes)):
        gap = text[quotes[i - 1].end() : quotes[i].start()]
        if gap not in QUOTE_JOINERS:
            continue
        for a, b in ((i - 1, i), (i, i - 1)):
            if verdicts[a] is not None and verdicts[b] is None and not is_slogan(quotes[b].group(1)):
                verdicts[b] = (quotes[b].start(), quotes[b].end())


def _strong_follower(follower: str) -> bool:
    """Whether the words after a quote end in a head word that is not a weak one."""
    return follower.endswith(HEAD_WORDS) and not follower.endswith(WEAK_HEADS)


def _is_quota(inner: str) -> bool:
    """Slogans, counts and honours are never names, whatever follows them."""
    return any(p.search(inner.strip()) for p in NEVER_NAMES)


def is_slogan(inner: str) -> bool:
    """Whether a quoted string is a slogan, quota, honour or bare modifier rather than a name."""
    return any(p.search(inner.strip()) for p in NEVER_NAMES + SLOGAN_ONLY)


def _mask_quotes(text: str) -> str:
    """``text`` with quoted content blanked out, so verbs inside quotes do not count."""
    if "“" not in text:
        return text
    return _QUOTED_SPAN.sub(lambda m: "□" * len(m.group(0)), text)


# --- initiative phrases ------------------------------------------------------------------


def initiative_candidates(text: str) -> list[CandidateSpan]:
    """List items after an initiative verb (or inside 以…为抓手) that end in a head word and are
    not generic."""
    spans = []
    for clause_start, clause in _clauses(text):
        opening = _opening(clause)
        if opening is None:
            continue
        pos, end, improving = opening
        for offset, item in _list_items(clause, pos, end):
            span = _item_candidate(text, clause_start + offset, item, improving)
            if span is not None:
                spans.append(span)
    return spans


def _opening(clause: str) -> tuple[int, int, bool] | None:
    """Where the named things of a clause start and end, and whether its verb only improves.

    An initiative verb opens the rest of the clause; 以X为抓手 (X is the instrument) opens X.
    """
    anchor = ANCHOR.search(clause)
    verb = _VERB_RE.search(_mask_quotes(clause))
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
    for m in CLAUSE_SPLIT.finditer(text):
        out.append((start, text[start : m.start()]))
        start = m.end()
    out.append((start, text[start:]))
    return out


def _item_candidate(text: str, item_start: int, item: str, improving: bool) -> CandidateSpan | None:
    """The program name an item of a verb's list names, if it ends in a head word.

    After an improving verb (完善/健全 …) a name with a weak head word (机制/体系 …) is dropped.
    """
    lead = _leading_trim(item)
    body = item[lead:]
    masked = _mask_quotes(body)
    heads = list(_HEAD_AT_BOUNDARY.finditer(masked))
    if not heads:
        return None
    name = body[: heads[-1].end()]
    # A verb inside the name starts a new phrase (制定实施X计划 -> X计划 only when X is long enough).
    inner_verb = _VERB_RE.match(_mask_quotes(name))
    if inner_verb and len(_compact(name[inner_verb.end() :])) >= MIN_NAME:
        lead += inner_verb.end()
        name = name[inner_verb.end() :]
    for cut_name in (_cut_at_de, _cut_at_inner_verb, _cut_after_stray_quote, _cut_counting):
        name, cut = cut_name(name)
        lead += cut
    start = item_start + lead
    if name.startswith(DEMONSTRATIVES):
        return None
    if not (MIN_NAME <= len(_compact(name)) <= MAX_NAME) or "等" in name:
        return None
    if QUOTE_SERIES.search(name):
        return None  # “双打”“质检利剑”行动 lists programs; the quoted rule names each
    if is_generic(name) or _is_internal_affairs(name):
        return None
    if improving and _compact(name).endswith(WEAK_HEADS):
        return None
    end = start + len(name)
    return CandidateSpan(text[start:end], start, end, "program.candidate.initiative")


def _leading_trim(item: str) -> int:
    """How many characters of leading filler words to skip."""
    if not item.startswith(_NOISE_INITIALS):
        return 0  # most items open with no filler word: skip the word-by-word scan
    pos, changed = 0, True
    while changed:
        changed = False
        for word in LEADING_NOISE:
            if item.startswith(word, pos):
                pos += len(word)
                changed = True
    return pos


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
        if m.start() > 0 and len(_compact(name[m.end() :])) >= MIN_NAME:
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
    if m and len(_compact(name[m.end() :])) >= MIN_NAME:
        return name[m.end() :], m.end()
    return name, 0


def is_generic(name: str) -> bool:
    """Whether ``name`` has too few distinctive characters once head and generic words are removed."""
    rest = _compact(name)
    weak = rest.endswith(WEAK_HEADS)
    for head in _HEADS_LONGEST_FIRST:
        if rest.endswith(head):
            rest = rest[: -len(head)]
            break
    present = sorted(i for ch in set(rest) for i in _GENERIC_BY_INITIAL.get(ch, ()))
    for i in present:
        rest = rest.replace(_GENERIC_LONGEST_FIRST[i], "")
    return len(rest) < (MIN_DISTINCT_WEAK if weak else MIN_DISTINCT)


def _is_internal_affairs(name: str) -> bool:
    return any(word in name for word in INTERNAL_AFFAIRS)


def _clause_around(text: str, start: int, end: int) -> str:
    """The clause (between clause breaks) holding ``text[start:end]``: a quoted name is the bureau's
    own affair when its clause is (构建“能上能下”常态化用人机制, 落实党风廉政…“三书三查两报告”制度)."""
    clause_start = max((m.end() for m in CLAUSE_SPLIT.finditer(text, 0, start)), default=0)
    clause_end = CLAUSE_SPLIT.search(text, end)
    return text[clause_start : clause_end.start() if clause_end else len(text)]


def _compact(text: str) -> str:
    return _NOT_COMPACT.sub("", text)


def guess_program_type(name: str) -> str:
    """A candidate's program type from its last word (…行动 -> campaign, …平台 -> platform)."""
    rest = _compact(name)
    best, best_len = "other", 0
    for program_type, heads in TYPE_BY_HEAD:
        for head in heads:
            if rest.endswith(head) and len(head) > best_len:
                best, best_len = program_type, len(head)
    return best
