#!/usr/bin/env python3
"""Train the claim-strength model and write msvitd/text/strength/data/weights-en.tsv.gz.

    pip install -e '.[train]'
    python3 scripts/train_strength.py            # train on ../shared/corpora/claim-strength/, write the weights
    python3 scripts/train_strength.py --check    # train again and compare with the shipped file (exit 1 if different)

The corpus (Yu, Li & Wang 2019, GPL-3) is read from ../shared/ beside the repository; it is not
copied into the project. Training is deterministic: the same corpus gives the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "claim-strength" / "pubmed_causal_language_use.csv"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--out", type=Path, default=None, help="where to write (default: the shipped weights file)")
    ap.add_argument("--check", action="store_true", help="compare with the shipped weights instead of writing")
    a = ap.parse_args()
    if not a.corpus.is_file():
        print(f"train_strength: {a.corpus}: corpus not found (it sits in ../shared beside the repository)",
              file=sys.stderr)
        return 2
    from msvitd.text.strength import model, train

    sentences, labels = train.read_corpus(a.corpus)
    m = train.train(sentences, labels)
    m.meta["corpus_sha256"] = hashlib.sha256(a.corpus.read_bytes()).hexdigest()
    m.meta["sentences"] = str(len(sentences))
    out = a.out or model.WEIGHTS
    if a.check:
        import gzip

        new = model.dumps(m)
        old = gzip.decompress(out.read_bytes()).decode("utf-8") if out.is_file() else ""
        same = new == old
        print(f"{out}: {'identical' if same else 'DIFFERENT'} ({len(m.weights)} features)")
        return 0 if same else 1
    data = model.write(m, out)
    print(f"wrote {out} ({len(m.weights)} features, {len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
