"""A stance model learned from annotated claims, stored as readable JSON.

Why no word n-grams: a model over the claims' word n-grams fitted the 35 annotated articles'
wording (in-sample 0.85, leave-one-article-out 0.57) and starved the pro side on articles in
other voices. This model reads general evidence the rules compute from principles — cue polarity
with negation scope, the camp a sentence reports, attribution, first-person expectation,
questions, hedges — what the sentence means, and the article's own lean, in three passes:

1. a meaning pass reads the sentence's vector (model/importer/meaning.py: static embeddings
   distilled from an LLM, not a vocabulary of the training articles) and gives the side that
   meaning takes, beyond the words any cue list holds; it is fitted on the other articles'
   claims (out of fold) wherever the later passes learn from it, so they trust it only as far
   as it holds on unseen writing; a voice pass reads the same vector for whether the sentence
   says what its article argues or what the article answers (trained on claims of pro and con
   articles, agreeing or not with their article), so that the lean can be turned for a view
   the author reports or grants;
2. an article model gives the article's lean in [-1, 1] from four measures of its own voice:
   the mean cue polarity of the sentences the author speaks in (not attributed to anyone, not
   reporting a camp), the title's polarity, which camp it reports (an article reports the
   other side's views to answer them, so reported critics are evidence of a pro article), and
   the mean meaning side of the author's own sentences;
3. the stance model reads the sentence's evidence and meaning side, that lean, the rest of its
   paragraph, how the lean bears on a cue-less, attributed, first-person or conceding sentence
   and on its voice, and where the sentence stands in its paragraph's turns (one that opens on
   "But …" answers what came before it; one followed by such a turn, or following a reported
   view, is what gets answered).

The article and stance passes are binary logistic regressions (pro vs con, classes balanced so
neither side is starved); the meaning and voice passes are support-vector machines with a
Gaussian (RBF) kernel over the unit sentence vectors (`Kernel`): a side is a region of meaning
space, not one direction through it, and on the annotated claims the kernel puts 0.665 of sided
claims on their side against the linear pass's 0.633 (quote level, leave one article out).
A fourth pass says how likely a sentence takes no side at all (neutral): a logistic regression
over metadiscourse that steps back from the question (a disclaimer, "does not settle it", what
would change the writer's mind, a gloss, a figure handed to its source; lexicon.py says where
each category comes from), the sentence features, how sure the side passes are, and a plain
kernel pass over the sentence vector (neutral against sided). It is fitted without class
weights, so its probability is calibrated; the side passes share the rest, and the likeliest of
the three is the label. The rules still decide a definition or an open question by its shape.
Trained only on annotated claims
and the annotators' overall stance of each article (`tools/train_stance.py`, regularisation by
nested cross-validation over articles) and always evaluated leave-one-article-out
(`tools/eval_loo.py`). The runtime needs no scikit-learn.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from model.importer import lexicon as lx

MODEL_FILE = lx.DATA / "stance_model.json"
VECTORS_FILE = lx.DATA / "stance_vectors.npz"  # the kernel passes' support vectors
KERNEL_GAMMA = 1.0  # 1 / (dimensions × variance) for unit vectors: scikit-learn's "scale"
CLASSES = ("con", "neutral", "pro")

# Third-party speech: "according to X", "X argues …", "she said", a quotation of some length;
# not the author's own "I think …" or "we argue …", which is the article's voice.
_SAYS = lx.pattern("reporting_verbs")
ATTRIBUTED = re.compile(
    rf"\baccording to\b|"
    rf"^(?:[\w.'’-]+,?\s+){{0,4}}(?!(?:I|we|has|have|had)\s)[\w.'’-]+,?\s+(?:has |have |had )?{_SAYS}\b|"
    rf"\b(?:he|she|they|who) (?:has |have |had )?{_SAYS}\b|[\"“][^\"”]{{15,}}[\"”]",
    re.I,
)
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|My|we|We|our|Our)\b")
EXPECTATION = re.compile(r"\b" + lx.pattern("expectation") + r"\b", re.I)

SENTENCE = ("polarity", "pro_cues", "con_cues", "cueless", "reported", "attributed",
            "first_person", "first_person_expects", "question", "hedge", "concedes",
            "meaning", "voice")  # fmt: skip
ARTICLE = ("own_voice_polarity", "title_polarity", "camps_reported", "own_voice_meaning")
CONTEXT = ("lean", "lean_if_cueless", "lean_if_attributed", "lean_if_first_person_expects",
           "lean_if_concedes", "paragraph", "paragraph_if_cueless", "section", "title",
           "lean_if_voice", "turns", "lean_if_turns", "before_turn", "lean_if_before_turn",
           "after_report", "lean_if_after_report")  # fmt: skip
NEUTRAL = ("disclaimer", "unsettled", "falsifier", "gloss", "evidential", "agnostic",
           "open_question", "definition", "number", *SENTENCE[:-2], "side_margin", "lean_size",
           "meaning_size", "voice_size", "plain")  # fmt: skip
NO_TURN = (0.0, 0.0, 0.0)
_NUMBER = re.compile(r"\d")


def cue_polarity(evidence: tuple[float, float]) -> float:
    """The rules' (pro, con) cue weight as one number in (-1, 1): the first sentence feature,
    and the title's polarity the article model and the context read."""
    pro, con = evidence
    return math.tanh((pro - con) / 2)


