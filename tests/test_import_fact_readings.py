"""Trend facts as new voices write them (issue 12 item 4, sixth round): numbers in words, spoken
powers of ten, hours and minutes, percentage points, fold ranges per year and halving times are
read with the right value; a month or a span dates a figure, a start year or a relative year does
not; and polls, the writer's own figures, bars, comparisons and future years never become a
series point, whatever the number."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.entities import Series
from model.importer import Article
from model.importer.apply import FactRefused, decide_fact, suggest_series
from model.importer.facts import find_facts

CARRY = Path(__file__).parent / "fixtures" / "facts_carry"
_ONES = "zero one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def spell(n: int) -> str:
    """0..99 in words, hyphenated as style guides write them ("twenty-three")."""
    if n < 10:
        return _ONES[n]
    if n < 20:
        return _TEENS[n - 10]
    tens, ones = divmod(n, 10)
    return _TENS[tens - 2] + (f"-{_ONES[ones]}" if ones else "")


def only(text: str, quote_part: str):
    hits = [f for f in find_facts(text) if quote_part in f.quote]
    assert len(hits) == 1, [(f.quote, f.value) for f in find_facts(text)]
    return hits[0]


# ------------------------------------------------------------------ values and units
@pytest.mark.parametrize(
    ("text", "part", "value", "unit"),
    [
        ("Llama 3 was trained on more than fifteen trillion tokens.", "fifteen", 15e12, "tokens"),
        ("Pure language models scored at or near zero percent.", "zero", 0.0, "percent"),
        ("It cost about twenty dollars per million tokens.", "twenty", 20.0, "USD"),
        ("By then it cost about seven cents.", "seven cents", 0.07, "USD"),
        ("The run used roughly three times ten to the twenty three flops.", "ten to", 3e23, "FLOP"),
        (
            "It used about 3.8 times ten to the 25th floating-point operations.",
            "3.8",
            3.8e25,
            "FLOP",
        ),
        ("GPT-3 used 3×10^23 floating-point operations.", "3×10^23", 3e23, "FLOP"),
        ("Its horizon was roughly two hours and seventeen minutes.", "hours", 137.0, "minutes"),
        ("The model managed about an hour and a half of work.", "half", 90.0, "minutes"),
        ("The best model managed tasks of roughly an hour.", "an hour", 60.0, "minutes"),
        ("Top scores rose by 48.9 percentage points in a year.", "48.9", 48.9, "percentage points"),
        ("Two systems scored 35 of 42 points at the olympiad.", "35", 35.0, "points"),
        ("They scored 35 out of a possible 42 points.", "35", 35.0, "points"),
        ("Data centres used some 415 terawatt-hours in 2024.", "415", 415.0, "TWh/year"),
        ("Compute has grown four- to fivefold annually.", "fold", 4.0, "x/year"),
        ("Compute grows by about an OOM per year.", "OOM", 10.0, "x/year"),
        ("The 2 OOMs that separate GPT-4 from GPT-3.", "OOMs", 100.0, "x"),
        ("Compute grew by a factor of four to five each year.", "factor", 4.0, "x/year"),
        ("Costs have multiplied about 2.4-fold annually.", "2.4", 2.4, "x/year"),
        ("The length of tasks is doubling every ~7 months.", "7 months", 7.0, "months"),
        (
            "Better algorithms cut the compute required for a given score in half about every "
            "eight months.",
            "eight",
            8.0,
            "months",
        ),
    ],
)
def test_new_spellings_are_read_with_their_value(text, part, value, unit) -> None:
    f = only(text, part)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=99))
def test_any_number_in_words_before_percent_is_read(n: int) -> None:
    f = only(f"The best system reached {spell(n)} percent on the test.", "percent")
    assert f.value == n and f.unit == "percent"


def test_a_footnote_mark_is_still_dropped_but_a_power_of_ten_is_kept(tmp_path) -> None:
    from storage.articles import read_article

    page = tmp_path / "p.html"
    page.write_text(
        "<html><head><title>T</title></head><body><article><h1>T</h1><p>GPT-3, released in "
        "2020, was trained with roughly 3&times;10<sup>23</sup> floating-point operations, a "
        "figure Epoch AI repeats.<sup>4</sup> The rest of the paragraph says more about it so "
        "that the reader keeps it as body text.</p></article></body></html>",
        encoding="utf-8",
    )
    art = read_article(str(page))
    assert "10^23" in art.text and ".4 " not in art.text and "repeats.4" not in art.text
    f = only(art.text, "10^23")
    assert (f.value, f.unit, f.year) == (pytest.approx(3e23), "FLOP", 2020)


# ------------------------------------------------------------------ years
@pytest.mark.parametrize(
    ("text", "part", "year"),
    [
        ("When ARC-AGI-2 launched in March 2025, pure LLMs scored 0% on it.", "0%", 2025),
        ("By mid-2025 the best system managed about 16 percent.", "16", 2025),
        ("The AI Index has SWE-bench at 4.4% in 2023 and 71.7% in 2024.", "4.4", 2023),
        ("The AI Index has SWE-bench at 4.4% in 2023 and 71.7% in 2024.", "71.7", 2024),
        (
            "It went from 49% with Claude 3.5 Sonnet in oct 2024 to 74.9% with GPT-5 in aug 2025.",
            "74.9",
            2025,
        ),  # fmt: skip
        (
            "Top scores rose by 48.9 percentage points in a single year, from 2023 to 2024.",
            "48.9",
            2024,
        ),  # fmt: skip
        ("It got 280 times cheaper from November 2022 to October 2024.", "280", 2024),
        (
            "The smallest model above the bar in 2022 had 540 billion parameters, and by 2024 a "
            "model with 3.8 billion parameters cleared it.",
            "540",
            2022,
        ),  # fmt: skip
        (
            "Accuracy went from 61% with a 7B model in 2023 to 89% with a 70B model in 2024.",
            "89",
            2024,
        ),
        (
            "Nvidia's data-centre segment brought in $115.2 billion in its fiscal year 2025.",
            "115.2",
            2025,
        ),  # fmt: skip
        ("The original Transformer model of 2017 cost about $930 to train.", "$930", 2017),
    ],
)
def test_the_year_the_sentence_gives_the_figure(text, part, year) -> None:
    assert only(text, part).year == year


@pytest.mark.parametrize(
    "text",
    [
        "Training compute has multiplied fourfold annually since 2010.",
        "Adoption reached 78 percent in 2024, up from 55 percent the year before.",
    ],
)
def test_a_start_year_or_a_relative_year_dates_nothing(text) -> None:
    f = [f for f in find_facts(text) if f.value in (4.0, 55.0)][0]
    assert f.year is None and f.dated_elsewhere  # so the article's date is not used either


@settings(max_examples=40, deadline=None)
@given(
    st.sampled_from(
        "January February March April May June July August September October "
        "November December".split()
    ),  # fmt: skip
    st.integers(min_value=1990, max_value=2025),
)
def test_a_month_and_year_after_the_number_date_it(month: str, year: int) -> None:
    f = only(f"The model reached 61.5% on the test in {month} {year}.", "61.5")
    assert f.year == year


# ------------------------------------------------------------------ what a number is
@pytest.mark.parametrize(
    ("text", "part", "kind"),
    [
        ("In the listener poll, 38% of you said scaling is enough.", "38%", "poll"),
        ("Asked in March, 61 percent of respondents said yes.", "61", "poll"),
        ("Our own cluster went from 4,000 accelerators to 24,000 in two years.", "4,000", "own"),
        ("Your company has asked for a $40 million grant.", "$40", "own"),
        ("By mid-2025 more than 30 models were trained above 10^25 FLOP.", "10^25", "reference"),
        ("It resolves Yes when a system scores at least 75% on the set.", "75%", "reference"),
        ("The best system managed 16 percent, against the 75% bar here.", "75%", "reference"),
        ("Human testers, for the record, averaged about 60% on the puzzles.", "60%", "reference"),
        ("Revenue was up 64 percent year over year.", "64", "ratio"),
        ("It scores 40 percent higher on a held-out set.", "40", "ratio"),
        ("Access is sold from $29 per seat per month.", "$29", "ratio"),
        ("Subscribe for $9.99 a month.", "$9.99", "ratio"),
        (
            "METR measures the length of tasks agents complete at 50 percent reliability.",
            "50",
            "reference",
        ),  # fmt: skip
        ("Our guidance for next quarter is $4.1 billion.", "$4.1", "projection"),
        ("We saw it outperform an untuned 175B model.", "175B", "own"),
        ("It beat an untuned 175B model on the test.", "175B", "unnamed"),
        ("GPT-3 (175B) was trained in 2020.", "175B", "observation"),
        ("Its 1 GW campus is planned for opening soon.", "1 GW", "projection"),
        ("Data-centre demand could double by 2090.", "double", "hypothetical"),
        ("A run of 10^29 FLOP is reached in 2090 on this trend line.", "10^29", "projection"),
    ],
)
def test_what_the_number_is(text, part, kind) -> None:
    assert only(text, part).kind == kind


@settings(max_examples=50, deadline=None)
@given(
    st.one_of(st.integers(min_value=1, max_value=10**6), st.floats(min_value=0.1, max_value=1e5)),
    st.sampled_from(["parameter", "token", "seat", "month", "user", "GPU", "million tokens"]),
)
def test_a_ratio_is_never_a_series_point(n: float, per: str) -> None:
    """ "N tokens per parameter", "$N per seat", "N% a month": a rate per something, for any N."""
    for text in (
        f"The rule of thumb was {n:g} tokens per {per}.",
        f"Access costs ${n:g} per {per}.",
        f"It grew {min(n, 100):g}% a month.",
    ):
        for f in find_facts(text):
            assert f.kind != "observation", (text, f)


@settings(max_examples=50, deadline=None)
@given(
    st.floats(min_value=0.5, max_value=999, allow_nan=False),
    st.sampled_from(["trillion tokens", "billion parameters", "million dollars", "percent"]),
    st.sampled_from(["would need", "could reach", "might want"]),
)
def test_a_hypothetical_is_never_a_series_point(n: float, unit: str, modal: str) -> None:
    text = f"A model ten times larger {modal} {n:.1f} {unit}."
    assert find_facts(text), text
    assert all(f.kind != "observation" for f in find_facts(text))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=99), st.sampled_from(["respondents", "readers", "you"]))
def test_a_poll_share_is_never_a_series_point(n: int, who: str) -> None:
    text = f"In our survey, {n}% of {who} said the models are nearly there."
    assert all(f.kind != "observation" for f in find_facts(text))


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=1, max_value=99))
def test_a_figure_dated_in_the_future_is_never_a_point(ahead: int, n: int) -> None:
    year = datetime.now(UTC).year + ahead
    text = f"Frontier runs reach {n} billion parameters in {year}."
    f = only(text, "billion")
    assert f.kind == "projection"
    with pytest.raises(FactRefused):
        decide_fact(f, "params", Article(text, date="2025-01-01"), SERIES)


# ------------------------------------------------------------------ which series
SERIES = {
    s.name: s
    for s in (
        Series("arc_agi_2_pct", "ARC-AGI-2 score", "%"),
        Series("train_cost_usd", "Training cost of the final run", "USD"),
        Series("params", "Parameters of notable models", "parameters"),
        Series("energy_fleet_twh", "Illustrative H100 fleet energy", "TWh per year"),
    )
}


def _suggest(text: str, part: str) -> str | None:
    return suggest_series(SERIES, only(text, part), text)


def test_a_benchmark_the_sentence_names_is_not_overridden_by_the_sentence_before() -> None:
    text = (
        "On ARC-AGI-2 the best result was around 16 percent in 2025. On FrontierMath, OpenAI "
        "reported 25 percent for o3 in December 2024."
    )
    assert _suggest(text, "16") == "arc_agi_2_pct"
    assert _suggest(text, "25") is None


def test_a_number_belongs_to_the_benchmark_its_own_clause_names() -> None:
    """Two results in one sentence: the second, on a benchmark the map has no series for, is
    not plotted on the first one's series."""
    text = (
        "In spring 2025 a lab's model scored 4 percent on ARC-AGI-2, and its successor reached "
        "61 percent on MathArena Proofs, a contest set."
    )
    assert _suggest(text, "4 percent") == "arc_agi_2_pct"
    assert _suggest(text, "61") is None


