"""Spanish patterns of round 5 (how Spanish coverage writes a claim, or a careful statement, that the
tables missed). Every sentence is written here; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def loud(text: str, study: str, lang: str = "es") -> set[str]:
    """The codes of the errors and warnings (what a careful piece must not get)."""
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


def quotes(text: str, study: str, code: str, lang: str = "es") -> list[str]:
    return [q for c, _, q in found(text, study, lang) if c == code]


# -- a myths-and-facts page: the claim after its label is the one the page rebuts -------------------------

@pytest.mark.parametrize("text", [
    "MITO: «La vitamina D cura la esclerosis múltiple». REALIDAD: ningún ensayo lo ha mostrado.",
    "Mito número 3: la vitamina D reduce los brotes a la mitad.",
    "Falso: «tomar vitamina D frena la enfermedad».",
    "Bulo: la vitamina D detiene la esclerosis múltiple.",
    "¿Es verdad que la vitamina D evita los brotes? Los datos dicen que no.",
    "Circula por internet que la vitamina D frena la esclerosis múltiple.",
    "Hay quien asegura que la vitamina D reduce los brotes.",
])
def test_a_claim_labelled_as_a_myth_is_not_the_pages_own(text):
    assert not loud(text, "d-lay-ms") & {"C101", "C102", "C201", "C202"}


def test_the_same_claim_without_its_label_is_still_flagged():
    assert "C202" in loud("La vitamina D reduce los brotes a la mitad.", "d-lay-ms")
    assert "C201" in loud("Tomar vitamina D frena la enfermedad.", "d-lay-ms")


# -- a null result after a pair of shares is no inverted share ----------------------------------------------

@pytest.mark.parametrize("text", [
    "El porcentaje de pacientes con algún brote (17,9 % y 21,8 %) no difirió de forma significativa.",
    "Sufrieron un brote el 17,9 % frente al 21,8 %, una diferencia que no fue significativa.",
    "Los brotes (17,9 % frente a 21,8 %) no mostraron diferencias entre los grupos.",
])
def test_a_null_result_after_the_shares_does_not_invert_them(text):
    assert "C502" not in loud(text, "d-lay-ms")


def test_a_share_told_as_the_share_without_the_outcome_is_still_inverted():
    assert quotes("El 60,3 % no presentó actividad de la enfermedad con la vitamina D.", "d-lay-ms", "C502")


# -- another agent's claim in the relative clause it opens --------------------------------------------------

@pytest.mark.parametrize("text", [
    "El ensayo no enfrentó la vitamina D a los fármacos modificadores, que sí han demostrado reducir los brotes.",
    "La vitamina D no se comparó con el interferón, el cual reduce los brotes.",
])
def test_a_relative_clause_about_another_treatment_is_not_the_interventions_claim(text):
    assert not loud(text, "d-lay-ms") & {"C102", "C202"}


def test_a_relative_clause_about_the_intervention_is_its_claim():
    assert "C202" in loud("Los pacientes tomaron vitamina D, que redujo los brotes.", "d-lay-ms")


# -- certainty: data, confirmation or science told as settled; safety as absolute ----------------------------

@pytest.mark.parametrize("text,study", [
    ("Con la vitamina D los datos son aplastantes: menos actividad de la enfermedad.", "d-lay-ms"),
    ("Para la asociación, el ensayo con vitamina D supone la confirmación definitiva.", "d-lay-ms"),
    ("Con la vitamina D, la ciencia se ha puesto por fin de nuestro lado.", "d-lay-ms"),
    ("Con la vitamina D la ciencia nos da la razón.", "d-lay-ms"),
    ("Los investigadores han constatado que la vitamina D a dosis altas es segura.", "vidams"),
    ("Cero efectos adversos con la vitamina D en todo el año.", "prevanz"),
    ("Con la vitamina D los participantes no sufrieron efectos secundarios.", "solar"),
])
def test_settled_data_and_absolute_safety_are_overstated(text, study):
    assert "C102" in loud(text, study)


@pytest.mark.parametrize("text,study", [
    ("Con la vitamina D los participantes no presentaron efectos adversos graves con más frecuencia.", "solar"),
    ("Los datos sobre la vitamina D no son concluyentes.", "d-lay-ms"),
    ("No se registró ningún caso de hipercalcemia con la vitamina D.", "vidams"),
])
def test_safety_and_data_told_with_care_stay_silent(text, study):
    assert "C102" not in loud(text, study)


def test_a_change_of_paradigm_is_hype():
    assert "C101" in loud("La vitamina D supone un cambio de paradigma en la esclerosis múltiple.", "d-lay-ms")


# -- practice: pausing, spacing or replacing the treatment; asking the neurologist for high doses --------------

@pytest.mark.parametrize("text", [
    "Voy a hacerme una pausa en el interferón y seguir solo con la vitamina D.",
    "Propone reemplazar los fármacos de inicio por vitamina D en parte de los pacientes.",
    "Pídele a tu neurólogo que te recete dosis altas de vitamina D.",
    "Con la vitamina D pude espaciar mis inyecciones.",
])
def test_pausing_or_replacing_treatment_for_the_vitamin_is_overstated_advice(text):
    assert "C102" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Nunca abandone su tratamiento de fondo para tomar vitamina D.",
    "Abandonar un tratamiento eficaz para tomar vitamina D puede ser grave.",
    "Pregunte a su neurólogo si conviene medir su nivel de vitamina D.",
])
def test_warnings_against_stopping_treatment_stay_silent(text):
    assert "C102" not in loud(text, "d-lay-ms")


# -- populations: readers in the plural, any type or stage, years with MS, relatives, one's children -----------

@pytest.mark.parametrize("text,concept_word", [
    ("Si padecéis esclerosis múltiple, merece la pena que probéis la vitamina D.", "padecéis"),
    ("La vitamina D os ayuda sea cual sea la forma de vuestra esclerosis múltiple.", "sea cual sea"),
    ("La vitamina D ayuda en todas las fases de la enfermedad.", "fases"),
    ("La vitamina D sirve igual aunque llevéis una década con la EM.", "década"),
    ("Si algún familiar tuyo tiene esclerosis múltiple, yo empezaría ya con la vitamina D.", None),
    ("Si alguien de tu familia tiene EM, yo la tomaría ya: la vitamina D protege.", "familia"),
    ("Yo tomo vitamina D y a mis hijas les doy dos mil unidades.", "hijas"),
    ("Habría que dar la vitamina D a todos los pacientes diagnosticados.", "diagnosticados"),
])
def test_results_carried_to_people_the_trial_did_not_study(text, concept_word):
    qs = quotes(text, "d-lay-ms", "C301")
    assert qs or concept_word is None
    if concept_word:
        assert any(concept_word in q for q in qs), qs


@pytest.mark.parametrize("text", [
    "El ensayo solo incluyó a personas con un primer episodio; no sabemos si sirve a quienes llevan años con la EM.",
    "Ningún ensayo ha probado la vitamina D en los hijos de pacientes.",
    "Si tienes dudas, conviene hablar con tu neurólogo antes de tomar vitamina D.",
])
def test_scope_kept_to_the_trial_stays_silent(text):
    assert "C301" not in loud(text, "d-lay-ms")


# -- a clinical outcome told through time, or the disease as the subject of halting ---------------------------

@pytest.mark.parametrize("text", [
    "Quienes tomaron vitamina D tardaron mucho más en sufrir otro brote.",
    "Con la vitamina D los pacientes estuvieron el doble de tiempo sin que la esclerosis múltiple avanzara.",
    "En resumen, gracias a la vitamina D la esclerosis múltiple se detuvo.",
])
def test_a_clinical_benefit_told_through_time_or_halting(text):
    assert found_codes(text) & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "La enfermedad se frenó por igual en los dos grupos.",
    "No hubo más tiempo sin brotes con la vitamina D que con placebo.",
])
def test_halting_in_both_groups_or_denied_stays_silent(text):
    assert not loud(text, "d-lay-ms") & {"C201", "C202"}


def found_codes(text: str, study: str = "d-lay-ms") -> set[str]:
    return {c for c, _, _ in found(text, study, "es")}


# -- subgroups: working better in some, those who benefit most, a lack of vitamin D, weight in words ------------

@pytest.mark.parametrize("text", [
    "La vitamina D iba todavía mejor entre los que tenían una carencia importante.",
    "Quienes no tenían sobrepeso fueron los que más se beneficiaron de la vitamina D.",
    "La vitamina D funciona mejor cuando el peso es normal, según el estudio.",
])
def test_a_subgroup_told_as_benefiting_more(text):
    assert "C302" in loud(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "En un análisis exploratorio, la vitamina D pareció funcionar mejor en quienes tenían carencia; falta confirmarlo.",
    "La vitamina D se absorbe mejor si se toma con comida.",
])
def test_a_subgroup_told_as_exploratory_or_no_subgroup_stays_silent(text):
    assert "C302" not in loud(text, "d-lay-ms")


# -- what is not a report of a null clinical outcome ------------------------------------------------------------

def article_codes(text: str, study: str = "d-lay-ms") -> set[str]:
    """The codes of a whole-article critique (omissions included)."""
    return {c for c, _, _ in found(text, study, "es", whole_article=True)}


def test_non_responders_and_a_doctors_remark_are_not_a_null_result():
    text = ("La vitamina D redujo la actividad de la enfermedad en la resonancia. "
            "Habría que reservar los fármacos caros para quienes no respondan. "
            "Mi neurólogo dice que pasar un año sin brotes les pasa a muchas personas.")
    assert "C601" in article_codes(text)


def test_a_null_clinical_result_still_counts():
    text = ("La vitamina D redujo la actividad de la enfermedad en la resonancia. "
            "No hubo diferencias en los brotes ni en la discapacidad.")
    assert "C601" not in article_codes(text)


# -- a trial said to back the intervention; protection told with the participle before the organ --------------

def test_a_null_trial_said_to_back_the_intervention_is_overstated():
    assert "C102" in loud("Este ensayo avala el uso de la vitamina D contra la esclerosis múltiple.", "vidams")
    assert "C102" not in loud("Los datos no respaldan el uso de la vitamina D a dosis altas.", "vidams")


def test_protection_told_before_the_organ_is_a_damage_claim():
    assert found_codes("Con la vitamina D, más protegida queda la mielina.", "prevanz") & {"C201", "C202"}


# -- a before and after; no doubt left -------------------------------------------------------------------------

def test_a_before_and_after_is_hype():
    assert "C101" in loud("Para muchos, la vitamina D da un vuelco a la esclerosis múltiple.", "d-lay-ms")


@pytest.mark.parametrize("text,flagged", [
    ("No queda duda de que la vitamina D reduce la actividad de la enfermedad.", True),
    ("Ha quedado claro que la vitamina D reduce la actividad de la enfermedad.", True),
    ("No está claro que la vitamina D reduzca la actividad de la enfermedad.", False),
    ("Está claro que hacen falta ensayos más largos.", False),
    ("No cabe duda de que la vitamina D no redujo los brotes.", False),
])
def test_no_doubt_left_with_a_claim_is_overstated(text, flagged):
    assert ("C102" in loud(text, "d-lay-ms")) is flagged


# -- the disease getting worse; drugs named by their line or route ---------------------------------------------

def test_preventing_the_disease_from_getting_worse_is_a_clinical_claim():
    assert "C201" in loud("En la práctica, la vitamina D impide que la enfermedad vaya a más.", "d-lay-ms")
    assert "C201" not in loud("No hubo diferencias en el número de pacientes cuya enfermedad empeoró.", "d-lay-ms")


def test_a_comparison_with_drugs_named_by_their_line_or_route():
    assert "C401" in loud("La vitamina D rinde igual que los tratamientos orales, y es más barata que ellos.", "d-lay-ms") or \
        "C401" in loud("La vitamina D es más barata que los tratamientos orales.", "d-lay-ms")
    assert "C401" in loud("La vitamina D sería tan eficaz como los fármacos de segunda línea.", "d-lay-ms")


# -- advice that goes on to the next sentence; the one who would give it ---------------------------------------

def test_advice_carried_on_to_relatives_children_as_prevention():
    qs = quotes("Yo se la recetaría a todo paciente con EM. Y también a sus hijas, a modo de prevención.",
                "d-lay-ms", "C301")
    assert any("hijas" in q for q in qs), qs


def test_advice_refused_stays_silent():
    assert "C301" not in loud("Yo no se la daría a ningún paciente con EM fuera de un ensayo.", "d-lay-ms")


# -- "it really works"; a secret weapon; pregnancy told as a time --------------------------------------------

@pytest.mark.parametrize("text,code,flagged", [
    ("Con estos datos, la vitamina D funciona de verdad.", "C102", True),
    ("Aún no sabemos si la vitamina D realmente funciona.", "C102", False),
    ("Para el autor, la vitamina D es la panacea de la esclerosis múltiple.", "C101", True),
    ("La vitamina D no es ninguna bala de plata.", "C101", False),
    ("Es buena idea tomar vitamina D en dosis altas en la lactancia.", "C301", True),
    ("Vale la pena tomar vitamina D en dosis altas durante el embarazo.", "C301", True),
    ("Ningún ensayo ha probado la vitamina D durante el embarazo.", "C301", False),
])
def test_really_works_secret_weapons_and_pregnancy(text, code, flagged):
    assert (code in loud(text, "d-lay-ms")) is flagged


# -- the follow-up told with its verb ("siguió durante tres años a ...") ----------------------------------------

def test_a_follow_up_told_with_its_verb_is_the_trials_run():
    text = "El trabajo, conocido por sus siglas y dirigido por un equipo de la costa este, siguió durante {} a 172 pacientes."
    assert "C502" in loud(text.format("tres años"), "vidams")
    assert "C502" not in loud(text.format("96 semanas"), "vidams")
    assert "C502" not in loud("La enfermedad siguió durante años su curso habitual en la población general.", "vidams")
