"""Candidate program detection, table-style with real seed sentences."""

from __future__ import annotations

import pytest

from kg.extract.program_candidates import find_candidates, guess_program_type, is_generic, is_slogan

# (sentence, a candidate name that must be found, the rule that finds it)
FOUND = [
    ("第一时间实施保价格、保供应、保质量、保复工的“四保”行动", "“四保”行动", "quoted"),
    ("在全区176家零售药店推行“阳光药师”考勤制度", "“阳光药师”考勤制度", "quoted"),
    ("松山湖疫情期间发送“松湖启航包”，全市率先实现开办企业“零收费”。", "“松湖启航包”", "quoted"),
    ("推进食用油、湿米粉、特殊医学用途配方食品、“九号查酒”等专项整治", "“九号查酒”", "quoted"),
    ("全面落实“四方责任”和“三强化三覆盖”常态化防控要求", "“三强化三覆盖”", "quoted"),
    ("横沥积极探索住宅小区电梯“互联网+监管”模式。", "住宅小区电梯“互联网+监管”模式", "quoted"),
    ("智慧监管出台作坊“红黑榜”。", "作坊“红黑榜”", "quoted"),
    ("率先全省应用“集群注册登记系统”", "“集群注册登记系统”", "quoted"),
    ("建立风险分析研判会商制度，一周一动态、一月一研判、一季一会商。", "风险分析研判会商制度", "initiative"),
    (
        "开展学校及周边食品安全监管、食品小作坊行业整治和提质行动",
        "食品小作坊行业整治和提质行动",
        "initiative",
    ),
    ("全面启动农贸市场品质提升三年行动", "农贸市场品质提升三年行动", "initiative"),
    (
        "开发投诉举报快速处置系统和异常名录库，万江率先试点应用取得预期效果。",
        "投诉举报快速处置系统",
        "initiative",
    ),
    ("搭建防疫物资“一站式”认证出口服务平台", "防疫物资“一站式”认证出口服务平台", "initiative"),
    ("建成全国首个商改综合试验基地和商改主题体验馆", "商改综合试验基地", "initiative"),
    ("建立“1+1+N”省、市、区保护联动机制。", "“1+1+N”省、市、区保护联动机制", "initiative"),
    ("构建以“退市不合格商品”为核心的流通领域商品质量监管机制", "“退市不合格商品”", "quoted"),
    ("以中山市TBT预警防控平台和中山市标准信息服务平台为业务抓手", "中山市TBT预警防控平台", "initiative"),
    ("以中山市TBT预警防控平台和中山市标准信息服务平台为业务抓手", "中山市标准信息服务平台", "initiative"),
    ("推进市场监管体制改革和综合行政执法改革", "市场监管体制改革", "initiative"),
    # a three-part slogan names a campaign when a strong head word follows (not from the seeds)
    ("开展“守底线、查隐患、保安全”专项行动。", "“守底线、查隐患、保安全”专项行动", "quoted"),
    ("第一时间实施保价格、保供应、保质量、保复工的“四保”行动", "“四保”行动", "quoted"),
    # a short noun ending in 制度/房/站, or a way of handling services, after a quoted name
    ("全区已建成24小时“网订店送”药房5家,高效便民。", "24小时“网订店送”药房", "quoted"),
    ("推出托育机构“一件事”联办,减少群众跑动。", "托育机构“一件事”联办", "quoted"),  # not from the seeds
    ("在各镇街设立“红色”驿站,服务个体工商户。", "“红色”驿站", "quoted"),  # not from the seeds
]


@pytest.mark.parametrize(("sentence", "name", "rule"), FOUND)
def test_candidate_found(sentence: str, name: str, rule: str) -> None:
    spans = {c.name: c for c in find_candidates(sentence)}
    assert name in spans, list(spans)
    span = spans[name]
    assert span.rule == f"program.candidate.{rule}"
    assert sentence[span.start : span.end] == name


