"""Words that name places, or look like they do."""

from __future__ import annotations

# words that mean the document's own jurisdiction, by the jurisdiction's level
SELF_REFERENCES: dict[str, tuple[str, ...]] = {
    "prefecture": ("我市", "全市", "本市", "市局", "我局", "本局", "全局"),
    "county": ("我县", "全县", "本县", "县局", "我区", "全区", "本区", "区局", "我局", "本局", "全局"),
    "district": ("我区", "全区", "本区", "区局", "我局", "本局", "全局"),
    "province": ("我省", "全省", "本省", "省局", "我局", "本局", "全局"),
}

# suffixes dropped to get a township's or county's short name (厚街镇 → 厚街)
SHORT_NAME_SUFFIXES: tuple[str, ...] = ("街道", "镇", "乡", "区", "县")

# ordinary words that contain a place name; as longer matches they block the place inside
NON_PLACE_WORDS: tuple[str, ...] = (
    "中山装",
    "中山大学",
    "东方",
    "长安街",
    "全市场",
    "全局性",
    "大局",
    "市局面",
    "格局",
    "全区域",
    "高新区",
    "自贸区",
    "示范区",
    "园区",
    "街区",
    "社区",
    "城区",
    "辖区",
    "景区",
    "山区",
)

# levels whose short names are checked to be words of the sentence (新登 in 新登记 is no place)
SHORT_NAME_LEVELS: frozenset[str] = frozenset({"township", "county", "district"})
# jieba frequency given to those short names: enough to beat two single characters (厚/街),
# not enough to beat a common word (新/登记)
SHORT_NAME_FREQUENCY = 100
