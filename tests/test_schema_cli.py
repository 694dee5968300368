"""`msvitd schema`: a valid JSON Schema (2020-12) that other validators (check-jsonschema, editors)
can use on the same files: valid evidence passes it, and it rejects what msvitd rejects for the same
structural reasons."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted((ROOT / "evidence").rglob("*.yaml"))
POSITIVE = sorted((ROOT / "tests" / "fixtures" / "positive").rglob("*.yaml"))


@pytest.fixture(scope="module")
def schema():
    from typer.testing import CliRunner

    from msvitd.cli import app

    r = CliRunner().invoke(app, ["schema"])
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _load(path: Path):
    # what check-jsonschema does: parse YAML, validate the data (YAML 1.2-ish: our files quote dates)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def test_is_a_valid_json_schema(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


@pytest.mark.parametrize("kind", ["study", "article", "question"])
def test_each_kind_is_a_valid_json_schema(cli, kind):
    r = cli("schema", kind)
    assert r.exit_code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(r.stdout))


@pytest.mark.parametrize("path", BUNDLED + POSITIVE, ids=lambda p: p.name)
def test_valid_evidence_passes_the_schema(schema, path):
    errors = [f"{list(e.absolute_path)}: {e.message[:200]}"
              for e in jsonschema.Draft202012Validator(schema).iter_errors(_load(path))]
    assert errors == []


@pytest.mark.parametrize("kind,args", [("study", ["x"]), ("article", ["x-news", "--about", "x"])])
def test_new_templates_pass_the_schema(cli, schema, tmp_path, kind, args):
    r = cli("new", kind, *args, "-o", "-")
    assert r.exit_code == 0
    data = yaml.safe_load(r.stdout)
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []


@pytest.mark.parametrize("old,new,where", [
    ("  randomised: true\n", "  randomised: true\n  randomized: true\n", ["design"]),  # unknown key
    ("  randomised: true\n", "  randomised: 12\n", ["design", "randomised"]),  # wrong type
    ("  type: rct\n", "  type: rtc\n", ["design", "type"]),  # not an allowed value
    ("    agent: drug\n", "", ["arms", 0]),  # missing field
    ("events: 10,", "events: not known,", ["outcomes", 0, "arms", "drug", "events"]),  # only `not reported`
])
def test_schema_rejects_what_msvitd_rejects(schema, old, new, where):
    path = ROOT / "tests" / "fixtures" / "positive" / "evidence" / "studies" / "demo.yaml"
    data = yaml.safe_load(path.read_text().replace(old, new))
    study = {**schema["$defs"]["Study"], "$defs": schema["$defs"]}  # the branch of the oneOf, for a precise path
    paths = [list(e.absolute_path) for e in jsonschema.Draft202012Validator(study).iter_errors(data)]
    assert paths and all(p[:len(where)] == where for p in paths), paths
    assert not jsonschema.Draft202012Validator(schema).is_valid(data)


def test_output_file_refuses_to_overwrite(cli, tmp_path):
    target = tmp_path / "evidence.schema.json"
    assert cli("schema", "-o", target).exit_code == 0
    jsonschema.Draft202012Validator.check_schema(json.loads(target.read_text()))
    r = cli("schema", "-o", target)
    assert (r.exit_code, r.stderr) == (2, f"msvitd schema: {target}: already exists; use --force to overwrite it\n")
    assert cli("schema", "-o", target, "--force").exit_code == 0


@pytest.mark.parametrize("kind", ["all", "study", "article", "question"])
def test_each_kind_prints_in_a_fresh_process(tmp_path, kind):
    # in one pytest process other tests have already built the deferred models; a user's first
    # `msvitd schema` has not (an article's default `claims` once failed with an internal error)
    import os
    import subprocess
    import sys

    env = {**os.environ, "MSVITD_CACHE_DIR": str(tmp_path)}
    r = subprocess.run([sys.executable, "-m", "msvitd", "schema", kind], capture_output=True, text=True,
                       cwd=ROOT, env=env, timeout=120)
    assert (r.returncode, r.stderr) == (0, "")
    assert json.loads(r.stdout)["$schema"].endswith("2020-12/schema")
