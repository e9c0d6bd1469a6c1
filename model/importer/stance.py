"""Stance of a sentence toward the thesis "scaling current LLM approaches will lead to AGI".

Cue words with negation flipping, the last clause of a contrast weighing most, reported views of
the other side ("The belief is that …") counted as pro, debate sections ("Optimistic view:")
carrying their side to the following paragraphs, and the article's own leaning as a tie-breaker.
"""

from __future__ import annotations

import bisect
import functools
import math
import re

from model.importer import lexicon as lx

_WORD = re.compile(r"[\w'’-]+")
_TRUE_NEG = re.compile(
    r"^(?:not|no|never|cannot|can't|can’t|won't|won’t|isn't|isn’t|doesn't|"
    r"doesn’t|don't|don’t|didn't|didn’t|aren't|aren’t|hardly|neither|nor)$",
    re.I,
)


# A short aside between commas does not stop negation: "will not, on its own, produce AGI".
_ASIDE = re.compile(
    r",\s*(?:on (?:its|their) own|by (?:itself|themselves)|alone|in itself|of course|I think|"
    r"in (?:my|our) view|at least|eventually|ultimately|in principle)\s*,",
    re.I,
)


_DENY_PAIRS = {("than", "rather"), ("of", "instead")}


def _blank(text: str, m: re.Match[str]) -> str:
    return text[: m.start()] + " " * (m.end() - m.start()) + text[m.end() :]


def _clause_polarity(clause: str) -> float:
    """Pro minus con cue weight of one clause; a negator up to five words before a cue flips it."""
    total = 0.0
    for rx, w in ((lx.PRO_PHRASE, 1.5), (lx.CON_PHRASE, -1.5)):
        for m in list(rx.finditer(clause)):
            total += w
            clause = _blank(clause, m)
    clause = _ASIDE.sub(lambda m: " " * (m.end() - m.start()), clause)
    words = [(m.start(), m.group(0)) for m in _WORD.finditer(clause)]
    starts = [w[0] for w in words]

    def negated(pos: int, reach: int, strict: bool) -> int | None:
        k = bisect.bisect_left(starts, pos)
        for j in range(k - 1, max(-1, k - 1 - reach), -1):
            w = words[j][1]
            if re.search(r"[.,;:!?—–]", clause[words[j][0] + len(w) : pos]):
                return None  # negation does not cross punctuation
            if _TRUE_NEG.match(w) if strict else lx.NEGATOR.fullmatch(w):
                return j
            if not strict and j > 0 and (w.lower(), words[j - 1][1].lower()) in _DENY_PAIRS:
                return j  # "rather than making it more capable"
        return None

    used: set[int] = set()
    for m in lx.PRO.finditer(clause):
        j = negated(m.start(), 5, strict=False)
        if j is not None:
            used.add(j)
            total -= 1.0
        else:
            total += 1.0
    bare: list[int] = []
    for m in lx.CON.finditer(clause):
        k = bisect.bisect_left(starts, m.start())
        if k < len(words) and words[k][0] == m.start() and lx.NEGATOR.fullmatch(words[k][1]):
            bare.append(k)
            continue
        j = negated(m.start(), 3, strict=True)
        if j is not None and j not in used and not lx.NO_FLIP.match(m.group(0)):
            used.add(j)
            total += 0.5  # "not a bottleneck"
        else:
            total -= 1.0
    total -= 0.5 * sum(1 for k in bare if k not in used)  # a bare negation leans con
    return total


_SUBORDINATE = re.compile(
    r"^(?:while|although|though|even though|even if|despite|whereas|if)\b[^,]{3,}?,\s*", re.I
)
_CONCESSIVE = re.compile(r",?\s*\b(?:even if|even though|despite|especially when)\b", re.I)


