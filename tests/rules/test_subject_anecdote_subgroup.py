"""Three patterns from the last rounds' known gaps and the dlay_blind set, with sentences written here:
the disease as the subject of a benefit verb is no claim for the intervention; a first-person anecdote
does not report the trial's null clinical result (C601 still fires); a subgroup's benefit told as
outsized ("the benefit was dramatic", "who has most to gain") is a subgroup told as a finding."""

from __future__ import annotations

import pytest

from test_earlier_trials import _library, codes


@pytest.mark.parametrize("text,lang", [
    ("The disease slows patients down in daily life.", "en"),
    ("La maladie freine les patients au quotidien.", "fr"),
    ("Die Krankheit bremst die Patienten im Alltag.", "de"),
    ("La enfermedad frena a los pacientes en su vida diaria.", "es"),
])
def test_the_disease_as_subject_is_no_benefit_claim(text, lang):
    assert not codes(text, "d-lay-ms", lang) & {"C201", "C202"}


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D slows patients' disability down.", "en"),
    ("Vitamin D bremst die Krankheit im Alltag.", "de"),
    ("La maladie progressait bien moins vite sous vitamine D.", "fr"),
])
def test_the_intervention_as_subject_is_still_a_claim(text, lang):
    assert codes(text, "d-lay-ms", lang) & {"C201", "C202"}


def _whole(text: str, lang: str) -> set[str]:
    from msvitd.critique.engine import critique_text

    res = critique_text(text, _library().study("d-lay-ms"), lang=lang, whole_article=True)
    return {f.rule for f in res.findings}


@pytest.mark.parametrize("text,lang", [
    ("Vitamin D cut MRI activity in the trial. I haven't had a relapse since I started taking it.", "en"),
    ("La vitamine D a réduit l'activité à l'IRM. Depuis que je la prends, je n'ai plus fait de poussée.", "fr"),
    ("Vitamin D senkte die Aktivität im MRT. Ich habe seitdem keinen Schub mehr gehabt.", "de"),
    ("La vitamina D redujo la actividad en la resonancia. No he vuelto a tener un brote desde que la tomo.", "es"),
])
def test_an_anecdote_does_not_report_the_null_result(text, lang):
    assert "C601" in _whole(text, lang)


def test_the_null_result_itself_still_counts():
    assert "C601" not in _whole("Vitamin D cut MRI activity in the trial. Relapses did not differ between the groups.", "en")


@pytest.mark.parametrize("text,lang", [
    ("In patients who were severely deficient at the start, the benefit was dramatic.", "en"),
    ("Chez les patients très carencés, le bénéfice a été spectaculaire.", "fr"),
    ("Bei Patienten mit schwerem Vitamin-D-Mangel war der Nutzen besonders groß.", "de"),
    ("En los pacientes con déficit grave, el beneficio fue enorme: son quienes más tienen que ganar.", "es"),
])
def test_a_subgroup_benefit_told_as_outsized(text, lang):
    assert "C302" in codes(text, "d-lay-ms", lang)


def test_an_exploratory_subgroup_told_as_such_is_fine():
    text = ("Los autores vieron un efecto mayor en quienes tenían un déficit grave; "
            "son análisis exploratorios que no permiten sacar conclusiones.")
    assert "C302" not in codes(text, "d-lay-ms", "es")
