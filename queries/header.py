"""The comment header of a canned query file: name, description, parameters, result columns.

A canned query is a ``queries/<name>.cypher`` file that starts with ``//`` comment lines::

    // name: program-adopters
    // description: Jurisdictions that ran a program, with first year and latest status.
    // param program: program! -- the program, by label, alias or uri
    // param limit: int = 200 -- most rows returned
    // columns: program, jurisdiction, first_year
    // sets: programs

``sets`` names the list columns whose items have no order of their own (``collect(DISTINCT …)``):
the engines return them in whatever order they met the rows, so the runner sorts them and a
query gives the same answer on every run and engine.
``param NAME: TYPE`` ends in ``!`` when the parameter is required, or in ``= DEFAULT``.
A line that starts with ``//`` plus extra indentation continues the previous field.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Types a parameter may declare. Entity types are resolved by name against the store and
# also bind ``$<name>_uris`` (see kg.queries.names); scalar types are only coerced.
ENTITY_TYPES = ("program", "place", "agency", "node")
SCALAR_TYPES = ("string", "int", "float", "bool")
CHOICE_RE = re.compile(r"^choice\(([^)]*)\)$")

_FIELD_RE = re.compile(r"^//\s?(name|description|param|columns|sets)\b\s*:?\s*(.*)$")
_CONTINUATION_RE = re.compile(r"^//\s{2,}(\S.*)$")
_PARAM_RE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?P<type>choice\([^)]*\)|[a-z]+)\s*"
    r"(?:(?P<required>!)|=\s*(?P<default>[^\s].*?))?\s*(?:--\s*(?P<help>.*))?$"
)


class HeaderError(ValueError):
    """A canned query file whose header cannot be understood."""


@dataclass(frozen=True)
class QueryParam:
    """One declared parameter of a canned query."""

    name: str
    type: str  # one of ENTITY_TYPES, SCALAR_TYPES, or "choice"
    required: bool = False
    default: str | None = None  # as written; coerced like a command-line value when bound
    help: str = ""
    choices: tuple[str, ...] = ()

    @property
    def is_entity(self) -> bool:
        """Whether the value names a graph node that must be resolved to uris."""
        return self.type in ENTITY_TYPES

    def signature(self) -> str:
        """A short human form, e.g. ``program: program!`` or ``limit: int = 200``."""
        kind = f"choice({'|'.join(self.choices)})" if self.type == "choice" else self.type
        if self.required:
            return f"{self.name}: {kind}!"
        if self.default is not None:
            return f"{self.name}: {kind} = {self.default}"
        return f"{self.name}: {kind}"


@dataclass(frozen=True)
class QueryHeader:
    """What a canned query file declares about itself."""

    name: str
    description: str
    params: tuple[QueryParam, ...] = field(default_factory=tuple)
    columns: tuple[str, ...] = field(default_factory=tuple)
    sets: tuple[str, ...] = field(default_factory=tuple)  # list columns returned sorted

    def param(self, name: str) -> QueryParam | None:
        """The declared parameter called ``name``, if any."""
        return next((p for p in self.params if p.name == name), None)


def parse_header(text: str, *, source: str = "<query>") -> QueryHeader:
    """Read the ``//`` header at the top of a canned query's text."""
    fields: list[tuple[str, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if not line.startswith("//"):
            break  # the header ends at the first statement line
        continuation = _CONTINUATION_RE.match(raw.lstrip())
        field_match = _FIELD_RE.match(line)
        if field_match:
            fields.append((field_match.group(1), field_match.group(2).strip()))
        elif continuation and fields:
            key, value = fields[-1]
            fields[-1] = (key, f"{value} {continuation.group(1).strip()}")
    return _header_from_fields(fields, source)


def _header_from_fields(fields: list[tuple[str, str]], source: str) -> QueryHeader:
    """Assemble the header, checking that name, description and columns are present."""
    values: dict[str, str] = {}
    params: list[QueryParam] = []
    for key, value in fields:
        if key == "param":
            params.append(parse_param(value, source=source))
        else:
            values[key] = value
    for required in ("name", "description", "columns"):
        if not values.get(required):
            raise HeaderError(f"{source}: header has no '// {required}:' line")
    columns = _names(values["columns"])
    sets = _names(values.get("sets", ""))
    unknown = [name for name in sets if name not in columns]
    if unknown:
        raise HeaderError(f"{source}: '// sets:' names {', '.join(unknown)}, which are not columns")
    return QueryHeader(values["name"], values["description"], tuple(params), columns, sets)


def _names(value: str) -> tuple[str, ...]:
    """The comma-separated names of a header field."""
    return tuple(name.strip() for name in value.split(",") if name.strip())


def parse_param(spec: str, *, source: str = "<query>") -> QueryParam:
    """Parse ``NAME: TYPE[!| = DEFAULT] [-- help]`` (the text after ``param``)."""
    match = _PARAM_RE.match(spec.strip())
    if not match:
        raise HeaderError(f"{source}: cannot read parameter spec {spec!r}")
    kind = match.group("type")
    choices: tuple[str, ...] = ()
    choice_match = CHOICE_RE.match(kind)
    if choice_match:
        choices = tuple(c.strip() for c in choice_match.group(1).split("|") if c.strip())
        kind = "choice"
    elif kind not in ENTITY_TYPES + SCALAR_TYPES:
        raise HeaderError(f"{source}: parameter {match.group('name')!r} has unknown type {kind!r}")
    default = match.group("default")
    return QueryParam(
        name=match.group("name"),
        type=kind,
        required=bool(match.group("required")),
        default=default.strip() if default is not None else None,
        help=(match.group("help") or "").strip(),
        choices=choices,
    )
