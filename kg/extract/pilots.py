"""Pilots (试点): who runs which pilot, at what level, with what status.

The anchor is a cue of :mod:`kg.extract.rules.pilots`. The host is the subject of the
clause: the last place or named body (a company, a centre, a market street) before the cue,
plus the ones enumerated right before it with 、 (横沥镇、蓝天星…公司获批…试点); without one,
the document's jurisdiction. What is piloted is the list item that ends with the cue
(做好A试点、B试点和C试点 → three pilots), or the object after it (试点推动X), or — for a
bare 率先试点探索 or an attributive 试点街区 — the quoted topic of the previous sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.extract.context import SentenceContext
from kg.extract.model import Pilot, PlaceRef
from kg.extract.places import jurisdiction_ref
from kg.extract.regex_gate import with_first_character_gate
from kg.extract.rules.pilots import (
    HOST_BREAKS,
    HOST_LEADING_NOISE,
    HOST_SUFFIXES,
    LIST_MARKER,
    MAKING_VERBS,
    NAME_TRAILING,
    PILOT_ADVERBS,
    PILOT_CUES,
    PILOT_HEAD_NOUNS,
    PILOT_LEVELS,
    PILOT_REFLECTION,
    PILOT_VERBS,
    RESULT_VERBS,
)

# cues that are verbs taking the pilot as object, and cues that list the hosts after them
VERB_CUES = frozenset({"pilot.shixing", "pilot.selected"})
LISTING_CUES = frozenset({"pilot.selected"})

_CUES = tuple((rule, re.compile(p)) for rule, p in PILOT_CUES)
_ANY_CUE = re.compile("|".join(f"(?:{p})" for _, p in PILOT_CUES))
_REFLECTION = re.compile(PILOT_REFLECTION)
_VERB = re.compile("|".join(sorted(PILOT_VERBS, key=len, reverse=True)))
_LEVELS = tuple((re.compile(p), level) for p, level in PILOT_LEVELS)
_HOST = re.compile(
    r"(?P<host>[\u4e00-\u9fffA-Za-z0-9()（）]{0,24}?(?:" + "|".join(HOST_SUFFIXES) + r"))"
    r"(?:[(（](?P<inner>[\u4e00-\u9fff]{2,10})[)）])?"
)
_HOST_NOISE = re.compile(HOST_LEADING_NOISE)
_ADVERBS = with_first_character_gate(re.compile(PILOT_ADVERBS + "$"))  # sub: tried at every position
_QUOTED = re.compile(r"“[^”]{2,30}”[\u4e00-\u9fff]{0,8}")
# after a bare cue, a verb or a quoted name introduces what is piloted (试点推动X, 试点“证照同办”改革)
_AFTER_CUE_VERB = re.compile(r"^(?:推动|推行|应用|探索|实施|开展|推进|(?=“))")
_LIST_SEP = re.compile(r"、|和|及|与|以及")
_TRAILING = with_first_character_gate(re.compile(NAME_TRAILING))
_HEAD_NOUN = re.compile(PILOT_HEAD_NOUNS)
_LIST_MARKER = re.compile(LIST_MARKER)
_RESULT_VERB = re.compile(f"^(?:{RESULT_VERBS})")
_MADE = re.compile(f"(?:{MAKING_VERBS})(?P<what>[^，,；;。、和及与]{{2,20}})")
_COUNTED = re.compile(r"^\d+[个家所处座条]")
# a counted body opening a list item (拟在1个专业市场、1个大型商超建立…): where the pilot runs
_COUNTED_BODY = re.compile(
    r"(?:拟|计划|将)?(?:在|于)?(?P<body>\d+[个家所处座][\u4e00-\u9fff]{2,8}?)(?="
    + "|".join(sorted(PILOT_VERBS, key=len, reverse=True))
    + "|$)"
)
_HOST_BREAK = re.compile(f"{HOST_BREAKS}|" + "|".join(sorted(PILOT_VERBS, key=len, reverse=True)))
_BARE_SUFFIX = re.compile("(?:" + "|".join(HOST_SUFFIXES) + ")$")


@dataclass(frozen=True)
class _Host:
    name: str
    ref: PlaceRef | None
    start: int
    end: int
    raw_start: int  # where the phrase began before noise (在, 拟在) was stripped


def _split_outside_quotes(text: str) -> list[str]:
    """List items of ``text`` separated by 、/和 outside “…” (“双随机、一公开” stays whole)."""
    items, depth, last = [], 0, 0
    for i, ch in enumerate(text):
        depth += ch == "“"
        depth -= ch == "”" and depth > 0
        if depth == 0:
            m = _LIST_SEP.match(text, i)
            if m and i >= last:
                items.append(text[last:i])
                last = m.end()
    items.append(text[last:])
    return items


def _pilot_name(ctx: SentenceContext, clause_start: int, start: int, end: int, verb_cue: bool) -> str:
    """The pilot's name: the list item ending at the cue, or the object after it.

    ``verb_cue`` is for cues that are verbs themselves (试行X, 选取…开展X): the object is the name.
    """
    text = ctx.text
    if verb_cue:
        stop = re.search(r"[，,；;。]", text[end:])
        obj = text[end : end + stop.start() if stop else len(text)]
        obj = re.sub(r"^.*?(?:开展|推行|实施)", "", obj) if _VERB.search(obj) else obj
        return obj.strip()
    before = text[clause_start:start]
    verbs = list(_VERB.finditer(before))
    head = before[verbs[-1].end() :] if verbs else before
    head = _split_outside_quotes(head)[-1]
    head = _ADVERBS.sub("", head)
    for place in ctx.places:  # 我市国家级…试点 → 国家级…试点; 厚街(率先)试点 → ''
        surface = place.ref.surface
        if head.startswith(surface):
            head = head[len(surface) :]
    head = re.sub(r"^(?:的|在|作为|[一二两三四五六七八九十]+个)", "", _LIST_MARKER.sub("", head))
    if _COUNTED.match(head):  # 选取5家企业先行试点: the head counts where, the topic is elsewhere
        head = ""
    if len(head.strip("“”、 ")) >= 2:
        tail = _HEAD_NOUN.match(text, end)
        name = head + text[start:end] + (tail.group(0) if tail else "")
        return _TRAILING.sub("", name.strip()) or name.strip()
    after = text[end:]
    verb = _AFTER_CUE_VERB.match(after)
    if verb is None:  # 试点街区(福业街)…: the cue qualifies a place, the topic is elsewhere
        return ""
    stop = re.search(r"[，,；;。]", after)
    obj = after[verb.end() : stop.start() if stop else len(after)].strip()
    return "" if _RESULT_VERB.match(obj) else obj


def _topic_before(ctx: SentenceContext, clause_start: int) -> str | None:
    """The quoted name an earlier clause or the previous sentence was about (“互联网+明厨亮灶”系统)."""
    m = _QUOTED.search(ctx.text, 0, clause_start) or _MADE.search(ctx.text, 0, clause_start)
    if m:
        return m["what"] if "what" in m.groupdict() else m.group(0)
    prev = ctx.previous
    m = _QUOTED.search(prev.text) if prev is not None else None
    return m.group(0) if m else None


def _level(name: str, clause: str) -> str:
    for pattern, level in _LEVELS:
        if pattern.search(name):
            return level
    for pattern, level in _LEVELS[:1]:
        if pattern.search(clause):
            return level
    return "unspecified"


def _body_start(ctx: SentenceContext, start: int, raw: str) -> int | None:
    """Where a named body begins inside a matched phrase, or None if the phrase is no host.

    The phrase runs from the segment start, so it may hold a subject and a verb before the
    body (温江区选取3个大型农贸市场): a place followed by a verb is the subject, and the body is
    only its object, so the phrase is no host; otherwise the body starts after the last verb
    or 被/在/由 inside it.
    """
    breaks = list(_HOST_BREAK.finditer(raw))
    if not breaks:
        marker = _LIST_MARKER.match(raw)  # （一）良渚街道…
        lead = marker.end() if marker else 0
        noise = _HOST_NOISE.match(raw, lead)
        return noise.end() if noise else lead
    first = breaks[0].start()
    if any(start <= p.start and p.end <= start + first for p in ctx.places):
        return None
    return breaks[-1].end()


def _candidate_hosts(ctx: SentenceContext, lo: int, hi: int) -> list[_Host]:
    """Named bodies and places in [lo, hi) of the sentence, in order, places inside bodies dropped."""
    text = ctx.text
    hosts: list[_Host] = []
    for segment in re.finditer(r"[^、，,；;。]+", text[lo:hi]):
        seg_lo = lo + segment.start()
        for m in _HOST.finditer(text, seg_lo, lo + segment.end()):
            raw = m["host"]
            cut = _body_start(ctx, m.start(), raw)
            if cut is None or raw.startswith(("全", "各", "设立", "成立")):
                continue
            name = m["inner"] or raw[cut:]  # 试点街区(福业街): the name in parentheses is the host
            if len(name) < 2 or _BARE_SUFFIX.fullmatch(name):
                continue
            if any(p.start == m.start() + cut and p.end == m.end() for p in ctx.places):
                continue  # the body is a known place: keep it as the place (with its reference)
            hosts.append(_Host(name, None, m.start() + cut, m.end(), m.start()))
        counted = _COUNTED_BODY.match(text, seg_lo, lo + segment.end())
        if counted and not any(h.start <= counted.start("body") < h.end for h in hosts):
            hosts.append(_Host(counted["body"], None, counted.start("body"), counted.end("body"), seg_lo))
    for p in ctx.places:
        if lo <= p.start < hi and not any(h.start <= p.start < h.end for h in hosts):
            hosts.append(_Host(p.ref.name, p.ref, p.start, p.end, p.start))
    return sorted(hosts, key=lambda h: h.start)


def _subject_hosts(ctx: SentenceContext, clause_start: int, cue: int) -> list[_Host]:
    """The last host before the cue and those enumerated with 、 right before it.

    A place right after 在 that follows another host is where that host acted, not a host
    itself (仓前街道在杭州市率先试行…); at the clause start it is the host (在禅城区选取…).
    """
    hosts = [h for h in _candidate_hosts(ctx, clause_start, cue) if h.end <= cue]
    hosts = [h for i, h in enumerate(hosts) if i == 0 or not ctx.text[: h.start].endswith("在")]
    if not hosts:
        return []
    chosen = [hosts[-1]]
    for h in reversed(hosts[:-1]):
        if ctx.text[h.end : chosen[0].raw_start] == "、":
            chosen.insert(0, h)
        else:
            break
    return chosen


def _make_pilot(ctx: SentenceContext, m: re.Match[str], rule: str, what: str, host: _Host | None) -> Pilot:
    clause_start, clause_end = ctx.clause_bounds(m.start())
    place = host.ref.name if host and host.ref else (host.name if host else "")
    return Pilot(
        place=place,
        what=what,
        status=ctx.status,
        evidence=ctx.evidence(m.start(), m.end(), rule, 0.75),
        place_ref=host.ref if host else None,
        program=ctx.program_at(max(0, m.start() - len(what)), m.end()),
        level=_level(what, ctx.text[clause_start:clause_end]),
        year=ctx.year,
    )


def extract_pilots(ctx: SentenceContext) -> list[Pilot]:
    """Pilots anchored at each cue of the sentence, one per host."""
    if not _ANY_CUE.search(ctx.text):
        return []
    pilots: list[Pilot] = []
    seen: set[tuple[str, str]] = set()
    home = jurisdiction_ref(ctx.doc.jurisdiction)
    default = _Host(home.name, home, 0, 0, 0) if home else None
    for rule, pattern in _CUES:
        for m in pattern.finditer(ctx.text):
            clause_start, clause_end = ctx.clause_bounds(m.start())
            if _REFLECTION.search(ctx.text[clause_start:clause_end]):
                continue
            verb_cue = rule in VERB_CUES
            what = (
                _pilot_name(ctx, clause_start, m.start(), m.end(), verb_cue)
                or _topic_before(ctx, clause_start)
                or ""
            )
            hosts: list[_Host] | list[_Host | None] = _subject_hosts(ctx, clause_start, m.start())
            after = _candidate_hosts(ctx, m.end(), clause_end)
            if rule in LISTING_CUES:  # 市局选取A、B开展…: the selected places host it, not the selector
                named = [h for h in after if not _COUNTED.match(h.name)]
                hosts = named or hosts or [default]
            else:
                hosts = hosts or after[:1] or [default]
            for host in hosts:
                key = (host.name if host else "", what)
                if key in seen or not what:
                    continue
                seen.add(key)
                pilots.append(_make_pilot(ctx, m, rule, what, host))
    return pilots
