"""The importer's rarer rules, one by one: what a reviewer sees for each odd sentence or number.

These close the gaps the pipeline tests leave (RELIABILITY.md: ≥ 95% branch coverage for the
importers). Each test pins something a user reviewing an import would notice: a fact's unit,
value or year, a sentence's boundaries, a proposal's stance, a refusal's message, or where an
accepted claim lands in the map. The texts are written for these tests.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.argmap import ArgumentMap, MapError
from model.entities import Point, Series
from model.importer import Article, TrendFact
from model.importer.apply import (
    Decision,
    FactDecision,
    already_there,
    apply_import,
    decide_fact,
    fact_point,
    refusal,
    suggest_series,
)
from model.importer.article import ImportProposals, NodeRef, Proposal
from model.importer.evaluate import Locator, score_article
from model.importer.facts import find_facts
from model.importer.sentences import claim_units, split_sentences, strip_label
from model.importer.stance import classify, polarity, section_context
from model.importer.targets import similarities


def facts_of(text: str) -> dict[str, TrendFact]:
    return {f.quote: f for f in find_facts(text)}


# ------------------------------------------------------------------------------------ facts
def test_a_share_of_someones_revenue_keeps_whose_revenue_it_is() -> None:
    f = facts_of("Ads now take 12% of Google's revenue.")["12% of Google's revenue"]
    assert (f.value, f.unit) == (12.0, "percent of google's revenue")


def test_years_of_experience_is_a_unit_not_a_date() -> None:
    f = facts_of("A child gets about 5 years of language input before school.")
    fact = f["5 years of language input"]
    assert (fact.value, fact.unit, fact.year) == (5.0, "years of language input", None)


def test_word_multipliers_and_fractions_are_numbers() -> None:
    text = "Inference became a hundred times cheaper. It now costs one thousandth of the price."
    found = facts_of(text)
    assert (found["a hundred times"].value, found["a hundred times"].unit) == (100.0, "x")
    assert (found["one thousandth"].value, found["one thousandth"].unit) == (0.001, "fraction")
    assert found["one thousandth"].quantity == "cost"


def test_a_number_already_inside_a_multiplier_phrase_is_not_counted_twice() -> None:
    """ "5 thousand times" is read once, as the phrase "thousand times", not again as 5,000 x."""
    found = find_facts("Training used 5 thousand times more compute than before.")
    assert [(f.quote, f.value) for f in found] == [("thousand times", 1000.0)]


def test_a_dollar_amount_keeps_its_currency_when_a_count_noun_follows() -> None:
    """ "$2 million chips" is money: the fact is the dollar amount, not a number of chips."""
    (f,) = find_facts("They bought $2 million chips last year.")
    assert (f.quote, f.value, f.unit) == ("$2 million", 2e6, "USD")


def test_scale_words_take_the_counted_noun_as_their_unit() -> None:
    found = facts_of("The app has 15 million users and 3 billion people are online.")
    assert (found["15 million users"].value, found["15 million users"].unit) == (15e6, "users")
    assert found["3 billion people"].unit == "people"


def test_a_year_before_a_scale_word_is_not_a_number() -> None:
    assert find_facts("By 2030 billion-dollar training runs will be common.") == []


def test_a_percentage_above_100_is_a_change_not_a_share() -> None:
    assert find_facts("Revenue grew 250% last year.") == []
    assert [f.value for f in find_facts("Revenue grew 25% last year.")] == [25.0]


def test_the_nearest_model_name_labels_a_number() -> None:
    (f,) = find_facts("GPT-4 edged out Claude 2 on the benchmark with a 30% score")
    assert f.label == "Claude 2"
    (g,) = find_facts("Claude 2 reached a 30% score, well ahead of the older GPT-4")
    assert g.label == "Claude 2"


def test_a_year_in_the_first_sentence_of_an_article_dates_its_facts() -> None:
    """Bug fixed here: the first sentence of a text lost its first letter, so "In 2023 …"
    read as "n 2023 …" and the fact got no year (and a clipped label)."""
    (f,) = find_facts("In 2023 training GPT-4 cost $100 million.")
    assert f.year == 2023
    (g,) = find_facts("Ads now take 12% of revenue.")
    assert g.label == "Ads now take"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="ab .;\n", max_size=30), st.sampled_from(["In", "By", "Since"]))
def test_a_year_cue_dates_a_fact_wherever_its_sentence_starts(prefix: str, cue: str) -> None:
    lead = prefix.rstrip(" ") + ("\n" if prefix.strip() else "")
    text = f"{lead}{cue} 2021 the run cost $5 million."
    (f,) = [f for f in find_facts(text) if f.quote == "$5 million"]
    if cue == "Since":  # a start year is not the figure's year, and not the article's either
        assert f.year is None and f.dated_elsewhere
    else:
        assert f.year == 2021


# -------------------------------------------------------------------------------- sentences
def test_indentation_is_not_part_of_a_sentence() -> None:
    text = "   Indented claim about scaling."
    (s,) = split_sentences(text)
    assert text[s.start : s.end] == "Indented claim about scaling."


def test_a_bare_bullet_mark_is_no_sentence() -> None:
    (s,) = split_sentences("- \nScaling works.")
    assert (s.text, s.start) == ("Scaling works.", 3)


def test_a_decimal_number_does_not_end_a_sentence_but_a_footnote_mark_does() -> None:
    assert len(split_sentences("Accuracy rose to 86.4 MMLU points on the test.")) == 1
    texts = [s.text for s in split_sentences("Scaling works.12 Next comes the rest.")]
    assert texts == ["Scaling works.12", "Next comes the rest."]


def test_a_leading_ellipsis_is_dropped_from_a_quoted_excerpt() -> None:
    texts = [s.text for s in split_sentences("… But scaling continues. Critics disagree.")]
    assert texts == ["But scaling continues.", "Critics disagree."]


def test_a_short_sentence_and_the_one_that_completes_it_are_one_claim() -> None:
    text = "But this isn't understanding. It's pattern matching on a vast scale."
    (unit,) = claim_units(split_sentences(text), text)
    assert unit.text == text and (unit.start, unit.end) == (0, len(text))


def test_a_leading_label_is_stripped_only_before_a_real_sentence() -> None:
    body = "Throwing more compute at it will not help."
    off, rest = strip_label("Scaling is insufficient: " + body)
    assert (off, rest) == (25, body)
    assert strip_label("Note: short one.") == (0, "Note: short one.")


# ----------------------------------------------------------------------------------- stance
def test_a_negation_does_not_reach_across_a_comma() -> None:
    """ "No, bigger models improve" agrees; "No bigger models improve" denies."""
    assert classify("No, bigger models improve steadily.", 0, 0.0)[0] == "pro"
    assert classify("No bigger models improve steadily.", 0, 0.0)[0] == "con"


def test_the_main_clause_outweighs_a_while_clause() -> None:
    assert polarity("While critics point to limits, bigger models keep improving.") > 0
    assert polarity("Bigger models keep improving, while critics point to limits.") < 0


def test_the_main_clause_outweighs_an_even_if_clause() -> None:
    assert classify("Scaling alone is insufficient, even if benchmarks improve.", 0, 0)[0] == "con"
    assert classify("Benchmarks improve, even if scaling alone is insufficient.", 0, 0)[0] == "pro"


def test_debate_sections_carry_their_side_until_a_neutral_heading() -> None:
    paras = ["Optimistic view: scaling works", "More reasons", "Pessimistic view: it stalls",
             "More doubts", "Conclusion", "Closing words", "3.", "Appendix text"]  # fmt: skip
    assert section_context(paras) == [1, 1, -1, -1, 0, 0, 0, 0]


def test_a_definition_is_neutral_even_in_a_leaning_article() -> None:
    assert classify("Scaling refers to training bigger models on more data.", 0, 0.9) == (
        "neutral",
        0.5,
    )


@pytest.mark.parametrize(
    "text",
    [
        "Nobody knows how far the curve will go.",
        "It is hard to say what the next generation will be able to do.",
        "Whether the labs can keep this pace remains to be seen.",
        "Honestly, I don't know which side has it right.",
    ],
)
@pytest.mark.parametrize("lean", [-0.9, 0.0, 0.9])
def test_saying_nobody_knows_takes_no_side_in_any_article(text: str, lean: float) -> None:
    assert classify(text, 0, lean) == ("neutral", 0.5)


def test_not_knowing_followed_by_a_verdict_is_not_neutral_by_its_shape() -> None:
    text = "It is hard to predict the details, but scaling has not hit a wall."
    assert classify(text, 0, 0.0)[0] == "pro"


def test_a_sentence_without_cues_follows_the_article_or_stays_neutral() -> None:
    text = "The report was published on a Tuesday."
    assert classify(text, 0, 0.0) == ("neutral", 0.4)
    assert classify(text, 0, 0.9)[0] == "pro" and classify(text, 0, -0.9)[0] == "con"


# ---------------------------------------------------------------------------------- targets
def test_a_claim_of_only_stop_words_matches_no_node() -> None:
    sims = similarities(["the and of it"], [NodeRef("n1", "and the")])
    assert sims.shape == (1, 1) and sims[0, 0] == 0.0


# --------------------------------------------------------------------------------- evaluate
RAW = (
    "<p>Scaling will hit a data wall long before it reaches anything like general "
    "intelligence, the author argues [12] at length in the closing chapter of the book.</p>"
)


def test_a_blank_span_cannot_be_located() -> None:
    text = "Some words.     More words."
    assert Locator(text, text).span(11, 16) is None


def test_a_span_whose_middle_the_extractor_changed_is_located_by_its_ends() -> None:
    ext_start = RAW[3:-4].replace(" [12]", "")  # footnote mark dropped near the end
    loc = Locator(RAW, ext_start)
    a, b = loc.span(0, len(ext_start))
    assert loc.raw[a:].startswith("Scaling will hit a data wall") and b - a == len(ext_start)

    ext_end = "Summary: " + RAW[3:60] + " [x]" + RAW[60:-4]  # the start changed instead
    loc = Locator(RAW, ext_end)
    a, b = loc.span(0, len(ext_end))
    assert loc.raw[:b].endswith("closing chapter of the book.")


_MD_WORDS = st.lists(st.from_regex(r"[A-Za-z]{2,9}", fullmatch=True), min_size=6, max_size=25)


@settings(max_examples=60, deadline=None)
@given(_MD_WORDS, st.data())
def test_a_sentence_with_inline_markdown_is_located_in_its_source(words, data) -> None:
    """The Markdown reader drops links' targets and emphasis marks; the scorer must still find
    such a sentence in the raw file, or a right proposal counts as wrong."""
    marks = ["{}", "**{}**", "*{}*", "_{}_", "`{}`", "[{}](https://example.org/a_b)"]
    dressed = [data.draw(st.sampled_from(marks)).format(w) for w in words]
    raw = "# Title\n\nIntro line here.\n\n" + " ".join(dressed) + ".\n"
    ext = " ".join(words) + "."
    loc = Locator(raw, ext)
    a, b = loc.span(0, len(ext))
    start = loc.raw.index(" ".join(dressed))
    assert 0 <= a - start <= 2  # at most an opening mark ("**", "[") before the first word
    assert loc.raw[a:b].startswith(words[0]) and loc.raw[a:b].endswith(dressed[-1] + ".")


def test_a_marked_up_sentence_is_located_whole_even_when_its_start_repeats() -> None:
    """An end probe ("AA AA AA …" found further on) guesses the other end from the extracted
    length and cuts a marked-up sentence short; the exact match without markup must win."""
    words = ["AA"] * 17 + ["[AA](https://example.org/a_b)"]
    raw = "# Title\n\nIntro line here.\n\n" + " ".join(words) + ".\n"
    ext = " ".join(["AA"] * 18) + "."
    loc = Locator(raw, ext)
    a, b = loc.span(0, len(ext))
    assert loc.raw[a:b] == " ".join(words) + "."


def test_a_span_that_is_nowhere_in_the_raw_file_is_unlocated() -> None:
    other = "An entirely different sentence that the raw file never contained at all."
    assert Locator(RAW, other).span(0, len(other)) is None


def test_a_gold_fact_counts_as_found_only_with_the_right_value() -> None:
    text = "Compute grew 4x per year while cost rose 30% in 2023."
    facts = find_facts(text)
    result = ImportProposals(Article(text), "t", trend_facts=facts)
    gold = {"trend_facts": [{"quote": "30%", "value": 30, "unit": "percent", "year": 2023},
                            {"quote": "4x per year", "value": 5, "unit": "x/year"}]}  # fmt: skip
    c = score_article(text, gold, result)
    assert (c["facts"], c["facts_found"], c["fact_unit_ok"], c["fact_year_ok"]) == (2, 1, 1, 1)


def test_a_proposal_near_a_gold_fact_or_paraphrasing_a_claim_is_correct() -> None:
    """Precision is lenient: touching an annotated fact, or restating an annotated claim whose
    quote is not verbatim in the file, counts as a correct proposal; unrelated text does not."""
    text = (
        "Models scored 30% in 2023. Larger language models keep improving on every benchmark. "
        "The venue had good coffee."
    )
    quotes = [
        "Models scored 30% in 2023.",
        "Larger language models keep improving on every benchmark.",
        "The venue had good coffee.",
    ]
    props = [
        Proposal(q, text.index(q), text.index(q) + len(q), "pro", 0.6, "t", "supports")
        for q in quotes
    ]
    result = ImportProposals(Article(text), "t", proposals=props)
    gold = {
        "claims": [
            {"quote": "Larger language models keep improving on nearly every benchmark",
             "stance": "pro"}
        ],
        "trend_facts": [{"quote": "30%", "value": 30, "unit": "percent"}],
    }  # fmt: skip
    c = score_article(text, gold, result)
    assert (c["proposals"], c["correct_proposals"], c["found_all"]) == (3, 2, 0)


# ------------------------------------------------------------------------------------ apply
ART = Article("Training in 2022 cost $41–78 M.", title="Costs", date="2024-01-05")
COST = Series("train_cost_usd", "Training cost", "USD", (Point("2020", 4.3e6, "GPT-3"),))
SCORES = (Series("arc_agi_1_pct", "ARC-AGI-1 score", "%"),
          Series("arc_agi_2_pct", "ARC-AGI-2 score", "%"))  # fmt: skip


def cost_fact(quote: str = "$41–78 M", value: float = 41e6) -> TrendFact:
    return TrendFact(quote, 22, 22 + len(quote), "cost", value, "USD", 2022, "run")


def decision(fact: TrendFact, series: str = "train_cost_usd") -> FactDecision:
    return decide_fact(fact, series, ART, {COST.name: COST})


def test_a_claim_imported_into_a_map_without_a_thesis_stays_unlinked() -> None:
    amap = ArgumentMap()
    d = Decision("Scaling is enough.", 0, 18, "Scaling is enough", "pro", "gone", "supports")
    out = apply_import(amap, Article("Scaling is enough."), [d])
    (nid,) = out["nodes"]
    assert amap.node(nid).title == "Scaling is enough" and list(amap.edges()) == []


def test_without_the_article_text_the_facts_label_names_the_series() -> None:
    f = TrendFact("5%", 0, 2, "benchmark score", 5.0, "percent", 2024, "ARC-AGI-2")
    assert suggest_series({s.name: s for s in SCORES}, f) == "arc_agi_2_pct"


def test_a_table_row_without_a_header_does_not_guess_between_two_scores() -> None:
    text = "2024 GPT-4o 5%\n2025 o3 53%"
    f = next(f for f in find_facts(text) if f.quote == "5%")
    assert suggest_series({s.name: s for s in SCORES}, f, text) is None


def test_refusal_says_why_a_fact_cannot_be_a_point_and_nothing_when_it_can() -> None:
    series = {COST.name: COST}
    assert refusal(cost_fact(), "train_cost_usd", ART, series) == ""
    inf = cost_fact(value=math.inf)
    assert refusal(inf, "train_cost_usd", ART, series) == "the value is not a finite number"


def test_a_fact_for_a_series_that_is_gone_is_never_already_there() -> None:
    d = decision(cost_fact())
    assert already_there(d, {}) is None
    assert already_there(d, {COST.name: COST}) is None


def test_a_reversed_range_keeps_its_value_but_no_error_bar() -> None:
    p = fact_point(decision(cost_fact("$78–41 M", 78e6)), COST, ART)
    assert (p.value, p.low, p.high) == (78e6, None, None)
    q = fact_point(decision(cost_fact()), COST, ART)
    assert (q.low, q.high) == (41e6, 78e6)


def test_a_fact_whose_unit_does_not_fit_leaves_the_map_untouched() -> None:
    amap = ArgumentMap()
    amap.put_series(COST)
    amap.put_series(SCORES[0])
    d = decision(cost_fact())
    wrong = FactDecision(*[getattr(d, k) for k in FactDecision.__dataclass_fields__][:-2],
                         "arc_agi_1_pct", d.date)  # fmt: skip
    before = amap.snapshot()
    with pytest.raises(MapError, match="does not fit “ARC-AGI-1 score”"):  # its title, not its id
        apply_import(amap, ART, [], [wrong])
    assert amap.snapshot() == before


def test_a_point_with_an_unreadable_date_cannot_enter_a_map() -> None:
    """The typed gate (model/validate.py) keeps every stored date readable, so the charts and
    the importer's date ordering never meet one like "circa 2019"."""
    amap = ArgumentMap()
    odd = Series(COST.name, COST.title, "USD", (Point("circa 2019", 1e6, "old"),))
    with pytest.raises(MapError, match="'circa 2019' is not a date"):
        amap.put_series(odd)
    assert not amap.series