@functools.lru_cache(maxsize=4096)
def polarity(text: str) -> float:
    """Signed evidence that the sentence supports (+) or opposes (-) the thesis."""
    sub = _SUBORDINATE.match(text)
    if sub and not text.lower().startswith("if"):
        # "While X, Y": Y is the point.
        return 0.4 * _contrast(text[: sub.end()]) + 1.2 * _contrast(text[sub.end() :])
    conc = _CONCESSIVE.search(text)
    if conc and conc.start() > 10:
        return 1.2 * _contrast(text[: conc.start()]) + 0.4 * _contrast(text[conc.end() :])
    return _contrast(text)


def _contrast(text: str) -> float:
    parts = lx.CONTRAST.split(text)
    if len(parts) > 1:
        # "X, but Y": Y carries the speaker's point.
        head = sum(_clause_polarity(p) for p in parts[:-1])
        return 0.4 * head + 1.2 * _clause_polarity(parts[-1])
    return _clause_polarity(text)


def section_context(paragraph_starts: list[str]) -> list[int]:
    """Per paragraph: +1 inside an optimistic/pro section, -1 inside a pessimistic one, else 0."""
    out, cur = [], 0
    for text in paragraph_starts:
        t = text.strip()
        if lx.SECTION_PRO.match(t):
            cur = 1
        elif lx.SECTION_CON.match(t):
            cur = -1
        elif (
            re.match(
                r"^(?:\d{1,2}[.)]?\s*$|(?:debate|discussion|part|section|chapter|appendix|"
                r"conclusion)\b)",
                t,
                re.I,
            )
            and len(t.split()) <= 12
        ):
            cur = 0
        out.append(cur)
    return out


_REBUTTAL = re.compile(r"[,;:—–-]\s*(?:but|yet|however)\s", re.I)


def reported_side(text: str) -> int:
    """+1 when the sentence reports the pro side's view as its subject, -1 the con side's, else 0."""
    if _REBUTTAL.search(text):
        return 0  # "Critics say X, but Y": the speaker answers them
    if lx.REPORTED_SIDE_CON.search(text):
        return -1
    if lx.REPORTED_SIDE_PRO.search(text) or lx.REPORTED_PRO.search(text):
        return 1
    return 0


def carried_sides(texts: list[str]) -> list[int]:
    """Per sentence: the side whose view it reports, its own or, for "On this view, …" and
    "They also argue …", the side reported just before (up to two sentences back)."""
    out: list[int] = []
    for i, t in enumerate(texts):
        side = reported_side(t)
        if not side and lx.ANAPHORIC_VIEW.match(t):
            side = next((out[j] for j in range(i - 1, max(-1, i - 3), -1) if out[j]), 0)
        out.append(side)
    return out


def local_lean(doc_lean: float, paragraph: float) -> float:
    """Tie-breaker for a sentence without cues: the article's leaning plus that of the rest of its
    paragraph (a cue-less sentence usually continues its paragraph's point)."""
    return max(-1.0, min(1.0, doc_lean + math.tanh(0.5 * paragraph)))


def classify(
    text: str, section: int, doc_lean: float, carried: int | None = None
) -> tuple[str, float]:
    """Stance label and confidence in [0.34, 0.99]; carried = the reported side from
    carried_sides (computed from the sentence alone when not given)."""
    p = polarity(text)
    side = reported_side(text) if carried is None else carried
    if side:
        p = side * (abs(p) + 1.5)
    p += 2.5 * section
    if abs(p) <= 1.0 and not side and not section and lx.OPEN_QUESTION.search(text):
        return "neutral", 0.5  # a question posed, not answered
    if abs(p) < 0.5 or (abs(p) <= 1.0 and not side and lx.DEFINITION.search(text)):
        if lx.DEFINITION.search(text):
            return "neutral", 0.5
        p += 0.8 * doc_lean
    if abs(p) < 0.3:
        return "neutral", 0.4
    conf = 1 / (1 + math.exp(-0.9 * abs(p)))
    return ("pro" if p > 0 else "con"), round(min(0.99, max(0.34, conf)), 3)
