"""Round 5, French: how French coverage writes overstated certainty, hype, relative effects, subgroups,
advice and comparisons that the tables missed, and careful sentences that must stay silent. Every
sentence is written here for one pattern; none comes from a corpus."""

from __future__ import annotations

import pytest

from conftest import found  # tests/rules/conftest.py


def codes(text: str, study: str = "d-lay-ms", loud_only: bool = True) -> set[str]:
    keep = ("error", "warning") if loud_only else ("error", "warning", "info")
    return {c for c, sev, _ in found(text, study, "fr") if sev in keep}


# -- the result told as settled: a pronoun object, "ce que", "noir sur blanc", "donne raison" ---------

@pytest.mark.parametrize("text", [
    "Les naturopathes le disaient depuis longtemps : la science le confirme désormais noir sur blanc.",
    "Ces travaux confirment ce que bien des malades ressentaient depuis des années.",
    "Pour les patientes qui avaient déjà opté pour la vitamine D, cette étude leur donne raison.",
    "C'est une preuve de plus que la vitamine D ralentit la maladie.",
    "Une preuve, s'il en fallait encore une, que la nature sait soigner.",
])
def test_the_result_told_as_settled(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Rien ne confirme pour l'instant que la vitamine D change le pronostic.",
    "Les auteurs le confirment eux-mêmes : d'autres essais sont nécessaires.",
    "Cette étude ne leur donne pas raison sur les poussées.",
])
def test_confirmation_told_with_care_stays_silent(text):
    assert "C102" not in codes(text)


# -- absolute safety: "aucun risque", "pas un seul effet secondaire", "sans danger" -------------------

@pytest.mark.parametrize("text,study", [
    ("Ces doses ne présentent aucun risque pour un adulte.", "d-lay-ms"),
    ("Et pas un seul effet indésirable notable chez les patients traités.", "evidims"),
    ("La vitamine D se prend sans aucun danger, même à forte dose.", "d-lay-ms"),
])
def test_absolute_safety_is_told_as_settled(text, study):
    assert "C102" in codes(text, study)


@pytest.mark.parametrize("text", [
    "Était-ce sans danger ?",
    "Est-ce vraiment sans risque ?",
    "Aucun risque particulier n'a été relevé, mais les doses étaient surveillées.",
    "Les auteurs ne signalent aucun risque nouveau, avec une calcémie contrôlée.",
])
def test_safety_asked_or_reported_stays_silent(text):
    assert "C102" not in codes(text)


# -- hype: the vitamin as a weapon, a key, an ally; a study that opens new paths --------------------

@pytest.mark.parametrize("text", [
    "Vitamine D : l'arme secrète contre la sclérose en plaques",
    "Et si la vitamine D était la clé ?",
    "La vitamine D, une alliée de mieux en mieux reconnue des malades.",
    "Une nouvelle arme contre la SEP ?",
    "Ces travaux ouvrent de nouvelles pistes pour les malades.",
])
def test_hype_wording(text):
    assert "C101" in codes(text, loud_only=False)


@pytest.mark.parametrize("text", [
    "La clé de lecture de cet essai est la différence entre IRM et poussées.",
    "Les auteurs ont ouvert leur base de données aux autres équipes.",
])
def test_plain_words_near_the_hype_ones_stay_silent(text):
    assert "C101" not in codes(text, loud_only=False)


# -- a relative effect told through a fall ("a chuté d'un tiers", "divisé par deux") ----------------

@pytest.mark.parametrize("text", [
    "Le risque d'activité de la maladie a chuté d'un tiers sous vitamine D.",
    "Sous vitamine D, le risque de nouvelle activité a reculé de 34 %.",
    "Le risque d'activité a baissé d'environ un tiers dans le groupe traité.",
])
def test_a_fall_with_its_size_is_a_relative_effect(text):
    assert "C501" in codes(text, loud_only=False)


def test_a_fall_told_with_both_arms_is_not_relative_only():
    text = ("Le risque d'activité a chuté d'un tiers : 60,3 % des patients sous vitamine D contre 74,1 % "
            "sous placebo.")
    assert "C501" not in codes(text, loud_only=False)


