"""Rank sentences by how much they read like a claim in the scaling debate.

A transparent additive score (weights below) over lexical cues: debate vocabulary, modality and
verdict words, negation, discourse markers; minus examples, questions, anecdotes, list intros.
"""

from __future__ import annotations

import bisect
import math
import re
from collections.abc import Sequence
from typing import Any

from model.importer import lexicon as lx
from model.importer import meaning, ranker
from model.importer.article import Sentence
from model.importer.sentences import opens_lower, strip_attribution
from model.importer.stance import polarity
from model.tex_display import readable

THRESHOLD = 1.8  # minimum score to propose a sentence
# The rules alone: never more than 60 % of the sentences, nor more than 30 + 1 per 10 sentences.
MAX_SHARE = 0.6
CAP_BASE, CAP_PER_SENTENCE = 30, 0.1
# With the learned ranker the cap grows as scale · n^exponent (n sentences): annotators of the 35
# development articles marked about 6 · n^0.39 claim sentences (log-log fit, r = 0.83), so an
# essay five times longer holds about twice as many claims, not five times. The model file
# carries its own scale and exponent, chosen by cross-validation with its threshold.
CAP_MIN = 5


_SUBJECT = re.compile(
    r"\b(?:llms?|(?:language )?models?|scal(?:e|ing)|agi|data|compute|ai|systems?|transformers?|"
    r"benchmarks?|intelligence|architectures?|self-play|synthetic|training|emergence|progress|"
    r"gpt[\w.-]*|deep learning|neural networks?|this view|the evidence|the (?:path|route) to)\b",
    re.I,
)
_THESIS = re.compile(
    r"\b(?:agi|scal\w+|general intelligence|human-level|superintelligen\w*)\b", re.I
)
_VERDICT = re.compile(
    r"\b(?:(?:my|our) (?:conclusion|view|assessment|verdict|bet|position)|"
    r"(?:we|I) (?:conclude|think|believe|argue|expect|bet)|in (?:my|our) view)\b",
    re.I,
)
_NOTE_LABEL = re.compile(
    r"^(?:original note|note|editor(?:'|’)?s note|q|a|example|source|image|"
    r"figure|fig|photo|caption|update|disclaimer)\s*:",
    re.I,
)


# A sentence cannot end on a word that needs a continuation (a modal, an article, a preposition,
# a conjunction): "Data of the right kind cannot" is half a sentence cut at a line break.
_DANGLING = re.compile(
    r"\b(?:can|cannot|can't|will|would|could|should|must|may|might|shall|do|does|did|is|are|was|"
    r"were|be|been|has|have|had|not|the|a|an|of|to|in|on|at|by|for|with|from|into|than|as|and|or|"
    r"but|nor|that|which|who|whose|if|because|while|although|its|their|his|her|our|my|your|this|"
    r"these|those|very|more|most)[\s,;—–-]*$",
    re.I,
)
_CAPTION = re.compile(
    r"^(?:figure|fig\.|table|chart|image|photo|source|credit|caption|illustration|graphic)\s*"
    r"(?:\d+[a-z]?)?\s*[:.—–-]",
    re.I,
)


_TEX = re.compile(r"\$\$|\\(?:frac|left|right|sum|approx|alpha|beta|cdot|times)\b|\^\{")
_OPERATOR = re.compile(r"\s(?:=|→|⇒|->|\+)\s|[\w)]\s*(?:=|→|⇒)\s*[\w(]")
_CITED_YEAR = re.compile(r"\((?:19|20)\d\d[a-z]?\)[.,]?$")


PROSE_WORDS = 8  # words of two letters or more that make TeX-holding text a sentence of prose


