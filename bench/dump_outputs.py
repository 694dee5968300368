"""Dump what `msvitd critique` prints for every corpus article, to compare before and after a change
that must not alter output (issue 17: every speed change is output-neutral).

    python3 bench/dump_outputs.py OUT_DIR [--quick]
    diff -r BEFORE_DIR AFTER_DIR

Written per folder of articles (tests/critique_corpus/*, evidence/articles and, when present,
../shared/corpora/coverage-dev; the dump stays outside the repository): the critique of all the
folder's articles in one process (study detected, and with each bundled study as --source) in every
format, each article alone with a warm cache and with no cache (the cache-loading path and the
building path), a generated number-heavy article, and the scorer's figures on each labelled set.
The commands run `msvitd` from PATH (the worktree's, in its virtualenv).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
SHARED = ROOT.parent / "shared"
FORMATS = ("concise", "full", "json", "jsonl", "github", "markdown")
STUDIES = tuple(sorted(p.stem for p in (ROOT / "evidence/studies").glob("*.yaml")))
SCORED = ("trials_blind", "dlay_blind", "web_dlay_blind", "web_trials_blind", "web2_dlay_blind",
          "web2_trials_blind", "web2_extremes_blind")
_CACHE = tempfile.mkdtemp(prefix="msvitd-dump-cache-")


def folders() -> list[Path]:
    out = [p for p in sorted((ROOT / "tests/critique_corpus").iterdir())
           if p.is_dir() and not p.name.startswith("web3")]
    out.append(ROOT / "evidence/articles")
    if (SHARED / "corpora/coverage-dev").is_dir():
        out.append(SHARED / "corpora/coverage-dev")
    return out


def articles(folder: Path) -> list[str]:
    return [str(p) for p in sorted(folder.iterdir()) if p.suffix in (".txt", ".md", ".html")]


def run(cmd: list[str], cache: bool = True) -> str:
    env = dict(os.environ, MSVITD_CACHE_DIR=_CACHE)
    env.pop("MSVITD_NO_CACHE", None)
    if not cache:
        env["MSVITD_NO_CACHE"] = "1"
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
    return f"exit {p.returncode}\n--- stdout\n{p.stdout}--- stderr\n{p.stderr}"


def dump(out: Path, quick: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    crit = ["msvitd", "critique", "--fail-on", "never"]
    for folder in folders():
        files = articles(folder)
        if not files:
            continue
        name = "evidence" if folder == ROOT / "evidence/articles" else folder.name
        for fmt in FORMATS:
            (out / f"{name}.detected.{fmt}").write_text(run(crit + ["--format", fmt, *files]))
        for sid in STUDIES:
            for fmt in (FORMATS if sid == "d-lay-ms" and not quick else ("json",)):
                (out / f"{name}.{sid}.{fmt}").write_text(run(crit + ["--format", fmt, "--source", sid, *files]))
        if not quick:
            for f in files:
                stem = Path(f).name
                (out / f"{name}.{stem}.warm.json").write_text(run(crit + ["--format", "json", f]))
                if name in ("articles", "evidence"):  # slow (every table compiled): a few articles
                    (out / f"{name}.{stem}.nocache.json").write_text(run(crit + ["--format", "json", f], cache=False))
        if name in SCORED or name == "coverage-dev":
            (out / f"{name}.score").write_text(run([sys.executable, str(SHARED / "tools/score_coverage.py"),
                                                    str(folder), "--lang", "all", "--verbose"]))
    from critique_speed import big_article

    with tempfile.TemporaryDirectory() as d:
        big = Path(d) / "big.txt"
        big.write_text(big_article(200_000), encoding="utf-8")
        (out / "big200k.json").write_text(run(crit + ["--format", "json", "--source", "d-lay-ms", str(big)])
                                          .replace(str(big), "BIG"))
        # the same articles through --jobs 2 (forked workers) as through one process
        files = articles(ROOT / "tests/critique_corpus/articles")
        (out / "jobs2.jsonl").write_text(run(crit + ["--format", "jsonl", "--jobs", "2", *files]))
        (out / "strength.txt").write_text(run(["msvitd", "strength", str(ROOT / "evidence/articles/seed-vitamin-d-ms-forum.txt")]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--quick", action="store_true", help="json only with --source, no per-article runs")
    a = ap.parse_args()
    dump(Path(a.out), a.quick)
    return 0


if __name__ == "__main__":
    sys.exit(main())
