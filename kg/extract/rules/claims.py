"""Cues of novelty claims (全国首个, 全省率先, 首创 ...) and the scope each one asserts.

Each cue is (rule id, regex, scope). The regexes are tried in order on a sentence; a span
already claimed by an earlier cue is not matched again, so the scoped cues come first and
bare 率先/首创 only fire where no scope word is attached.
"""

from __future__ import annotations

_FIRST = (
    r"(?:首个|首批|首家|首单|首创|首推|首次|首例|首部|首条|首张"
    r"|第一个|第一家|第一单|第一批|第一次|第一条|第一部|率先)"
)
# 在全国尚属首次: a copula between the scope and the first
_COPULA = r"(?:尚属|属于|属|尚为|系)?"
# 在杭州市率先 (a district first within its city), 在浙江省率先: the named place sets the scope
_IN_PLACE = r"在[\u4e00-\u9fff]{{1,5}}{suffix}(?:内|范围内)?(?:率先|{first})"
_FILL_GAP = r"填补(?:了)?{scope}[^，；。]{{0,40}}?(?:的)?空白"

CLAIM_CUES: tuple[tuple[str, str, str], ...] = (
    ("claim.national_first", rf"(?:全国|国内|我国|国家层面)(?:范围内)?{_COPULA}{_FIRST}", "national"),
    ("claim.national_lead", r"率先(?:在)?全国", "national"),
    ("claim.national_gap", _FILL_GAP.format(scope="(?:我国|国内|全国|国家)"), "national"),
    (
        "claim.provincial_first",
        rf"(?:全省|省内|全省地级市|全省地级以上市)(?:范围内)?{_COPULA}{_FIRST}",
        "provincial",
    ),
    ("claim.provincial_lead", r"率先(?:在)?全省", "provincial"),
    ("claim.provincial_gap", _FILL_GAP.format(scope="(?:全省|省内)"), "provincial"),
    ("claim.municipal_first", rf"(?:全市|市内|我市|本市)(?:范围内)?{_COPULA}{_FIRST}", "municipal"),
    ("claim.municipal_lead", r"率先(?:在)?全市", "municipal"),
    ("claim.provincial_in_place", _IN_PLACE.format(suffix="省", first=_FIRST), "provincial"),
    ("claim.municipal_in_place", _IN_PLACE.format(suffix="市", first=_FIRST), "municipal"),
    # a count of firsts: 取得六个全省率先
    ("claim.provincial_count", r"[一二两三四五六七八九十\d]+个全省率先", "provincial"),
    ("claim.unscoped_lead", r"率先", "unspecified"),
    # 首创精神 (the spirit of initiative) and 首创性 are not claims
    ("claim.unscoped_first", r"首创(?!精神|性)|首推|(?:区内|县内|镇内)首[个家批]", "unspecified"),
)

# every cue holds one of these words: a sentence without them is not searched for cues (the claim
# is checked against the cue regexes, see kg.extract.regex_gate; extend it with a new kind of cue)
CLAIM_GATE_WORDS = ("首", "第一", "率先", "空白")

# verbs that introduce the thing claimed: 率先实现X → X
CLAIM_VERBS = (
    "实行",
    "推广",
    "引入",
    "获批",
    "建设",
    "出版",
    "实现",
    "推动",
    "推出",
    "开展",
    "建立",
    "建成",
    "编制",
    "制定",
    "发布",
    "应用",
    "开发上线",
    "开发",
    "上线",
    "增设",
    "设立",
    "成立",
    "创建",
    "办理",
    "完成",
    "出台",
    "探索",
    "推行",
    "实施",
    "试行",
    "启动",
    "试点",
    "打造",
    "组建",
)

# a predicate after the thing claimed that says it came about, not what it is (…企业获批并投产)
CLAIM_TRAILING_PREDICATE = r"(?:获批)?并?(?:投产|投入使用|运行|上线|落地|挂牌|成立)$|获批$"
# before a count of firsts, the fields it lists (在A、B等领域取得六个全省率先 → A、B)
CLAIM_FIELDS_FRAME = r"^在|(?:等)?(?:领域|方面)?(?:取得|实现)[一二两三四五六七八九十\d]+个$"

# in a plan, a first that is striven for (力争率先…) is an aspiration, not a claim
ASPIRATION = r"力争|争取|努力|争创|争当|争做|打造成为|力求"
