"""Trend facts from an imported article become points of the map's series: the right series is
suggested, the point is dated, converted and cited, and the whole import is one undo step that the
file agrees with."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from model.argmap import ArgumentMap, MapError  # noqa: E402
from model.entities import Point, Series  # noqa: E402
from model.importer import Article, TrendFact  # noqa: E402
from model.importer.apply import (  # noqa: E402
    Decision,
    FactRefused,
    accept_facts,
    already_there,
    apply_import,
    decide_fact,
    suggest_series,
    unit_factor,
)
from model.importer.facts import find_facts  # noqa: E402

SERIES = [
    Series("train_compute_flop", "Training compute of notable models", "FLOP",
           (Point("2020-05-28", 3.1e23, "GPT-3"), Point("2023-03-14", 2.1e25, "GPT-4"))),
    Series("train_cost_usd", "Training cost of the final run", "USD",
           (Point("2020", 4.3e6, "GPT-3"), Point("2023", 7.8e7, "GPT-4"))),
    Series("params", "Parameters of notable models", "parameters"),
    Series("arc_agi_1_pct", "ARC-AGI-1 score", "%", (Point("2024", 5.0, "GPT-4o"),)),
    Series("arc_agi_2_pct", "ARC-AGI-2 score", "%"),
    Series("swe_bench_pct", "SWE-bench resolved", "%"),
    Series("mmlu_pct", "MMLU accuracy", "%"),
    Series("dataset_tokens", "Training tokens of frontier models", "tokens"),
    Series("text_stock_tokens", "Stock of public human text", "tokens", kind="reference"),
    Series("energy_mwh", "GPT-3 training energy", "MWh"),
]  # fmt: skip
BY_NAME = {s.name: s for s in SERIES}
TABLE = (
    "1. What Pure Scaling Has Achieved\n\n"
    "Year Frontier model (public) Train compute (FLOP) Cost (USD, est.) ARC-AGI-1 score Notes\n"
    "2020 GPT-3 (175 B) 3.1 e23 $2–4 M 0% few-shot text generation\n"
    "2025 o3-medium ≈1 e25 $30–40 M 53% on ARC-AGI-1 but ≤3% on harder ARC-AGI-2 tests\n\n"
    "Llama 3 was trained on 15 trillion tokens in 2024. GPT-4 scored just 1.7% on SWE-bench in "
    "2023. There is a 70% chance of AGI by 2040. Training took 1,287,000 kWh in 2020. "
    "Training cost for the largest runs extrapolates to $1 billion by 2027. The model scored "
    "25% in 2024."
)


def fact(text: str, quote: str) -> TrendFact:
    return next(f for f in find_facts(text) if f.quote == quote)


def suggested(quote: str) -> str | None:
    return suggest_series(BY_NAME, fact(TABLE, quote), TABLE)


def new_map() -> ArgumentMap:
    amap = ArgumentMap()
    with amap.batch("seed"):
        amap.add_node("thesis", "Scaling current LLM approaches will lead to AGI", node_id="T")
        for s in SERIES:
            amap.put_series(s)
    return amap


# ------------------------------------------------------------------ suggestions
@pytest.mark.parametrize(
    ("quote", "series"),
    [
        ("0%", "arc_agi_1_pct"),  # table cell: the header row names the column
        ("53%", "arc_agi_1_pct"),  # "53% on ARC-AGI-1 but ≤3% on … ARC-AGI-2": nearest clause
        ("3%", "arc_agi_2_pct"),
        ("$2–4 M", "train_cost_usd"),
        ("175 B", "params"),
        ("15 trillion tokens", "dataset_tokens"),  # never the reference series of the same unit
        ("1.7%", "swe_bench_pct"),
        ("1,287,000 kWh", "energy_mwh"),
    ],
)
def test_suggests_the_series_the_text_names(quote: str, series: str) -> None:
    assert suggested(quote) == series


@pytest.mark.parametrize("quote", ["3.1 e23", "70%", "25%"])
def test_no_suggestion_when_unclear(quote: str) -> None:
    """A unitless cell, a probability and a score of no named benchmark are left to the user."""
    assert suggested(quote) is None


@pytest.mark.parametrize(
    ("text", "series"),
    [
        ("The start-up raised $2 billion at a $10 billion valuation in its first round.", None),
        ("The chip maker reported $44.1 billion in revenue last quarter.", None),
        ("Training the largest model cost about $78 million in compute.", "train_cost_usd"),
        ("The final run of the new model cost an estimated $191 million.", "train_cost_usd"),
    ],
)
def test_money_goes_to_the_training_cost_series_only_when_a_training_run_is_named(
    text: str, series: str | None
) -> None:
    """A first-time user saw fund-raising and revenue offered as training-run costs."""
    for f in find_facts(text):
        assert suggest_series(BY_NAME, f, text) == series


def test_suggestion_uses_names_not_seed_knowledge() -> None:
    """Renamed series with their own titles and units are still found."""
    mine = {
        "gpu_spend": Series("gpu_spend", "Cost of the biggest training runs", "USD (2023)"),
        "hle": Series("hle", "Humanity's Last Exam score", "percent"),
        "gpqa": Series("gpqa", "GPQA Diamond score", "percent"),
    }
    text = "In 2024 the best model scored 26% on Humanity's Last Exam; runs cost $100 million."
    assert suggest_series(mine, fact(text, "26%"), text) == "hle"
    assert suggest_series(mine, fact(text, "$100 million"), text) == "gpu_spend"


def test_unit_conversion_and_incompatibility() -> None:
    assert unit_factor("kwh", "MWh") == pytest.approx(1e-3)
    assert unit_factor("percent", "%") == 1.0
    assert unit_factor("t CO2-eq", "tCO2e") == 1.0
    assert unit_factor("tokens", "FLOP") is None
    assert unit_factor("x", "%") is None
    assert unit_factor("count", "FLOP") == 1.0  # a bare number takes the chosen series' unit


UNITS = st.sampled_from(["FLOP", "USD", "tokens", "percent", "parameters", "x", "count", "kw",
                         "words", "GPUs", "TWh/year", "EUR", "t CO2-eq"])  # fmt: skip
QUANTITIES = st.sampled_from(["cost", "benchmark score", "data (tokens)", "training compute",
                              "probability", "energy", "ratio", "parameters"])  # fmt: skip


@settings(max_examples=150, deadline=None)
@given(unit=UNITS, quantity=QUANTITIES, words=st.text(max_size=60), value=st.floats(0, 1e30))
def test_a_suggestion_always_takes_the_unit(unit, quantity, words, value) -> None:
    """Whatever the text says, a suggested series is a data series measured in the fact's unit."""
    quote = "12"
    text = f"{words} {quote} {words}"
    f = TrendFact(quote, len(words) + 1, len(words) + 3, quantity, value, unit, 2020, "")
    name = suggest_series(BY_NAME, f, text)
    if name is not None:
        assert BY_NAME[name].kind == "data"
        assert unit_factor(unit, BY_NAME[name].unit) is not None
        assert unit != "count"


