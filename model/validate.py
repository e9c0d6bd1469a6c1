"""The typed gate: every value that enters a map is checked here for type, range and size.

A map file, a JSON/AIF/GraphML/Argdown file or a CSV can hold anything: text where a number
belongs, a 50 MB title, a NaN, a lone surrogate, integer tags. Checking values but not types
let such content load and fail later, deep in credence, the report or a QPainter. So the
model runs every node, link, source, scenario, series, point, history entry and meta value
through these functions before it keeps it, and whatever passes has the declared type:
`str` fields are valid Unicode within their size cap, numbers are finite floats in range.
Pure Python; raises `GateError` (a `ValueError`) with a message naming the field.
"""

from __future__ import annotations

import calendar
import dataclasses
import math
import re
from typing import Any

from model.entities import (
    KINDS,
    RELATIONS,
    Citation,
    Edge,
    HistoryEntry,
    Node,
    Point,
    Receipt,
    Scenario,
    Series,
    Source,
)
from model.weights import MAX_STRENGTH

#: Size caps, in characters. A title is a sentence or two; a node's text a page or a few;
#: an imported article's full text is kept on its source, hence the larger cap there.
MAX_ID = 200
MAX_TITLE = 2_000
MAX_SHORT = 2_000  # author, outlet, unit, label, locator, dates, scenario and series names
MAX_URL = 8_192
MAX_TEXT = 1_000_000  # node text, quotes, notes, descriptions, meta values
MAX_SOURCE_TEXT = 20_000_000  # an imported article's text
MAX_TAGS = 100
MAX_TAG = 200
MAX_CITATIONS = 1_000
MAX_POINTS = 100_000
#: Canvas coordinates: far beyond any real layout, small enough that Qt's maths stays exact.
MAX_COORD = 1e9
SERIES_KINDS = ("data", "reference")

#: A link's strength may be "not yet weighed" (NULL) once the model declares it optional.
_STRENGTH_TYPE = str(Edge.__annotations__["strength"])
ACCEPT_UNWEIGHED = "None" in _STRENGTH_TYPE or "Optional" in _STRENGTH_TYPE

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class GateError(ValueError):
    """A value that may not enter a map; the message names the field and says why."""


# ---------------------------------------------------------------- scalars
def text(value: Any, what: str, limit: int = MAX_SHORT, *, required: bool = False) -> str:
    """A string of at most `limit` characters that UTF-8 can hold (no lone surrogates)."""
    if type(value) is not str:  # noqa: E721 - exactly str: a subclass could override anything
        raise GateError(f"{what} must be text, not {_kind(value)}")
    if len(value) > limit:
        raise GateError(f"{what} is {len(value):,} characters long; the limit is {limit:,}")
    if required and not value.strip():
        raise GateError(f"{what} must not be empty")
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise GateError(f"{what} holds a lone surrogate (not valid Unicode)") from None
    return value


def number(value: Any, what: str, lo: float = -math.inf, hi: float = math.inf) -> float:
    """A finite int or float within [lo, hi], returned as float (bools and strings refused)."""
    if type(value) is float:  # noqa: E721 - the common case, first
        x = value
    elif isinstance(value, bool) or not isinstance(value, int | float):
        raise GateError(f"{what} must be a number, not {_kind(value)}")
    else:
        try:
            x = float(value)
        except OverflowError:
            raise GateError(f"{what} is too large a number") from None
    if not math.isfinite(x):
        raise GateError(f"{what} must be a finite number, not {x}")
    if not lo <= x <= hi:
        raise GateError(f"{what} must be between {lo:g} and {hi:g}, got {x:g}")
    return x


def optional_number(value: Any, what: str, lo: float = -math.inf, hi: float = math.inf):
    return None if value is None else number(value, what, lo, hi)