# -- a subgroup told as benefiting even more ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Chez les patients les plus carencés, l'effet serait encore plus net.",
    "Chez les personnes de poids normal, le bénéfice semble encore plus marqué.",
])
def test_a_subgroup_told_as_benefiting_more(text):
    assert "C302" in codes(text)


def test_a_subgroup_told_as_exploratory_stays_silent():
    text = "Dans une analyse exploratoire, l'effet semblait encore plus net chez les plus carencés, à confirmer."
    assert "C302" not in codes(text)


# -- a time before the outcome told as lengthened: judged against the study file ----------------------

@pytest.mark.parametrize("text", [
    "Avec la vitamine D, le délai avant une nouvelle poussée a presque doublé.",
    "Les patients supplémentés ont mis deux fois plus de temps avant de faire une poussée.",
])
def test_more_time_before_a_relapse_is_a_relapse_claim(text):
    # D-Lay MS: relapses did not differ; the time to disease activity (mostly MRI) did
    assert codes(text) & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Sous vitamine D, le délai médian avant une nouvelle activité de la maladie a presque doublé.",
    "Le délai avant la première poussée n'a pas différé entre les groupes.",
])
def test_time_to_a_supported_outcome_or_a_null_time_stays_silent(text):
    assert not codes(text) & {"C201", "C202"}


# -- advice: a modal and a dose, a dose without a blood test, the writer's own offer -------------------

@pytest.mark.parametrize("text", [
    "Tout malade devrait faire vérifier son taux et, au besoin, en prendre de fortes doses.",
    "Je conseille 8 000 UI par jour de vitamine D, sans dosage préalable.",
    "Pas besoin de prise de sang : prenez 4 000 UI par jour de vitamine D.",
])
def test_advice_to_take_the_intervention(text):
    assert "C102" in codes(text)


@pytest.mark.parametrize("text", [
    "Ne prenez pas de fortes doses sans avis médical.",
    "Il ne faut pas en prendre de fortes doses sans surveillance médicale.",
    "Parlez-en à votre médecin, qui pourra doser votre vitamine D.",
])
def test_cautious_advice_stays_silent(text):
    assert "C102" not in codes(text)


def test_talking_to_the_doctor_about_high_doses_is_still_advice():
    text = "Parlez à votre neurologue d'une supplémentation à forte dose : il n'y a plus de raison de s'en priver."
    assert "C102" in codes(text, "solar")


# -- populations: "toute personne concernée", people who feel at risk --------------------------------

@pytest.mark.parametrize("text", [
    "Je propose la vitamine D à toute personne concernée par la SEP.",
    "Je la conseille aussi aux personnes qui se sentent à risque.",
])
def test_advice_to_people_the_trial_did_not_study(text):
    assert "C301" in codes(text)


# -- lighter or paused treatment, and comparisons with the drugs -------------------------------------

@pytest.mark.parametrize("text", [
    "Plusieurs patientes ont fait une pause dans leur traitement pour essayer la vitamine D.",
    "Certains malades ont pu espacer leurs injections grâce à la vitamine D.",
    "La vitamine D ferait presque aussi bien que certains immunosuppresseurs.",
    "Son effet est du même ordre que celui des traitements injectables de première ligne.",
])
def test_treatment_cut_or_matched_is_a_comparison_with_the_drugs(text):
    assert "C401" in codes(text)


@pytest.mark.parametrize("text", [
    "Il ne faut surtout pas faire de pause dans son traitement de fond.",
    "L'essai n'a pas comparé la vitamine D aux traitements injectables de première ligne.",
])
def test_a_treatment_named_with_care_stays_silent(text):
    assert "C401" not in codes(text)


# -- a past tense with its auxiliary is a trial report, not a generalisation --------------------------

def test_a_past_tense_is_not_a_present_tense_generalisation():
    assert "C102" not in codes("La vitamine D a réduit l'activité de la maladie chez ces adultes.", loud_only=False)
    assert "C102" in codes("La vitamine D réduit l'activité de la maladie.", loud_only=False)


def test_a_bare_past_participle_of_slow_is_read():
    assert "C201" in codes("Dans cet essai, la vitamine D a ralenti la progression de la maladie.")


# -- an add-on told as making the other treatment work better ----------------------------------------

