"""The program vocabulary: normalization, loading, the user extension and lexicon matching."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from kg.extract.textnorm import (
    MATCHER_PUNCTUATION,
    README_PUNCTUATION,
    _normalize_by_character,
    normalize_label,
    normalize_lazily,
    normalize_with_offsets,
    normalize_with_runs,
)
from kg.extract.vocabulary import (
    RKP,
    ProgramVocabulary,
    balance_quotes,
    get_vocabulary,
    load_vocabulary,
    read_vocabulary,
)


@pytest.fixture(scope="module")
def vocab() -> ProgramVocabulary:
    return read_vocabulary()


@pytest.mark.parametrize(
    ("text", "normalized"),
    [
        ("“双随机、一公开”", "双随机一公开"),
        ("双随机 、一公开", "双随机一公开"),
        ("ＮＱＩ“一站式”服务", "nqi一站式服务"),
        ("互联网+明厨亮灶", "互联网明厨亮灶"),
        ("中山(灯饰)知识产权快速维权中心", "中山灯饰知识产权快速维权中心"),
        ("提质行\n\n动", "提质行动"),
    ],
)
def test_normalize_label(text: str, normalized: str) -> None:
    assert normalize_label(text) == normalized


def test_normalized_offsets_point_back_into_the_text() -> None:
    text = "全面落实“双随机、一公开”监管"
    norm, index = normalize_with_offsets(text)
    start = norm.index("双随机一公开")
    end = start + len("双随机一公开")
    assert text[index[start] : index[end - 1] + 1] == "双随机、一公开"


@pytest.mark.parametrize(
    "text",
    [
        "全面落实“双随机、一公开”监管",
        "ＮＱＩ“一站式”服务　，  a、 b ",
        "、、开头和结尾。。",
        "İstanbul的Σ与\u200b测试",  # lower() expands İ: the character-by-character path
    ],
)
def test_offset_runs_agree_with_the_offset_list(text: str) -> None:
    norm, offsets = normalize_with_runs(text)
    assert normalize_with_offsets(text) == (norm, [offsets[i] for i in range(len(norm))])
    for i, ch in enumerate(norm):
        assert ch in normalize_label(text[offsets[i]])  # İ lowers to two characters



def test_plain_texts_normalize_like_the_character_loop(seed_docs: dict) -> None:
    texts = [s.text for doc in seed_docs.values() for s in doc.sentences]
    texts += ["全面落实“双随机、一公开”监管", "、、开头和结尾。。", "ＮＱＩ“一站式”服务　，  a、 b "]
    texts += ["Σ与\u200b", "", "2019年增长≥5%。"]
    for punctuation in (MATCHER_PUNCTUATION, README_PUNCTUATION):
        for text in texts:
            norm, offsets = normalize_with_runs(text, punctuation)
            slow_norm, slow_offsets = _normalize_by_character(text, punctuation)
            assert (norm, offsets.tolist()) == (slow_norm, slow_offsets.tolist()), text
            assert normalize_label(text, punctuation) == norm
            lazy_norm, lazy_offsets = normalize_lazily(text, punctuation)
            assert (lazy_norm, lazy_offsets().tolist()) == (norm, offsets.tolist()), text

# Real seed sentences: (sentence, slug of the program matched, surface as written)
LEXICON_CASES = [
    ("开展“铁拳”“蓝天”等专项行动，有力净化社会创新环境。", "iron-fist-campaign", "铁拳"),
    ("开展“铁拳”“蓝天”等专项行动，有力净化社会创新环境。", "blue-sky-campaign", "蓝天"),
    ("持续推进“最多跑一次”改革,审批再提速、功能再扩展。", "run-at-most-once", "“最多跑一次”改革"),
    (
        "推进“证照分离”改革全覆盖试点工作,4万户市场主体享受改革红利。",
        "separating-permits-from-licenses",
        "“证照分离”改革全覆盖试点",
    ),
    ("全省率先编制“双随机、一公开”部门联合抽查事项清单", "double-random-one-public", "双随机、一公开"),
    (
        "高标准开发东莞市“互联网+明厨亮灶”智慧监管系统",
        "internet-plus-transparent-kitchens",
        "“互联网+明厨亮灶”智慧监管系统",
    ),
    (
        "深化知识产权质押融\n资，全国首单知识产权法律费用保险落地东莞。",
        "ip-pledge-financing",
        "知识产权质押融\n资",
    ),
    (
        "深化知识产权质押融\n资，全国首单知识产权法律费用保险落地东莞。",
        "ip-legal-cost-insurance",
        "知识产权法律费用保险",
    ),
    ("争取国家质量基础设施“一站式”服务试点。", "nqi-one-stop-service", "质量基础设施“一站式”服务"),
]


@pytest.mark.parametrize(("sentence", "slug", "surface"), LEXICON_CASES)
def test_lexicon_matches_real_sentences(
    vocab: ProgramVocabulary, sentence: str, slug: str, surface: str
) -> None:
    found = {(m.program.iri, m.surface) for m in vocab.match(sentence)}
    assert (f"{RKP}{slug}", surface) in found


@pytest.mark.parametrize(
    ("sentence", "slug"),
    [
        # 蓝天 inside a company name is no campaign: short labels need quotes or a program word
        ("横沥镇、蓝天星农产品交易有限公司成功获批两个国家标准试点示范项目", "blue-sky-campaign"),
        # the longest label wins: 互联网+明厨亮灶 is not also a plain 明厨亮灶 mention
        ("高标准开发东莞市“互联网+明厨亮灶”智慧监管系统", "transparent-kitchens"),
        # a label made of digits or Latin letters does not match inside a longer number or word
        ("举报电话123150已停用", "hotline-12315"),
        # umbrella programs are never matched in text
        ("加快知识产权保护体系建设", "ip-protection"),
    ],
)
def test_lexicon_does_not_match(vocab: ProgramVocabulary, sentence: str, slug: str) -> None:
    assert f"{RKP}{slug}" not in {m.program.iri for m in vocab.match(sentence)}


def test_matches_do_not_overlap(vocab: ProgramVocabulary) -> None:
    sentence = "推进“证照分离”全覆盖改革试点，增加“证照同办”改革业务类型，探索“一业一证”改革。"
    spans = sorted((m.start, m.end) for m in vocab.match(sentence))
    assert len(spans) == 3
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in itertools.pairwise(spans))


def test_surface_keeps_brackets_whole(vocab: ProgramVocabulary) -> None:
    sentence = "医疗器械唯一标识(UDI)试点入选国际物品编码组织优秀案例。"
    assert "医疗器械唯一标识(UDI)" in {m.surface for m in vocab.match(sentence)}


def test_balance_quotes_widens_a_cut_quote_pair() -> None:
    text = "推进“证照分离”改革"
    start = text.index("证照")
    assert text[slice(*balance_quotes(text, start, len(text)))] == "“证照分离”改革"


def test_lookup_by_label_slug_and_iri(vocab: ProgramVocabulary) -> None:
    by_label = vocab.lookup("“双随机”抽查")
    assert by_label is not None and by_label.iri == f"{RKP}double-random-one-public"
    assert vocab.lookup("double-random-one-public") is by_label
    assert vocab.lookup(f"{RKP}double-random-one-public") is by_label
    assert vocab.lookup("不存在的项目") is None


def test_broader_closure_follows_the_hierarchy(vocab: ProgramVocabulary) -> None:
    closure = vocab.broader_closure(f"{RKP}separating-permits-from-licenses")
    assert closure[:2] == [f"{RKP}commercial-system-reform", f"{RKP}streamline-administration-reform"]


EXTENSION = """
@prefix rk:   <https://w3id.org/regkg/ontology#> .
@prefix rkp:  <https://w3id.org/regkg/id/program/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .

