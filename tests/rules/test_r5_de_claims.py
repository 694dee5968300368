"""German claims, round 5: how German writes a settled safety, hype, a comparison with the drugs, a
clinical outcome told from a surrogate and a result carried to other people. Sentences written here;
each pattern has careful sentences that must stay silent."""

from __future__ import annotations

import pytest

from conftest import found


def loud(text: str, study: str) -> set[str]:
    return {c for c, sev, _ in found(text, study, "de") if sev in ("error", "warning")}


def any_code(text: str, study: str) -> set[str]:
    return {c for c, _, _ in found(text, study, "de")}


# -- safety told as absolute, in softened forms --------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Im Versuch gab es keine nennenswerten Nebenwirkungen.",
    "Das Präparat hat praktisch keine Nebenwirkungen.",
    "Hochdosiertes Vitamin D: Nebenwirkungen Fehlanzeige.",
    "Nebenwirkungen: keine.",
    "Nebenwirkungen spielten laut den Autoren der Studie überhaupt keine Rolle.",
    "Vitamin D hat so gut wie keine Nebenwirkungen.",
])
def test_softened_absolute_safety_is_told_as_settled(text):
    assert "C102" in loud(text, "choline")


@pytest.mark.parametrize("text", [
    "Schwere Nebenwirkungen waren in beiden Gruppen ähnlich selten.",
    "Es traten keine schweren Nebenwirkungen auf, die auf Vitamin D zurückgingen.",
    "Nebenwirkungen: keine schweren, aber einige leichte.",
    "Die hohe Dosis wurde gut vertragen.",
])
def test_counted_or_careful_safety_stays_silent(text):
    assert "C102" not in loud(text, "choline")


# -- hype: a change of era, a life changed -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Für die Neurologie ist das ein echter Paradigmenwechsel.",
    "Diese Studie markiert einen Wendepunkt in der MS-Behandlung.",
    "Vitamin D kann Leben verändern.",
    "Vitamin D könnte die Therapie der MS grundlegend verändern.",
])
def test_a_change_of_era_is_hype(text):
    assert "C101" in any_code(text, "choline")


@pytest.mark.parametrize("text", [
    "Die Diagnose hat mein Leben verändert.",
    "Das war ein Wendepunkt in ihrem Leben.",
    "Die MS hat ihren Alltag grundlegend verändert.",
])
def test_a_patients_own_story_of_change_stays_silent(text):
    assert "C101" not in any_code(text, "choline")


# -- a comparison with the drugs the trial never made ---------------------------------------------------

@pytest.mark.parametrize("text,study", [
    ("Vitamin D könnte bei früher MS so gut wirken wie eine Basistherapie.", "d-lay-ms"),
    ("Das Vitamin ist ähnlich wirksam wie eine Immuntherapie.", "d-lay-ms"),
    ("Analysten sehen Vitamin D auf Augenhöhe mit den zugelassenen Basistherapeutika.", "choline"),
    ("Vitamin D wirkt genauso gut wie Interferon.", "solar"),
])
def test_a_comparison_with_the_drugs_is_unsupported(text, study):
    assert "C401" in loud(text, study)


@pytest.mark.parametrize("text,study", [
    ("Die Studie hat Vitamin D nicht mit einer Basistherapie verglichen.", "d-lay-ms"),
    ("Ob Vitamin D so gut wirkt wie eine Basistherapie, weiß niemand.", "d-lay-ms"),
])
def test_a_comparison_denied_or_asked_stays_silent(text, study):
    assert "C401" not in loud(text, study)


# -- a clinical outcome told from the surrogate result -----------------------------------------------------

@pytest.mark.parametrize("text,study", [
    ("Das Vitamin senkt das Schubrisiko um ein Drittel.", "d-lay-ms"),
    ("Mit Vitamin D sank die Schubhäufigkeit deutlich.", "d-lay-ms"),
    ("Mit Vitamin D dauerte es fast doppelt so lange, bis die Krankheit wieder zuschlug.", "d-lay-ms"),
    ("Unter Vitamin D vergingen deutlich mehr Tage, bis die MS erneut ausbrach.", "d-lay-ms"),
    ("Vitamin D3 drückt die Schubrate um ein Drittel.", "solar"),
    ("Mit Vitamin D ist ihre MS praktisch stehen geblieben.", "vidams"),
    ("Vitamin D bringt die MS zum Stillstand.", "vidams"),
])
def test_a_clinical_outcome_told_from_the_surrogate_is_flagged(text, study):
    assert loud(text, study) & {"C201", "C202"}


@pytest.mark.parametrize("text,study", [
    ("Bis zur nächsten Krankheitsaktivität dauerte es mit Vitamin D fast doppelt so lange.", "d-lay-ms"),
    ("Beim Schubrisiko gab es keinen signifikanten Unterschied.", "d-lay-ms"),
    ("Die MS ist bei ihr trotz Vitamin D nicht stehen geblieben.", "vidams"),
    ("Die Forschung ist bei Vitamin D lange stehen geblieben.", "vidams"),
    ("Das Risiko einer schubförmigen MS hängt von vielen Faktoren ab.", "d-lay-ms"),
])
def test_a_surrogate_result_or_a_null_told_as_such_stays_silent(text, study):
    assert not loud(text, study) & {"C201", "C202"}


