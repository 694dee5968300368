"""German numbers, round 5: what a count or a duration says in German, written here (no corpus text).

Each pattern has sentences that must be judged and careful ones that must stay silent."""

from __future__ import annotations

import pytest

from conftest import found


def codes(text: str, study: str) -> set[str]:
    return {c for c, sev, _ in found(text, study, "de") if sev in ("error", "warning")}


# -- "gut 300": a good 300, i.e. a little over -----------------------------------------------------------

@pytest.mark.parametrize("text", [
    "An der Untersuchung nahmen gut 300 junge Erwachsene teil.",
    "Untersucht wurden gute 300 Patientinnen und Patienten mit ersten Symptomen.",
    "Die Forscher schlossen etwas mehr als 300 Menschen in die Studie ein.",
])
def test_a_count_said_as_a_little_over_fits_the_trial(text):
    assert "C502" not in codes(text, "d-lay-ms")


def test_a_count_said_as_a_little_over_can_still_be_wrong():
    assert "C502" in codes("An der Untersuchung nahmen gut 500 junge Erwachsene teil.", "d-lay-ms")


# -- the centres of the trial, with its country ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Die Studie wurde an 46 Zentren in Frankreich durchgeführt.",
    "Beteiligt waren 50 Kliniken in ganz Frankreich.",
])
def test_a_wrong_number_of_centres_in_the_trials_country_is_a_mismatch(text):
    assert "C502" in codes(text, "d-lay-ms")


@pytest.mark.parametrize("text", [
    "Die Studie wurde an 36 Zentren in Frankreich durchgeführt.",
    "In Frankreich gibt es viele Kliniken.",
])
def test_the_right_number_of_centres_stays_silent(text):
    assert "C502" not in codes(text, "d-lay-ms")


# -- how long the trial ran: "lief über", a duration fronted before its verb ------------------------------

@pytest.mark.parametrize("text,study", [
    ("Die Behandlung lief über 96 Wochen.", "solar"),            # SOLAR: 48 weeks
    ("Die Therapie lief 96 Wochen.", "solar"),
    ("Über zwei Jahre wurden sie regelmäßig untersucht.", "evidims"),  # EVIDIMS: 18 months
])
def test_a_wrong_run_of_the_trial_is_a_mismatch(text, study):
    assert "C502" in codes(text, study)


@pytest.mark.parametrize("text,study", [
    ("Die Behandlung lief 48 Wochen lang.", "solar"),
    ("Die Studie lief über zwei Jahre.", "d-lay-ms"),
    ("Über zwei Jahre wurden sie regelmäßig untersucht.", "d-lay-ms"),
    ("18 Monate wurden die Teilnehmenden untersucht.", "evidims"),
    ("Seit über zwei Jahren wurden sie nicht untersucht.", "evidims"),
])
def test_the_right_run_or_another_duration_stays_silent(text, study):
    assert "C502" not in codes(text, study)


# -- a relative effect told as how much less often ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "In der Vitamin-D-Gruppe kam es um 34 Prozent seltener zu neuer Krankheitsaktivität.",
    "Mit Vitamin D trat neue Krankheitsaktivität ein Drittel seltener auf.",
])
def test_a_percentage_less_often_is_a_relative_effect(text):
    assert "C501" in codes(text, "d-lay-ms")


def test_less_often_with_both_arms_figures_stays_silent():
    text = ("Krankheitsaktivität trat mit Vitamin D seltener auf: bei 60,3 Prozent gegenüber 74,1 Prozent "
            "unter Placebo.")
    assert "C501" not in codes(text, "d-lay-ms")


def test_a_good_half_is_not_the_trials_sixty_percent():
    # "gut die Hälfte" is about a half, not up to a quarter more: it does not stand for 60.3 %, so the
    # relative figure stays without an absolute one
    text = ("Mit Vitamin D ging das Risiko neuer Krankheitsaktivität um 34 Prozent zurück; gut die Hälfte der "
            "Behandelten hatte trotzdem neue Herde.")
    assert "C501" in codes(text, "d-lay-ms")
