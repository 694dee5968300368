"""The source checked against itself: each problem names every number it used and where it stands."""

from __future__ import annotations

from msvitd.diffing.consistency import recheck_source


def _study(dlay, **changes):
    model, doc = dlay
    data = model.model_dump(mode="python")
    for o in data["outcomes"]:
        if o.get("effect") and isinstance(o["effect"].get("p"), dict):
            o["effect"]["p"] = "%g" % o["effect"]["p"]["value"]
    for path, value in changes.items():
        node = data
        keys = path.split(".")
        for k in keys[:-1]:
            node = node[int(k)] if k.isdigit() else node[k]
        node[keys[-1]] = value
    from msvitd.models.study import Study

    return Study.model_validate(data, strict=False)


def test_dlay_is_consistent(dlay):
    model, doc = dlay
    rows = recheck_source(model, doc.data)
    assert rows and all(r.ok for r in rows), [r.message for r in rows if not r.ok]
    checks = {r.check for r in rows}
    assert {"percent vs counts", "P vs CI", "NNT vs risks", "totals"} <= checks


def test_grim_flags_a_percent_its_counts_cannot_give(dlay):
    s = _study(dlay, **{"outcomes.0.arms.vitamin-d.percent": 62.3})
    bad = [r for r in recheck_source(s) if not r.ok]
    assert [r.check for r in bad] == ["percent vs counts"]
    assert "94/156" in bad[0].message and "62.3%" in bad[0].message
    assert {n.label for n in bad[0].numbers} == {"events", "total", "percent"}
    assert all("pmc" in n.cite for n in bad[0].numbers)


def test_statcheck_flags_p_incompatible_with_ci(dlay):
    s = _study(dlay, **{"outcomes.0.effect.p": "0.04"})
    bad = [r for r in recheck_source(s) if not r.ok]
    assert [r.check for r in bad] == ["P vs CI"]
    assert "P = 0.04" in bad[0].message


def test_nnt_against_risks(dlay):
    s = _study(dlay, **{"outcomes.0.nnt.value": 4.2})
    bad = [r for r in recheck_source(s) if not r.ok]
    assert [r.check for r in bad] == ["NNT vs risks"]
    assert "7.20" in bad[0].message and "4.2" in bad[0].message


def test_arm_totals(dlay):
    s = _study(dlay, **{"arms.0.randomised": 160})
    bad = [r for r in recheck_source(s) if not r.ok]
    assert [r.check for r in bad] == ["totals"]
    assert "160 + 153 = 313" in bad[0].message and "316" in bad[0].message


def test_locations_point_into_the_file(dlay):
    model, doc = dlay

    def locate(path):
        line, col = doc.position(path)
        return f"{doc.file}:{line}:{col}"

    rows = recheck_source(model, doc.data, locate)
    assert all(n.location.startswith(doc.file) for r in rows for n in r.numbers)