def flag(value: Any, what: str) -> bool:
    """A bool, or the 0/1 SQLite stores for one."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise GateError(f"{what} must be true or false, not {_kind(value)}")


def identifier(value: Any, what: str) -> str:
    return text(value, what, MAX_ID, required=True)


def probability(value: Any, what: str = "prior") -> float:
    return number(value, what, 0.0, 1.0)


def strength(value: Any, what: str = "strength") -> float | None:
    """A likelihood ratio in [1, MAX_STRENGTH]; None ("not yet weighed") where the model allows."""
    if value is None and ACCEPT_UNWEIGHED:
        return None
    return number(value, what, 1.0, MAX_STRENGTH)


def date(value: Any, what: str = "date") -> str:
    """An ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD` calendar date."""
    m = _DATE.match(text(value, what, 10))
    if not m:
        raise GateError(f"{what} {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise GateError(f"{what} {value!r} has no month {month}")
    if day is not None and not 1 <= day <= _days_in_month(year, month):
        raise GateError(f"{what} {value!r} is not a calendar date")
    return value


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _range(value: Any, what: str, check) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise GateError(f"{what} must be a pair of numbers")
    lo, hi = check(value[0], what), check(value[1], what)
    if lo > hi:
        raise GateError(f"the low end of the {what} is above its high end")
    if type(value) is tuple and value[0] is lo and value[1] is hi:
        return value  # unchanged: the gate shares it (and stays idempotent by identity)
    return (lo, hi)


def _kind(value: Any) -> str:
    if value is None:
        return "empty (NULL)"
    names = {str: "text", bytes: "binary data", int: "an integer", float: "a number",
             bool: "true/false", list: "a list", tuple: "a list", dict: "an object"}  # fmt: skip
    return names.get(type(value), type(value).__name__)


# ---------------------------------------------------------------- values
def citation(c: Any, what: str = "citation") -> Citation:
    if not isinstance(c, Citation):
        raise GateError(f"{what} must be a citation, not {_kind(c)}")
    start = _offset(c.start, f"{what} start")
    end = _offset(c.end, f"{what} end")
    if start is not None and end is not None and start > end:
        raise GateError("a quote's span must run forwards from 0")
    return _with(c, source=identifier(c.source, f"{what} source"), start=start, end=end,
                 quote=text(c.quote, f"{what} quote", MAX_TEXT),
                 locator=text(c.locator, f"{what} locator"))  # fmt: skip


def _offset(value: Any, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 2**53:
        raise GateError(f"{what} must be a whole number from 0, not {_kind(value)}")
    return value


def node(n: Node) -> Node:
    """The node with every field checked and normalised (floats, bools, stripped unique tags)."""
    d = n.__dict__
    if _plain(d):  # the common case, decided in one expression (loading 100,000 nodes)
        flags = d["collapsed"], d["pinned"]
        if type(flags[0]) is bool and type(flags[1]) is bool:
            return n
        return _with(n, collapsed=bool(flags[0]), pinned=bool(flags[1]))  # SQLite's 0/1
    return node_checked(n)


def _plain(d: dict[str, Any]) -> bool:
    """A node whose every field already has its plain type and obvious range: ASCII text within
    the caps, a float prior, no tags, citations, ranges or series, 0/1 flags. Anything else
    takes the full check (`node_checked`), which accepts a superset of these."""
    nid, title, body, prior, pos = d["id"], d["title"], d["text"], d["prior"], d["pos"]
    created, modified = d["created"], d["modified"]
    return (
        type(nid) is str and type(title) is str and type(body) is str
        and type(created) is str and type(modified) is str
        and 0 < len(nid) <= MAX_ID and 0 < len(title) <= MAX_TITLE and len(body) <= MAX_TEXT
        and len(created) <= MAX_SHORT and len(modified) <= MAX_SHORT
        and nid.isascii() and title.isascii() and body.isascii() and created.isascii()
        and modified.isascii() and not nid.isspace() and not title.isspace()
        and d["kind"] in KINDS and type(d["kind"]) is str
        and type(prior) is float and 0.0 <= prior <= 1.0
        and d["prior_range"] is None and d["tags"] == () and d["citations"] == ()
        and d["series"] is None
        and type(d["collapsed"]) in (bool, int) and d["collapsed"] in (0, 1)
        and type(d["pinned"]) in (bool, int) and d["pinned"] in (0, 1)
        and (pos is None or (type(pos) is tuple and len(pos) == 2
                             and type(pos[0]) is float and type(pos[1]) is float
                             and -MAX_COORD <= pos[0] <= MAX_COORD
                             and -MAX_COORD <= pos[1] <= MAX_COORD))
    )  # fmt: skip


def node_checked(n: Node) -> Node:
    """`node`'s full check, field by field, with a message naming the failing field."""
    if n.kind not in KINDS:
        raise GateError(f"kind must be one of {', '.join(KINDS)}, not {_short(n.kind)}")
    title = text(n.title, "the title", MAX_TITLE)
    if not title.strip():
        raise GateError("a node needs a title")
    citations = n.citations
    if not isinstance(citations, tuple | list) or len(citations) > MAX_CITATIONS:
        raise GateError(f"citations must be a list of at most {MAX_CITATIONS:,}")
    return _with(
        n, id=identifier(n.id, "a node's id"), title=title, text=text(n.text, "the text", MAX_TEXT),
        prior=probability(n.prior), prior_range=_range(n.prior_range, "prior range", probability),
        tags=_tags(n.tags), citations=_citations(citations),
        series=None if n.series is None else text(n.series, "the series", MAX_ID),
        created=text(n.created, "created"), modified=text(n.modified, "modified"),
        collapsed=flag(n.collapsed, "collapsed"), pos=_range_free(n.pos, "the position"),
        pinned=flag(n.pinned, "pinned"),
    )  # fmt: skip


def _citations(citations: tuple | list) -> tuple[Citation, ...]:
    checked = tuple(citation(c, "a citation") for c in citations)
    same = isinstance(citations, tuple) and all(a is b for a, b in zip(checked, citations))
    return citations if same else checked


def _with(obj: Any, /, **fields: Any) -> Any:
    """`obj` with `fields` (checked copies), sharing it when nothing changed.

    A shallow copy with the changed fields set is ~10x faster than dataclasses.replace (which
    re-runs __init__), and loading a 100,000-node map runs this for every node and link; fields
    a newer model adds are kept as they are.
    """
    current = obj.__dict__
    changed = {k: v for k, v in fields.items() if v is not current[k]}
    if not changed:
        return obj
    fresh = object.__new__(type(obj))
    fresh.__dict__.update(obj.__dict__)  # frozen dataclasses: fill our own fresh copy
    fresh.__dict__.update(changed)
    return fresh


def _tags(tags: Any) -> tuple[str, ...]:
    if not isinstance(tags, tuple | list) or len(tags) > MAX_TAGS:
        raise GateError(f"tags must be a list of at most {MAX_TAGS} words")
    if not tags:
        return ()
    checked = tuple(
        dict.fromkeys(t for t in (text(t, "a tag", MAX_TAG).strip() for t in tags) if t)
    )
    return tags if type(tags) is tuple and checked == tags else checked


def _range_free(value: Any, what: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, tuple | list) or len(value) != 2:
        raise GateError(f"{what} must be a pair of numbers")
    return (number(value[0], what, -MAX_COORD, MAX_COORD),
            number(value[1], what, -MAX_COORD, MAX_COORD))  # fmt: skip


def edge(e: Edge) -> Edge:
    """The link with typed ends, relation and a numeric (or unweighed) strength."""
    u, v = identifier(e.source, "a link's source"), identifier(e.target, "a link's target")
    if e.relation not in RELATIONS:
        raise GateError(f"relation must be supports or attacks, not {_short(e.relation)}")
    return _with(
        e, source=u, target=v, strength=strength(e.strength),
        strength_range=_range(e.strength_range, "strength range",
                              lambda x, w: number(x, w, 1.0, MAX_STRENGTH)),
    )  # fmt: skip


def plain_edge(e: Edge) -> bool:
    """A link `edge` would return unchanged: plain-typed ends, relation and strength (or an
    unweighed None), no range. False means only "take the full check", never "bad"."""
    d = e.__dict__
    u, v, lam = d["source"], d["target"], d["strength"]
    return (
        type(u) is str and type(v) is str and 0 < len(u) <= MAX_ID and 0 < len(v) <= MAX_ID
        and u.isascii() and v.isascii() and not u.isspace() and not v.isspace()
        and type(d["relation"]) is str and d["relation"] in RELATIONS
        and ((lam is None and ACCEPT_UNWEIGHED) or (type(lam) is float and 1.0 <= lam <= MAX_STRENGTH))
        and d["strength_range"] is None
    )  # fmt: skip


def source(s: Source) -> Source:
    sid = identifier(s.id, "a source's id")
    where = f"source {sid!r}"
    title = text(s.title, f"{where}: the title", MAX_TITLE)
    if not title.strip():
        raise GateError("a source needs a title")
    short = {f: text(getattr(s, f), f"{where}: {f}") for f in
             ("author", "outlet", "date", "kind", "file", "added")}  # fmt: skip
    return _with(
        s,
        id=sid,
        title=title,
        url=text(s.url, f"{where}: the URL", MAX_URL),
        text=text(s.text, f"{where}: the text", MAX_SOURCE_TEXT),
        **short,
    )


def scenario(sc: Scenario) -> Scenario:
    name = text(sc.name, "a scenario's name", MAX_ID, required=True)
    where = f"scenario {name!r}"
    if not isinstance(sc.priors, dict) or not isinstance(sc.strengths, dict):
        raise GateError(f"{where}: priors and strengths must be tables")
    priors = {identifier(k, f"{where}: a node id"): probability(p, f"{where}: a prior")
              for k, p in sc.priors.items()}  # fmt: skip
    strengths = {}
    for key, lam in sc.strengths.items():
        if not isinstance(key, tuple) or len(key) != 2:
            raise GateError(f"{where}: a strength must belong to a link (source, target)")
        k = (identifier(key[0], f"{where}: a link"), identifier(key[1], f"{where}: a link"))
        strengths[k] = number(lam, f"{where}: a strength", 1.0, MAX_STRENGTH)
    return dataclasses.replace(
        sc,
        name=name,
        description=text(sc.description, f"{where}: description", MAX_TEXT),
        source=text(sc.source, f"{where}: source", MAX_TEXT),
        priors=priors,
        strengths=strengths,
        reading=flag(sc.reading, f"{where}: reading"),
        receipts=_receipts(sc.receipts, where),
        stated=text(sc.stated, f"{where}: the author's own figure", MAX_TEXT),
    )


def _receipts(receipts: Any, where: str) -> dict:
    """Each value's receipt: keyed by a node id (a prior) or (source, target) (a strength)."""
    if not isinstance(receipts, dict):
        raise GateError(f"{where}: receipts must be a table")
    out: dict = {}
    for key, r in receipts.items():
        if isinstance(key, tuple) and len(key) == 2:
            k: Any = (
                identifier(key[0], f"{where}: a link"),
                identifier(key[1], f"{where}: a link"),
            )
        else:
            k = identifier(key, f"{where}: a node id")
        if not isinstance(r, Receipt):
            raise GateError(f"{where}: a receipt must be a quote with its locator")
        quote = text(r.quote, f"{where}: a receipt's quote", MAX_TEXT)
        if not quote.strip():
            raise GateError(f"{where}: the receipt for {k!r} needs the author's quote")
        out[k] = Receipt(quote, text(r.locator, f"{where}: a receipt's locator", MAX_TEXT))
    return out


def point(p: Point, where: str = "a point") -> Point:
    if not isinstance(p, Point):
        raise GateError(f"{where} must be a data point, not {_kind(p)}")
    return _with(
        p, date=date(p.date, f"{where}: the date"), value=number(p.value, f"{where}: the value"),
        label=text(p.label, f"{where}: the label"), low=optional_number(p.low, f"{where}: low"),
        high=optional_number(p.high, f"{where}: high"),
        source=text(p.source, f"{where}: source", MAX_TEXT),
        note=text(p.note, f"{where}: note", MAX_TEXT),
    )  # fmt: skip


def series(s: Series) -> Series:
    name = text(s.name, "a series' name", MAX_ID, required=True)
    where = f"series {name!r}"
    if s.kind not in SERIES_KINDS:
        raise GateError(f"{where}: kind must be data or reference, not {_short(s.kind)}")
    if not isinstance(s.points, tuple | list) or len(s.points) > MAX_POINTS:
        raise GateError(f"{where}: points must be a list of at most {MAX_POINTS:,}")
    points = tuple(point(p, f"{where}: point {i + 1}") for i, p in enumerate(s.points))
    if isinstance(s.points, tuple) and all(a is b for a, b in zip(points, s.points)):
        points = s.points  # unchanged: callers may look their points up by identity
    return _with(
        s, name=name, title=text(s.title, f"{where}: the title", MAX_TITLE),
        unit=text(s.unit, f"{where}: the unit"), points=points,
        source=text(s.source, f"{where}: source", MAX_TEXT),
        note=text(s.note, f"{where}: note", MAX_TEXT),
    )  # fmt: skip


def history(h: HistoryEntry) -> HistoryEntry:
    if not isinstance(h, HistoryEntry):
        raise GateError(f"a history entry must be one, not {_kind(h)}")
    return _with(
        h,
        time=text(h.time, "a history entry's time"),
        scenario=text(h.scenario, "a history entry's scenario"),
        credence=probability(h.credence, "a history entry's credence"),
        note=text(h.note, "a history entry's note", MAX_TEXT),
    )


def meta(key: Any, value: Any) -> tuple[str, str]:
    k = text(key, "a map setting's name", MAX_ID, required=True)
    return k, text(value, f"the map setting {k!r}", MAX_TEXT)


def _short(value: Any) -> str:
    """A value for a message, never more than a line."""
    shown = repr(value) if isinstance(value, str) else _kind(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"
