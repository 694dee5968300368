#!/usr/bin/env python3
"""Claim strength against the PubMed corpus of Yu, Li & Wang 2019 (../shared/corpora/claim-strength/).

    python3 bench/strength_accuracy.py            # rules through the CLI, then the model in 5-fold CV
    python3 bench/strength_accuracy.py --rules-only

1. Rules: one sentence a line through `msvitd strength FILE --format json --rules`, as a user runs it
   (nothing learned, so no folds).
2. Model: 5-fold cross-validation; each fold's model is trained on the other four folds by the same
   code as scripts/train_strength.py (msvitd.text.strength.train) and read through msvitd.text.strength.predict.
   Never figures on the training data.  Needs the [train] extra (numpy, scikit-learn).

Each is scored twice: against the corpus labels with --convention yu2019 (comparable with the
published BioBERT 0.88), and under msvitd's convention, where a sentence whose relations are all
negated is "none" and a direct claim made only with "can" is conditional, in the labels too.
Prints per-level precision, recall, F1, macro-F1, accuracy and the confusion matrix (rows: label,
columns: msvitd).  Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "claim-strength" / "pubmed_causal_language_use.csv"
SHORT = {"none": "none", "correlational": "correl", "conditional_causal": "cond", "direct_causal": "direct"}


def table(gold: list[str], pred: list[str], title: str) -> float:
    from msvitd.text.strength import LEVELS

    print(f"\n{title}")
    print(f"{'level':<20}{'P':>6}{'R':>6}{'F1':>6}{'n':>6}")
    f1s = []
    for lv in LEVELS:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == lv)
        npred, ngold = pred.count(lv), gold.count(lv)
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        f1s.append(f)
        print(f"{lv:<20}{p:6.2f}{r:6.2f}{f:6.2f}{ngold:6d}")
    macro = sum(f1s) / len(f1s)
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    print(f"macro-F1 {macro:.3f}  accuracy {acc:.3f}  (n={len(gold)})")
    print("confusion (rows: label; columns: msvitd)")
    print(" " * 8 + "".join(f"{SHORT[lv]:>8}" for lv in LEVELS))
    for g in LEVELS:
        print(f"{SHORT[g]:<8}" + "".join(f"{sum(1 for a, b in zip(gold, pred) if a == g and b == p):8d}" for p in LEVELS))
    return macro


def msvitd_gold(sentences: list[str], gold: list[str]) -> list[str]:
    """The corpus labels moved to msvitd's conventions (negated relations: none; "can" alone: conditional)."""
    from msvitd.text.strength import cues, reading

    tables = cues.load("en")
    out = []
    for s, g in zip(sentences, gold):
        an = reading.analyse(s, tables)
        live = an.live()
        if g != "none" and an.negated_only() and not live:
            g = "none"
        elif g == "direct_causal":
            causal = [c for c in live if c.kind == "causal"]
            if causal and all(c.modal == "can" and not c.hedge for c in causal):
                g = "conditional_causal"
        out.append(g)
    return out


def _child_cpu() -> float:
    """CPU seconds used by finished child processes: steadier than the wall clock on a shared machine."""
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def _msvitd_cmd() -> list[str]:
    exe = shutil.which("msvitd")
    return [exe] if exe else [sys.executable, "-m", "msvitd"]


def through_cli(sentences: list[str], convention: str, extra: tuple[str, ...] = ()) -> tuple[list[str], float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sentences.txt"
        path.write_text("".join(s.replace("\n", " ").replace("\r", " ") + "\n" for s in sentences), encoding="utf-8")
        t = _child_cpu()
        out = subprocess.run(_msvitd_cmd() + ["strength", str(path), "--format", "json", "--convention", convention,
                                              *extra], capture_output=True, text=True, env={**os.environ, "NO_COLOR": "1"})
        elapsed = _child_cpu() - t
    if out.returncode != 0:
        sys.exit(f"msvitd strength failed: {out.stderr.strip()}")
    rows = json.loads(out.stdout)
    assert len(rows) == len(sentences), "one record per line"
    return [r["strength"] or "none" for r in rows], elapsed


def cross_validated(sentences: list[str], gold: list[str], folds: int = 5) -> dict[str, list[str]]:
    from sklearn.model_selection import StratifiedKFold

    from msvitd.text.strength import predict, train

    pred = {"yu2019": [""] * len(sentences), "msvitd": [""] * len(sentences)}
    split = StratifiedKFold(folds, shuffle=True, random_state=0).split(sentences, gold)
    for k, (tr, te) in enumerate(split, 1):
        m = train.train([sentences[i] for i in tr], [gold[i] for i in tr])
        for i in te:
            for conv in pred:
                pred[conv][i] = predict(sentences[i], m, "en", conv).level
        print(f"  fold {k}/{folds} done", file=sys.stderr)
    return pred


def speed(sentences: list[str]) -> None:
    _, one = through_cli(sentences[:1], "msvitd")
    _, full = through_cli(sentences, "msvitd")
    print(f"\nspeed (CPU time): {len(sentences)} sentences in {full:.2f} s; one sentence (start-up, cue data and "
          f"weights loaded) {one:.2f} s; work after start-up {full - one:.2f} s")


def main() -> int:
    ap = argparse.ArgumentParser(description="Claim strength on the PubMed corpus (Yu et al. 2019).")
    ap.add_argument("--rules-only", action="store_true", help="skip the cross-validated model (no scikit-learn needed)")
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    a = ap.parse_args()
    if not a.corpus.is_file():
        print(f"skipped: {a.corpus} not found (the shared corpora sit in ../shared beside the repository)")
        return 0
    from msvitd.text.strength.train import read_corpus

    sentences, gold = read_corpus(a.corpus)
    gold_m = msvitd_gold(sentences, gold)
    print(f"PubMed conclusions (Yu, Li & Wang 2019): {len(sentences)} sentences; "
          f"{sum(g != h for g, h in zip(gold, gold_m))} labels differ under msvitd's conventions")
    pred, _ = through_cli(sentences, "yu2019", ("--rules",))
    table(gold, pred, "Rules only, `msvitd strength FILE --format json --rules --convention yu2019`, corpus labels")
    pred, _ = through_cli(sentences, "msvitd", ("--rules",))
    table(gold_m, pred, "Rules only, `msvitd strength FILE --format json --rules`, labels in msvitd's conventions")
    if not a.rules_only:
        try:
            import sklearn  # noqa: F401
        except ImportError:
            print("\nmodel: skipped (pip install -e '.[train]' for numpy and scikit-learn)")
            return 0
        cv = cross_validated(sentences, gold)
        table(gold, cv["yu2019"], "Model, 5-fold cross-validated, --convention yu2019, corpus labels")
        table(gold_m, cv["msvitd"], "Model, 5-fold cross-validated, msvitd's conventions in output and labels")
    speed(sentences)
    return 0


if __name__ == "__main__":
    sys.exit(main())
