"""Articles per second for `msvitd critique` (engine only, and the CLI with --jobs).

    python3 bench/critique_speed.py [--articles 200] [--jobs 2] [--cli]

The corpus is the seed article and synthetic variants of it (sentences shuffled, so no two
articles are identical); about 1,100 words each.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def corpus(n: int) -> list[str]:
    seed = (ROOT / "evidence/articles/seed-vitamin-d-ms-forum.txt").read_text(encoding="utf-8")
    paras = [p for p in seed.split("\n\n") if p.strip()]
    rng = random.Random(7)
    out = [seed]
    while len(out) < n:
        ps = paras[:]
        rng.shuffle(ps)
        out.append("\n\n".join(ps) + "\n")
    return out


def engine(n: int) -> dict:
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library
    from msvitd.text.lexicon import load_lexicon

    lib = load_library([ROOT / "evidence"])
    study = lib.study("d-lay-ms")
    others = [e.model for e in lib.studies.values()]
    t0 = time.perf_counter()
    lex = load_lexicon()
    setup = time.perf_counter() - t0
    texts = corpus(n)
    times = []
    for t in texts:
        a = time.perf_counter()
        critique_text(t, study, others=others, lexicon=lex)
        times.append(time.perf_counter() - a)
    words = statistics.mean(len(t.split()) for t in texts)
    return {"articles": n, "words_per_article": round(words), "lexicon_setup_s": round(setup, 3),
            "median_ms": round(1000 * statistics.median(times), 1), "max_ms": round(1000 * max(times), 1),
            "articles_per_second": round(n / sum(times), 1)}


def cli(n: int, jobs: int) -> dict:
    texts = corpus(n)
    with tempfile.TemporaryDirectory() as d:
        paths = []
        for i, t in enumerate(texts):
            p = Path(d) / f"a{i:04d}.txt"
            p.write_text(t, encoding="utf-8")
            paths.append(str(p))
        a = time.perf_counter()
        proc = subprocess.run([sys.executable, "-m", "msvitd", "critique", "--source", "d-lay-ms", "--format", "jsonl",
                               "--fail-on", "never", "--jobs", str(jobs), *paths], cwd=ROOT, capture_output=True, text=True)
        elapsed = time.perf_counter() - a
    lines = proc.stdout.count("\n")
    return {"articles": n, "jobs": jobs, "exit": proc.returncode, "lines": lines, "seconds": round(elapsed, 2),
            "articles_per_second": round(n / elapsed, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cli", action="store_true", help="also time the CLI end to end with --format jsonl --jobs N")
    args = ap.parse_args(argv)
    e = engine(args.articles)
    print(f"engine: {e['articles']} articles of ~{e['words_per_article']} words: median {e['median_ms']} ms, "
          f"max {e['max_ms']} ms, {e['articles_per_second']} articles/s (lexicon compiled once in {e['lexicon_setup_s']} s)")
    if args.cli:
        c = cli(args.articles, args.jobs)
        print(f"cli:    {c['articles']} articles, --jobs {c['jobs']}: {c['seconds']} s, {c['articles_per_second']} "
              f"articles/s (exit {c['exit']}, {c['lines']} jsonl lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
