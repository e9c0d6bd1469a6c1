"""Train the stance model (model/importer/learned.py) on the annotated articles.

`python tools/train_stance.py [--report]`: every gold claim that some sentence of its article
overlaps (as the scorer counts it) gives an example: that sentence as the importer reads it (the
rules' evidence, the camp it reports, its paragraph, section and the article's title), labelled
with the gold stance, and its meaning vector (model/importer/meaning.py). A meaning pass (pro vs
con from the vector alone) is fitted first; every training article's meaning features come from
a meaning pass fitted without it (out of fold), so the later passes learn what an honest meaning
reading is worth. Then training is two-pass, as the importer runs: an article model (the
annotators' overall stance, pro vs con, from four measures of the article's own voice; mixed
articles are left out of it) gives the article's lean — for each training article from a model
fitted on the other training articles, so the stance model learns how much an honest lean is
worth — and the stance model reads the sentence plus that lean. The regularisation C is
chosen by cross-validation over articles (grouped folds); the model trained on all of them is
written to model/importer/data/stance_model.json (the kernel passes' support vectors to
stance_vectors.npz beside it). `--report` prints the nested
leave-one-article-out estimate (each held-out article's C chosen inside the other articles
only), its leave-one-author-out twin, and the in-sample score (the gap is the overfit).

Objective for the choice: accuracy plus the lower of the pro and con accuracies (the goal asks
for both sides, so a one-sided model is penalised).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import numpy as np  # noqa: E402
from folds import out_of_fold  # noqa: E402

from model.importer import learned, meaning  # noqa: E402
from model.importer.evaluate import Locator, _matches, _overlap, raw_text  # noqa: E402
from model.importer.pipeline import (  # noqa: E402
    article_row,
    prepare,
    rule_stance,
    rules_decide,
    sentence_rows,
    stance_inputs,
    with_turns,
)

C_GRID = (0.03, 0.1, 0.3, 1.0)
ARTICLE_C = 0.1  # ~25 labelled articles, four standardised measures: strong regularisation
INNER_FOLDS = 3
LEAN_FOLDS = 5
MEANING_C = 3.0  # the kernel passes' C: 0.665 at 3, 0.668 at 10, 0.648 at 1 (quote level, LOO)
MEANING_FOLDS = 5
NEUTRAL_C = 1.0  # the neutral pass: 0.666 at 0.1 and at 1 (ten folds, 135 articles, without plain)


def stance_examples(article, gold: dict, raw: str) -> dict:  # noqa: ANN001
    """One article's training material: its article features and overall stance (for its lean),
    its title's polarity, and one example per gold claim that a sentence overlaps — the sentence
    overlapping it most, with its paragraph, section, the title's polarity, whether the rules
    call it neutral by its shape, and the gold label."""
    _, sents, bodies, _ = prepare(article)
    inputs = stance_inputs(article.title, sents, bodies)
    rows = sentence_rows(inputs, None)
    inputs = with_turns(inputs, sents, rows)
    vecs = meaning.vectors(inputs.said)
    attributed = learned.SENTENCE.index("attributed")
    body = inputs.body
    own = [body[k] for k in learned.own_voice([inputs.sides[i] for i in body],
                                              [bool(rows[i][attributed]) for i in body])]  # fmt: skip
    loc = Locator(raw, article.text)
    spans = [loc.span(s.start, s.end) for s in sents]
    examples = []
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
        fixed = label if rules_decide(inputs, best, label, conf) else ""
        examples.append({
            "text": inputs.said[best], "label": c["stance"], "row": rows[best],
            "paragraph": inputs.paragraph[best], "section": inputs.section[best], "rule": fixed,
            "vec": vecs[best], "turn": inputs.turns[best],
        })  # fmt: skip
    return {
        "article": article_row(inputs, rows),
        "overall": gold.get("stance_overall", ""),
        "title": inputs.title_polarity,
        "examples": examples,
        "own_vecs": vecs[own],
    }


class Passes(NamedTuple):
    """The passes over sentence vectors (None without WordLlama or without both labels)."""

    meaning: learned.Kernel | None
    voice: learned.Kernel | None
    plain: learned.Kernel | None = None


def fit_meaning(groups: Sequence[dict]) -> Passes:
    """The meaning pass (pro vs con from the sentence vector alone), the voice pass (whether
    a claim of a pro or con article agrees with its article, from the same vector) and the
    plain pass (neutral against sided, over every claim the rules leave to the model)."""
    sided = _sided(groups)
    if not meaning.available() or len({e["label"] for _, e in sided}) < 2:
        return Passes(None, None)
    sense = learned.fit_kernel([e["vec"] for _, e in sided], [e["label"] for _, e in sided],
                               MEANING_C)  # fmt: skip
    own = [(g, e) for g, e in sided if g["overall"] in ("pro", "con")]
    agrees = ["pro" if e["label"] == g["overall"] else "con" for g, e in own]
    voice = (
        learned.fit_kernel([e["vec"] for _, e in own], agrees, MEANING_C)
        if len(set(agrees)) > 1
        else None
    )
    free = [e for g in groups for e in g["examples"] if not e["rule"]]
    if not any(e["label"] == "neutral" for e in free):
        return Passes(sense, voice)
    plain = learned.fit_kernel([e["vec"] for e in free], [e["label"] for e in free], MEANING_C,
                               positive="neutral")  # fmt: skip
    return Passes(sense, voice, plain)


def attach(group: dict, passes: Passes) -> dict:
    """The group with its meaning features filled in by these passes: each example's last two
    sentence features (meaning, voice) and the article's own-voice meaning."""
    vecs = [e["vec"] for e in group["examples"]]
    pols = learned.meaning_polarity(passes.meaning, vecs)
    voices = learned.meaning_polarity(passes.voice, vecs)
    plains = learned.meaning_polarity(passes.plain, vecs)
    own = learned.meaning_polarity(passes.meaning, group["own_vecs"])
    examples = [
        {**e, "row": [*e["row"][:-2], m, v], "plain": n}
        for e, m, v, n in zip(group["examples"], pols, voices, plains)
    ]
    article = [*group["article"][:-1], float(np.mean(own)) if own else 0.0]
    return {**group, "examples": examples, "article": article}


