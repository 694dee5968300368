"""Which study an article is about, without --source: right, declined, wrong, per set.

    python3 bench/detection_accuracy.py [--verbose] [--cli]
    python3 bench/detection_accuracy.py --languages [--verbose]

Sets: the development coverage (../shared/corpora/coverage-dev, real pieces about D-Lay MS; read
from there, skipped with a message when absent), the labelled critique corpora that name their
study (tests/critique_corpus/*.yaml, `detect:`), and the short articles written for detection
(tests/fixtures/detect/, trials not in the library, observational studies, two trials in one
article, French, German and Spanish cues). An article whose study is not in the library (or that
tells two trials equally) is right when declined and wrong when matched to any study. A decline
on a piece about a bundled study counts as declined, never as right.

--languages measures language detection instead, on texts too short for many function words:
the headlines of bench/data/headlines.yaml (5-15 words each, written for this benchmark, in
English, French, German and Spanish) and each coverage-dev piece's first line (its headline).
Right, undetermined (read as English and said so) and wrong (another language) per language;
the time per call is given as a ratio to the time of `scores` on the same text.

By default the public function `detect_study` is called in one process (the same one `critique`,
`diff` and `report` call); --cli runs `msvitd critique FILE --format json` per piece instead, with
the text prepared as the coverage scorer prepares it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEV = ROOT.parent / "shared" / "corpora" / "coverage-dev"
FIXTURES = ROOT / "tests" / "fixtures" / "detect"
NOT_ONE = ("none", "ambiguous")


def scorer_text(raw: str) -> str:
    """As score_coverage.py prepares a file: no URL line, the TITLE line as the headline."""
    out = []
    for ln in raw.split("\n"):
        if ln.startswith("URL: "):
            continue
        out.append(ln[len("TITLE: "):] if ln.startswith("TITLE: ") else ln)
    return "\n".join(out).strip() + "\n"


def sets() -> list[tuple[str, list[tuple[str, str, str]]]]:
    """(set name, [(label, text, expected study or none/ambiguous)])."""
    import yaml

    out = []
    if DEV.is_dir():
        labels = yaml.safe_load((DEV / "labels.yaml").read_text(encoding="utf-8"))
        by_lang: dict = {}
        for f in labels["files"]:
            text = scorer_text((DEV / f["file"]).read_text(encoding="utf-8"))
            by_lang.setdefault(f.get("language", "en"), []).append((f["file"], text, f.get("study") or "none"))
        out += [(f"coverage-dev {lang}", items) for lang, items in sorted(by_lang.items())]
    else:
        print(f"(coverage-dev skipped: {DEV} not found)")
    corpus = []
    for y in sorted((ROOT / "tests" / "critique_corpus").glob("*.yaml")):
        data = yaml.safe_load(y.read_text(encoding="utf-8")) or {}
        folder = y.with_suffix("")
        for item in data.get("articles") or []:
            if item.get("detect"):
                corpus.append((f"{folder.name}/{item['file']}", (folder / item["file"]).read_text(encoding="utf-8"),
                               item["detect"]))
    out.append(("critique corpora", corpus))
    labels = yaml.safe_load((FIXTURES / "labels.yaml").read_text(encoding="utf-8"))["files"]
    out.append(("own fixtures", [(n, (FIXTURES / n).read_text(encoding="utf-8"), want) for n, want in labels.items()]))
    return out


def judge(want: str, got: str | None) -> str:
    if got is None:
        return "right" if want in NOT_ONE else "declined"
    return "right" if got == want else "wrong"


def run_inprocess(items, studies):
    from msvitd.text.detect import NoStudy, detect_study

    for label, text, want in items:
        try:
            d = detect_study(text, studies)
            yield label, want, d.study_id, d.explain()
        except NoStudy as exc:
            yield label, want, None, str(exc)


def run_cli(items):
    with tempfile.TemporaryDirectory() as tmp:
        for label, text, want in items:
            p = Path(tmp) / Path(label).name
            p.write_text(text, encoding="utf-8")
            r = subprocess.run([sys.executable, "-m", "msvitd", "critique", str(p), "--format", "json",
                                "--fail-on", "never"], capture_output=True, text=True, cwd=ROOT)
            if r.returncode == 2:
                yield label, want, None, r.stderr.strip()
                continue
            src = json.loads(r.stdout).get("source", {})
            yield label, want, src.get("id"), src.get("detected") or ""


def language_sets() -> list[tuple[str, list[tuple[str, str]]]]:
    """(set name, [(expected language, short text)])."""
    import yaml

    heads = yaml.safe_load((ROOT / "bench" / "data" / "headlines.yaml").read_text(encoding="utf-8"))
    out = [("headlines", [(lang, t) for lang, items in heads.items() for t in items])]
    if DEV.is_dir():
        labels = yaml.safe_load((DEV / "labels.yaml").read_text(encoding="utf-8"))
        firsts = []
        for f in labels["files"]:
            lines = [ln for ln in scorer_text((DEV / f["file"]).read_text(encoding="utf-8")).split("\n") if ln.strip()]
            firsts.append((f.get("language", "en"), lines[0]))
        out.append(("coverage-dev headlines", firsts))
    else:
        print(f"(coverage-dev skipped: {DEV} not found)")
    return out


def languages(verbose: bool) -> int:
    import time

    from msvitd.text.language import detect_language, scores

    print(f"{'set':<24} {'lang':<4} {'texts':>5} {'right':>6} {'undetermined':>13} {'wrong':>6}")
    for name, items in language_sets():
        by: dict = {}
        for want, text in items:
            got = detect_language(text).code
            verdict = "right" if got == want else ("undetermined" if got is None else "wrong")
            by.setdefault(want, {"right": 0, "undetermined": 0, "wrong": 0})[verdict] += 1
            if verbose or verdict == "wrong":
                print(f"  {verdict:<12} {want} -> {got or '?'}: {text[:80]}")
        for lang, c in sorted(by.items()):
            print(f"{name:<24} {lang:<4} {sum(c.values()):>5} {c['right']:>6} {c['undetermined']:>13} {c['wrong']:>6}")
    texts = [t for _, items in language_sets() for _, t in items]
    t0 = time.perf_counter()
    for _ in range(20):
        for t in texts:
            scores(t)
    base = time.perf_counter() - t0
    from msvitd.text import language

    t0 = time.perf_counter()
    for _ in range(20):
        language._detect.cache_clear()  # each text detected afresh, not from the cache
        for t in texts:
            detect_language(t)
    print(f"detect_language / scores on these texts: {(time.perf_counter() - t0) / base:.1f}x")
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="print every piece with the reason")
    ap.add_argument("--cli", action="store_true", help="run `msvitd critique` per piece instead of the function")
    ap.add_argument("--languages", action="store_true", help="language detection on short texts instead")
    a = ap.parse_args(argv)
    if a.languages:
        return languages(a.verbose)
    from msvitd.library import load_library

    studies = {k: e.model for k, e in load_library([ROOT / "evidence"]).studies.items()}
    total = {"right": 0, "declined": 0, "wrong": 0}
    print(f"{'set':<22} {'pieces':>6} {'right':>6} {'declined':>9} {'wrong':>6}")
    for name, items in sets():
        counts = {"right": 0, "declined": 0, "wrong": 0}
        rows = list(run_cli(items) if a.cli else run_inprocess(items, studies))
        for label, want, got, why in rows:
            verdict = judge(want, got)
            counts[verdict] += 1
            if a.verbose or verdict == "wrong":
                print(f"  {verdict:<8} {label}: expected {want}, got {got or 'no pick'}: {why[:160]}")
        for k in total:
            total[k] += counts[k]
        print(f"{name:<22} {len(rows):>6} {counts['right']:>6} {counts['declined']:>9} {counts['wrong']:>6}")
    print(f"{'all':<22} {sum(total.values()):>6} {total['right']:>6} {total['declined']:>9} {total['wrong']:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