def sentence_features(text: str, evidence: tuple[float, float], side: int) -> list[float]:
    """What the sentence says by itself (evidence = the rules' (pro, con) cue weight)."""
    pro, con = evidence
    first = bool(FIRST_PERSON.search(text))
    return [
        cue_polarity(evidence),
        math.tanh(pro / 2),
        math.tanh(con / 2),
        1.0 if pro == 0 and con == 0 else 0.0,
        float(side),
        1.0 if ATTRIBUTED.search(text) else 0.0,
        float(first),
        1.0 if first and EXPECTATION.search(text) else 0.0,
        1.0 if text.rstrip().endswith("?") else 0.0,
        1.0 if lx.HEDGE.search(text) else 0.0,
        1.0 if concedes(text) else 0.0,
    ]


def neutral_features(
    text: str, sent: Sequence[float], lean: float, p_pro: float, plain: float
) -> list[float]:
    """Evidence that a sentence takes no side: metadiscourse that steps back from the question
    (lexicon: a disclaimer, "does not settle", what would change the writer's mind, a gloss, a
    figure handed to its source, not knowing, an open question, a definition), a number, the
    sentence features, how sure the side passes are (a weak side is more often no side) and the
    plain pass's reading of its meaning (neutral against sided, from the vector)."""
    m, v = SENTENCE.index("meaning"), SENTENCE.index("voice")
    return [
        *_marks(text),
        *sent[:m],
        abs(p_pro - 0.5),
        abs(lean),
        abs(sent[m]),
        abs(sent[v]),
        plain,
    ]


@functools.lru_cache(maxsize=4096)
def _marks(text: str) -> tuple[float, ...]:
    """The metadiscourse marks of neutral_features (read once per sentence: every reading of
    an article asks again)."""
    marks = (lx.DISCLAIMER, lx.UNSETTLED, lx.FALSIFIER, lx.GLOSS, lx.EVIDENTIAL, lx.AGNOSTIC,
             lx.OPEN_QUESTION, lx.DEFINITION, _NUMBER)  # fmt: skip
    return tuple(1.0 if p.search(text) else 0.0 for p in marks)


def concedes(text: str) -> bool:
    """Whether the sentence grants a point to the other side, names an objection or states a
    belief the author held before ("Admittedly, …", "The strongest objection is …", "We
    believed that …") — and does not answer it itself ("…, but …", "Although …, …")."""
    return bool(
        lx.CONCEDES.search(text)
        and not lx.REBUTTAL.search(text)
        and not lx.SUBORDINATE_CONCESSION.match(text)
    )


def turns(said: Sequence[str], paras: Sequence[int], reports: Sequence[bool]) -> list[tuple]:
    """Per unit, where it stands in its paragraph's turns: (opens on a contrastive marker, the
    next unit of the paragraph does, the unit before it in the paragraph reports, attributes or
    grants a view and this one does not turn). `reports` marks those reporting units."""
    opens = [bool(lx.TURN.match(t)) for t in said]
    out = []
    for i, o in enumerate(opens):
        nxt = i + 1 < len(said) and paras[i + 1] == paras[i] and opens[i + 1]
        prv = i > 0 and paras[i - 1] == paras[i] and reports[i - 1]
        out.append((float(o), float(nxt and not o), float(prv and not o)))
    return out


def reports(row: Sequence[float]) -> bool:
    """Whether a unit voices a view other than the author's — a camp's, someone's, or one the
    author grants — read from its sentence features (see sentence_features)."""
    return any(row[SENTENCE.index(k)] for k in ("reported", "attributed", "concedes"))


