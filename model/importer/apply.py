"""Turn reviewed proposals into map edits: one source for the article, a node per accepted claim
(or a citation on the node it duplicates) and a point per accepted trend fact, all inside one
batch so the import is one undo step."""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime

from model.argmap import ArgumentMap, MapError
from model.entities import Citation, Point, Series, Source, new_id, now_iso
from model.importer.article import (
    Article,
    ImportProposals,
    NodeRef,
    Proposal,
    TrendFact,
    at_or_above,
)


@dataclass
class Decision:
    """One accepted proposal after review: possibly edited title, stance, target and relation."""

    quote: str
    start: int
    end: int
    title: str
    stance: str
    target: str
    relation: str  # supports | attacks | duplicate
    kind: str = "claim"
    # The link's strength as the reviewer weighed it (a name of model.weights.STRENGTHS); None
    # leaves the new link unweighed, so it counts for nothing until someone weighs it.
    strength: str | None = None

    @classmethod
    def from_proposal(cls, p: Proposal) -> Decision:
        return cls(p.quote, p.start, p.end, p.title or p.quote, p.stance, p.target, p.relation)


def node_refs(amap: ArgumentMap) -> list[NodeRef]:
    """What the importer needs from the map: every node with its side of the thesis."""
    sides = amap.sides()  # one pass for all nodes, not one search per node
    return [NodeRef(n.id, n.title, n.text, n.kind, sides.get(n.id, 0)) for n in amap.nodes()]


def accept_all(result: ImportProposals, min_confidence: float = 0.0) -> list[Decision]:
    """Every proposal at or above min_confidence, unchanged."""
    return [
        Decision.from_proposal(p)
        for p in result.proposals
        if at_or_above(p.confidence, min_confidence)
    ]


def apply_import(
    amap: ArgumentMap,
    article: Article,
    decisions: Sequence[Decision],
    facts: Sequence[FactDecision] = (),
    label: str = "Import article",
) -> dict:
    """Add the article as a source, the decisions as nodes/citations and the facts as series
    points, in one batch. A fact that cannot be a point raises MapError before anything changes.

    Returns {"source": id, "nodes": [new ids], "cited": [ids of duplicated nodes],
    "points": [(series name, index of the new point)]}.
    """
    points = _check_facts(amap, article, facts)
    source_id = new_id()
    title = article.title or (article.url or article.raw_path or "Imported article")
    added: list[str] = []
    cited: list[str] = []
    thesis = amap.thesis
    with amap.batch(label):
        amap.add_source(
            Source(
                id=source_id,
                title=title[:300],
                author=article.author,
                date=article.date,
                url=article.url,
                text=article.text,
                kind="article",
                file=article.raw_path,
                added=now_iso(),
            )
        )
        for d in decisions:
            cite = Citation(source=source_id, quote=d.quote, start=d.start, end=d.end)
            target = d.target if d.target in amap else (thesis.id if thesis else None)
            if d.relation == "duplicate" and target is not None:
                node = amap.node(target)
                amap.update_node(target, citations=tuple(node.citations) + (cite,))
                cited.append(target)
                continue
            nid = amap.add_node(
                d.kind, d.title.strip() or d.quote[:120], text=d.quote, citations=(cite,)
            )
            added.append(nid)
            if target is not None:
                relation = d.relation if d.relation in ("supports", "attacks") else "supports"
                if d.strength is None:
                    amap.link(nid, target, relation)  # the map's default for a link nobody weighed
                else:
                    amap.link(nid, target, relation, d.strength)
        placed = _insert_points(amap, [(d.series, p) for d, p in zip(facts, points)])
    return {"source": source_id, "nodes": added, "cited": cited, "points": placed}


def retarget(decision: Decision, node: NodeRef) -> Decision:
    """The same decision pointed at another node, with the relation re-derived from the stance."""
    from model.importer.targets import relation_for

    return replace(decision, target=node.id, relation=relation_for(decision.stance, node))


