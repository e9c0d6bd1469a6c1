"""The meaning pass of stance: sentence vectors from WordLlama's shipped embeddings, and a linear
reading of them that the stance model takes as one more sentence feature. Sentences that make
the same argument in other words must land together, and the reading must reach the label a
user sees. The sentences are our own."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import Article, learned, meaning
from model.importer.pipeline import propose

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import train_stance  # noqa: E402


def test_sentence_vectors_are_unit_length_and_an_empty_text_is_zero() -> None:
    v = meaning.vectors(
        [
            "Compute for the largest runs keeps growing.",
            "",
            "Compute for the largest runs keeps growing.",
        ]
    )
    assert meaning.available()
    assert abs(float(np.linalg.norm(v[0])) - 1.0) < 1e-5
    assert not v[1].any()
    assert np.array_equal(v[0], v[2])


def test_the_same_argument_in_other_words_is_nearer_than_another_topic() -> None:
    a, b, c = meaning.vectors([
        "We are running out of human-written text to train on.",
        "The stock of public text data will soon be exhausted by training runs.",
        "The new office opens downtown next spring with a larger cafeteria.",
    ])  # fmt: skip
    assert float(a @ b) > float(a @ c) + 0.1


VECTORS = st.lists(
    st.lists(st.floats(-1, 1, allow_nan=False), min_size=meaning.DIM, max_size=meaning.DIM),
    min_size=1,
    max_size=4,
)


@settings(max_examples=30, deadline=None)
@given(VECTORS, st.floats(-2, 2, allow_nan=False))
def test_the_meaning_reading_is_a_bounded_side_that_follows_the_weights(vs, bias) -> None:
    rng = np.random.default_rng(0)
    w = rng.normal(size=meaning.DIM)
    model = learned.Logit(w.tolist(), bias)
    pols = learned.meaning_polarity(model, vs)
    for v, p in zip(vs, pols):
        z = float(np.asarray(v) @ w + bias)
        assert -1.0 <= p <= 1.0
        assert not np.any(v) and p == 0.0 or (p > 0) == (z > 0) or abs(z) < 1e-9
    assert learned.meaning_polarity(None, vs) == [0.0] * len(vs)


CUELESS = "The next generation of models arrives with a much larger training run."


def _label(sign: float) -> str:
    """The label of a cue-less sentence under a model that reads only its meaning feature, with a
    meaning pass pointing toward (sign +1) or away from (−1) the sentence itself."""
    k = learned.SENTENCE.index("meaning")
    coef = [0.0] * (len(learned.SENTENCE) + len(learned.CONTEXT))
    coef[k] = 6.0
    direction = meaning.vectors([CUELESS])[0] * 8.0 * sign
    model = learned.GeneralStance(
        learned.Logit([0.0] * len(learned.ARTICLE), 0.0),
        learned.Logit(coef, 0.0),
        meaning=learned.Logit(direction.tolist(), 0.0),
    )
    result = propose(
        Article(CUELESS + " " + CUELESS.replace("next", "last")), [], "t", stance_model=model
    )
    # The two wordings are near-duplicates: the ranker keeps one of them, either reads the same.
    return next(p.stance for p in result.proposals if "generation of models arrives" in p.quote)


def test_the_meaning_reading_reaches_the_label() -> None:
    assert _label(+1.0) == "pro"
    assert _label(-1.0) == "con"


def _group(vecs: np.ndarray, labels: list[str]) -> dict:
    examples = [{"row": [0.0] * len(learned.SENTENCE), "vec": v, "label": y, "rule": "",
                 "paragraph": 0.0, "section": 0} for v, y in zip(vecs, labels)]  # fmt: skip
    return {"article": [0.0] * len(learned.ARTICLE), "overall": "pro", "title": 0.0,
            "examples": examples, "own_vecs": vecs}  # fmt: skip


def test_training_articles_get_their_meaning_from_a_model_that_never_saw_them() -> None:
    """A training article's meaning features must not depend on its own labels, or the stance
    model learns to trust a reading that is only that good in-sample."""
    rng = np.random.default_rng(1)
    groups = []
    for _ in range(6):
        v = rng.normal(size=(8, meaning.DIM))
        v /= np.linalg.norm(v, axis=1, keepdims=True)
        groups.append(_group(v, ["pro", "con"] * 4))
    before = train_stance.out_of_fold_meaning(groups)[0]
    flipped = [_group(groups[0]["own_vecs"], ["con", "pro"] * 4), *groups[1:]]
    after = train_stance.out_of_fold_meaning(flipped)[0]
    assert [e["row"][-1] for e in before["examples"]] == [e["row"][-1] for e in after["examples"]]
    assert before["article"][-1] == after["article"][-1]
    assert any(e["row"][-1] != 0.0 for e in before["examples"])


@settings(max_examples=30, deadline=None)
@given(st.floats(-0.3, 0.2), st.floats(-1, 1), st.floats(-0.5, 0.4), st.floats(0.02, 0.5))
def test_the_authors_own_meaning_moves_the_lean_its_way(
    own: float, title: float, sense: float, more: float
) -> None:
    """An author whose own sentences mean 'scaling works' leans pro, other measures equal."""
    model = learned.shipped()
    assert model is not None and model.meaning is not None
    assert model.lean([own, title, 0.0, sense + more]) > model.lean([own, title, 0.0, sense])


PLAIN_PRO = [
    "Each larger model has been more capable than the last, and nothing suggests that ends.",
    "Bigger training runs keep unlocking abilities that smaller models never showed.",
    "With enough compute and data, general intelligence is within reach of this approach.",
    "The labs will keep growing their models and the gains will keep coming.",
]
PLAIN_CON = [
    "Language models only imitate their training text and cannot form new abstractions.",
    "Making the models larger will not give them the ability to plan or to learn on the job.",
    "The returns from each extra order of magnitude of compute are shrinking fast.",
    "Something beyond today's architecture will be needed before machines think generally.",
]


def test_the_shipped_meaning_pass_puts_plain_arguments_apart() -> None:
    """Plain arguments of our own, written before the model was run on them: on average the
    meaning pass must put the pro ones above the con ones (a sanity check of the shipped
    weights, not a score)."""
    model = learned.shipped()
    pro = model.meaning_polarity(meaning.vectors(PLAIN_PRO))
    con = model.meaning_polarity(meaning.vectors(PLAIN_CON))
    assert sum(pro) / len(pro) > sum(con) / len(con)


def test_the_token_table_is_mapped_from_the_file_with_the_values_safetensors_reads() -> None:
    """The table is read lazily (a memory map, so an idle import child holds only the rows it
    used) and holds exactly what safetensors' own reader gives."""
    from safetensors.numpy import load_file

    assert meaning.available()

    table = meaning._model()[1]
    reference = load_file(str(meaning._package_dir() / meaning._WEIGHTS))["embedding.weight"]
    assert isinstance(table, np.memmap)
    assert table.dtype == reference.dtype and np.array_equal(table, reference)
