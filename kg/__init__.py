"""regkg: knowledge graphs of Chinese market-regulation reforms."""

from pathlib import Path as _Path

from kg.native import choose_code as _choose_code

__version__ = "0.1.0"

# "compiled" when the mypyc build of the hot path runs (setup.py), else why Python runs (kg.native)
CODE = _choose_code(_Path(__file__).parent)
