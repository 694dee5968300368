"""The light twins the engines read (msvitd/models/light.py) stand for the pydantic models exactly: the
same classes by name, the same fields in the same order, equal values on every bundled evidence file,
the same methods; and a critique with a warm cache imports no pydantic at all (issue 17)."""

from __future__ import annotations

import inspect
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import BaseModel

from msvitd.models import article, behaviour, common, light, measures, question, study
from msvitd.validation import validate_document
from msvitd.yamlio import read_file

ROOT = Path(__file__).resolve().parents[2]
BUNDLED = sorted((ROOT / "evidence").rglob("*.yaml"))


def _pydantic_classes() -> dict[str, type]:
    out = {}
    for mod in (common, measures, study, article, question):
        for name, cls in vars(mod).items():
            if inspect.isclass(cls) and issubclass(cls, BaseModel) and cls.__module__ == mod.__name__ \
                    and cls is not common.Model:
                out[name] = cls
    return out


def _mixins(cls) -> set:
    return {b for b in cls.__mro__ if b.__module__ == behaviour.__name__}


def test_every_model_has_a_twin_with_the_same_fields_in_order_and_the_same_behaviour():
    models = _pydantic_classes()
    assert len(models) >= 40 and set(models) == set(light.CLASSES)
    for name, cls in models.items():
        twin = light.CLASSES[name]
        assert twin.__slots__ == tuple(cls.model_fields), name
        assert _mixins(twin) == _mixins(cls), name
        # any public method or property a model class defines itself lives in a mixin the twin shares
        own = {k for k, v in vars(cls).items() if not k.startswith("_") and (callable(v) or isinstance(v, property))}
        assert own <= {"model_config"}, (name, own)


def _same(a, b, where: str) -> None:
    """``a`` (pydantic) and ``b`` (light) hold the same data, with the same container types."""
    if isinstance(a, BaseModel):
        assert type(b).__name__ == type(a).__name__ and isinstance(b, light.Light), where
        for name in type(a).model_fields:
            _same(getattr(a, name), getattr(b, name), f"{where}.{name}")
    elif isinstance(a, (list, tuple)):
        assert type(a) is type(b) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, dict):
        assert type(b) is dict and list(a) == list(b), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    else:
        assert type(a) is type(b) and a == b, where


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_twins_equal_the_validated_models_field_by_field(path):
    model, problems = validate_document(read_file(path))
    assert model is not None, problems
    twin = light.lighten(model)
    _same(model, twin, path.name)
    assert twin.model_dump() == model.model_dump()
    assert pickle.loads(pickle.dumps(twin)) == twin
    if model.kind == "study":
        assert (twin.intervention.id, twin.comparator.id) == (model.intervention.id, model.comparator.id)
        for o in model.outcomes:
            assert twin.outcome(o.id) == light.lighten(o)
            for e in [o.effect, *o.effects]:
                if e is not None:
                    assert light.lighten(e).is_ratio == e.is_ratio
                    if e.p is not None:
                        assert str(light.lighten(e.p)) == str(e.p)
        assert [s.exploratory for s in twin.subgroups] == [s.exploratory for s in model.subgroups]
    if model.kind == "question":
        for c in model.comparisons:
            for sid in c.studies:
                assert twin.comparison_of(sid) == light.lighten(model.comparison_of(sid))
                assert twin.context_of(sid) == light.lighten(model.context_of(sid))
        assert [s.target for o in twin.outcomes for s in o.from_studies] == \
               [s.target for o in model.outcomes for s in o.from_studies]


def test_twins_are_frozen_and_compare_like_frozen_models():
    a = light.Period("2013", "2020")
    with pytest.raises(AttributeError):
        a.start = "2014"
    assert a == light.Period("2013", "2020") != light.Period("2013", None)
    assert hash(a) == hash(light.Period("2013", "2020"))
    assert a.model_copy(update={"end": None}) == light.Period("2013", None)
    assert repr(a) == repr(study.Period(start="2013", end="2020"))


def test_the_library_cache_key_holds_the_twins_format(monkeypatch, tmp_path):
    from msvitd.app import library_cache

    files = BUNDLED[:2]
    before = library_cache._key(files)
    monkeypatch.setattr(light, "FORMAT", light.FORMAT + 1)
    assert library_cache._key(files) != before


def test_a_warm_critique_imports_no_pydantic_and_says_what_a_cold_one_says(tmp_path):
    env = {**os.environ, "MSVITD_CACHE_DIR": str(tmp_path)}
    env.pop("MSVITD_NO_CACHE", None)
    args = ["-m", "msvitd", "critique", "evidence/articles/seed-vitamin-d-ms-forum.txt", "--format", "json",
            "--fail-on", "never"]
    cold = subprocess.run([sys.executable, *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)
    warm = subprocess.run([sys.executable, "-X", "importtime", *args], capture_output=True, text=True, timeout=120,
                          env=env, cwd=ROOT)
    modules = {line.rsplit("|", 1)[1].strip().split(".")[0] for line in warm.stderr.splitlines()
               if line.count("|") == 2}
    assert warm.returncode == 0 and "msvitd" in modules, warm.stderr[-2000:]
    assert not {"pydantic", "pydantic_core", "yaml"} & modules
    assert warm.stdout == cold.stdout and '"findings"' in warm.stdout
