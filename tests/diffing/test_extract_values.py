"""`msvitd extract` writes numbers as a person would (newcomer minor 7: 'value: 0.6666666666666666')."""

from __future__ import annotations

import yaml

from msvitd.diffing.extract import shown_value


def test_shown_value_writes_whole_numbers_whole_and_fractions_short():
    assert shown_value(2.0) == 2 and isinstance(shown_value(2.0), int)
    assert shown_value(1 / 3) == 0.3333
    assert shown_value(2 / 3) == 0.6667
    assert shown_value(60.3) == 60.3 and shown_value(0.66) == 0.66 and shown_value(100000.0) == 100000
    assert shown_value(7) == 7


def test_a_drafted_article_has_no_float_noise(cli, tmp_path):
    article = tmp_path / "news.txt"
    article.write_text("Vitamin D every two weeks cut disease activity by a third in the D-Lay MS trial of 316 people "
                       "with a clinically isolated syndrome, researchers report in JAMA.\n", encoding="utf-8")
    r = cli("extract", article, "--source", "d-lay-ms")
    assert r.exit_code == 0, r.output
    assert "333333" not in r.stdout and "value: 2.0\n" not in r.stdout
    values = [n["value"] for o in yaml.safe_load(r.stdout)["claims"].get("outcomes", []) for n in o.get("numbers", [])]
    assert values and all(len(repr(v)) <= 7 for v in values), values
