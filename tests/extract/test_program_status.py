"""Program status: section kind, cue words and folding of mentions."""

from __future__ import annotations

import pytest

from kg.extract.program_status import clause_around, fold_statuses, mention_status


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
