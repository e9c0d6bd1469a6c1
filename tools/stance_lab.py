"""Quick stance diagnostics on the annotated articles (issue 12, sixth round).

`python tools/stance_lab.py [--c 0.3] [--oracle-lean] [--per-article]`: leave one article out
with the stance model's C fixed (the meaning pass and the article leans out of fold, as
tools/train_stance.py trains them), so that feature ideas can be compared on the same folds in
minutes rather than the nested estimate's hour. `--oracle-lean` puts the annotators' overall
stance (pro 0.8, con -0.8, mixed 0) in place of the learned lean, for training and testing: how
much of the error the lean explains. Per article it prints the lean and the accuracy on each side
(articles whose lean has the wrong sign marked "!!").
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_stance as ts  # noqa: E402
from eval_loo import load  # noqa: E402

from storage.articles import read_many  # noqa: E402

ORACLE = {"pro": 0.8, "con": -0.8}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--c", type=float, default=0.3, help="the stance model's C (fixed)")
    ap.add_argument("--oracle-lean", action="store_true")
    ap.add_argument("--per-article", action="store_true")
    args = ap.parse_args()
    items = load()
    built = ts.build(items, read_many([str(it["path"]) for it in items]))
    groups = [g for _, g in built]
    pairs, by_corpus = [], {}
    for i, (it, g) in enumerate(built):
        train = groups[:i] + groups[i + 1 :]
        oracle = [ORACLE.get(h["overall"], 0.0) for h in train] if args.oracle_lean else None
        sense = ts.fit_meaning(train)
        model = ts.fit(ts.out_of_fold_meaning(train), args.c, sense, leans=oracle)
        lean = [ORACLE.get(g["overall"], 0.0)] if args.oracle_lean else None
        got = ts.predict(model, [g], lean)
        pairs += got
        by_corpus.setdefault(it["corpus"], []).extend(got)
        if args.per_article:
            lean = model.lean(
                ts.attach(g, ts.Passes(model.meaning, model.voice, model.plain))["article"]
            )
            wrong = g["overall"] in ORACLE and lean * ORACLE[g["overall"]] < 0
            print(f"{'!!' if wrong else '  '}{it['corpus']:8} {it['stem'][:28]:28} "
                  f"{g['overall']:5} lean {lean:+.2f}  {ts.summary(ts.tally(got))}")  # fmt: skip
    for name, got in by_corpus.items():
        print(f"  {name:8} {ts.summary(ts.tally(got))}")
    print(f"all: {ts.summary(ts.tally(pairs))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