# ------------------------------------------------------------------ decisions
def test_date_comes_from_fact_then_article_else_refused() -> None:
    f = fact(TABLE, "53%")
    assert decide_fact(f, "arc_agi_1_pct", Article(TABLE), BY_NAME).date == "2025"
    undated = TrendFact("40%", 0, 3, "benchmark score", 40.0, "percent", None, "o3")
    dated = Article("40%", date="2024-12-20")
    assert decide_fact(undated, "arc_agi_1_pct", dated, BY_NAME).date == "2024"
    with pytest.raises(FactRefused, match="no year"):
        decide_fact(undated, "arc_agi_1_pct", Article("40%"), BY_NAME)


@pytest.mark.parametrize(
    ("series", "reason"),
    [
        (None, "choose one"),
        ("train_compute_flop", "does not fit"),
        ("text_stock_tokens", "reference series"),
        ("nope", "no series"),
    ],
)
def test_refusals_say_why(series, reason) -> None:
    f = fact(TABLE, "15 trillion tokens")
    with pytest.raises(FactRefused, match=reason):
        decide_fact(f, series, Article(TABLE), BY_NAME)


def test_projection_is_not_an_observation() -> None:
    f = fact(TABLE, "$1 billion")
    assert suggested("$1 billion") == "train_cost_usd"
    with pytest.raises(FactRefused, match="future"):
        decide_fact(f, "train_cost_usd", Article(TABLE), BY_NAME)


# ------------------------------------------------------------------ applying
ARTICLE = Article(TABLE, title="Can the LLM market scale?", url="https://example.org/scale")


