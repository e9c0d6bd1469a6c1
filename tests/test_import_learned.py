"""The word-free stance model: its runtime equals scikit-learn's, it round-trips through its JSON
file, it reads no words, and the principles it is built on hold for any sentence — negating a
stance predicate flips the polarity, the article's lean moves a cue-less sentence, attributing
a sentence to the other camp moves it away from the author. The sentences are our own."""

from __future__ import annotations

import json
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import learned, meaning, stance
from model.importer.article import Article
from model.importer.pipeline import propose

ROWS = st.lists(
    st.floats(-1, 1, allow_nan=False),
    min_size=len(learned.SENTENCE),
    max_size=len(learned.SENTENCE),
)


def _toy() -> tuple[list[list[float]], list[str]]:
    rng = np.random.default_rng(3)
    x = rng.uniform(-1, 1, size=(60, len(learned.SENTENCE)))
    y = ["pro" if a + 0.3 * b > 0 else "con" for a, b in zip(x[:, 0], x[:, 4])]
    return x.tolist(), y


@settings(max_examples=30, deadline=None)
@given(ROWS)
def test_runtime_probability_equals_scikit_learns(row: list[float]) -> None:
    from sklearn.linear_model import LogisticRegression

    x, y = _toy()
    clf = LogisticRegression(C=0.3, max_iter=3000, class_weight="balanced").fit(x, y)
    want = clf.predict_proba([row])[0][list(clf.classes_).index("pro")]
    assert abs(learned.fit_logit(x, y, 0.3).p_pro(row) - want) < 1e-6


def test_the_model_round_trips_through_json() -> None:
    x, y = _toy()
    art = learned.fit_scaled_logit([r[: len(learned.ARTICLE)] for r in x], y, 0.1)
    ctx = learned.fit_logit([r + [0.0] * len(learned.CONTEXT) for r in x], y, 0.3)
    sense, voice = learned.Logit([0.5, -0.25], 0.1), learned.Logit([-0.75, 0.5], -0.2)
    model = learned.GeneralStance(art, ctx, "toy", 0.3, meaning=sense, voice=voice)
    back = learned.GeneralStance.from_json(json.loads(json.dumps(model.to_json())))
    vecs = [[0.3, 0.4], [-0.6, 0.8]]
    assert back.meaning_polarity(vecs) == model.meaning_polarity(vecs)
    assert back.voice_polarity(vecs) == model.voice_polarity(vecs)
    sent, context = x[0], [0.2] * len(learned.CONTEXT)
    assert (
        abs(model.probabilities(sent, context)["pro"] - back.probabilities(sent, context)["pro"])
        < 1e-4
    )
    a = x[1][: len(learned.ARTICLE)]
    assert abs(model.lean(a) - back.lean(a)) < 1e-4


def _unit_rows(seed: int, n: int, dim: int = 8) -> tuple[np.ndarray, list[str]]:
    """Unit vectors on two sides of a curved boundary: a side no single direction separates."""
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, dim))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return x, ["pro" if a * b > 0 else "con" for a, b in x[:, :2]]


@settings(max_examples=15, deadline=None)
@given(st.integers(0, 10_000))
def test_the_kernel_pass_decides_as_scikit_learn_does(seed: int) -> None:
    """The runtime's numpy decision (no scikit-learn at import time) is the SVM's own."""
    from sklearn.svm import SVC

    x, y = _unit_rows(seed, 60)
    kernel = learned.fit_kernel(x, y, 3.0)
    clf = SVC(C=3.0, gamma=learned.KERNEL_GAMMA, class_weight="balanced").fit(
        x, [v == "pro" for v in y]
    )
    probe, _ = _unit_rows(seed + 1, 20)
    assert np.allclose(kernel.decision(probe), clf.decision_function(probe), atol=1e-4)


def test_a_kernel_pass_reads_a_side_a_linear_one_cannot() -> None:
    """Sides in quadrants (x·y > 0 is pro): an RBF pass gets most of them, a line about half."""
    x, y = _unit_rows(1, 400)
    probe, want = _unit_rows(2, 200)
    kernel = learned.meaning_polarity(learned.fit_kernel(x, y, 3.0), probe)
    line = learned.meaning_polarity(learned.fit_logit(x.tolist(), y, 1.0), probe)
    right = [
        sum((p > 0) == (w == "pro") for p, w in zip(pols, want)) / 200 for pols in (kernel, line)
    ]
    assert right[0] > 0.8 and right[1] < 0.7


