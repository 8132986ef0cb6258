"""Places: divisions with codes, short township names inside the jurisdiction, self references."""

from __future__ import annotations

import pytest
from extract_testkit import DONGGUAN, XX_DISTRICT, one_sentence_doc
from kg.loaders.model import Jurisdiction

from kg.extract.places import PlaceFinder, jurisdiction_ref, place_iri


@pytest.fixture(scope="module")
def dongguan_finder() -> PlaceFinder:
    return PlaceFinder(one_sentence_doc(["x"], DONGGUAN))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # (surface, resolved name, level, code) per place
        ("松山湖谋划打造科学城知识产权国际中心。", [("松山湖", "松山湖", "township", None)]),
        (
            "厚街率先试点探索，黄江主动将系统创新应用于大型餐饮。",
            [("厚街", "厚街镇", "township", None), ("黄江", "黄江镇", "township", None)],
        ),
        ("我市企业获得第二十一届中国专利奖22项。", [("我市", "东莞市", "prefecture", "441900")]),
        (
            "东莞开办企业指标得分与广州、深圳并列全省第 1。",
            [
                ("东莞", "东莞市", "prefecture", "441900"),
                ("广州", "广州市", "prefecture", "440100"),
                ("深圳", "深圳市", "prefecture", "440300"),
            ],
        ),
        ("香港投资者足不出户即可在莞落户投资。", [("香港", "香港特别行政区", "province", "810000")]),
        ("国家知识产权局在国务院新闻发布会上介绍东莞经验。", [("东莞", "东莞市", "prefecture", "441900")]),
    ],
)
def test_places_in_dongguan(dongguan_finder: PlaceFinder, sentence: str, expected: list[tuple]) -> None:
    found = [(m.ref.surface, m.ref.name, m.ref.level, m.ref.code) for m in dongguan_finder.find(sentence)]
    assert found == expected


def test_songshan_lake_is_never_songshan_district(dongguan_finder: PlaceFinder) -> None:
    (mention,) = dongguan_finder.find("松山湖疫情期间发送“松湖启航包”。")
    assert mention.ref.parent_code == "441900"
    assert "松山区" not in mention.ref.name


def test_township_iri_hangs_on_the_parent_code(dongguan_finder: PlaceFinder) -> None:
    (mention,) = dongguan_finder.find("长安市场主体突破 12 万户。")
    assert mention.ref.iri == place_iri("长安镇", None, "441900")
    assert mention.ref.iri.endswith("/x/441900/%E9%95%BF%E5%AE%89%E9%95%87")


def test_self_reference_of_an_anonymized_district() -> None:
    finder = PlaceFinder(one_sentence_doc(["x"], XX_DISTRICT))
    (mention,) = finder.find("全区共有各类在册市场主体51632家。")
    assert mention.ref.name == "XX区"
    assert mention.ref.code is None
    home = jurisdiction_ref(XX_DISTRICT)
    assert home is not None and home.iri is not None and "/x/330000/" in home.iri


def test_places_outside_the_jurisdiction_need_their_suffix(dongguan_finder: PlaceFinder) -> None:
    assert [m.ref.name for m in dongguan_finder.find("赤峰市松山区")] == ["赤峰市", "松山区"]
    assert dongguan_finder.find("松山") == []


def test_a_short_name_inside_a_longer_word_is_no_place() -> None:
    hangzhou = Jurisdiction("杭州市", "prefecture", "浙江省", "330100")
    finder = PlaceFinder(one_sentence_doc(["x"], hangzhou))
    found = finder.find("2022年，全市新登记市场主体15.3万户。")
    assert [m.ref.name for m in found] == ["杭州市"]  # 全市; 新登 of 新登记 is not 新登镇
    assert [m.ref.name for m in finder.find("新登镇农贸市场完成改造。")] == ["新登镇"]
    assert [m.ref.name for m in finder.find("新登农贸市场完成改造。")] == ["新登镇"]
