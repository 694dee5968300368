"""How fast `msvitd critique` is, side by side in one run, as ratios (issue 17).

    python3 bench/critique_speed.py [--articles 200] [--jobs N] [--sizes 1,5] [--runs 5] [--json]
    python3 bench/critique_speed.py --startup-only [--runs 15]     # only the one-command figures

Printed, each beside what it is compared with:
  - one article through the CLI (with --source, and with the study detected) vs `msvitd --version`;
  - `msvitd strength -` on one line vs `msvitd --version`;
  - articles per second in one process (the engine; lexicon loaded once) vs the floor: reading the
    text and splitting it into sentences alone;
  - `--jobs 1` vs `--jobs N` through the CLI on the same articles (scaling);
  - generated articles of 1 MB and 4.9 MB (under the 5 MB limit; number-heavy sentences mixed with prose) through the CLI:
    the time ratio beside the size ratio, and each beside its floor (read + split).
Goals (issue 17): one article within 2.5x of --version, strength within 2x, 200 articles/s in one
process, --jobs near-linear up to the cores, time linear in size. The corpus is the seed article
and shuffled variants of it (~1,100 words each; in the variants most sentences get an opener such as
"Today, ", so that no sentence repeats and what the reader remembers of a sentence cannot inflate the
figure); nothing is read from outside the repository.
Timings are medians of --runs runs (subprocesses) or one timed pass (engine); no figure here is an
assertion: the machine's load moves them, the ratios much less.

Start-up is measured as a user meets it on their second command: the commands run in turn with
`--version` (A B A B ...; the ratio is the median of the pairs, so the machine's drift cancels),
with msvitd's cache folder warm (a folder of this benchmark's, filled by the warm-up run) and
Python's bytecode written (PYTHONDONTWRITEBYTECODE is dropped for the children, as an installed
package has its .pyc files); the first run after an edit of the evidence or the lexicons is shown
as "no cache" (MSVITD_NO_CACHE=1). Each figure is given as wall time and as CPU time (user + sys).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PY = sys.executable
SEED = ROOT / "evidence/articles/seed-vitamin-d-ms-forum.txt"


# Openers put before sentences so that no sentence repeats between articles: the reader keeps what it
# found in a sentence it has read (a page reads its sentences several times), and shuffled copies of
# one article would otherwise be read from that memory, not measured.
_OPENERS = ("Today", "Here", "Again", "Now", "So", "Then", "Still", "Also", "Meanwhile", "Yet", "Indeed",
            "Next", "Later", "Earlier", "Overall", "Separately")


def corpus(n: int) -> list[str]:
    seed = SEED.read_text(encoding="utf-8")
    paras = [p for p in seed.split("\n\n") if p.strip()]
    rng = random.Random(7)
    out = [seed]
    while len(out) < n:
        ps = paras[:]
        rng.shuffle(ps)
        ps = [re.sub(r"(?<=[.!?] )([A-Z])", lambda m: f"{rng.choice(_OPENERS)}, {m.group(1).lower()}", p)
              for p in ps]
        out.append("\n\n".join(ps) + "\n")
    return out


def big_article(size: int, seed: int = 1) -> str:
    """About ``size`` bytes: the seed's paragraphs mixed with number-heavy trial sentences."""
    rng = random.Random(seed)
    base = [p for p in SEED.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    out, n = [], 0
    while n < size:
        if rng.random() < 0.5:
            p = rng.choice(base)
        else:
            a, b, c = rng.randint(10, 400), round(rng.uniform(1, 99), 1), round(rng.uniform(0.3, 1.5), 2)
            p = (f"In a group of {a} patients, {b}% had a relapse versus {round(rng.uniform(1, 99), 1)}% on placebo "
                 f"(HR {c}; 95% CI {c - 0.1:.2f}-{c + 0.2:.2f}; P = 0.0{rng.randint(1, 9)}). Over {rng.randint(2, 104)} "
                 f"weeks, {rng.randint(1, 50)} of {a} took 100,000 IU every {rng.randint(1, 4)} weeks.")
        out.append(p)
        n += len(p.encode("utf-8")) + 2
    return "\n\n".join(out) + "\n"


_CACHE = tempfile.mkdtemp(prefix="msvitd-bench-cache-")


def child_env(cache: bool = True) -> dict:
    """The children's environment: bytecode written, msvitd's cache in this benchmark's folder (or off)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "MSVITD_NO_CACHE")}
    env["MSVITD_CACHE_DIR"] = _CACHE
    if not cache:
        env["MSVITD_NO_CACHE"] = "1"
    return env


def timed(cmd: list[str], stdin: str | None = None, env: dict | None = None) -> tuple[float, float]:
    """(wall, cpu) seconds of one run of ``cmd``; cpu is the child's user + sys time."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    a = time.perf_counter()
    subprocess.run(cmd, input=stdin, capture_output=True, text=True, cwd=ROOT, env=env or child_env())
    w = time.perf_counter() - a
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return w, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def paired(cmd: list[str], base: list[str], runs: int, stdin: str | None = None, cache: bool = True) -> dict:
    """``cmd`` and ``base`` in turn, ``runs`` pairs after a warm-up of each: medians and the median
    of the pair-by-pair ratios, for wall and CPU time."""
    env = child_env(cache)
    timed(cmd, stdin, env)
    timed(base, None, env)
    pairs = [(timed(cmd, stdin, env), timed(base, None, env)) for _ in range(runs)]
    med = statistics.median
    return {"wall_s": med(a[0] for a, _ in pairs), "cpu_s": med(a[1] for a, _ in pairs),
            "base_wall_s": med(b[0] for _, b in pairs), "base_cpu_s": med(b[1] for _, b in pairs),
            "wall_ratio": med(a[0] / b[0] for a, b in pairs),
            "cpu_ratio": med(a[1] / b[1] for a, b in pairs if b[1] > 0) if any(b[1] > 0 for _, b in pairs) else None}


def startup(runs: int) -> dict:
    """Each one-command figure against `msvitd --version`, run in turn with it."""
    version = [PY, "-m", "msvitd", "--version"]
    crit = [PY, "-m", "msvitd", "critique", str(SEED), "--format", "json", "--fail-on", "never"]
    line = "High-dose vitamin D may reduce disease activity in early MS.\n"
    return {
        "critique --source": paired(crit + ["--source", "d-lay-ms"], version, runs),
        "critique, study detected": paired(crit, version, runs),
        "critique --source, no cache": paired(crit + ["--source", "d-lay-ms"], version, runs, cache=False),
        "strength, one line": paired([PY, "-m", "msvitd", "strength", "-"], version, runs, stdin=line),
    }


_GOALS = {"critique --source": 2.5, "strength, one line": 2.0}


def report_startup(s: dict) -> None:
    print(f"{'one command (median of pairs)':34} {'wall ms':>8} {'cpu ms':>8}  {'vs --version: wall':>18} {'cpu':>6}")
    first = next(iter(s.values()))
    print(f"{'msvitd --version (the floor)':34} {first['base_wall_s'] * 1000:8.0f} {first['base_cpu_s'] * 1000:8.0f}"
          f"  {'1.0x':>18} {'1.0x':>6}")
    for name, f in s.items():
        goal = f"   (goal {_GOALS[name]}x)" if name in _GOALS else ""
        cpu = f"{f['cpu_ratio']:5.1f}x" if f["cpu_ratio"] else "    -"
        print(f"{name:34} {f['wall_s'] * 1000:8.0f} {f['cpu_s'] * 1000:8.0f}  {f['wall_ratio']:17.1f}x {cpu}{goal}")


def floor_seconds(texts: list[str], folder: Path) -> float:
    """Reading each text from a file and splitting it into sentences, nothing else."""
    from msvitd.text.sentences import split_sentences

    paths = []
    for i, t in enumerate(texts):
        p = folder / f"floor{i:04d}.txt"
        p.write_text(t, encoding="utf-8")
        paths.append(p)
    a = time.perf_counter()
    for p in paths:
        split_sentences(p.read_text(encoding="utf-8"))
    return time.perf_counter() - a


def engine(texts: list[str]) -> float:
    """Seconds to critique ``texts`` in this process (library and lexicon loaded beforehand)."""
    from msvitd.critique.engine import critique_text
    from msvitd.library import load_library
    from msvitd.text.lexicon import load_lexicon

    lib = load_library([ROOT / "evidence"])
    study = lib.study("d-lay-ms")
    others = [e.model for e in lib.studies.values()]
    lex = load_lexicon()
    critique_text(texts[0], study, others=others, lexicon=lex)  # warm: first-use caches
    a = time.perf_counter()
    for t in texts:
        critique_text(t, study, others=others, lexicon=lex)
    return time.perf_counter() - a


def cli_batch(paths: list[str], jobs: int) -> float:
    cmd = [PY, "-m", "msvitd", "critique", "--source", "d-lay-ms", "--format", "jsonl", "--fail-on", "never",
           "--jobs", str(jobs), *paths]
    a = time.perf_counter()
    subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    return time.perf_counter() - a


def measure(args) -> dict:
    r: dict = {"cpus": os.cpu_count(), "python": sys.version.split()[0], "load": os.getloadavg()[0]}
    r["startup"] = startup(args.runs)
    if args.startup_only:
        return r
    texts = corpus(args.articles)
    r["words_per_article"] = round(statistics.mean(len(t.split()) for t in texts))
    with tempfile.TemporaryDirectory() as d:
        folder = Path(d)
        r["engine_per_s"] = len(texts) / engine(texts)
        r["floor_per_s"] = len(texts) / floor_seconds(texts, folder)
        paths = []
        for i, t in enumerate(texts):
            p = folder / f"a{i:04d}.txt"
            p.write_text(t, encoding="utf-8")
            paths.append(str(p))
        r["jobs"] = {1: len(paths) / cli_batch(paths, 1)}
        if args.jobs > 1:
            r["jobs"][args.jobs] = len(paths) / cli_batch(paths, args.jobs)
        r["big"] = []
        for mb in args.sizes:
            text = big_article(int(mb * 1_000_000))
            p = folder / f"big{mb}.txt"
            p.write_text(text, encoding="utf-8")
            a = time.perf_counter()
            proc = subprocess.run([PY, "-m", "msvitd", "critique", str(p), "--source", "d-lay-ms", "--format", "json",
                                   "--fail-on", "never"], capture_output=True, text=True, cwd=ROOT)
            secs = time.perf_counter() - a
            r["big"].append({"mb": mb, "bytes": len(text.encode("utf-8")), "seconds": secs, "exit": proc.returncode,
                             "floor_s": floor_seconds([text], folder)})
    return r


def report(r: dict) -> None:
    print(f"machine: {r['cpus']} CPUs, Python {r['python']}, load average {r['load']:.1f} at the start")
    report_startup(r["startup"])
    if "engine_per_s" not in r:
        return
    print(f"one article = seed + shuffles, ~{r['words_per_article']} words")
    print(f"one process: {r['engine_per_s']:7.1f} articles/s   floor (read + split) {r['floor_per_s']:8.1f} articles/s"
          f"   floor/critique {r['floor_per_s'] / r['engine_per_s']:5.1f}x   (goal 200/s)")
    base = r["jobs"][1]
    print("CLI --jobs: " + "   ".join(f"--jobs {j}: {aps:6.1f} articles/s ({aps / base:3.1f}x)" for j, aps in r["jobs"].items()))
    if r["big"]:
        b0 = r["big"][0]
        for b in r["big"]:
            print(f"{b['bytes'] / 1e6:4.1f} MB article: {b['seconds']:7.1f} s (exit {b['exit']})   floor {b['floor_s']:5.2f} s"
                  f"   size x{b['bytes'] / b0['bytes']:3.1f}, time x{b['seconds'] / b0['seconds']:3.1f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--sizes", default="1,4.9", help="generated article sizes in MB (the limit is 5), comma-separated")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--startup-only", action="store_true", help="only the one-command figures against --version")
    args = ap.parse_args(argv)
    args.sizes = [float(s) for s in args.sizes.split(",") if s.strip()]
    r = measure(args)
    if args.json:
        print(json.dumps(r, indent=2))
    else:
        report(r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