def own_voice(sides: Sequence[int], attributed: Sequence[bool]) -> list[int]:
    """Positions of the sentences the author speaks in: neither reporting a camp nor attributed."""
    return [i for i, (s, a) in enumerate(zip(sides, attributed)) if not s and not a]


def article_features(
    polarity: Sequence[float],
    sides: Sequence[int],
    attributed: Sequence[bool],
    title: float,
    meaning: Sequence[float] = (),
) -> list[float]:
    """Evidence of the article's own side from its body sentences' cue polarity, the camp each
    reports (+1 pro, -1 con) and whether it is attributed, the title's polarity, and the side
    its own sentences' meaning takes (see meaning_polarity). Reported views count the other way
    round: critics are quoted by those who answer them."""
    own_at = own_voice(sides, attributed)
    own = [math.tanh(polarity[i] / 2) for i in own_at]
    sense = [meaning[i] for i in own_at if i < len(meaning)]
    n = len(polarity) or 1
    camps = (sum(1 for s in sides if s < 0) - sum(1 for s in sides if s > 0)) / n
    mean = sum(own) / len(own) if own else 0.0
    return [mean, title, camps, sum(sense) / len(sense) if sense else 0.0]


def context_features(
    sent: Sequence[float],
    lean: float,
    paragraph: float,
    section: int,
    title: float,
    turn: Sequence[float] = NO_TURN,
) -> list[float]:
    """How the article bears on the sentence: its lean (strongest where the sentence has no cue
    of its own), the rest of its paragraph, a side's section, the title's polarity, its voice,
    and its place in the paragraph's turns (see turns)."""
    big = lean
    cueless, attributed, expects = sent[3], sent[5], sent[7]
    conceded, voice = sent[SENTENCE.index("concedes")], sent[SENTENCE.index("voice")]
    opens, before, after = turn
    return [big, big * cueless, big * attributed, big * expects, big * conceded,
            paragraph, paragraph * cueless, float(section), title, big * voice,
            opens, big * opens, before, big * before, after, big * after]  # fmt: skip


@dataclass(frozen=True)
class Logit:
    """One binary logistic regression: P(pro) = σ(w·x + b)."""

    coef: list[float]
    intercept: float

    def p_pro(self, x: Sequence[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coef, x))
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


@dataclass(frozen=True, eq=False)
class Kernel:
    """An RBF support-vector pass over unit sentence vectors: decision(x) = Σ αᵢ·exp(−γ‖x − sᵢ‖²)
    + b, positive toward pro (or toward agreeing, for the voice pass)."""

    vectors: Any  # support vectors, float32 (n, dimensions)
    dual: Any  # αᵢ (signed dual coefficients), float32 (n,)
    gamma: float
    intercept: float

    def decision(self, vectors: Any) -> Any:
        import numpy as np

        x = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
        d2 = (x * x).sum(1)[:, None] + self.squares[None, :] - 2.0 * (x @ self.vectors.T)
        return np.exp(-self.gamma * np.maximum(d2, 0.0)) @ self.dual + self.intercept

    @cached_property
    def squares(self) -> Any:
        """‖sᵢ‖², computed once per pass (every sentence of an import reads them)."""
        return (self.vectors * self.vectors).sum(1)


def vector_logits(model: Logit, vectors: Any, clip: float) -> Any:
    """A meaning pass's logit of each sentence vector, clipped to ±clip, and 0 for a zero vector
    (no text, or no WordLlama): the numpy array both meaning passes (stance, claim ranker) read."""
    import numpy as np

    v = np.asarray(vectors, dtype=float).reshape(len(vectors), -1)
    z = np.clip(v @ np.asarray(model.coef) + model.intercept, -clip, clip)
    z[~v.any(axis=1)] = 0.0
    return z


def meaning_polarity(model: Logit | Kernel | None, vectors: Any) -> list[float]:
    """Each sentence vector's side by a meaning model in [-1, 1]: P(pro) − P(con) for a logit,
    tanh of the margin for a kernel pass; 0 for a zero vector (no text, or no WordLlama) or
    without a model."""
    import numpy as np

    if model is None or not len(vectors):
        return [0.0] * len(vectors)
    if isinstance(model, Kernel):
        v = np.asarray(vectors, dtype=np.float32).reshape(len(vectors), -1)
        pol = np.tanh(model.decision(v))
        pol[~v.any(axis=1)] = 0.0
    else:
        pol = 2 / (1 + np.exp(-vector_logits(model, vectors, 30.0))) - 1
    return [float(p) for p in pol]


@dataclass(frozen=True)
class GeneralStance:
    """The three passes (see the module docstring) and what they were trained on."""

    article: Logit
    stance: Logit
    trained_on: str = ""
    c: float = 0.3
    meta: dict = field(default_factory=dict)
    classes: tuple[str, ...] = ("con", "pro")
    meaning: Logit | Kernel | None = None
    voice: Logit | Kernel | None = None
    plain: Logit | Kernel | None = None  # neutral against sided, from the sentence vector
    neutral: Logit | None = None  # P(neutral) from neutral_features

    @property
    def reads_vectors(self) -> bool:
        """Whether a pass of the model reads sentence vectors (meaning, voice or plain)."""
        return any(p is not None for p in (self.meaning, self.voice, self.plain))

    def meaning_polarity(self, vectors: Any) -> list[float]:
        """Each sentence vector's side by the meaning pass (see meaning_polarity)."""
        return meaning_polarity(self.meaning, vectors)

    def voice_polarity(self, vectors: Any) -> list[float]:
        """Each sentence vector's agreement with its article by the voice pass, P(agrees) −
        P(answers) in [-1, 1] (0 without the pass)."""
        return meaning_polarity(self.voice, vectors)

    def plain_polarity(self, vectors: Any) -> list[float]:
        """Each sentence vector's reading by the plain pass in [-1, 1], neutral (+) against
        sided (-); 0 without the pass."""
        return meaning_polarity(self.plain, vectors)

    def lean(self, article: Sequence[float]) -> float:
        """The article's lean in [-1, 1], P(pro) − P(con) by the article model."""
        return 2 * self.article.p_pro(article) - 1

    def probabilities(
        self, sent: Sequence[float], context: Sequence[float], text: str = "", plain: float = 0.0
    ) -> dict[str, float]:
        """P(pro), P(con) for one sentence (sentence and context features) and, with the
        neutral pass and the sentence's text, P(neutral): the side passes share what is left.
        The neutral pass is fitted without class weights, so its probability is calibrated and
        the largest of the three is the likeliest label (no threshold to tune)."""
        p = self.stance.p_pro([*sent, *context])
        if self.neutral is None or not text:
            return {"pro": p, "con": 1 - p}
        q = self.neutral.p_pro(neutral_features(text, sent, context[0], p, plain))
        return {"pro": (1 - q) * p, "con": (1 - q) * (1 - p), "neutral": q}

    def to_json(self) -> dict:
        """The readable part; a kernel pass's support vectors go to arrays() (VECTORS_FILE)."""
        passes = (("meaning_model", self.meaning, "meaning"), ("voice_model", self.voice, "voice"),
                  ("plain_model", self.plain, "plain"), ("neutral_model", self.neutral, ""))  # fmt: skip
        return {
            "about": __doc__.split("\n\n")[0],
            "trained_on": self.trained_on,
            "hyperparameters": {"C": self.c},
            "article_features": list(ARTICLE),
            "sentence_features": list(SENTENCE),
            "context_features": list(CONTEXT),
            **({"neutral_features": list(NEUTRAL)} if self.neutral is not None else {}),
            "article_model": _pass_json(self.article, ""),
            "stance_model": _pass_json(self.stance, ""),
            **{key: _pass_json(p, name) for key, p, name in passes if p is not None},
            **({"fit": self.meta} if self.meta else {}),
        }

    def arrays(self) -> dict[str, Any]:
        """The kernel passes' support vectors and dual coefficients, by name."""
        out = {}
        for name, p in (("meaning", self.meaning), ("voice", self.voice), ("plain", self.plain)):
            if isinstance(p, Kernel):
                out[f"{name}_vectors"], out[f"{name}_dual"] = p.vectors, p.dual
        return out

    def save(self, path: Path = MODEL_FILE, vectors: Path = VECTORS_FILE) -> None:
        """Write the JSON and, when a pass is a kernel, its support vectors beside it."""
        import numpy as np

        path.write_text(json.dumps(self.to_json(), indent=1), encoding="utf-8")
        arrays = self.arrays()
        if arrays:
            with vectors.open("wb") as f:
                np.savez(f, **arrays)

    @classmethod
    def from_json(cls, data: dict, arrays: Mapping[str, Any] | None = None) -> GeneralStance:
        """The model from to_json()'s dict and, for kernel passes, arrays()'s arrays."""
        arrays = arrays or {}

        def part(key: str, name: str) -> Logit | Kernel | None:
            return _pass_from(data[key], name, arrays) if key in data else None

        return cls(
            _pass_from(data["article_model"], "", arrays),
            _pass_from(data["stance_model"], "", arrays),
            data.get("trained_on", ""),
            float(data.get("hyperparameters", {}).get("C", 0.3)),
            dict(data.get("fit", {})),
            meaning=part("meaning_model", "meaning"),
            voice=part("voice_model", "voice"),
            plain=part("plain_model", "plain"),
            neutral=part("neutral_model", ""),  # type: ignore[arg-type]
        )


