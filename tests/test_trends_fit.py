"""The trend maths: fits recover known growth, bands widen, crossings land where they should."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.entities import Point, Series
from model.trends import (
    Level,
    TrendError,
    crossing_year,
    decimal_year,
    fit_points,
    fit_series,
    guess_columns,
    parse_date,
    parse_number,
    point_role,
    projection,
    reference_target,
    references_for,
    rows_to_points,
    spans_orders_of_magnitude,
)


def synthetic(growth: float, start: float = 1e20, years=range(2012, 2025), noise: float = 0.0,
              seed: int = 1, name: str = "s") -> Series:  # fmt: skip
    rng = np.random.default_rng(seed)
    pts = []
    for y in years:
        for month in (2, 8):
            t = y + (month - 0.5) / 12 - 2012
            value = start * growth**t * 10 ** (noise * rng.standard_normal())
            pts.append(Point(f"{y}-{month:02d}", float(value)))
    return Series(name, points=tuple(pts))


def test_fit_recovers_growth_and_doubling_time_within_one_percent():
    fit = fit_series(synthetic(4.2, noise=0.02))  # scatter of ±5% around the trend
    assert fit.growth_per_year == pytest.approx(4.2, rel=0.01)
    assert fit.doubling_time_years == pytest.approx(math.log(2) / math.log(4.2), rel=0.01)
    assert 0.95 < fit.r2 < 1.0


def test_exact_exponential_has_perfect_r2_and_exact_rate():
    fit = fit_series(synthetic(2.4))
    assert fit.growth_per_year == pytest.approx(2.4, rel=1e-4)
    assert fit.r2 == pytest.approx(1.0)
    assert fit.n == 26


@settings(max_examples=40, deadline=None)
@given(growth=st.floats(1.05, 20.0), start=st.floats(1e-3, 1e30))
def test_any_clean_exponential_is_recovered(growth, start):
    fit = fit_series(synthetic(growth, start=start))
    assert fit.growth_per_year == pytest.approx(growth, rel=1e-6)


def test_date_range_limits_the_points_used():
    s = synthetic(3.0, years=range(2010, 2020))
    assert fit_series(s, 2015, 2017).n == 6  # 2015, 2016, 2017, two points each


def test_band_widens_away_from_the_data_and_contains_the_trend():
    fit = fit_series(synthetic(4.0, noise=0.3))
    rows = projection(fit, 2035)
    widths = [math.log10(r["high"] / r["low"]) for r in rows]
    assert rows[0]["year"] == 2025 and rows[-1]["year"] == 2035
    assert all(b > a for a, b in zip(widths, widths[1:]))
    assert all(r["low"] < r["value"] < r["high"] for r in rows)


def test_prediction_band_is_wider_than_the_trend_band():
    fit = fit_series(synthetic(4.0, noise=0.3))
    lo_p, hi_p = fit.log_band(2030.0)
    lo_m, hi_m = fit.log_band(2030.0, prediction=False)
    assert hi_p - lo_p > hi_m - lo_m > 0


def test_ninety_percent_band_covers_about_ninety_percent_of_new_points():
    rng = np.random.default_rng(3)
    hits = []
    for seed in range(60):  # coverage is a promise about repeated fits, not one
        fit = fit_series(synthetic(3.0, noise=0.4, seed=seed))
        x = rng.uniform(2012, 2030, 200)
        y = np.log10(1e20) + (x - 2012) * math.log10(3.0) + 0.4 * rng.standard_normal(200)
        lo, hi = fit.log_band(x)
        hits.append(np.mean((y > lo) & (y < hi)))
    assert 0.87 < np.mean(hits) < 0.93


def test_crossing_of_a_curve_and_a_level_is_where_the_algebra_puts_it():
    # 1e20 growing 10x a year from 2012.0 reaches 1e30 after exactly 10 years.
    fit = fit_series(synthetic(10.0))
    c = crossing_year(fit, Level(1e30))
    assert c.year == pytest.approx(2022.0, abs=0.01)
    assert c.low == pytest.approx(2022.0, abs=0.01) and c.high == pytest.approx(2022.0, abs=0.01)


def test_crossing_of_two_curves_and_its_interval():
    fast = fit_series(synthetic(4.0, start=1e10, noise=0.2))
    slow = fit_series(synthetic(2.0, start=1e12, noise=0.2, seed=2))
    # 1e10·4^t = 1e12·2^t → 2^t = 100 → t = log2(100) ≈ 6.64 years after 2012
    c = crossing_year(fast, slow)
    assert c.year == pytest.approx(2012 + math.log2(100), abs=0.3)
    assert c.low < c.year < c.high and c.share_never == 0


def test_level_uncertainty_widens_the_crossing_interval():
    fit = fit_series(synthetic(3.0, noise=0.1))
    sure = crossing_year(fit, Level(1e28))
    unsure = crossing_year(fit, Level(1e28, 1e27, 1e29))
    assert (unsure.high - unsure.low) > 3 * (sure.high - sure.low)


def test_parallel_curves_never_cross():
    a, b = fit_series(synthetic(2.0)), fit_series(synthetic(2.0, start=1e21))
    c = crossing_year(a, b)
    assert c.year is None and "never" in c.message


def test_falling_series_and_a_level_above_mostly_never_meet():
    falling = fit_series(synthetic(0.5, noise=0.05))
    c = crossing_year(falling, Level(1e40))
    assert c.year is not None and c.year < 2012  # the lines met in the past, not ahead
    assert c.share_never == 0  # the draws agree: the curve moves away from the level


def test_too_few_points_or_one_date_is_a_clear_error():
    with pytest.raises(TrendError, match="at least 3"):
        fit_points("x", [Point("2020", 1.0), Point("2021", 2.0)])
    with pytest.raises(TrendError, match="distinct dates"):
        fit_points("x", [Point("2020", 1.0), Point("2020", 2.0), Point("2020", 3.0)])


def test_less_than_a_year_of_dates_gives_no_yearly_rate():
    """Eleven scores within nine months once gave "×76/yr, Fit 2025–2025": now a clear refusal."""
    months = [Point(f"2025-{m:02d}-15", float(m * 5)) for m in range(2, 11)]
    with pytest.raises(TrendError, match="months; a yearly trend needs at least a year"):
        fit_points("arc", months, bound=100.0)
    with pytest.raises(TrendError, match="at least a year"):
        fit_series(Series("arc", unit="%", points=tuple(months)))


scores = st.lists(st.floats(0.5, 99.5), min_size=3, max_size=12)


@settings(max_examples=60, deadline=None)
@given(scores, st.integers(2000, 2030))
def test_a_score_fit_and_its_band_never_leave_0_to_100(values, first):
    """A % score is fitted as a logistic curve: line and band stay inside the scale, forever."""
    pts = tuple(Point(f"{first + i}-06-01", v) for i, v in enumerate(values))
    fit = fit_series(Series("score", unit="%", points=pts))
    assert fit.bound == 100.0 and fit.summary()["model"] == "logistic"
    years = np.linspace(first - 50, first + 200, 300)
    lo, hi = fit.band(years)
    mid = fit.value(years)
    for arr in (lo, mid, hi):
        assert np.all((arr >= 0) & (arr <= 100))
    assert np.all(lo <= mid + 1e-9) and np.all(mid <= hi + 1e-9)


def test_a_logistic_fit_recovers_the_odds_growth_and_meets_a_level_below_the_bound():
    """Odds ×2/yr from 1% — the fit reads it back and reaches 85% when the odds say so."""
    pts = []
    for i in range(8):
        odds = (1 / 99) * 2.0**i
        pts.append(Point(f"{2015 + i}-01-01", 100 * odds / (1 + odds)))
    fit = fit_series(Series("score", unit="%", points=tuple(pts)))
    assert fit.growth_per_year == pytest.approx(2.0, rel=1e-6)
    c = crossing_year(fit, Level(85.0))
    expected = 2015 + math.log2((85 / 15) * 99)  # odds reach 85:15
    assert c.year == pytest.approx(expected, abs=0.01)
    with pytest.raises(TrendError, match="outside the range"):
        crossing_year(fit, Level(120.0))  # a score never reaches 120%


def test_an_open_ended_series_still_gets_an_exponential_fit():
    fit = fit_series(synthetic(3.0))
    assert fit.bound is None and fit.summary()["model"] == "exponential"
    assert fit.value(2030.0) > 1e20  # no ceiling


def test_zero_values_are_counted_not_hidden():
    s = Series(
        "arc",
        points=(Point("2020", 0.0), Point("2021", 1.0), Point("2022", 3.0), Point("2023", 9.0)),
    )
    fit = fit_series(s)
    assert fit.n == 3 and fit.skipped == 1 and fit.summary()["points_skipped"] == 1


def test_reference_series_cannot_be_fitted():
    with pytest.raises(TrendError, match="reference"):
        fit_series(Series("x.ref", kind="reference", points=(Point("2020", 1.0),)))


@pytest.mark.parametrize(("text", "iso", "year"), [
    ("2020", "2020", 2020.5), ("2020-07", "2020-07", 2020.54), ("2020/01/01", "2020-01-01", 2020.0014),
    ("2021-12-31", "2021-12-31", 2021.9986), ("2024-05-13 00:00:00", "2024-05-13", 2024.365),
])  # fmt: skip
def test_dates_in_common_forms(text, iso, year):
    assert parse_date(text) == iso
    assert decimal_year(text) == pytest.approx(year, abs=0.001)


@pytest.mark.parametrize("bad", ["13/05/2024", "May 2024", "2024-13-01", "2023-02-29", "", "20245"])
def test_bad_dates_are_refused_with_the_text(bad):
    with pytest.raises(TrendError):
        parse_date(bad)


@pytest.mark.parametrize(("text", "value"), [
    ("3.14e+23", 3.14e23), ("1,234,567", 1234567.0), ("1,234.5", 1234.5), (" 42 ", 42.0),
    ("175000000000.0", 1.75e11), ("1.2E25", 1.2e25), ("", None), ("  ", None), ("1 000", 1000.0),
])  # fmt: skip
def test_numbers_in_common_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("bad", ["n/a", "1,2", "12e", "nan", "inf", "≈5"])
def test_unreadable_numbers_are_refused(bad):
    with pytest.raises(TrendError):
        parse_number(bad)


def test_column_guesses_know_epochs_names_and_aliases():
    old = ["System", "Publication date", "Training compute (FLOP)", "Link"]
    assert guess_columns(old) == {"date": "Publication date", "label": "System",
                                  "value": "Training compute (FLOP)", "source": "Link"}  # fmt: skip
    assert guess_columns(["Model", "Date", "value", "low", "high"])["high"] == "high"


def test_every_row_is_a_point_or_a_rejection_with_its_reason():
    rows = [(2, {"d": "2020", "v": "1e3"}), (3, {"d": "", "v": "5"}), (5, {"d": "2021", "v": "abc"}),
            (6, {"d": "2022", "v": ""})]  # fmt: skip
    points, rejected = rows_to_points(rows, {"date": "d", "value": "v"})
    assert [p.value for p in points] == [1e3]
    assert [(r.line, r.reason.split(" ")[0]) for r in rejected] == [
        (3, "no"),
        (5, "value:"),
        (6, "no"),
    ]
    assert "not a number" in rejected[1].reason


def test_reference_roles_and_attachment():
    data = {
        "dataset_tokens": Series("dataset_tokens", unit="tokens"),
        "text_stock_tokens": Series("text_stock_tokens", unit="tokens", kind="reference", points=(
            Point("2024", 3e14), Point("2028", 3e14, note="projection: full use"))),
        "mmlu_pct": Series("mmlu_pct", unit="%"),
        "arc_pct": Series("arc_pct", unit="%"),
        "mmlu_pct.ref": Series("mmlu_pct.ref", unit="%", kind="reference"),
    }  # fmt: skip
    assert [s.name for s in references_for(data, "dataset_tokens")] == ["text_stock_tokens"]
    assert [
        s.name for s in references_for(data, "arc_pct")
    ] == []  # scoped refs stay on their panel
    assert reference_target(data, "mmlu_pct.ref") == "mmlu_pct"
    roles = [point_role(p) for p in data["text_stock_tokens"].points]
    assert roles == ["level", "projection"]


def test_log_axis_only_when_values_span_orders_of_magnitude():
    assert spans_orders_of_magnitude(synthetic(3.0))
    pct = Series("p", points=(Point("2020", 20.0), Point("2021", 60.0)))
    assert not spans_orders_of_magnitude(pct)
