"""Every fact in a study file says where it stands; no template placeholder is left behind.

Three checks over the validated model (issue 15):

- S211: a number (a count, a percentage, an estimate, a confidence interval, a P value, a dose...) whose
  block has no `cite:`. "Its block" is the mapping that holds the number, or, for mappings that cannot
  carry a `cite:` (an enrolment period, a P value written as a mapping), the nearest enclosing one that
  can. A cite further up does not count: an outcome's cite says where its finding stands, not where each
  arm's count was read.
- S212: a block that states what a source says (an outcome, an arm, a harm, a limitation, a discrepancy,
  a risk-of-bias judgement...) with no `cite:` of its own, even when it holds no number.
- S213 (warning): a `TODO` left from a `msvitd new` template.

Only fields the file writes count (pydantic's ``model_fields_set``): defaults such as ``ci_level`` are
not facts from a source.
"""

from __future__ import annotations

import re
from typing import Iterator, get_args

from pydantic import BaseModel

from msvitd.models.common import PValue
from msvitd.stats.printed import as_printed

Finding = tuple  # (code, message, path)

# Blocks whose numbers are a reviewer's settings, not facts read in a source: no cite expected. A
# scale's range describes the instrument (EDSS runs 0 to 10) and serves only to check the means.
_NOT_SOURCED = frozenset({"Thresholds", "GradeJudgements", "GradeJudgement", "Scale"})
# Judgements msvitd draws from the blocks beside it; they cite nothing of their own.
_SYNTHESIS_PATHS = frozenset({("risk_of_bias", "overall")})

_KIND = {"ArmResult": "arm result", "ReportedNNT": "NNT", "RobDomain": "risk-of-bias judgement"}

_TODO = re.compile(r"\bTODO\b")


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float, PValue)):
        return True
    return isinstance(value, tuple) and len(value) == 2 and all(
        isinstance(v, (int, float)) and not isinstance(v, bool) for v in value)


def _shown(value) -> str:
    if isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, (int, float)) for v in value):
        _, lo, hi = as_printed(None, *value)  # [0.50, 0.87] as the source prints it, not [0.5, 0.87]
        return f"[{lo}, {hi}]"
    if isinstance(value, tuple):
        return "[" + ", ".join(f"{v:g}" for v in value) + "]"
    if isinstance(value, PValue):
        return str(value)
    return f"{value:g}" if isinstance(value, float) else str(value)


_HOLDERS: dict[type, frozenset] = {}


def _holders(cls: type) -> frozenset:
    """Fields of a model class that can hold other models (computed once per class: validate walks every
    block of every file, and most fields are plain scalars)."""
    names = _HOLDERS.get(cls)
    if names is None:
        names = _HOLDERS[cls] = frozenset(n for n, f in cls.model_fields.items() if _may_hold_model(f.annotation))
    return names


def _may_hold_model(annotation) -> bool:
    if isinstance(annotation, type):
        return issubclass(annotation, BaseModel) and annotation is not PValue
    return any(_may_hold_model(a) for a in get_args(annotation))


def _children(model: BaseModel, path: tuple) -> Iterator[tuple[tuple, BaseModel]]:
    for name in _holders(type(model)) & model.model_fields_set:
        value = getattr(model, name)
        if isinstance(value, BaseModel) and not isinstance(value, PValue):
            yield path + (name,), value
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, BaseModel):
                    yield path + (name, i), item
        elif isinstance(value, dict):
            for key, item in value.items():
                if isinstance(item, BaseModel):
                    yield path + (name, key), item


_NUMERIC: dict[type, tuple] = {}


def _numeric_fields(cls: type) -> tuple:
    """Fields that can hold a number (int, float, a pair, a P value), in declaration order; once per class."""
    names = _NUMERIC.get(cls)
    if names is None:
        names = _NUMERIC[cls] = tuple(n for n, f in cls.model_fields.items() if _may_hold_number(f.annotation))
    return names


def _may_hold_number(annotation) -> bool:
    if annotation in (int, float) or annotation is PValue:
        return True
    return any(_may_hold_number(a) for a in get_args(annotation))


def _numbers(model: BaseModel) -> list[tuple[str, object]]:
    written = model.model_fields_set
    return [(name, getattr(model, name)) for name in _numeric_fields(type(model))
            if name in written and _is_number(getattr(model, name))]


def _where(path: tuple) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the top level"


def check_cites(model: BaseModel, path: tuple = (), block: tuple | None = None) -> Iterator[Finding]:
    """S211 and S212 over a study (or any block of one). ``block`` is the nearest enclosing block that can
    carry a cite, as (path, cited) -- for the numbers of mappings that cannot carry one themselves."""
    name = type(model).__name__
    if name in _NOT_SOURCED:
        return
    citable = "cite" in type(model).model_fields
    if citable:
        block = (path, bool(getattr(model, "cite", None)))
    numbers = _numbers(model)
    if numbers and block is not None and not block[1]:
        # a P value names itself ("P = 0.004"), every other number is named by its field ("ci [0.50, 0.87]")
        shown = ", ".join(_shown(value) if isinstance(value, PValue) else f"{field} {_shown(value)}"
                          for field, value in numbers[:4])
        more = f" and {len(numbers) - 4} more" if len(numbers) > 4 else ""
        yield ("S211", f"{shown}{more}: no `cite:` says where {'they stand' if len(numbers) > 1 else 'it stands'}; "
                       f"add `cite: <source id>, <where>` to {_where(block[0])}", path + (numbers[0][0],))
    elif citable and path and not block[1] and path not in _SYNTHESIS_PATHS and not _contains_numbers(model):
        yield ("S212", f"this {_KIND.get(name, name.lower())} has no `cite:` saying where its content stands: add "
                       "`cite: <source id>, <where>`", path)
    for child_path, child in _children(model, path):
        yield from check_cites(child, child_path, block)


def _contains_numbers(model: BaseModel) -> bool:
    """Numbers in this block or in the uncitable mappings inside it (those S211 reports here)."""
    if _numbers(model):
        return True
    return any("cite" not in type(child).model_fields and type(child).__name__ not in _NOT_SOURCED
               and _contains_numbers(child) for _, child in _children(model, ()))


def check_todos(data, path: tuple = ()) -> Iterator[Finding]:
    """S213: text still holding a template's TODO (a warning; `msvitd validate --strict` fails on it).

    Walks the file's data as read (mappings, lists, strings), or a model when no data is at hand."""
    if isinstance(data, BaseModel):
        data = data.model_dump(exclude_unset=True)
    if not path and "TODO" not in repr(data):  # one C-speed look before walking every node
        return
    if isinstance(data, str):
        if _TODO.search(data):
            shown = data if len(data) <= 50 else data[:47] + "..."
            yield "S213", f"{shown!r} is left from the template: replace the TODO with the source's value", path
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from check_todos(value, path + (key,))
    elif isinstance(data, (list, tuple)):
        for i, value in enumerate(data):
            yield from check_todos(value, path + (i,))
