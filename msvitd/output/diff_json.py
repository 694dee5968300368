"""`msvitd diff --format json`."""

from __future__ import annotations

import json


def render(report) -> str:
    return json.dumps(report.as_dict(), indent=2, ensure_ascii=False) + "\n"
