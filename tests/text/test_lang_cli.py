"""Languages through the commands: detection shown, --lang, one-line refusals, mixed pages.
Articles written for these tests."""

import json

import pytest

from msvitd.text.lexicon import load_lexicon
from msvitd.text.reading import Reader

HYPED_FR = """La vitamine D, une avancée majeure contre la sclérose en plaques

Une étude française révèle que la vitamine D à haute dose ralentit l'évolution de la sclérose en plaques.
C'est désormais prouvé : les patients supplémentés ont eu moins de poussées.
Les médecins recommandent d'en donner à tous les enfants pour prévenir la maladie.
"""

CAREFUL_FR = """Vitamine D et sclérose en plaques : un effet sur l'IRM, pas sur les poussées

Dans un essai mené auprès de 316 adultes ayant eu un premier épisode neurologique, la vitamine D à haute dose
a réduit l'activité de la maladie, surtout de nouvelles lésions visibles à l'IRM (60,3 % contre 74,1 %).
En revanche, il n'y a pas eu de différence significative sur les poussées ni sur le handicap.
Le traitement a été bien toléré. Ces résultats doivent être confirmés par d'autres études, car des essais
antérieurs avaient donné des résultats décevants.
"""

MIXED = """La vitamine D et la SEP : ce que dit l'essai

Les chercheurs ont suivi 316 patients pendant deux ans.
Vitamin D reduced relapses in the patients who took it, the authors wrote in their abstract.
"""


def _json(cli, path, *args):
    r = cli("critique", str(path), "--source", "d-lay-ms", "--format", "json", *args)
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


def test_french_article_is_detected_and_hype_found(cli, tmp_path):
    p = tmp_path / "fr.txt"
    p.write_text(HYPED_FR, encoding="utf-8")
    out = _json(cli, p)
    assert out["language"] == "fr"
    cats = {f["category"] for f in out["findings"]}
    assert {"hype", "surrogate_to_clinical", "population_extrapolation"} <= cats, cats
    assert cats & {"null_outcome_spun", "certainty_overstated"}


def test_a_correctly_reported_null_result_is_not_a_finding(cli, tmp_path):
    p = tmp_path / "careful.txt"
    p.write_text(CAREFUL_FR, encoding="utf-8")
    out = _json(cli, p)
    cats = {f["category"] for f in out["findings"] if f["severity"] != "info"}
    assert not cats & {"omits_null_clinical", "omits_harms", "null_outcome_spun", "surrogate_to_clinical",
                       "number_mismatch", "hype"}, out["findings"]


def test_lang_forces_and_unknown_lang_is_a_usage_error(cli, tmp_path):
    p = tmp_path / "it.txt"
    p.write_text("Lo studio mostra che la vitamina D riduce le ricadute nei pazienti con la sclerosi multipla.",
                 encoding="utf-8")
    r = cli("critique", str(p), "--source", "d-lay-ms")
    assert r.exit_code == 2
    assert "Italian" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert _json(cli, p, "--lang", "es")["language"] == "es"
    r = cli("critique", str(p), "--source", "d-lay-ms", "--lang", "xx")
    assert r.exit_code == 2 and "unknown language" in r.stderr


@pytest.mark.parametrize("text", ["多发性硬化症患者服用维生素D可以减少复发。", "", "12 345 67,8 %", "\u00a0\u202f"])
def test_other_scripts_refused_and_empty_text_never_crashes(cli, tmp_path, text):
    p = tmp_path / "x.txt"
    p.write_text(text or " ", encoding="utf-8")
    r = cli("critique", str(p), "--source", "d-lay-ms")
    assert r.exit_code in (0, 1, 2), r.output
    assert "Traceback" not in r.output
    if text.startswith("多"):
        assert r.exit_code == 2 and "Chinese" in r.stderr


def test_diff_refuses_an_unread_language(cli, tmp_path):
    p = tmp_path / "ru.txt"
    p.write_text("Исследование показало, что витамин D уменьшает активность рассеянного склероза.", encoding="utf-8")
    r = cli("diff", str(p), "--source", "d-lay-ms")
    assert r.exit_code == 2 and "Russian" in r.stderr


def test_strength_lang_fr(cli, tmp_path):
    p = tmp_path / "lines.txt"
    p.write_text("La vitamine D pourrait ralentir la sclérose en plaques.\nLes poussées n'ont pas diminué.\n",
                 encoding="utf-8")
    r = cli("strength", str(p), "--lang", "fr", "--format", "json")
    assert r.exit_code == 0, r.output
    rows = json.loads(r.stdout)
    assert [row["strength"] for row in rows] == ["conditional_causal", "none"]


def test_mixed_page_reads_an_english_sentence_in_english():
    reader = Reader(load_lexicon((), "fr"), ("vitamin D",))
    readings = reader.read_text(MIXED)
    english = [r for r in readings if r.sentence.text.startswith("Vitamin D reduced")]
    assert [(c.concept, c.strength) for c in english[0].claims] == [("relapse", "direct_causal")]