def _pass_json(p: Logit | Kernel, name: str) -> dict:
    if isinstance(p, Kernel):
        return {"kind": "rbf", "gamma": p.gamma, "intercept": float(p.intercept),
                "support_vectors": len(p.dual), "arrays": [f"{name}_vectors", f"{name}_dual"]}  # fmt: skip
    return {"coef": _r(p.coef), "intercept": _r1(p.intercept)}


def _pass_from(d: dict, name: str, arrays: Mapping[str, Any]) -> Logit | Kernel:
    if d.get("kind") == "rbf":
        import numpy as np

        vecs = np.asarray(arrays[f"{name}_vectors"], dtype=np.float32)
        dual = np.asarray(arrays[f"{name}_dual"], dtype=np.float32)
        return Kernel(vecs, dual, float(d["gamma"]), float(d["intercept"]))
    return Logit(list(d["coef"]), float(d["intercept"]))


def _r(xs: Sequence[float]) -> list[float]:
    return [round(float(x), 6) for x in xs]


def _r1(x: float) -> float:
    return round(float(x), 6)


def fit_logit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    c: float,
    positive: str = "pro",
    balanced: bool = True,
) -> Logit:
    """A binary logistic regression, `positive` against the rest (needs scikit-learn); balanced
    classes unless told otherwise (a calibrated probability wants the real class shares)."""
    from sklearn.linear_model import LogisticRegression

    weight = "balanced" if balanced else None
    clf = LogisticRegression(C=c, max_iter=3000, class_weight=weight)
    clf.fit([list(r) for r in rows], [1 if y == positive else 0 for y in labels])
    return Logit([float(w) for w in clf.coef_[0]], float(clf.intercept_[0]))


def fit_kernel(rows: Any, labels: Sequence[str], c: float, positive: str = "pro") -> Kernel:
    """A balanced RBF support-vector pass, `positive` against the rest, over unit vectors
    (needs scikit-learn)."""
    import numpy as np
    from sklearn.svm import SVC

    x = np.asarray(rows, dtype=np.float64)
    clf = SVC(C=c, kernel="rbf", gamma=KERNEL_GAMMA, class_weight="balanced")
    clf.fit(x, [1 if y == positive else 0 for y in labels])
    vecs = x[clf.support_].astype(np.float32)
    return Kernel(
        vecs, clf.dual_coef_[0].astype(np.float32), KERNEL_GAMMA, float(clf.intercept_[0])
    )


def fit_scaled_logit(
    rows: Sequence[Sequence[float]],
    labels: Sequence[str],
    c: float,
    positive: str = "pro",
    balanced: bool = True,
) -> Logit:
    """fit_logit on standardised features, the scaling folded back into the weights, so that
    regularisation treats measures of different ranges alike and the file stays one Logit."""
    import numpy as np

    x = np.asarray(rows, dtype=float)
    mean, std = x.mean(axis=0), x.std(axis=0)
    std[std < 1e-9] = 1.0
    z = fit_logit(((x - mean) / std).tolist(), labels, c, positive, balanced)
    coef = np.asarray(z.coef) / std
    return Logit(coef.tolist(), z.intercept - float(coef @ mean))


@cache
def shipped() -> GeneralStance | None:
    """The model trained on every annotated article (None if a file of it is missing)."""
    if not MODEL_FILE.is_file():
        return None
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    if "article_model" not in data:
        return None
    passes = ("meaning_model", "voice_model", "plain_model")
    kernels = any(data.get(k, {}).get("kind") == "rbf" for k in passes)
    if not kernels:
        return GeneralStance.from_json(data)
    if not VECTORS_FILE.is_file():
        return None
    import numpy as np

    with np.load(VECTORS_FILE) as arrays:
        return GeneralStance.from_json(data, dict(arrays))
