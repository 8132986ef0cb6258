"""The jurisdiction swap of the corpus scaler, on jionlp's division data and the real seeds."""

from __future__ import annotations

import random

import pytest

from bench.places import (
    NameSwap,
    Place,
    name_swap,
    pick_target,
    safe_short,
    seed_places,
    township_short,
)


@pytest.mark.parametrize(
    ("name", "short"),
    [("厚街镇", "厚街"), ("万江街道", "万江"), ("港口镇", None), ("民众镇", None)],
)
def test_township_short_forms_skip_common_words(name: str, short: str | None) -> None:
    # 港口 and 民众 are everyday words in the seeds (港口码头, 人民群众 ...): never treat them as places.
    assert township_short(name) == short


def test_safe_short_refuses_one_character_names() -> None:
    assert safe_short("莞") is None
    assert safe_short("东莞") == "东莞"


def test_name_swap_replaces_longest_name_first() -> None:
    swap = NameSwap()
    swap.add(Place("东莞市", "东莞", "441900", "prefecture"), Place("宿州市", "宿州", "341300", "prefecture"))
    swap.add(Place("厚街镇", "厚街", None, "township"), Place("夹沟镇", "夹沟", None, "township"))
    swap.compile()
    assert swap("东莞市厚街镇试点，厚街率先，品质东莞") == "宿州市夹沟镇试点，夹沟率先，品质宿州"


@pytest.mark.parametrize(
    ("prefix", "province", "prefecture", "townships"),
    [
        ("000", "广东省", "东莞市", ("厚街镇", "沙田镇")),
        ("001", "广东省", "中山市", ("古镇镇",)),
        ("003", "广东省", "深圳市", ()),
    ],
)
def test_seed_places_finds_own_jurisdiction(
    seed_named, gazetteer, prefix: str, province: str, prefecture: str, townships: tuple[str, ...]
) -> None:
    places = seed_places(seed_named(prefix).text, gazetteer)
    assert places.province is not None and places.province.full == province
    assert places.prefecture is not None and places.prefecture.full == prefecture
    assert set(townships) <= {t.full for t in places.townships}


def test_seed_places_detects_anonymized_district(seed_named, gazetteer) -> None:
    places = seed_places(seed_named("004").text, gazetteer)
    assert places.anonymized and places.prefecture is None


def test_swap_moves_a_seed_to_a_real_prefecture(seed_named, gazetteer) -> None:
    seed = seed_named("000")
    rng = random.Random(7)
    target = pick_target(gazetteer, rng, district_level=False, exclude="东莞市")
    swapped = name_swap(seed.places, target, rng)(seed.text)
    assert target.prefecture.place.full != "东莞市"
    assert "东莞" not in swapped
    assert swapped.count(target.prefecture.place.short or target.prefecture.place.full) >= 3
    township_names = {t.full for t in target.prefecture.townships} | {
        t.short for t in target.prefecture.townships if t.short
    }
    assert any(name in swapped for name in township_names)


def test_anonymized_seed_gets_a_real_county(seed_named, gazetteer) -> None:
    seed = seed_named("004")
    target = pick_target(gazetteer, random.Random(3), district_level=True, exclude=None)
    swapped = name_swap(seed.places, target, random.Random(4))(seed.text)
    assert "XX区" not in swapped
    assert target.county.full in swapped
