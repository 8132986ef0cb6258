"""The disk cache of the parsed vocabulary: reused while the files and code are unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.extract import vocabulary
from kg.extract.vocabulary import ProgramVocabulary, load_vocabulary, read_vocabulary
from kg.extract.vocabulary_cache import cache_key, cached_build

EXTENSION = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rkp: <https://w3id.org/regkg/id/program/> .
rkp:double-random-one-public skos:altLabel "双随机抽查全覆盖"@zh .
"""


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "cache"
    monkeypatch.setenv("KG_CACHE_DIR", str(home))
    vocabulary._cached.cache_clear()  # the per-process cache would hide the disk cache
    yield home
    vocabulary._cached.cache_clear()


def _fail() -> ProgramVocabulary:
    raise AssertionError("parsed although a cached copy exists")


def test_a_cached_vocabulary_matches_like_the_parsed_one(cache_home: Path) -> None:
    parsed = read_vocabulary()
    loaded = load_vocabulary()  # parsed and written to the cache
    assert len(list(cache_home.glob("vocabulary-*.pickle"))) == 1
    vocabulary._cached.cache_clear()
    reread = load_vocabulary()  # read back from the cache
    assert reread is not loaded
    text = "全面落实“双随机、一公开”监管，推进“证照分离”改革全覆盖试点"
    assert reread.programs == parsed.programs and reread.by_label == parsed.by_label
    assert reread.match(text) == parsed.match(text) and parsed.match(text)


def test_the_cache_is_used_until_a_source_changes(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "vocabulary.ttl"
    source.write_text(EXTENSION, encoding="utf-8")
    code = [Path(vocabulary.__file__)]
    built = cached_build([source], code, lambda: read_vocabulary(extra=source), ProgramVocabulary)
    again = cached_build([source], code, _fail, ProgramVocabulary)
    assert again.lookup("双随机抽查全覆盖") is not None and len(again) == len(built)
    source.write_text(EXTENSION.replace("全覆盖", "全覆盖了"), encoding="utf-8")
    with pytest.raises(AssertionError, match="parsed although"):
        cached_build([source], code, _fail, ProgramVocabulary)  # new bytes: a new key, built again


def test_an_unreadable_entry_is_rebuilt(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "vocabulary.ttl"
    source.write_text(EXTENSION, encoding="utf-8")
    entry = cache_home / f"vocabulary-{cache_key([source], [])}.pickle"
    entry.parent.mkdir(parents=True)
    entry.write_bytes(b"not a pickle")
    built = cached_build([source], [], lambda: read_vocabulary(extra=source), ProgramVocabulary)
    assert built.lookup("双随机抽查全覆盖") is not None
    assert cached_build([source], [], _fail, ProgramVocabulary).lookup("双随机抽查全覆盖") is not None


def test_the_key_depends_on_the_code(tmp_path: Path) -> None:
    source, code = tmp_path / "a.ttl", tmp_path / "code.py"
    source.write_text(EXTENSION, encoding="utf-8")
    code.write_text("x = 1\n", encoding="utf-8")
    before = cache_key([source], [code])
    code.write_text("x = 2\n", encoding="utf-8")
    assert cache_key([source], [code]) != before
