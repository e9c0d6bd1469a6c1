"""Trend series maths: dates as decimal years, exponential fits, projections and crossings.

Pure Python + numpy/scipy (no Qt, no files). A fit is ordinary least squares of
log10(value) on the decimal year, so "growth per year" is 10**slope and the doubling time
log10(2)/slope. A bounded series (a score in %) is fitted on the log-odds of its share of the
bound instead (a logistic curve), so neither the line nor its band can pass 0 or 100 %. Bands come from the OLS standard errors with Student's t, so they widen the
further a year lies from the data. Crossing years are found by Monte Carlo over the fitted
parameters' covariance, which turns "when does compute reach 1e35 FLOP" into a median and
an interval instead of a single over-precise year.

Reference series (kind "reference") hold levels and annotations, not observations; the
role of each of their points is read from its note (see `point_role`), documented in
docs/trends.md.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from model import validate
from model.entities import Point, Series

DEFAULT_LEVEL = 0.90  # Epoch and the seed articles quote 90% intervals; we do the same.
#: A yearly rate needs dates a year apart: a trend from less than a year of data, or from
#: fewer than three distinct dates, says more about the noise than about the trend.
MIN_DATES = 3
MIN_SPAN_YEARS = 1.0
#: Units whose values are shares of a fixed ceiling (scores): fitted as logistic curves.
BOUNDED_UNITS = {"%": 100.0, "percent": 100.0}
MC_SAMPLES = 20_000
ROLES = ("level", "projection", "rate")


class TrendError(ValueError):
    """A fit, a date or a column mapping that cannot be done; the message is for the user."""


# ------------------------------------------------------------------ dates, numbers
_DATE = re.compile(r"^\s*(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:[ T][\d:.+Z-]*)?\s*$")


def parse_date(text: str) -> str:
    """Normalise `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (also `/` or `.`) to ISO; TrendError otherwise."""
    m = _DATE.match(str(text))
    if not m:
        raise TrendError(f"{str(text)[:40]!r} is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = m.group(1), m.group(2), m.group(3)
    if month is None:
        return year
    if not 1 <= int(month) <= 12:
        raise TrendError(f"{text!r} has month {month}, which does not exist")
    if day is None:
        return f"{year}-{int(month):02d}"
    iso = f"{year}-{int(month):02d}-{int(day):02d}"
    if int(day) > _days_in_month(int(year), int(month)) or int(day) < 1:
        raise TrendError(f"{text!r} is not a calendar date")
    return iso


def _days_in_month(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def decimal_year(date: str) -> float:
    """ISO date → decimal year; a bare year or month means its middle (2020 → 2020.5)."""
    iso = parse_date(date)
    parts = [int(p) for p in iso.split("-")]
    year = parts[0]
    length = 366 if _days_in_month(year, 2) == 29 else 365
    if len(parts) == 1:
        return year + 0.5
    month = parts[1]
    before = sum(_days_in_month(year, m) for m in range(1, month))
    if len(parts) == 2:
        return year + (before + _days_in_month(year, month) / 2) / length
    return year + (before + parts[2] - 0.5) / length


_THOUSANDS = re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d*)?([eE][+-]?\d+)?$")


def parse_number(text: str) -> float | None:
    """A cell → float: plain, scientific, `1,234.5`, `1 234`; "" → None; TrendError if unreadable."""
    s = str(text).strip().replace("\u00a0", "").replace("\u202f", "")
    if not s:
        return None
    if _THOUSANDS.match(s):
        s = s.replace(",", "")
    s = s.replace(" ", "").replace("_", "")
    try:
        value = float(s)
    except ValueError:
        raise TrendError(f"{str(text)[:40]!r} is not a number") from None
    if not math.isfinite(value):
        raise TrendError(f"{str(text)[:40]!r} is not a finite number")
    return value


# ------------------------------------------------------------------ reference series
def point_role(point: Point) -> str:
    """What a point of a reference series is: "level", "projection" or "rate" (note prefix)."""
    head = point.note.split(":", 1)[0].strip().lower()
    return head if head in ("projection", "rate") else "level"


def role_note(point: Point) -> str:
    """The note without its role prefix."""
    if point_role(point) == "level":
        return point.note
    return point.note.split(":", 1)[1].strip()


def references_for(all_series: Mapping[str, Series], name: str) -> list[Series]:
    """Reference series drawn with data series `name`: `name.<x>` ones, and unscoped same-unit ones."""
    target = all_series.get(name)
    found = []
    for s in all_series.values():
        if s.kind != "reference" or s.name == name:
            continue
        scoped = s.name.startswith(name + ".")
        free = "." not in s.name and target is not None and s.unit and s.unit == target.unit
        if scoped or free:
            found.append(s)
    return found


def reference_target(all_series: Mapping[str, Series], name: str) -> str | None:
    """The data series to highlight for `name`: itself, the one a reference belongs to, or
    for a name that was split by unit (`energy` → `energy_power_mw`…) the first of its parts."""
    ref = all_series.get(name)
    if ref is None:
        parts = [
            s for s in all_series.values() if s.name.startswith(name + "_") and s.kind == "data"
        ]
        return parts[0].name if parts else None
    if ref.kind != "reference":
        return name
    for s in all_series.values():
        if s.kind == "data" and ref in references_for(all_series, s.name):
            return s.name
    return None


def spans_orders_of_magnitude(series: Series, factor: float = 30.0) -> bool:
    """Whether a chart should use a log y-axis: positive values spanning more than `factor`.

    Percentages are bounded at 100, so they keep a linear axis however small the early scores.
    """
    if series.unit.strip() == "%":
        return False
    vals = [p.value for p in series.points if p.value > 0]
    vals += [v for p in series.points for v in (p.low, p.high) if v is not None and v > 0]
    return len(vals) >= 2 and max(vals) / min(vals) > factor


# ------------------------------------------------------------------ fitting
@dataclass(frozen=True)
class Fit:
    """A trend line in fit space: t(value) = intercept + slope·(year − x_mean).

    t is log10(value) for an exponential trend, or log10(value / (bound − value)) (the
    log-odds of the share of the bound) for a bounded score, which makes the curve logistic.
    """

    series: str
    intercept: float
    slope: float
    x_mean: float
    sxx: float
    resid_sd: float
    n: int
    r2: float
    first: float
    last: float
    skipped: int = 0
    cov: np.ndarray = field(default_factory=lambda: np.zeros((2, 2)), compare=False, repr=False)
    bound: float | None = None  # the ceiling of a bounded (logistic) fit

    def to_space(self, value: np.ndarray | float) -> np.ndarray:
        """A value in fit space (log10, or log-odds of the share of the bound)."""
        return to_fit_space(value, self.bound)

    def from_space(self, t: np.ndarray | float) -> np.ndarray:
        return from_fit_space(t, self.bound)

    @property
    def dof(self) -> int:
        return self.n - 2

    @property
    def growth_per_year(self) -> float:
        return 10.0**self.slope

    @property
    def doubling_time_years(self) -> float:
        """Years to double (negative: halving time of a falling series; inf when flat)."""
        return math.log10(2) / self.slope if self.slope else math.inf

    def log_value(self, years: np.ndarray | float) -> np.ndarray:
        return self.intercept + self.slope * (np.asarray(years, dtype=float) - self.x_mean)

    def value(self, years: np.ndarray | float) -> np.ndarray:
        return self.from_space(self.log_value(years))

    def log_band(
        self, years: np.ndarray | float, level: float = DEFAULT_LEVEL, prediction: bool = True
    ) -> tuple[np.ndarray, np.ndarray]:
        """log10 bounds: the trend's confidence band, or (prediction) where a new point may fall."""
        x = np.asarray(years, dtype=float)
        from scipy import stats  # imported on first fit: CSV reading needs no scipy

        t = stats.t.ppf(0.5 + level / 2, self.dof)
        extra = 1.0 if prediction else 0.0
        se = self.resid_sd * np.sqrt(extra + 1.0 / self.n + (x - self.x_mean) ** 2 / self.sxx)
        mid = self.log_value(x)
        return mid - t * se, mid + t * se

    def band(
        self, years: np.ndarray | float, level: float = DEFAULT_LEVEL, prediction: bool = True
    ) -> tuple[np.ndarray, np.ndarray]:
        lo, hi = self.log_band(years, level, prediction)
        return self.from_space(lo), self.from_space(hi)

    def summary(self) -> dict:
        return {
            "series": self.series,
            "growth_per_year": self.growth_per_year,
            "doubling_time_years": self.doubling_time_years,
            "r2": self.r2,
            "model": "logistic" if self.bound is not None else "exponential",
            "points_used": self.n,
            "points_skipped": self.skipped,
            "from": round(self.first, 3),
            "to": round(self.last, 3),
        }


def bound_of(unit: str) -> float | None:
    """The ceiling of a bounded unit (100 for a % score), or None for an open-ended one."""
    return BOUNDED_UNITS.get(unit.strip().lower())


def to_fit_space(value: np.ndarray | float, bound: float | None) -> np.ndarray:
    v = np.asarray(value, dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log10(v) if bound is None else np.log10(v / (bound - v))


def from_fit_space(t: np.ndarray | float, bound: float | None) -> np.ndarray:
    t = np.asarray(t, dtype=float)
    if bound is None:
        return 10.0**t
    with np.errstate(over="ignore"):
        return bound / (1.0 + 10.0 ** (-t))


def fit_points(
    name: str,
    points: Iterable[Point],
    start: float | None = None,
    end: float | None = None,
    bound: float | None = None,
) -> Fit:
    """Fit the trend over points dated within [start, end] (years, inclusive).

    `end` is inclusive of the whole year (`end=2024` keeps 2024-12-31). Values that cannot be
    put in fit space (non-positive, or at or past the bound) are counted in `skipped`, never
    silently changed.
    """
    xs, ys, skipped = [], [], 0
    for p in points:
        x = decimal_year(p.date)
        if (start is not None and x < start) or (end is not None and x >= end + 1):
            continue
        if not (p.value > 0 and (bound is None or p.value < bound)):
            skipped += 1
            continue
        xs.append(x)
        ys.append(float(to_fit_space(p.value, bound)))
    _check_dates(name, xs)
    fit = fit_xy(name, np.array(xs), np.array(ys), skipped)
    return replace(fit, bound=bound) if bound is not None else fit


def _check_dates(name: str, xs: list[float]) -> None:
    """Refuse a yearly trend that the dates cannot carry (see MIN_DATES, MIN_SPAN_YEARS)."""
    if len(xs) < MIN_DATES:
        return  # fit_xy says "needs at least 3 values"
    if len(set(xs)) < MIN_DATES:
        raise TrendError(f"{name!r}: a trend needs at least {MIN_DATES} distinct dates")
    if max(xs) - min(xs) < MIN_SPAN_YEARS:
        months = (max(xs) - min(xs)) * 12
        raise TrendError(
            f"{name!r}: the dates span {months:.0f} months; a yearly trend needs at least a year"
        )


def fit_series(series: Series, start: float | None = None, end: float | None = None) -> Fit:
    """Fit a data series (logistic for a bounded unit); TrendError for references or too few points."""
    if series.kind == "reference":
        raise TrendError(f"{series.name!r} holds reference levels, not observations to fit")
    return fit_points(series.name, series.points, start, end, bound_of(series.unit))


def fit_xy(name: str, x: np.ndarray, y: np.ndarray, skipped: int = 0) -> Fit:
    """OLS of y on x with the statistics every band and crossing needs."""
    n = len(x)
    if n < 3:
        raise TrendError(
            f"{name!r}: a trend needs at least 3 dated positive values in the range, found {n}"
        )
    x_mean = float(x.mean())
    dx = x - x_mean
    sxx = float(dx @ dx)
    if sxx <= 0:
        raise TrendError(f"{name!r}: all points share one date, so there is no trend to fit")
    slope = float(dx @ (y - y.mean()) / sxx)
    intercept = float(y.mean())
    resid = y - (intercept + slope * dx)
    sse = float(resid @ resid)
    sst = float(((y - y.mean()) ** 2).sum())
    resid_sd = math.sqrt(sse / (n - 2))
    cov = np.diag([resid_sd**2 / n, resid_sd**2 / sxx])  # centred x: uncorrelated estimates
    r2 = 1.0 - sse / sst if sst > 0 else 1.0
    return Fit(name, intercept, slope, x_mean, sxx, resid_sd, n, r2, float(x.min()),
               float(x.max()), skipped, cov)  # fmt: skip


def projection(
    fit: Fit, until: float, level: float = DEFAULT_LEVEL, start: float | None = None
) -> list[dict]:
    """Yearly values of the trend from the last data year (or `start`) to `until`, with bands."""
    first = math.floor(fit.last) + 1 if start is None else int(start)
    years = np.arange(first, int(until) + 1, dtype=float)
    if not len(years):
        return []
    mid = fit.value(years)
    lo, hi = fit.band(years, level)
    return [
        {"year": int(y), "value": float(v), "low": float(a), "high": float(b)}
        for y, v, a, b in zip(years, mid, lo, hi)
    ]


# ------------------------------------------------------------------ crossings
@dataclass(frozen=True)
class Level:
    """A horizontal reference (e.g. 1e35 FLOP), with an optional 90% range."""

    value: float
    low: float | None = None
    high: float | None = None
    label: str = ""


@dataclass(frozen=True)
class Crossing:
    """When curve a meets curve (or level) b: central year and an interval, or why not."""

    year: float | None
    low: float | None
    high: float | None
    level: float
    share_never: float
    message: str = ""

    def summary(self) -> dict:
        r = lambda v: None if v is None else round(v, 2)  # noqa: E731
        return {"year": r(self.year), "low": r(self.low), "high": r(self.high),
                "level": self.level, "share_never": round(self.share_never, 4),
                "message": self.message}  # fmt: skip


def _sample_line(fit: Fit, rng: np.random.Generator, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Draws of (intercept, slope) from the fit's sampling distribution (Student t, dof n−2)."""
    scale = np.sqrt(rng.chisquare(fit.dof, k) / fit.dof)
    a = fit.intercept + rng.standard_normal(k) * math.sqrt(fit.cov[0, 0]) / scale
    b = fit.slope + rng.standard_normal(k) * math.sqrt(fit.cov[1, 1]) / scale
    return a - b * fit.x_mean, b  # intercept at year 0


def _sample_level(level: Level, rng: np.random.Generator, k: int, fit: Fit) -> np.ndarray:
    """The level in the fit's space; low/high are read as a 90% interval, normal in that space."""
    mid = float(fit.to_space(level.value))
    lo, hi = level.low, level.high
    if lo is None or hi is None or not (0 < lo <= hi) or (fit.bound and hi >= fit.bound):
        return np.full(k, mid)
    from scipy import stats

    z = stats.norm.ppf(0.95)
    sd = (float(fit.to_space(hi)) - float(fit.to_space(lo))) / (2 * z)
    return mid + rng.standard_normal(k) * sd


def crossing_year(
    a: Fit,
    b: Fit | Level,
    level: float = DEFAULT_LEVEL,
    samples: int = MC_SAMPLES,
    seed: int = 0,
) -> Crossing:
    """The year trend `a` meets trend or level `b`, with a Monte Carlo interval.

    Draws where the curves never meet going forward (parallel or diverging) count in
    `share_never`; the interval is taken over all draws with "never" as +∞, so a wide
    chance of never crossing shows as an open upper end (high = None).
    """
    rng = np.random.default_rng(seed)
    a0, a1 = _sample_line(a, rng, samples)
    if isinstance(b, Fit):
        if b.bound != a.bound:
            raise TrendError("a bounded score and an open-ended quantity have no common scale")
        b0, b1 = _sample_line(b, rng, samples)
        point = _cross(a.intercept - a.slope * a.x_mean, a.slope,
                       b.intercept - b.slope * b.x_mean, b.slope)  # fmt: skip
    else:
        if not (b.value > 0 and (a.bound is None or b.value < a.bound)):
            raise TrendError("the level lies outside the range the trend can take")
        b0, b1 = _sample_level(b, rng, samples, a), np.zeros(samples)
        point = _cross(a.intercept - a.slope * a.x_mean, a.slope, float(a.to_space(b.value)), 0.0)
    if point is None:
        return Crossing(
            None, None, None, level, 1.0, "the fitted curves are parallel: they never cross"
        )
    direction = np.sign(a.slope - (b.slope if isinstance(b, Fit) else 0.0))
    with np.errstate(divide="ignore", invalid="ignore"):
        years = (b0 - a0) / (a1 - b1)
    # A draw whose slopes differ the other way round does not converge as the fit does: never.
    never = ~np.isfinite(years) | (np.sign(a1 - b1) != direction)
    years = np.where(never, np.inf, years)
    q = np.quantile(years, [0.5 - level / 2, 0.5 + level / 2])
    share = float(never.mean())
    lo = float(q[0]) if math.isfinite(q[0]) else None
    hi = float(q[1]) if math.isfinite(q[1]) else None
    msg = ""
    if share > 0.5:
        msg = "in most draws the curves do not converge: a crossing is unlikely"
    return Crossing(point, lo, hi, level, share, msg)


def _cross(a0: float, a1: float, b0: float, b1: float) -> float | None:
    if a1 == b1:
        return None
    return (b0 - a0) / (a1 - b1)


def level_of(ref: Series) -> Level | None:
    """The first level of a reference series, as a `Level` for crossings."""
    for p in ref.points:
        if point_role(p) == "level" and p.value > 0:
            return Level(p.value, p.low, p.high, p.label)
    return None


# ------------------------------------------------------------------ importing columns
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "date": ("date", "publication date", "published", "release date", "year", "day"),
    "label": ("label", "model", "system", "name", "model name", "system name", "title"),
    "value": ("value", "training compute (flop)", "y", "amount", "score"),
    "unit": ("unit", "units"),
    "low": ("low", "lower", "min", "lower bound", "ci low", "low estimate"),
    "high": ("high", "upper", "max", "upper bound", "ci high", "high estimate"),
    "source": ("source", "link", "url", "reference url", "sources"),
    "note": ("note", "notes", "comment", "comments"),
}
COLUMN_ROLES = tuple(ROLE_ALIASES)


def guess_columns(header: Sequence[str]) -> dict[str, str]:
    """Best guess of which column plays which role, from the header alone (aliases, case-blind)."""
    norm = {h.strip().lower(): h for h in header if h.strip()}
    guess: dict[str, str] = {}
    for role, aliases in ROLE_ALIASES.items():
        for alias in aliases:
            if alias in norm and norm[alias] not in guess.values():
                guess[role] = norm[alias]
                break
    return guess


@dataclass(frozen=True)
class Rejection:
    """A row that could not become a point: its line in the file and why."""

    line: int
    reason: str

    def as_dict(self) -> dict:
        return {"line": self.line, "reason": self.reason}


def rows_to_points(
    rows: Iterable[tuple[int, Mapping[str, str]]], mapping: Mapping[str, str]
) -> tuple[list[Point], list[Rejection]]:
    """Turn (line, row) pairs into points using `mapping` (role → column); reject with reasons."""
    for role in ("date", "value"):
        if not mapping.get(role):
            raise TrendError(f"choose the column that holds the {role}")
    points, rejected = [], []
    for line, row in rows:
        try:
            points.append(validate.point(_row_point(row, mapping)))
        except (TrendError, validate.GateError) as exc:
            rejected.append(Rejection(line, str(exc)))
    return points, rejected


def _cell(row: Mapping[str, str], mapping: Mapping[str, str], role: str) -> str:
    col = mapping.get(role)
    return (row.get(col) or "").strip() if col else ""


def _row_point(row: Mapping[str, str], mapping: Mapping[str, str]) -> Point:
    date_text = _cell(row, mapping, "date")
    if not date_text:
        raise TrendError(f"no date (column {mapping['date']!r} is empty)")
    date = parse_date(date_text)
    value = _number(row, mapping, "value")
    if value is None:
        raise TrendError(f"no value (column {mapping['value']!r} is empty)")
    low, high = _number(row, mapping, "low"), _number(row, mapping, "high")
    if low is not None and low > value or high is not None and high < value:
        raise TrendError(f"value {value:g} lies outside its low/high range")
    return Point(
        date=date, value=value, label=_cell(row, mapping, "label")[:200], low=low, high=high,
        source=_cell(row, mapping, "source")[:500], note=_cell(row, mapping, "note")[:500],
    )  # fmt: skip


def _number(row: Mapping[str, str], mapping: Mapping[str, str], role: str) -> float | None:
    try:
        return parse_number(_cell(row, mapping, role))
    except TrendError as exc:
        raise TrendError(f"{role}: {exc}") from None


def empty_columns(
    rows: Sequence[tuple[int, Mapping[str, str]]], columns: Iterable[str]
) -> list[str]:
    """Mapped columns with no text in any row (an import from them would be all rejections)."""
    return [c for c in columns if c and not any((r.get(c) or "").strip() for _, r in rows)]


def sorted_points(points: Iterable[Point]) -> tuple[Point, ...]:
    """Points in date order (stable), the order charts and fits expect."""
    return tuple(sorted(points, key=lambda p: decimal_year(p.date)))
