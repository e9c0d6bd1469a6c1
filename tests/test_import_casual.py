"""Chat written without capitals (issue 12, after the seventh held-out set): its sentences are
found and proposed, while text written with capitals is split exactly as before."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.article import Article
from model.importer.claims import is_fragment
from model.importer.pipeline import propose
from model.importer.sentences import casual_sentences, split_sentences

# Our own chat, in the register of a server export: lower case, full stops, one post per line.
CHAT = "\n\n".join(
    [
        "ok so my position this week is that bigger training runs keep paying off. the last three generations all beat their forecasts",
        "i am not convinced at all. the public benchmarks are saturating and the new ones stay hard",
        "sure, but the hard ones were designed after the models got good. that moves the goalposts every year",
        "that is fair. still, nobody has shown an agent that holds a job for a whole week",
        "give it two more years of compute growth. the labs are building clusters ten times larger",
        "money is not the bottleneck i worry about. the supply of good text is running out fast",
        "synthetic data from reasoning models covers a lot of that gap already. maths and code at least",
        "maths and code have answer keys. most work does not come with an answer key attached",
        "which is why the next step is learning from feedback on real tasks. it is already starting",
        "we will see. i would bet the curves bend before anyone calls it general intelligence",
    ]
)


def test_a_chat_without_capitals_is_split_at_its_full_stops() -> None:
    plain = split_sentences(CHAT)
    casual = casual_sentences(plain)
    assert len(casual) == 2 * len(plain)  # every post has two sentences
    assert all(s.casual for s in casual)
    assert all(CHAT[s.start : s.end] == s.text for s in casual)
    assert "the last three generations all beat their forecasts" in [s.text for s in casual]


def test_a_chat_without_capitals_gets_its_claims_proposed() -> None:
    quotes = [p.quote for p in propose(Article(CHAT, title="scaling-debate"), [], "T").proposals]
    assert len(quotes) >= 6
    assert "the supply of good text is running out fast" in quotes  # a claim of its own
    assert not any(re.search(r"\. [a-z]", q) for q in quotes)  # never two sentences glued


def test_lower_case_start_is_a_fragment_except_in_casual_text() -> None:
    assert is_fragment("and then the models got larger every single year")
    assert not is_fragment("and then the models got larger every single year", casual=True)
    assert is_fragment("the models got larger because of", casual=True)  # still needs more


WORD = st.sampled_from("models data scale compute labs text agents years".split())
SENTENCE = st.lists(WORD, min_size=6, max_size=12).map(
    lambda ws: ws[0].title() + " " + " ".join(ws[1:]) + "."
)
LOWER = st.lists(WORD, min_size=3, max_size=8).map(lambda ws: " ".join(ws))


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.lists(SENTENCE, min_size=1, max_size=3), min_size=1, max_size=14),
    st.lists(LOWER, max_size=5),
)
def test_text_written_with_capitals_is_split_as_before(paras, asides) -> None:
    """Paragraphs that open with capitals, even with some lower-case words after full stops
    ("e.g. models" or a quoted slogan), are never re-split."""
    lines = [" ".join(p) for p in paras]
    for k, aside in enumerate(asides):
        lines[k % len(lines)] += " " + aside + ". " + aside
    text = "\n\n".join(lines)
    plain = split_sentences(text)
    assert casual_sentences(plain) == plain
