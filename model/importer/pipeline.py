"""From an Article to reviewable proposals: sentences → ranked claims → stance → target → facts."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from model.importer import claims, learned, lexicon, meaning, ranker, stance, targets
from model.importer.article import (  # noqa: F401 - the side names are used from here too
    LEAN_MARGIN,
    READINGS,
    SIDE_LEAN,
    Article,
    ImportProposals,
    NodeRef,
    Proposal,
    Sentence,
    side_name,
)
from model.importer.facts import find_facts
from model.importer.learned import GeneralStance
from model.importer.ranker import LinearRanker
from model.importer.sentences import (
    casual_sentences,
    claim_units,
    split_sentences,
    spoken_lines,
    strip_attribution,
    strip_label,
)
from model.tex_display import readable

_CLAUSE_CUT = re.compile(
    r"\s*(?:;|:|\s[—–]\s|—|,\s+(?:which|because|since|while|whereas|although|though|but|and|so|"
    r"as|even|especially|unless|until|given|so that|because of)\b|\s+(?:because|since|although|"
    r"though|whereas|unless)\b)"
)
_ASIDE = re.compile(
    # an aside in brackets stands apart: "(1-ϵ)ᵏ" or "f(x)" is part of a formula
    r"\s*(?<!\w)\([^()]*\)(?![\w\u00b2\u00b3\u00b9\u2070-\u209f\u1d2c-\u1dbf])|"
    r"\s*[—–][^—–]{1,80}[—–]|,\s+(?:that is|for example|for instance|"
    r"e\.g\.|i\.e\.)[^,]*,"
)


def short_title(sentence: str, limit: int = 110) -> str:
    """A node title from a quote: a clause that stands on its own, never a cut-off sentence.

    No leading label, bullet, connective or trailing full stop; when the sentence is longer than
    limit, asides in brackets or dashes go, then trailing subordinate clauses; a sentence with no
    short self-contained main clause keeps its full text (the quote is kept whole anyway).
    TeX is shown as text ("$3 \\times 10^{25}$" as "3 × 10²⁵"): a title is read on the map."""
    _, body = strip_label(readable(sentence.strip()))
    body = strip_attribution(body)
    body = re.sub(
        r"^(?:but|yet|so|and|however|therefore|thus|in short|in other words|indeed|still|"
        r"moreover|instead|in fact),?\s+",
        "",
        body,
        flags=re.I,
    )
    body = body.strip().strip('"“”')
    body = (body[:1].upper() + body[1:]).rstrip(" .;:")
    if len(body) <= limit:
        return body
    shorter = _ASIDE.sub("", body).strip()
    if len(shorter) <= limit:
        return shorter.rstrip(" .;:,")
    # "Critics say X, but Y": the point is the last clause of a contrast (as stance reads it),
    # so a title never keeps the view the sentence answers without its answer.
    turn = _CONTRAST.split(shorter)
    for part in ([turn[-1]] if len(turn) > 1 else []) + [shorter]:
        part = part.strip()
        part = part[:1].upper() + part[1:]
        if len(part.rstrip(" .;:,")) <= limit and _stands(part):
            return part.rstrip(" .;:,")
        head = _CLAUSE_CUT.split(part)[0].strip().rstrip(" ,;:")
        if len(head) <= limit and _stands(head):
            return head
    return shorter.rstrip(" .;:,")


def title_for(s: Sentence, label: str) -> str:
    """The proposal's title: its short title, unless that clause alone argues the other side
    from the proposal's stance ("Benchmarks keep improving; they say nothing about AGI" is
    against the thesis, its first clause for it): then the whole sentence, so that no card on
    the map reads the opposite of its side."""
    title = short_title(s.text)
    if label in ("pro", "con"):
        p = stance.polarity(title)
        side = stance.reported_side(title) or (int(math.copysign(1, p)) if abs(p) >= 1 else 0)
        if side == (-1 if label == "pro" else 1):
            title = short_title(s.text, limit=len(s.text) + 1)
    return spoken_title(title) if s.spoken else title


_SPOKEN_I = re.compile(r"\bi(?=\s|['’](?:m|ve|d|ll)\b)")


def spoken_title(title: str) -> str:
    """A caption line's title as written: the pronoun "I" in capitals ("so i think" → "so I
    think"); auto-captions write it in lower case."""
    return _SPOKEN_I.sub("I", title)


# Narrower than lexicon.CONTRAST, which stance splits at: after "although", "though" or "while"
# comes the concession, not the point, and a title must be the point.
_CONTRAST = re.compile(r"\s*(?:[,;]|\s[—–])\s+(?:but|yet|however)\b,?\s*", re.I)


def _stands(clause: str) -> bool:
    """A clause that can be a title: four words or more, not ending on a word that needs more."""
    return len(clause.split()) >= 4 and not claims.is_fragment(clause.rstrip(" .;:,"))


