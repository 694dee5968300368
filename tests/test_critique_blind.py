"""The fourth, fifth and sixth blind sets (tests/critique_corpus/articles_blind2/, articles_blind3/,
articles_blind4/): 14, 8 and 7 whole articles labelled before msvitd was run on them (the fifth
written after the fourth's fixes, to measure them on unseen text; the sixth aimed at population
extrapolation and subgroups told as findings, with sentences that keep to the trial's scope). Every labelled finding must be found and nothing else flagged, except
the documented known misses and known extra flags below; overall precision and recall must
stay above what was reached, less a small margin. The numbers measured blind, before the fixes
the set prompted, are in NAME.before.json (bench/critique_accuracy.py prints both)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# (file, category, quote) a reviewer labels but msvitd does not find, and why it is accepted.
# articles_blind4 has none left (its 8 blind misses are listed in articles_blind4.before.json).
KNOWN_MISSES = {
    # the article reports null clinical outcomes, which the rule counts as discussing limitations
    ("translated.txt", "omits_limitations", "(whole article)"),
}
# (file, category, quote) flagged although not labelled: defensible, but not what the labeller wrote.
KNOWN_EXTRA = {
    ("press-release.txt", "certainty_overstated", "delays"),  # "shows that ... delays": info, present tense
    # round 6 (j6en): "delays the onset of MS" in a CIS trial whose composite (relapse or new lesions) was met on the
    # lesions while relapses alone did not differ is conversion told as the clinical event (C201, a warning); three
    # blind web labellers flagged "went on to develop MS", "holds off MS", "defense against MS" so
    ("press-release.txt", "surrogate_to_clinical", "delays the onset of multiple sclerosis"),
    ("family-blog.txt", "surrogate_to_clinical", "protect children from developing MS"),
    # "it's worth taking" is advice (round 6, C102) as well as the population extrapolation the labeller counted
    ("family-blog.txt", "certainty_overstated", "And even if your levels are normal, it's worth taking."),
    ("magazine.txt", "surrogate_to_clinical", "tame MS"),  # question headline "Can the sunshine vitamin tame MS?"
    ("magazine.txt", "hype", "exciting"),  # a nutritionist's "It's exciting" (info)
    ("pharmacy-newsletter.txt", "omits_context", "(whole article)"),  # true: the labeller left it out (info)
    # advice to people the trial did not study ("every patient with relapsing MS, including those already on
    # DMTs") is population extrapolation (labelled) and also a recommendation one trial cannot carry (C102,
    # reported since the dlay_blind round; the labeller counted it under population only)
    ("opinion.txt", "certainty_overstated", "Given how cheap and safe vitamin D is, doctors should offer it to every patient with relapsing MS, including those already on disease-modifying drugs."),
    # a headline telling the question as closed ("The Science Is In", round 5): settled, though not labelled
    ("supplement-blog.txt", "certainty_overstated", "The Science Is In"),
    ("forum-answer.txt", "certainty_overstated", "My neuro was fine with me taking it on top of my Ocrevus, and honestly I'd say anyone on a DMT should be taking vitamin D as well."),
}
MARGIN = 0.03
# overall precision, recall; sets 2 and 4 lost a little precision on purpose in the dlay_blind round:
# advice to people the trial did not study is now also C102 (the two KNOWN_EXTRA entries above)
# round 6 (j6en): articles_blind4 precision 0.97 -> 0.91 on purpose: its two new flags are KNOWN_EXTRA above
# (conversion told as preventing MS in children, C201; "it's worth taking" as advice, C102)
REACHED = {"articles_blind2": (0.94, 0.98), "articles_blind3": (0.96, 1.0), "articles_blind4": (0.91, 1.0)}


@pytest.fixture(scope="module", params=sorted(REACHED))
def result(request):
    spec = importlib.util.spec_from_file_location("critique_accuracy", ROOT / "bench" / "critique_accuracy.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate_articles(request.param)


def test_every_labelled_finding_is_found(result):
    misses = [m for m in result["missed"] if tuple(m) not in KNOWN_MISSES]
    assert misses == [], "\n".join(f"{f}: {c}: {q}" for f, c, q in misses)


def test_nothing_else_is_flagged(result):
    extra = [m for m in result["false_positives"] if tuple(m) not in KNOWN_EXTRA]
    assert extra == [], "\n".join(f"{f}: {c}: {q}" for f, c, q in extra)


def test_overall_precision_and_recall_hold(result):
    o = result["overall"]
    p, r = REACHED[result["corpus"]]
    assert o["precision"] >= p - MARGIN and o["recall"] >= r - MARGIN, o


def test_every_article_is_matched_to_its_study(result):
    d = result["detection"]
    assert d["right"] == d["of"], d["wrong"]


@pytest.mark.parametrize("name,labels", [("articles_blind2", 63), ("articles_blind3", 25), ("articles_blind4", 30)])
def test_the_blind_numbers_were_recorded_before_the_fixes(name, labels):
    import json

    before = json.loads((ROOT / f"tests/critique_corpus/{name}.before.json").read_text(encoding="utf-8"))
    assert before["overall"]["tp"] + before["overall"]["fn"] == labels  # every label, scored blind
