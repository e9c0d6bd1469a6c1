"""A proposal is a whole claim with a title of its own, shown and accepted at the precision the
user reads (issue 12 items 3 and 6)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.importer import NodeRef, propose
from model.importer.apply import accept_all
from model.importer.article import Article, ImportProposals, Proposal, at_or_above
from model.importer.claims import is_fragment
from model.importer.pipeline import short_title

THESIS = [NodeRef("T", "Scaling current LLMs leads to AGI", side=0)]


def test_titles_are_never_cut_with_an_ellipsis() -> None:
    long = (
        "Scaling compute will not by itself deliver general intelligence, because the supply of "
        "high-quality text is finite and synthetic data has so far failed to replace it at scale."
    )
    title = short_title(long)
    assert "…" not in title and not title.endswith("...")
    assert title == "Scaling compute will not by itself deliver general intelligence"


def test_a_title_drops_asides_and_attribution_but_not_words_of_its_clause() -> None:
    said = '"If scale alone were enough, we would not see that gap," he said.'
    assert short_title(said) == "If scale alone were enough, we would not see that gap"
    assert short_title("But data (the real bottleneck) runs out soon.") == (
        "Data (the real bottleneck) runs out soon"
    )


@given(
    st.lists(
        st.sampled_from(
            [
                "scaling",
                "data",
                "will",
                "not",
                "reach",
                "AGI,",
                "because",
                "the",
                "wall",
                "is",
                "real;",
                "models",
            ]
        ),
        min_size=1,
        max_size=60,
    )
)
def test_a_title_is_always_a_run_of_the_sentences_words(words: list[str]) -> None:
    sentence = " ".join(words) + "."
    title = short_title(sentence)
    assert "…" not in title
    assert title.lower().rstrip(" .;:,") in sentence.lower() or len(title) <= 110


def test_fragments_and_captions_are_not_proposed() -> None:
    assert is_fragment("Data of the right kind cannot")
    assert is_fragment("and so the curve bends, as everyone expected.")
    assert not is_fragment("Data of the right kind cannot be bought.")
    text = (
        "Data of the right kind cannot\n"
        "Figure 2: Training compute of frontier models will keep growing, 2010–2025.\n"
        "Scaling compute will not deliver general intelligence because data runs out soon.\n"
    )
    quotes = [p.quote for p in propose(Article(text), THESIS, "T").proposals]
    assert quotes == [
        "Scaling compute will not deliver general intelligence because data runs out soon."
    ]


def test_near_duplicate_claims_of_one_article_are_merged() -> None:
    claim = "Scaling compute will not deliver general intelligence because data runs out soon."
    text = f"{claim}\n\nOther matters aside, the weather was fine.\n\nIn short: {claim}\n"
    props = propose(Article(text), THESIS, "T").proposals
    assert sum("general intelligence" in p.quote for p in props) == 1


def test_confidence_is_compared_as_it_is_shown() -> None:
    assert at_or_above(0.699, 0.70) and f"{0.699:.2f}" == "0.70"
    assert not at_or_above(0.694, 0.70)
    p = Proposal("q", 0, 1, "pro", 0.699, "T", "supports")
    result = ImportProposals(Article("q"), "T", proposals=[p])
    assert len(accept_all(result, 0.70)) == 1


def test_a_title_never_ends_on_a_word_that_needs_more() -> None:
    """A cut at the second "because" left "Because of cost and" as a title: a fragment."""
    said = (
        "But because of cost and because chips take up space in a data centre, the resources "
        "can only be pooled at a slowing rate, whatever the labs plan to spend next year."
    )
    title = short_title(said)
    assert not is_fragment(title)
    assert title.split()[-1] not in ("and", "of", "the", "to")


def test_a_title_keeps_the_answer_to_a_view_it_reports() -> None:
    """'Critics say X, but Y' argues Y: a title of X alone would argue the other side."""
    said = (
        "Critics claim that the benchmark gains of recent years reflect contaminated test sets, "
        "but evaluations written after training show the same steady climb."
    )
    assert short_title(said) == "Evaluations written after training show the same steady climb"


def test_a_title_never_argues_the_other_side_from_its_stance() -> None:
    """'X; but Y' without a 'but': when the short title (X) alone argues the other side from the
    proposal's stance, the card would read the opposite of its side, so the title is whole."""
    from model.importer.article import Sentence
    from model.importer.pipeline import title_for

    text = (
        "Scaling keeps improving the models on every benchmark each year; those benchmarks say "
        "nothing about whether the gains will ever add up to general intelligence."
    )
    s = Sentence(0, len(text), text, 0)
    assert title_for(s, "pro") == "Scaling keeps improving the models on every benchmark each year"
    assert title_for(s, "con") == text.rstrip(".")
