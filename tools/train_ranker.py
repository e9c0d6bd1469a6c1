"""Train the claim ranker (model/importer/ranker.py) on the annotated articles' gold claims.

`python tools/train_ranker.py [--report]`: builds one row per sentence of every annotated
article (the features the importer computes at run time; label 1 when the sentence overlaps a
gold claim, as the scorer counts it). A meaning pass (claim vs not from the sentence's meaning
vector alone, model/importer/meaning.py) is fitted first; every training article's meaning
columns come from a pass fitted without it (out of fold, by article), so the ranker learns what
an honest meaning reading is worth. Then the regularisation C, the proposal threshold and the
per-article cap (scale · n^exponent, claims.power_cap) are chosen by grouped cross-validation
over articles; the ranker is trained on all of them (with the meaning pass fitted on all) and
written to model/importer/data/claim_model.json. `--report` also prints the nested
leave-one-article-out estimate (each held-out article's meaning pass and hyperparameters
chosen inside the other articles only).

Objective for the choice: how far the worse of the two goals of issue 12 is met — recall (gold
claims of importance ≥ 2 found) over 0.80 and precision (proposals that overlap any gold claim)
over 0.60, micro-averaged over the held-out articles, after the same per-article cap as the
importer applies. F1 weighs the two alike and chose a precision the goal does not ask for at the
cost of the recall it does (docs/import.md, "Claim ranker, sixth round").
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402
from folds import out_of_fold  # noqa: E402

from model.importer import claims, meaning, ranker  # noqa: E402
from model.importer.evaluate import Locator, _matches, _overlap, _paraphrase  # noqa: E402
from model.importer.facts import find_facts  # noqa: E402
from model.importer.learned import Logit  # noqa: E402
from model.importer.pipeline import prepare  # noqa: E402

C_GRID = (0.03, 0.1, 0.3, 1.0)
T_GRID = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)
# (scale, exponent) of the cap: the gold's own growth is about 6 · n^0.39 claim sentences.
CAP_GRID = tuple((a, b) for b in (0.25, 0.3, 0.35, 0.4) for a in (8, 10, 12, 14, 16))
INNER_FOLDS = 5
MEANING_C = 1.0  # the meaning pass: 256 unit-vector dimensions, ~9,000 sentences
MEANING_FOLDS = 5
RECALL_GOAL, PRECISION_GOAL = 0.80, 0.60  # issue 12's goals for claims
IMPORTANCE_WEIGHT = {1: 1.0, 2: 2.0, 3: 3.0}  # a missed key claim costs more than a minor one


@dataclass
class Table:
    """One article's sentences: feature rows, labels, and what each would count for."""

    rows: list[list[float]] = field(default_factory=list)
    index: list[int] = field(default_factory=list)  # sentence index of each row
    texts: list[str] = field(default_factory=list)  # the sentence bodies (for experiments)
    label: list[int] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)
    correct: list[bool] = field(default_factory=list)  # counts as a precise proposal
    finds: list[frozenset[int]] = field(default_factory=list)  # gold imp ≥ 2 claims it finds
    n_units: int = 0
    n_gold2: int = 0
    vecs: Any = None  # the rows' meaning vectors (model/importer/meaning.py), one per row


