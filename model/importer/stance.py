"""Stance of a sentence toward the thesis "scaling current LLM approaches will lead to AGI".

Cue words (model/importer/data) with negation read over its scope, the last clause of a contrast
weighing most, rhetorical questions read for the answer they expect, reported views counted for
the camp that holds them ("Critics argue …", "The standard reply is …" against the author), debate
sections ("Optimistic view:") carrying their side, hedges lowering confidence, and — for a
sentence without cues — the side of the map node it resembles and the article's own lean.
"""

from __future__ import annotations

import functools
import math
import re

from model.importer import lexicon as lx

_WORD = re.compile(r"[\w'’-]+")
# Negation scope ends at punctuation or a clause-joining word (Morante & Daelemans 2009 treat the
# scope as the negated clause); at most _SCOPE words after the negator.
_SCOPE = 8
_SCOPE_END = re.compile(
    r"[.,;:!?()—–]|\b(?:but|because|although|though|while|whereas|and|or|so|yet|unless)\b", re.I
)
# "rather than X", "instead of X" deny X when X is a pro cue ("rather than making it smarter").
_DENY = re.compile(r"\b(?:rather than|instead of)\b", re.I)
# A short aside between commas does not stop negation: "will not, on its own, produce AGI".
_ASIDE = re.compile(
    r",\s*(?:on (?:its|their) own|by (?:itself|themselves)|alone|in itself|of course|I think|"
    r"in (?:my|our) view|at least|eventually|ultimately|in principle)\s*,",
    re.I,
)


def _in_scope(clause: str, neg_end: int, cue_start: int) -> bool:
    gap = clause[neg_end:cue_start]
    return len(_WORD.findall(gap)) <= _SCOPE and not _SCOPE_END.search(gap)


Evidence = tuple[float, float]  # (for the thesis, against it), both >= 0
# (pro cues, pro bare negations, con cues, con bare negations): a bare negation's weight is
# applied last, so one reading of a sentence serves every weight (the lean reads it with 0).
Parts = tuple[float, float, float, float]


def _clause_polarity(clause: str) -> Parts:
    """Pro and con cue weight of one clause. A cue inside a negator's scope counts for the other
    side ("did not run into diminishing returns" is pro); a negation with no cue in its scope
    leans con; restrictive cues ("alone", "by itself") stay con under negation."""
    clause = _ASIDE.sub(lambda m: " " * (m.end() - m.start()), clause)
    negs = [(m.start(), m.end()) for m in lx.NEGATOR.finditer(clause)]
    denies = [m.end() for m in _DENY.finditer(clause)]
    pro = con = 0.0
    used: set[int] = set()

    def negator_before(start: int) -> int | None:
        for k in range(len(negs) - 1, -1, -1):
            a, b = negs[k]
            if b <= start:
                return k if _in_scope(clause, b, start) else None
        return None

    cues = [(m.start(), m.end(), 1, m.group(0)) for m in lx.PRO.finditer(clause)]
    cues += [(m.start(), m.end(), -1, m.group(0)) for m in lx.CON.finditer(clause)]
    cues.sort()
    # Where a pro and a con cue overlap ("success rate drops"), the longer reading wins.
    cues = [
        c
        for c in cues
        if not any(
            d is not c and d[0] < c[1] and c[0] < d[1] and d[1] - d[0] > c[1] - c[0] for d in cues
        )
    ]
    for a, b, sign, word in cues:
        inside = [k for k, (na, nb) in enumerate(negs) if na >= a and nb <= b]
        used.update(inside)  # a cue that contains its negator ("not enough") is its own reading
        if inside:
            # A con cue built with its negator ("not enough") is its own reading; a pro cue that
            # spans a negator ("AGI will not arrive") is denied.
            con += 1
            continue
        k = negator_before(a)
        flip = k is not None and not (sign < 0 and lx.NO_FLIP.match(word))
        if sign > 0 and not flip and any(d <= a and _in_scope(clause, d, a) for d in denies):
            flip = True
        if flip:
            if k is not None:
                used.add(k)
            sign = -sign
        pro, con = (pro + 1, con) if sign > 0 else (pro, con + 1)
    bare = sum(1 for k in range(len(negs)) if k not in used)  # a bare negation leans con
    return pro, 0.0, con, float(bare)


_SUBORDINATE = re.compile(
    r"^(?:while|although|though|even though|even if|despite|whereas|if)\b[^,]{3,}?,\s*", re.I
)
_CONCESSIVE = re.compile(r",?\s*\b(?:even if|even though|despite|especially when)\b", re.I)


def _mix(*weighted: tuple[float, Parts]) -> Parts:
    return tuple(sum(w * e[k] for w, e in weighted) for k in range(4))  # type: ignore[return-value]


def polarity(text: str, bare: float = 0.5) -> float:
    """Signed evidence that the sentence supports (+) or opposes (-) the thesis."""
    pro, con = evidence(text, bare)
    return pro - con


def evidence(text: str, bare: float = 0.5) -> Evidence:
    """The sentence's weighted cues for and against the thesis, a bare negation (no cue in its
    scope) counting bare against it."""
    pro, pro_bare, con, con_bare = _parts(text)
    return pro + bare * pro_bare, con + bare * con_bare


