"""Resolving what users type to node uris, against the fixture graph's name index."""

from __future__ import annotations

import pytest
from kg.queries.names import NameIndex, NameResolutionError, build_name_index, normalize_name, place_stems

from kg.store.base import GraphStore
from tests.queries.fixture_graph import RKD, RKP

DONGGUAN = RKD + "place/441900"
HOUJIE = RKD + "place/x/441900/%E5%8E%9A%E8%A1%97%E9%95%87"


@pytest.fixture(scope="module")
def index(fixture_store: GraphStore) -> NameIndex:
    return build_name_index(fixture_store)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("“双随机、一公开”", "双随机一公开"),
        ("双随机 一公开", "双随机一公开"),
        ("雙隨機、一公開", "双随机一公开"),  # traditional characters
        ("互联网＋明厨亮灶", "互联网明厨亮灶"),  # full-width plus
        ("Double Random", "doublerandom"),
    ],
)
def test_normalize_name(text: str, key: str) -> None:
    assert normalize_name(text) == key


@pytest.mark.parametrize(
    ("label", "stems"),
    [
        ("东莞市", ["东莞"]), ("厚街镇", ["厚街"]), ("南城街道", ["南城"]), ("广西壮族自治区", ["广西壮族"]),
        ("城区", []),
    ],
)
def test_place_stems(label: str, stems: list[str]) -> None:
    assert place_stems(label) == stems


@pytest.mark.parametrize(
    "text", ["双随机一公开", "“双随机、一公开”", "双随机", "double random, one public", RKP + "double-random",
             "rkp:double-random"],
)
def test_program_by_label_alias_english_or_uri(index: NameIndex, text: str) -> None:
    assert index.resolve("program", text) == [RKP + "double-random"]


def test_program_brings_its_narrower_programs(index: NameIndex) -> None:
    assert index.resolve("program", "证照分离") == [RKP + "separate-permits", RKP + "separate-permits-full"]
    assert index.resolve("program", "证照分离", expand=False) == [RKP + "separate-permits"]


@pytest.mark.parametrize("text", ["东莞", "东莞市", "441900", "rkd:place/441900"])
def test_place_by_name_stem_or_code_includes_places_within(index: NameIndex, text: str) -> None:
    uris = index.resolve("place", text)
    assert uris[0] == DONGGUAN
    assert HOUJIE in uris
    assert RKD + "place/442000" not in uris


def test_ambiguous_place_lists_the_choices(index: NameIndex) -> None:
    with pytest.raises(NameResolutionError) as caught:
        index.resolve("place", "城区")
    assert len(caught.value.choices) == 2
    choices = caught.value.choices
    assert any("东莞市" in c for c in choices) and any("中山市" in c for c in choices)
    assert "东莞市城区" in str(caught.value) or "中山市城区" in str(caught.value)


def test_a_coded_place_is_preferred_to_an_uncoded_namesake(index: NameIndex) -> None:
    # 中山 is the stem of 中山市 (442000) and of the uncoded township 中山镇 in 东莞.
    assert index.resolve("place", "中山") == [RKD + "place/442000", RKD + "place/x/442000/%E5%9F%8E%E5%8C%BA"]
    assert index.resolve("place", "中山镇") == [RKD + "place/x/441900/%E4%B8%AD%E5%B1%B1%E9%95%87"]


def test_place_qualified_by_its_enclosing_place(index: NameIndex) -> None:
    assert index.resolve("place", "东莞城区") == [RKD + "place/x/441900/%E5%9F%8E%E5%8C%BA"]


def test_unknown_name_suggests_near_names(index: NameIndex) -> None:
    with pytest.raises(NameResolutionError) as caught:
        index.resolve("program", "证照")
    assert "证照分离" in caught.value.suggestions
    assert "did you mean" in str(caught.value)


def test_agency_and_any_node(index: NameIndex) -> None:
    assert index.resolve("agency", "东莞市市场监管局") == [RKD + "agency/dg"]
    assert index.resolve("node", "中山") == [RKD + "place/442000"]
    with pytest.raises(NameResolutionError):
        index.resolve("program", "东莞市")  # a place is not a program