# (sentence, a name that must not be a candidate)
NOT_FOUND = [
    ("增强“四个意识”、坚定“四个自信”、做到“两个维护”。", "“四个意识”"),
    ("市局荣获“广东省抗击新冠肺炎疫情先进集体”荣誉称号。", "“广东省抗击新冠肺炎疫情先进集体”"),
    ("实现“全检测、全消杀、全追溯”监管", "“全检测、全消杀、全追溯”监管"),
    ("严格落实党内谈话制度,健全廉政风险防控机制", "党内谈话制度"),
    ("完善市场监管规章制度。", "市场监管规章制度"),
    ("完善跨部门跨区域网络监管合作机制", "跨部门跨区域网络监管合作机制"),
    ("做好《关于贯彻“质优XX”建设总体部署开展质量提升打造“品质之城”的实施意见》", "“质优XX”建设"),
    ("组建全市第一家“产品医院”", "全市第一家“产品医院”"),
    ("为“十四五”东莞市场监管事业划上了圆满句号", "“十四五”"),
    ("推动执法向“事前指导规范”转变。", "执法向“事前指导规范”"),
    ("传统的“人盯人”“广撒网”监管方式已经难以适应形势发展要求", "“广撒网”监管"),
    ("深化“双打”“质检利剑”行动，推进产品质量安全专项整治。", "“双打”“质检利剑”行动"),
    # the bureau's own staff, discipline and unit affairs: the clause says so
    ("构建“能上能下”常态化用人机制,落实“三个区分开来”要求", "“能上能下”"),
    ("层层落实了党风廉政建设责任书的签订和“三书三查两报告”制度的各项程序。", "“三书三查两报告”制度"),
    ("进一步推进“局所联动”,完善机关科室和基层所的结对制度", "“局所联动”"),
    ("在干部队伍中开展“比学赶超”竞赛", "“比学赶超”"),  # not from the seeds
]


@pytest.mark.parametrize(("sentence", "name"), NOT_FOUND)
def test_not_a_candidate(sentence: str, name: str) -> None:
    assert name not in {c.name for c in find_candidates(sentence)}


def test_counting_words_are_not_part_of_the_name() -> None:
    assert "“产品医院”" in {c.name for c in find_candidates("组建全市第一家“产品医院”")}


def test_overlapping_candidates_keep_the_longer() -> None:
    spans = find_candidates("探索住宅小区电梯“互联网+监管”模式")
    assert [c.name for c in spans] == ["住宅小区电梯“互联网+监管”模式"]


@pytest.mark.parametrize(
    ("inner", "slogan"),
    [
        ("四个意识", True),
        ("1+1+6", True),
        ("每千人5批次", True),
        ("松湖启航包", False),
        ("四保", False),
        ("一码全知道", False),
        ("双区", True),
        ("双胜利", True),
        ("双循环", True),  # not from the seeds
        ("网上可办", True),
        ("掌上可办", True),  # not from the seeds
    ],
)
def test_is_slogan(inner: str, slogan: bool) -> None:
    assert is_slogan(inner) is slogan


@pytest.mark.parametrize(
    ("name", "generic"),
    [
        ("市场监管体系", True),
        ("重点产品质量专项整治", True),
        ("风险分析研判会商制度", False),
        ("住所登记改革", False),
    ],
)
def test_is_generic(name: str, generic: bool) -> None:
    assert is_generic(name) is generic


@pytest.mark.parametrize(
    ("name", "program_type"),
    [
        ("“四保”行动", "campaign"),
        ("风险分析研判会商制度", "mechanism"),
        ("投诉举报快速处置系统", "platform"),
        ("“抽检分离”改革", "reform"),
        ("商改综合试验基地", "designation"),
        ("松湖启航包", "other"),
    ],
)
def test_guess_program_type(name: str, program_type: str) -> None:
    assert guess_program_type(name) == program_type


def test_head_words_by_last_character_keep_the_longest_first_order() -> None:
    from kg.extract.candidates_initiative import _HEADS_BY_LAST, _HEADS_LONGEST_FIRST

    for last, heads in _HEADS_BY_LAST.items():
        assert heads == tuple(h for h in _HEADS_LONGEST_FIRST if h.endswith(last))
    assert sum(map(len, _HEADS_BY_LAST.values())) == len(_HEADS_LONGEST_FIRST)


def test_program_type_agrees_with_scanning_the_whole_head_table() -> None:
    from kg.extract.candidate_text import compact
    from kg.extract.rules.programs import TYPE_BY_HEAD

    def by_whole_table(name: str) -> str:
        rest, best, best_len = compact(name), "other", 0
        for program_type, heads in TYPE_BY_HEAD:
            for head in heads:
                if rest.endswith(head) and len(head) > best_len:
                    best, best_len = program_type, len(head)
        return best

    heads = [head for _, typed in TYPE_BY_HEAD for head in typed]
    names = [f"{stem}{head}" for stem in ("质量提升", "“四保”", "") for head in heads]
    names += ["松湖启航包", "", "行动计划。", "三年行动计划"]
    assert {guess_program_type(name) for name in names} > {"other", "campaign", "platform"}
    for name in names:
        assert guess_program_type(name) == by_whole_table(name), name