# ------------------------------------------------------------------ trend facts → series points
#: Unit spellings → (dimension, factor to the dimension's base unit). Scale words ("$41M") are
#: already folded into the value by facts.py; only unit prefixes (kWh vs MWh) are converted here.
_UNITS: dict[str, tuple[str, float]] = {
    "flop": ("compute", 1.0),
    "flops": ("compute", 1.0),
    "flop/s": ("compute", 1.0),
    "usd": ("usd", 1.0),
    "$": ("usd", 1.0),
    "us$": ("usd", 1.0),
    "dollars": ("usd", 1.0),
    "eur": ("eur", 1.0),
    "gbp": ("gbp", 1.0),
    "tokens": ("tokens", 1.0),
    "token": ("tokens", 1.0),
    "words": ("words", 1.0),
    "%": ("percent", 1.0),
    "percent": ("percent", 1.0),
    "pct": ("percent", 1.0),
    "parameters": ("parameters", 1.0),
    "params": ("parameters", 1.0),
    "gpus": ("gpus", 1.0),
    "chips": ("gpus", 1.0),
    "wh": ("energy", 1.0),
    "kwh": ("energy", 1e3),
    "mwh": ("energy", 1e6),
    "gwh": ("energy", 1e9),
    "twh": ("energy", 1e12),
    "w": ("power", 1.0),
    "kw": ("power", 1e3),
    "mw": ("power", 1e6),
    "gw": ("power", 1e9),
    "twh/year": ("energy/year", 1e12),
    "twh per year": ("energy/year", 1e12),
    "twh/yr": ("energy/year", 1e12),
    "gwh/year": ("energy/year", 1e9),
    "tco2e": ("co2", 1.0),
    "tco2": ("co2", 1.0),
    "t co2-eq": ("co2", 1.0),
    "t co2": ("co2", 1.0),
    "t co2e": ("co2", 1.0),
    "tonnes co2": ("co2", 1.0),
}
#: A number the text gave without a unit (an exponent in a table cell): the user's series decides.
UNITLESS = "count"
#: What a fact's quantity (facts.py vocabulary) is called in series names and titles.
_QUANTITY_WORDS: dict[str, tuple[str, ...]] = {
    "training compute": ("compute", "flop"),
    "cost": ("cost", "price", "spend", "spending"),
    "investment": ("investment", "invest", "capex", "spending"),
    "data (tokens)": ("tokens", "data", "dataset", "text", "corpus"),
    "data": ("tokens", "data", "dataset", "text", "corpus"),
    "parameters": ("parameters", "params", "param"),
    "benchmark score": ("score", "accuracy", "benchmark", "resolved", "pct"),
    "energy": ("energy", "power", "electricity"),
    "emissions": ("co2", "emissions", "carbon"),
    "hardware": ("gpus", "gpu", "chips", "cluster"),
}
#: Dimensions whose unit alone says what is measured (unlike USD or percent).
_TELLING = frozenset({"compute", "tokens", "words", "parameters", "gpus", "energy", "power",
                      "energy/year", "co2"})  # fmt: skip
#: Words too common in series names or article sentences to tell two series apart.
_GENERIC = frozenset(
    "a an the of on in at for to by and or with from as is are was its their our per vs "
    "score pct percent accuracy resolved notable models model frontier final run series data "
    "usd flop flops tokens parameters params estimate estimated total level levels".split()
)
#: Function words and unit names: what a series name says beyond them is its topic.
_FUNCTION = frozenset(
    "a an the of on in at for to by and or with from as is are was its their our per vs usd "
    "flop flops pct percent".split()
)
_SENTENCE_BREAK = re.compile(r"[.!?](?:\s+|$)")
_CLAUSE_BREAK = re.compile(
    r"\s+(?:but|while|whereas|versus|vs\.?|compared (?:to|with))\s+|[;,(]|[.!?](?:\s+|$)"
)
_ROW_YEAR = re.compile(r"\s*(?:19|20)\d{2}\b")
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")


class FactRefused(ValueError):
    """A trend fact that cannot become a point; the message says why, for the user."""


@dataclass(frozen=True)
class FactDecision:
    """An accepted trend fact: the fact's fields, the series it goes to and the point's date."""

    quote: str
    start: int
    end: int
    quantity: str
    value: float
    unit: str
    year: int | None
    label: str
    series: str
    date: str


def _norm_unit(unit: str) -> str:
    u = re.sub(r"\(.*?\)", "", unit.lower().replace("₂", "2")).strip()
    return re.sub(r"\s+", " ", u)


