"""Precision and recall of `msvitd critique` per category on the labelled corpus.

    python3 bench/critique_accuracy.py [--corpus NAME] [--verbose] [--json]
    python3 bench/critique_accuracy.py --corpus articles_blind2 [--record-before]

Sentence corpora (sentences, heldout, heldout2, heldout3): tests/critique_corpus/NAME.yaml, each
sentence critiqued on its own with the sentence-level rules; the tuning corpus also scores the
whole articles of articles.yaml for the article-level categories.

Article corpora (articles_blind2): tests/critique_corpus/NAME.yaml labels whole articles in
tests/critique_corpus/NAME/ (see the file's header for the label format). Every article is
critiqued whole with every rule; a labelled finding is found when a finding of its category
overlaps the sentence holding its quote; any other finding of a sentence-level category is a
false positive. Study detection (no --source) is scored too. The numbers measured blind,
before any change the set prompted, are kept in NAME.before.json (written once with
--record-before) and printed beside the current ones.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SENTENCE_RULES = ("C101", "C102", "C201", "C202", "C301", "C302", "C401", "C502")
CORPUS = "sentences"
SENTENCE_CATEGORIES = ("hype", "certainty_overstated", "surrogate_to_clinical", "null_outcome_spun",
                       "population_extrapolation", "subgroup_as_finding", "unsupported_comparison", "number_mismatch")

ARTICLE_CATEGORIES = ("relative_only", "omits_null_clinical", "omits_harms", "omits_limitations", "omits_context")


def load(path: Path):
    import yaml

    return yaml.safe_load(path.read_text(encoding="utf-8"))


def evaluate(verbose: bool = False) -> dict:
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library

    lib = load_library([ROOT / "evidence"])
    others = [e.model for e in lib.studies.values()]
    corpus = load(ROOT / f"tests/critique_corpus/{CORPUS}.yaml")
    study = lib.study(corpus["study"])
    stats: dict[str, dict[str, int]] = {}
    misses = []

    def tally(expected: set, got: set, label: str):
        for c in expected | got:
            s = stats.setdefault(c, {"tp": 0, "fp": 0, "fn": 0})
            if c in expected and c in got:
                s["tp"] += 1
            elif c in got:
                s["fp"] += 1
                misses.append(("FP", c, label))
            else:
                s["fn"] += 1
                misses.append(("FN", c, label))

    n_sent = 0
    for item in corpus["sentences"]:
        res = critique_text(item["text"], study, others=others, select=SENTENCE_RULES)
        got = {f.category for f in res.findings}
        tally(set(item.get("expect") or []), got, item["text"])
        n_sent += 1
    n_art = 0
    arts = ROOT / "tests/critique_corpus/articles.yaml"
    if arts.exists() and CORPUS == "sentences":
        for item in load(arts)["articles"]:
            text = (ROOT / "tests/critique_corpus/articles" / item["file"]).read_text(encoding="utf-8")
            res = critique_text(text, lib.study(item.get("study", corpus["study"])), others=others)
            got = {f.category for f in res.findings if f.category in ARTICLE_CATEGORIES}
            tally(set(item.get("expect") or []), got, item["file"])
            n_art += 1
    table, overall = _table(stats)
    return {"sentences": n_sent, "articles": n_art, "by_category": table, "overall": overall,
            "misses": misses if verbose else []}


def _table(stats: dict) -> tuple[dict, dict]:
    table = {}
    for c, s in sorted(stats.items()):
        p = s["tp"] / (s["tp"] + s["fp"]) if s["tp"] + s["fp"] else None
        r = s["tp"] / (s["tp"] + s["fn"]) if s["tp"] + s["fn"] else None
        table[c] = {**s, "precision": p, "recall": r}
    tp = sum(s["tp"] for s in stats.values())
    fp = sum(s["fp"] for s in stats.values())
    fn = sum(s["fn"] for s in stats.values())
    overall = {"tp": tp, "fp": fp, "fn": fn, "precision": tp / (tp + fp) if tp + fp else None,
               "recall": tp / (tp + fn) if tp + fn else None}
    return table, overall


def _sentence_span(sentences, start: int, end: int) -> tuple[int, int]:
    for s in sentences:
        if s.start <= start < s.end or (start <= s.start < end):
            return s.start, s.end
    return start, end


def evaluate_articles(name: str = "articles_blind2") -> dict:
    """Score a labelled set of whole articles: per category TP/FP/FN, the misses, detection."""
    import time

    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library
    from msvitd.text.detect import NoStudy, detect_study
    from msvitd.text.sentences import split_sentences

    lib = load_library([ROOT / "evidence"])
    others = [e.model for e in lib.studies.values()]
    studies = {k: e.model for k, e in lib.studies.items()}
    corpus = load(ROOT / f"tests/critique_corpus/{name}.yaml")
    folder = ROOT / "tests/critique_corpus" / name
    stats: dict[str, dict[str, int]] = {}
    found, missed, false_pos = [], [], []
    detection = []
    words = 0
    elapsed = 0.0

    def bump(cat, key):
        stats.setdefault(cat, {"tp": 0, "fp": 0, "fn": 0})[key] += 1

    for item in corpus["articles"]:
        text = (folder / item["file"]).read_text(encoding="utf-8")
        words += len(text.split())
        study = lib.study(item.get("study", corpus["study"]))
        a = time.perf_counter()
        res = critique_text(text, study, others=others)
        elapsed += time.perf_counter() - a
        sents = split_sentences(text)
        labels = []
        for lab in item.get("find") or []:
            cats = lab["cat"] if isinstance(lab["cat"], list) else [lab["cat"]]
            i = text.find(lab["quote"])
            if i < 0:
                raise SystemExit(f"{item['file']}: quote not in the article: {lab['quote']!r}")
            s, e = _sentence_span(sents, i, i + len(lab["quote"]))
            labels.append({"cats": cats, "span": (s, e), "quote": lab["quote"], "maybe": bool(lab.get("maybe"))})
        findings = [f for f in res.findings if f.category in SENTENCE_CATEGORIES and f.start is not None]
        for lab in labels:
            hit = [f for f in findings if f.category in lab["cats"] and f.start < lab["span"][1] and lab["span"][0] < f.end]
            if lab["maybe"]:
                continue
            if hit:
                bump(hit[0].category, "tp")
                found.append((item["file"], hit[0].category, lab["quote"]))
            else:
                bump(lab["cats"][0], "fn")
                missed.append((item["file"], "/".join(lab["cats"]), lab["quote"]))
        for f in findings:
            if not any(f.category in lab["cats"] and f.start < lab["span"][1] and lab["span"][0] < f.end for lab in labels):
                bump(f.category, "fp")
                false_pos.append((item["file"], f.category, f.quote))
        got_art = {f.category for f in res.findings if f.category in ARTICLE_CATEGORIES}
        want_art = set(item.get("article") or [])
        maybe_art = set(item.get("article_maybe") or [])
        for c in (got_art | want_art) - maybe_art:
            if c in got_art and c in want_art:
                bump(c, "tp")
            elif c in got_art:
                bump(c, "fp")
                false_pos.append((item["file"], c, "(whole article)"))
            else:
                bump(c, "fn")
                missed.append((item["file"], c, "(whole article)"))
        if item.get("detect"):
            try:
                got = detect_study(text, studies).study_id
            except NoStudy as exc:
                got = f"none ({str(exc)[:60]}...)"
            detection.append((item["file"], item["detect"], got))
    table, overall = _table(stats)
    sentence_only = _table({c: s for c, s in stats.items() if c in SENTENCE_CATEGORIES})[1]
    return {"corpus": name, "articles": len(corpus["articles"]), "words": words, "by_category": table,
            "overall": overall, "sentence_level": sentence_only,
            "detection": {"right": sum(1 for _, w, g in detection if w == g), "of": len(detection),
                          "wrong": [d for d in detection if d[1] != d[2]]},
            "missed": missed, "false_positives": false_pos, "found": found,
            "ms_per_1000_words": round(1000 * 1000 * elapsed / max(words, 1), 1)}


def _print_articles(res: dict, before: dict | None, verbose: bool) -> None:
    print(f"corpus: {res['corpus']}: {res['articles']} articles, {res['words']} words; "
          f"{res['ms_per_1000_words']} ms per 1,000 words")
    head = f"{'category':<26} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}"
    if before:
        head += f"   | blind before: {'P':>6} {'R':>6}"
    print(head)
    cats = sorted(set(res["by_category"]) | set((before or {}).get("by_category", {})))
    for c in cats:
        s = res["by_category"].get(c, {"tp": 0, "fp": 0, "fn": 0, "precision": None, "recall": None})
        line = f"{c:<26} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} {_pct(s['precision']):>10} {_pct(s['recall']):>8}"
        if before:
            b = before["by_category"].get(c)
            line += f"   | {'':13} {_pct(b and b['precision']):>6} {_pct(b and b['recall']):>6}"
        print(line)
    for key, name in (("sentence_level", "sentence-level"), ("overall", "overall")):
        o = res[key]
        line = f"{name:<26} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4} {_pct(o['precision']):>10} {_pct(o['recall']):>8}"
        if before and key in before:
            b = before[key]
            line += f"   | {'':13} {_pct(b['precision']):>6} {_pct(b['recall']):>6}"
        print(line)
    d = res["detection"]
    line = f"study detection without --source: {d['right']}/{d['of']}"
    if before:
        line += f"   (blind before: {before['detection']['right']}/{before['detection']['of']})"
    print(line)
    for f, want, got in d["wrong"]:
        print(f"  detection {f}: expected {want}, got {got}")
    if verbose:
        for f, c, q in res["missed"]:
            print(f"  FN {c}: {f}: {q}")
        for f, c, q in res["false_positives"]:
            print(f"  FP {c}: {f}: {q}")


def _pct(x):
    return "  -  " if x is None else f"{100 * x:5.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and negative")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--corpus", default="sentences",
                    help="sentences (tuning set), heldout, heldout2, heldout3, or articles_blind2 (whole articles)")
    ap.add_argument("--record-before", action="store_true",
                    help="article corpora: store this run as the blind-before numbers (once, before any fix)")
    args = ap.parse_args(argv)
    global CORPUS
    CORPUS = args.corpus
    if (ROOT / "tests/critique_corpus" / CORPUS).is_dir():
        res = evaluate_articles(CORPUS)
        before_path = ROOT / "tests/critique_corpus" / f"{CORPUS}.before.json"
        keep = {k: res[k] for k in ("by_category", "overall", "sentence_level", "detection", "missed",
                                    "false_positives")}
        if args.record_before:
            before_path.write_text(json.dumps(keep, indent=1) + "\n", encoding="utf-8")
        before = json.loads(before_path.read_text(encoding="utf-8")) if before_path.exists() else None
        if args.json:
            print(json.dumps({"now": res, "blind_before": before}, indent=2))
        else:
            _print_articles(res, before, args.verbose)
        return 0
    res = evaluate(args.verbose)
    if args.json:
        print(json.dumps(res, indent=2))
        return 0
    print(f"corpus: {res['sentences']} sentences, {res['articles']} articles")
    print(f"{'category':<26} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>8}")
    for c, s in res["by_category"].items():
        print(f"{c:<26} {s['tp']:>4} {s['fp']:>4} {s['fn']:>4} {_pct(s['precision']):>10} {_pct(s['recall']):>8}")
    o = res["overall"]
    print(f"{'overall':<26} {o['tp']:>4} {o['fp']:>4} {o['fn']:>4} {_pct(o['precision']):>10} {_pct(o['recall']):>8}")
    for kind, cat, label in res["misses"]:
        print(f"  {kind} {cat}: {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
