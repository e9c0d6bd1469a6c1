"""Plain data passed between the article reader, the proposal pipeline and the review dialog.

Kept free of storage and Qt so that the model layer can build and test proposals on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

STANCES = ("pro", "con", "neutral")
CONFIDENCE_DIGITS = 2  # confidence is shown with two decimals, so it is compared at two


def at_or_above(confidence: float, threshold: float) -> bool:
    """confidence >= threshold as the user sees both: 0.699 shown as 0.70 passes "≥ 0.70"."""
    return round(confidence, CONFIDENCE_DIGITS) >= round(threshold, CONFIDENCE_DIGITS)


RELATIONS = ("supports", "attacks", "duplicate")


@dataclass(frozen=True)
class Article:
    """The main text of an imported document plus whatever metadata the source gave."""

    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""
    kind: str = "txt"  # html | md | txt | pdf
    raw_path: str = ""


@dataclass(frozen=True)
class NodeRef:
    """What the importer needs to know about an existing map node.

    side is +1 when the node supports the thesis (an even number of attacks on its path), -1 when it
    argues against it, 0 for the thesis itself.
    """

    id: str
    title: str
    text: str = ""
    kind: str = "claim"
    side: int = 1


@dataclass(frozen=True)
class Sentence:
    """A sentence of the article's text; start/end are offsets into Article.text."""

    start: int
    end: int
    text: str
    para: int
    heading: bool = False
    bullet: bool = False
    spoken: bool = False  # a line of unpunctuated speech (auto-captions): a unit as it stands
    casual: bool = False  # written without capitals (chat): a lower-case start is no fragment


@dataclass
class Proposal:
    """One proposed claim: a quote of the article with its stance and suggested place in the map."""

    quote: str
    start: int
    end: int
    stance: str
    confidence: float
    target: str
    relation: str
    score: float = 0.0
    title: str = ""
    similarity: float = 0.0
    # [stance, confidence] had the article been read as "pro", "con" or "mixed": the reviewer
    # who sees the article's side misread corrects every proposal that follows it in one step.
    readings: dict[str, list] = field(default_factory=dict)

    def to_json(self) -> dict:
        return {
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
            "stance": self.stance,
            "confidence": round(self.confidence, 3),
            "target": self.target,
            "relation": self.relation,
        }


@dataclass
class TrendFact:
    """A number a trend chart could use; start/end locate the number's phrase in Article.text."""

    quote: str
    start: int
    end: int
    quantity: str
    value: float
    unit: str
    year: int | None
    label: str
    kind: str = "observation"  # ratio | hypothetical | projection | reference: never a point
    # The sentence ties the figure to a named model or to another year without giving its year:
    # the article's date is then not the figure's date ("Training GPT-3 took about 50 GWh").
    dated_elsewhere: bool = False

    def to_json(self) -> dict:
        return {
            "quote": self.quote,
            "quantity": self.quantity,
            "value": self.value,
            "unit": self.unit,
            "year": self.year,
            "label": self.label,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
        }


@dataclass
class ImportProposals:
    """Everything the importer offers for one article, ready for review."""

    article: Article
    thesis_id: str
    proposals: list[Proposal] = field(default_factory=list)
    trend_facts: list[TrendFact] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what the user should know (a cut text)
    lean: float = 0.0  # the article's side as the importer read it, in [-1, 1] (+ is pro)

    def to_json(self) -> dict:
        a = self.article
        out = {
            "document": {
                "title": a.title,
                "author": a.author,
                "date": a.date,
                "url": a.url,
                "text": a.text,
            },
            "proposals": [p.to_json() for p in self.proposals],
            "trend_facts": [f.to_json() for f in self.trend_facts],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        return out


# An article's side, named (here, not in the pipeline, so that the review dialog can name it
# without loading the pipeline into the app).
LEAN_MARGIN = 0.15  # a lean within ±0.15 of even takes neither side


def side_name(lean: float) -> str:
    """The side an article's lean takes: "pro", "con" or "mixed"."""
    return "pro" if lean > LEAN_MARGIN else "con" if lean < -LEAN_MARGIN else "mixed"


# The article's side as a reviewer may set it: the lean every proposal is re-read under. 0.4 is
# the lean the article model gives a plainly argued article (the upper quartile of |lean| over
# the 25 sided training articles, 0.41-0.45), not the extreme 1.0: under that a sentence whose own
# cues argue a side keeps it, and only what has no clear cue of its own follows the article.
SIDE_LEAN = 0.4
READINGS = {"pro": SIDE_LEAN, "con": -SIDE_LEAN, "mixed": 0.0}