def unit_factor(fact_unit: str, series_unit: str) -> float | None:
    """Multiply a fact's value by this to get the series' unit; None when the units differ.

    A unitless fact (`count`) takes the series' unit as it is: choosing the series says what it is.
    """
    if fact_unit == UNITLESS:
        return 1.0
    a, b = _UNITS.get(_norm_unit(fact_unit)), _UNITS.get(_norm_unit(series_unit))
    if a is None or b is None:
        same = _norm_unit(fact_unit) == _norm_unit(series_unit) != ""
        return 1.0 if same else None
    return a[1] / b[1] if a[0] == b[0] else None


def _tokens(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("₂", "2"))


def _series_words(s: Series) -> set[str]:
    return set(_tokens(f"{s.name.replace('_', ' ')} {s.title}"))


def _topic(s: Series, vocab: set[str], generic: frozenset[str] = frozenset()) -> set[str]:
    """The words of a series' name that say what it is about: not its function words, not the
    quantity's own words (`vocab`), and not a unit ("twh" in `energy_fleet_twh` says what is
    measured, which the unit check has settled, not about what)."""
    words = _series_words(s) - _FUNCTION - generic - vocab - set(_tokens(s.unit))
    return {w for w in words if len(w) > 2 and _norm_unit(w) not in _UNITS}


# A benchmark-like name: "FrontierMath", "GPQA", "SWE-bench", "ARC-AGI-2".
_PROPER = re.compile(r"(?<![\w-])(?:[A-Z][a-z]+[A-Z][\w-]*|[A-Z][A-Z0-9]+(?:[-/][\w]+)*)(?![\w-])")


def _names_other(sentence: str) -> bool:
    """Whether a sentence names a capitalised thing that is neither a model nor a generic
    acronym or organisation (data/fact_generic_names.txt)."""
    from model.importer.facts import MODEL_NAME
    from model.importer.lexicon import words

    rest = MODEL_NAME.sub(" ", sentence)
    generic = words("fact_generic_names")
    return any(not generic.fullmatch(m.group(0)) for m in _PROPER.finditer(rest))


def _contexts(text: str, fact: TrendFact) -> list[str]:
    """Where to look for the series' name, nearest first: the clause, the sentence, that and the
    sentence before, and for a table row the header line above it. The fact's own number is left
    out."""
    if not text or text[fact.start : fact.end] != fact.quote:
        return [fact.label]
    ls = text.rfind("\n", 0, fact.start) + 1
    le = text.find("\n", fact.end)
    le = len(text) if le < 0 else le
    line = text[ls : fact.start] + "#" * len(fact.quote) + text[fact.end : le]
    found = []
    for breaks in (_CLAUSE_BREAK, _SENTENCE_BREAK):
        cut = [(m.start(), m.end()) for m in breaks.finditer(line)]
        before = sorted(e for s, e in cut if e <= fact.start - ls)
        hi = min([s for s, e in cut if s >= fact.end - ls], default=len(line))
        found.append(line[(before or [0])[-1] : hi])
        if breaks is _CLAUSE_BREAK and not _ROW_YEAR.match(line) and _names_other(found[0]):
            # "o3 scored 75.7% on ARC-AGI-1, and o1 reached 78% on GPQA Diamond": the number
            # belongs to the thing its own clause names, not to one named elsewhere in the
            # sentence (a table row's cells are not clauses: its header names its columns)
            return found
    # "SWE-bench shows poor performance. GPT-4 scored just 1.7%": the sentence before counts too,
    # unless the fact's own sentence names another thing ("On FrontierMath, o3 scored 25%")
    if not _names_other(found[-1]):
        found.append(line[(before[-2] if len(before) > 1 else 0) : hi])
    if _ROW_YEAR.match(line):  # a table row: the column names are in the header above
        for prev in reversed(text[:ls].splitlines()[-12:]):
            if prev.strip() and not _ROW_YEAR.match(prev):
                found.append(prev)
                break
    return found


