"""The load lock: one writer per store at a time, and a clear message for everyone else.

An advisory ``flock`` on ``<store>/load.lock`` is held for as long as a load or sync writes the
store. The kernel drops it when the process dies, so a crashed load never leaves a stale lock; the
file itself only records who holds it, for the message.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.store.base import StoreBusyError

LOCK_FILENAME = "load.lock"


def lock_path(store_dir: Path) -> Path:
    """Where the load lock of ``store_dir`` lives."""
    return store_dir / LOCK_FILENAME


def holder(store_dir: Path) -> str | None:
    """A description of the process loading ``store_dir`` right now (``"pid 123"``), or None."""
    path = lock_path(store_dir)
    if not path.exists():
        return None
    with open(path, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            return handle.read().strip() or "another process"
        fcntl.flock(handle, fcntl.LOCK_UN)
    return None


@contextmanager
def load_lock(store_dir: Path) -> Iterator[None]:
    """Hold the store's exclusive load lock, or raise :class:`StoreBusyError` at once."""
    store_dir.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path(store_dir), "a+")  # held open: closing it releases the lock
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            who = handle.read().strip() or "another process"
            raise StoreBusyError(
                f"the graph store at {store_dir} is being loaded by {who}; try again when it finishes"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock
