"""The learned claim ranker: its runtime probability equals scikit-learn's, it round-trips
through its JSON file, the shipped file says how it was trained, and the importer proposes what
it ranks (and only that)."""

from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import Article, claims, propose, ranker
from model.importer.pipeline import prepare

ROWS = np.random.default_rng(0).normal(size=(80, len(ranker.FEATURES)))
LABELS = (ROWS[:, 0] + 0.5 * ROWS[:, 1] > 0).astype(int)

ESSAY = (
    "Why Scaling Alone Will Not Do\n\n"
    "I think scaling today's language models will not by itself produce general intelligence. "
    "The returns to more compute are shrinking on the benchmarks that matter. "
    "My grandmother kept bees in the garden behind the house. "
    "We should expect new ideas, not just bigger runs, to carry the next decade.\n\n"
    "Data is running out faster than the labs admit. "
    "The weather was pleasant that afternoon. "
    "In short, the path to AGI needs more than scale."
)


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(-3, 3), min_size=len(ranker.FEATURES), max_size=len(ranker.FEATURES)))
def test_runtime_probability_equals_scikit_learns(row: list[float]) -> None:
    from sklearn.linear_model import LogisticRegression

    model = ranker.train(ROWS, LABELS, c=0.5)
    mean, sd = ROWS.mean(axis=0), ROWS.std(axis=0)
    clf = LogisticRegression(C=0.5, max_iter=2000).fit((ROWS - mean) / sd, LABELS)
    want = clf.predict_proba(((np.array(row) - mean) / sd)[None, :])[0, 1]
    assert model.probability(row) == pytest.approx(want, abs=1e-6)


def test_the_ranker_round_trips_through_json() -> None:
    model = ranker.train(ROWS, LABELS, c=0.5, threshold=0.3, trained_on="toy", cap=(12, 0.3))
    back = ranker.LinearRanker.from_json(json.loads(json.dumps(model.to_json())))
    assert back.threshold == 0.3 and back.c == 0.5 and back.trained_on == "toy"
    assert (back.cap_scale, back.cap_exponent) == (12, 0.3)
    for row in ROWS[:10]:
        assert back.probability(row) == pytest.approx(model.probability(row), abs=1e-4)


def test_a_model_with_other_features_is_refused() -> None:
    data = ranker.train(ROWS, LABELS).to_json()
    data["features"].pop(ranker.FEATURES[-1])
    with pytest.raises(ValueError, match="features differ"):
        ranker.LinearRanker.from_json(data)


def test_the_shipped_ranker_says_how_it_was_chosen_and_favours_argued_sentences() -> None:
    model = ranker.shipped()
    assert model is not None and "articles" in model.trained_on
    assert 0 < model.threshold < 1 and model.c > 0
    weights = dict(zip(model.names, model.coef))
    assert weights["rule_score"] > 0  # the rules' evidence carries over
    art = Article(ESSAY, title="Why Scaling Alone Will Not Do")
    quotes = [p.quote for p in propose(art, [], "T").proposals]
    assert any("general intelligence" in q for q in quotes)
    assert not any("bees" in q or "weather" in q for q in quotes)  # anecdote and scenery


def test_proposals_are_the_sentences_the_model_ranks_above_its_threshold_best_first() -> None:
    art = Article(ESSAY, title="Why Scaling Alone Will Not Do")
    text, sents, bodies, _ = prepare(art)
    _, rows = claims.unit_rows(sents, bodies, (), art.title)
    model = ranker.train(ROWS, LABELS, threshold=0.5)
    above = sorted(
        (-model.probability(row), sents[i].text)
        for i, row in enumerate(rows)
        if row is not None and model.probability(row) >= model.threshold
    )
    want = [t for _, t in above[: claims.cap(len(sents), model)]]  # best first, reviewable
    got = [p.quote for p in propose(art, [], "T", claim_model=model).proposals]
    assert got == want
    never = ranker.LinearRanker(
        model.names, model.mean, model.scale, model.coef, model.intercept, 1.0
    )
    assert propose(art, [], "T", claim_model=never).proposals == []
