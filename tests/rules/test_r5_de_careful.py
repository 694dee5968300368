"""German careful wording, round 5: advertising reported to be examined, a label others give the
intervention, a null result in the plural, harms told as symptoms. Sentences written here."""

from __future__ import annotations


import pytest

from conftest import _library, found


def loud(text: str, study: str) -> set[str]:
    return {c for c, sev, _ in found(text, study, "de") if sev in ("error", "warning")}


def whole(text: str, study: str) -> set[str]:
    from msvitd.critique.engine import critique_text

    res = critique_text(text, _library().study(study), lang="de", whole_article=True)
    return {f.rule for f in res.findings}


# -- advertising reported in order to examine it -----------------------------------------------------

@pytest.mark.parametrize("text,study", [
    ("Im Netz werden Hochdosis-Kapseln verkauft, oft mit dem Hinweis, sie könnten den Verlauf der MS bremsen.",
     "solar"),
    ("Viele Anbieter werben damit, dass Vitamin D neue Schübe verhindert.", "solar"),
    ("Einige Hersteller versprechen, dass ihre Kapseln das Fortschreiten der MS aufhalten.", "d-lay-ms"),
    ("Aussagen wie „Vitamin D stoppt die MS“ sind durch die Daten nicht gedeckt.", "d-lay-ms"),
    ("Die Tropfen werden mit dem Versprechen verkauft, Schübe zu verhindern.", "choline"),
])
def test_advertising_reported_to_examine_it_stays_silent(text, study):
    assert not loud(text, study) & {"C201", "C202"}


@pytest.mark.parametrize("text,study", [
    ("Die Forscher betonen, dass Vitamin D den Verlauf der Multiplen Sklerose bremst.", "d-lay-ms"),
    ("Der Hersteller hat recht: Vitamin D verhindert neue Schübe.", "solar"),
    ("Die Forscher veröffentlichten die Daten mit dem Hinweis, dass Vitamin D das Fortschreiten der MS bremst.",
     "d-lay-ms"),
])
def test_the_pieces_own_claim_is_still_flagged(text, study):
    assert loud(text, study) & {"C201", "C202"}


# -- a label others give the intervention ------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kein Wunder, dass ein billiges Vitamin als Hoffnungsträger gehandelt wird.",
    "In Foren wird das Präparat als Wundermittel verkauft.",
    "Vitamin D wird gern als Allheilmittel angepriesen.",
])
def test_a_label_others_give_is_info(text):
    assert "C101" not in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Vitamin D ist der neue Hoffnungsträger für Menschen mit MS.",
    "Ein Wundermittel gegen die MS!",
])
def test_the_pieces_own_hype_stays_a_warning(text):
    assert "C101" in loud(text, "d-lay-ms")


# -- a null result in the plural and emphatic forms ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "Zwischen den Gruppen fanden sich keine Unterschiede: weder bei den Schüben noch bei der Behinderung.",
    "Bei Schüben und Behinderung gab es keinerlei Unterschied zwischen den Gruppen.",
    "Bei der Schubrate und der Behinderung zeigte sich kein gesicherter Vorteil.",
])
def test_a_plural_null_result_reports_the_clinical_outcomes(text):
    assert "C601" not in whole(text, "evidims")


def test_an_article_silent_on_relapses_still_omits_them():
    assert "C601" in whole("Hochdosiertes Vitamin D wurde gut vertragen. Die Studie war klein.", "evidims")


# -- harms told as what too much vitamin D does ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Wer sehr hoch dosiert, riskiert erhöhte Kalziumwerte im Blut und Nierensteine.",
    "Zu viel Vitamin D über Monate kann Übelkeit und Herzrhythmusstörungen auslösen.",
    "Sehr hohe Dosen können zu einer Vergiftung mit zu viel Calcium führen.",
])
def test_harms_told_as_symptoms_count_as_harms(text):
    assert "C602" not in whole("Vitamin D senkte die Krankheitsaktivität. " + text, "solar")


def test_an_article_without_harms_still_omits_them():
    assert "C602" in whole("Vitamin D senkte die Krankheitsaktivität. Die Studie lief 48 Wochen.", "solar")
