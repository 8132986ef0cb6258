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
    """Who holds ``store_dir``'s lock right now (``"pid 123 is loading it"``), or None."""
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
def load_lock(store_dir: Path, purpose: str = "loading it") -> Iterator[None]:
    """Hold the store's exclusive lock, or raise :class:`StoreBusyError` at once.

    ``purpose`` ends up in the other process's message: ``pid 123 is loading it``.
    """
    store_dir.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path(store_dir), "a+")  # held open: closing it releases the lock
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            who = handle.read().strip() or "another process"
            raise StoreBusyError(
                f"the graph store at {store_dir} is busy ({who}); try again when it finishes"
            ) from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()} is {purpose}")
        handle.flush()
        yield
    finally:
        handle.close()  # closing releases the flock
