"""The administrative-division gazetteer built on jionlp's data (GB/T 2260 codes)."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from kg.loaders.divisions import gazetteer


@pytest.mark.parametrize(
    ("name", "full", "code", "level", "province"),
    [
        ("东莞", "东莞市", "441900", "prefecture", "广东省"),
        ("东莞市", "东莞市", "441900", "prefecture", "广东省"),
        ("中山", "中山市", "442000", "prefecture", "广东省"),
        ("深圳", "深圳市", "440300", "prefecture", "广东省"),
        ("浙江", "浙江省", "330000", "province", "浙江省"),
        ("上海", "上海市", "310000", "province", "上海市"),
        ("嘉定区", "嘉定区", "310114", "district", "上海市"),
        ("南山区", "南山区", "440305", "district", "广东省"),
    ],
)
def test_resolve_by_full_or_short_name(name: str, full: str, code: str, level: str, province: str) -> None:
    g = gazetteer()
    div = g.resolve(name)
    assert div is not None
    assert (div.name, div.code, div.level, div.province) == (full, code, level, province)
    assert g.by_code(code) == div


def test_townships_of_dongguan() -> None:
    g = gazetteer()
    dongguan = g.by_code("441900")
    names = {d.name for d in g.townships(dongguan)}
    assert {"厚街镇", "长安镇", "虎门镇", "松山湖", "南城街道", "沙田镇"} <= names
    assert all(d.level == "township" and d.code is None for d in g.townships(dongguan))


def test_township_short_names_resolve_inside_their_prefecture() -> None:
    g = gazetteer()
    houjie = g.resolve("厚街", context="441900")
    assert houjie is not None and houjie.name == "厚街镇"
    assert g.parent(houjie).code == "441900"
    assert g.province_of(houjie).name == "广东省"
    assert [a.name for a in g.ancestors(houjie)] == ["东莞市", "广东省"]
    changan = g.resolve("长安", context="441900")
    assert changan is not None and (changan.name, changan.parent_key) == ("长安镇", "441900")
    # without a context a short name never picks one of the many townships called so
    assert g.resolve("长安").level != "township"


def test_children_and_levels() -> None:
    g = gazetteer()
    shenzhen = g.by_code("440300")
    districts = {d.name for d in g.children(shenzhen, level="district")}
    assert {"南山区", "福田区", "罗湖区"} <= districts
    assert g.is_within(g.by_code("440305"), "440000")
    assert len(g.provinces()) == 34


def test_mentions_prefer_longest_names() -> None:
    g = gazetteer()
    text = "东莞市和深圳南山区开展合作，浙江省也派员参加。"
    found = [(m.surface, m.candidates[0].name) for m in g.mentions(text)]
    assert ("东莞市", "东莞市") in found and ("南山区", "南山区") in found and ("浙江省", "浙江省") in found
    townships = g.mentions("在厚街镇和虎门举办", levels=("township",))
    assert [m.surface for m in townships] == ["厚街镇", "虎门"]


@pytest.mark.parametrize(
    "text",
    [
        "东莞市和深圳南山区开展合作，浙江省也派员参加。",
        "2021年，ABC东莞市𠀋𠀋（emoji 😀）深圳市 and 南山区。",  # 1-, 3- and 4-byte UTF-8 characters
        "东莞东莞市东莞",  # adjacent names
    ],
)
def test_mention_spans_are_character_offsets(text: str) -> None:
    # The automata run over UTF-8 bytes: spans must still index the text by character.
    mentions = gazetteer().mentions(text)
    assert mentions
    assert all(text[m.start : m.end] == m.surface for m in mentions)
    assert [m.surface for m in mentions] == [s for s, _ in gazetteer().surfaces(text)]
    assert all(a.end <= b.start for a, b in pairwise(mentions))


@pytest.mark.parametrize(
    ("former", "today", "code"),
    [("襄樊", "襄阳市", "420600"), ("襄樊市", "襄阳市", "420600"), ("下城区", "拱墅区", "330105")],
)
def test_former_names_find_todays_division(former: str, today: str, code: str) -> None:
    div = gazetteer().resolve(former)
    assert div is not None and (div.name, div.code) == (today, code)


def test_parsed_divisions_are_cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from kg.loaders import divisions

    monkeypatch.setenv("KG_CACHE_DIR", str(tmp_path))
    source = divisions.jionlp_location_file()
    assert divisions._read_cache(source) is None
    sample = list(gazetteer()._by_key.values())[:50]
    divisions._write_cache(source, sample)
    assert [p.name for p in tmp_path.iterdir()] == [divisions._cache_path(source).name]
    assert divisions._read_cache(source) == sample


def test_the_division_list_is_read_from_jionlps_zip_before_jionlp_unpacks_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fresh install holds only ``china_location.zip`` until jionlp is imported once; the
    gazetteer must not depend on some other code having imported jionlp first."""
    import importlib.machinery
    import zipfile

    from kg.loaders import divisions

    text = divisions.read_location_text(divisions.jionlp_location_file())
    package = tmp_path / "jionlp"
    (package / "dictionary").mkdir(parents=True)
    with zipfile.ZipFile(package / "dictionary" / "china_location.zip", "w") as archive:
        archive.writestr("china_location.txt", text)
    spec = importlib.machinery.ModuleSpec("jionlp", None, is_package=True)
    spec.submodule_search_locations = [str(package)]
    monkeypatch.setattr(divisions.importlib.util, "find_spec", lambda name: spec)
    source = divisions.jionlp_location_file()
    assert source.suffix == ".zip"
    assert divisions.read_location_text(source) == text
    assert any(d.name == "东莞市" and d.code == "441900" for d in divisions.parse_location_file(text))


def test_preorder_walks_each_division_before_everything_below_it() -> None:
    """``preorder`` (a walk with a stack) is the recursive walk over ``children`` from the provinces."""
    g = gazetteer()

    def recursive(div):  # type: ignore[no-untyped-def]
        yield div
        for child in g.children(div):
            yield from recursive(child)

    expected = [d for province in g.provinces() for d in recursive(province)]
    walked = list(g.preorder())
    assert walked == expected
    assert len(walked) > 40_000 and walked[0].level == "province"
