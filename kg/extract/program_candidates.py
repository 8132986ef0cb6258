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

# Verbs that introduce an initiative ("we launched/built/implemented X").
INITIATIVE_VERBS = (
    "推行", "实施", "开展", "探索", "创建", "推进", "建立", "打造", "推广", "深化", "启动", "试行",
    "搭建", "开发", "建成", "建设", "构建", "组建", "设立", "创新", "完善", "健全", "落实", "实行",
    "上线", "运行", "发送", "出台", "制定", "争创", "培育", "开启", "首创", "首推", "推出",
    "发起", "成立", "推动", "依托", "新增", "加快", "上线运行", "全面运行",
)
# Verbs that only improve what exists: with a weak head word (机制/体系/制度/模式) the phrase
# is rarely a named program (完善…合作机制, 健全…预案体系).
IMPROVING_VERBS = ("完善", "健全", "构建", "落实", "加快", "推动", "依托", "深化", "新增", "培育", "发展")
# Verbs that open a quoted name only when right before it (实现“一品一证一码”).
QUOTE_ONLY_VERBS = ("实现", "应用")
# Words that end a program name.
HEAD_WORDS = (
    "改革", "行动", "专项行动", "专项整治", "工程", "模式", "机制", "平台", "制度", "系统", "体系",
    "试点", "战略", "计划", "中心", "APP", "app", "小程序", "大会战", "攻坚战", "联盟", "基地",
    "示范区", "示范点", "指导站", "联系点", "集聚区", "智能终端", "工作站", "服务站",
)
WEAK_HEADS = ("机制", "体系", "制度", "模式", "专项整治")
# After a quoted name these also mark it as a program (“品质之城”建设, “靶向式”抽查).
QUOTED_FOLLOWERS = (
    *HEAD_WORDS, "建设", "创建", "活动", "宣传活动", "品牌", "项目", "补助", "抽查", "监管", "管理",
    "考勤制度", "服务", "办案机制", "药房", "评选", "改革试点", "联办",
)
_FOLLOWER = re.compile(
    r"(?:等)?(?:重点|专项|系列|智慧)?(?:"
    + "|".join(sorted(map(re.escape, QUOTED_FOLLOWERS), key=len, reverse=True))
    + r")(?:"
    + "|".join(sorted(map(re.escape, HEAD_WORDS), key=len, reverse=True))
    + r")?"
)
# A head word must end the phrase: next comes punctuation, the end, or one of these.
BOUNDARY_FOLLOWERS = (
    "建设", "工作", "试点", "项目", "等", "和", "及", "并", "的", "为", "在", "中", "上", "以", "实现",
    "取得", "落地", "覆盖", "创建", "应用", "作用", "业务",
)
# Trailing words trimmed off a list item before looking for its head word.
TRAILING_WORDS = ("建设", "工作", "试点工作", "等工作", "创建工作", "项目建设")
CLAUSE_SPLIT = re.compile(r"[，。；：！？,;:!?（）()《》【】]")
ITEM_SPLIT = "、"
QUOTE_JOINERS = ("", "、", "和", "及", "与")
PUNCT = "，。；：、！？,.;:!?（）()《》【】「」“”\"'‘’"

