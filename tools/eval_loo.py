"""Leave-one-article-out evaluation of the importer on every annotated corpus.

`python tools/eval_loo.py [--json OUT] [--rules-only] [--folds K]`: for each annotated article, the learned
claim ranker (model/importer/ranker.py, its hyperparameters chosen by cross-validation inside
the other articles: nested) and the learned stance model (model/importer/learned.py) are
trained on the gold claims of all *other* articles, the article is imported with them, and the
proposals are scored (model/importer/evaluate.py). Rule-based parts are the same for every fold.
Prints per-article rows and per-corpus totals. With `--folds K` the articles are held out in K
folds (article i in fold i mod K) rather than one at a time: K trainings instead of one per
article, a slightly harder estimate (each model sees 1/K fewer articles).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.importer import propose  # noqa: E402
from model.importer.evaluate import rates, raw_text, score_article, total  # noqa: E402
from storage.articles import ArticleError, read_many  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import train_ranker  # noqa: E402
import train_stance  # noqa: E402

CORPORA = {
    "eval": ROOT / "../shared/eval",
    "dev": ROOT / "tests/fixtures/eval_dev",
    "corpus": ROOT / "eval/corpus",
    "formats": ROOT / "tests/fixtures/eval_formats",
    # The first two held-out sets, spent on development by the fourth round of issue 12, are
    # training data since its fifth (docs/import.md, "Stance, fifth round").
    "unseen": ROOT / "tests/fixtures/eval_unseen",
    "unseen2": ROOT / "tests/fixtures/eval_unseen2",
    # The third and fourth, spent on chrome and caption development by the end of the fifth
    # round, are training data since the sixth.
    "unseen3": ROOT / "tests/fixtures/eval_unseen3",
    "unseen4": ROOT / "tests/fixtures/eval_unseen4",
    # The fifth and sixth, each scored once and then spent on chrome and trend-fact development
    # (the sixth and seventh rounds), are training data since the eighth.
    "unseen5": ROOT / "tests/fixtures/eval_unseen5",
    "unseen6": ROOT / "tests/fixtures/eval_unseen6",
    # The seventh, scored once in the eighth round and then spent on the chat rule and chrome,
    # is training data since the ninth; the eighth set is the held-out one.
    "unseen7": ROOT / "tests/fixtures/eval_unseen7",
    # The eighth, ninth and tenth, each scored once (the ninth to eleventh rounds) and then spent
    # on chrome, trend-fact and title development, are training data since the twelfth.
    "unseen8": ROOT / "tests/fixtures/eval_unseen8",
    "unseen9": ROOT / "tests/fixtures/eval_unseen9",
    "unseen10": ROOT / "tests/fixtures/eval_unseen10",
    # The eleventh and twelfth, each scored once in the twelfth round and then spent on chrome,
    # reading and trend-fact development, are training data since the thirteenth.
    "unseen11": ROOT / "tests/fixtures/eval_unseen11",
    "unseen12": ROOT / "tests/fixtures/eval_unseen12",
}


def load() -> list[dict]:
    """Every annotated article: corpus name, stem, gold, path."""
    out = []
    for name, folder in CORPORA.items():
        for gold_path in sorted((folder / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            rel = gold.get("article", "")
            path = next((c for c in (folder / rel, ROOT / rel) if rel and c.is_file()), None)
            if path is not None:
                out.append({"corpus": name, "stem": gold_path.stem, "gold": gold, "path": path})
    return out


def _train_without(fold: int, fold_of: dict, stances: dict, tables: dict) -> tuple:
    """The stance model and the claim ranker trained on every article outside this fold."""
    stance = train_stance.train_fold([g for j, g in stances.items() if fold_of[j] != fold])
    ranks = train_ranker.train_fold([t for j, t in tables.items() if fold_of[j] != fold])
    return stance, ranks


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", help="write the per-article counts here")
    ap.add_argument("--rules-only", action="store_true", help="no learned model")
    ap.add_argument("--folds", type=int, default=0, help="hold out K folds of articles, not one")
    args = ap.parse_args()
    items = load()
    arts = read_many([str(it["path"]) for it in items])
    tables, stances = {}, {}
    if not args.rules_only:
        tables = {id(it): t for it, t in train_ranker.build(items, arts)}
        stances = {id(it): g for it, g in train_stance.build(items, arts)}
    fold_of = {id(it): (i % args.folds if args.folds else i) for i, it in enumerate(items)}
    trained: dict[int, tuple] = {}
    rows = []
    for it, art in zip(items, arts):
        if isinstance(art, ArticleError):
            print(f"{it['stem']}: {art}", file=sys.stderr)
            continue
        model = ranks = None
        if not args.rules_only:
            fold = fold_of[id(it)]
            if fold not in trained:
                trained[fold] = _train_without(fold, fold_of, stances, tables)
            model, ranks = trained[fold]
        result = propose(art, [], "thesis", stance_model=model, claim_model=ranks)
        raw = raw_text(str(it["path"]), it["gold"])
        rows.append((it, score_article(raw, it["gold"], result)))
    head = ("article", "recall≥2", "precision", "stance", "pro", "con", "facts", "leak")
    print(" | ".join(f"{h:>9}" for h in head))

    def line(name: str, c: dict) -> str:
        r = rates(c)
        pc = c["stance_per_class"]
        cls = [
            f"{pc[k][0] / pc[k][1]:.3f}" if pc.get(k, [0, 0])[1] else "—" for k in ("pro", "con")
        ]
        fact = f"{r['trend_fact_recall']:.3f}" if c["facts"] else "—"
        vals = (r["recall_imp2"], r["precision"], r["stance_accuracy"])
        nums = [("—" if v is None else f"{v:.3f}") for v in vals] + cls
        nums += [fact, f"{r['boilerplate_leakage'] or 0:.3f}"]
        return " | ".join(f"{x:>9}" for x in [name[:9], *nums])

    for it, c in rows:
        print(line(it["stem"], c))
    for name in CORPORA:
        group = [c for it, c in rows if it["corpus"] == name]
        if group:
            print(line(f"={name}", total(group)))
    print(line("=ALL", total([c for _, c in rows])))
    if args.json:
        Path(args.json).write_text(
            json.dumps([{"corpus": it["corpus"], "article": it["stem"], **c} for it, c in rows],
                       indent=1, default=str), encoding="utf-8")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