def suggest_series(
    amap_series: Mapping[str, Series], fact: TrendFact, text: str = ""
) -> str | None:
    """The data series a trend fact most likely belongs to, or None when nothing fits clearly.

    A series must take the fact's unit. Among those, one named in the fact's clause (then line, then
    a table's header row) wins, e.g. "53% on ARC-AGI-1" → the series titled "ARC-AGI-1 score";
    otherwise a single series whose name fits the fact's quantity ("cost" → a `…_cost_usd` series).
    Ties give None: a wrong suggestion costs the user more than an empty one. `text` is the
    article's text, for the context around the fact.
    """
    if fact.unit == UNITLESS or fact.quantity == "probability":
        return None
    fits = [s for s in _data(amap_series) if unit_factor(fact.unit, s.unit) is not None]
    if not fits:
        return None
    words = {s.name: _series_words(s) - _GENERIC for s in fits}
    for context in _contexts(text, fact):
        seen = set(_tokens(context))
        scores = {n: len(w & seen) / len(w) for n, w in words.items() if w}
        best = max(scores.values(), default=0.0)
        if best >= 0.6:
            top = [n for n, v in scores.items() if v == best]
            return top[0] if len(top) == 1 else None
    vocab = set(_QUANTITY_WORDS.get(fact.quantity, ()))
    sentence = set(_tokens(" ".join(_contexts(text, fact)[:2]))) if text else set()
    named = [
        s.name
        for s in fits
        if vocab & _series_words(s) and _on_topic(s, vocab, sentence, bool(text))
    ]
    if not named and _UNITS.get(_norm_unit(fact.unit), ("",))[0] in _TELLING:
        # "kWh" or "FLOP" says what is measured; "%" or "$" does not. A series the quantity
        # names but whose topic the sentence lacks ("Illustrative H100 fleet energy" for data
        # centres' electricity) stays refused.
        named = [s.name for s in fits if not _off_topic(s, vocab, sentence, bool(text))]
    return named[0] if len(named) == 1 else None


def _off_topic(s: Series, vocab: set[str], sentence: set[str], have_text: bool) -> bool:
    """A series whose name holds telling words beyond its unit and the common ones ("fleet",
    "H100" in "Illustrative H100 fleet energy"), none of which the fact's sentence shares."""
    topic = _topic(s, vocab, _GENERIC)
    return have_text and bool(topic) and not _shares_stem(topic, sentence)


def _on_topic(s: Series, vocab: set[str], sentence: set[str], have_text: bool) -> bool:
    """A series whose name says more than the quantity ("Training cost of the final run": what
    was paid for) takes a figure only when the fact's sentence names that too: "$2 billion
    raised" is money, but not the cost of a training run."""
    topic = _topic(s, vocab)
    return not have_text or not topic or _shares_stem(topic, sentence)


def _shares_stem(topic: set[str], sentence: set[str]) -> bool:
    """A sentence word with a topic word's stem: "trained" for "training"; a short topic word
    must be the word itself ("bench" is not "benchmark")."""
    long_stems = {w[:5] for w in topic if len(w) > 5}
    return bool(topic & sentence) or any(w[:5] in long_stems for w in sentence)


def _data(amap_series: Mapping[str, Series]) -> list[Series]:
    return [s for s in amap_series.values() if s.kind == "data"]


def fact_date(fact: TrendFact, article: Article) -> str:
    """The fact's year, else the year of the article's date, else "" (no date to plot it at).
    A figure its sentence ties to a named model or another year is never dated by the article."""
    if fact.year:
        return str(fact.year)
    if fact.dated_elsewhere:
        return ""
    m = _YEAR.search(article.date or "")
    return m.group(1) if m else ""


_KIND_REASON = {
    "ratio": "a ratio or a comparison (per parameter, per month, 40% higher, tenfold …), not "
    "a level a series measures",
    "unnamed": "the size of a model the text does not name (a 7B model), not a point of a "
    "series of named models",
    "poll": "a poll or survey share (what people said or predicted), not a measurement",
    "own": "the writer's own organisation's figure (our cluster, your grant), not the field's "
    "trend",
    "hypothetical": "a hypothetical (would, if …), not an observation",
    "projection": "a projection, not an observation: note it rather than plot it",
    "reference": "a reference level (a stock, a total, a limit), not a model's value: "
    "it belongs in a reference series",
}