def out_of_fold_meaning(groups: Sequence[dict]) -> list[dict]:
    """The groups with meaning features from meaning models that never saw them, so the later
    passes learn how far an honest meaning reading is worth trusting."""
    return out_of_fold(groups, fit_meaning, attach, MEANING_FOLDS)


def _ctx(group: dict, e: dict, lean: float) -> list[float]:
    title = group["title"]
    turn = e.get("turn", learned.NO_TURN)
    return learned.context_features(e["row"], lean, e["paragraph"], e["section"], title, turn)


def _sided(groups: Sequence[dict]) -> list[tuple[dict, dict]]:
    return [(g, e) for g in groups for e in g["examples"] if e["label"] in ("pro", "con")]


def _article_model(groups: Sequence[dict]) -> learned.Logit:
    """Pro vs con articles (the annotators' overall stance; mixed ones say nothing of a side)."""
    sided = [g for g in groups if g["overall"] in ("pro", "con")]
    if len({g["overall"] for g in sided}) < 2:
        return learned.Logit([0.0] * len(learned.ARTICLE), 0.0)
    return learned.fit_scaled_logit(
        [g["article"] for g in sided], [g["overall"] for g in sided], ARTICLE_C
    )


def out_of_fold_leans(groups: Sequence[dict]) -> list[float]:
    """Each article's lean by an article model that never saw it (leave one article out)."""
    leans = []
    for i, g in enumerate(groups):
        model = _article_model([h for j, h in enumerate(groups) if j != i])
        leans.append(learned.GeneralStance(model, model).lean(g["article"]))
    return leans


def fit(
    groups: Sequence[dict],
    c: float,
    sense: Passes,
    trained_on: str = "",
    leans: Sequence[float] | None = None,
) -> learned.GeneralStance:
    """The article and stance passes on these articles (their meaning features filled in out
    of fold) with regularisation c of the stance model, and the meaning pass `sense` fitted on
    all of them (with the voice pass); leans, when given, are out_of_fold_leans(groups), which do not depend on c."""
    leans = out_of_fold_leans(groups) if leans is None else leans
    x, y = [], []
    for g, lean in zip(groups, leans):
        for e in g["examples"]:
            if e["label"] in ("pro", "con"):
                x.append([*e["row"], *_ctx(g, e, lean)])
                y.append(e["label"])
    stance = learned.fit_logit(x, y, c)
    return learned.GeneralStance(
        _article_model(groups), stance, trained_on, c, meaning=sense.meaning, voice=sense.voice,
        plain=sense.plain, neutral=_neutral_model(groups, leans, stance),
    )  # fmt: skip


def _neutral_features(g: dict, e: dict, lean: float, stance: learned.Logit) -> list[float]:
    p = stance.p_pro([*e["row"], *_ctx(g, e, lean)])
    return learned.neutral_features(e["text"], e["row"], lean, p, e.get("plain", 0.0))


def _neutral_model(
    groups: Sequence[dict], leans: Sequence[float], stance: learned.Logit
) -> learned.Logit | None:
    """Neutral against sided over the claims the rules leave to the model, without class
    weights (its probability is compared with the sides' as it stands)."""
    x, y = [], []
    for g, lean in zip(groups, leans):
        for e in g["examples"]:
            if not e["rule"]:
                x.append(_neutral_features(g, e, lean, stance))
                y.append(e["label"])
    if len({lab == "neutral" for lab in y}) < 2:
        return None
    return learned.fit_scaled_logit(x, y, NEUTRAL_C, positive="neutral", balanced=False)