@functools.lru_cache(maxsize=8192)
def _parts(text: str) -> Parts:
    """A question weighs half, unless it is rhetorical: "Isn't it clear that X?" asserts X, "Is
    X really enough?" expects the answer no (its cues count for the other side)."""
    t = text.strip()
    if t.endswith("?"):
        body = t.rstrip("?")
        if lx.RHETORICAL_YES.match(body):
            return _statement(body.split(None, 1)[1] if " " in body else "")
        if lx.RHETORICAL_NO.search(body):
            pro, pro_bare, con, con_bare = _statement(lx.RHETORICAL_NO.sub(" ", body))
            return con, con_bare, pro, pro_bare
        return _mix((0.5, _statement(body)))
    return _statement(text)


def _statement(text: str) -> Parts:
    sub = _SUBORDINATE.match(text)
    if sub and not text.lower().startswith("if"):
        # "While X, Y": Y is the point.
        return _mix((0.4, _contrast(text[: sub.end()])), (1.2, _contrast(text[sub.end() :])))
    conc = _CONCESSIVE.search(text)
    if conc and conc.start() > 10:
        return _mix((1.2, _contrast(text[: conc.start()])), (0.4, _contrast(text[conc.end() :])))
    return _contrast(text)


def _contrast(text: str) -> Parts:
    parts = lx.CONTRAST.split(text)
    if len(parts) > 1:
        # "X, but Y": Y carries the speaker's point.
        head = [(0.4, _clause_polarity(p)) for p in parts[:-1]]
        return _mix(*head, (1.2, _clause_polarity(parts[-1])))
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


def reported_side(text: str, author: int = 0) -> int:
    """+1 when the sentence reports the pro side's view, -1 the con side's, else 0. author is the
    article's own side (sign of its lean): a reply voiced against the author ("The standard reply
    is that …", "Some will object …") belongs to the other side."""
    if lx.REBUTTAL.search(text):
        return 0  # "Critics say X, but Y": the speaker answers them
    if lx.REBUTTED_CON.search(text):
        return 1  # "The skeptics are wrong": the author answers that camp
    if lx.REBUTTED_PRO.search(text):
        return -1
    if lx.REPORTED_SIDE_CON.search(text):
        return -1
    if lx.REPORTED_SIDE_PRO.search(text):
        return 1
    if author and lx.REPLY.search(text[:80]):
        return -author
    return 0


def carried_sides(texts: list[str], author: int = 0) -> list[int]:
    """Per sentence: the side whose view it reports, its own or, for "On this view, …" and
    "They also argue …", the side reported just before (up to two sentences back)."""
    out: list[int] = []
    for i, t in enumerate(texts):
        side = reported_side(t, author)
        if not side and lx.ANAPHORIC_VIEW.match(t):
            side = next((out[j] for j in range(i - 1, max(-1, i - 3), -1) if out[j]), 0)
        out.append(side)
    return out


def local_lean(doc_lean: float, paragraph: float) -> float:
    """Tie-breaker for a sentence without cues: the article's leaning plus that of the rest of its
    paragraph (a cue-less sentence usually continues its paragraph's point)."""
    return max(-1.0, min(1.0, doc_lean + math.tanh(0.5 * paragraph)))


def article_lean(weighted: list[tuple[float, float]]) -> float:
    """The article's own side in [-1, 1] from (polarity, weight) pairs: its title, thesis
    statement and conclusion weigh more than a stray sentence in the middle."""
    total = sum(w for _, w in weighted)
    return math.tanh(2 * sum(p * w for p, w in weighted) / total) if total else 0.0


def _agnostic(text: str) -> bool:
    """Not knowing, stated, and not followed by a verdict ("hard to say, but I'm sure …")."""
    return bool(lx.AGNOSTIC.search(text)) and not lx.REBUTTAL.search(text)


def classify(
    text: str,
    section: int,
    doc_lean: float,
    carried: int | None = None,
    node_side: float = 0.0,
) -> tuple[str, float]:
    """Stance label and confidence in [0.34, 0.99]; carried = the reported side from
    carried_sides (computed from the sentence alone when not given); node_side = the side of the
    map node the sentence most resembles, times how much it resembles it (a weak prior)."""
    p = polarity(text)
    side = reported_side(text) if carried is None else carried
    if side:
        p = side * (abs(p) + 1.5)
    p += 2.5 * section
    if abs(p) < 1.0:
        p += node_side
    if abs(p) <= 1.0 and not side and not section and lx.OPEN_QUESTION.search(text):
        return "neutral", 0.5  # a question posed, not answered
    if abs(p) <= 1.0 and not side and not section and _agnostic(text):
        return "neutral", 0.5  # "nobody knows": no side taken
    if abs(p) < 0.5 or (abs(p) <= 1.0 and not side and lx.DEFINITION.search(text)):
        if lx.DEFINITION.search(text):
            return "neutral", 0.5
        p += 0.8 * doc_lean
    if abs(p) < 0.3:
        return "neutral", 0.4
    margin = abs(p) * (0.75 if lx.HEDGE.search(text) else 1.0)  # a hedged claim is less sure
    conf = 1 / (1 + math.exp(-0.9 * margin))
    return ("pro" if p > 0 else "con"), round(min(0.99, max(0.34, conf)), 3)
