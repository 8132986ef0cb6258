"""Best-effort cache files: written whole or not at all, and never an error.

A cache (parsed divisions, per-file projection parts) only saves time: a read-only or full disk
must not stop the work, and a reader must never see half a file, so entries are written to a
temporary file in the same folder and renamed into place.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def cache_dir() -> Path:
    """The folder of regkg's caches: ``$KG_CACHE_DIR``, else ``$XDG_CACHE_HOME/regkg`` (default
    ``~/.cache/regkg``)."""
    root = os.environ.get("KG_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "regkg"
    )
    return Path(root)


def write_cache_file(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` atomically; False (and nothing left behind) if it cannot be written."""
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        return False