MAX_CHARS = 250_000  # ≈ 40,000 words: beyond this only the beginning is read for proposals
MAX_UNITS = 3_000  # sentences considered, whatever their length


def _truncated(text: str) -> tuple[str, str]:
    """The part of the text proposals are drawn from, and a note for the user when it is cut."""
    if len(text) <= MAX_CHARS:
        return text, ""
    cut = text.rfind("\n", 0, MAX_CHARS)
    cut = cut if cut > MAX_CHARS // 2 else MAX_CHARS
    words = len(text[:cut].split())
    return text[:cut], (
        f"The article is long ({len(text):,} characters): proposals come from its first "
        f"{words:,} words only."
    )


NEAR_DUPLICATE = 0.8  # cosine between two proposals of one article that say the same thing


def merge_near_duplicates(
    ranked: list[tuple[int, float]], bodies: Sequence[str]
) -> list[tuple[int, float]]:
    """Drop a proposal that restates a better-ranked one of the same article (a summary line
    repeating a claim); ranked is best first, so the better-scored wording stays."""
    if len(ranked) < 2:
        return ranked
    from model.tfidf import Tfidf

    try:
        x = Tfidf().fit_transform([bodies[i] for i, _ in ranked])
    except ValueError:
        return ranked
    sim = x.dot_rows(x)  # ranked is capped (a few hundred), so this stays small
    kept: list[int] = []
    for r in range(len(ranked)):
        near = {c for c, v in enumerate(sim[r].tolist()) if v >= NEAR_DUPLICATE}
        if not near.intersection(kept):
            kept.append(r)
    return [ranked[r] for r in kept]


def _article_lean(title: str, sents: Sequence[Sentence], bodies: Sequence[str]) -> float:
    """The article's side: title ×3, first and last paragraph and conclusion sentences ×2."""
    body = [(s, b) for s, b in zip(sents, bodies) if not s.heading]
    if not body:
        return stance.polarity(title) / 3 if title else 0.0
    first, last = body[0][0].para, body[-1][0].para
    # A bare negation is no evidence of the article's side (rebuttals negate too).
    weighted = [(stance.polarity(title, 0.0), 3.0)] if title else []
    for s, b in body:
        w = 2.0 if s.para in (first, last) or lexicon.CONCLUSION.match(b) else 1.0
        weighted.append((stance.polarity(b, 0.0), w))
    return stance.article_lean(weighted)


def _node_prior(sims, row: int, nodes: Sequence[NodeRef], thesis_id: str) -> float:  # noqa: ANN001
    """The side of the most similar non-thesis node, weighted by similarity (0 below MIN_SIM)."""
    if not len(nodes) or not sims.shape[1]:
        return 0.0
    j = int(sims[row].argmax())
    sim = float(sims[row, j])
    if sim < targets.MIN_SIM or nodes[j].id == thesis_id or not nodes[j].side:
        return 0.0
    return nodes[j].side * min(1.0, sim / 0.3)


_SHIPPED = object()


def prepare(article: Article) -> tuple[str, list[Sentence], list[str], list[str]]:
    """The text proposals are drawn from (capped), its claim units, their bodies (no label, no
    attribution) and notes for the user when the text was cut."""
    text, note = _truncated(article.text)
    notes = [note] if note else []
    sents = spoken_lines(claim_units(casual_sentences(split_sentences(text)), text))
    if len(sents) > MAX_UNITS:
        notes.append(
            f"The article has {len(sents):,} sentences: proposals come from the first "
            f"{MAX_UNITS:,}."
        )
        sents = sents[:MAX_UNITS]
        text = text[: sents[-1].end]
    bodies = [strip_attribution(strip_label(s.text)[1]) for s in sents]
    return text, sents, bodies, notes


@dataclass(frozen=True)
class StanceInputs:
    """What the stance rules and the learned model read about each unit of one article."""

    said: list[str]  # the unit without its attribution (the whole unit: a lead-in is part of it)
    section: list[int]  # per unit: +1/-1 inside a side's section ("Optimistic view:"), else 0
    lean: float  # the article's own side in [-1, 1] by the rules' cues
    local: list[float]  # the article's lean plus the rest of the unit's paragraph
    sides: list[int]  # the camp whose view the unit reports (carried for "On this view, …")
    polarity: list[float]  # the rules' cue polarity of the unit
    evidence: list[tuple[float, float]]  # the rules' (pro, con) cue weight of the unit
    paragraph: list[float]  # tanh of the polarity of the rest of the unit's paragraph
    body: list[int]  # indices of the units that are not headings
    title_polarity: float = 0.0  # the title's cue polarity (learned.cue_polarity), 0 if none
    turns: list[tuple] = field(default_factory=list)  # per unit: learned.turns (with_turns)
    plain: list[float] = field(default_factory=list)  # per unit: the plain pass (with_plain)


