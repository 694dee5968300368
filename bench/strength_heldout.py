"""Claim strength on held-out sentence files labelled by someone other than the model's writer.

Usage: python3 bench/strength_heldout.py [DIR]  (default: tests/strength_blind)

Reads `press_releases.tsv` (label TAB sentence) and `pairs.tsv` (pair_id TAB side TAB label TAB sentence)
in DIR, puts the sentences one a line through `msvitd strength FILE --format json --convention yu2019`
(the corpus's conventions, which the labels follow) and prints per-level precision, recall and F1,
macro-F1, accuracy and the confusion matrix: for the press-release file, and for each side of the pairs.
It runs the `msvitd` on PATH, as the private corpora are scored, so the figures compare with them.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ("none", "correlational", "conditional_causal", "direct_causal")
NAMES = {"none": "none", "correlational": "correlational", "conditional": "conditional_causal",
         "direct": "direct_causal", "conditional_causal": "conditional_causal", "direct_causal": "direct_causal"}


def rows(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]


def predict(sentences: list[str]) -> list[str]:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as f:
        f.write("\n".join(sentences) + "\n")
    try:
        out = subprocess.run(["msvitd", "strength", f.name, "--format", "json", "--convention", "yu2019"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        Path(f.name).unlink()
    records = json.loads(out)
    if len(records) != len(sentences):
        raise SystemExit(f"msvitd strength gave {len(records)} records for {len(sentences)} lines")
    return [r["strength"] or "none" for r in records]


def table(gold: list[str], pred: list[str], title: str) -> float:
    print(f"\n{title}\n{'level':<20}{'P':>6}{'R':>6}{'F1':>6}{'n':>6}")
    f1s = []
    for lv in LEVELS:
        tp = sum(g == p == lv for g, p in zip(gold, pred))
        p = tp / pred.count(lv) if pred.count(lv) else 0.0
        r = tp / gold.count(lv) if gold.count(lv) else 0.0
        f1s.append(2 * p * r / (p + r) if p + r else 0.0)
        print(f"{lv:<20}{p:6.2f}{r:6.2f}{f1s[-1]:6.2f}{gold.count(lv):6d}")
    macro = sum(f1s) / len(f1s)
    acc = sum(g == p for g, p in zip(gold, pred)) / len(gold)
    print(f"macro-F1 {macro:.3f}  accuracy {acc:.3f}  (n={len(gold)})")
    print("confusion (rows: label; columns: msvitd)\n" + " " * 8 + "".join(f"{lv[:7]:>8}" for lv in LEVELS))
    for g in LEVELS:
        print(f"{g[:7]:<8}" + "".join(f"{sum(a == g and b == p for a, b in zip(gold, pred)):8d}" for p in LEVELS))
    return macro


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else ROOT / "tests" / "strength_blind"
    press, pairs = folder / "press_releases.tsv", folder / "pairs.tsv"
    if not press.is_file() and not pairs.is_file():
        print(f"skipped: no press_releases.tsv or pairs.tsv in {folder}")
        return 0
    if press.is_file():
        r = rows(press)
        table([NAMES[x[0].strip()] for x in r], predict([x[1] for x in r]), f"{press.name}: one sentence a line")
    if pairs.is_file():
        r = rows(pairs)
        for side in ("abstract", "press"):
            part = [x for x in r if x[1].strip() == side]
            table([NAMES[x[2].strip()] for x in part], predict([x[3] for x in part]), f"{pairs.name}: {side} side")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
