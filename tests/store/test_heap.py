"""Returning freed memory to the system: found on glibc, harmless everywhere."""

from __future__ import annotations

import platform

import pytest

from kg.store.heap import _malloc_trim, return_freed_memory


@pytest.mark.skipif(platform.libc_ver()[0] != "glibc", reason="malloc_trim is a glibc function")
def test_glibc_trim_is_found_and_returns_after_freeing() -> None:
    trim = _malloc_trim()
    assert trim is not None
    blocks = [bytes(2000) + bytes([i % 256]) for i in range(20_000)]  # heap blocks, not pymalloc's
    del blocks
    assert return_freed_memory() is None
    assert trim(0) in (0, 1)  # 1: memory was released, 0: there was none to release