def test_revenue_is_not_a_training_cost() -> None:
    text = "Revenue from training chips reached $4 billion in 2024."
    assert only(text, "$4").quantity == "revenue"
    assert _suggest(text, "$4") is None


def test_a_unit_alone_does_not_send_a_figure_to_a_series_about_something_else() -> None:
    text = "Server farms burned through some 415 terawatt-hours of power in 2024."
    assert _suggest(text, "415") is None
    assert _suggest("GPT-3 has 175 billion parameters.", "175") == "params"


@given(st.sampled_from(["TWh", "terawatt-hours", "TWh a year"]))
def test_the_unit_named_again_is_not_the_series_topic(unit: str) -> None:
    """A sentence that names the unit twice ("… 415 terawatt-hours …, 945 TWh by 2030") has
    said nothing about an H100 fleet: the series name's "twh" is its unit, not its topic."""
    text = (
        "Worldwide, server farms drew roughly 415 terawatt-hours in 2024, and the agency "
        f"expects them to reach 945 {unit} by 2030."
    )
    assert _suggest(text, "415") is None
    fleet = f"An H100 fleet of that size would draw about 13 {unit} in 2025."
    assert _suggest(fleet, "13") == "energy_fleet_twh"


# ------------------------------------------------------------------ carry pages
def _carry() -> list[tuple[str, dict]]:
    out = []
    for path in sorted((CARRY / "gold").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        out.append(((CARRY / gold["article"]).read_text(encoding="utf-8"), gold))
    return out


@pytest.mark.parametrize("page", range(3))
def test_carry_pages_every_fact_and_no_trap_as_a_point(page: int) -> None:
    """The pages written before the readings above: on the raw text (no reader), every expected
    fact is found with its value, and no trap number becomes a point of the seed map's series
    (a ratio, a poll, a plan, a bar, a price per seat …)."""
    from model.importer.apply import accept_facts
    from storage.seedmap import new_map

    text, gold = _carry()[page]
    facts = find_facts(text)
    for g in gold["trend_facts"]:
        lo = text.index(g["quote"])
        hi = lo + len(g["quote"])
        assert any(
            f.start < hi and lo < f.end and f.value == pytest.approx(g["value"]) for f in facts
        ), g["quote"]
    points = accept_facts(new_map(True).series, Article(text, date="2026-03-01"), facts)
    for t in gold["traps"]:
        lo = text.index(t["quote"])
        hi = lo + len(t["quote"])
        assert not [d for d in points if d.start < hi and lo < d.end], t["quote"]
    assert all(f.kind != "observation" for f in facts if "1 GW" in f.quote)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=99),
    st.sampled_from(["No frontier model reached", "None of the systems exceeded",
                     "The model never passed", "The best entry did not reach",
                     "Not a single lab's model scored"]),
)  # fmt: skip
def test_a_bound_that_was_not_reached_is_never_a_series_point(n: int, lead: str) -> None:
    """ "No model reached 10 percent" says where the scores stopped short, not what one scored;
    "The model reached N percent" is a measurement."""
    bound = f"On the new test, {lead[0].lower()}{lead[1:]} {n} percent in 2025."
    assert find_facts(bound), bound
    assert all(f.kind != "observation" for f in find_facts(bound))
    measured = f"On the new test, the model reached {n} percent in 2025."
    assert [f.kind for f in find_facts(measured)] == ["observation"]
