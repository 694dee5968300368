"""Scalars by the YAML 1.2 core schema, and the plain scalars YAML 1.1 tools would read otherwise.

``NO``, ``on``, ``1:20`` and ``2025-04-22`` stay strings here, so a user's value is never silently
turned into a boolean, a number or a date; the YAML 1.1 readings are reported (Y012, Y013) so
that the file means one thing to every tool.
"""

from __future__ import annotations

import re

CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null")}
CONTAINER_TAGS = {CORE + "map", CORE + "seq"}

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT = re.compile(r"^[-+]?[0-9]+$|^0o[0-7]+$|^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$")
# What YAML 1.1 tools (PyYAML, yamllint's truthy rule, many editors) would read differently.
# yes/no/on/off are an error, not a warning: the same file would give "NO" here and False to
# PyYAML, so a value such as a country code must be quoted to mean one thing everywhere.
YAML11_BOOL = re.compile(r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$")
YAML11_TRAP = re.compile(
    r"^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$"
    r"|^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}.*)?$"  # a timestamp
)

# First characters of the plain scalars that are not simply strings (null, booleans, numbers, YAML 1.1 traps).
# Any other plain scalar is a string, with no regex to run: most of an evidence file is text.
SPECIAL_FIRST = frozenset("~nNtTfFyYoO0123456789+-.")


def resolve_scalar(value: str, plain: bool, tag: str | None):
    """Turn a scalar into Python data with YAML 1.2 core-schema rules."""
    if tag == "!" or (tag is None and not plain):  # `! 12`: the non-specific tag makes a string (YAML spec 6.9.1)
        return value
    if tag == CORE + "str":
        return value
    if tag in (None, "!", CORE + "null") and _NULL.match(value):
        return None
    if tag in (None, "!", CORE + "bool"):
        if _TRUE.match(value):
            return True
        if _FALSE.match(value):
            return False
    if tag in (None, "!", CORE + "int") and _INT.match(value):
        if value.startswith("0o"):
            return int(value[2:], 8)
        if value.startswith("0x"):
            return int(value[2:], 16)
        return int(value, 10)  # "012" is twelve, not ten (no YAML 1.1 octal)
    if tag in (None, "!", CORE + "float") and _FLOAT.match(value):
        low = value.lower().lstrip("+")
        if low in (".inf", "-.inf"):
            return float("-inf") if low.startswith("-") else float("inf")
        if low == ".nan":
            return float("nan")
        return float(value)
    if tag in (None, "!"):
        return value
    raise ValueError(f"{value!r} is not a valid {tag.replace(CORE, '!!')}")


def kind_of(value) -> str:
    return {dict: "mapping", list: "sequence", str: "string", bool: "boolean", int: "number",
            float: "number", type(None): "null value"}.get(type(value), type(value).__name__)

