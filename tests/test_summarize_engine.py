"""The summary engine on small constructed studies: which way is better, multi-arm trials, a question's own
GRADE judgements and thresholds, short labels, and pooling with the studies shown under the pooled row."""


import pytest

from msvitd.models.question import Question
from msvitd.models.study import Study
from msvitd.output import summary_format as F
from msvitd.output import summary_text
from msvitd.summary.build import build, study_outcome, study_table
from tests.fake_library import Lib


def study(sid="t", *, better="lower", arms=None, effect=None, effects=(), extra_arms=(), short_label=None,
          measure="binary", harms=(), grade=None) -> Study:
    vd = {"id": "vd", "role": "intervention", "label": "vitamin D3 10,000 IU/day", "agent": "vitamin D3"}
    if short_label:
        vd["short_label"] = short_label
    outcome = {"id": "o", "name": "No evidence of disease activity" if better == "higher" else "Relapse",
               "role": "primary", "type": "clinical", "measure": measure, "better": better, "arms": arms or {}}
    if effect:
        outcome["effect"] = effect
    if effects:
        outcome["effects"] = list(effects)
    if grade:
        outcome["grade"] = grade
    return Study.model_validate({
        "kind": "study", "id": sid, "name": sid.upper(), "citation": {"title": f"Trial {sid}"},
        "sources": [{"id": "paper", "title": "The paper", "type": "paper"}],
        "design": {"type": "rct", "randomised": True},
        "population": {"condition": "relapsing MS"},
        "arms": [vd, *extra_arms, {"id": "pl", "role": "comparator", "label": "placebo", "agent": "placebo"}],
        "outcomes": [outcome], "harms": list(harms),
    })


COUNTS = {"vd": {"events": 60, "total": 100}, "pl": {"events": 40, "total": 100}}


# ------------------------------------------------------------------------------ better: higher / lower


def test_more_events_is_a_benefit_when_higher_is_better():
    # 60% vs 40% with NEDA: more people free of disease activity, a benefit; NNT for benefit.
    (row,) = study_table(study(better="higher", arms=COUNTS)).rows
    assert row.relative.by == "msvitd" and row.relative.estimate == pytest.approx(1.5)
    assert row.absolute.difference == pytest.approx(200)
    assert F.difference(row).startswith("200 more per 1000")
    assert row.nnt.kind == "benefit" and row.nnt.value == pytest.approx(5)
    assert F.nnt(row.nnt).startswith("NNTB 5 (3 to 20)")  # whole numbers, rounded up
    assert "increase" in row.statement and "reduce" not in row.statement


def test_the_same_numbers_are_a_harm_when_lower_is_better():
    (row,) = study_table(study(better="lower", arms=COUNTS)).rows
    assert F.difference(row).startswith("200 more per 1000")
    assert row.nnt.kind == "harm" and F.nnt(row.nnt).startswith("NNTH 5")


def test_imprecision_thresholds_mirror_when_higher_is_better():
    # OR 1.30 (0.90 to 1.80): includes no effect and appreciable benefit (above 1.25), not appreciable harm.
    s = study(better="higher", effect={"measure": "OR", "estimate": 1.3, "ci": [0.9, 1.8]})
    j = study_table(s).rows[0].certainty.judgement("imprecision")
    assert j.rating == "serious" and "appreciable benefit" in j.reason and "thresholds 1.25 and 0.75" in j.reason


def test_an_effect_pointing_against_the_percentages_gets_no_absolute_effect():
    s = study(better="higher", arms={"vd": {"percent": 36.3}, "pl": {"percent": 35.3}},
              effect={"measure": "OR", "estimate": 0.93, "ci": [0.53, 1.63]})
    table = study_table(s)
    (row,) = table.rows
    assert row.absolute is None and row.nnt is None and row.relative.by == "source"
    assert any("points the other way" in table.footnotes[i - 1] for i in row.footnotes)
    assert F.comparator_risk(row) == "35.3%" and F.difference(row).startswith("36.3% with intervention")


# ----------------------------------------------------------------------------------- multi-arm