@pytest.mark.parametrize("text", [
    "En clair, la vitamine D renforce l'efficacité de l'interféron.",
    "Ajoutée à l'interféron, la vitamine D rendrait le traitement plus efficace.",
])
def test_an_add_on_making_the_treatment_work_is_a_clinical_claim(text):
    # SOLAR measured no such outcome; its clinical outcomes did not differ
    assert codes(text, "solar") & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "L'efficacité des traitements de fond est bien établie.",
    "La vitamine D n'a pas amélioré l'efficacité de l'interféron.",
])
def test_the_efficacy_of_the_drugs_told_with_care_stays_silent(text):
    assert not codes(text, "solar") & {"C201", "C202"}


# -- the patients or their disease told as stable, an outcome that does not advance ------------------

@pytest.mark.parametrize("text,study", [
    ("Sous forte dose, les malades sont restés remarquablement stables.", "evidims"),
    ("Chez les patients traités, la maladie est restée stable pendant deux ans.", "d-lay-ms"),
    ("Moins de poussées, un handicap qui n'évolue pas : voilà ce qu'ont vécu les patients.", "evidims"),
    ("Sous vitamine D, le handicap progresse moins.", "vidams"),
])
def test_a_stable_disease_is_a_clinical_claim(text, study):
    assert codes(text, study) & {"C201", "C202", "C302"}


@pytest.mark.parametrize("text,study", [
    ("Les patients sont restés stables dans les deux groupes.", "evidims"),
    ("Le taux de vitamine D est resté stable sous placebo.", "evidims"),
    ("Le handicap n'a pas évolué différemment entre les deux groupes.", "evidims"),
])
def test_stability_in_both_groups_or_of_a_level_stays_silent(text, study):
    assert not codes(text, study) & {"C201", "C202", "C302"}


# -- a mechanism told as settled --------------------------------------------------------------------

def test_a_mechanism_told_as_settled():
    assert "C102" in codes("Pour moi, la vitamine D agit à la racine de la maladie.")
    assert "C102" not in codes("On ignore encore si la vitamine D agit sur la cause de la maladie.")


# -- numbers: a third fewer patients ----------------------------------------------------------------

def test_a_third_fewer_patients_is_compared_with_the_shares():
    # 60.3% vs 74.1% is 19% fewer patients; a third is 1 - HR told as a share of people
    assert "C502" in codes("Un tiers de malades en moins ont eu une activité de la maladie sous vitamine D.")


# -- a result only an exploratory analysis found, told as the finding (engine: subgroup_as_finding) ---

@pytest.mark.parametrize("text", [
    "Chez ceux qui ont suivi le traitement jusqu'au bout, le nombre de poussées a été divisé pratiquement par deux.",
    "Les nouvelles lésions à l'IRM étaient elles aussi moins nombreuses dans le groupe vitamine D.",
])
def test_an_exploratory_only_result_told_as_the_finding(text):
    # CHOLINE: the planned analysis was null; completers-only analyses were exploratory
    assert "C302" in codes(text, "choline")


@pytest.mark.parametrize("text", [
    "Dans une analyse exploratoire limitée aux patients ayant terminé l'essai, les poussées étaient moins nombreuses.",
    "Les lésions à l'IRM étaient moins nombreuses chez ceux qui ont terminé l'essai. Ces analyses restent exploratoires.",
])
def test_an_exploratory_result_told_as_such_stays_silent(text):
    assert "C302" not in codes(text, "choline")


def test_an_exploratory_result_qualified_later_in_its_paragraph_stays_silent():
    text = ("Chez les patients ayant terminé l'étude, les poussées étaient moins nombreuses. Mais cette analyse "
            "restreinte n'est plus protégée par le tirage au sort.")
    assert "C302" not in codes(text, "choline")


def test_an_exploratory_result_of_another_named_study_is_not_this_ones():
    # checked against SOLAR (exploratory MRI results), a clause reporting D-Lay MS's lesions is about D-Lay MS
    text = ("SOLAR rejoint d'autres essais aux résultats principaux négatifs ; l'essai D-Lay MS a ensuite "
            "rapporté moins de nouvelles lésions à l'IRM.")
    assert "C302" not in codes(text, "solar")