# -- the result carried to people the trial did not study ------------------------------------------------

@pytest.mark.parametrize("text,study", [
    ("Gerade Kinder aus Familien mit MS sollten im Winter Vitamin D bekommen.", "d-lay-ms"),
    ("Auch in der Schwangerschaft lohnt es sich, auf einen guten Vitamin-D-Spiegel zu achten.", "d-lay-ms"),
    ("Die Kassen sollten hochdosiertes Vitamin D für alle MS-Patienten erstatten.", "d-lay-ms"),
    ("Die Hersteller hoffen, dass auch Patienten mit progredienten Verlaufsformen zu Vitamin D greifen.", "choline"),
    ("Wer ein familiäres Risiko hat, sollte jetzt Vitamin D nehmen.", "choline"),
])
def test_the_result_carried_to_other_people_is_flagged(text, study):
    assert "C301" in any_code(text, study)


@pytest.mark.parametrize("text,study", [
    ("Schwangere waren in der Studie nicht dabei.", "d-lay-ms"),
    ("Ob sich Vitamin D in der Schwangerschaft lohnt, hat die Studie nicht untersucht.", "d-lay-ms"),
    ("Kinder aus Familien mit MS wurden in der Studie nicht untersucht.", "d-lay-ms"),
])
def test_people_named_as_not_studied_stay_silent(text, study):
    assert "C301" not in loud(text, study)


# -- the question told as closed; a dose told as the minimum or how best to take it -----------------------

@pytest.mark.parametrize("text", [
    "Null Fälle von zu hohem Kalzium, das steht sogar schwarz auf weiß in der Studie.",
    "Die Studie zeigt schwarz auf weiß, dass Vitamin D hilft.",
    "Die Wissenschaft ist sich einig: Vitamin D hilft bei MS.",
    "Tipps für alle: mind. 5000–10.000 IE täglich, am besten mit K2.",
    "Nehmt am besten 10.000 IE am Tag.",
])
def test_settled_wording_and_dose_advice_are_overstated(text):
    assert "C102" in loud(text, "vidams")


@pytest.mark.parametrize("text", [
    "Für die Kasse ist das schwarz auf weiß dokumentiert, sagt die Sprecherin.",
    "In der Studie erhielt die eine Gruppe 5000 IE täglich, die andere 600 IE.",
    "Das Bundesinstitut rät, ohne ärztliche Kontrolle nicht mehr als 4000 IE täglich einzunehmen.",
    "Am besten besprechen Sie die Dosis mit Ihrem Arzt.",
])
def test_a_record_or_a_doctors_word_stays_silent(text):
    assert "C102" not in loud(text, "vidams")


# -- the time until the disease came back, told with its figure ------------------------------------------

def test_the_time_until_the_disease_came_back_is_a_relapse_claim():
    text = "Mit Vitamin D vergingen im Mittel 432 Tage, bis sich die Krankheit wieder bemerkbar machte."
    assert loud(text, "d-lay-ms") & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Bis zur ersten Krankheitsaktivität vergingen im Mittel 432 Tage gegenüber 224 Tagen.",
    "Mit Vitamin D vergingen im Mittel 432 Tage, bis neue Krankheitsaktivität auftrat.",
])
def test_the_time_until_disease_activity_stays_silent(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Die Entdeckung gilt als Geheimwaffe gegen MS.",
    "Für die MS-Forschung ist das ein Riesenschritt.",
    "Vitamin D, das neue Allheilmittel?",
])
def test_more_hype_words(text):
    assert "C101" in any_code(text, "d-lay-ms")


# -- more German words for relapses, brain loss, the course, advanced and long-standing MS, the healthy ----

@pytest.mark.parametrize("text,code", [
    ("Vitamin D verhindert neue Krankheitsschübe.", {"C201", "C202"}),
    ("Die Zahl der Schubereignisse sank mit Vitamin D deutlich.", {"C201", "C202"}),
    ("Vitamin D bremst den Hirnschwund bei MS.", {"C201", "C202"}),
    ("Hochdosiertes Vitamin D verlangsamt den MS-Verlauf.", {"C201", "C202"}),
    ("Auch Patienten mit fortgeschrittener MS sollten jetzt Vitamin D nehmen.", {"C301"}),
    ("Vitamin D hilft auch bei langjähriger MS.", {"C301"}),
    ("Auch Gesunde sollten jetzt hochdosiertes Vitamin D nehmen.", {"C301"}),
])
def test_more_words_for_outcomes_and_populations(text, code):
    assert loud(text, "d-lay-ms") & code


@pytest.mark.parametrize("text", [
    "Menschen mit fortgeschrittener MS waren nicht in der Studie.",
    "Gesunde wurden nicht untersucht.",
    "Bei den Krankheitsschüben gab es keinen Unterschied zwischen den Gruppen.",
])
def test_more_words_in_careful_sentences_stay_silent(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202", "C301"}
