"""A learned claim ranker over general sentence features, stored as readable JSON.

The additive rule score in claims.py weighs its cues by hand; this model learns how much each
general property of a sentence says "claim": the rule score itself, position in the article and
paragraph, length, first-person and author-position markers, modality, hedges, polarity, TF-IDF
centrality and similarity to the title, a headline's capitals — and what the sentence means: a
meaning pass (a logistic regression over its WordLlama vector, model/importer/meaning.py, the
vectors the stance model reads too) gives its claim-likeness, fitted out of fold at training
time so the ranker trusts it only as far as it holds on unseen articles. A logistic regression
trained only on annotated claims (`tools/train_ranker.py`), evaluated leave-one-article-out
(`tools/eval_loo.py`), with its regularisation, proposal threshold and per-article cap chosen by
cross-validation inside the training articles. No word of any article is a feature, only
sentence shapes and a linear reading of the embedding, so it carries over to new voices. The
runtime needs no scikit-learn: standardise, dot product, logistic.
"""

from __future__ import annotations

import bisect
import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from model.importer import lexicon as lx
from model.importer.article import Sentence
from model.importer.learned import Logit, vector_logits

MODEL_FILE = lx.DATA / "claim_model.json"

FEATURES = (
    "rule_score",  # claims.score_all, clipped to [-4, 8]
    "rule_rank",  # the rule score's percentile in its article (1 = best)
    "centrality",  # rank-based TF-IDF centrality in [-0.5, 0.5]
    "title_sim",  # TF-IDF cosine with the article's title
    "position",  # relative position in the article
    "intro",  # in the first 12 % of the sentences
    "outro",  # in the last 15 %
    "log_words",
    "para_first",
    "para_last",
    "para_alone",  # a one-sentence paragraph
    "first_person_singular",  # I, my, me
    "first_person_plural",  # we, our, us
    "author_verdict",  # "I think", "my view", "we conclude"
    "modal",  # will, would, can't, must, should … (argue.txt), count ≤ 3
    "hedge",
    "future_or_prediction",  # will, by 2030, expect, predict
    "polarity",  # |rule polarity|, tanh
    "negation",
    "topic",  # debate vocabulary count ≤ 4
    "thesis",  # scaling, AGI, general intelligence
    "question",
    "quote_marks",
    "digits",  # count of numbers ≤ 4
    "has_fact",
    "bullet",
    "discourse",  # opens with but/so/in short/…
    "title_case",  # share of its words after the first that are capitalised (headline-like)
    "meaning_centrality",  # cosine of its meaning vector with the article's mean vector
    # Last, as training fills it in out of fold (tools/train_ranker.py):
    "meaning",  # claim-likeness of the sentence's meaning vector by the meaning pass (logit)
)
MEANING_CLIP = 8.0  # the meaning pass's logit is clipped to ±8 (P ≈ 0.9997): a bounded feature

_FIRST_SING = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me|mine)\b")
_FIRST_PLUR = re.compile(r"\b(?:we|our|us|we're|we’re|we've|we’ve)\b", re.I)
_VERDICT = re.compile(
    r"\b(?:(?:my|our) (?:conclusion|view|guess|assessment|verdict|bet|position|prediction|"
    r"expectation|sense)|(?:I|we) (?:(?:still|now|do|don't|don’t|strongly) )?(?:conclude|think|"
    r"believe|argue|expect|bet|suspect|predict|doubt|claim)|in (?:my|our) (?:view|opinion))\b",
    re.I,
)
_FUTURE = re.compile(
    r"\b(?:will|won't|won’t|going to|by (?:19|20)\d\d|expect\w*|predict\w*|forecast\w*|"
    r"within (?:a|the next|\w+) (?:years?|decades?))\b",
    re.I,
)
_THESIS = re.compile(
    r"\b(?:agi|scal\w+|general intelligence|human-level|superintelligen\w*|transformative)\b", re.I
)


def tfidf_views(bodies: Sequence[str], title: str):  # noqa: ANN202
    """Rank centrality and title similarity from one TF-IDF fit over the article's sentences."""
    import numpy as np

    from model.tfidf import Tfidf

    n = len(bodies)
    if n < 3:
        return [0.0] * n, [0.0] * n
    try:
        vec = Tfidf()
        x = vec.fit_transform(bodies)
    except ValueError:
        return [0.0] * n, [0.0] * n
    # Row sums of the similarity matrix without building it (n² memory): x·(Σ rows) − |row|².
    total = x.dot(x.column_sums())
    self_sim = x.squared_sums()
    order = np.argsort(np.argsort(-(total - self_sim), kind="stable"), kind="stable")
    cent = list(0.5 - order / (n - 1))
    if not title.strip():
        return cent, [0.0] * n
    t = vec.transform([title])
    sims = x.dot_rows(t).ravel()
    return cent, [float(v) for v in sims]