# -- the disease as the subject of advancing less keeps its claim -------------------------------------

@pytest.mark.parametrize("text", [
    "Résultat : la maladie progressait nettement moins vite dans le groupe supplémenté.",
    "Chez les patients traités, la maladie progresse moins.",
])
def test_the_disease_advancing_less_is_a_progression_claim(text):
    assert codes(text) & {"C201", "C202"}


# -- future research is a limitation, not the context of earlier trials ------------------------------

def _whole(text: str, study: str = "d-lay-ms") -> set[str]:
    return {c for c, _, _ in found(text, study, "fr", whole_article=True)}


@pytest.mark.parametrize("text", [
    "La vitamine D a réduit l'activité de la maladie. Il faut attendre d'autres études.",
    "La vitamine D a réduit l'activité de la maladie. D'autres essais sont nécessaires.",
])
def test_future_studies_are_no_context(text):
    assert "C604" in _whole(text)


def test_earlier_trials_are_context():
    assert "C604" not in _whole("La vitamine D a réduit l'activité de la maladie. D'autres essais avaient échoué.")


# -- the question told as closed; hype of hope and shock; keeping one's independence --------------------

@pytest.mark.parametrize("text", [
    "C'est officiel : la vitamine D ralentit la sclérose en plaques.",
    "La science a tranché : la vitamine D protège contre les poussées.",
    "Sans l'ombre d'un doute, la vitamine D freine la maladie.",
])
def test_the_question_told_as_closed(text):
    assert "C102" in codes(text)


def test_a_question_left_open_stays_silent():
    assert "C102" not in codes("L'essai n'a pas tranché la question des poussées.")


@pytest.mark.parametrize("text", [
    "Une lueur d'espoir pour les malades de la SEP.",
    "Coup de tonnerre en neurologie : la vitamine D à l'honneur.",
    "Des résultats impressionnants pour la vitamine D.",
])
def test_hype_of_hope_and_shock(text):
    assert "C101" in codes(text, loud_only=False)


def test_keeping_ones_independence_is_a_disability_claim():
    assert codes("Grâce à la vitamine D, les malades gardent leur autonomie plus longtemps.") & {"C201", "C202"}
    assert not codes("Pendant l'essai, les patients gardaient leur suivi habituel.") & {"C201", "C202"}


# -- a stabilised disease, doctors told they can offer it, a subgroup's larger benefits ------------------

def test_a_stabilised_disease_is_a_progression_claim():
    assert codes("Les patients traités ont vu leur maladie se stabiliser.") & {"C201", "C202"}
    assert not codes("Le taux de vitamine D s'est stabilisé au-dessus de 100 nmol/L.") & {"C201", "C202"}


@pytest.mark.parametrize("text", [
    "Les neurologues pourraient désormais proposer la vitamine D à leurs patients.",
    "La vitamine D devrait être prescrite après un premier épisode.",
])
def test_doctors_told_to_offer_it(text):
    assert "C102" in codes(text)


def test_a_new_trial_proposed_is_no_advice():
    assert "C102" not in codes("Les chercheurs pourraient proposer un nouvel essai plus long.")


def test_a_subgroups_larger_benefits():
    assert "C302" in codes("Les bénéfices étaient nettement plus importants chez les patients ayant un IMC normal.")


# -- every form or stage, people on a named drug, the whole family, giving it to children ----------------

@pytest.mark.parametrize("text", [
    "Quel que soit le stade de la maladie, la vitamine D aide à réduire l'activité.",
    "Je conseille la vitamine D à mes patients sous interféron.",
    "Je recommande la vitamine D à toute la famille.",
    "Donnez-en à vos enfants dès l'hiver.",
    "Ces résultats valent pour tous les malades, y compris ceux atteints de forme progressive.",
])
def test_the_result_carried_to_people_the_trial_did_not_study(text):
    assert "C301" in codes(text)


@pytest.mark.parametrize("text", [
    "Donnez-vous le temps de lire l'étude en entier.",
    "Les patients sous interféron ne participaient pas à cet essai.",
    "Ces résultats concernent des adultes non traités après un premier épisode.",
])
def test_the_trials_own_people_or_no_advice_stays_silent(text):
    assert "C301" not in codes(text)
