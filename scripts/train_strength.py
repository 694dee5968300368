#!/usr/bin/env python3
"""Train the claim-strength model and write msvitd/text/strength/data/weights-en.tsv.gz and reader-en.npz.

    pip install -e '.[train]'
    python3 scripts/train_strength.py            # train on ../shared/corpora/claim-strength/, write the weights
    python3 scripts/train_strength.py --check    # train again and compare with the shipped files (exit 1 if different)
    python3 scripts/train_strength.py --linear-only   # the linear model only (no torch needed)

The reader (msvitd/text/strength/reader.py) is trained with torch (`pip install torch==2.13.0`) from
the static word vectors of scripts/data/word-vectors-en.npz (scripts/word_vectors.py derives them);
the weight of the linear model in the two models' average is fixed (0.5, train_reader.SETTINGS).

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
    ap.add_argument("--linear-only", action="store_true", help="train and write (or check) the linear model only")
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
    status = _linear(m, out, a.check)
    if not a.linear_only:
        status |= _reader(sentences, labels, a.check)
    return status


def _linear(m, out: Path, check: bool) -> int:
    from msvitd.text.strength import model

    if check:
        import gzip

        new = model.dumps(m)
        old = gzip.decompress(out.read_bytes()).decode("utf-8") if out.is_file() else ""
        same = new == old
        print(f"{out}: {'identical' if same else 'DIFFERENT'} ({len(m.weights)} features)")
        return 0 if same else 1
    data = model.write(m, out)
    print(f"wrote {out} ({len(m.weights)} features, {len(data)} bytes)")
    return 0


def _reader(sentences: list[str], labels: list[str], check: bool) -> int:
    """The reader, trained on the whole corpus (the weight of the average: train_reader.SETTINGS "mix")."""
    from msvitd.text.strength import reader, train, train_reader

    vectors = train.load_vectors()
    settings = dict(train_reader.SETTINGS)
    data = train_reader.dumps(train_reader.train(sentences, labels, settings, vectors))
    out = reader.READER
    if check:
        same = out.is_file() and out.read_bytes() == data
        print(f"{out}: {'identical' if same else 'DIFFERENT'} (mix {settings['mix']})")
        return 0 if same else 1
    out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes, mix {settings['mix']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
