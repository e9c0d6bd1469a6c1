"""The importer on articles it was not tuned on: five held-out articles (our own writing, in
styles the seed set lacks) with gold written before the importer was run on them.

The thresholds are the levels reached when the general rules were last changed, minus a small
margin; docs/import.md has the per-article table.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.evaluate import rates, score_article, total
from model.importer.facts import find_facts
from model.importer.pipeline import propose
from model.importer.sentences import strip_attribution
from model.importer.stance import carried_sides, classify
from storage.articles import read_many

CORPUS = Path(__file__).parent / "fixtures" / "eval_heldout"


@pytest.fixture(scope="module")
def scored() -> list[tuple[str, dict]]:
    golds = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("gold/*.json"))]
    paths = [str(CORPUS / g["article"]) for g in golds]
    rows = []
    for g, path, art in zip(golds, paths, read_many(paths)):
        result = propose(art, [], "T")
        raw = Path(path).read_text(encoding="utf-8")
        rows.append((Path(path).stem, score_article(raw, g, result)))
    return rows


def test_corpus_has_the_five_styles() -> None:
    exts = sorted(p.suffix for p in CORPUS.glob("articles/*"))
    assert exts == [".html", ".md", ".txt", ".txt", ".txt"]
    assert len(list(CORPUS.glob("gold/*.json"))) == 5


def test_heldout_scores_meet_the_targets(scored) -> None:
    r = rates(total([c for _, c in scored]))
    assert r["recall_imp2"] >= 0.83  # reached 0.853 (target 0.80)
    assert r["precision"] >= 0.83  # 0.861 (target 0.50)
    assert r["stance_accuracy"] >= 0.86  # 0.888 (target 0.80)
    assert r["trend_fact_recall"] >= 0.95  # 0.980 (target 0.70)
    assert r["boilerplate_leakage"] == 0.0
    assert r["content_retention"] == 1.0


def test_no_heldout_article_is_left_behind(scored) -> None:
    """Averages can hide one style failing: every article finds most of its main claims."""
    for stem, c in scored:
        r = rates(c)
        assert r["recall_imp2"] >= 0.75, stem
        assert r["stance_accuracy"] >= 0.75, stem


def test_reported_views_take_their_side() -> None:
    """Stance is toward the thesis, so a reported view counts for the side that holds it."""
    assert classify("Critics say those numbers overstate progress.", 0, 0.0)[0] == "con"
    assert classify("Supporters point to benchmark results.", 0, 0.0)[0] == "pro"
    texts = [
        "Proponents argue that bigger models keep surprising us.",
        "On this view, current methods plus more resources are enough.",
        "Critics argue that prediction is imitation.",
        "On this view, new ideas will be needed.",
    ]
    assert carried_sides(texts) == [1, 1, -1, -1]


def test_denied_limits_and_rebutted_critics_are_pro() -> None:
    for text in (
        "We see no sign of diminishing returns.",
        "The skeptics are making the same mistake again.",
        "The data wall is an engineering problem, not a law of nature.",
    ):
        assert classify(text, 0, 0.0)[0] == "pro", text
    assert classify("My honest answer is: not by itself.", 0, 0.0)[0] == "con"


def test_quotation_attribution_is_not_the_claim() -> None:
    said = '"We see no limit," said Jane Doe, chief scientist at Example Labs.'
    assert strip_attribution(said) == "We see no limit"
    assert strip_attribution('"If scale alone were enough, we would see it," he said.') == (
        "If scale alone were enough, we would see it"
    )


@given(st.text(max_size=200))
def test_attribution_stripping_only_removes(text: str) -> None:
    assert strip_attribution(text) in text


def test_word_ratios_and_year_ranges_are_facts() -> None:
    got = {
        (f.quote, f.value, f.unit)
        for f in find_facts(
            "Compute has grown four times per year since 2010. Errors fell after a tenfold increase. "
            "Usage could more than double by 2030. Scores went from 39% in 2023 to 87% in 2025. "
            "It scored around the 90th percentile."
        )
    }
    assert ("four times per year", 4.0, "x/year") in got
    assert ("tenfold", 10.0, "x") in got
    assert ("double", 2.0, "x") in got
    assert ("87%", 87.0, "percent") in got
    assert ("90th percentile", 90.0, "percentile") in got


def test_comment_section_and_disclaimer_are_chrome() -> None:
    text = (
        "A title\n\nScaling keeps working. The views expressed are her own.\n\n"
        "More prose here to make the body long enough for the tail rule to apply.\n\n"
        "Comments (2)\n\nGreat post!\n"
    )
    body = clean_text(text).text
    assert "Scaling keeps working." in body
    assert "views expressed" not in body and "Great post" not in body
