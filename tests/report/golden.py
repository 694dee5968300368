"""Golden files under tests/golden/report/: compare, or rewrite with MSVITD_UPDATE_GOLDEN=1."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parents[1] / "golden" / "report"


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("MSVITD_UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not os.environ.get("MSVITD_UPDATE_GOLDEN"):
            raise AssertionError(f"golden file {path} did not exist; written now, check it and commit it")
        return
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (f"{name} differs from the golden file {path}; if the change is intended, "
                                f"rerun with MSVITD_UPDATE_GOLDEN=1 and review the diff")