# Quoted strings that are never program names: political slogans, counts, quotas, honours.
NEVER_NAMES = tuple(
    re.compile(p)
    for p in (
        r"^[一二三四五六七八九两]个",  # 四个意识, 两个维护
        r"^[一二三四五六七八九两]大",  # 三大环境
        r"^[一二三四五六七八九两]条",  # 一条主线
        r"十[一二三四五六七八九]五",  # 十四五
        r"第[一二三四五六七八九十]",  # 第一议题
        r"^[\dNXYnxy+.\-\s]+$",  # 1+1+6, 1+1+N
        r"^[一二三四五六七八九十两\d]+项",  # 四项机制, 五项行动
        r"^[一二三四五六七八九两三][区张]",  # 三区叠加, 两张清单
        r"年$|文章$",  # 作风提升年, 后半篇文章
        r"批次|万人|%|分$|率$|从.*到",  # quotas, rates and scores
        r"(集体|称号|荣誉|先进|奖|之星|标兵|组织|单位奖)$",  # honours
    )
)
# Quoted strings that name a program only with a head word after them (“…”专项行动).
SLOGAN_ONLY = tuple(
    re.compile(p)
    for p in (
        r"^[^、，]*[、，][^、，]*[、，]",  # three-part slogans 全检测、全消杀、全追溯
        r"^(一站式|互联网\+?|双区|双胜利|双提升|放心|网上可办|指尖可办)$",  # bare modifiers
    )
)
# Names about the bureau's own party, discipline and staff affairs, not market regulation.
INTERNAL_AFFAIRS = (
    "党内", "党组", "党风", "廉政", "廉洁", "纪律", "纪检", "谈话", "饮酒", "干部", "选人用人", "作风",
    "意识形态", "政治", "学习强国", "机关", "巡察", "巡视", "容错", "纠错", "支部", "厉行节约", "职级",
    "党建", "主题教育", "建党", "三书三查", "能上能下", "局所", "讲坛", "传帮带", "工会", "调研", "三定",
)
# Words that alone do not name a program once the head word is removed.
GENERIC_WORDS = (
    "市场监管", "监管", "监督", "管理", "工作", "长效", "服务", "保障", "协调", "联动", "执法", "责任",
    "应急", "风险", "安全", "质量", "体系", "机制", "制度", "各项", "相关", "有关", "全面", "统一",
    "规范", "现代化", "治理", "综合", "信息", "信用", "标准", "防控", "预案", "领导", "考核", "评价",
    "市场", "行政", "政务", "内部", "基层", "培训", "教育", "宣传", "规范性文件", "规章", "全系统",
    "新", "的", "和", "与", "及", "一批", "一系列", "多元", "共治", "社会", "协同", "部门", "领域",
    "全市", "全区", "全省", "我市", "本市", "重点", "日常", "常态化", "高效", "科学", "现代", "新型",
    "专项", "整治", "专项整治", "食品", "药品", "产品", "企业", "办案", "处置", "突发事件", "重大",
    "合规", "业务", "网上", "分类", "法制", "优化", "防范", "能力", "配套", "公共", "民生实事",
    "全过程", "流通领域", "一站式", "掌上",
)
LEADING_NOISE = (
    "全面", "积极", "大力", "深入", "持续", "进一步", "加快", "不断", "着力", "新的", "一批", "一个",
    "和", "及", "与", "并", "全市", "全区", "我市", "市级", "一支", "包含", "不少于", "了",
)
# Between a verb and a quoted name these mean the verb governs something else (执法向“…”).
PREPOSITIONS = ("向", "把", "将", "对", "从", "与", "按照", "根据")
# A name never starts with a demonstrative (这一中心).
DEMONSTRATIVES = ("这", "该", "此", "其")
# Verbs that, inside a phrase, start a new one (…分类推进审批制度改革 -> 审批制度改革).
INNER_CUT_VERBS = ("推进", "实施", "开展", "建立", "推动", "搭建", "打造", "探索", "构建", "加快")
MIN_NAME, MAX_NAME = 4, 22
MIN_DISTINCT, MIN_DISTINCT_WEAK = 2, 3  # distinctive characters a name needs beside generic words
MAX_QUOTE_PREFIX = 8
SHORT_LIST_TAIL = 10  # a list of one-character words (省、市、区…) modifies a short name only

QUOTED = re.compile(r"“([^“”]{2,24})”")
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
_HEAD_AT_BOUNDARY = re.compile(rf"(?:{_HEAD_RE})(?=$|[{re.escape(PUNCT)}]|{'|'.join(BOUNDARY_FOLLOWERS)})")


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
        if _is_internal_affairs(name) or len(_compact(name)) < 3:
            continue
        spans.append(CandidateSpan(name, start, end, "program.candidate.quoted"))
    return spans


def _quoted_verdict(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """The span of the program name around quote ``m``, or None if it is no program."""
    inner = m.group(1).strip()
    follower = _FOLLOWER.match(text, m.end())
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
    if COUNTING.search(prefix):
        return quote_start
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
    return re.sub(r"“[^“”]*”", lambda m: "□" * len(m.group(0)), text)


# --- initiative phrases ------------------------------------------------------------------


def initiative_candidates(text: str) -> list[CandidateSpan]:
    """List items after an initiative verb that end in a head word and are not generic."""
    spans = []
    for clause_start, clause in _clauses(text):
        masked = _mask_quotes(clause)
        verb = _VERB_RE.search(masked)
        if verb is None:
            continue
        pos = verb.end()
        improving = verb.group(0) in IMPROVING_VERBS
        items = clause[pos:].split(ITEM_SPLIT)
        if any(len(item.strip()) <= 2 for item in items[:-1]) and len(items[-1]) <= SHORT_LIST_TAIL:
            items = [clause[pos:]]  # 省、市、区保护联动机制: the 、 joins words inside one name
        for item in items:
            span = _item_candidate(text, clause_start + pos, item, improving)
            if span is not None:
                spans.append(span)
            pos += len(item) + 1
    return spans


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
    if is_generic(name) or _is_internal_affairs(name):
        return None
    if improving and _compact(name).endswith(WEAK_HEADS):
        return None
    end = start + len(name)
    return CandidateSpan(text[start:end], start, end, "program.candidate.initiative")


def _leading_trim(item: str) -> int:
    """How many characters of leading filler words to skip."""
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
    for m in re.finditer("|".join(INNER_CUT_VERBS), name):
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
    for head in sorted(HEAD_WORDS, key=len, reverse=True):
        if rest.endswith(head):
            rest = rest[: -len(head)]
            break
    for word in sorted(GENERIC_WORDS, key=len, reverse=True):
        rest = rest.replace(word, "")
    return len(rest) < (MIN_DISTINCT_WEAK if weak else MIN_DISTINCT)


def _is_internal_affairs(name: str) -> bool:
    return any(word in name for word in INTERNAL_AFFAIRS)


def _compact(text: str) -> str:
    return "".join(c for c in text if c not in PUNCT and not c.isspace())
