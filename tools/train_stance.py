"""Train the learned stance model (model/importer/learned.py) on the annotated articles.

`python tools/train_stance.py [--report]`: every gold claim that some sentence of its article
overlaps (as the scorer counts it) gives an example: that sentence as the importer reads it
(its words, the rules' polarity, reported side and label, the article's lean and the
paragraph's), labelled with the gold stance, and a second one with the gold quote's own words
in the same context (trained on, not scored). The regularisation C and the confidence at which
the model overrides the rules are chosen by cross-validation over articles (grouped folds);
then the model is trained on all of them and written to model/importer/data/stance_model.json.
`--report` prints the nested leave-one-article-out estimate (each held-out article's
hyperparameters chosen inside the other articles only).

Objective for the choice: accuracy plus the lower of the pro and con accuracies (the goal asks
for both sides, so a one-sided model is penalised).
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from model.importer import learned, stance  # noqa: E402
from model.importer.evaluate import Locator, _matches, _overlap, raw_text  # noqa: E402
from model.importer.pipeline import prepare, rule_stance, stance_inputs  # noqa: E402

C_GRID = (1.0, 4.0)
MIN_GRID = (0.34, 0.4, 0.5, 0.6, 1.01)  # 0.34: the model always decides; 1.01: never
INNER_FOLDS = 3

# (text, gold label, polarity, side, lean, local, rule vote, rule label, section[, "gold words"])
Example = tuple


def stance_examples(article, gold: dict, raw: str) -> list[Example]:  # noqa: ANN001
    """Two examples per gold claim that a sentence overlaps: the sentence overlapping it most,
    read as the importer reads it, and the gold quote's own words in that sentence's context
    (the annotator's span says which words carry the stance). Only the first of each pair is
    scored in cross-validation (the importer sees sentences)."""
    _, sents, bodies, _ = prepare(article)
    inputs = stance_inputs(article.title, sents, bodies)
    loc = Locator(raw, article.text)
    spans = [loc.span(s.start, s.end) for s in sents]
    out = []
    for c in gold.get("claims", []):
        g = loc.quote(c["quote"])
        if not g or c.get("stance") not in learned.CLASSES:
            continue
        best, best_ov = None, 0
        for i, sp in enumerate(spans):
            if sp and _matches(g, sp) and _overlap(g, sp) > best_ov:
                best, best_ov = i, _overlap(g, sp)
        if best is None:
            continue
        label, conf = rule_stance(inputs, best)
        vote = learned.rule_vote(label, conf)
        context = (inputs.lean, inputs.local[best], vote, label, inputs.section[best])
        out.append((inputs.said[best], c["stance"], inputs.polarity[best], inputs.sides[best],
                    *context))  # fmt: skip
        words = quote_text(c["quote"])
        out.append((words, c["stance"], stance.polarity(words), stance.reported_side(words),
                    *context, "gold words"))  # fmt: skip
    return out


def quote_text(quote: str) -> str:
    """A gold quote's words (markup and entities out, spaces collapsed)."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html.unescape(quote))).strip()


def scored(group: Sequence[Example]) -> list[Example]:
    """The examples that stand for what the importer sees (sentences, not gold words)."""
    return [e for e in group if len(e) < 10]


def fit(groups: Sequence[Sequence[Example]], c: float, min_conf: float = 0.4,
        trained_on: str = "") -> learned.LinearStance:  # fmt: skip
    return learned.train(
        [e[:7] for g in groups for e in g], trained_on=trained_on, c=c, min_confidence=min_conf
    )


def predict(model: learned.LinearStance, e: Example, min_conf: float) -> str:
    """The label the importer gives this example (rules, or the model when confident)."""
    if e[8]:
        return e[7]
    probs = model.probabilities(e[0], e[2], e[3], lean=e[4], local=e[5], rule=e[6])
    top = max(probs, key=probs.__getitem__)
    return top if probs[top] >= min_conf else e[7]


def tally(pairs: Sequence[tuple[str, str]]) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for want, got in pairs:
        out.setdefault(want, [0, 0])
        out[want][0] += want == got
        out[want][1] += 1
    return out


def objective(per: dict[str, list[int]]) -> float:
    ok = sum(v[0] for v in per.values())
    n = sum(v[1] for v in per.values()) or 1
    sides = [per[k][0] / per[k][1] for k in ("pro", "con") if per.get(k, [0, 0])[1]]
    return ok / n + (min(sides) if sides else 0.0)


def choose(groups: Sequence[Sequence[Example]], folds: int = INNER_FOLDS) -> tuple[float, float]:
    """(C, min_confidence) with the best cross-validated objective, folds grouped by article."""
    k = min(folds, len(groups))
    parts = [list(range(j, len(groups), k)) for j in range(k)]
    pairs: dict[tuple[float, float], list[tuple[str, str]]] = {}
    for c in C_GRID:
        for held in parts:
            model = fit([g for j, g in enumerate(groups) if j not in held], c)
            for j in held:
                for e in scored(groups[j]):
                    for m in MIN_GRID:
                        pairs.setdefault((c, m), []).append((e[1], predict(model, e, m)))
    return max(pairs, key=lambda key: objective(tally(pairs[key])))


def train_fold(
    groups: Sequence[Sequence[Example]], trained_on: str = "fold"
) -> learned.LinearStance:
    """Hyperparameters chosen inside these articles only, then fitted on all of them."""
    c, m = choose(groups)
    return fit(groups, c, m, trained_on)


def build(items: list[dict], arts: list) -> list[tuple[dict, list[Example]]]:  # noqa: ANN001
    return [
        (it, stance_examples(art, it["gold"], raw_text(str(it["path"]), it["gold"])))
        for it, art in zip(items, arts)
        if not isinstance(art, Exception)
    ]


def main() -> int:
    from eval_loo import load

    from storage.articles import read_many

    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true", help="nested leave-one-article-out estimate")
    args = ap.parse_args()
    items = load()
    built = build(items, read_many([str(it["path"]) for it in items]))
    groups = [g for _, g in built]
    if args.report:
        pairs = []
        for k, (it, g) in enumerate(built):
            model = train_fold(groups[:k] + groups[k + 1 :])
            got = [(e[1], predict(model, e, model.min_confidence)) for e in scored(g)]
            pairs += got
            print(f"{it['corpus']}/{it['stem'][:30]:<30} C={model.c:<4} "
                  f"min={model.min_confidence:<4} {tally(got)}")  # fmt: skip
        per = tally(pairs)
        print("nested LOO:", {k: round(v[0] / v[1], 3) for k, v in per.items()},
              "accuracy", round(sum(v[0] for v in per.values()) / len(pairs), 3))  # fmt: skip
    names = sorted({it["corpus"] for it, _ in built})
    n = sum(len(scored(g)) for g in groups)
    model = train_fold(groups, f"{n} gold claims of {len(groups)} articles ({', '.join(names)})")
    learned.MODEL_FILE.write_text(json.dumps(model.to_json(), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {learned.MODEL_FILE.relative_to(ROOT)}: {model.trained_on}, C={model.c}, "
          f"min_confidence={model.min_confidence}, {len(model.vocab)} features")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
