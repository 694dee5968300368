"""Each class of bad evidence gives one exact, located message (yamllint-style: snippet -> (line, col, code)).

The base files are tests/fixtures/positive/evidence (valid); each case changes one thing in them and
lists every diagnostic that `msvitd validate` then prints, as ``line:col CODE path: message``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from msvitd.checks import check_study
from msvitd.diagnostics import format_path, sorted_diagnostics
from msvitd.library import load_library
from msvitd.yamlio import parse_text

POSITIVE = Path(__file__).resolve().parent / "fixtures" / "positive" / "evidence"
STUDY = (POSITIVE / "studies" / "demo.yaml").read_text(encoding="utf-8")
ARTICLE = (POSITIVE / "articles" / "demo-news.yaml").read_text(encoding="utf-8")


def _change(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the base file"
    return text.replace(old, new)


def validate(tmp_path: Path, study: str = STUDY, article: str | None = ARTICLE) -> list[str]:
    """Write the study (and article) into an evidence folder, validate it, return its problems."""
    (tmp_path / "demo.yaml").write_text(study, encoding="utf-8")
    if article is not None:
        (tmp_path / "demo-news.yaml").write_text(article, encoding="utf-8")
    lib = load_library([tmp_path], keep_models=False)
    out = []
    for d in sorted_diagnostics(lib.diagnostics):
        where = f"{d.path}: " if d.path else ""
        out.append(f"{Path(d.file).name}:{d.line}:{d.column} {d.code} {where}{d.message}")
    return out


def test_base_files_are_valid(tmp_path):
    assert validate(tmp_path) == []


STUDY_CASES = {
    # class: (old, new, expected problems)
    "wrong type (number for a boolean)": (
        "  randomised: true\n", "  randomised: 12\n",
        ["demo.yaml:13:15 S103 design.randomised: expected true or false, got the number 12"]),
    "wrong type (text for a number)": (
        "estimate: 0.5", "estimate: half",
        ["demo.yaml:40:17 S103 outcomes[0].effect.estimate: expected a number, got the string 'half'"]),
    "wrong type (quoted number for a count)": (
        "events: 10,", "events: '10',",
        ["demo.yaml:36:22 S103 outcomes[0].arms.drug.events: expected an integer, got the string '10'"]),
    "missing field (points at the mapping that lacks it)": (
        "    agent: drug\n", "",
        ["demo.yaml:21:5 S101 arms[0].agent: missing required field `agent`"]),
    "unknown key (points at the key)": (
        "  randomised: true\n", "  randomised: true\n  randomized: true\n",
        ["demo.yaml:14:3 S102 design.randomized: unknown field `randomized` in a study file"]),
    "duplicate key (at the second one; the first value is kept)": (
        "name: Demo trial\n", "name: Demo trial\nname: Another name\n",
        ["demo.yaml:5:1 Y002 name: duplicate key 'name' (first defined at line 4, column 1); "
         "YAML tools would silently keep only the last value"]),
    "value outside the allowed choices": (
        "  type: rct\n", "  type: rtc\n",
        ["demo.yaml:12:9 S104 design.type: expected one of 'rct', 'cluster_rct', 'crossover_rct', "
         "'non_randomised', 'cohort', 'case_control', 'cross_sectional', 'systematic_review' or 'other', "
         "got the string 'rtc'"]),
    "negative count": (
        "events: 10,", "events: -1,",
        ["demo.yaml:36:22 S104 outcomes[0].arms.drug.events: input should be greater than or equal to 0, "
         "got the number -1"]),
    "CI that excludes its estimate": (
        "ci: [0.25, 1.0]", "ci: [0.6, 1.0]",
        ["demo.yaml:41:11 S201 outcomes[0].effect.ci: confidence interval [0.6, 1.0] does not contain the estimate 0.5"]),
    "CI misordered": (
        "ci: [0.25, 1.0]", "ci: [1.0, 0.25]",
        ["demo.yaml:41:11 S201 outcomes[0].effect.ci: confidence interval [1.00, 0.25] is misordered: "
         "the lower limit comes first"]),
    "CI with one limit": (
        "ci: [0.25, 1.0]", "ci: [0.25]",
        ["demo.yaml:41:11 S103 outcomes[0].effect.ci: expected a pair [low, high], got a list of 1"]),
    "CI with three values": (
        "ci: [0.25, 1.0]", "ci: [0.25, 0.5, 1.0]",
        ["demo.yaml:41:11 S103 outcomes[0].effect.ci: expected a pair [low, high], got a list of 3"]),
    "percent that disagrees with its counts": (
        "percent: 20.0", "percent: 25.0",
        ["demo.yaml:37:50 S203 outcomes[0].arms.placebo.percent: 25% does not agree with 20/100 = 20.00%"]),
    "more events than participants": (
        "events: 20,", "events: 120,",
        ["demo.yaml:37:25 S202 outcomes[0].arms.placebo.events: 120 events among 100 participants"]),
    "arm that does not exist (dangling reference in a file)": (
        "      placebo: {events", "      placbo: {events",
        ["demo.yaml:37:15 S206 outcomes[0].arms.placbo: no arm with id 'placbo' in this study (arms: drug, placebo)"
         " (did you mean 'placebo'?)"]),
    "citation of an undeclared source": (
        "      cite: paper, Table 2\n", "      cite: journal, Table 2\n",
        ["demo.yaml:42:13 S206 outcomes[0].effect.cite[0]: a citation starts with a source id from `sources:` "
         "(paper), got 'journal'"]),
    "citation of a mistyped source: the closest declared id is suggested": (
        "      cite: paper, Table 2\n", "      cite: papr, Table 2\n",
        ["demo.yaml:42:13 S206 outcomes[0].effect.cite[0]: a citation starts with a source id from `sources:` "
         "(paper), got 'papr' (did you mean 'paper'?)"]),
    "flow mapping that swallowed a key (the comma trap)": (
        "cite: [paper, Table 2]}\n      placebo", "cite: paper, Table 2}\n      placebo",
        ["demo.yaml:36:66 S102 outcomes[0].arms.drug.Table 2: unknown field `Table 2` in a study file"]),
    "surrogate outcome without what it stands for": (
        "    stands_for: relapses and disability\n", "",
        ["demo.yaml:44:5 S101 outcomes[1]: a surrogate outcome needs `stands_for:` naming the "
         "patient-important outcome it stands in for"]),
    "arms that do not add up to the population": (
        "  randomised: 200\n", "  randomised: 210\n",
        ["demo.yaml:18:15 S209 population.randomised: population.randomised is 210 but the arms add up to 200 "
         "(100 + 100)"]),
    "unknown kind": (
        "kind: study\n", "kind: trial\n",
        # no longer a study, so the article's reference to it dangles
        ["demo-news.yaml:6:9 S206 about[0]: no study with id 'demo' in the evidence being checked",
         "demo.yaml:2:1 S105 `kind:` must be one of study, article, question, got 'trial'"]),
    "ambiguous YAML 1.1 scalar kept as text (a warning)": (
        '  allocation: "1:1"\n', "  allocation: 1:1\n",
        ["demo.yaml:14:15 Y012 design.allocation: unquoted '1:1' is kept as the string '1:1'; "
         "YAML 1.1 tools read it differently: quote it"]),
    "a string field given NO: an error, never silently False (nor silently 'NO')": (
        "    agent: drug\n", "    agent: NO\n",
        ["demo.yaml:24:12 Y013 arms[0].agent: unquoted 'NO' is a boolean to YAML 1.1 tools but text here: "
         "write \"NO\" for text, or true/false"]),
    "a boolean field given yes: an error (YAML 1.2 reads a string)": (
        "  randomised: true\n", "  randomised: yes\n",
        ["demo.yaml:13:15 S103 design.randomised: expected true or false, got the string 'yes'",
         "demo.yaml:13:15 Y013 design.randomised: unquoted 'yes' is a boolean to YAML 1.1 tools but text here: "
         "write \"yes\" for text, or true/false"]),
    "a Python tag": (
        "name: Demo trial\n", "name: !!python/object/apply:os.system [echo hi]\n",
        # the study is invalid, not missing: the article's `about: [demo]` is not reported as well
        ["demo.yaml:4:7 Y005 name: tag !!python/object/apply:os.system refused: only plain strings, numbers, "
         "booleans, null, mappings and sequences are allowed"]),
    "an anchor and an alias": (
        "    label: drug 10 mg daily\n", "    label: &l drug 10 mg daily\n    short_label: *l\n",
        ["demo.yaml:23:12 Y003 arms[0].label: anchor &l refused: anchors and aliases are not allowed in evidence files",
         "demo.yaml:24:18 Y003 arms[0].short_label: alias *l refused: write the value out in full"]),
}


@pytest.mark.parametrize("case", STUDY_CASES, ids=list(STUDY_CASES))
def test_study_problem(tmp_path, case):
    old, new, expected = STUDY_CASES[case]
    assert validate(tmp_path, study=_change(STUDY, old, new)) == expected


ARTICLE_CASES = {
    "quote not in the text": (
        "quote: the trial was small", "quote: the trial was tiny",
        ["demo-news.yaml:19:14 S207 claims.limitations[0].quote: quote 'the trial was tiny' does not occur "
         "in the article's text"]),
    "dangling study reference": (
        "about: [demo]", "about: [demo-2]",
        ["demo-news.yaml:6:9 S206 about[0]: no study with id 'demo-2' in the evidence being checked"]),
    "dangling outcome reference": (
        "outcome: relapse", "outcome: relapses",
        ["demo-news.yaml:13:16 S206 claims.outcomes[0].outcome: study 'demo' has no outcome 'relapses' "
         "(it has: new-lesions, relapse)"]),
    "dangling limitation reference": (
        "limitation: small", "limitation: tiny",
        ["demo-news.yaml:20:19 S206 claims.limitations[0].limitation: study 'demo' has no limitation 'tiny' "
         "(it has: small)"]),
    "text both inline and in a file": (
        "about: [demo]\n", "about: [demo]\ntext_file: demo-news.txt\n",
        ["demo-news.yaml:2:1 S104 give the article's text either inline as `text:` or as `text_file:`, exactly one"]),
    "text file that cannot be read": (
        "text: >-\n  The drug halved relapses in a small trial. Only 10% of patients on the drug relapsed,\n"
        "  against 20% on placebo. The authors say the trial was small.\n", "text_file: missing.txt\n",
        ["demo-news.yaml:7:12 S208 text_file: cannot read text_file 'missing.txt': No such file or directory"]),
    "date not in the expected form": (
        'date: "2025-04-03"', 'date: "3 April 2025"',
        ["demo-news.yaml:5:7 S104 date: the string '3 April 2025' does not have the expected form "
         "(^\\d{4}(-\\d{2}(-\\d{2})?)?$)"]),
}


@pytest.mark.parametrize("case", ARTICLE_CASES, ids=list(ARTICLE_CASES))
def test_article_problem(tmp_path, case):
    old, new, expected = ARTICLE_CASES[case]
    assert validate(tmp_path, article=_change(ARTICLE, old, new)) == expected


def test_same_id_in_two_files_points_at_the_first(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "copy.yaml").write_text(STUDY, encoding="utf-8")
    assert validate(tmp_path) == ["copy.yaml:3:5 S205 id: id 'demo' is already used by "
                                  f"{tmp_path / 'demo.yaml'}:3:5"]


def test_quote_matches_across_line_breaks_and_spacing(tmp_path):
    article = _change(ARTICLE, "quote: the trial was small", "quote: \"on placebo.  The   authors\"")
    assert validate(tmp_path, article=article) == []


def test_every_problem_found_not_only_the_first(tmp_path):
    study = _change(_change(STUDY, "  randomised: true\n", "  randomised: 12\n"), "percent: 20.0", "percent: 25.0")
    codes = [line.split()[1] for line in validate(tmp_path, study=study)]
    assert codes == ["S103"]  # schema errors stop the cross-field checks: the model is not built
    study = _change(_change(STUDY, "ci: [0.25, 1.0]", "ci: [0.6, 1.0]"), "percent: 20.0", "percent: 25.0")
    codes = [line.split()[1] for line in validate(tmp_path, study=study)]
    assert codes == ["S203", "S201"]  # sorted by line: 37 then 41


# ------------------------------------------------------------------ every number and every sourced block cited

CITE_CASES = {
    "a count without a cite (the arm's block has none)": (
        "    randomised: 100\n    cite: paper, Participants\n", "    randomised: 100\n",
        ["demo.yaml:25:17 S211 arms[0].randomised: randomised 100: no `cite:` says where it stands; add "
         "`cite: <source id>, <where>` to arms[0]"]),
    "an estimate, CI and P value without a cite (one line for the block, at its first number)": (
        "      ci: [0.25, 1.0]\n      cite: paper, Table 2\n", "      ci: [0.25, 1.0]\n      p: 0.05\n",
        ["demo.yaml:40:17 S211 outcomes[0].effect.estimate: estimate 0.5, ci [0.25, 1.00], P = 0.05: no `cite:` "
         "says where they stand; add `cite: <source id>, <where>` to outcomes[0].effect"]),
    "an outcome's cite does not cover its arms' counts": (
        "      placebo: {events: 20, total: 100, percent: 20.0, cite: [paper, Table 2]}\n",
        "      placebo: {events: 20, total: 100, percent: 20.0}\n",
        ["demo.yaml:37:25 S211 outcomes[0].arms.placebo.events: events 20, total 100, percent 20: no `cite:` "
         "says where they stand; add `cite: <source id>, <where>` to outcomes[0].arms.placebo"]),
    "a block that states a finding, without a number, still needs a cite": (
        "    text: Few events.\n    domain: imprecision\n    cite: paper, Discussion\n",
        "    text: Few events.\n    domain: imprecision\n",
        ["demo.yaml:52:5 S212 limitations[0]: this limitation has no `cite:` saying where its content stands: "
         "add `cite: <source id>, <where>`"]),
    "an empty cite is no cite": (
        "    cite: paper, Results\n", "    cite: []\n",
        ["demo.yaml:30:5 S212 outcomes[0]: this outcome has no `cite:` saying where its content stands: "
         "add `cite: <source id>, <where>`"]),
    "a TODO left from the template (a warning)": (
        "    label: drug 10 mg daily\n", "    label: \"TODO: e.g. drug 10 mg daily\"\n",
        ["demo.yaml:23:12 S213 arms[0].label: 'TODO: e.g. drug 10 mg daily' is left from the template: replace "
         "the TODO with the source's value"]),
    "a P value without an estimate that contradicts `significant:` (a warning)": (
        "    stands_for: relapses and disability\n",
        "    stands_for: relapses and disability\n    p: 0.03\n    significant: false\n",
        ["demo.yaml:51:18 S210 outcomes[1].significant: `significant: false` but the outcome's P = 0.03 is "
         "significant at the 5% level"]),
}


@pytest.mark.parametrize("case", CITE_CASES, ids=list(CITE_CASES))
def test_cite_problem(tmp_path, case):
    old, new, expected = CITE_CASES[case]
    assert validate(tmp_path, study=_change(STUDY, old, new)) == expected


EVIDENCE = Path(__file__).resolve().parent.parent / "evidence" / "studies"
_FLOW_CITE = re.compile(r"(,\s*)?cite:\s*(\[[^\]]*\]|[^,}\n]+)")


def _cites(text: str):
    """(path of the block, line of the block, line of its `cite:` key, text without that cite) for every cite."""
    doc = parse_text(text, "study.yaml")
    lines = text.split("\n")
    for path, (line, col) in sorted(doc.keys.items(), key=lambda kv: kv[1]):
        if not path or path[-1] != "cite":
            continue
        row = lines[line - 1]
        if row[:col - 1].strip() == "":  # block style: drop the key line and its continuation lines
            end = line
            while end < len(lines) and lines[end].strip() and len(lines[end]) - len(lines[end].lstrip()) >= col:
                end += 1
            out = lines[:line - 1] + lines[end:]
        else:  # inside a flow mapping: drop `, cite: [...]`
            start = row.rfind(",", 0, col - 1)
            start = start if start >= 0 and row[start + 1:col - 1].strip() == "" else col - 1
            m = _FLOW_CITE.match(row, start)
            assert m, row
            out = lines[:line - 1] + [row[:m.start()] + row[m.end():]] + lines[line:]
        yield path[:-1], doc.position(path[:-1])[0], line, "\n".join(out)


def _errors(text: str) -> list:
    from msvitd.validation import validate_document

    doc = parse_text(text, "study.yaml")
    model, problems = validate_document(doc)
    assert model is not None and not problems, problems
    return [(code, doc.position(where)[0], format_path(where)) for code, _, where in check_study(model, doc.data)]


@pytest.mark.parametrize("name", sorted(p.name for p in EVIDENCE.glob("*.yaml")))
def test_removing_any_cite_from_a_bundled_study_is_an_error_at_its_block(name):
    """Issue 15: every `cite:` in the bundled studies is needed. Removing any one of them (all of them, one at
    a time) gives S211 or S212 on a line between the block's start and the removed cite."""
    text = (EVIDENCE / name).read_text(encoding="utf-8")
    assert _errors(text) == []
    checked = 0
    for block, first, cite_line, without in _cites(text):
        found = [(code, line, where) for code, line, where in _errors(without)
                 if code in ("S211", "S212") and where.startswith(format_path(block))]
        assert found, f"{name}:{cite_line}: removing the cite of {format_path(block)} went unnoticed"
        assert all(first <= line <= cite_line for _, line, _ in found), (name, cite_line, found)
        checked += 1
    assert checked == sum(line.split("#")[0].count("cite:") for line in text.split("\n"))


