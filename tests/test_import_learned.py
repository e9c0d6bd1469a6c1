"""The learned stance model: its runtime features are scikit-learn's, it round-trips through its
JSON file, and the shipped file loads and says what it was trained on."""

from __future__ import annotations

import json

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import learned

TRAIN = [
    ("scaling laws keep holding and models keep improving", "pro", 2.0, 0),
    ("bigger models will reach general intelligence", "pro", 1.0, 0),
    ("progress is stalling and returns are diminishing", "con", -2.0, 0),
    ("critics say scaling will hit a data wall", "con", -1.0, -1),
    ("the term refers to a family of models", "neutral", 0.0, 0),
    ("a benchmark is a set of test questions", "neutral", 0.0, 0),
    ("models keep improving on every benchmark", "pro", 1.0, 0),
    ("the data wall will stop scaling", "con", -1.0, 0),
]
WORDS = st.sampled_from(
    ["scaling", "models", "keep", "improving", "data", "wall", "the", "term", "benchmark", "will"]
)


@settings(max_examples=30, deadline=None)
@given(
    st.lists(WORDS, min_size=1, max_size=12).map(" ".join),
    st.floats(-3, 3),
    st.sampled_from([-1, 0, 1]),
)
def test_runtime_probabilities_equal_scikit_learns(text: str, pol: float, side: int) -> None:
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    model = learned.train(TRAIN)
    vec = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2).fit(
        [t[0] for t in TRAIN]
    )
    x = hstack([vec.transform([t[0] for t in TRAIN]),
                csr_matrix([learned.extra_features(t, p, s) for t, _, p, s in TRAIN])])  # fmt: skip
    clf = LogisticRegression(C=4.0, max_iter=2000, class_weight="balanced").fit(
        x, [t[1] for t in TRAIN]
    )
    row = hstack([vec.transform([text]), csr_matrix([learned.extra_features(text, pol, side)])])
    want = dict(zip(clf.classes_, clf.predict_proba(row)[0]))
    got = model.probabilities(text, pol, side)
    assert np.allclose([got[k] for k in want], list(want.values()), atol=1e-6)


def test_the_model_round_trips_through_json() -> None:
    model = learned.train(TRAIN, trained_on="toy")
    back = learned.LinearStance.from_json(json.loads(json.dumps(model.to_json())))
    text = "models keep improving"
    a, b = model.probabilities(text, 1.0, 0), back.probabilities(text, 1.0, 0)
    assert max(abs(a[k] - b[k]) for k in a) < 1e-4


def test_the_shipped_model_loads_and_reads_pro_and_con() -> None:
    model = learned.shipped()
    assert model is not None and "gold claims" in model.trained_on
    assert set(model.classes) == {"pro", "con", "neutral"}
    pro = model.probabilities("Scaling laws keep holding and models keep improving.", 2.0, 0)
    con = model.probabilities("Scaling has hit diminishing returns and will stall.", -2.0, 0)
    assert pro["pro"] > pro["con"] and con["con"] > con["pro"]


def test_the_model_reads_the_articles_lean_and_the_rules_vote() -> None:
    """The same words lean the article's way: the context features carry the side when the
    sentence itself has no cue."""
    rows = []
    for k in range(12):
        side = "pro" if k % 2 else "con"
        lean = 0.8 if side == "pro" else -0.8
        rows.append((f"the next generation of systems arrives soon {k}", side, 0.0, 0, lean, lean,
                     0.0))  # fmt: skip
    model = learned.train(rows, c=4.0)
    text = "the next generation of systems arrives soon"
    pro = model.probabilities(text, 0.0, 0, lean=0.8, local=0.8)
    con = model.probabilities(text, 0.0, 0, lean=-0.8, local=-0.8)
    assert pro["pro"] > 0.5 > con["pro"]


def test_the_rules_keep_their_label_below_the_models_confidence_floor() -> None:
    from model.importer.stance import combine

    probs = {"pro": 0.45, "con": 0.35, "neutral": 0.2}
    assert combine("con", 0.6, probs, min_confidence=0.5) == ("con", 0.6)
    assert combine("con", 0.6, probs, min_confidence=0.4)[0] == "pro"


def test_the_shipped_model_records_its_cross_validated_hyperparameters() -> None:
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert set(data["hyperparameters"]) == {"C", "min_confidence"}
    assert data["extra_features"] == list(learned.EXTRA)
    model = learned.shipped()
    assert model is not None and model.min_confidence == data["hyperparameters"]["min_confidence"]