def test_the_question_s_pair_of_arms_picks_the_matching_effect():
    low = {"id": "low", "role": "intervention", "label": "vitamin D3 1,000 IU/day", "agent": "vitamin D3",
           "short_label": "low-dose vitamin D"}
    s = study(extra_arms=[low], arms={"vd": {"events": 10, "total": 50}, "low": {"events": 20, "total": 50},
                                      "pl": {"events": 25, "total": 50}},
              effect={"measure": "OR", "estimate": 0.9, "ci": [0.4, 2.0], "arms": ["low", "pl"]},
              effects=[{"measure": "OR", "estimate": 0.5, "ci": [0.2, 1.2], "arms": ["vd", "pl"]}])
    so = study_outcome(s, s.outcomes[0], ("vd", "pl"), others=True)
    assert so.relative.estimate == 0.5 and so.counts == (10, 50, 25, 50)
    assert so.intervention == "Vitamin D3"
    assert any("also reports vitamin D3 1,000 IU/day vs placebo: OR 0.9" in n for n in so.notes)
    # Without a pair: the outcome's own effect, and its arms' per-arm results.
    so = study_outcome(s, s.outcomes[0])
    assert so.relative.estimate == 0.9 and so.counts == (20, 50, 25, 50) and so.intervention == "Low-dose vitamin D"
    # The study's own table shows one row per pair of arms.
    names = [r.name for r in study_table(s).rows]
    assert names == ["Relapse: vitamin D3 1,000 IU/day vs placebo", "Relapse: vitamin D3 10,000 IU/day vs placebo"]


def test_an_effect_reported_the_other_way_round_is_turned_round_and_labelled():
    s = study(effect={"measure": "HR", "estimate": 2.0, "ci": [1.25, 3.2], "arms": ["pl", "vd"]})
    so = study_outcome(s, s.outcomes[0], ("vd", "pl"))
    assert so.relative.by == "msvitd" and so.relative.estimate == pytest.approx(0.5)
    assert (so.relative.lo, so.relative.hi) == pytest.approx((1 / 3.2, 0.8))
    assert any("turned it round" in n for n in so.notes)


def test_harm_rows_with_counts_and_without():
    harms = [{"id": "stones", "name": "Kidney stones", "arms": {"vd": {"events": 3, "total": 100},
                                                                 "pl": {"events": 1, "total": 100}}},
             {"id": "rash", "name": "Rash", "finding": "no difference (numbers not reported)"}]
    table = study_table(study(arms=COUNTS, harms=harms))
    stones, rash = table.rows[1:]
    assert stones.role == "harm" and stones.relative.measure == "RR" and stones.relative.by == "msvitd"
    assert stones.nnt.kind == "harm"
    assert rash.relative is None and any("relative effect" in g for g in rash.gaps)
    # A result in words ("no difference") but no numbers and no risk-of-bias assessment: rated (a narrative
    # summary), and very low: risk of bias not assessed counts as serious, imprecision very serious.
    assert rash.certainty.level == "very_low"
    assert rash.statement == "The evidence is very uncertain about the effect of vitamin D3 on rash."


def test_short_label_names_the_intervention():
    (row,) = study_table(study(short_label="vitamin D", effect={"measure": "HR", "estimate": 0.5, "ci": [0.4, 0.6]},
                               arms={"vd": {"events": 30, "total": 200}, "pl": {"events": 60, "total": 200}})).rows
    # Risk of bias not assessed (serious) and the optimal information size not met (serious): low, "may reduce".
    assert row.statement == "Vitamin D may reduce relapse."
    (row,) = study_table(study(effect={"measure": "HR", "estimate": 0.5, "ci": [0.4, 0.6]},
                               arms={"vd": {"events": 30, "total": 200}, "pl": {"events": 60, "total": 200}})).rows
    assert row.statement.startswith("Vitamin D3 ")  # no short_label: the agent


# ----------------------------------------------------------------------------------- a question



def question(sources, comparisons, grade=None, thresholds=None) -> Question:
    qo = {"id": "relapse", "name": "Relapse", "importance": "critical", "rank": 8,
          "from_studies": [{"study": s, "outcome": "o"} for s in sources]}
    if grade:
        qo["grade"] = grade
    if thresholds:
        qo["thresholds"] = thresholds
    return Question.model_validate({
        "kind": "question", "id": "q", "title": "Vitamin D for MS", "population": "adults with MS",
        "intervention": "high-dose vitamin D (10,000 IU/day), alone", "comparator": "placebo",
        "outcomes": [qo],
        "comparisons": [{"id": cid, "label": cid, "studies": sids, "reason": "same dose"}
                        for cid, sids in comparisons.items()],
        "context": [{"study": s, "summary": f"{s.upper()} (a trial): what it found.", "primary_met": False}
                    for s in sources],
    })


