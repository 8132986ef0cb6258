"""Program candidates of the rule ``program.candidate.quoted``: quoted names “…”.

A quoted name is kept when it ends in a program head word (“集群注册登记系统”), a head word or a
short noun follows it (“四保”行动, “阳光药师”考勤制度, “九号查酒”等专项整治) or an initiative verb
opens its clause (发送“松湖启航包”). The words between that verb and the quote belong to the name
(推行食安“五色码”, 探索住宅小区电梯“互联网+监管”模式). Quotes listed together (“四方责任”和
“三强化三覆盖”) share the verdict. Slogans and honours (“四个意识”, “先进集体”) are dropped, and so
is a name whose clause is about the bureau's own affairs (构建“能上能下”常态化用人机制).
"""

from __future__ import annotations

import re

from kg.extract.candidate_text import (
    CandidateSpan,
    clause_around,
    compact,
    is_internal_affairs,
    leading_trim,
    mask_quotes,
)
from kg.extract.rules.programs import (
    BOUNDARY_FOLLOWERS,
    CLAUSE_BREAKS,
    HEAD_WORDS,
    INITIATIVE_VERBS,
    NEVER_NAMES,
    PREPOSITIONS,
    PUNCT,
    QUOTE_JOINERS,
    QUOTE_ONLY_VERBS,
    QUOTED_FOLLOWER_NOUNS,
    QUOTED_FOLLOWERS,
    SLOGAN_ONLY,
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
MAX_QUOTE_PREFIX = 8
INSTRUMENT_MARKERS = ("以", "通过", "依托")  # a prefix that only introduces the quoted name
QUOTED = re.compile(r"“([^“”]{2,24})”")
_UP_TO_LAST_BREAK = re.compile(rf"(?s:.*)[{re.escape(CLAUSE_BREAKS)}、]")
COUNTING = re.compile(r"[第首][一二三四五六七八九十\d]*[家个批项]?|[一二三四五六七八九十两\d]+[家个批项]")


def _any_of(patterns: tuple[re.Pattern[str], ...]) -> re.Pattern[str]:
    """One pattern that finds a match wherever one of ``patterns`` does (one regex call instead of
    one per pattern for every quote)."""
    if any(p.flags != re.UNICODE for p in patterns):
        raise ValueError("patterns with flags cannot be joined")
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns) if patterns else "(?!)")


_NEVER_NAME = _any_of(NEVER_NAMES)
_NEVER_NAME_OR_SLOGAN = _any_of(NEVER_NAMES + SLOGAN_ONLY)
_QUOTE_VERB_RE = re.compile(
    "|".join(sorted(map(re.escape, INITIATIVE_VERBS + QUOTE_ONLY_VERBS), key=len, reverse=True))
)


def quoted_candidates(text: str) -> list[CandidateSpan]:
    """Quoted names kept by their head word, a following head word or an opening verb."""
    if "“" not in text:
        return []  # no quoted name (most sentences)
    quotes = list(QUOTED.finditer(text))
    verdicts = [_quoted_verdict(text, m) for m in quotes]
    _share_verdicts_in_lists(text, quotes, verdicts)
    spans = []
    for verdict in verdicts:
        if verdict is None:
            continue
        start, end = verdict
        name = text[start:end]
        if is_internal_affairs(clause_around(text, start, end)) or len(compact(name)) < 3:
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
    if prefix_start is not None and len(compact(inner)) >= (3 if start < m.start() else 4):
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
    # after the last clause break or 、 before the quote (a greedy match backtracks to it in C)
    last_break = _UP_TO_LAST_BREAK.match(text, 0, quote_start)
    clause_start = last_break.end() if last_break else 0
    before = mask_quotes(text[clause_start:quote_start])
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
    return prefix_start + leading_trim(prefix)


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
    return _NEVER_NAME.search(inner.strip()) is not None


def is_slogan(inner: str) -> bool:
    """Whether a quoted string is a slogan, quota, honour or bare modifier rather than a name."""
    return _NEVER_NAME_OR_SLOGAN.search(inner.strip()) is not None

