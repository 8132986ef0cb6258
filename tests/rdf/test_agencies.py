"""Agency names qualified to the body they denote (names as the seed reports write them)."""

from __future__ import annotations

import pytest

from kg.rdf.agencies import AgencyHome, is_agency_name, qualify_agency

DONGGUAN = AgencyHome({"prefecture": "东莞市", "province": "广东省"}, "东莞市", "东莞市市场监管局")
# an anonymized district is named with its province (see kg.rdf.document._home)
XX_DISTRICT = AgencyHome(
    {"district": "浙江省XX区", "province": "浙江省"},
    "浙江省XX区",
    "浙江省XX区市场监管局",
    renames=(("XX区", "浙江省XX区"),),
)


@pytest.mark.parametrize(
    ("home", "written", "qualified", "place_level", "agency_level"),
    [
        (DONGGUAN, "市政府", "东莞市政府", "prefecture", "municipal"),
        (DONGGUAN, "市市场监管局", "东莞市市场监管局", "prefecture", "municipal"),  # = the issuer
        (DONGGUAN, "省市场监管局", "广东省市场监管局", "province", "provincial"),
        (DONGGUAN, "广东省药监局", "广东省药监局", "province", "provincial"),
        (DONGGUAN, "我局", "东莞市市场监管局", None, None),
        (DONGGUAN, "东莞市市场监管局", "东莞市市场监管局", "prefecture", "municipal"),
        (DONGGUAN, "中山市政府", "中山市政府", None, "municipal"),  # another city, already named
        (DONGGUAN, "内蒙古自治区政府", "内蒙古自治区政府", None, "provincial"),
        (DONGGUAN, "国家知识产权局", "国家知识产权局", None, "national"),
        (DONGGUAN, "沙田镇政府", "东莞市沙田镇政府", None, "other"),  # many prefectures have a 沙田镇
        (DONGGUAN, "公安机关", "东莞市·公安机关", None, None),  # 公安 is also 公安县's short name
        (DONGGUAN, "市场监管局", "东莞市·市场监管局", None, None),  # 市场 is a word, not 市 + 场
        (XX_DISTRICT, "区政府", "浙江省XX区政府", "district", "district"),
        (XX_DISTRICT, "XX区委", "浙江省XX区委", "district", "district"),  # not every XX区's 区委
        (XX_DISTRICT, "省政府", "浙江省政府", "province", "provincial"),
        (XX_DISTRICT, "市政府", "浙江省XX区·市政府", None, None),  # the city of XX区 is unknown
        (AgencyHome(), "市政府", "市政府", None, None),  # no jurisdiction: nothing to qualify with
    ],
)
def test_qualify_agency(
    home: AgencyHome, written: str, qualified: str, place_level: str | None, agency_level: str | None
) -> None:
    result = qualify_agency(written, home)
    assert (result.name, result.place_level, result.level) == (qualified, place_level, agency_level)


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
