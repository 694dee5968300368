"""Spanish patterns of round 6 (how Spanish coverage writes a claim, or a careful statement, that the tables
missed). Every sentence is written here; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def loud(text: str, study: str = "d-lay-ms", lang: str = "es") -> set[str]:
    """The codes of the errors and warnings (what a careful piece must not get)."""
    return {c for c, sev, _ in found(text, study, lang) if sev in ("error", "warning")}


def quotes(text: str, code: str, study: str = "d-lay-ms") -> list[str]:
    return [q for c, _, q in found(text, study, "es") if c == code]


# -- "sin" that asserts ("sin exagerar", "sin duda", "sin embargo") does not deny the hype word after it -------

@pytest.mark.parametrize("text", [
    "Es, sin exagerar, una revolución para quien tiene esclerosis múltiple.",
    "Este ensayo marca, sin lugar a dudas, un antes y un después.",
    "Sin embargo, lo de la vitamina D es una revolución.",
    "Dicho sin rodeos: este ensayo es un hito.",
])
def test_an_asserting_sin_leaves_the_hype_word(text):
    assert "C101" in loud(text)


@pytest.mark.parametrize("text", [
    "Sin ser una revolución, el ensayo aporta datos útiles.",
    "No es una revolución, sino un resultado en resonancia.",
])
def test_a_denied_hype_word_stays_silent(text):
    assert "C101" not in loud(text)


# -- science told as having finally found it -----------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Por fin la ciencia ha encontrado la clave: la vitamina D.",
    "Los científicos han dado con la solución contra los brotes: vitamina D.",
    "La medicina por fin ha dado con algo que funciona contra la esclerosis múltiple.",
    "Al fin tenemos la respuesta: la vitamina D frena la enfermedad.",
])
def test_science_having_found_the_answer_is_certainty(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text", [
    "La ciencia ya ha descubierto varios factores de riesgo de la EM.",
    "Por fin se ha publicado el artículo completo del ensayo.",
    "Los investigadores han encontrado algo que no esperaban en las resonancias de control.",
])
def test_findings_told_without_a_settled_answer_stay_silent(text):
    assert "C102" not in loud(text)


# -- safety told as absolute: overdose denied, side effects answered "none" ----------------------------------

@pytest.mark.parametrize("text", [
    "Con la vitamina D no hay ningún riesgo de sobredosis, asegura la farmacéutica.",
    "No existe peligro de intoxicación aunque tomes 20.000 UI al día.",
    "Con estas ampollas es imposible pasarse.",
    "Efectos secundarios: ninguno, según la marca.",
    "Contraindicaciones: ninguna, dice el vídeo.",
])
def test_safety_told_as_absolute_is_certainty(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text", [
    "Efectos adversos: ninguno grave, y dos casos leves de calcio alto en cada grupo.",
    "No hubo más casos de hipercalcemia con vitamina D que con placebo.",
])
def test_safety_told_with_its_limits_stays_silent(text):
    assert "C102" not in loud(text)


# -- starting without the doctor, the prescription or the blood test -----------------------------------------

@pytest.mark.parametrize("text", [
    "No esperes a que tu neuróloga te la recete: la vitamina D en dosis altas es barata.",
    "Toma vitamina D en dosis altas sin esperar a tu médico.",
    "No os hace falta un análisis para tomar 4.000 UI de vitamina D al día.",
    "No necesitas analítica: con 5.000 UI diarias vas bien.",
])
def test_advice_to_bypass_the_doctor_is_practice_advice(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text", [
    "No esperes a que los síntomas empeoren para ir al médico.",
    "No esperes a que la vitamina D reduzca los brotes: en el ensayo no lo hizo.",
    "Antes de tomar dosis altas de vitamina D hace falta un análisis.",
    "No hace falta receta para comprar vitamina D en dosis bajas, pero las dosis del ensayo sí la requieren.",
])
def test_a_denied_need_that_is_no_advice_stays_silent(text):
    assert "C102" not in loud(text)


def test_a_denied_expectation_of_benefit_stays_denied():
    assert "C202" not in loud("No esperes que la vitamina D reduzca los brotes: no lo hizo.")


# -- relatives named in pairs, and people with another autoimmune disease ------------------------------------

@pytest.mark.parametrize("text,quote", [
    ("Si tienes esclerosis, o si tu padre o tu hermana la tienen, empieza ya con vitamina D.", None),
    ("Si tienes una hija o un hermano con la enfermedad, dales vitamina D cada día.", "una hija o un hermano con la enfermedad"),
    ("Quienes tengan primos o hermanos con esclerosis múltiple deberían tomar vitamina D.", "primos o hermanos con esclerosis múltiple"),
    ("Recomienda 4.000 UI al día para cualquier persona con una enfermedad autoinmune.", "cualquier persona con una enfermedad autoinmune"),
    ("La autora propone 10.000 UI diarias para todos los que padecen una enfermedad autoinmune.", None),
])
def test_relatives_and_other_autoimmune_diseases_are_a_population_not_studied(text, quote):
    hits = quotes(text, "C301")
    assert hits
    if quote:
        assert quote in hits


@pytest.mark.parametrize("text", [
    "El ensayo incluyó a adultos tras un primer episodio; ninguno tenía un familiar con la enfermedad.",
    "Se desconoce si la vitamina D serviría a familiares con la enfermedad: no se estudió.",
])
def test_relatives_named_as_outside_the_trial_stay_silent(text):
    assert "C301" not in loud(text)


# -- the first episode told as turning into MS is conversion, not relapses -----------------------------------

@pytest.mark.parametrize("text", [
    "La vitamina D redujo el riesgo de que el primer episodio se convirtiera en esclerosis múltiple.",
    "Con vitamina D, menos pacientes vieron que su brote evolucionara a una EM.",
])
def test_an_episode_turning_into_ms_is_not_a_relapse_claim(text):
    assert "C202" not in loud(text)


def test_a_relapse_claim_is_still_one():
    assert "C202" in loud("La vitamina D redujo los brotes de los pacientes.")


# -- second group: results that speak for themselves, doctors' bandwagon, every form, pregnancy, subgroups ---

@pytest.mark.parametrize("text", [
    "Las cifras hablan por sí mismas: la vitamina D funciona contra la EM.",
    "Cada vez más especialistas recetan vitamina D en dosis altas a sus pacientes.",
])
def test_settled_by_the_numbers_or_by_the_doctors_is_certainty(text):
    assert "C102" in loud(text, "solar")


def test_doctors_asking_for_a_level_stay_silent():
    assert "C102" not in loud("Cada vez más neurólogos piden medir la vitamina D en sangre.", "solar")


@pytest.mark.parametrize("text", [
    "La vitamina D ayuda en todas sus formas a quien tiene esclerosis múltiple.",
    "Los suplementos frenan la enfermedad, incluidas las formas progresivas.",
    "Su ginecóloga le recomienda seguir con dosis altas de vitamina D durante la gestación.",
])
def test_every_form_and_pregnancy_are_populations_not_studied(text):
    assert "C301" in loud(text, "solar")


def test_a_bigger_benefit_in_an_age_band_is_a_subgroup_told_as_a_finding():
    text = "Entre los menores de 30 años, el efecto de la vitamina D fue aún más marcado."
    assert "C302" in loud(text, "solar")


@pytest.mark.parametrize("text", [
    "Gracias a la vitamina D, algunos lectores han podido espaciar o reducir sus inyecciones.",
    "Si tienes poca vitamina D en invierno, este suplemento es para ti.",
])
def test_cutting_ones_drugs_or_a_product_for_the_reader_is_practice_advice(text):
    assert "C102" in loud(text, "solar")


def test_half_the_relapses_is_a_relapse_claim():
    assert quotes("Con la vitamina D, los pacientes tuvieron un tercio de los brotes del grupo placebo.", "C202")


def test_how_treatment_changed_over_the_years_is_no_hype_about_the_trial():
    assert "C101" not in loud("En treinta años, el tratamiento de la EM ha cambiado de forma espectacular.")
    assert "C101" in loud("La vitamina D ha mejorado de forma espectacular la vida de los pacientes.")


# -- third group: colloquial hype, a study said to settle it, absolute safety, nudges, the reader's treatment ---

@pytest.mark.parametrize("text", [
    "Los resultados de la vitamina D en la resonancia son brutales.",
    "Un suplemento de farmacia que hará historia en la neurología.",
    "La vitamina D, un verdadero escudo para tus neuronas.",
])
def test_colloquial_superlatives_are_hype(text):
    assert "C101" in loud(text)


@pytest.mark.parametrize("text", [
    "Lo demuestra un nuevo estudio: la vitamina D frena los brotes.",
    "Un remedio avalado por la ciencia que reduce la actividad de la enfermedad.",
    "Está científicamente probado que la vitamina D protege el cerebro.",
    "Las ampollas de vitamina D son completamente inocuas.",
    "La vitamina D en dosis altas no tiene contraindicaciones.",
])
def test_a_study_or_science_said_to_settle_it_and_absolute_safety_are_certainty(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text", [
    "Es un hecho que el ensayo no encontró menos brotes con la vitamina D.",
    "Ningún estudio ha mostrado que las dosis altas sean inocuas durante años.",
    "La vitamina D no tiene un efecto demostrado sobre la discapacidad.",
])
def test_careful_facts_and_denied_safety_stay_silent(text):
    assert "C102" not in loud(text)


@pytest.mark.parametrize("text", [
    "No lo dudes: pide vitamina D en dosis altas en tu farmacia.",
    "Hazte con unas ampollas de 100.000 UI de vitamina D y tómalas cada quince días.",
    "Añádela a tu desayuno: vitamina D con el café.",
    "Todos deberíamos tomar vitamina D en invierno.",
])
def test_nudges_to_start_are_practice_advice(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text,quote", [
    ("Si ya estáis en tratamiento, tomad vitamina D junto con vuestra medicación.", None),
    ("Desde los 65 años en adelante, o a partir de los 60 años, conviene tomar vitamina D.", "a partir de los 60 años"),
    ("Para toda la familia: vitamina D cada día, recomienda la farmacéutica.", "Para toda la familia"),
])
def test_the_readers_treatment_older_people_and_the_family_are_populations_not_studied(text, quote):
    hits = quotes(text, "C301")
    assert hits
    if quote:
        assert quote in hits


# -- fourth group: people "de EM", advanced stages, anyone, the decline, practice told as already changed ------

@pytest.mark.parametrize("text,quote", [
    ("A los afectados de esclerosis múltiple les conviene tomar vitamina D.", "afectados de esclerosis múltiple"),
    ("Todo el que tenga esclerosis múltiple debería tomar vitamina D.", None),
    ("También en etapas avanzadas la vitamina D frena la actividad de la enfermedad.", "etapas avanzadas"),
    ("Cualquier persona puede empezar hoy con 4.000 UI de vitamina D.", "Cualquier persona"),
    ("Recomiendo vitamina D a los bebés desde el primer mes.", "bebés"),
])
def test_more_ways_to_name_a_population_not_studied(text, quote):
    hits = quotes(text, "C301")
    assert hits
    if quote:
        assert quote in hits


@pytest.mark.parametrize("text", [
    "El ensayo reclutó a pacientes de 36 hospitales franceses.",
    "Se estudió a pacientes de esclerosis múltiple en fase inicial, tras un primer episodio.",
    "Las formas avanzadas de la enfermedad quedaron fuera del ensayo.",
    "Cualquier persona con un primer episodio desmielinizante podía participar si cumplía los criterios.",
])
def test_the_trials_own_people_and_exclusions_stay_silent(text):
    assert "C301" not in loud(text)


def test_the_decline_is_progression_told_from_a_surrogate():
    assert "C201" in loud("Tomar vitamina D frena el deterioro de los pacientes.")
    assert "C201" not in loud("La vitamina D no frenó el deterioro en este ensayo.")


@pytest.mark.parametrize("text", [
    "En muchos hospitales ya se receta de forma habitual tras un primer brote: vitamina D en dosis altas.",
    "Los especialistas ya la pautan: la vitamina D es parte del arsenal.",
    "La vitamina D tendría que formar parte de todo tratamiento de la esclerosis múltiple.",
])
def test_practice_told_as_already_changed_is_practice_advice(text):
    assert "C102" in loud(text)


@pytest.mark.parametrize("text", [
    "Salir a la calle y tomar el sol con cabeza no hace daño a nadie.",
    "El diseño del ensayo no tiene riesgo de sesgo importante.",
])
def test_everyday_harmlessness_and_risk_of_bias_stay_silent(text):
    assert "C102" not in loud(text)


# -- the writer's own recommendation in the first person, and the progressive forms named as included ----------

@pytest.mark.parametrize("text", [
    "Aconsejamos a todos nuestros lectores con EMRR una dosis de 10.000 UI de vitamina D al día.",
    "Yo recomiendo la vitamina D a mis pacientes con esclerosis remitente-recurrente.",
])
def test_a_first_person_recommendation_is_practice_advice(text):
    assert "C102" in loud(text, "solar")


@pytest.mark.parametrize("text", [
    "No recomendamos dosis tan altas de vitamina D sin control médico.",
    "Recomendamos hablar con su neurólogo antes de tomar suplementos de vitamina D.",
])
def test_a_denied_or_referred_recommendation_stays_silent(text):
    assert "C102" not in loud(text, "solar")


def test_the_progressive_forms_named_as_included_are_a_population_not_studied():
    hits = quotes("La vitamina D ayuda en cualquier forma de la enfermedad, incluidas las progresivas.", "C301",
                  "solar")
    assert "incluidas las progresivas" in hits
