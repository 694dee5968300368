"""`msvitd critique --format json` (one document) and `--format jsonl` (one article per line).

Every article is the same object everywhere (``CritiqueResult.as_dict``: version, article, source,
findings, checklist, summary); several articles in json are ``{"version", "results": [...]}``.
"""

from __future__ import annotations

import json
from typing import Sequence

from msvitd.critique.result import CritiqueResult
from msvitd.diagnostics import JSON_VERSION


def render(result: CritiqueResult) -> str:
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


def render_many(results: Sequence[CritiqueResult], many: bool = False) -> str:
    """One article's object when one was named, else ``{"version", "results"}`` (even when only
    one of several could be read: the shape follows the command line, not the luck of the run)."""
    if len(results) == 1 and not many:
        return render(results[0])
    return json.dumps({"version": JSON_VERSION, "results": [r.as_dict() for r in results]},
                      indent=2, ensure_ascii=False) + "\n"


def render_lines(results: Sequence[CritiqueResult]) -> str:
    return "".join(json.dumps(r.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n" for r in results)


def error_line(article: str, message: str) -> str:
    """A jsonl line for an article that could not be critiqued (the stream goes on)."""
    return json.dumps({"version": JSON_VERSION, "article": article, "error": message}, ensure_ascii=False,
                      separators=(",", ":")) + "\n"
