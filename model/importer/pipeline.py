"""From an Article to reviewable proposals: sentences → ranked claims → stance → target → facts."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from model.importer import claims, stance, targets
from model.importer.article import Article, ImportProposals, NodeRef, Proposal
from model.importer.facts import find_facts
from model.importer.sentences import (
    claim_units,
    split_sentences,
    strip_attribution,
    strip_label,
)


def short_title(sentence: str, limit: int = 110) -> str:
    """A node title from a quote: no leading label, bullet or trailing full stop, at most limit chars."""
    _, body = strip_label(sentence.strip())
    body = re.sub(
        r"^(?:but|yet|so|and|however|therefore|thus|in short|in other words),?\s+",
        "",
        body,
        flags=re.I,
    )
    body = body[:1].upper() + body[1:]
    body = body.rstrip(" .;:")
    if len(body) > limit:
        cut = body[:limit].rsplit(" ", 1)[0]
        body = cut.rstrip(",;:—– ") + "…"
    return body


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


def propose(article: Article, nodes: Sequence[NodeRef], thesis_id: str) -> ImportProposals:
    """Rank the article's claims and facts and suggest where each belongs in the map.

    Every step is linear or n·log n in the text, and the text and sentence count are capped, so a
    pathological file costs bounded time and memory."""
    text, note = _truncated(article.text)
    notes = [note] if note else []
    sents = claim_units(split_sentences(text), text)
    if len(sents) > MAX_UNITS:
        notes.append(
            f"The article has {len(sents):,} sentences: proposals come from the first "
            f"{MAX_UNITS:,}."
        )
        sents = sents[:MAX_UNITS]
        text = text[: sents[-1].end]
    facts = find_facts(text)
    bodies = [strip_attribution(strip_label(s.text)[1]) for s in sents]
    para_first: dict[int, str] = {}
    for s in sents:
        para_first.setdefault(s.para, s.text)
    n_para = max(para_first) + 1 if para_first else 0
    context = stance.section_context([para_first.get(i, "") for i in range(n_para)])

    pols = [stance.polarity(b) for s, b in zip(sents, bodies) if not s.heading]
    doc_lean = math.tanh(2 * sum(pols) / len(pols)) if pols else 0.0

    ranked = claims.rank_claims(sents, bodies, [(f.start, f.end) for f in facts])
    # Stance reads the whole unit: a leading "They look like missing machinery: …" is part of it.
    said = [strip_attribution(s.text) for s in sents]
    sides = stance.carried_sides(said)
    unit_pol = [stance.polarity(t) for t in said]
    para_pol: dict[int, float] = {}
    for s, p in zip(sents, unit_pol):
        para_pol[s.para] = para_pol.get(s.para, 0.0) + p
    chosen = []
    for i, score in ranked:
        s = sents[i]
        lean = stance.local_lean(doc_lean, para_pol[s.para] - unit_pol[i])
        label, conf = stance.classify(said[i], context[s.para], lean, sides[i])
        chosen.append((s, score, label, conf))
    sugg = targets.suggest([bodies[i] for i, _ in ranked], [c[2] for c in chosen], nodes, thesis_id)
    proposals = []
    for (s, score, label, conf), (target, relation, sim) in zip(chosen, sugg):
        claimness = 1 / (1 + math.exp(-(score - claims.THRESHOLD)))
        proposals.append(
            Proposal(
                quote=s.text,
                start=s.start,
                end=s.end,
                stance=label,
                confidence=round(conf * (0.5 + 0.5 * claimness), 3),
                target=target,
                relation=relation,
                score=round(score, 3),
                title=short_title(s.text),
                similarity=round(sim, 3),
            )
        )
    return ImportProposals(
        article=article,
        thesis_id=thesis_id,
        proposals=proposals,
        trend_facts=facts,
        sentences=sents,
        notes=notes,
    )