def test_a_model_with_kernel_passes_round_trips_through_its_files(tmp_path) -> None:
    x, y = _unit_rows(3, 80)
    art = learned.Logit([0.1] * len(learned.ARTICLE), 0.0)
    ctx = learned.Logit([0.2] * (len(learned.SENTENCE) + len(learned.CONTEXT)), 0.1)
    sense, voice = learned.fit_kernel(x, y, 3.0), learned.fit_kernel(x, y[::-1], 1.0)
    model = learned.GeneralStance(art, ctx, "toy", 0.3, meaning=sense, voice=voice)
    model.save(tmp_path / "m.json", tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as arrays:
        data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
        back = learned.GeneralStance.from_json(data, dict(arrays))
    probe, _ = _unit_rows(4, 10)
    probe[0] = 0.0  # no text: no side
    assert back.meaning_polarity(probe) == model.meaning_polarity(probe)
    assert back.voice_polarity(probe) == model.voice_polarity(probe)
    assert back.meaning_polarity(probe)[0] == 0.0
    assert all(-1.0 <= p <= 1.0 for p in back.meaning_polarity(probe))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.floats(-1, 1, allow_nan=False), min_size=3, max_size=3))
def test_standardising_is_folded_into_the_weights(row: list[float]) -> None:
    """The article model is fitted on standardised measures; the stored weights on raw ones
    must give scikit-learn's probability for the standardised row."""
    from sklearn.linear_model import LogisticRegression

    rng = np.random.default_rng(5)
    x = rng.normal([0.1, -0.3, 0.02], [0.05, 0.4, 0.01], size=(40, 3))
    y = ["pro" if a > 0.1 else "con" for a in x[:, 0]]
    mean, std = x.mean(axis=0), x.std(axis=0)
    clf = LogisticRegression(C=0.1, max_iter=3000, class_weight="balanced")
    clf.fit((x - mean) / std, y)
    want = clf.predict_proba([(np.array(row) - mean) / std])[0][list(clf.classes_).index("pro")]
    assert abs(learned.fit_scaled_logit(x.tolist(), y, 0.1).p_pro(row) - want) < 1e-6


def test_the_shipped_model_stores_no_vocabulary_and_reports_its_held_out_fit() -> None:
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert "vocab" not in data  # word n-grams fitted the annotated articles' wording
    assert data["article_features"] == list(learned.ARTICLE)
    assert data["sentence_features"] == list(learned.SENTENCE)
    assert data["context_features"] == list(learned.CONTEXT)
    assert len(data["stance_model"]["coef"]) == len(learned.SENTENCE) + len(learned.CONTEXT)
    fit = set(data["fit"])  # nested estimates, leaving one out or over folds
    assert "in_sample" in fit
    for unit in ("article", "author"):
        assert f"leave_one_{unit}_out" in fit or any(k.endswith(f"_folds_by_{unit}") for k in fit)
    model = learned.shipped()
    assert model is not None and "gold claims" in model.trained_on
    for part in (model.meaning, model.voice):  # a map of meaning, not a vocabulary
        assert isinstance(part, learned.Kernel) and part.vectors.shape[1] == meaning.DIM
        assert np.allclose(np.linalg.norm(part.vectors, axis=1), 1.0, atol=1e-3)


SUBJECTS = st.sampled_from(
    ["Scaling", "Progress", "The newest model", "Pretraining", "Compute growth", "The trend"]
)
PREDICATES = st.sampled_from(
    ["has hit a wall", "has plateaued", "is running into diminishing returns", "has stalled",
     "has reached a ceiling", "will run out of data"]
)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(SUBJECTS, PREDICATES)
def test_negating_a_limit_predicate_flips_the_polarity(subject: str, predicate: str) -> None:
    """'X has hit a wall' is against the thesis; 'X has not hit a wall' is for it."""
    aux, rest = predicate.split(" ", 1)
    plain = f"{subject} {predicate}."
    negated = f"{subject} {aux} not {rest}."
    assert stance.polarity(plain) < 0 < stance.polarity(negated)
    assert _p_pro(plain, 0.0) < 0.5 < _p_pro(negated, 0.0)


