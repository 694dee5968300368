"""The committed JSON Schema that evidence files point their editors at stays in step with the models."""

from __future__ import annotations

import json
from pathlib import Path

from msvitd.schema import json_schema

ROOT = Path(__file__).resolve().parents[1]


def test_committed_schema_matches_the_models():
    committed = json.loads((ROOT / "schema" / "evidence.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema("all"), "run: msvitd schema -o schema/evidence.schema.json --force"


def test_evidence_files_point_at_a_schema_that_exists():
    for path in sorted((ROOT / "evidence").rglob("*.yaml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            target = (path.parent / first.split("=", 1)[1]).resolve()
            assert target.is_file(), f"{path}: {target} does not exist"
