"""Program status: section kind, cue words and folding of mentions."""

from __future__ import annotations

import pytest

from kg.extract.program_status import CLAUSE_BREAKS, clause_around, fold_statuses, mention_status


@pytest.mark.parametrize(
    ("sentence", "name", "kind", "status"),
    [
        (
            "深化市场主体退出制度改革,10724户市场主体通过简易注销退出市场。",
            "市场主体退出制度改革",
            "reporting",
            "done",
        ),
        ("持续推进“最多跑一次”改革,审批再提速、功能再扩展。", "“最多跑一次”改革", "reporting", "ongoing"),
        ("探索“一照多址”改革", "“一照多址”改革", "planning", "planned"),
        ("全面落实“四方责任”和“三强化三覆盖”常态化防控要求", "“三强化三覆盖”", "reporting", "done"),
        (
            "横沥积极探索住宅小区电梯“互联网+监管”模式。",
            "住宅小区电梯“互联网+监管”模式",
            "reporting",
            "ongoing",
        ),
        ("继续探索轻微违法免罚轻罚制度。", "轻微违法免罚轻罚制度", "planning", "ongoing"),
        ("推动“阳光食品”APP增项扩面", "“阳光食品”APP", "planning", "ongoing"),
        ("增加“证照同办”改革业务类型", "“证照同办”改革", "planning", "ongoing"),
        ("国家级知识产权保护中心创建工作全力推进", "国家级知识产权保护中心", "reporting", "done"),
        ("拟在1个专业市场建立知识产权保护服务体系首批试点", "知识产权保护服务体系", None, "planned"),
    ],
)
def test_mention_status(sentence: str, name: str, kind: str | None, status: str) -> None:
    start = sentence.index(name)
    assert mention_status(kind, clause_around(sentence, start, start + len(name))) == status


def test_cue_words_inside_the_name_do_not_count() -> None:
    sentence = "建立持续改进机制"
    start = sentence.index("持续改进机制")
    assert "持续" not in clause_around(sentence, start, len(sentence))



@pytest.mark.parametrize(
    ("sentence", "name", "clause"),
    [
        ("一是推进改革，持续深化“放管服”改革；全面推行", "“放管服”", "持续深化□改革"),
        ("在全省率先实施。下一步", "实施", "在全省率先□"),
        ("甲；乙，丙。丁X戊，己", "X", "丁□戊"),
        ("前文，\n换行后的名称与后文。后", "的名称", "\n换行后□与后文"),
        ("无断句的长长长长长长长长长长长长长的句子名称结尾", "名称", "长长长长长长长长长长长长长的句子□结尾"),
    ],
)
def test_clause_around_cuts_at_the_nearest_breaks(sentence: str, name: str, clause: str) -> None:
    start = sentence.index(name)
    assert clause_around(sentence, start, start + len(name)) == clause


def clause_by_splitting(sentence: str, start: int, end: int, window: int = 16) -> str:
    """The reference: cut the window at each break character in turn."""
    head = sentence[max(0, start - window) : start]
    for ch in CLAUSE_BREAKS:
        head = head.rsplit(ch, 1)[-1]
    tail = sentence[end : end + 6]
    for ch in CLAUSE_BREAKS:
        tail = tail.split(ch, 1)[0]
    return f"{head}□{tail}"


def test_clause_around_agrees_with_splitting_on_seed_sentences(seed_docs: dict) -> None:
    for doc in seed_docs.values():
        for sentence in doc.sentences[:200]:
            text = sentence.text
            for start in range(0, len(text), 3):
                end = min(len(text), start + 4)
                assert clause_around(text, start, end) == clause_by_splitting(text, start, end)


@pytest.mark.parametrize(
    ("statuses", "folded"),
    [
        (["done", "done"], "done"),
        (["planned"], "planned"),
        (["done", "planned"], "ongoing"),
        (["planned", "ongoing"], "ongoing"),
        ([], "done"),
    ],
)
def test_fold_statuses(statuses: list[str], folded: str) -> None:
    assert fold_statuses(statuses) == folded


def test_an_empty_cue_list_matches_nothing() -> None:
    """Joined into one regex, no cue words must not become the empty pattern, which matches anywhere."""
    from kg.extract import candidates_quoted, program_status

    assert program_status._any_of(()).search("继续推进证照分离改革") is None
    assert candidates_quoted._any_of(()).search("“证照分离”") is None
    assert program_status._any_of(("继续",)).search("继续推进") is not None