def decide_fact(
    fact: TrendFact, series_name: str | None, article: Article, amap_series: Mapping[str, Series]
) -> FactDecision:
    """The fact as a point of `series_name`; FactRefused says why it cannot be one (what the
    number is comes first: choosing a series would not make a ratio a point)."""
    if not series_name and fact.quantity == "probability":
        raise FactRefused("a probability is a judgement, not a trend observation")
    if fact.year and fact.year > datetime.now(UTC).year:
        raise FactRefused(f"{fact.year} is in the future: a projection, not an observation")
    if fact.kind != "observation":
        raise FactRefused(_KIND_REASON.get(fact.kind, f"a {fact.kind}, not an observation"))
    if not series_name:
        if not any(unit_factor(fact.unit, s.unit) is not None for s in _data(amap_series)):
            raise FactRefused(f"no data series in this map is measured in {fact.unit}")
        raise FactRefused("no series clearly fits: choose one")
    series = amap_series.get(series_name)
    if series is None:
        raise FactRefused(f"the map has no series {series_name!r}")
    if series.kind != "data":
        raise FactRefused(
            f"“{series.title or series_name}” is a reference series, not observations"
        )
    if unit_factor(fact.unit, series.unit) is None:
        raise FactRefused(
            f"unit {fact.unit!r} does not fit “{series.title or series_name}” ({series.unit})"
        )
    if not math.isfinite(fact.value):
        raise FactRefused("the value is not a finite number")
    date = fact_date(fact, article)
    if not date and fact.dated_elsewhere:
        raise FactRefused(
            f"the sentence ties it to {fact.label or 'a model or year'} but gives no year for "
            "it: the article's date is not its date"
        )
    if not date:
        raise FactRefused("no year in the text and the article has no date")
    if int(date[:4]) > datetime.now(UTC).year:
        raise FactRefused(f"{date} is in the future: a projection, not an observation")
    f = fact
    return FactDecision(
        f.quote, f.start, f.end, f.quantity, f.value, f.unit, f.year, f.label, series_name, date
    )


def refusal(
    fact: TrendFact, series_name: str | None, article: Article, amap_series: Mapping[str, Series]
) -> str:
    """Why the fact cannot go into `series_name` ("" when it can)."""
    try:
        decide_fact(fact, series_name, article, amap_series)
    except FactRefused as exc:
        return str(exc)
    return ""


def already_there(d: FactDecision, amap_series: Mapping[str, Series]) -> Point | None:
    """A point of the decision's series with the same year and value (±0.5%), if any: importing
    an article the map was built from would otherwise plot its numbers twice."""
    series = amap_series.get(d.series)
    factor = unit_factor(d.unit, series.unit) if series else None
    if series is None or factor is None:
        return None
    value = d.value * factor
    for p in series.points:
        if p.date[:4] == d.date[:4] and abs(p.value - value) <= 0.005 * abs(value) + 1e-12:
            return p
    return None


@dataclass(frozen=True)
class FitEffect:
    """How one new point changes its series' exponential fit, and whether it is off the trend."""

    before: tuple[float, float] | None  # (growth per year, R²) of the series as it is
    after: tuple[float, float] | None  # … with the point added
    flag: str = ""  # why the point looks wrong for this series ("" when it fits)

    def describe(self) -> str:
        def one(f: tuple[float, float] | None) -> str:
            return "no fit" if f is None else f"×{f[0]:.2f}/yr R² {f[1]:.2f}"

        fit = f"fit {one(self.before)} → {one(self.after)}"
        return f"⚠ {self.flag}; {fit}" if self.flag else fit


OFF_TREND_ORDERS = 1.0  # a point this many orders of magnitude (and 3 sd) off the fit is flagged
R2_DROP = 0.2  # … as is one that lowers the fit's R² by this much