def features(
    sentences: Sequence[Sentence],
    bodies: Sequence[str],
    rule_scores: Sequence[float],
    centrality: Sequence[float],
    title_sim: Sequence[float],
    has_fact: Sequence[bool],
    sense: Sequence[float] | None = None,
    vectors: Any = None,
) -> list[list[float] | None]:
    """One feature row per sentence (None where the rules exclude it: heading, fragment, table);
    sense is each sentence's meaning score (LinearRanker.meaning_scores) and vectors their
    meaning vectors (meaning.vectors), zeros without them."""
    from model.importer.stance import polarity

    n = len(sentences)
    keep = [math.isfinite(x) for x in rule_scores]
    finite = sorted(x for x, k in zip(rule_scores, keep) if k)
    mcent = meaning_centrality(vectors, keep)

    rows: list[list[float] | None] = []
    for i, (s, b) in enumerate(zip(sentences, bodies)):
        sc = rule_scores[i]
        if not math.isfinite(sc):
            rows.append(None)
            continue
        first = i == 0 or sentences[i - 1].para != s.para
        last = i == n - 1 or sentences[i + 1].para != s.para
        pos = i / max(1, n - 1)
        rank = bisect.bisect_left(finite, sc) / max(1, len(finite) - 1) if len(finite) > 1 else 1.0
        words = b.split()
        rows.append(
            [
                max(-4.0, min(8.0, sc)),
                min(1.0, rank),
                centrality[i],
                title_sim[i],
                pos,
                float(pos < 0.12),
                float(pos > 0.85),
                math.log1p(len(words)),
                float(first and not last),
                float(last and not first),
                float(first and last),
                float(bool(_FIRST_SING.search(b))),
                float(bool(_FIRST_PLUR.search(b))),
                float(bool(_VERDICT.search(b))),
                float(min(3, len(lx.ARGUE.findall(b)))),
                float(bool(lx.HEDGE.search(b))),
                float(bool(_FUTURE.search(b))),
                math.tanh(abs(polarity(b)) / 2),
                float(bool(lx.NEGATION.search(b))),
                float(min(4, len(lx.TOPIC.findall(b)))),
                float(bool(_THESIS.search(b))),
                float(b.rstrip().endswith("?")),
                float(bool(re.search(r"[\"“”]", b))),
                float(min(4, len(re.findall(r"\d+(?:[.,]\d+)?", b)))),
                float(has_fact[i]),
                float(s.bullet),
                float(bool(lx.DISCOURSE.match(b))),
                title_case(b),
                mcent[i],
                sense[i] if sense is not None else 0.0,
            ]
        )
    return rows