CUELESS_TEXTS = [
    "The next generation of systems arrives in the spring",
    "Labs are building larger clusters this year",
    "The team retrained the model on a bigger corpus",
    "Researchers measured the results on a new test set",
]
CUELESS = st.sampled_from(CUELESS_TEXTS)


def _p_pro(text: str, lean: float, side: int = 0, turn: tuple = learned.NO_TURN) -> float:
    model = learned.shipped()
    row = [*learned.sentence_features(text, stance.evidence(text), side), 0.0, 0.0]  # no vector
    context = learned.context_features(row, lean, 0.0, 0, 0.0, turn)
    return model.probabilities(row, context)["pro"]


@settings(max_examples=20, deadline=None)
@given(CUELESS, st.floats(-0.8, 0.8), st.floats(0.05, 0.8))
def test_the_articles_lean_moves_a_sentence_without_cues(
    text: str, lean: float, more: float
) -> None:
    assert _p_pro(text, lean) < _p_pro(text, lean + more)
    assert _p_pro(text, -0.5) < 0.5 < _p_pro(text, 0.5)


@settings(max_examples=30, deadline=None)
@given(st.floats(-0.3, 0.2), st.floats(-1, 1), st.floats(0.02, 0.2))
def test_an_article_that_reports_the_critics_leans_pro(
    own: float, title: float, share: float
) -> None:
    """Reported views are voiced to be answered: the more of an article reports the critics'
    camp, the more it leans pro (and reporting the proponents, con), whatever its own voice."""
    model = learned.shipped()
    plain = model.lean([own, title, 0.0, 0.0])
    assert model.lean([own, title, share, 0.0]) > plain > model.lean([own, title, -share, 0.0])


@settings(max_examples=30, deadline=None)
@given(st.floats(-0.3, 0.2), st.floats(0.01, 0.3), st.floats(-1, 1))
def test_the_authors_own_cues_and_title_move_the_lean_their_way(
    own: float, more: float, title: float
) -> None:
    model = learned.shipped()
    assert model.lean([own + more, title, 0.0, 0.0]) > model.lean([own, title, 0.0, 0.0])
    assert model.lean([own, min(1.0, title + 0.5), 0.0, 0.0]) >= model.lean([own, title, 0.0, 0.0])


PRO_CONTEXT = (
    "Scaling keeps working. Models keep improving on every benchmark we track. "
    "There is no sign of a plateau."
)


def _label_of_last(text: str) -> str:
    from model.importer.pipeline import (
        learned_lean,
        prepare,
        sentence_rows,
        stance_inputs,
        unit_stance,
        with_plain,
        with_turns,
    )

    art = Article(f"{PRO_CONTEXT}\n\n{text}", title="Scaling keeps working")
    _, sents, bodies, _ = prepare(art)
    inputs = stance_inputs(art.title, sents, bodies)
    model = learned.shipped()
    rows = sentence_rows(inputs, model)
    inputs = with_plain(with_turns(inputs, sents, rows), model, None)
    lean = learned_lean(model, inputs, rows)
    return unit_stance(inputs, len(sents) - 1, 0.0, model, rows, lean)[0]


@settings(max_examples=12, deadline=None)
@given(
    st.sampled_from(["Critics argue that", "Skeptics say that", "Opponents claim that"]), CUELESS
)
def test_attributing_a_sentence_to_critics_in_a_pro_article_makes_it_con(
    lead: str, text: str
) -> None:
    """A plain report of work in a pro article is not against it (pro, or no side); the same
    words put in the critics' mouths are."""
    said = f"{lead} {text[0].lower()}{text[1:]}."
    assert _label_of_last(text + ".") != "con"
    assert _label_of_last(said) == "con"


CONCESSIONS = [
    "Admittedly,",
    "To be fair,",
    "I concede that",
    "It is true that",
    "We believed that",
]


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(CONCESSIONS), CUELESS, CUELESS)
def test_a_concession_answered_in_the_same_sentence_is_not_one(
    lead: str, granted: str, answer: str
) -> None:
    """ "Admittedly, X" grants X to the other side; "Admittedly, X, but Y" and "Although I
    concede X, Y" make the author's point Y."""
    x = f"{granted[0].lower()}{granted[1:]}"
    assert learned.concedes(f"{lead} {x}.")
    assert not learned.concedes(f"{lead} {x}, but {answer.lower()}.")
    assert not learned.concedes(f"Although {lead[0].lower()}{lead[1:]} {x}, {answer.lower()}.")


