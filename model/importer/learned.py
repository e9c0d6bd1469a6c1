"""A linear stance model learned from annotated claims, stored as readable JSON.

The rules in stance.py read cue words, negation, reported speech and sections; what they miss is
the debate's wider vocabulary. This model adds it: a multinomial logistic regression over the
claim's word uni- and bigrams (TF-IDF) plus the rules' own evidence (polarity, reported side,
hedge, question), trained only on annotated claims (`tools/train_stance.py`) and always evaluated
leave-one-article-out (`tools/eval_loo.py`). The runtime needs no scikit-learn: it recomputes the
TF-IDF features from the stored vocabulary and idf and takes dot products.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from model.importer import lexicon as lx

MODEL_FILE = lx.DATA / "stance_model.json"
CLASSES = ("con", "neutral", "pro")
_TOKEN = re.compile(r"(?u)\b\w\w+\b")
EXTRA = ("polarity", "reported", "hedge", "question", "article_lean", "local_lean", "rule_vote")


def _ngrams(text: str) -> list[str]:
    toks = _TOKEN.findall(text.lower())
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def extra_features(
    text: str,
    polarity: float,
    side: int,
    lean: float = 0.0,
    local: float = 0.0,
    rule: float = 0.0,
) -> list[float]:
    """The rules' evidence as features: they generalise where words do not. lean is the
    article's own side, local that plus the rest of the paragraph, rule the rules' vote
    (+confidence for pro, −confidence for con, 0 for neutral)."""
    return [
        math.tanh(polarity / 2),
        float(side),
        1.0 if lx.HEDGE.search(text) else 0.0,
        1.0 if text.rstrip().endswith("?") else 0.0,
        lean,
        local,
        rule,
    ]


def rule_vote(label: str, conf: float) -> float:
    """The rules' label as one signed number."""
    return conf if label == "pro" else -conf if label == "con" else 0.0


@dataclass(frozen=True)
class LinearStance:
    vocab: dict[str, int]
    idf: list[float]
    coef: list[list[float]]  # per class: one weight per vocabulary entry, then one per EXTRA
    intercept: list[float]
    classes: tuple[str, ...] = CLASSES
    trained_on: str = ""
    min_confidence: float = 0.4  # the model decides when its top class has at least this
    c: float = 4.0

    def _words(self, text: str) -> dict[int, float]:
        counts = Counter(g for g in _ngrams(text) if g in self.vocab)
        vec = {
            self.vocab[g]: (1 + math.log(c)) * self.idf[self.vocab[g]] for g, c in counts.items()
        }
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {k: v / norm for k, v in vec.items()}

    def probabilities(
        self,
        text: str,
        polarity: float,
        side: int,
        *,
        lean: float = 0.0,
        local: float = 0.0,
        rule: float = 0.0,
    ) -> dict[str, float]:
        """P(class) for one claim; the other arguments are the rules' reading of it."""
        words = self._words(text)
        extra = extra_features(text, polarity, side, lean, local, rule)
        n = len(self.vocab)
        logits = []
        for c, row in enumerate(self.coef):
            z = self.intercept[c] + sum(row[k] * v for k, v in words.items())
            z += sum(w * x for w, x in zip(row[n:], extra))
            logits.append(z)
        top = max(logits)
        exps = [math.exp(z - top) for z in logits]
        total = sum(exps)
        return {cls: e / total for cls, e in zip(self.classes, exps)}

    def to_json(self) -> dict:
        return {
            "about": __doc__.split("\n\n")[0],
            "trained_on": self.trained_on,
            "hyperparameters": {"C": self.c, "min_confidence": self.min_confidence},
            "classes": list(self.classes),
            "extra_features": list(EXTRA),
            "vocab": self.vocab,
            "idf": [round(x, 5) for x in self.idf],
            "intercept": [round(x, 5) for x in self.intercept],
            "coef": [[round(x, 5) for x in row] for row in self.coef],
        }

    @classmethod
    def from_json(cls, data: dict) -> LinearStance:
        return cls(
            vocab=dict(data["vocab"]),
            idf=list(data["idf"]),
            coef=[list(r) for r in data["coef"]],
            intercept=list(data["intercept"]),
            classes=tuple(data["classes"]),
            trained_on=data.get("trained_on", ""),
            min_confidence=float(data.get("hyperparameters", {}).get("min_confidence", 0.4)),
            c=float(data.get("hyperparameters", {}).get("C", 4.0)),
        )


def train(
    examples: Sequence[tuple],
    trained_on: str = "",
    c: float = 4.0,
    min_confidence: float = 0.4,
) -> LinearStance:
    """Fit on (text, label, rule polarity, reported side[, article lean, local lean, rule
    vote]) examples (needs scikit-learn)."""
    import numpy as np
    from scipy.sparse import csr_matrix, hstack
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [e[0] for e in examples]
    vec = TfidfVectorizer(sublinear_tf=True, ngram_range=(1, 2), min_df=2, lowercase=True)
    words = vec.fit_transform(texts)
    extra = csr_matrix(np.array([extra_features(e[0], *e[2:]) for e in examples]))
    x = hstack([words, extra]).tocsr()
    y = [e[1] for e in examples]
    clf = LogisticRegression(C=c, max_iter=2000, class_weight="balanced")
    clf.fit(x, y)
    classes = tuple(str(k) for k in clf.classes_)
    coef = clf.coef_
    if len(classes) == 2:  # binary: sklearn keeps one row
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        intercept = [-clf.intercept_[0] / 2, clf.intercept_[0] / 2]
    else:
        intercept = list(clf.intercept_)
    vocab = {str(k): int(v) for k, v in vec.vocabulary_.items()}
    return LinearStance(
        vocab, list(vec.idf_), [list(map(float, r)) for r in coef], [float(i) for i in intercept],
        classes, trained_on, min_confidence, c,
    )  # fmt: skip


@cache
def shipped() -> LinearStance | None:
    """The model trained on every annotated article (None if the file is missing)."""
    if not MODEL_FILE.is_file():
        return None
    return LinearStance.from_json(json.loads(MODEL_FILE.read_text(encoding="utf-8")))
