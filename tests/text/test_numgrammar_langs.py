"""Dates, effect-measure labels, P values, confidence intervals and "versus" in French, German and
Spanish (language.yaml numbers: months, ratio_labels, p_labels, p_relations, ci_labels, versus).
Sentences written for these tests."""

from __future__ import annotations

import pytest

from msvitd.text.language import using_language
from msvitd.text.numbers import find_numbers


def read(text, lang):
    with using_language(lang):
        return [(m.kind, m.value, m.upper, m.measure, m.relation, m.level) for m in find_numbers(text)]


def kinds(text, lang):
    return [r[0] for r in read(text, lang)]


RATIOS = [
    ("fr", "Le rapport de risque était de 0,61 (IC à 95 % : 0,44-0,84).", "HR"),
    ("fr", "Rapport des risques instantanés : 0,47 (intervalle de confiance à 95 % 0,30 à 0,75).", "HR"),
    ("fr", "Le risque relatif est de 0,80 ; IC 95 % 0,70-0,91.", "RR"),
    ("de", "Das Risikoverhältnis lag bei 0,61 (95%-KI 0,44–0,84).", "HR"),
    ("de", "Relatives Risiko 0,80 (95 %-Konfidenzintervall 0,70 bis 0,91).", "RR"),
    ("de", "Die Odds-Ratio betrug 1,20 (95-%-KI 1,05–1,37).", "OR"),
    ("es", "El cociente de riesgos instantáneos fue de 0,61 (IC del 95 %: 0,44-0,84).", "HR"),
    ("es", "Riesgo relativo de 0,80 (intervalo de confianza del 95 % 0,70 a 0,91).", "RR"),
    ("es", "La razón de momios fue de 1,20 (IC 95 %: 1,05-1,37).", "OR"),
]


@pytest.mark.parametrize("lang,text,measure", RATIOS)
def test_a_ratio_and_its_interval_in_each_language(lang, text, measure):
    got = read(text, lang)
    ratio = next(r for r in got if r[0] == "ratio")
    assert ratio[3] == measure
    ci = next(r for r in got if r[0] == "ci")
    assert ci[1] < ratio[1] < ci[2] or ci[1] < ci[2]
    assert "percent" not in [r[0] for r in got]  # the 95 of "95 %" is the interval's level, not a share


@pytest.mark.parametrize("lang,text,rel,value", [
    ("fr", "valeur p de 0,03", "=", 0.03), ("fr", "p inférieur à 0,001", "<", 0.001),
    ("fr", "p inférieure à 0,05", "<", 0.05),
    ("de", "P-Wert von 0,03", "=", 0.03), ("de", "p kleiner als 0,001", "<", 0.001),
    ("es", "valor de p de 0,03", "=", 0.03), ("es", "p menor que 0,001", "<", 0.001),
    ("es", "valor p inferior a 0,05", "<", 0.05),
])
def test_p_values_in_each_language(lang, text, rel, value):
    (got,) = read(text, lang)
    assert got[0] == "p_value" and got[4] == rel and got[1] == pytest.approx(value)


@pytest.mark.parametrize("lang,text", [
    ("fr", "Article mis à jour le 3 février 2026."), ("fr", "Publié le 1er juin 2024."),
    ("fr", "Résultats présentés en septembre 2025."),
    ("de", "Aktualisiert am 3. Februar 2026."), ("de", "Die Ergebnisse erschienen im März 2025."),
    ("es", "Actualizado el 3 de febrero de 2026."), ("es", "Los resultados se publicaron en septiembre de 2025."),
])
def test_dates_are_not_quantities(lang, text):
    assert kinds(text, lang) == ["date"]


@pytest.mark.parametrize("lang,text,unit", [
    ("fr", "un délai médian de 400 contre 250 jours", "days"),
    ("de", "im Median 400 gegenüber 250 Tagen", "days"),
    ("de", "400 im Vergleich zu 250 Tagen", "days"),
    ("es", "una mediana de 400 frente a 250 días", "days"),
    ("es", "400 en comparación con 250 días", "days"),
])
def test_the_first_number_of_a_pair_takes_the_second_ones_unit(lang, text, unit):
    with using_language(lang):
        first = find_numbers(text)[0]
    assert (first.value, first.unit) == (400, unit)


def test_english_is_read_as_before_inside_a_french_page():
    got = read("HR 0.66 (95% CI 0.50-0.87), P = .004", "fr")
    assert [r[0] for r in got] == ["ratio", "ci", "p_value"] and got[0][3] == "HR"


def test_a_share_followed_by_a_year_range_is_not_an_interval():
    assert "ci" not in kinds("une hausse de 34 % 2013-2020", "fr")