def title_case(body: str) -> float:
    """Share of the words after the first that start with a capital: a headline or a book title
    ("How Scale Made Minds") capitalises most, prose only its names."""
    words = [w.lstrip("\"“‘'(") for w in body.split()[1:]]
    words = [w for w in words if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def meaning_centrality(vectors: Any, keep: Sequence[bool]) -> list[float]:
    """Cosine of each unit's meaning vector with the mean vector of the units kept (not
    excluded by the rules): a claim restates what the article is about; zeros without vectors."""
    import numpy as np

    n = len(keep)
    if vectors is None or not n:
        return [0.0] * n
    v = np.asarray(vectors, dtype=float).reshape(n, -1)
    mask = np.asarray(keep, dtype=bool) & v.any(axis=1)
    if not mask.any():
        return [0.0] * n
    centre = v[mask].mean(axis=0)
    norm = float(np.linalg.norm(centre))
    return [float(x) for x in (v @ centre / norm if norm > 0 else np.zeros(n))]


@dataclass(frozen=True)
class LinearRanker:
    """P(claim) = logistic(intercept + Σ coef·(x − mean)/scale); threshold = proposal cut-off."""

    names: tuple[str, ...]
    mean: list[float]
    scale: list[float]
    coef: list[float]
    intercept: float
    threshold: float
    c: float = 1.0
    trained_on: str = ""
    cap_scale: float | None = None  # at most cap_scale · n^cap_exponent proposals (claims.cap)
    cap_exponent: float | None = None
    meaning: Logit | None = None  # the meaning pass: claim vs not from the sentence vector

    def meaning_scores(self, vectors: Any) -> list[float]:
        """Each sentence vector's claim-likeness by the meaning pass, its logit clipped to
        ±MEANING_CLIP; 0 for a zero vector (no text, or no WordLlama) or without a pass."""
        return meaning_scores(self.meaning, vectors)

    def probability(self, row: Sequence[float]) -> float:
        z = self.intercept + sum(
            w * (x - m) / s for w, x, m, s in zip(self.coef, row, self.mean, self.scale)
        )
        return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict:
        return {
            "about": __doc__.split("\n\n")[0],
            "trained_on": self.trained_on,
            "hyperparameters": {
                "C": self.c,
                "threshold": self.threshold,
                "cap_scale": self.cap_scale,
                "cap_exponent": self.cap_exponent,
            },
            "threshold": self.threshold,
            "intercept": round(self.intercept, 5),
            "features": {
                n: {"weight": round(w, 5), "mean": round(m, 5), "scale": round(s, 5)}
                for n, w, m, s in zip(self.names, self.coef, self.mean, self.scale)
            },
            **({"meaning_model": {"coef": [round(float(w), 6) for w in self.meaning.coef],
                                  "intercept": round(float(self.meaning.intercept), 6)}}
               if self.meaning else {}),
        }  # fmt: skip

    @classmethod
    def from_json(cls, data: dict) -> LinearRanker:
        feats = data["features"]
        names = tuple(feats)
        if names != FEATURES:
            raise ValueError("claim model features differ from this version's")
        hyper = data.get("hyperparameters", {})
        return cls(
            names=names,
            mean=[feats[n]["mean"] for n in names],
            scale=[feats[n]["scale"] for n in names],
            coef=[feats[n]["weight"] for n in names],
            intercept=float(data["intercept"]),
            threshold=float(data["threshold"]),
            c=float(hyper.get("C", 1.0)),
            trained_on=data.get("trained_on", ""),
            cap_scale=hyper.get("cap_scale"),
            cap_exponent=hyper.get("cap_exponent"),
            meaning=Logit(list(m["coef"]), float(m["intercept"]))
            if (m := data.get("meaning_model"))
            else None,
        )


def train(
    rows: Sequence[Sequence[float]],
    labels: Sequence[int],
    weights: Sequence[float] | None = None,
    *,
    c: float = 1.0,
    threshold: float = 0.5,
    trained_on: str = "",
    cap: tuple[float, float] | None = None,
    meaning: Logit | None = None,
) -> LinearRanker:
    """Fit on feature rows and 0/1 labels (1 = the sentence is a gold claim); needs scikit-learn."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.asarray(rows, dtype=float)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    clf = LogisticRegression(C=c, max_iter=2000)
    clf.fit((x - mean) / scale, np.asarray(labels), sample_weight=weights)
    return LinearRanker(
        FEATURES, [float(v) for v in mean], [float(v) for v in scale],
        [float(v) for v in clf.coef_[0]], float(clf.intercept_[0]), threshold, c, trained_on,
        *(cap or (None, None)), meaning,
    )  # fmt: skip


def meaning_scores(model: Logit | None, vectors: Any) -> list[float]:
    """The meaning pass's logit of each sentence vector, clipped to ±MEANING_CLIP (0 for a zero
    vector or without a model): how much what the sentence says reads like an argued claim."""
    if model is None or not len(vectors):
        return [0.0] * len(vectors)
    return [float(x) for x in vector_logits(model, vectors, MEANING_CLIP)]


def fit_meaning(
    vectors: Any, labels: Sequence[int], weights: Sequence[float] | None, c: float
) -> Logit:
    """The meaning pass: a logistic regression of claim (1) vs not (0) on sentence vectors."""
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, max_iter=3000)
    clf.fit(vectors, list(labels), sample_weight=weights)
    return Logit([float(w) for w in clf.coef_[0]], float(clf.intercept_[0]))


@cache
def shipped() -> LinearRanker | None:
    """The ranker trained on every annotated article (None if the file is missing)."""
    if not MODEL_FILE.is_file():
        return None
    return LinearRanker.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
