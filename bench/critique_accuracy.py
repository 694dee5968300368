"""Precision and recall of `msvitd critique` per category on the labelled corpus.

    python3 bench/critique_accuracy.py [--verbose] [--json]

Sentence corpus: tests/critique_corpus/sentences.yaml (each sentence critiqued on its own,
sentence-level rules only).  Article corpus: tests/critique_corpus/articles/*.txt with the
expected whole-article categories in articles.yaml.
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
    return {"sentences": n_sent, "articles": n_art, "by_category": table, "overall": overall,
            "misses": misses if verbose else []}


def _pct(x):
    return "  -  " if x is None else f"{100 * x:5.1f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every false positive and negative")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--corpus", default="sentences", help="sentences (tuning set) or heldout")
    args = ap.parse_args(argv)
    global CORPUS
    CORPUS = args.corpus
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
