"""The immutable values a map is made of: nodes, edges, sources, scenarios, series.

Values are frozen so that an undo command can keep the old value and put it back
exactly, and so that two maps compare equal field by field.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

KINDS = ("thesis", "claim", "evidence")
RELATIONS = ("supports", "attacks")


def now_iso() -> str:
    """UTC timestamp with seconds, the format every stored date uses."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def new_id() -> str:
    """A short random id; maps from different machines can be merged without clashes."""
    return uuid.uuid4().hex[:12]


@dataclass(frozen=True)
class Citation:
    """A node's pointer into a source: which document, and optionally the exact quote and span."""

    source: str
    quote: str = ""
    start: int | None = None
    end: int | None = None
    locator: str = ""


@dataclass(frozen=True)
class Source:
    """A document the map cites: an imported article (with its text) or a reference."""

    id: str
    title: str
    author: str = ""
    outlet: str = ""
    date: str = ""
    url: str = ""
    text: str = ""
    kind: str = "article"
    file: str = ""
    added: str = ""


@dataclass(frozen=True)
class Node:
    """A thesis, claim or piece of evidence. `prior` is a claim's base credence or evidence's reliability."""

    id: str
    kind: str
    title: str
    text: str = ""
    prior: float = 0.5
    prior_range: tuple[float, float] | None = None
    tags: tuple[str, ...] = ()
    citations: tuple[Citation, ...] = ()
    series: str | None = None
    created: str = ""
    modified: str = ""
    collapsed: bool = False
    pos: tuple[float, float] | None = None
    pinned: bool = False


@dataclass(frozen=True)
class Edge:
    """A reason bearing on a target: child → target, supports or attacks, with likelihood ratio
    `strength`; None means nobody has weighed the link yet, and it counts for nothing."""

    source: str
    target: str
    relation: str = "supports"
    strength: float | None = None
    strength_range: tuple[float, float] | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.source, self.target)

    @property
    def sign(self) -> int:
        return 1 if self.relation == "supports" else -1


@dataclass(frozen=True)
class Receipt:
    """Why a scenario sets a weight: a short quote of its author and where it is (a locator)."""

    quote: str
    locator: str = ""


@dataclass(frozen=True)
class Scenario:
    """A named weight profile: overrides of node priors and edge strengths on the map's defaults.

    A *reading* (`reading=True`) is one author's weighing, written once: it holds its own value
    for every link it covers, and a link it does not hold (one added later) is unweighed in it,
    so its figure moves only when its own weights do. `receipts` ties a set value to the
    author's words: keyed by node id (a prior) or by (source, target) (a strength).
    """

    name: str
    description: str = ""
    source: str = ""
    priors: dict[str, float] = field(default_factory=dict, hash=False)
    strengths: dict[tuple[str, str], float] = field(default_factory=dict, hash=False)
    reading: bool = False
    receipts: dict[str | tuple[str, str], Receipt] = field(default_factory=dict, hash=False)
    stated: str = ""  # what the author wrote as their own figure ("70%", "virtually no chance")

    def receipt(self, key: str | tuple[str, str]) -> Receipt | None:
        """The quote behind the value this scenario sets for a prior (node id) or strength."""
        return self.receipts.get(key)


@dataclass(frozen=True)
class Point:
    """One dated observation of a trend series; `date` is ISO `YYYY[-MM[-DD]]`."""

    date: str
    value: float
    label: str = ""
    low: float | None = None
    high: float | None = None
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class Series:
    """A trend series (e.g. training compute) or, with kind "reference", a level such as the text stock."""

    name: str
    title: str = ""
    unit: str = ""
    points: tuple[Point, ...] = ()
    kind: str = "data"
    source: str = ""
    note: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """The thesis credence at one moment, recorded when a weight changes."""

    time: str
    scenario: str
    credence: float
    note: str = ""