def test_is_generic_agrees_with_removing_every_generic_word_in_order(seed_docs: dict) -> None:
    """is_generic removes only the generic words whose first character the name holds; removing
    every generic word of the table, longest first, must leave the same verdict."""
    from kg.extract.candidate_text import compact
    from kg.extract.candidates_initiative import _GENERIC_LONGEST_FIRST, _HEADS_LONGEST_FIRST
    from kg.extract.rules.programs import MIN_DISTINCT, MIN_DISTINCT_WEAK, WEAK_HEADS

    def by_whole_table(name: str) -> bool:
        rest = compact(name)
        weak = rest.endswith(WEAK_HEADS)
        head = next((h for h in _HEADS_LONGEST_FIRST if rest.endswith(h)), "")
        rest = rest[: len(rest) - len(head)]
        for word in _GENERIC_LONGEST_FIRST:
            rest = rest.replace(word, "")
        return len(rest) < (MIN_DISTINCT_WEAK if weak else MIN_DISTINCT)

    names = [part for doc in seed_docs.values() for s in doc.sentences for part in s.text.split("，")]
    names += ["市场监管体系", "重点产品质量专项整治", "风险分析研判会商制度", "", "监的管"]
    verdicts = [is_generic(name) for name in names]
    assert True in verdicts and False in verdicts
    assert verdicts == [by_whole_table(name) for name in names]


def test_a_quote_clause_starts_after_the_last_break_or_enumeration_comma(seed_docs: dict) -> None:
    from kg.extract.candidate_text import CLAUSE_SPLIT
    from kg.extract.candidates_quoted import _UP_TO_LAST_BREAK

    checked = 0
    for text in [s.text for doc in seed_docs.values() for s in doc.sentences] + ["“a”", "，“a”", "、\n“a”"]:
        for quote_start in (i for i, ch in enumerate(text) if ch == "“"):
            after_break = max((m.end() for m in CLAUSE_SPLIT.finditer(text, 0, quote_start)), default=0)
            expected = max(after_break, text.rfind("、", 0, quote_start) + 1)
            found = _UP_TO_LAST_BREAK.match(text, 0, quote_start)
            assert (found.end() if found else 0) == expected, text
            checked += 1
    assert checked > 50


def test_leading_filler_is_trimmed_as_the_word_by_word_scan_trims_it(seed_docs: dict) -> None:
    from kg.extract.candidate_text import leading_trim
    from kg.extract.rules.programs import LEADING_NOISE

    words = [w for w in LEADING_NOISE if w]
    assert not [(a, b) for a in words for b in words if a != b and b.startswith(a)]  # the regex relies on it

    def scan(item: str) -> int:
        pos, changed = 0, True
        while changed:
            changed = False
            for word in LEADING_NOISE:
                if word and item.startswith(word, pos):
                    pos += len(word)
                    changed = True
        return pos

    items = [part for doc in seed_docs.values() for s in doc.sentences for part in s.text.split("、")]
    items += ["全面积极大力推进", "并和及与", "", "了"]
    trims = [leading_trim(item) for item in items]
    assert trims == [scan(item) for item in items]
    assert max(trims) >= 4


def test_clauses_split_at_every_break_with_their_offsets(seed_docs: dict) -> None:
    from kg.extract.candidate_text import CLAUSE_SPLIT
    from kg.extract.candidates_initiative import _clauses

    for text in [s.text for doc in seed_docs.values() for s in doc.sentences] + ["", "，", "a，，b（c）"]:
        expected, start = [], 0
        for m in CLAUSE_SPLIT.finditer(text):
            expected.append((start, text[start : m.start()]))
            start = m.end()
        expected.append((start, text[start:]))
        assert _clauses(text) == expected, text


def test_a_candidate_clause_is_cut_at_the_nearest_breaks(seed_docs: dict) -> None:
    from kg.extract.candidate_text import CLAUSE_SPLIT, clause_around

    def by_scanning(text: str, start: int, end: int) -> str:
        clause_start = max((m.end() for m in CLAUSE_SPLIT.finditer(text, 0, start)), default=0)
        clause_end = CLAUSE_SPLIT.search(text, end)
        return text[clause_start : clause_end.start() if clause_end else len(text)]

    texts = [*[s.text for doc in seed_docs.values() for s in doc.sentences][:400], "", "，a，"]
    cut = 0
    for text in texts:
        for start in range(0, len(text) + 1, 3):
            end = min(len(text), start + 2)
            clause = clause_around(text, start, end)
            assert clause == by_scanning(text, start, end), (text, start)
            cut += len(clause) < len(text)
    assert cut > 100
