"""The store layout fingerprint: derived from the declared schema, recorded and checked by the store."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from kg.store.base import StoreUnavailableError
from kg.store.embedded import MANIFEST_FILENAME, open_embedded, recorded_layout
from kg.store.layout import LAYOUT_REVISION, fingerprint_of, layout_fingerprint

DDL = ["CREATE NODE TABLE `Program`(uri STRING PRIMARY KEY, `uriHash` INT64)"]


def test_fingerprint_names_the_revision_and_hashes_the_ddl() -> None:
    assert re.fullmatch(rf"r{LAYOUT_REVISION}-[0-9a-f]{{12}}", layout_fingerprint())
    assert fingerprint_of(DDL, 1) == fingerprint_of(list(DDL), 1)


@pytest.mark.parametrize(
    "other",
    [
        (["CREATE NODE TABLE `Program`(uri STRING PRIMARY KEY)"], 1),  # a column dropped
        (["CREATE NODE TABLE `Program`(uri STRING PRIMARY KEY, `uriHash` STRING)"], 1),  # retyped
        (DDL, 2),  # a change the DDL does not show, bumped by hand
    ],
)
def test_fingerprint_changes_with_the_schema_or_the_revision(other: tuple[list[str], int]) -> None:
    assert fingerprint_of(*other) != fingerprint_of(DDL, 1)


def test_fingerprint_covers_the_derived_columns_queries_read() -> None:
    from kg.store.ladybug_schema import schema_ddl
    from kg.store.projection import project_plain

    ddl = schema_ddl(project_plain(()).graph)
    assert fingerprint_of(ddl, LAYOUT_REVISION) == layout_fingerprint()
    assert any("`statusCode` INT64" in s for s in ddl) and any("`uriHash` INT64" in s for s in ddl)


def test_a_build_records_the_fingerprint(sample_store) -> None:
    path, report = sample_store
    assert report.layout == layout_fingerprint() == recorded_layout(path)


@pytest.mark.parametrize("manifest", [{"layout": "r0-000000000000"}, {}, None])
def test_a_store_of_another_layout_is_refused(sample_store, tmp_path: Path, manifest: dict | None) -> None:
    import shutil

    path = tmp_path / "old"
    shutil.copytree(sample_store[0], path)
    if manifest is None:
        (path / MANIFEST_FILENAME).unlink()
    else:
        (path / MANIFEST_FILENAME).write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(StoreUnavailableError, match=r"built by an older regkg.*rebuild it with `kg load`"):
        open_embedded(path)
