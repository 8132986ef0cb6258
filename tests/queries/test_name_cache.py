"""The name index saved beside the embedded store."""

from __future__ import annotations

import json
from pathlib import Path

from kg.queries.name_cache import CACHE_FILENAME, cached_name_index
from kg.queries.names import build_name_index

from kg.store import open_store


def test_the_saved_index_answers_like_a_fresh_one_and_is_reused(fixture_data_dir: Path) -> None:
    store = open_store("embedded", data_dir=fixture_data_dir)
    try:
        cache = store.path / CACHE_FILENAME
        cache.unlink(missing_ok=True)
        first = cached_name_index(store)
        assert cache.exists()
        saved = cached_name_index(store)  # read back from names.json
        fresh = build_name_index(store)
        assert saved.nodes == fresh.nodes and saved.lookup("program", "双随机一公开")
        for kind in ("program", "place", "agency"):
            assert saved.keys[kind] == fresh.keys[kind] == first.keys[kind]
            assert saved.narrower[kind] == fresh.narrower[kind]
        assert saved.resolve("place", "东莞") == fresh.resolve("place", "东莞")
    finally:
        store.close()


def test_a_stale_or_broken_cache_is_rebuilt(fixture_data_dir: Path) -> None:
    store = open_store("embedded", data_dir=fixture_data_dir)
    try:
        cache = store.path / CACHE_FILENAME
        cached_name_index(store)
        body = json.loads(cache.read_text(encoding="utf-8"))
        body["stamp"], body["nodes"] = "other build", []
        cache.write_text(json.dumps(body), encoding="utf-8")
        assert cached_name_index(store).nodes  # the stale stamp is ignored
        cache.write_text("{not json", encoding="utf-8")
        assert cached_name_index(store).lookup("program", "双随机一公开")
    finally:
        store.close()