rkp:double-random-one-public skos:altLabel "双随机抽查全覆盖"@zh .

rkp:pine-lake-starter-pack a skos:Concept, rk:Program ;
    skos:prefLabel "松湖启航包"@zh ;
    rdfs:label "Songshan Lake starter pack"@en ;
    rk:programType "platform" ;
    skos:broader rkp:commercial-system-reform .
"""


def test_extension_file_adds_labels_and_programs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    extra = tmp_path / "vocabulary.ttl"
    extra.write_text(EXTENSION, encoding="utf-8")
    monkeypatch.setenv("KG_VOCAB_EXTRA", str(extra))
    vocab = load_vocabulary()
    assert get_vocabulary() is vocab  # cached
    assert vocab.lookup("双随机抽查全覆盖").iri == f"{RKP}double-random-one-public"
    starter = vocab.lookup("松湖启航包")
    assert starter is not None and starter.program_type == "platform" and starter.label_en
    assert [m.program.iri for m in vocab.match("松山湖疫情期间发送“松湖启航包”")] == [starter.iri]
    assert len(vocab) == len(read_vocabulary()) + 1


def test_extension_in_the_data_dir_is_picked_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "vocabulary.ttl").write_text(EXTENSION, encoding="utf-8")
    monkeypatch.delenv("KG_VOCAB_EXTRA", raising=False)
    monkeypatch.setenv("KG_DATA_DIR", str(tmp_path))
    assert load_vocabulary().lookup("松湖启航包") is not None


def test_a_missing_extension_file_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_VOCAB_EXTRA", str(tmp_path / "nope.ttl"))
    with pytest.raises(FileNotFoundError):
        load_vocabulary()
