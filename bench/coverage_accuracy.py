"""`msvitd critique` on real coverage it was not written for: the development set of issue 12.

    python3 bench/coverage_accuracy.py [--lang en|fr|all] [--verbose]
    python3 bench/coverage_accuracy.py --corpus tests/critique_corpus/trials_blind --lang en --lang all --by-study

Runs the shared scorer (`../shared/tools/score_coverage.py`) on `../shared/corpora/coverage-dev`
(real pages, labelled by an evidence reviewer; the texts stay in ../shared and are never copied
here) with this checkout's `msvitd` first on PATH, once per language and once for all of them,
and prints per category: recall, false alarms on careful pieces, omission flags, correct numbers
called mismatches. Exits 0 with a clear message when the corpus or the scorer is absent (for
example in a clone without ../shared).

The figures measured blind, before any change this set prompted, are in
bench/results/blind-2026-11-29.md; the figures after the work are in bench/results/ and
docs/critique.md. `--corpus` scores any folder in the same layout (labels.yaml beside the texts),
such as the self-written set on the earlier trials, tests/critique_corpus/trials_blind (blind
figures in bench/results/trials-blind-2026-11-29.md); `--by-study` scores each study's files apart.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile

import yaml
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpora" / "coverage-dev"
SCORER = SHARED / "tools" / "score_coverage.py"


def _env() -> dict:
    """PATH with this checkout's msvitd first (the scorer runs `msvitd` from PATH)."""
    env = dict(os.environ)
    here = Path(sys.executable).parent
    if not (here / "msvitd").exists() and shutil.which("msvitd") is None:
        raise SystemExit("coverage_accuracy: no `msvitd` on PATH; install this checkout (pip install -e .) first")
    env["PATH"] = f"{here}{os.pathsep}{env.get('PATH', '')}"
    return env


def score(lang: str, verbose: bool = False, corpus: Path = CORPUS) -> str:
    cmd = [sys.executable, str(SCORER), str(corpus), "--lang", lang] + (["--verbose"] if verbose else [])
    p = subprocess.run(cmd, capture_output=True, text=True, env=_env(), timeout=1800)
    if p.returncode not in (0,):
        return f"scorer failed (exit {p.returncode}): {p.stderr.strip()[:400]}"
    return p.stdout.rstrip()


def by_study(corpus: Path, lang: str, verbose: bool) -> None:
    """Score each study's files on their own (a labels.yaml per study in a temporary folder)."""
    labels = yaml.safe_load((corpus / "labels.yaml").read_text(encoding="utf-8"))
    studies = sorted({f.get("study", "d-lay-ms") for f in labels["files"]})
    for study in studies:
        with tempfile.TemporaryDirectory() as tmp:
            files = [f for f in labels["files"] if f.get("study", "d-lay-ms") == study]
            for f in files:
                shutil.copy(corpus / f["file"], Path(tmp) / f["file"])
            (Path(tmp) / "labels.yaml").write_text(yaml.safe_dump({**labels, "files": files}), encoding="utf-8")
            last = score(lang, verbose, Path(tmp)).splitlines()
            print(f"{study} ({len(files)} files, --lang {lang}): " + (last[-1] if last else "no output"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lang", action="append", help="en, fr or all (repeatable; default: en, fr and all)")
    ap.add_argument("--verbose", action="store_true", help="list every miss and every unlabelled finding")
    ap.add_argument("--corpus", type=Path, default=CORPUS, help="a folder with labels.yaml (default: coverage-dev)")
    ap.add_argument("--by-study", action="store_true", help="also score each study's files apart (all languages)")
    a = ap.parse_args(argv)
    corpus = a.corpus.resolve()
    if not corpus.is_dir() or not SCORER.is_file():
        print(f"coverage_accuracy: skipped: {corpus} or {SCORER} is absent "
              "(the development set and the scorer live in ../shared beside the clone)")
        return 0
    for lang in a.lang or ["en", "fr", "all"]:
        print(f"## {corpus.name}, --lang {lang}")
        print(score(lang, a.verbose, corpus))
        print()
    if a.by_study:
        by_study(corpus, "all", False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