@settings(max_examples=12, deadline=None)
@given(st.sampled_from(CONCESSIONS), CUELESS)
def test_conceding_a_point_moves_it_away_from_the_articles_side(lead: str, text: str) -> None:
    """A point the author grants belongs to the side the author argues against: the same words
    conceded read less like the article's side, in a pro article and in a con one (the marker
    alone moves a cue-less sentence toward the other side without deciding it)."""
    said = f"{lead} {text[0].lower()}{text[1:]}."
    assert _p_pro(said, 0.5) < _p_pro(text + ".", 0.5)
    assert _p_pro(said, -0.5) > _p_pro(text + ".", -0.5)


# Our own short pro essay: first-person expectations, negated limits, a reported objection.
PRO_ESSAY = """Scale keeps paying off

Every year someone announces that the scaling curve is about to bend, and every year it does not.

The last hundredfold increase in training compute did not run into diminishing returns. There is no sign of a plateau in the benchmark results we track.

I expect the next two generations of models to be clearly more capable than today's. We will keep adding compute, and I think the gains will keep coming.

Critics say the supply of text will run out. Labs are already training on verified synthetic data, and the measured quality keeps rising.

In short, betting on continued scaling remains the sound bet, and general intelligence looks reachable on this path.
"""


def test_a_pro_essay_is_read_as_pro() -> None:
    result = propose(Article(PRO_ESSAY, title="Scale keeps paying off"), [], "T")
    by_start = {p.quote[:29]: p.stance for p in result.proposals}
    wanted = {
        "The last hundredfold increase": "pro",
        "There is no sign of a plateau": "pro",
        "I expect the next two generat": "pro",
        "Critics say the supply of text": "con",
    }
    seen = {k: v for k, v in by_start.items() if k in wanted}
    assert seen, by_start
    assert all(by_start[k] == wanted[k] for k in seen), by_start
    labels = [p.stance for p in result.proposals]
    assert labels.count("pro") > labels.count("con")


def test_the_article_measures_read_its_own_voice_and_the_camps_it_reports() -> None:
    """Attributed or camp-reporting sentences are not the author's voice; a reported critic is
    counted toward pro, a reported proponent toward con."""
    pol, sides, attributed = [1.0, -3.0, -3.0, 0.0], [0, -1, 0, 0], [False, False, True, False]
    own, title, camps, sense = learned.article_features(
        pol, sides, attributed, 0.4, [0.9, -0.8, -0.8, 0.1]
    )
    assert own > 0  # the two con sentences are a reported camp and a quotation
    assert title == 0.4
    assert camps == 0.25
    assert abs(sense - 0.5) < 1e-9  # the meaning of the author's own two sentences only
    assert learned.article_features(pol, [0, 1, 0, 0], attributed, 0.0)[2] == -0.25


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["pro", "con", "mixed"]))
def test_every_proposal_carries_its_reading_under_each_side(side: str) -> None:
    """Every proposal can be re-read under each side; read as pro, cue-less sentences come out
    pro, read as con, con."""
    text = "\n\n".join(f"{t}." for t in CUELESS_TEXTS)
    result = propose(Article(text, title="Notes from the lab"), [], "T")
    assert result.proposals and -1 <= result.lean <= 1
    for p in result.proposals:
        assert set(p.readings) == {"pro", "con", "mixed"}
        assert p.readings[side][0] in learned.CLASSES
    labels = {s: [p.readings[s][0] for p in result.proposals] for s in ("pro", "con")}
    assert "pro" in labels["pro"] and "con" in labels["con"]


def test_a_sentence_that_argues_a_side_keeps_it_whatever_side_the_article_is_given() -> None:
    """The reviewer's side steers what has no clear cue of its own, not what argues plainly."""
    text = (
        "Labs are building larger clusters this year.\n\n"
        "Scaling has hit a wall and will not produce general intelligence.\n\n"
        "There is no sign of a plateau, and models keep improving on every benchmark."
    )
    result = propose(Article(text, title="Notes from the lab"), [], "T")
    by = {p.quote[:20]: p.readings for p in result.proposals}
    assert by["Scaling has hit a wa"]["pro"][0] == "con"
    assert by["There is no sign of "]["con"][0] == "pro"