def predict(
    model: learned.GeneralStance,
    groups: Sequence[dict],
    leans: Sequence[float] | None = None,
    attached: bool = False,
) -> list[tuple[str, str]]:
    """(gold, importer's label) for every example of these articles, as the importer labels;
    leans, when given, replace the article model's (tools/stance_lab.py --oracle-lean);
    `attached` groups already carry the model's meaning features (attach)."""
    out = []
    for k, g in enumerate(groups):
        g = g if attached else attach(g, Passes(model.meaning, model.voice, model.plain))
        lean = model.lean(g["article"]) if leans is None else leans[k]
        for e in g["examples"]:
            if e["rule"]:
                got = e["rule"]
            else:
                probs = model.probabilities(
                    e["row"], _ctx(g, e, lean), e["text"], e.get("plain", 0.0)
                )
                got = max(probs, key=probs.__getitem__)
            out.append((e["label"], got))
    return out


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


def choose(groups: Sequence[dict], folds: int = INNER_FOLDS) -> float:
    """The C with the best cross-validated objective, folds grouped by article."""
    k = min(folds, len(groups))
    pairs: dict[float, list] = {c: [] for c in C_GRID}
    for j in range(k):
        held = set(range(j, len(groups), k))
        train = [g for i, g in enumerate(groups) if i not in held]
        if not _sided(train):
            continue
        sense = fit_meaning(train)
        train = out_of_fold_meaning(train)
        leans = out_of_fold_leans(train)
        test = [attach(groups[i], sense) for i in sorted(held)]  # the same for every c
        for c in C_GRID:
            pairs[c] += predict(fit(train, c, sense, leans=leans), test, attached=True)
    return max(C_GRID, key=lambda c: (objective(tally(pairs[c])), c))


def train_fold(groups: Sequence[dict], trained_on: str = "fold") -> learned.GeneralStance:
    """C chosen inside these articles only, then the three passes fitted on all of them."""
    c = choose(groups)
    return fit(out_of_fold_meaning(groups), c, fit_meaning(groups), trained_on)


def build(items: list[dict], arts: list) -> list[tuple[dict, dict]]:  # noqa: ANN001
    return [
        (it, stance_examples(art, it["gold"], raw_text(str(it["path"]), it["gold"])))
        for it, art in zip(items, arts)
        if not isinstance(art, Exception)
    ]


def author_of(item: dict) -> str:
    """Who wrote the article (an unknown author is a group of one; co-authors join groups)."""
    name = str(item["gold"].get("author", "") or "unknown")
    return item["stem"] if name.lower() == "unknown" else name


def author_groups(items: Sequence[dict]) -> list[int]:
    """Group index per article: articles sharing any author are one group."""
    names = [{n.strip() for n in author_of(it).replace(" and ", ",").split(",")} for it in items]
    group = list(range(len(items)))
    for i in range(len(items)):
        for j in range(i):
            if names[i] & names[j]:
                old, new = group[i], group[j]
                group = [new if g == old else g for g in group]
    return group


def held_out(built: Sequence[tuple[dict, dict]], keys: Sequence[int]) -> list[tuple[str, str]]:
    """Nested estimate: each group of articles labelled by a model chosen and fitted without it."""
    pairs = []
    for key in sorted(set(keys)):
        train = [g for (_, g), k in zip(built, keys) if k != key]
        test = [g for (_, g), k in zip(built, keys) if k == key]
        pairs += predict(train_fold(train), test)
    return pairs


def summary(per: dict[str, list[int]]) -> str:
    n = sum(v[1] for v in per.values()) or 1
    acc = sum(v[0] for v in per.values()) / n
    sides = " ".join(f"{k} {v[0] / v[1]:.3f}" for k, v in sorted(per.items()))
    return f"accuracy {acc:.3f} ({sides}; n={n})"


def main() -> int:
    from eval_loo import load

    from storage.articles import read_many

    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true", help="nested held-out estimates")
    ap.add_argument(
        "--folds", type=int, default=0,
        help="the estimates over this many folds of articles (and of authors), not one out",
    )  # fmt: skip
    args = ap.parse_args()
    items = load()
    built = build(items, read_many([str(it["path"]) for it in items]))
    groups = [g for _, g in built]
    names = sorted({it["corpus"] for it, _ in built})
    n = sum(len(g["examples"]) for g in groups)
    model = train_fold(groups, f"{n} gold claims of {len(groups)} articles ({', '.join(names)})")
    meta = {"in_sample": summary(tally(predict(model, groups)))}
    if args.report:
        k = args.folds
        by = {"article": list(range(len(built))), "author": author_groups([it for it, _ in built])}
        for unit, keys in by.items():
            name = f"{k}_folds_by_{unit}" if k else f"leave_one_{unit}_out"
            meta[name] = summary(tally(held_out(built, [key % k for key in keys] if k else keys)))
    for name, value in meta.items():
        print(f"{name}: {value}")
    model = dataclasses.replace(model, meta=meta)
    model.save()
    print(f"wrote {learned.MODEL_FILE.relative_to(ROOT)}: {model.trained_on}, C={model.c}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