def table(article, gold: dict, raw: str) -> Table:  # noqa: ANN001
    """The rows the importer would score for this article, labelled against its gold."""
    text, sents, bodies, _ = prepare(article)
    facts = find_facts(text)
    vecs = meaning.vectors(claims.said(sents))
    spans = [(f.start, f.end) for f in facts]
    _, rows = claims.unit_rows(sents, bodies, spans, article.title, vectors=vecs)
    loc = Locator(raw, article.text)
    gold_claims = [(c, loc.quote(c["quote"])) for c in gold.get("claims", [])]
    fact_spans = [loc.quote(f["quote"]) for f in gold.get("trend_facts", [])]
    t = Table(n_units=len(sents))
    t.n_gold2 = sum(1 for c, _ in gold_claims if int(c.get("importance", 1)) >= 2)
    for i, (s, row) in enumerate(zip(sents, rows)):
        if row is None:
            continue
        span = loc.span(s.start, s.end)
        hits = [(k, c) for k, (c, g) in enumerate(gold_claims) if span and g and _matches(g, span)]
        imp = max((int(c.get("importance", 1)) for _, c in hits), default=0)
        ok = bool(hits) or any(span and g and _overlap(g, span) > 0 for _, g in gold_claims)
        ok = ok or any(_paraphrase(s.text, c["quote"]) for c, _ in gold_claims)
        ok = ok or any(span and g and _overlap(g, span) > 0 for g in fact_spans)
        t.rows.append(row)
        t.index.append(i)
        t.texts.append(bodies[i])
        t.label.append(int(bool(hits)))
        t.weight.append(IMPORTANCE_WEIGHT.get(imp, 1.0) if hits else 1.0)
        t.correct.append(ok)
        t.finds.append(frozenset(k for k, c in hits if int(c.get("importance", 1)) >= 2))
    t.vecs = vecs[t.index]
    return t


def fit_meaning(tables: Sequence[Table]) -> Logit | None:
    """The meaning pass on these articles' rows (None without WordLlama or without both labels),
    with the same labels and weights as the ranker."""
    labels = [y for t in tables for y in t.label]
    if not meaning.available() or len(set(labels)) < 2:
        return None
    vecs = np.concatenate([t.vecs for t in tables])
    weights = [w for t in tables for w in t.weight]
    return ranker.fit_meaning(vecs, labels, weights, MEANING_C)


def attach(t: Table, sense: Logit | None) -> Table:
    """The table with its rows' meaning feature (the last) given by this meaning pass."""
    scores = ranker.meaning_scores(sense, t.vecs)
    return replace(t, rows=[[*r[:-1], m] for r, m in zip(t.rows, scores)])


def out_of_fold_meaning(tables: Sequence[Table]) -> list[Table]:
    """The tables with meaning features from meaning passes that never saw them (folds grouped
    by article), so the ranker learns how far an honest meaning reading is worth trusting."""
    return out_of_fold(tables, fit_meaning, attach, MEANING_FOLDS)


def fit(
    tables: Sequence[Table], c: float, threshold: float = 0.5, sense: Logit | None = None
) -> ranker.LinearRanker:
    rows = [r for t in tables for r in t.rows]
    labels = [y for t in tables for y in t.label]
    weights = [w for t in tables for w in t.weight]
    return ranker.train(rows, labels, weights, c=c, threshold=threshold, meaning=sense)


def ranked(model: ranker.LinearRanker, t: Table) -> tuple[list[float], list[int], list[int]]:
    """The article's rows best first: their negated probabilities (ascending, for bisect), and
    after each k of them the number
    of gold imp ≥ 2 claims found and of correct proposals (so any cut is counted in O(1))."""
    order = sorted(((model.probability(r), k) for k, r in enumerate(t.rows)), reverse=True)
    found: set[int] = set()
    n_found, n_correct, correct = [0], [0], 0
    for _, k in order:
        found |= t.finds[k]
        correct += t.correct[k]
        n_found.append(len(found))
        n_correct.append(correct)
    return [-p for p, _ in order], n_found, n_correct


def cut(
    view: tuple[list[float], list[int], list[int]], t: Table, threshold: float, limit: int
) -> tuple[int, int, int, int]:
    """(gold imp ≥ 2 found, gold imp ≥ 2, correct proposals, proposals) for one cut."""
    neg, n_found, n_correct = view
    k = min(limit, bisect.bisect_right(neg, -threshold))  # the rows with p ≥ threshold, capped
    return n_found[k], t.n_gold2, n_correct[k], k


def counts(
    model: ranker.LinearRanker, t: Table, threshold: float, cap: tuple[float, float] | None = None
) -> tuple[int, int, int, int]:
    """(gold imp ≥ 2 found, gold imp ≥ 2, correct proposals, proposals) at this threshold and
    cap (default: the model's own)."""
    limit = claims.power_cap(t.n_units, *cap) if cap else claims.cap(t.n_units, model)
    return cut(ranked(model, t), t, threshold, limit)