def test_apply_adds_dated_converted_cited_points_in_one_batch() -> None:
    amap = new_map()
    seen: list = []
    amap.subscribe(seen.append)
    facts = accept_facts(amap.series, ARTICLE, find_facts(TABLE))
    assert {(d.quote, d.series) for d in facts} >= {("0%", "arc_agi_1_pct"),
                                                   ("$2–4 M", "train_cost_usd"),
                                                   ("1,287,000 kWh", "energy_mwh")}  # fmt: skip
    claim = Decision("Llama 3 was trained", 0, 5, "Llama 3 data", "pro", "T", "supports")
    out = apply_import(amap, ARTICLE, [claim], facts)
    assert len(seen) == 1  # one batch: one undo step, one transaction
    assert len(out["points"]) == len(facts) and len(out["nodes"]) == 1
    for (name, i), d in zip(out["points"], facts):
        p = amap.series[name].points[i]
        assert p.label == d.label and p.date == d.date
        assert p.source == "https://example.org/scale"
        assert p.note == f"imported from Can the LLM market scale?: {d.quote}"
    cost = amap.series["train_cost_usd"].points
    assert [p.date for p in cost] == ["2020", "2020", "2023", "2025"]  # inserted in date order
    gpt3 = next(p for p in cost if p.note.endswith("$2–4 M"))
    assert (gpt3.value, gpt3.low, gpt3.high) == (2e6, 2e6, 4e6)  # the range becomes bounds
    energy = amap.series["energy_mwh"].points[0]
    assert energy.value == pytest.approx(1287.0)  # kWh → the series' MWh


def test_bad_fact_leaves_the_map_untouched() -> None:
    amap = new_map()
    good = decide_fact(fact(TABLE, "0%"), "arc_agi_1_pct", ARTICLE, amap.series)
    bad = decide_fact(fact(TABLE, "15 trillion tokens"), "dataset_tokens", ARTICLE, amap.series)
    amap.remove_series("dataset_tokens")
    before = amap.snapshot()
    with pytest.raises(MapError, match="no series 'dataset_tokens'"):
        apply_import(amap, ARTICLE, [], [good, bad])
    assert amap.snapshot() == before


# ------------------------------------------------------------------ undo through the command
def test_import_command_undo_redo_and_file(qtbot, tmp_path: Path) -> None:
    from PySide6.QtGui import QUndoStack

    from model.importer.article import ImportProposals
    from storage.document import MapDocument
    from ui.commands.edits import push
    from ui.importing.import_flow import ImportArticleCommand

    doc = MapDocument.create(tmp_path / "m.cruxmap", new_map())
    amap, stack = doc.map, QUndoStack()
    before = amap.snapshot()
    result = ImportProposals(article=ARTICLE, thesis_id="T", trend_facts=find_facts(TABLE))
    facts = accept_facts(amap.series, ARTICLE, result.trend_facts)
    claim = Decision("Llama 3 was trained", 0, 5, "Llama 3 data", "pro", "T", "supports")
    assert push(stack, ImportArticleCommand(amap, result, [claim], facts))
    after = amap.snapshot()
    assert after["series"] != before["series"]
    stack.undo()
    assert amap.snapshot() == before
    assert MapDocument.open(tmp_path / "m.cruxmap").map.snapshot() == before
    stack.redo()
    assert amap.snapshot() == after
    doc.close()
    reopened = MapDocument.open(tmp_path / "m.cruxmap")
    assert reopened.map.snapshot() == after
    reopened.close()


def test_seed_article_facts_against_the_seed_map() -> None:
    """The real table of seed article 004 maps onto the seed's ARC-AGI and cost series; as the
    seed already holds those numbers, accepting all adds no duplicate points."""
    from storage.articles import read_article
    from storage.seedmap import load_seed

    path = Path("/work/shared/eval/articles/004_76ea358b2d5892fa.txt")
    if not path.exists():
        pytest.skip("shared eval corpus not present")
    amap = load_seed()
    article = read_article(str(path))
    facts = find_facts(article.text)
    chosen = {(f.quote, f.year): suggest_series(amap.series, f, article.text) for f in facts}
    assert chosen[("0%", 2020)] == "arc_agi_1_pct"
    assert chosen[("53%", 2025)] == "arc_agi_1_pct"
    assert chosen[("3%", 2025)] == "arc_agi_2_pct"
    assert chosen[("$41–78 M", 2023)] == "train_cost_usd"
    new = accept_facts(amap.series, article, facts)
    assert ("53%", "arc_agi_1_pct") not in {(d.quote, d.series) for d in new}
    assert all(already_there(d, amap.series) is None for d in new)


def test_a_number_the_series_already_has_is_not_added_twice() -> None:
    text = "In 2024 GPT-4o scored 5% on ARC-AGI-1, and 2% on ARC-AGI-2 in 2024."
    facts = accept_facts(BY_NAME, Article(text), find_facts(text))
    assert [(d.quote, d.series) for d in facts] == [("2%", "arc_agi_2_pct")]


def test_the_sentence_before_names_the_benchmark() -> None:
    text = "SWE-bench shows poor performance on long tasks. GPT-4 scored just 1.7% in 2023."
    assert suggest_series(BY_NAME, fact(text, "1.7%"), text) == "swe_bench_pct"
    far = "SWE-bench is hard. Models are big. GPT-4 scored just 1.7% in 2023."
    assert suggest_series(BY_NAME, fact(far, "1.7%"), far) is None
