"""Round 6, French: patterns French coverage uses that the tables missed (fewer outcomes told with « en moins »,
the drugs' side effects told as absent, confirmation told as final, adherence as a subgroup, advice told as a habit
to take up or to one reader), and careful sentences using the same words that must stay silent. Every sentence is
written here for one pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def codes(text: str, study: str = "d-lay-ms", loud_only: bool = True) -> set[str]:
    keep = ("error", "warning") if loud_only else ("error", "warning", "info")
    return {c for c, sev, _ in found(text, study, "fr") if sev in keep}


# -- an outcome counted with « en moins » or told as falling: a benefit claim on it ----------------------

@pytest.mark.parametrize("text", [
    "Grâce à la vitamine D, un quart de poussées en moins sur deux ans.",
    "Avec une simple ampoule de vitamine D, ce sont 40 % de poussées en moins.",
    "Sous vitamine D, les poussées sont en net recul.",
    "La vitamine D, c'est une progression du handicap en forte baisse.",
])
def test_fewer_relapses_told_with_en_moins_is_a_claim_on_a_null_outcome(text):
    assert codes(text) & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Les participants ont rejoint l'essai en moins de trois mois après leur premier épisode.",
    "Sous vitamine D comme sous placebo, les poussées étaient en baisse dans les deux groupes.",
    "Il y a eu un peu moins de poussées sous vitamine D, mais la différence n'était pas significative.",
    "Le taux sanguin était en baisse de vitamine D au fil de l'hiver chez les patients du groupe placebo.",
])
def test_fewer_or_falling_told_with_care_stays_silent(text):
    assert not codes(text) & {"C201", "C202"}


# -- the drugs' side effects told as absent from the intervention -----------------------------------------

@pytest.mark.parametrize("text", [
    "La vitamine D agit presque comme un traitement de fond, mais sans ses effets secondaires.",
    "Une efficacité proche des médicaments, sans tous les inconvénients des injections.",
    "Les mêmes bienfaits que les immunomodulateurs, sans leurs effets indésirables.",
])
def test_side_effects_told_as_absent_are_settled(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Les patients ont reçu la vitamine D sans effets secondaires graves rapportés dans l'un ou l'autre groupe.",
    "L'essai n'a pas comparé la vitamine D aux traitements de fond et leurs effets secondaires.",
])
def test_side_effects_told_with_care_stay_silent(text):
    assert "C102" not in codes(text)


# -- confirmation told as final: a pronoun and an adverb ----------------------------------------------

@pytest.mark.parametrize("text", [
    "Les neurologues l'espéraient, la recherche le confirme aujourd'hui : la vitamine D freine la maladie.",
    "On s'en doutait, la science le confirme enfin : la vitamine D, c'est moins de poussées.",
    "Cette grande étude confirme qu'elle réduit l'activité de la maladie.",
])
def test_confirmation_told_as_final_is_settled(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Rien ne le confirme encore : un seul essai ne suffit pas.",
    "Les auteurs le confirment eux-mêmes : d'autres essais sont nécessaires.",
])
def test_confirmation_denied_stays_silent(text):
    assert "C102" not in codes(text)


# -- adherence as a subgroup singled out -------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chez les patients les plus observants, l'effet de la vitamine D était particulièrement net.",
    "Pour les chercheurs, le bénéfice chez les participants les plus réguliers parle de lui-même.",
    "Les malades assidus ont le plus bénéficié de la vitamine D.",
])
def test_adherent_patients_singled_out_is_a_subgroup_finding(text):
    assert "C302" in codes(text, "choline")


@pytest.mark.parametrize("text", [
    "Chez les patients les plus observants, l'effet semblait plus net, mais il s'agit d'une analyse exploratoire.",
    "Les patients les plus assidus ont été plus nombreux à terminer l'essai, surtout dans le groupe placebo.",
])
def test_adherent_patients_told_with_care_stay_silent(text):
    assert "C302" not in codes(text, "choline")


# -- advice told as a habit to take up, to one reader, or as a course ------------------------------------

@pytest.mark.parametrize("text", [
    "Une supplémentation en vitamine D à haute dose : le bon réflexe à adopter dès l'automne.",
    "La vitamine D, c'est le geste santé indispensable de l'hiver quand on a une SEP.",
    "Prends ta vitamine D chaque matin avec ton petit déjeuner.",
    "Faites une cure de vitamine D à forte dose pendant tout l'hiver.",
])
def test_advice_told_as_a_habit_or_to_one_reader(text):
    assert "C102" in codes(text, "choline")


@pytest.mark.parametrize("text", [
    "Le réflexe à adopter : en parler à son neurologue avant toute supplémentation.",
    "Misez sur les poissons gras deux fois par semaine.",
    "Une cure de vitamine D à forte dose n'est pas un réflexe à adopter sans avis médical.",
])
def test_advice_told_with_care_stays_silent(text):
    assert "C102" not in codes(text, "choline")


# -- a list of groups under a question asking whom the intervention is for ----------------------------------

def _list_page(question: str, items: list[str]) -> str:
    return ("La vitamine D à forte dose réduit l'activité de la maladie dans un essai français.\n\n"
            + question + "\n" + "\n".join(items) + "\n")


@pytest.mark.parametrize("question,item", [
    ("Qui est concerné ?", "- Toute personne atteinte de sclérose en plaques"),
    ("Pour qui ?", "• Les frères et sœurs des malades"),
    ("Qui devrait en prendre ?", "→ Les personnes peu exposées au soleil"),
    ("À qui s'adresse cette cure ?", "1. Tous ceux qui sortent peu en hiver"),
])
def test_groups_listed_under_who_is_it_for_are_extrapolation(question, item):
    assert "C301" in codes(_list_page(question, [item]))


@pytest.mark.parametrize("question,items", [
    # the list names the trial's own people
    ("Qui est concerné ?", ["- Les adultes ayant eu un premier épisode neurologique récent"]),
    # a question about who has the disease, not who should take the vitamin
    ("Qui est concerné par la sclérose en plaques ?", ["- Environ 120 000 personnes en France"]),
    # a full sentence of prose after the question, not a list line
    ("Qui est concerné ?", ["Les chercheurs ont inclus uniquement des adultes avec un syndrome cliniquement isolé."]),
])
def test_lists_about_the_trial_or_the_disease_stay_silent(question, items):
    assert "C301" not in codes(_list_page(question, items))


# -- a null result after figures in brackets reaches the outcome before them (engine: rejoin_parenthesis_verb) --

def _whole(text: str, study: str = "d-lay-ms") -> set[str]:
    return {c for c, _, _ in found(text, study, "fr", whole_article=True)}


_CAREFUL_BODY = ("L'essai a inclus 316 adultes après un premier épisode neurologique. Sous vitamine D, l'activité "
                 "de la maladie a été moins fréquente, surtout à l'IRM. ")


@pytest.mark.parametrize("null", [
    "En revanche, la part des patients ayant fait une poussée (17,9 % contre 21,8 %) n'a pas différé de façon significative.",
    "Le nombre de patients avec une nouvelle poussée (environ un sur cinq dans chaque groupe) ne différait pas entre les groupes.",
    "La progression du handicap (mesurée sur l'échelle EDSS) n'était pas significativement différente.",
])
def test_null_result_after_bracketed_figures_counts_as_reported(null):
    assert "C601" not in _whole(_CAREFUL_BODY + null)


def test_bracketed_figures_before_a_positive_verb_do_not_read_as_null():
    text = _CAREFUL_BODY + "Les nouvelles lésions (46,2 % contre 59,2 %) ont été moins nombreuses sous vitamine D."
    assert "C601" in _whole(text)


# -- relapsing as a verb, outcomes kept away or kept, held at a distance ---------------------------------

@pytest.mark.parametrize("text", [
    "Sous vitamine D, les patients rechutaient bien moins souvent.",
    "La vitamine D éloigne le risque de nouvelle poussée.",
    "Grâce à la vitamine D, les malades ont conservé leur autonomie plus longtemps.",
    "Deux ampoules par mois suffiraient à tenir les poussées à distance.",
    "Le groupe supplémenté a connu moins d'épisodes de poussée, affirme le site.",
])
def test_relapses_and_disability_told_as_benefits(text):
    assert codes(text, loud_only=False) & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Dans les deux groupes, les patients ont rechuté aussi souvent.",
    "Les investigateurs ont conservé les mêmes critères pendant tout l'essai.",
    "Les patients ont fait moins souvent des poussées sous vitamine D, mais la différence n'était pas significative.",
])
def test_relapses_told_with_care_stay_silent(text):
    assert not codes(text) & {"C201", "C202"}


# -- settled wording: doubt gone, unequivocal, proven itself, safe and effective, harmless ---------------------

@pytest.mark.parametrize("text", [
    "Il n'y a plus le moindre doute : la vitamine D agit contre la maladie.",
    "Les chiffres sont éloquents : la vitamine D ralentit la SEP.",
    "Les faits sont là, la vitamine D marche.",
    "La vitamine D a largement fait ses preuves dans la sclérose en plaques.",
    "On le sait désormais : la vitamine D freine la maladie.",
    "Une supplémentation efficace et sans danger pour tous les malades.",
    "Cette vitamine est parfaitement inoffensive, même à très forte dose.",
    "Zéro effet indésirable chez les patients supplémentés.",
])
def test_settled_wording_is_flagged(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Les résultats ne sont pas sans équivoque : seul le critère IRM a bougé.",
    "La vitamine D n'a pas fait ses preuves sur le handicap.",
    "On ne sait pas encore si la vitamine D ralentit le handicap.",
    "La vitamine D n'est pas inoffensive à très forte dose : attention à l'hypercalcémie.",
    "Rien ne permet de dire qu'elle est sûre et efficace à long terme à ces doses.",
])
def test_settled_wording_denied_stays_silent(text):
    assert "C102" not in codes(text)


# -- advice: no prescription or test needed, stocking up, not waiting, every interest in it -------------------

@pytest.mark.parametrize("text", [
    "Pas besoin d'ordonnance : les ampoules de vitamine D se trouvent en pharmacie.",
    "N'attendez pas l'hiver, faites le plein de vitamine D à haute dose.",
    "Les malades ont tout intérêt à prendre de la vitamine D chaque jour.",
    "Parlez-en à votre neurologue pour démarrer rapidement une supplémentation en vitamine D.",
])
def test_advice_wording_is_flagged(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Parlez-en à votre médecin avant toute supplémentation à haute dose.",
    "Pas besoin de vitamine D à haute dose si votre taux est normal, rappellent les neurologues.",
    "Aucune raison, pour l'instant, de changer les pratiques, estime le neurologue.",
])
def test_advice_told_with_care_is_not_practice(text):
    assert "C102" not in codes(text)


# -- hype: a bomb, a superhero, giant effects; a comparison with a drug named by its article -------------------

@pytest.mark.parametrize("text", [
    "Cette étude a fait l'effet d'une bombe dans les services de neurologie.",
    "La vitamine D, super-héros de notre immunité ?",
    "Une simple vitamine aux effets colossaux.",
])
def test_hype_images_are_flagged(text):
    assert "C101" in codes(text, loud_only=False)


def test_a_drug_named_by_its_article_after_a_comparison():
    assert "C401" in codes("Aussi efficace qu'un médicament, la vitamine D coûte quelques euros par an.")
    assert "C401" not in codes("La vitamine D est aussi bien tolérée qu'un placebo, selon l'essai.")


# -- forms of the web: quiz answers, recipes, shock studies, the law of the science, asking for a prescription ---

@pytest.mark.parametrize("text,code", [
    ("Notre menu anti-poussées, plein de vitamine D.", {"C201", "C202"}),
    ("La vitamine D limite la casse neurologique, selon les chercheurs.", {"C201", "C202"}),
    ("Une étude choc sur la vitamine D et la sclérose en plaques.", {"C101"}),
    ("Un résultat inespéré pour les malades.", {"C101"}),
    ("La vitamine D, votre meilleure alliée contre la SEP.", {"C101"}),
    ("Les études sont formelles : la vitamine D protège de la SEP.", {"C102"}),
    ("Demandez à votre neurologue de vous la prescrire à haute dose dès cet hiver : la vitamine D réduit les poussées.", {"C102"}),
    ("Chaque patient devrait suivre sa cure de vitamine D tous les hivers.", {"C102"}),
    ("La vitamine D convient à tous les malades, quel que soit leur traitement.", {"C301"}),
])
def test_web_forms(text, code):
    assert codes(text, loud_only=False) & code


@pytest.mark.parametrize("text", [
    "Demandez à votre médecin de vous prescrire un dosage de vitamine D.",
    "Les anti-inflammatoires n'ont pas été étudiés dans cet essai.",
    "Rien n'est formel : un seul essai, surtout sur l'IRM.",
    "Les résultats ne sont pas encore formels, préviennent les auteurs.",
])
def test_web_forms_told_with_care_stay_silent(text):
    assert not codes(text) & {"C101", "C102", "C201", "C202", "C301"}


# -- safety told in everyday words counts as saying something about harms (C602) -----------------------------

_BODY = ("L'essai a inclus 316 adultes après un premier épisode neurologique. Sous vitamine D, l'activité de la maladie "
         "a été moins fréquente, surtout à l'IRM, mais les poussées n'ont pas différé. ")


@pytest.mark.parametrize("safety", [
    "Les fortes doses ne sont pas anodines : un excès peut faire monter le calcium dans le sang.",
    "Attention aux reins : une intoxication reste possible à très forte dose.",
])
def test_safety_in_everyday_words_is_a_harms_statement(safety):
    assert "C602" not in _whole(_BODY + safety)


def test_no_word_on_safety_is_an_omission():
    assert "C602" in _whole(_BODY + "Les auteurs appellent à d'autres essais.")
