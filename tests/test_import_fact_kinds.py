"""Trend facts that cannot wreck a series (issue 12 item 4): a ratio, a hypothetical, a projection
or a reference level is never offered as a model's data point, and a point far off a series'
trend is flagged with the fit before → after and never taken by "accept all"."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

from model.entities import Point, Series  # noqa: E402
from model.importer import Article, TrendFact  # noqa: E402
from model.importer.apply import (  # noqa: E402
    FactDecision,
    FactRefused,
    accept_facts,
    decide_fact,
    fit_effect,
)
from model.importer.facts import find_facts  # noqa: E402

TOKENS = Series(
    "dataset_tokens", "Training tokens of frontier models", "tokens",
    (Point("2020", 3e11, "GPT-3"), Point("2022", 1.4e12, "Chinchilla"),
     Point("2023", 3e12, "Llama 2"), Point("2024", 1.5e13, "Llama 3")),
)  # fmt: skip
OPED = (
    "Chinchilla showed in 2022 that a model should see about 20 tokens per parameter. A model of "
    "ten trillion parameters would want 200T tokens. The stock of public human text is about 300T "
    "tokens. Llama 3 was trained on 15 trillion tokens in 2024. By 2028 frontier runs will need "
    "1e28 FLOP."
)


@pytest.mark.parametrize(("quote", "kind"), [
    ("20 tokens", "ratio"),
    ("200T tokens", "hypothetical"),
    ("300T tokens", "reference"),
    ("15 trillion tokens", "observation"),
    ("1e28 FLOP", "projection"),
])  # fmt: skip
def test_each_number_is_told_apart(quote: str, kind: str) -> None:
    fact = next(f for f in find_facts(OPED) if f.quote == quote)
    assert fact.kind == kind
    assert fact.to_json()["kind"] == kind


@pytest.mark.parametrize(("sentence", "quote", "kind"), [
    ("On the new puzzles ordinary people score around 60 percent.", "60 percent", "reference"),
    ("Human testers solved 85% of the tasks in 2024.", "85%", "reference"),
    ("The best model scored 4% on the same puzzles in 2025.", "4%", "observation"),
])  # fmt: skip
def test_a_human_baseline_is_a_reference_level_not_a_models_score(sentence, quote, kind) -> None:
    fact = next(f for f in find_facts(sentence) if f.quote == quote)
    assert fact.kind == kind


@pytest.mark.parametrize("sentence", [
    "Training compute grew tenfold between 2020 and 2022.",
    "Since GPT-2 the compute behind frontier models has grown a thousand times.",
    "Frontier runs used 40x more compute in 2023 than in 2021.",
])  # fmt: skip
def test_a_multiple_is_a_comparison_never_an_observation(sentence: str) -> None:
    """A multiple relates one level to another: it is never a point of a series of levels,
    and the review says so rather than "no series measured in x"."""
    multiples = [f for f in find_facts(sentence) if f.unit == "x"]
    assert multiples and all(f.kind == "ratio" for f in multiples)


def test_only_observations_can_become_points() -> None:
    series = {TOKENS.name: TOKENS}
    art = Article(OPED, date="2025-01-01")
    for f in find_facts(OPED):
        if f.unit != "tokens":
            continue
        if f.kind == "observation":
            decide_fact(f, TOKENS.name, art, series)
        else:
            with pytest.raises(FactRefused, match=f.kind.rstrip("l")[:5]):
                decide_fact(f, TOKENS.name, art, series)


def _decision(value: float, year: int) -> FactDecision:
    return FactDecision("x", 0, 1, "data (tokens)", value, "tokens", year, "m", TOKENS.name,
                        str(year))  # fmt: skip


def test_a_point_on_the_trend_shows_the_fit_change_and_no_flag() -> None:
    eff = fit_effect(_decision(4e13, 2025), TOKENS, Article("x"))
    assert not eff.flag
    assert eff.before and eff.after and eff.after[1] > 0.8
    assert "→" in eff.describe() and "R²" in eff.describe()


def test_a_ratio_read_as_a_level_is_flagged_off_the_trend() -> None:
    eff = fit_effect(_decision(20, 2022), TOKENS, Article("x"))
    assert "orders of magnitude" in eff.flag
    assert eff.after is not None and eff.before is not None and eff.after[1] < eff.before[1]


def test_accept_all_never_takes_a_flagged_point() -> None:
    text = "In 2022 the model saw 20 tokens of data. Llama 4 was trained on 40 trillion tokens in 2025."
    facts = [
        TrendFact("20 tokens", 22, 31, "data (tokens)", 20.0, "tokens", 2022, "m"),
        TrendFact("40 trillion tokens", 64, 82, "data (tokens)", 4e13, "tokens", 2025, "Llama 4"),
    ]
    got = accept_facts({TOKENS.name: TOKENS}, Article(text), facts)
    assert [d.value for d in got] == [4e13]


def test_the_dialog_shows_the_fit_and_skips_flagged_facts_in_accept_all(qtbot) -> None:
    from model.importer.article import ImportProposals
    from ui.importing.import_dialog import ImportDialog

    text = "In 2022 the model saw 20 tokens of data. Llama 4 was trained on 40 trillion tokens in 2025."
    facts = [
        TrendFact("20 tokens", 22, 31, "data (tokens)", 20.0, "tokens", 2022, "m"),
        TrendFact("40 trillion tokens", 64, 82, "data (tokens)", 4e13, "tokens", 2025, "Llama 4"),
    ]
    result = ImportProposals(Article(text), "T", trend_facts=facts)
    dlg = ImportDialog(result, [], series={TOKENS.name: TOKENS})
    qtbot.addWidget(dlg)
    for r in range(2):
        dlg.set_fact_series(r, TOKENS.name)
    dlg.accept_fitting_facts()
    assert [d.value for d in dlg.fact_decisions()] == [4e13]
    status = dlg.fact_table.item(0, dlg.fact_table.columnCount() - 1).text()
    assert status.startswith("→ point dated 2022; ⚠"), status
    dlg.fact_table.selectRow(0)
    assert "R²" in dlg.fact_detail.text()  # the fit's change: under the table, not in Status
    assert dlg.set_fact_accepted(0, True)  # a user may still take it by hand


ENERGY = Series(
    "training_energy_gwh", "Electricity used to train frontier models", "GWh",
    (Point("2020", 1.3, "GPT-3"), Point("2023", 50.0, "GPT-4")),
)  # fmt: skip


def test_a_named_models_figure_is_never_dated_by_the_article() -> None:
    """A 2025 article recalling an older model's energy bill: the figure is not a 2025 point."""
    text = "Looking back, the run behind GPT-3 reportedly drew about 50 GWh from the grid."
    (f,) = find_facts(text)
    assert f.year is None and f.dated_elsewhere
    article = Article(text, date="2025-03-01")
    with pytest.raises(FactRefused, match="not its date"):
        decide_fact(f, "training_energy_gwh", article, {"training_energy_gwh": ENERGY})
    # A figure about the present with nothing else dating it still takes the article's year.
    (g,) = find_facts("Frontier training runs now draw about 50 GWh each.")
    assert not g.dated_elsewhere
    assert decide_fact(g, "training_energy_gwh", article, {"training_energy_gwh": ENERGY}).date == (
        "2025"
    )


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("GPT-3 (2020) drew about 1.3 GWh in training.", 2020),  # the bracketed year dates it
        ("In 2020 the GPT-3 run drew about 1.3 GWh.", 2020),
        ("GPT-3 (2020) drew 1.3 GWh while GPT-4 drew about 50 GWh.", None),  # two models: no
    ],
)
def test_a_facts_year_comes_from_its_own_sentence(text: str, year: int | None) -> None:
    facts = find_facts(text)
    assert facts[-1].year == year
    if year is None:
        assert facts[-1].dated_elsewhere


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit"),
    [
        ("A frontier run now needs about 10^25 FLOPs of compute.", "10^25 FLOPs", 1e25, "FLOP"),
        (
            "Some expect trouble near $$10^{13}$$ parameters.",
            "10^{13}$$ parameters",
            1e13,
            "parameters",
        ),  # fmt: skip
        (
            "Spending rose three to four times per year.",
            "three to four times per year",
            3.0,
            "x/year",
        ),  # fmt: skip
        (
            "The horizon has doubled roughly every six months.",
            "doubled roughly every six months",
            6.0,
            "months",
        ),  # fmt: skip
    ],
)
def test_powers_of_ten_word_ranges_and_doubling_times(
    text: str, quote: str, value: float, unit: str
) -> None:
    facts = find_facts(text)
    assert [(f.quote, f.value, f.unit) for f in facts] == [(quote, value, unit)]


def test_an_exponent_is_not_a_number_of_its_own() -> None:
    assert all(f.value != 3.0 for f in find_facts("A gain of 10^3 times over the baseline."))
