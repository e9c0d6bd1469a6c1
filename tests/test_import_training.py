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

from model.importer import Article  # noqa: E402

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
    ex = train_stance.stance_examples(Article(TEXT, title="A test"), GOLD, TEXT)
    assert len(ex) == 4  # each with the gold quote's own words too (trained on, not scored)
    assert [(e[0][:20], e[1]) for e in train_stance.scored(ex)] == [
        ("Scaling current mode", "con"),
        ("Some researchers sti", "pro"),
    ]


def test_hyperparameters_come_from_the_grids_chosen_on_training_articles() -> None:
    t = train_ranker.table(Article(TEXT, title="A test"), GOLD, TEXT)
    model = train_ranker.train_fold([t, t, t])
    assert model.c in train_ranker.C_GRID and model.threshold in train_ranker.T_GRID