def hr(sid, est, lo, hi, **kw):
    return study(sid, effect={"measure": "HR", "estimate": est, "ci": [lo, hi]}, **kw)


def test_question_grade_is_used_as_given_and_labelled():
    grade = {"inconsistency": {"rating": "serious", "reason": "A and B disagree on the size of the effect."},
             "risk_of_bias": {"rating": "not_serious", "reason": "Both trials well concealed."}}
    studies = [hr("a", 0.5, 0.4, 0.7), hr("b", 0.9, 0.7, 1.2, grade={"risk_of_bias": {
        "rating": "very_serious", "reason": "Open label."}})]
    lib = Lib(studies, [question(["a", "b"], {"all": ["a", "b"]}, grade=grade)])
    (table,) = build(lib, ["q"]).tables
    (row,) = table.rows
    assert row.relative.by == "pooled" and [m.study_name for m in row.members] == ["A", "B"]
    by = {j.domain: (j.rating, j.by) for j in row.certainty.judgements}
    assert by["inconsistency"] == ("serious", "question") and by["risk_of_bias"] == ("not_serious", "question")
    assert any(n.startswith("Inconsistency: serious (−1), judged in the question file. A and B disagree")
               for n in table.footnotes)
    # The member keeps its own study-file judgement, in the per-study footnotes.
    assert row.members[1].certainty.judgement("risk_of_bias").by == "file"
    assert any("B, risk of bias: very serious (−2), judged in the study file" in n for n in table.study_footnotes)


def test_question_grade_and_thresholds_apply_to_a_single_study():
    lib = Lib([hr("a", 0.85, 0.70, 1.05)], [question(
        ["a"], {"all": ["a"]}, grade={"indirectness": {"rating": "serious", "reason": "Only CIS."}},
        thresholds={"benefit": 0.9, "harm": 1.1, "reason": "a 10% change matters"})])
    (row,) = build(lib, ["q"]).tables[0].rows
    assert row.studies == 1 and not row.members and row.study_name == "A"
    assert row.certainty.judgement("indirectness").by == "question"
    imp = row.certainty.judgement("imprecision")
    assert "thresholds 0.9 and 1.1, set in the question file" in imp.reason


def test_body_statement_uses_the_common_short_label_or_the_question_s_intervention():
    same = [hr("a", 0.5, 0.4, 0.7, short_label="vitamin D"), hr("b", 0.6, 0.45, 0.8, short_label="vitamin D")]
    (row,) = build(Lib(same, [question(["a", "b"], {"all": ["a", "b"]})]), ["q"]).tables[0].rows
    assert row.statement.startswith("Vitamin D ")
    differ = [hr("a", 0.5, 0.4, 0.7, short_label="vitamin D"), study("b", short_label="cholecalciferol",
                                                                      arms=COUNTS)]
    lib = Lib(differ, [question(["a", "b"], {"all": ["a", "b"]})])
    (row,) = build(lib, ["q"]).tables[0].rows
    assert row.refused.startswith("not pooled: the studies report different effect measures (A: HR, B: RR); they "
                                  "measure different things (HR, RR): a hazard ratio compares rates over time")
    # Short labels differ: the question's intervention, up to its first comma or bracket.
    assert row.statement == "The evidence is very uncertain about the effect of high-dose vitamin D on relapse."


def test_two_studies_agreeing_without_intervals():
    a = study("a", arms={"vd": {"percent": 20}, "pl": {"percent": 25}})
    b = study("b")
    data = [s.model_dump() for s in (a, b)]
    for d in data:
        d["outcomes"][0]["significant"] = False
    lib = Lib([Study.model_validate(d) for d in data], [question(["a", "b"], {"all": ["a", "b"]})])
    (table,) = build(lib, ["q"]).tables
    (row,) = table.rows
    assert row.refused == "not pooled: no study reports an estimate with a confidence interval (A, B)"
    assert row.certainty.judgement("inconsistency").rating == "not_serious"
    assert row.certainty.judgement("imprecision").rating == "very_serious"
    text = summary_text.render(build(lib, ["q"]), width=100)
    assert "· A" in text and "· B" in text and "S1." in text
    assert "A (a trial): what it found. [primary outcome not met]" in text
