"""The regkg ontology, SHACL shapes and program vocabulary (Turtle files shipped as package data)."""

from pathlib import Path

HERE = Path(__file__).resolve().parent
ONTOLOGY_TTL = HERE / "regkg.ttl"
SHAPES_TTL = HERE / "shapes.ttl"
PROGRAMS_TTL = HERE / "programs.ttl"