def is_formula(body: str) -> bool:
    """An equation or a slogan written as one ("More scaling = more capability", "Scale LLMs →
    AGI!"), or TeX: symbols joining a few words are not an argued sentence. A sentence of prose
    that contains an equation ("It assumes that more compute = more intelligence") or inline math
    is kept."""
    if _TEX.search(body):
        if "$$" in body:
            return True  # display math
        body = readable(body)  # inline math in prose ("exponent α ≈ 0.076 implies …") is prose
        if len([w for w in body.split() if sum(ch.isalpha() for ch in w) >= 2]) < PROSE_WORDS:
            return True
    words = [w for w in body.split() if any(ch.isalpha() for ch in w)]
    return bool(_OPERATOR.search(body)) and len(words) <= 6


def is_reference(sentence: str) -> bool:
    """A reference or credit line: it ends with a year in brackets and is made of names and a
    title ("J. Doe, “Some Title” (2017)"), with few words in lower case as prose has."""
    text = sentence.strip()
    if not _CITED_YEAR.search(text):
        return False
    words = [w.strip("\"“”‘’'(,") for w in text.split()[:-1]]
    words = [w for w in words if w and w[0].isalpha()]
    return not words or sum(w[0].islower() for w in words) <= 0.3 * len(words)


def is_fragment(sentence: str, casual: bool = False) -> bool:
    """A piece of a sentence rather than a sentence: it starts in lower case (a continuation,
    unless the text is written without capitals: `casual`), ends without punctuation on a word
    that needs more, or has an unclosed bracket."""
    b = re.sub(r"^\s*(?:[-–•*·▪◦]\s+|\(?\d{1,2}[.)]\s+)", "", sentence).strip().strip("\"“'‘*_")
    if not b:
        return True
    if not casual and opens_lower(b):
        return True
    if _DANGLING.search(b):
        return True
    return b.count("(") > b.count(")")


_FIRST_SINGULAR = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|[Mm]y|[Mm]e|[Mm]ine)\b")
_FUTURE = re.compile(r"\b(?:will|won't|won’t|going to|expect\w*|predict\w*|forecast\w*)\b", re.I)


def is_anecdote(body: str) -> bool:
    """A first-person sentence with none of the marks of argument — no debate word, no view, no
    modal or argument word, no side's cue, hedge, negation or expectation: a story from the
    author's life ("My grandmother kept bees"), thanks, asides; not a claim. In the 75 annotated
    articles 30 of 179 such sentences are claims (a sixth; first-person sentences with a mark,
    two fifths), holding 11 of the 1,235 claims of importance ≥ 2."""
    if not _FIRST_SINGULAR.search(body):
        return False
    marks = (lx.TOPIC, lx.ARGUE, lx.HEDGE, lx.NEGATION, _THESIS, _VERDICT, _FUTURE)
    return not any(m.search(body) for m in marks) and polarity(body) == 0


