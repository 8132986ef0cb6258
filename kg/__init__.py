"""regkg: knowledge graphs of Chinese market-regulation reforms."""

__version__ = "0.1.0"