def stance_inputs(title: str, sents: Sequence[Sentence], bodies: Sequence[str]) -> StanceInputs:
    """The article-level and unit-level evidence stance needs, computed once per article."""
    para_first: dict[int, str] = {}
    for s in sents:
        para_first.setdefault(s.para, s.text)
    n_para = max(para_first) + 1 if para_first else 0
    context = stance.section_context([para_first.get(i, "") for i in range(n_para)])
    lean = _article_lean(title, sents, bodies)
    said = claims.said(sents)
    author = {"pro": 1, "con": -1}.get(side_name(lean), 0)
    sides = stance.carried_sides(said, author)
    ev = [stance.evidence(t) for t in said]
    unit_pol = [p - c for p, c in ev]
    para_pol: dict[int, float] = {}
    for s, p in zip(sents, unit_pol):
        para_pol[s.para] = para_pol.get(s.para, 0.0) + p
    rest = [para_pol[s.para] - p for s, p in zip(sents, unit_pol)]
    local = [stance.local_lean(lean, r) for r in rest]
    return StanceInputs(
        said, [context[s.para] for s in sents], lean, local, sides, unit_pol, ev,
        [math.tanh(0.5 * r) for r in rest], [i for i, s in enumerate(sents) if not s.heading],
        learned.cue_polarity(stance.evidence(title.strip())) if title.strip() else 0.0,
    )  # fmt: skip


def with_turns(
    inputs: StanceInputs, sents: Sequence[Sentence], rows: Sequence[Sequence[float]]
) -> StanceInputs:
    """The inputs with each unit's place in its paragraph's turns, read from the sentence
    features already computed (which units report a view) rather than from the text again."""
    reports = [learned.reports(r) for r in rows]
    return replace(inputs, turns=learned.turns(inputs.said, [s.para for s in sents], reports))


def with_plain(inputs: StanceInputs, model: GeneralStance | None, vectors: Any) -> StanceInputs:
    """The inputs with each unit's reading by the model's plain pass (neutral against sided)."""
    if model is None or model.plain is None:
        return inputs
    vecs = meaning.vectors(inputs.said) if vectors is None else vectors
    return replace(inputs, plain=model.plain_polarity(vecs))


def rule_stance(inputs: StanceInputs, i: int, node_side: float = 0.0) -> tuple[str, float]:
    """The rules' label and confidence for unit i."""
    return stance.classify(
        inputs.said[i], inputs.section[i], inputs.local[i], inputs.sides[i], node_side
    )


def sentence_rows(
    inputs: StanceInputs, model: GeneralStance | None, vectors: Any = None
) -> list[list[float]]:
    """The learned model's sentence features of every unit, the last two being the side its
    meaning takes and its agreement with the article by the model's meaning and voice passes (0
    without them); vectors are the units' meaning vectors when the caller has them already (the
    claim ranker reads the same ones)."""
    sense = voice = [0.0] * len(inputs.said)
    if model is not None and model.reads_vectors:
        vecs = meaning.vectors(inputs.said) if vectors is None else vectors
        sense, voice = model.meaning_polarity(vecs), model.voice_polarity(vecs)
    return [
        [*learned.sentence_features(t, e, s), m, v]
        for t, e, s, m, v in zip(inputs.said, inputs.evidence, inputs.sides, sense, voice)
    ]


def article_row(inputs: StanceInputs, rows: Sequence[Sequence[float]]) -> list[float]:
    """The article model's features: its body units' polarity, camps and attribution, and the
    title's polarity."""
    body = inputs.body
    attributed, sense = learned.SENTENCE.index("attributed"), learned.SENTENCE.index("meaning")
    return learned.article_features(
        [inputs.polarity[i] for i in body],
        [inputs.sides[i] for i in body],
        [bool(rows[i][attributed]) for i in body],
        inputs.title_polarity,
        [rows[i][sense] for i in body],
    )


def learned_lean(
    model: GeneralStance, inputs: StanceInputs, rows: Sequence[Sequence[float]]
) -> float:
    """The article's lean by the model's article pass."""
    return model.lean(article_row(inputs, rows))


def context_row(
    inputs: StanceInputs, i: int, rows: Sequence[Sequence[float]], lean: float
) -> list[float]:
    turn = inputs.turns[i] if i < len(inputs.turns) else learned.NO_TURN
    return learned.context_features(
        rows[i], lean, inputs.paragraph[i], inputs.section[i], inputs.title_polarity, turn
    )


def rules_decide(inputs: StanceInputs, i: int, label: str, conf: float) -> bool:
    """Whether the rules' label stands (see unit_stance)."""
    return bool(inputs.section[i] or inputs.sides[i]) or (label == "neutral" and conf >= 0.5)


