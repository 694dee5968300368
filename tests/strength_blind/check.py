"""Check the blind claim-strength files and print label counts under both conventions.

Run: python3 tests/strength_blind/check.py  (exit 1 on a malformed line, a bad label or a duplicate).
"""
import collections
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
LABELS = {"none", "correlational", "conditional", "direct"}
TAG = re.compile(r"# (conv:\w+) alt=(\w+)")


def load(name, ncols):
    """Rows as (fields, alt_label_or_None); a comment applies to the next sentence line."""
    rows, alt = [], None
    for no, line in enumerate((HERE / name).read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("#"):
            m = TAG.match(line)
            alt = m.group(2) if m else alt
            continue
        fields = line.split("\t")
        if len(fields) != ncols or any(f != f.strip() or not f for f in fields):
            sys.exit(f"{name}:{no}: expected {ncols} non-empty tab-separated columns")
        rows.append((fields, alt))
        alt = None
    return rows


def main():
    press = load("press_releases.tsv", 2)
    pairs = load("pairs.tsv", 4)
    bad = [f for f, _ in press if f[0] not in LABELS] + [f for f, _ in pairs if f[2] not in LABELS]
    bad += [f for f, a in press + pairs if a is not None and a not in LABELS]
    bad += [f for f, _ in pairs if f[1] not in ("abstract", "press")]
    sents = [f[-1].lower().rstrip(". ") for f, _ in press + pairs]
    dups = [s for s, n in collections.Counter(sents).items() if n > 1]
    sides = collections.Counter((f[0], f[1]) for f, _ in pairs)
    if bad or dups or any(n != 1 for n in sides.values()) or len(sides) != 2 * len({k[0] for k in sides}):
        sys.exit(f"bad labels/sides: {bad}; duplicates: {dups}; pair sides: {sides}")
    print(f"press_releases.tsv: {len(press)} sentences; pairs.tsv: {len(pairs) // 2} pairs")
    groups = [("press releases", [(f[0], a) for f, a in press])]
    for side in ("abstract", "press"):
        groups.append((f"pairs, {side}", [(f[2], a) for f, a in pairs if f[1] == side]))
    for title, labs in groups:
        main_c = collections.Counter(lab for lab, _ in labs)
        alt_c = collections.Counter(a or lab for lab, a in labs)
        print(f"{title:16} corpus convention: {dict(sorted(main_c.items()))}")
        print(f"{'':16} other convention:  {dict(sorted(alt_c.items()))}")


if __name__ == "__main__":
    main()
