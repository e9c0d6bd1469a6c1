"""The training tools label what the scorer counts: a sentence is a positive example of a claim
when it overlaps a gold claim as the scorer matches them, and a gold claim's stance example is
the sentence that overlaps it most. Hyperparameters come from the tools' grids, chosen inside
the training articles only."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import train_ranker  # noqa: E402
import train_stance  # noqa: E402

from model.importer import Article, learned  # noqa: E402

TEXT = (
    "Scaling current models will not by itself produce general intelligence. "
    "The cafeteria serves soup on Tuesdays. "
    "Returns to compute keep falling on the benchmarks that matter. "
    "Some researchers still expect bigger models to keep surprising us."
)
GOLD = {
    "claims": [
        {"quote": "Scaling current models will not by itself produce general intelligence",
         "stance": "con", "importance": 3},
        {"quote": "Some researchers still expect bigger models to keep surprising us",
         "stance": "pro", "importance": 1},
    ],
}  # fmt: skip


def test_sentences_are_labelled_as_the_scorer_matches_them() -> None:
    t = train_ranker.table(Article(TEXT, title="A test"), GOLD, TEXT)
    by_text = {t.texts[k]: k for k in range(len(t.rows))}
    first = next(k for s, k in by_text.items() if s.startswith("Scaling current"))
    soup = next(k for s, k in by_text.items() if "cafeteria" in s)
    last = next(k for s, k in by_text.items() if s.startswith("Some researchers"))
    assert t.label[first] == 1 and t.finds[first] == frozenset({0})  # importance ≥ 2: recall
    assert t.label[soup] == 0 and not t.correct[soup]
    assert t.label[last] == 1 and t.finds[last] == frozenset()  # importance 1: precision only
    assert t.weight[first] > t.weight[last]
    assert t.n_gold2 == 1


def test_stance_examples_take_the_gold_label_of_the_sentence_that_overlaps_most() -> None:
    g = train_stance.stance_examples(Article(TEXT, title="A test"), GOLD, TEXT)
    assert [(e["text"][:20], e["label"]) for e in g["examples"]] == [
        ("Scaling current mode", "con"),
        ("Some researchers sti", "pro"),
    ]
    assert len(g["article"]) == len(learned.ARTICLE)  # the article's lean comes from its body


def test_training_articles_get_their_lean_from_a_model_that_never_saw_them() -> None:
    """The stance model learns what an honest lean is worth: an article's lean in training comes
    from an article model fitted on the other articles only."""
    groups = []
    for k in range(6):
        side = "pro" if k % 2 else "con"
        sign = 1.0 if side == "pro" else -1.0
        feats = [sign * 0.1 - 0.05, sign * 0.5, 0.0]
        groups.append({"article": feats, "overall": side, "title": 0.0, "examples": []})
    leans = train_stance.out_of_fold_leans(groups)
    assert all((lean > 0) == (k % 2 == 1) for k, lean in enumerate(leans))
    seen = []
    real = train_stance._article_model
    train_stance._article_model = lambda gs: seen.append(len(gs)) or real(gs)
    try:
        train_stance.out_of_fold_leans(groups)
    finally:
        train_stance._article_model = real
    assert seen and max(seen) < len(groups)


def test_mixed_articles_say_nothing_of_a_side() -> None:
    mixed = [{"article": [0.3, 1.0, 0.1], "overall": "mixed"}] * 3
    model = train_stance._article_model(mixed)
    assert learned.GeneralStance(model, model).lean([0.3, 1.0, 0.1]) == 0.0


def test_stance_c_comes_from_the_grid_chosen_on_training_articles() -> None:
    g = train_stance.stance_examples(Article(TEXT, title="A test"), GOLD, TEXT)
    model = train_stance.train_fold([g, g, g, g])
    assert model.c in train_stance.C_GRID


def test_hyperparameters_come_from_the_grids_chosen_on_training_articles() -> None:
    t = train_ranker.table(Article(TEXT, title="A test"), GOLD, TEXT)
    model = train_ranker.train_fold([t, t, t])
    assert model.c in train_ranker.C_GRID and model.threshold in train_ranker.T_GRID
    assert (model.cap_scale, model.cap_exponent) in train_ranker.CAP_GRID