def claim_score(
    s: Sentence,
    body: str,
    rel_pos: float,
    *,
    label: str = "",
    para_first: bool = False,
    para_last: bool = False,
    has_fact: bool = False,
) -> float:
    """Additive claim score of one sentence (body = the sentence without its leading label)."""
    words = body.split()
    n = len(words)
    fragment = not s.spoken and is_fragment(s.text, s.casual)  # a caption line is a whole unit
    if s.heading or n < 4 or fragment or _CAPTION.match(s.text.lstrip()):
        return -math.inf
    if is_formula(body) or is_reference(s.text) or is_anecdote(body):
        return -math.inf
    if sum(ch.isalpha() for ch in body) < 0.5 * len(body):
        return -math.inf  # table rows, number lists
    score = 0.5 * min(len(lx.TOPIC.findall(body)), 4)
    score += 0.6 * min(len(lx.ARGUE.findall(body)), 5)
    score += 0.3 * min(len(lx.PRO.findall(body)) + len(lx.CON.findall(body)), 4)
    pol = polarity(body)
    score += 0.3 * min(abs(pol), 3)  # a clear verdict either way
    if lx.NEGATION.search(body):
        score += 0.4
    if lx.DISCOURSE.match(body):
        score += 0.6
    if lx.REPORTED_PRO.search(body):
        score += 0.5
    elif lx.REPORTED_SIDE_CON.search(body) or lx.REPORTED_SIDE_PRO.search(body):
        score += 1.0  # "Critics say …": a side's position, stated as such
    elif lx.ANAPHORIC_VIEW.match(body):
        score += 0.5  # "On this view, …": the position continued
    if body.rstrip().endswith("?"):
        score -= 1.8
    if lx.EXAMPLE.match(body):
        score -= 1.5
    if lx.NARRATIVE.search(body):
        score -= 1.0
    if lx.DEFINITION.search(body):
        score -= 0.6
    if body.rstrip().endswith(":"):
        score -= 1.5
    if n < 7 and abs(pol) < 1:
        score -= 0.6  # a short sentence is a claim only when it gives a verdict
    elif n > 55:
        score -= 0.6
    if len(re.findall(r"\d+(?:[.,]\d+)?", body)) > 3:
        score -= 0.5
    if rel_pos < 0.12 or rel_pos > 0.85:
        score += 0.4  # introductions and conclusions state the verdicts
    if s.bullet:
        score += 0.2
    if _SUBJECT.search(" ".join(words[:5])):
        score += 0.8  # the sentence is about the debate's own entities
    if label and (lx.SECTION_PRO.match(label) or lx.SECTION_CON.match(label)):
        score += 0.8  # "Optimistic view: …" opens a side's claim
    if label and _NOTE_LABEL.match(label):
        score -= 1.5
    if _THESIS.search(body):
        score += 1.0  # speaks to the thesis itself: scaling, AGI, general intelligence
    if len(re.findall(r"(?<![.!?] )(?<!^)\b[A-Z][a-z]+", body)) >= 2:
        score -= 0.5  # names of people and places: narrative and attribution
    if _VERDICT.search(body):
        score += 0.8  # the author states a position
    elif re.search(r"\b(?:I|me|my)\b", body):
        score -= 0.4  # anecdote
    if para_first:
        score += 0.4  # topic sentences
    elif para_last:
        score += 0.5  # concluding sentences
    if has_fact:
        score += 1.0  # numeric evidence for a trend series
    if re.search(r"[=→⇒]|\s\+\s", body):
        score -= 1.5  # formulas and slogans, not prose
    if body.count("”") > body.count("“") or body.count("“") > body.count("”"):
        score -= 0.8  # a fragment of a quotation split at its inner full stop
    return score


def centrality(bodies: Sequence[str]) -> list[float]:
    """Rank-based centrality in [-0.5, 0.5]: mean TF-IDF cosine to the article's other sentences.

    Claims restate the article's themes; examples and asides are peripheral.
    """
    return ranker.tfidf_views(bodies, "")[0]


CENTRALITY_WEIGHT = 1.6


_SUPPLEMENT = re.compile(
    r"^(?:\d{1,2}[.)]?\s*)?(?:appendix|appendices|notes|footnotes|endnotes|"
    r"acknowledge?ments?|methodology|disclosures?|about the authors?)\b",
    re.I,
)


def _has_point(points: Sequence[int], start: int, end: int) -> bool:
    k = bisect.bisect_left(points, start)
    return k < len(points) and points[k] < end


def score_all(
    sentences: Sequence[Sentence],
    bodies: Sequence[str],
    fact_spans: Sequence[tuple[int, int]] = (),
    cent: Sequence[float] | None = None,
) -> list[float]:
    """Claim score of every sentence; fact_spans mark sentences that carry trend facts; cent is
    centrality(bodies) when the caller has it already."""
    n = len(sentences)
    cent = centrality(bodies) if cent is None else cent
    fact_starts = sorted(a for a, _ in fact_spans)
    out = []
    supplement = False
    for i, (s, b) in enumerate(zip(sentences, bodies)):
        if s.heading:
            supplement = bool(_SUPPLEMENT.match(s.text.strip()))
        at = s.text.find(b)
        label = s.text[:at] if at > 0 else ""
        first = i == 0 or sentences[i - 1].para != s.para
        last = i == n - 1 or sentences[i + 1].para != s.para
        out.append(
            claim_score(
                s,
                b,
                i / max(1, n - 1),
                label=label,
                para_first=first and not last,
                para_last=last and not first,
                has_fact=_has_point(fact_starts, s.start, s.end),
            )
            + CENTRALITY_WEIGHT * cent[i]
            - (1.5 if supplement else 0.0)
        )
    return out


