"""`msvitd critique --format json` (one document) and `--format jsonl` (one result per line)."""

from __future__ import annotations

import json

from msvitd.critique.report import CritiqueResult


def render(result: CritiqueResult, **_) -> str:
    return json.dumps(result.as_dict(), indent=2, ensure_ascii=False) + "\n"


def render_many(results: list[CritiqueResult], **_) -> str:
    if len(results) == 1:
        return render(results[0])
    return json.dumps([r.as_dict() for r in results], indent=2, ensure_ascii=False) + "\n"


def render_line(result: CritiqueResult, **_) -> str:
    return json.dumps(result.as_dict(), ensure_ascii=False, separators=(",", ":")) + "\n"


def error_line(article: str, message: str) -> str:
    """A jsonl line for an article that could not be critiqued (the stream goes on)."""
    return json.dumps({"article": article, "error": message}, ensure_ascii=False, separators=(",", ":")) + "\n"
