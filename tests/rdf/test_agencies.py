"""Agency names qualified to the body they denote (names as the seed reports write them)."""

from __future__ import annotations

import pytest

from kg.rdf.agencies import AgencyHome, is_agency_name, qualify_agency

DONGGUAN = AgencyHome({"prefecture": "东莞市", "province": "广东省"}, "东莞市", "东莞市市场监管局")
XX_DISTRICT = AgencyHome({"district": "XX区", "province": "浙江省"}, "XX区", "XX区市场监管局")


@pytest.mark.parametrize(
    ("home", "written", "qualified", "level"),
    [
        (DONGGUAN, "市政府", "东莞市政府", "prefecture"),
        (DONGGUAN, "市市场监管局", "东莞市市场监管局", "prefecture"),  # = the issuer
        (DONGGUAN, "省市场监管局", "广东省市场监管局", "province"),
        (DONGGUAN, "我局", "东莞市市场监管局", None),
        (DONGGUAN, "东莞市市场监管局", "东莞市市场监管局", None),
        (DONGGUAN, "中山市政府", "中山市政府", None),  # another city, already named
        (DONGGUAN, "国家知识产权局", "国家知识产权局", None),
        (DONGGUAN, "沙田镇政府", "东莞市沙田镇政府", None),  # many prefectures have a 沙田镇
        (DONGGUAN, "公安机关", "东莞市·公安机关", None),  # 公安 is also 公安县's short name
        (DONGGUAN, "市场监管局", "东莞市·市场监管局", None),  # 市场 is a word, not 市 + 场
        (XX_DISTRICT, "区政府", "XX区政府", "district"),
        (XX_DISTRICT, "省政府", "浙江省政府", "province"),
        (XX_DISTRICT, "市政府", "XX区·市政府", None),  # the city of an anonymized district is unknown
        (AgencyHome(), "市政府", "市政府", None),  # no jurisdiction: nothing to qualify with
    ],
)
def test_qualify_agency(home: AgencyHome, written: str, qualified: str, level: str | None) -> None:
    result = qualify_agency(written, home)
    assert (result.name, result.place_level) == (qualified, level)


@pytest.mark.parametrize(
    ("text", "is_name"),
    [
        ("东莞市市场监管局", True),
        ("XX区消保委", True),
        ("共有2个市场所、7名干部", False),
        ("东莞市", False),
        ("广东省", False),
        ("", False),
    ],
)
def test_is_agency_name(text: str, is_name: bool) -> None:
    assert is_agency_name(text) is is_name
