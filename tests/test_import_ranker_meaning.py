"""The claim ranker's meaning pass (issue 12, sixth ranker round): a linear reading of the
sentence's meaning vector says how much it reads like an argued claim; the ranker takes that
reading, its rank in the article and its paragraph's as features, fitted out of fold at training
time and shipped as weights. An import computes the meaning vectors once for the ranker and the
stance model. The sentences are our own."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import Article, claims, learned, meaning, pipeline, propose, ranker
from model.importer.pipeline import prepare

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import train_ranker  # noqa: E402

ROWS = np.random.default_rng(1).normal(size=(60, len(ranker.FEATURES)))
LABELS = (ROWS[:, 0] > 0).astype(int)

ESSAY = (
    "Scaling is not enough\n\n"
    "Scaling today's language models will not by itself produce general intelligence. "
    "Returns to more compute keep shrinking on the benchmarks that matter.\n\n"
    "Data of the right kind is running out faster than the labs admit. "
    "We should expect new ideas, not bigger runs, to carry the next decade."
)

VECTORS = st.lists(
    st.lists(st.floats(-1, 1, allow_nan=False), min_size=meaning.DIM, max_size=meaning.DIM),
    min_size=1,
    max_size=5,
)


@settings(max_examples=30, deadline=None)
@given(VECTORS, st.floats(-3, 3, allow_nan=False))
def test_the_meaning_score_is_the_passes_clipped_logit_and_zero_without_a_vector(vs, bias) -> None:
    w = np.random.default_rng(2).normal(size=meaning.DIM)
    sense = learned.Logit(w.tolist(), bias)
    vs = [*vs, [0.0] * meaning.DIM]  # an empty text's vector
    for v, z in zip(vs, ranker.meaning_scores(sense, vs)):
        assert abs(z) <= ranker.MEANING_CLIP
        if not np.any(v):
            assert z == 0.0
        else:
            want = float(np.asarray(v) @ w + bias)
            assert z == pytest.approx(max(-ranker.MEANING_CLIP, min(ranker.MEANING_CLIP, want)))
    assert ranker.meaning_scores(None, vs) == [0.0] * len(vs)


def test_a_headline_is_title_case_and_prose_is_not() -> None:
    assert ranker.title_case("How Scale Made Minds") == 1.0
    assert ranker.title_case("Scaling will not by itself produce general intelligence.") == 0.0
    assert ranker.title_case("Sam Altman said that OpenAI expects more.") < 0.5
    assert ranker.title_case("Scaling") == 0.0


def test_meaning_centrality_favours_what_the_article_is_about() -> None:
    v = meaning.vectors([
        "Training compute for the largest models keeps growing every year.",
        "Bigger training runs keep making language models more capable.",
        "The new office opens downtown next spring with a larger cafeteria.",
        "",
    ])  # fmt: skip
    cent = ranker.meaning_centrality(v, [True, True, True, False])
    assert cent[0] > cent[2] and cent[1] > cent[2]
    assert cent[3] == 0.0
    assert ranker.meaning_centrality(None, [True, True]) == [0.0, 0.0]


def test_the_ranker_round_trips_with_its_meaning_pass() -> None:
    sense = learned.Logit(np.linspace(-1, 1, meaning.DIM).tolist(), 0.25)
    model = ranker.train(ROWS, LABELS, c=0.5, threshold=0.3, meaning=sense)
    back = ranker.LinearRanker.from_json(json.loads(json.dumps(model.to_json())))
    assert back.meaning is not None
    assert back.meaning.intercept == pytest.approx(0.25)
    assert back.meaning.coef == pytest.approx(sense.coef, abs=1e-6)
    no_pass = ranker.train(ROWS, LABELS).to_json()
    assert "meaning_model" not in no_pass
    assert ranker.LinearRanker.from_json(no_pass).meaning is None


def test_the_meaning_pass_moves_a_sentence_up_the_proposals() -> None:
    """A ranker that reads only the meaning score proposes the sentence its pass points at
    first, and last when the pass points away: the reading reaches what a user sees."""
    art = Article(ESSAY, title="Scaling is not enough")
    _, sents, bodies, _ = prepare(art)
    target = next(i for i, s in enumerate(sents) if s.text.startswith("Data of"))
    direction = meaning.vectors(claims.said(sents))[target]
    coef = [0.0] * len(ranker.FEATURES)
    coef[ranker.FEATURES.index("meaning")] = 3.0
    order = {}
    for sign in (1.0, -1.0):
        model = ranker.LinearRanker(
            ranker.FEATURES, [0.0] * len(coef), [1.0] * len(coef), coef, 0.0, 0.0,
            meaning=learned.Logit((direction * 8 * sign).tolist(), 0.0),
        )  # fmt: skip
        quotes = [
            p.quote for p in propose(art, [], "T", stance_model=None, claim_model=model).proposals
        ]
        order[sign] = quotes
    assert order[1.0][0].startswith("Data of")
    assert order[-1.0][-1].startswith("Data of")


def test_an_import_computes_the_meaning_vectors_once(monkeypatch) -> None:
    """The ranker's and the stance model's meaning passes read the same vectors."""
    real = meaning.vectors
    calls: list[int] = []
    monkeypatch.setattr(meaning, "vectors", lambda texts: calls.append(len(texts)) or real(texts))
    stance_model, claim_model = learned.shipped(), ranker.shipped()
    assert stance_model is not None and stance_model.meaning is not None
    assert claim_model is not None and claim_model.meaning is not None
    result = pipeline.propose(Article(ESSAY, title="Scaling is not enough"), [], "T")
    assert result.proposals and len(calls) == 1


def _table(seed: int) -> train_ranker.Table:
    rng = np.random.default_rng(seed)
    n = 12
    t = train_ranker.Table(n_units=n)
    t.vecs = rng.normal(size=(n, meaning.DIM)).astype(np.float32)
    t.index = list(range(n))
    t.rows = [[0.0] * len(ranker.FEATURES) for _ in range(n)]
    t.label = [k % 2 for k in range(n)]
    t.weight = [1.0] * n
    return t


def test_each_training_article_is_read_by_a_meaning_pass_that_never_saw_it(monkeypatch) -> None:
    tables = [_table(k) for k in range(6)]
    seen: list[int] = []
    real = train_ranker.fit_meaning

    def spy(ts):  # noqa: ANN001, ANN202
        seen.append(len(ts))
        return real(ts)

    monkeypatch.setattr(train_ranker, "fit_meaning", spy)
    out = train_ranker.out_of_fold_meaning(tables)
    assert seen and max(seen) < len(tables)
    assert all(any(r[-1] != 0.0 for r in t.rows) for t in out)  # the feature is filled in
    assert all(not any(r[-1] for r in t.rows) for t in tables)  # the inputs are left alone


def test_the_shipped_ranker_trusts_its_meaning_pass() -> None:
    model = ranker.shipped()
    assert model is not None and model.meaning is not None
    assert len(model.meaning.coef) == meaning.DIM
    assert dict(zip(model.names, model.coef))["meaning"] > 0
    argued, anecdote = ranker.meaning_scores(
        model.meaning,
        meaning.vectors([
            "Scaling today's language models will not by itself produce general intelligence.",
            "My grandmother kept bees in the garden behind the house.",
        ]),
    )  # fmt: skip
    assert argued > anecdote
    assert math.isfinite(argued)


ANECDOTES = [
    "My grandmother kept bees in the garden behind the house.",
    "I spent the summer of 2019 in Lisbon with my sister.",
    "Thanks to my editor for reading the draft.",
]
MARKS = [
    "I think",  # a view
    "I expect that",  # an expectation
    "I doubt that",  # a view against
    "Perhaps",  # a hedge
    "Scaling aside,",  # the debate's own word
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(ANECDOTES), st.sampled_from(MARKS))
def test_a_first_person_story_is_an_anecdote_until_it_carries_a_mark_of_argument(
    story: str, mark: str
) -> None:
    assert claims.is_anecdote(story)
    assert not claims.is_anecdote(f"{mark} {story[0].lower()}{story[1:]}")
    third = story.replace("My ", "Her ").replace("my ", "her ").replace("I ", "She ")
    assert not claims.is_anecdote(third)  # only the author's own story


def test_an_anecdote_is_never_proposed_whatever_the_model() -> None:
    """Excluded like a heading: not even a ranker that proposes everything proposes it."""
    text = (
        "Scaling today's language models will not by itself produce general intelligence.\n\n"
        "My grandmother kept bees in the garden behind the house.\n\n"
        "The returns to more compute keep shrinking on the benchmarks that matter.\n"
    )
    n = len(ranker.FEATURES)
    everything = ranker.LinearRanker(ranker.FEATURES, [0.0] * n, [1.0] * n, [0.0] * n, 5.0, 0.0)
    quotes = [p.quote for p in propose(Article(text), [], "T", claim_model=everything).proposals]
    assert len(quotes) == 2 and not any("bees" in q for q in quotes)
