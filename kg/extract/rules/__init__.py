"""Data tables that drive extraction: cue words, units, metric keywords.

Rules are data so that they can be read, reviewed and extended without touching the
matching code; each table names the concept it encodes.
"""