def unit_rows(
    sentences: Sequence[Sentence],
    bodies: Sequence[str],
    fact_spans: Sequence[tuple[int, int]] = (),
    title: str = "",
    sense: Sequence[float] | None = None,
    vectors: Any = None,
) -> tuple[list[float], list[list[float] | None]]:
    """The rule score and the learned ranker's feature row of every sentence (one TF-IDF fit);
    sense is each sentence's meaning score (ranker.meaning_scores) and vectors their meaning
    vectors, zeros when not given."""
    cent, title_sim = ranker.tfidf_views(bodies, title)
    scores = score_all(sentences, bodies, fact_spans, cent=cent)
    fact_starts = sorted(a for a, _ in fact_spans)
    has_fact = [_has_point(fact_starts, s.start, s.end) for s in sentences]
    return scores, ranker.features(
        sentences, bodies, scores, cent, title_sim, has_fact, sense, vectors
    )


def said(sentences: Sequence[Sentence]) -> list[str]:
    """What each unit says without its attribution: the text its meaning vector is read from
    (the stance model reads the same vectors, so an import computes them once)."""
    return [strip_attribution(s.text) for s in sentences]


def _cap(n: int) -> int:
    """The rules' cap on proposals for an article of n sentences."""
    return max(CAP_MIN, min(math.ceil(MAX_SHARE * n), int(CAP_BASE + CAP_PER_SENTENCE * n)))


def power_cap(n: int, scale: float, exponent: float) -> int:
    """At most scale · n^exponent proposals (at least CAP_MIN): sublinear in the length."""
    return max(CAP_MIN, round(scale * n**exponent))


def cap(n: int, model: ranker.LinearRanker | None = None) -> int:
    """How many proposals an article of n sentences may get: the model's cap, else the rules'."""
    if model is None or model.cap_scale is None or model.cap_exponent is None:
        return _cap(n)
    return power_cap(n, model.cap_scale, model.cap_exponent)


def rank_claims(
    sentences: Sequence[Sentence],
    bodies: Sequence[str],
    fact_spans: Sequence[tuple[int, int]] = (),
    model: ranker.LinearRanker | None = None,
    title: str = "",
    vectors: Any = None,
) -> list[tuple[int, float]]:
    """(index, score) of the proposed claim sentences, best first. With a learned model the
    sentences it gives at least its threshold are proposed, ordered by its probability, and the
    score is rescaled so that the model's threshold sits at the rules' THRESHOLD. vectors are
    the units' meaning vectors (meaning.vectors(said(sentences))), computed here when the
    caller has none."""
    n = len(sentences)
    if model is None:
        scores = score_all(sentences, bodies, fact_spans)
        scored = [(i, sc) for i, sc in enumerate(scores) if sc >= THRESHOLD]
    else:
        if vectors is None:
            vectors = meaning.vectors(said(sentences))
        sense = model.meaning_scores(vectors) if model.meaning is not None else None
        _, rows = unit_rows(sentences, bodies, fact_spans, title, sense, vectors)
        cut = _logit(model.threshold)
        scored = []
        for i, row in enumerate(rows):
            if row is not None and (p := model.probability(row)) >= model.threshold:
                scored.append((i, THRESHOLD + _logit(p) - cut))
    scored.sort(key=lambda t: -t[1])
    return scored[: cap(n, model)]


def _logit(p: float) -> float:
    p = min(1 - 1e-9, max(1e-9, p))
    return math.log(p / (1 - p))
