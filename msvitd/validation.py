"""Turn a loaded document into a model, and pydantic's errors into located diagnostics."""

from __future__ import annotations

from dataclasses import replace

from msvitd.diagnostics import Diagnostic, format_path
from msvitd.yamlio import Document

# pydantic error type -> (msvitd code, whether the position of the *key* is the better spot)
_TYPE_CODES = {
    "missing": ("S101", False),
    "extra_forbidden": ("S102", True),
    "literal_error": ("S104", False),
    "enum": ("S104", False),
    "string_pattern_mismatch": ("S104", False),
    "greater_than": ("S104", False),
    "greater_than_equal": ("S104", False),
    "less_than": ("S104", False),
    "less_than_equal": ("S104", False),
    "too_short": ("S104", False),
    "too_long": ("S104", False),
    "string_too_short": ("S104", False),
    "string_too_long": ("S104", False),
    "value_error": ("S104", False),
    "union_tag_invalid": ("S105", False),
    "union_tag_not_found": ("S105", False),
}

_TYPE_NAMES = {
    "int_type": "an integer", "int_from_float": "an integer", "float_type": "a number",
    "string_type": "a string", "bool_type": "true or false", "list_type": "a list",
    "dict_type": "a mapping", "model_type": "a mapping", "tuple_type": "a pair [low, high]",
    "model_attributes_type": "a mapping", "float_parsing": "a number", "int_parsing": "an integer",
}


def _describe(value) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"the string {shown!r}"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def _message(err: dict, kind: str | None) -> str:
    etype = err["type"]
    ctx = err.get("ctx") or {}
    given = err.get("input")
    if etype == "missing":
        return f"missing required field `{err['loc'][-1]}`"
    if etype == "extra_forbidden":
        return f"unknown field `{err['loc'][-1]}`" + (f" in {'an' if kind[0] in 'aeiou' else 'a'} {kind} file" if kind else "")
    if etype == "literal_error":
        return f"expected one of {ctx.get('expected', '')}, got {_describe(given)}"
    if etype in ("union_tag_invalid", "union_tag_not_found"):
        tag = ctx.get("tag")
        return ("`kind:` must be one of study, article, question" +
                (f", got {tag!r}" if tag else " (missing)"))
    if etype == "string_pattern_mismatch":
        return f"{_describe(given)} does not have the expected form ({ctx.get('pattern', '')})"
    if etype in _TYPE_NAMES:
        return f"expected {_TYPE_NAMES[etype]}, got {_describe(given)}"
    if etype == "pair_length":
        return err["msg"]
    if etype in ("value_error", "assertion_error"):
        return str(ctx.get("error", err["msg"])).removeprefix("Value error, ")
    return f"{err['msg'][0].lower()}{err['msg'][1:]}" + (f", got {_describe(given)}" if "input" in err else "")


def _data_path(loc: tuple, data) -> tuple:
    """Keep only the parts of pydantic's loc that are real keys or indexes in the data."""
    path: list = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part not in node and part in ("study", "article", "question"):
            continue  # the discriminated union's tag
        else:
            path.append(part)  # a missing or unknown key: kept for the message's path
            node = None
    return tuple(path)


def _pair_error(err: dict, data) -> dict:
    """A pair given 1 or 3 values: pydantic says "missing field `1`" or "tuple should have at most 2 items";
    say "expected a pair [low, high], got a list of 3" at the list instead."""
    loc = err["loc"]
    if err["type"] == "missing" and loc and isinstance(loc[-1], int):
        loc = loc[:-1]
    elif not (err["type"] == "too_long" and isinstance(err.get("input"), tuple)):
        return err
    given = _node(data, loc)
    if not isinstance(given, (list, tuple)):
        return err
    field = next((part for part in reversed(loc) if isinstance(part, str)), "")
    shape = "a pair [low, high]" if field in ("ci", "iqr") else "a pair [intervention arm, comparator arm]" \
        if field == "arms" else "a pair of two values"
    return {**err, "type": "pair_length", "loc": loc,
            "msg": f"expected {shape}, got a list of {len(given)}", "input": given}


def _node(data, loc: tuple):
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            node = node[part]
        elif not (isinstance(part, str) and part in ("study", "article", "question")):
            return None
    return node


def validate_document(doc: Document):
    """Return (model or None, diagnostics) for a parsed document."""
    from pydantic import ValidationError

    from msvitd.models import evidence_adapter

    if doc.data is None:
        return None, []
    try:
        return evidence_adapter().validate_python(doc.data), []
    except ValidationError as exc:
        kind = doc.data.get("kind") if isinstance(doc.data, dict) else None
        out: list[Diagnostic] = []
        seen = set()
        for err in exc.errors(include_url=False):
            err = _pair_error(err, doc.data)
            path = _data_path(err["loc"], doc.data)
            code, prefer_key = _TYPE_CODES.get(err["type"], ("S103", False))
            # A missing key has no position of its own: point at the mapping that lacks it.
            pos_path = path[:-1] if err["type"] == "missing" else path
            key = (code, path)
            if key in seen:
                continue
            seen.add(key)
            diag = doc.diag(code, _message(err, kind if isinstance(kind, str) else None), pos_path,
                            prefer_key=prefer_key)
            out.append(replace(diag, path=format_path(path)))
        return None, out