PARAGRAPHS = st.lists(
    st.tuples(st.sampled_from(["But ", "However, ", "In fact, ", "", "", ""]), CUELESS,
              st.booleans()),
    min_size=1, max_size=12,
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(PARAGRAPHS, st.lists(st.integers(0, 2), min_size=12, max_size=12))
def test_a_turn_bears_only_on_its_neighbours_in_the_same_paragraph(
    units: list[tuple[str, str, bool]], breaks: list[int]
) -> None:
    """'X. But Y.': Y turns against X, and X is what gets answered — never across a paragraph
    break; a unit after a reported view continues it unless it turns itself."""
    said = [f"{lead}{text[0].lower() if lead else text[0]}{text[1:]}." for lead, text, _ in units]
    paras = [sum(breaks[: i + 1]) for i in range(len(units))]
    reports = [r for _, _, r in units]
    got = learned.turns(said, paras, reports)
    for i, (opens, before, after) in enumerate(got):
        assert opens == float(bool(units[i][0]))
        same_next = i + 1 < len(units) and paras[i + 1] == paras[i]
        assert before == float(same_next and bool(units[i + 1][0]) and not opens)
        same_prev = i > 0 and paras[i - 1] == paras[i]
        assert after == float(same_prev and reports[i - 1] and not opens)


def test_the_importer_reads_the_turns_of_each_paragraph() -> None:
    from model.importer.pipeline import prepare, sentence_rows, stance_inputs, with_turns

    text = (
        "Critics say the supply of text will run out. Labs train on synthetic data.\n\n"
        "Benchmarks look saturated. But the hardest ones keep moving.\n\n"
        "Yet another cluster came online this spring."
    )
    art = Article(text, title="On data")
    _, sents, bodies, _ = prepare(art)
    inputs = stance_inputs(art.title, sents, bodies)
    turns = with_turns(inputs, sents, sentence_rows(inputs, None)).turns
    assert turns == [(0.0, 0.0, 0.0), (0.0, 0.0, 1.0), (0.0, 1.0, 0.0), (1.0, 0.0, 0.0),
                     (0.0, 0.0, 0.0)]  # fmt: skip


@settings(max_examples=12, deadline=None)
@given(CUELESS, st.sampled_from([0.5, -0.5]))
def test_a_point_the_next_sentence_answers_reads_against_the_articles_side(
    text: str, lean: float
) -> None:
    """'X. But Y.' in a pro article: X is granted to the other side, Y is the author's own —
    the same words read less like the article's side before a turn, more like it after one."""
    plain = _p_pro(text + ".", lean)
    answered = _p_pro(text + ".", lean, turn=(0.0, 1.0, 0.0))
    turning = _p_pro(text + ".", lean, turn=(1.0, 0.0, 0.0))
    toward = 1 if lean > 0 else -1
    assert toward * (answered - plain) < 0 < toward * (turning - plain)


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(["I think", "We believe", "We have argued", "I said before", "I claim"]),
    st.sampled_from(
        [
            "Critics argue",
            "Marcus has argued",
            "Some researchers I know say",
            "The lab, we are told, claims",
            "They have said",
        ]
    ),  # fmt: skip
    CUELESS,
)
def test_the_authors_own_i_think_is_not_someone_elses_speech(
    mine: str, theirs: str, text: str
) -> None:
    """ "I think X" and "we have argued X" are the article's own voice; "critics argue X" and
    "Marcus has argued X" report someone else's, which the lean reads the other way round."""
    x = f"{text[0].lower()}{text[1:]}."
    attributed = learned.SENTENCE.index("attributed")
    assert learned.sentence_features(f"{mine} that {x}", (0, 0), 0)[attributed] == 0.0
    assert learned.sentence_features(f"{theirs} that {x}", (0, 0), 0)[attributed] == 1.0


