"""Numbers (C502) read in four languages, round 4: a duration inside a relative clause ("patients, who
for three years took it", "que durante tres años tomaron", "qui, pendant trois ans, ont pris"), and a
trial cut short: the planned follow-up is how long it ran only when the sentence says planned (SOLAR:
planned 2 years, run 48 weeks). Every sentence is written here for its pattern."""

from __future__ import annotations

import pytest

from test_earlier_trials import found


def _c502(text, study, lang):
    return [q for c, _, q in found(text, study, lang) if c == "C502"]


@pytest.mark.parametrize("text,lang,quote", [
    ("316 patients, who for three years took vitamin D3 or placebo, were followed.", "en", "three years"),
    ("Los pacientes que durante tres años tomaron vitamina D3 tuvieron menos lesiones.", "es", "tres años"),
    ("Participaron 316 pacientes, que durante tres años recibieron vitamina D3.", "es", "tres años"),
    ("Des malades qui, pendant trois ans, ont pris de la vitamine D3 ou un placebo.", "fr", "trois ans"),
    ("Patienten, die drei Jahre lang Vitamin D3 einnahmen, hatten weniger Herde.", "de", "drei Jahre"),
])
def test_a_wrong_duration_in_a_relative_clause(text, lang, quote):
    assert quote in _c502(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Los pacientes que durante dos años tomaron vitamina D3 tuvieron menos lesiones.", "es"),
    ("Des malades qui, pendant deux ans, ont pris de la vitamine D3 ou un placebo.", "fr"),
    # a relative clause about the disease, not the trial's treatment
    ("Personas que durante diez años han vivido con EM participaron.", "es"),
    ("Ceux qui pendant dix ans ont vécu avec la maladie le savent.", "fr"),
    ("Patientinnen, die seit zehn Jahren an MS leiden, nahmen teil.", "de"),
])
def test_a_right_or_unrelated_duration_in_a_relative_clause_is_silent(text, lang):
    assert not _c502(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang,quote", [
    ("In SOLAR, 229 patients took vitamin D3 or placebo for two years.", "en", "two years"),
    ("Participaron 229 pacientes, que durante dos años tomaron vitamina D3 o placebo.", "es", "dos años"),
    ("Die Patienten nahmen zwei Jahre lang Vitamin D3 oder Placebo ein.", "de", "zwei Jahre"),
])
def test_a_trial_cut_short_did_not_run_for_its_planned_length(text, lang, quote):
    assert quote in _c502(text, "solar", lang)


@pytest.mark.parametrize("text,lang", [
    ("SOLAR was planned for two years but ran for 48 weeks.", "en"),
    ("El ensayo, previsto para dos años, se acortó a 48 semanas.", "es"),
    ("Geplant waren zwei Jahre, am Ende lief die Studie 48 Wochen.", "de"),
    ("Les patients ont pris de la vitamine D3 pendant 48 semaines.", "fr"),
])
def test_the_planned_length_told_as_planned_is_silent(text, lang):
    assert not _c502(text, "solar", lang)


# -- one arm's share as a multiple of the other's: D-Lay MS 74.1% vs 60.3% is a ratio of 1.23 --------------
@pytest.mark.parametrize("text,lang,quote", [
    ("Half as many people in the vitamin D group had disease activity as in the placebo group.", "en", "Half"),
    ("Twice as many patients in the placebo group had disease activity.", "en", "Twice"),
    ("Im Vitamin-D-Arm hatten halb so viele Patienten Krankheitsaktivität wie unter Placebo.", "de", "halb"),
    ("Unter Placebo hatten doppelt so viele Patienten Krankheitsaktivität.", "de", "doppelt"),
    ("Dans le groupe vitamine D, il y a eu deux fois moins de patients avec une activité de la maladie "
     "que sous placebo.", "fr", "deux fois"),
    ("En el grupo de vitamina D hubo la mitad de pacientes con actividad que con placebo.", "es", "la mitad"),
])
def test_a_multiple_of_the_other_arm_that_the_shares_do_not_give(text, lang, quote):
    assert quote in _c502(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Disease activity was about 1.2 times as common in the placebo group.", "en"),
    ("Twice as many people now take vitamin D supplements as a decade ago.", "en"),
    ("Die Hälfte der Teilnehmenden erhielt Vitamin D, die andere Hälfte Placebo.", "de"),
    ("La mitad de los pacientes recibió vitamina D y la otra mitad placebo.", "es"),
    ("La dose était deux fois plus élevée que les apports conseillés.", "fr"),
])
def test_the_right_multiple_or_another_comparison_is_silent(text, lang):
    assert not _c502(text, "d-lay-ms", lang)


# -- a dose: the trial's allocation ("la mitad tomó") is the trial; someone's own story is not --------------
@pytest.mark.parametrize("text,lang,quote", [
    ("La mitad tomó 50.000 UI de vitamina D3 cada día.", "es", "50.000 UI"),
    ("In the trial, patients took 50,000 IU every day.", "en", "50,000 IU"),
    ("Les participants de l'essai ont reçu 50 000 UI par jour.", "fr", "50 000 UI"),
])
def test_a_wrong_dose_given_in_the_trial(text, lang, quote):
    # the quote may carry its frequency words ("50 000 UI par jour": a daily dose read as one)
    assert any(q.startswith(quote) for q in _c502(text, "d-lay-ms", lang))


@pytest.mark.parametrize("text,lang", [
    ("My mother took 50,000 IU a month for years.", "en"),
    ("I took 50,000 IU a week for a year.", "en"),
    ("Ma mère a pris 50 000 UI par mois pendant des années.", "fr"),
    ("Meine Mutter nahm jahrelang 50.000 I.E. im Monat.", "de"),
    ("Mi madre tomó 50.000 UI al mes durante años.", "es"),
    ("La mitad tomó 100.000 UI de vitamina D3 cada dos semanas.", "es"),
])
def test_a_personal_dose_or_the_right_one_is_silent(text, lang):
    assert not _c502(text, "d-lay-ms", lang)