def f1(total: Sequence[int]) -> float:
    found, gold, correct, proposed = total
    r = found / gold if gold else 0.0
    p = correct / proposed if proposed else 0.0
    return 2 * r * p / (r + p) if r + p else 0.0


def attainment(total: Sequence[int]) -> float:
    """The worse of recall / RECALL_GOAL and precision / PRECISION_GOAL (≥ 1: both goals met)."""
    found, gold, correct, proposed = total
    r = found / gold if gold else 0.0
    p = correct / proposed if proposed else 0.0
    return min(r / RECALL_GOAL, p / PRECISION_GOAL)


def choose(
    tables: Sequence[Table], folds: int = INNER_FOLDS
) -> tuple[float, float, tuple[float, float]]:
    """(C, threshold, cap) with the best cross-validated attainment, folds grouped by article."""
    k = min(folds, len(tables))
    groups = [list(range(j, len(tables), k)) for j in range(k)]
    best, best_f = (1.0, 0.5, CAP_GRID[0]), -1.0
    for c in C_GRID:
        sums = {(t, cp): [0, 0, 0, 0] for t in T_GRID for cp in CAP_GRID}
        for held in groups:
            model = fit([tb for j, tb in enumerate(tables) if j not in held], c)
            for j in held:
                view = ranked(model, tables[j])
                for t, cp in sums:
                    got = cut(view, tables[j], t, claims.power_cap(tables[j].n_units, *cp))
                    sums[t, cp] = [a + b for a, b in zip(sums[t, cp], got)]
        for (t, cp), total in sums.items():
            if (score := attainment(total)) > best_f + 1e-9:
                best, best_f = (c, t, cp), score
    return best


def train_fold(tables: Sequence[Table], trained_on: str = "fold") -> ranker.LinearRanker:
    """Hyperparameters chosen inside these tables only, then fitted on all of them: their
    meaning features out of fold, the shipped meaning pass fitted on all of them."""
    tables = out_of_fold_meaning(tables)
    c, t, cp = choose(tables)
    model = fit(tables, c, t, fit_meaning(tables))
    return replace(model, threshold=t, c=c, trained_on=trained_on, cap_scale=cp[0],
                   cap_exponent=cp[1])  # fmt: skip


def build(items: list[dict], arts: list) -> list[tuple[dict, Table]]:  # noqa: ANN001
    from model.importer.evaluate import raw_text

    out = []
    for it, art in zip(items, arts):
        if isinstance(art, Exception):
            continue
        out.append((it, table(art, it["gold"], raw_text(str(it["path"]), it["gold"]))))
    return out


def main() -> int:
    from eval_loo import load

    from storage.articles import read_many

    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true", help="nested leave-one-article-out estimate")
    args = ap.parse_args()
    items = load()
    built = build(items, read_many([str(it["path"]) for it in items]))
    tables = [t for _, t in built]
    if args.report:
        tot = [0, 0, 0, 0]
        for k, (it, t) in enumerate(built):
            model = train_fold(tables[:k] + tables[k + 1 :])
            got = counts(model, attach(t, model.meaning), model.threshold)
            tot = [a + b for a, b in zip(tot, got)]
            print(f"{it['corpus']}/{it['stem'][:30]:<30} C={model.c:<5} t={model.threshold:<4} "
                  f"cap {model.cap_scale}·n^{model.cap_exponent} "
                  f"recall {got[0]}/{got[1]} precision {got[2]}/{got[3]}")  # fmt: skip
        print(f"nested LOO: recall {tot[0] / tot[1]:.3f} precision {tot[2] / tot[3]:.3f} "
              f"F1 {f1(tot):.3f}")  # fmt: skip
    names = sorted({it["corpus"] for it, _ in built})
    model = train_fold(
        tables,
        trained_on=f"{sum(len(t.rows) for t in tables)} sentences of {len(tables)} articles "
        f"({', '.join(names)})",
    )
    ranker.MODEL_FILE.write_text(json.dumps(model.to_json(), indent=1), encoding="utf-8")
    print(f"wrote {ranker.MODEL_FILE.relative_to(ROOT)}: C={model.c}, threshold={model.threshold}, "
          f"cap {model.cap_scale}·n^{model.cap_exponent}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