def fit_effect(d: FactDecision, series: Series, article: Article) -> FitEffect:
    """The fit before → after adding the decision's point, flagged when the point lies far off the
    series' trend or wrecks its fit (a ratio or a stock read as a model's value)."""
    from model.trends import TrendError, decimal_year, fit_points

    try:
        point = fact_point(d, series, article)
    except (FactRefused, ValueError):
        return FitEffect(None, None)

    def fit(points: Sequence[Point]) -> tuple[float, float] | None:
        try:
            f = fit_points(series.name, points)
        except TrendError:
            return None
        return f.growth_per_year, f.r2

    old = [p for p in series.points if p.value > 0]
    before, after = fit(old), fit([*old, point])
    flag = ""
    if point.value > 0 and old:
        x, y = decimal_year(point.date), math.log10(point.value)
        try:
            f = fit_points(series.name, old)
            off = abs(y - float(f.log_value(x)))
            if off > max(OFF_TREND_ORDERS, 3 * f.resid_sd):
                flag = f"{off:.1f} orders of magnitude off the trend"
        except TrendError:  # too few points to fit: compare with the nearest in time
            near = min(old, key=lambda p: abs(decimal_year(p.date) - x))
            off = abs(y - math.log10(near.value))
            if off > 2 * OFF_TREND_ORDERS:
                flag = f"{off:.1f} orders of magnitude from the nearest point"
    if not flag and before and after and before[1] - after[1] > R2_DROP:
        flag = f"lowers the fit's R² from {before[1]:.2f} to {after[1]:.2f}"
    return FitEffect(before, after, flag)


def accept_facts(amap_series: Mapping[str, Series], article: Article,
                 facts: Sequence[TrendFact]) -> list[FactDecision]:  # fmt: skip
    """Every fact with a suggested series and a date that the series does not already hold and
    that does not fall off the series' trend, as decisions (the CLI's --accept-all)."""
    out = []
    for f in facts:
        with contextlib.suppress(FactRefused):
            d = decide_fact(f, suggest_series(amap_series, f, article.text), article, amap_series)
            if already_there(d, amap_series) is None and not (
                fit_effect(d, amap_series[d.series], article).flag
            ):
                out.append(d)
    return out


def _range(quote: str, value: float) -> tuple[float | None, float | None]:
    """Low and high of a range quote like "$41–78 M" (facts.py gives its lower end as the value)."""
    m = re.search(r"(\d[\d,]*(?:\.\d+)?)\s*(?:–|-|—|to)\s*[$€£]?\s*(\d[\d,]*(?:\.\d+)?)", quote)
    if not m:
        return None, None
    a, b = (float(g.replace(",", "")) for g in m.groups())
    if a <= 0 or b <= a:
        return None, None
    return value, value * b / a


def fact_point(d: FactDecision, series: Series, article: Article) -> Point:
    """The point a decision adds, in the series' unit, citing the article."""
    from model.trends import parse_date  # scipy-heavy: only when a fact is applied

    factor = unit_factor(d.unit, series.unit)
    if factor is None:
        raise FactRefused(
            f"unit {d.unit!r} does not fit “{series.title or series.name}” ({series.unit})"
        )
    low, high = _range(d.quote, d.value)
    title = article.title or article.url or "an article"
    return Point(
        date=parse_date(d.date), value=d.value * factor, label=d.label,
        low=None if low is None else low * factor, high=None if high is None else high * factor,
        source=article.url or title, note=f"imported from {title}: {d.quote}",
    )  # fmt: skip


def _check_facts(amap: ArgumentMap, article: Article, facts: Sequence[FactDecision]) -> list[Point]:
    """Points for every decision, or MapError before anything changes."""
    from model.trends import TrendError

    points = []
    for d in facts:
        series = amap.series.get(d.series)
        try:
            if series is None:
                raise FactRefused(f"the map has no series {d.series!r}")
            points.append(fact_point(d, series, article))
        except (FactRefused, TrendError) as exc:
            raise MapError(f"trend fact “{d.quote[:40]}”: {exc}") from None
    return points


def _insert_points(amap: ArgumentMap, pairs: Sequence[tuple[str, Point]]) -> list[tuple[str, int]]:
    """Put each point into its series in date order; the index of each in the final series."""
    for name, point in pairs:
        s = amap.series[name]
        at = sum(1 for p in s.points if _year(p.date) <= _year(point.date))
        amap.put_series(replace(s, points=s.points[:at] + (point,) + s.points[at:]))
    return [
        (name, next(i for i, p in enumerate(amap.series[name].points) if p is point))
        for name, point in pairs
    ]


def _year(date: str) -> float:
    from model.trends import TrendError, decimal_year

    try:
        return decimal_year(date)
    except TrendError:
        return math.inf