# Invented sentences, one per metadiscourse category the neutral pass reads (lexicon.py).
STEPS_BACK = {
    "disclaimer": "We are not claiming that any of this proves the optimists right.",
    "unsettled": "The benchmark cannot settle the argument in either direction.",
    "falsifier": "A flat year on the agent tasks would change my mind about this.",
    "gloss": "By capable we mean able to finish a week of office work unaided.",
    "evidential": "By the survey firm's count, forty labs trained a model this year.",
}


@pytest.mark.parametrize("category", list(STEPS_BACK))
def test_the_neutral_pass_reads_each_kind_of_stepping_back(category: str) -> None:
    text = STEPS_BACK[category]
    row = [*learned.sentence_features(text, stance.evidence(text), 0), 0.0, 0.0]
    feats = dict(zip(learned.NEUTRAL, learned.neutral_features(text, row, 0.4, 0.7, 0.1)))
    assert feats[category] == 1.0
    argued = "Scaling the models up keeps making them better at every task."
    row = [*learned.sentence_features(argued, stance.evidence(argued), 0), 0.0, 0.0]
    feats = dict(zip(learned.NEUTRAL, learned.neutral_features(argued, row, 0.4, 0.7, 0.1)))
    assert feats[category] == 0.0
    assert len(feats) == len(learned.NEUTRAL)


def _three_way() -> learned.GeneralStance:
    art = learned.Logit([0.1] * len(learned.ARTICLE), 0.0)
    ctx = learned.Logit([0.3] * (len(learned.SENTENCE) + len(learned.CONTEXT)), -0.1)
    neutral = learned.Logit([0.4] * len(learned.NEUTRAL), -1.0)
    return learned.GeneralStance(art, ctx, "toy", 0.3, neutral=neutral)


@settings(max_examples=30, deadline=None)
@given(ROWS, st.floats(-1, 1), st.floats(-1, 1), st.sampled_from(list(STEPS_BACK.values())))
def test_the_sides_share_what_the_neutral_pass_leaves(
    row: list[float], lean: float, plain: float, text: str
) -> None:
    """Three probabilities that sum to one, pro against con as the two-way model has it."""
    model = _three_way()
    context = [lean] + [0.1] * (len(learned.CONTEXT) - 1)
    two = model.probabilities(row, context)
    three = model.probabilities(row, context, text, plain)
    assert set(three) == {"pro", "con", "neutral"}
    assert abs(sum(three.values()) - 1.0) < 1e-9
    assert abs(three["pro"] / (three["pro"] + three["con"]) - two["pro"]) < 1e-9


def test_a_model_with_a_neutral_pass_round_trips_through_its_files(tmp_path) -> None:
    x, y = _unit_rows(6, 80)
    model = replace(_three_way(), plain=learned.fit_kernel(x, y, 3.0, positive="con"))
    model.save(tmp_path / "m.json", tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as arrays:
        data = json.loads((tmp_path / "m.json").read_text(encoding="utf-8"))
        back = learned.GeneralStance.from_json(data, dict(arrays))
    probe, _ = _unit_rows(7, 10)
    assert back.plain_polarity(probe) == model.plain_polarity(probe)
    sent, context = [0.2] * len(learned.SENTENCE), [0.1] * len(learned.CONTEXT)
    text = STEPS_BACK["gloss"]
    want, got = (
        model.probabilities(sent, context, text, 0.3),
        back.probabilities(sent, context, text, 0.3),
    )
    assert all(abs(want[k] - got[k]) < 1e-4 for k in want)


def test_the_shipped_model_reads_neutral_from_its_own_pass() -> None:
    data = json.loads(learned.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["neutral_features"] == list(learned.NEUTRAL)
    assert len(data["neutral_model"]["coef"]) == len(learned.NEUTRAL)
    model = learned.shipped()
    assert isinstance(model.plain, learned.Kernel) and model.plain.vectors.shape[1] == meaning.DIM


@pytest.mark.parametrize(
    "text",
    [
        "By general intelligence we mean a system that can do most office work without help.",
        "A flat year on the agent benchmarks would change my mind.",
    ],
)
def test_a_sentence_that_steps_back_from_the_question_takes_no_side(text: str) -> None:
    """In a pro article, a gloss or the test that would change the writer's mind is neutral,
    where the two-way model gave it the article's side."""
    assert _label_of_last(text) == "neutral"
    assert (
        _label_of_last("Bigger models will keep getting smarter, and nothing suggests a wall.")
        == "pro"
    )
