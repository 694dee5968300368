"""Breadth per language (round 4): the ways French, German and Spanish journalists write the patterns
English already covered, each with careful sentences that must stay silent. Every sentence is written
here for its pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from test_earlier_trials import found


def _codes(text, lang, study="d-lay-ms"):
    return {c for c, _, _ in found(text, study, lang)}


def _loud(text, lang, study="d-lay-ms"):
    """Findings a reader would see as a problem (warnings and errors)."""
    return [(c, s, q) for c, s, q in found(text, study, lang) if s in ("error", "warning")]


# -- certainty: the result told as settled, and its negations ---------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("La preuve est faite : la vitamine D marche contre la SEP.", "fr"),
    ("Il est établi que la vitamine D freine la sclérose en plaques.", "fr"),
    ("Es steht fest: Vitamin D bremst die Multiple Sklerose.", "de"),
    ("Ya está demostrado: la vitamina D protege el cerebro.", "es"),
])
def test_settled_wording(text, lang):
    assert "C102" in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    # "ne ... pas", "rien ne": the French negation stands before the verb
    ("L'étude ne prouve pas que la vitamine D évite les poussées.", "fr"),
    ("Rien ne prouve pour l'instant que la vitamine D ralentisse le handicap.", "fr"),
    ("Aucun essai n'a démontré que la vitamine D protège du handicap.", "fr"),
    # the participle first, its denial after it
    ("Bewiesen ist damit noch nichts, betonen die Autoren.", "de"),
    ("Belegt ist das bislang nicht.", "de"),
    ("Der Nutzen ist kaum bewiesen.", "de"),
    ("No está demostrado ni probado que la vitamina D evite los brotes.", "es"),
    ("The benefit is by no means proven.", "en"),
])
def test_certainty_denied_is_careful(text, lang):
    assert "C102" not in _codes(text, lang), found(text, "d-lay-ms", lang)


# -- advice forms --------------------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Prenez de la vitamine D à haute dose.", "fr"),
    ("Il est recommandé de prendre de la vitamine D dès le diagnostic.", "fr"),
    ("Mieux vaut commencer la vitamine D tout de suite.", "fr"),
    ("Vitamin D einnehmen – und zwar hochdosiert!", "de"),
    ("Täglich hochdosiertes Vitamin D einnehmen!", "de"),
    ("Es lohnt sich, jeden Tag Vitamin D zu nehmen.", "de"),
    ("Conviene tomar vitamina D en dosis altas.", "es"),
    ("Es recomendable empezar con vitamina D cuanto antes.", "es"),
    ("Los neurólogos deberían recetar vitamina D a sus pacientes.", "es"),
])
def test_advice_forms(text, lang):
    assert "C102" in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Nehmen Sie Vitamin D nicht ohne ärztlichen Rat ein.", "de"),
    ("Ne prenez pas de vitamine D à forte dose sans avis médical.", "fr"),
    ("No tome vitamina D en dosis altas sin consultar a su médico.", "es"),
    ("Il ne faut pas arrêter son traitement pour autant.", "fr"),
    ("Wer Vitamin D einnehmen will, sollte vorher den Arzt fragen!", "de"),
])
def test_cautious_advice_is_silent(text, lang):
    assert not _loud(text, lang), found(text, "d-lay-ms", lang)


# -- benefit verbs: German separable verbs, and other verbs of holding a disease back ----------------------
@pytest.mark.parametrize("text,lang", [
    ("Vitamin D hält die Behinderung auf.", "de"),
    ("Vitamin D beugt neuen Schüben vor.", "de"),
    ("Vitamin D zögert die Behinderung hinaus.", "de"),
    ("Vitamin D hält die Schübe in Schach.", "de"),
    ("La vitamine D endigue les poussées.", "fr"),
    ("La vitamina D mantiene a raya los brotes.", "es"),
    ("La vitamina D contiene los brotes.", "es"),
])
def test_benefit_verbs_on_a_null_outcome(text, lang):
    assert _codes(text, lang) & {"C201", "C202"}, found(text, "d-lay-ms", lang)


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D hielt die Schübe nicht auf.", "de"),
    ("Die Studie hält fest, dass Schübe gleich häufig auftraten.", "de"),
    ("Vitamin D beugte neuen Schüben nicht vor.", "de"),
])
def test_separable_verbs_negated_or_unrelated_are_silent(text, lang):
    assert not (_codes(text, lang) & {"C201", "C202"}), found(text, "d-lay-ms", lang)


# -- populations and comparisons ------------------------------------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Auch Menschen mit progredienter MS profitieren von Vitamin D.", "de"),
    ("Von Vitamin D profitieren alle MS-Kranken.", "de"),
])
def test_population_with_german_benefit_and_inflection(text, lang):
    assert "C301" in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D statt teurer Medikamente.", "de"),
    ("Vitamin D wirkt ähnlich wie herkömmlichen Therapien zugeschrieben.", "de"),
    ("La vitamina D, una alternativa a los fármacos modificadores.", "es"),
    ("¿Vitamina D en lugar de las terapias modificadoras?", "es"),
])
def test_comparison_with_treatments_in_every_case(text, lang):
    assert "C401" in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Verglichen wurde mit Placebo, nicht mit teuren Medikamenten.", "de"),
    ("Se comparó con placebo, no con los fármacos modificadores.", "es"),
])
def test_the_comparison_the_trial_did_not_make_told_as_such(text, lang):
    assert "C401" not in _codes(text, lang)


# -- a reporting clause inserted between the verb and its object -------------------------------------------
@pytest.mark.parametrize("text,lang", [
    ("Vitamin D bremst, wie Forscher zeigen, den Verlauf der Krankheit.", "de"),
    ("La vitamine D freine, comme le montre l'étude, l'évolution de la maladie.", "fr"),
    ("La vitamina D frena, como demuestra el estudio, la evolución de la enfermedad.", "es"),
    ("Vitamin D slows, as the new study shows, the course of the disease.", "en"),
])
def test_verb_and_object_split_by_a_reporting_clause(text, lang):
    assert "C201" in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D bremst, wie die Studie zeigt, den Verlauf nicht.", "de"),
    ("Die Schübe, wie die Studie zeigt, gingen nicht zurück.", "de"),
    ("La vitamine D ne freine pas, comme le montre l'étude, l'évolution du handicap.", "fr"),
])
def test_a_reporting_clause_in_a_negated_sentence_stays_silent(text, lang):
    assert not (_codes(text, lang) & {"C201", "C202"}), found(text, "d-lay-ms", lang)


# -- the earlier trials: halving a null outcome, and null results told correctly ----------------------------
@pytest.mark.parametrize("text,lang,study", [
    ("CHOLINE: Vitamin D halbiert die Schubrate.", "de", "choline"),
    ("CHOLINE : la vitamine D divise par deux le taux de poussées.", "fr", "choline"),
    ("SOLAR zeigt: Vitamin D senkt die Zahl der Schübe.", "de", "solar"),
    ("Según PrevANZ, la vitamina D previene la esclerosis múltiple.", "es", "prevanz"),
    ("VIDAMS demuestra que la vitamina D protege de los brotes.", "es", "vidams"),
    ("Die EVIDIMS-Studie belegt, dass Vitamin D zusätzlich zu Interferon Schübe verhindert.", "de", "evidims"),
])
def test_earlier_trials_null_outcome_told_as_a_benefit(text, lang, study):
    assert "C202" in _codes(text, lang, study)


@pytest.mark.parametrize("text,lang,study", [
    ("En CHOLINE, la vitamina D no tuvo efecto sobre la tasa de brotes.", "es", "choline"),
    ("L'essai SOLAR a montré moins de nouvelles lésions à l'IRM, mais pas moins de poussées.", "fr", "solar"),
    ("VIDAMS n'a trouvé aucune différence sur les poussées.", "fr", "vidams"),
    ("PrevANZ a été arrêté prématurément ; aucune conclusion n'est possible.", "fr", "prevanz"),
    ("EVIDIMS hielt die Schübe nicht auf, so die Autoren.", "de", "evidims"),
])
def test_earlier_trials_told_correctly_stay_silent(text, lang, study):
    assert not _loud(text, lang, study), found(text, study, lang)


# -- the conditional is a hedge, not a present-tense generalisation; enclitic advice -------------------------
@pytest.mark.parametrize("text,lang", [
    ("La vitamine D réduirait l'activité de la maladie.", "fr"),
    ("La vitamina D reduciría la actividad de la enfermedad.", "es"),
])
def test_the_conditional_is_no_generalisation(text, lang):
    assert "C102" not in _codes(text, lang)


@pytest.mark.parametrize("text,lang", [
    ("La vitamine D réduit l'activité de la maladie.", "fr"),
    ("La vitamina D reduce la actividad de la enfermedad.", "es"),
])
def test_the_present_is_still_a_generalisation(text, lang):
    assert ("C102", "info") in {(c, s) for c, s, _ in found(text, "d-lay-ms", lang)}


def test_spanish_advice_with_an_enclitic_pronoun():
    assert "C301" in _codes("Todas las personas con EM deberían tomarla.", "es")
    assert "C301" not in _codes("Todas las personas con EM deberían tomarla con calma.", "es")
