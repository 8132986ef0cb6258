"""Bind a canned query's parameters: defaults, type coercion, and names resolved to uris.

Values arrive as text (``-p key=value`` or ``:run NAME key=value``). Scalars are coerced to the
declared type; an entity parameter (program, place, agency, node) keeps the text in ``$<name>``
and binds the resolved uris to ``$<name>_uris`` — both null when the parameter is omitted, so
queries filter with ``WHERE $program IS NULL OR p.uri IN $program_uris``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from kg.queries.header import QueryHeader, QueryParam
from kg.queries.names import NameIndex

TRUE_WORDS = frozenset({"1", "true", "yes", "y", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "n", "off"})


class ParameterError(ValueError):
    """A parameter that is unknown, missing, of the wrong type, or names nothing in the graph."""


def parse_assignments(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["program=证照分离", "limit=5"]`` → ``{"program": "证照分离", "limit": "5"}``."""
    values: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ParameterError(f"parameter {pair!r} is not of the form key=value")
        values[name.strip()] = value.strip()
    return values


def coerce_value(param: QueryParam, text: Any) -> Any:
    """``text`` converted to ``param``'s declared type (non-text values pass through)."""
    if not isinstance(text, str):
        return text
    try:
        if param.type == "int":
            return int(text)
        if param.type == "float":
            return float(text)
    except ValueError:
        raise ParameterError(f"parameter {param.name!r} must be a {param.type}, got {text!r}") from None
    if param.type == "bool":
        lowered = text.lower()
        if lowered not in TRUE_WORDS | FALSE_WORDS:
            raise ParameterError(f"parameter {param.name!r} must be true or false, got {text!r}")
        return lowered in TRUE_WORDS
    if param.type == "choice" and text not in param.choices:
        allowed = ", ".join(param.choices)
        raise ParameterError(f"parameter {param.name!r} must be one of {allowed}; got {text!r}")
    return text


def bind_parameters(
    header: QueryHeader, raw: Mapping[str, Any], index: Callable[[], NameIndex]
) -> dict[str, Any]:
    """The Cypher parameters for ``header`` given user values ``raw``.

    ``index`` is called (once) only when an entity parameter has a value, so queries without
    names never pay for reading the name index.
    """
    unknown = sorted(set(raw) - {p.name for p in header.params})
    if unknown:
        declared = ", ".join(p.name for p in header.params) or "none"
        raise ParameterError(f"{header.name} has no parameter {', '.join(unknown)} (parameters: {declared})")
    bound: dict[str, Any] = {}
    name_index: NameIndex | None = None
    for param in header.params:
        value = raw.get(param.name)
        if value in (None, ""):
            value = param.default
        if value in (None, "") and param.required:
            raise ParameterError(f"{header.name} needs parameter {param.name!r} ({param.help or param.type})")
        value = coerce_value(param, value) if value not in (None, "") else None
        bound[param.name] = value
        if param.is_entity:
            uris = None
            if value is not None:
                name_index = name_index or index()
                uris = name_index.resolve(param.type, str(value))
            bound[f"{param.name}_uris"] = uris
    return bound
