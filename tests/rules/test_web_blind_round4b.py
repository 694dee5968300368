"""Patterns of the second pass on the web held-out sets: ways people write a clinical outcome or an
overstated certainty that the tables missed. Every sentence is written here; none comes from a corpus."""

from __future__ import annotations

import pytest

from test_web_blind_patterns import found, loud


# -- the disease or the patients as the subject of getting worse --------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Wer hochdosiertes Vitamin D nimmt, hat ein geringeres Risiko, dass die Krankheit fortschreitet.", "de"),
    ("Para mí eso significa menos pacientes que empeoran.", "es"),
    ("Vitamin D meant the disease flared up less often.", "en"),
])
def test_a_benefit_on_the_disease_getting_worse_is_a_clinical_claim(text, lang):
    # D-Lay MS measured disease activity (mostly MRI); progression and relapses did not differ
    assert loud(text, "d-lay-ms", lang) & {"C201", "C202"}


@pytest.mark.parametrize("text,lang", [
    ("Ob die Krankheit langsamer fortschreitet, konnte die Studie nicht zeigen.", "de"),
    ("No hubo diferencias en el número de pacientes que empeoraron.", "es"),
    ("Whether the disease flared up less often could not be shown.", "en"),
])
def test_the_disease_getting_worse_in_a_careful_sentence_stays_silent(text, lang):
    assert not loud(text, "d-lay-ms", lang) & {"C201", "C202"}


# -- a treatment told as free of side effects -----------------------------------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("Research shows vitamin D has no side effects, even at high doses.", "choline", "en"),
    ("La vitamine D n'a aucun effet secondaire, même à forte dose.", "solar", "fr"),
    ("Hochdosiertes Vitamin D hat keine Nebenwirkungen.", "solar", "de"),
    ("La vitamina D en dosis altas no tiene efectos secundarios.", "vidams", "es"),
])
def test_a_treatment_without_side_effects_is_told_as_settled(text, study, lang):
    assert "C102" in loud(text, study, lang)


@pytest.mark.parametrize("text,study,lang", [
    ("Vitamin D is not without side effects: the trial counted more hospital stays.", "vidams", "en"),
    ("Side effects were similar in both groups.", "vidams", "en"),
    ("Es gab in beiden Gruppen ähnlich viele Nebenwirkungen.", "solar", "de"),
    ("No es cierto que la vitamina D no tenga efectos secundarios.", "vidams", "es"),
])
def test_side_effects_told_with_care_stay_silent(text, study, lang):
    assert "C102" not in loud(text, study, lang)


# -- the intervention as part of every treatment; "no reason not to take it" --------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("Vitamin D belongs in every MS treatment plan.", "solar", "en"),
    ("With these results there is no reason not to take high-dose vitamin D.", "solar", "en"),
    ("Pour moi, la vitamine D fait partie de tout traitement de la SEP.", "solar", "fr"),
    ("Avec la vitamine D à forte dose, il n'y a plus de raison de s'en priver.", "solar", "fr"),
    ("Vitamin D gehört für mich zu jeder MS-Therapie dazu.", "evidims", "de"),
    ("La vitamina D debe formar parte de todo tratamiento de la EM.", "vidams", "es"),
])
def test_the_intervention_in_every_treatment_is_practice_advice(text, study, lang):
    assert "C102" in loud(text, study, lang)


@pytest.mark.parametrize("text,study,lang", [
    ("There is no reason to take high-dose vitamin D on the strength of this trial.", "solar", "en"),
    ("Ob Vitamin D zu jeder MS-Therapie gehört, bleibt offen.", "evidims", "de"),
    ("Nada permite decir que la vitamina D deba formar parte de todo tratamiento.", "vidams", "es"),
])
def test_every_treatment_told_with_care_stays_silent(text, study, lang):
    assert "C102" not in loud(text, study, lang)


# -- relatives of people with MS: a population no trial enrolled ------------------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("High-dose vitamin D is worth taking for anyone with a sibling with MS who wants to lower their risk.",
     "choline", "en"),
    ("La vitamine D à forte dose est recommandée à tous, y compris aux enfants de patients.", "prevanz", "fr"),
    ("Hochdosiertes Vitamin D eignet sich für alle Menschen mit MS und für alle, die ihr Risiko senken möchten, "
     "etwa Geschwister oder Kinder von Betroffenen.", "d-lay-ms", "de"),
    ("Si tienes un hermano con EM, toma 10.000 UI de vitamina D al día.", "prevanz", "es"),
])
def test_advice_to_relatives_of_patients_is_extrapolation(text, study, lang):
    quotes = [q for c, sev, q in found(text, study, lang) if c == "C301" and sev == "warning"]
    assert any(w in q for q in quotes for w in ("sibling", "enfants", "Kinder", "hermano"))


@pytest.mark.parametrize("text,study,lang", [
    ("The trial did not include relatives of people with MS.", "choline", "en"),
    ("L'essai n'a pas inclus d'enfants de patients.", "prevanz", "fr"),
    ("Kinder von MS-Patienten wurden in der Studie nicht untersucht.", "solar", "de"),
    ("El ensayo no incluyó a familiares de pacientes.", "prevanz", "es"),
])
def test_relatives_named_as_not_studied_stay_silent(text, study, lang):
    assert "C301" not in loud(text, study, lang)


# -- a relative effect in forms the tables missed ---------------------------------------------------------

@pytest.mark.parametrize("text,study,lang", [
    ("Wer Vitamin D nimmt, hat ein um ein Drittel geringeres Risiko für neue Läsionen.", "d-lay-ms", "de"),
    ("Unter Vitamin D traten rund 32 % weniger aktive Läsionen auf.", "solar", "de"),
    ("La vitamine D a réduit d'un tiers l'activité de la maladie.", "d-lay-ms", "fr"),
])
def test_a_relative_effect_alone_is_relative_only(text, study, lang):
    assert "C501" in loud(text, study, lang)


@pytest.mark.parametrize("text,study,lang", [
    ("Wer Vitamin D nimmt, hat ein um ein Drittel geringeres Risiko für neue Läsionen: 60 % gegenüber 74 % in "
     "der Placebogruppe.", "d-lay-ms", "de"),
    ("La vitamine D a réduit d'un tiers l'activité de la maladie : 60 % contre 74 % sous placebo.", "d-lay-ms", "fr"),
])
def test_a_relative_effect_with_both_groups_figures_is_silent(text, study, lang):
    assert "C501" not in loud(text, study, lang)