def test_validate_cli_names_the_line_of_an_uncited_hazard_ratio(cli, tmp_path):
    """The issue's example: deleting the cite from HR 0.66 gave "All 1 file valid."."""
    text = (EVIDENCE / "d-lay-ms.yaml").read_text(encoding="utf-8")
    old = "      cite: [pubmed, Abstract (Results), jamaabs, Results, rheumnow, Summary of the abstract, conexiant, " \
          "Summary of the abstract]\n"
    (tmp_path / "d-lay-ms.yaml").write_text(_change(text, old, ""), encoding="utf-8")
    line = text.split("\n").index("      estimate: 0.66") + 1
    r = cli("validate", str(tmp_path / "d-lay-ms.yaml"))
    assert r.exit_code == 1
    assert r.stdout.startswith(f"{tmp_path / 'd-lay-ms.yaml'}:{line}:17: S211 [error] outcomes[0].effect.estimate: "
                               "estimate 0.66, ci [0.50, 0.87], P = 0.004: no `cite:`")


def test_an_interval_is_printed_as_a_paper_prints_it(cli, tmp_path):
    """YAML reads 0.70 as 0.7: S201 printed "[0.7, 0.87]" next to an estimate of 0.66 (newcomer minor 4)."""
    text = (EVIDENCE / "d-lay-ms.yaml").read_text(encoding="utf-8")
    (tmp_path / "d-lay-ms.yaml").write_text(_change(text, "      ci: [0.50, 0.87]\n", "      ci: [0.70, 0.87]\n"),
                                           encoding="utf-8")
    r = cli("validate", tmp_path / "d-lay-ms.yaml")
    assert "S201 [error] outcomes[0].effect.ci: confidence interval [0.70, 0.87] does not contain the estimate " \
           "0.66\n" in r.stdout


def test_intervals_print_as_papers_do_with_the_source_precision():
    """YAML reads 0.50 as 0.5: messages print every limit with the most decimals the source gave
    (the critique's source figures printed "95% CI 0.5-0.87" beside the SoF's "0.50 to 0.87")."""
    from msvitd.cite_checks import as_printed
    from msvitd.facts.study import outcome_fact
    from msvitd.library import load_library

    assert as_printed(0.66, 0.5, 0.87) == ("0.66", "0.50", "0.87")
    assert as_printed(1.2, 0.7, 2.05) == ("1.20", "0.70", "2.05")
    assert as_printed(3, 1, 9) == ("3", "1", "9")
    lib = load_library([Path(__file__).resolve().parents[1] / "evidence"])
    study = lib.studies["d-lay-ms"].model
    primary = next(o for o in study.outcomes if o.effect is not None and o.effect.estimate == 0.66)
    assert "HR 0.66 (95% CI 0.50 to 0.87)" in outcome_fact(primary, study)