def unit_stance(
    inputs: StanceInputs,
    i: int,
    node_side: float,
    model: GeneralStance | None,
    rows: Sequence[Sequence[float]] = (),
    lean: float = 0.0,
) -> tuple[str, float]:
    """The rules' stance of unit i, or the learned model's: the model decides pro, con or
    neutral (the likeliest of its three probabilities) except
    where the rules read the side from the sentence's form — inside a side's section, a view
    reported for a named camp or voiced against the author — and for what the rules call
    neutral by its shape (a definition, an open question)."""
    label, conf = rule_stance(inputs, i, node_side)
    if model is None or rules_decide(inputs, i, label, conf):
        return label, conf
    plain = inputs.plain[i] if i < len(inputs.plain) else 0.0
    probs = model.probabilities(rows[i], context_row(inputs, i, rows, lean), inputs.said[i], plain)
    top = max(probs, key=probs.__getitem__)
    return top, round(min(0.99, max(0.5, probs[top])), 3)


def under_lean(inputs: StanceInputs, lean: float) -> StanceInputs:
    """The same units read as if the article leaned `lean` (the rules' local lean follows)."""
    local = [max(-1.0, min(1.0, lean + p)) for p in inputs.paragraph]
    return replace(inputs, lean=lean, local=local)


def lean_variants(inputs: StanceInputs) -> dict[str, StanceInputs]:
    """The units read under each side a reviewer can give the article (see readings), built
    once per article rather than once per proposal."""
    return {name: under_lean(inputs, lean) for name, lean in READINGS.items()}


def readings(
    variants: Mapping[str, StanceInputs],
    i: int,
    node_side: float,
    model: GeneralStance | None,
    rows: Sequence[Sequence[float]],
    scale: float,
) -> dict[str, list]:
    """Unit i's [stance, confidence × scale] under each side a reviewer can give the article
    (variants = lean_variants(inputs))."""
    out = {}
    for name, v in variants.items():
        label, conf = unit_stance(v, i, node_side, model, rows, v.lean)
        out[name] = [label, round(conf * scale, 3)]
    return out


def propose(
    article: Article,
    nodes: Sequence[NodeRef],
    thesis_id: str,
    stance_model: GeneralStance | None | object = _SHIPPED,
    claim_model: LinearRanker | None | object = _SHIPPED,
) -> ImportProposals:
    """Rank the article's claims and facts and suggest where each belongs in the map.

    Every step is linear or n·log n in the text, and the text and sentence count are capped, so a
    pathological file costs bounded time and memory."""
    text, sents, bodies, notes = prepare(article)
    facts = find_facts(text)
    ranker_model = ranker.shipped() if claim_model is _SHIPPED else claim_model
    model = learned.shipped() if stance_model is _SHIPPED else stance_model
    inputs = stance_inputs(article.title, sents, bodies)
    # One set of meaning vectors for both the claim ranker's and the stance model's meaning pass.
    wanted = ranker_model is not None or (model is not None and model.reads_vectors)
    vectors = meaning.vectors(inputs.said) if wanted else None
    ranked = merge_near_duplicates(
        claims.rank_claims(
            sents, bodies, [(f.start, f.end) for f in facts], ranker_model, article.title, vectors
        ),
        bodies,
    )
    texts = [bodies[i] for i, _ in ranked]
    sims = targets.similarities(texts, nodes)
    rows: list[list[float]] = []
    lean = 0.0
    if model is not None:
        rows = sentence_rows(inputs, model, vectors)
        inputs = with_plain(with_turns(inputs, sents, rows), model, vectors)
        lean = learned_lean(model, inputs, rows)
    chosen = []
    variants = lean_variants(inputs)
    for row, (i, score) in enumerate(ranked):
        prior = _node_prior(sims, row, nodes, thesis_id)
        label, conf = unit_stance(inputs, i, prior, model, rows, lean)
        scale = 0.5 + 0.5 / (1 + math.exp(-(score - claims.THRESHOLD)))  # claimness
        other = readings(variants, i, prior, model, rows, scale)
        chosen.append((sents[i], score, label, conf, scale, other))
    sugg = targets.suggest(texts, [c[2] for c in chosen], nodes, thesis_id, sims=sims)
    proposals = []
    for (s, score, label, conf, scale, other), (target, relation, sim) in zip(chosen, sugg):
        proposals.append(
            Proposal(
                quote=s.text,
                start=s.start,
                end=s.end,
                stance=label,
                confidence=round(conf * scale, 3),
                target=target,
                relation=relation,
                score=round(score, 3),
                title=title_for(s, label),
                similarity=round(sim, 3),
                readings=other,
            )
        )
    return ImportProposals(
        article=article,
        thesis_id=thesis_id,
        proposals=proposals,
        trend_facts=facts,
        sentences=sents,
        notes=notes,
        lean=round(lean if model is not None else inputs.lean, 3),
    )
