"""Where regkg keeps its data and finds the seed documents.

Every setting has an environment variable so tests, CI and benchmarks can
point regkg elsewhere without editing files.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data dir: ``override``, else ``$KG_DATA_DIR``, else ``./kg-data``."""
    return Path(override or os.environ.get("KG_DATA_DIR") or "kg-data")


def seeds_dir() -> Path:
    """The seed reports: ``$KG_SEEDS_DIR``, else ``../shared/seeds`` beside the repo."""
    env = os.environ.get("KG_SEEDS_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def gold_dir() -> Path:
    """The gold annotations: ``$KG_GOLD_DIR``, else ``../shared/gold``."""
    env = os.environ.get("KG_GOLD_DIR")
    if env:
        return Path(env)
    return seeds_dir().parent / "gold"


def max_bytes() -> int:
    """Largest input file accepted (``$KG_MAX_BYTES``), to refuse runaway inputs early."""
    return int(os.environ.get("KG_MAX_BYTES", DEFAULT_MAX_BYTES))
