"""The claim ranker's cues, one by one: each moves a sentence the way its comment promises.

A user reviewing an import sees the top-ranked sentences first; these tests pin what pushes a
sentence down (questions, examples, anecdotes, formulas, headings, tables) or up (bullets, a
side's section label, the author's verdict), so a tweak to one weight cannot silently flip them.
"""

from __future__ import annotations

import math

import pytest

from model.importer.article import Sentence
from model.importer.claims import centrality, claim_score

BASE = "Scaling compute will not deliver general intelligence because data runs out soon"


def score(body: str, **kw: object) -> float:
    s = Sentence(0, len(body), body, 0, bullet=bool(kw.pop("bullet", False)))
    return claim_score(s, body, 0.5, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(("variant", "why"), [
    (BASE + "?", "a question asks, it does not claim"),
    ("For example, " + BASE[0].lower() + BASE[1:] + ".", "an example illustrates a claim"),
    (BASE + ":", "a lead-in to a list is not the claim itself"),
    (BASE + " = 42 → done.", "formulas and slogans are not prose"),
    ("“" + BASE + ".", "half a quotation split at its full stop"),
    ("Yesterday I told my friend Alice in Paris that " + BASE.lower() + ".",
     "an anecdote with names and places"),
    (BASE + ". " + " and ".join(["it also goes on"] * 12) + ".", "a run-on of 60 words"),
])  # fmt: skip
def test_cues_that_push_a_sentence_down(variant: str, why: str) -> None:
    assert score(variant) < score(BASE + "."), why


@pytest.mark.parametrize(("kwargs", "why"), [
    ({"bullet": True}, "a bullet point states one point"),
    ({"label": "Optimistic view:"}, "a side's section label opens its claim"),
    ({"has_fact": True}, "numeric evidence for a trend series"),
])  # fmt: skip
def test_cues_that_lift_a_sentence(kwargs: dict, why: str) -> None:
    assert score(BASE + ".", **kwargs) > score(BASE + "."), why


def test_a_note_label_marks_an_aside() -> None:
    assert score(BASE + ".", label="Editor's note:") < score(BASE + ".")


@pytest.mark.parametrize("body", [
    "Too short here.",
    "2019 | 1e23 | 2020 | 3e24 | 2021 | 5e25 | 2022 | 2e26",
])  # fmt: skip
def test_fragments_and_table_rows_are_never_claims(body: str) -> None:
    assert score(body) == -math.inf


def test_headings_are_never_claims() -> None:
    s = Sentence(0, len(BASE), BASE, 0, heading=True)
    assert claim_score(s, BASE, 0.5) == -math.inf


def test_centrality_is_neutral_when_there_is_nothing_to_compare() -> None:
    assert centrality(["one", "two"]) == [0.0, 0.0]
    assert centrality(["the a of", "and the", "of of a"]) == [0.0, 0.0, 0.0]  # only stop words
    ranks = centrality([BASE, BASE + " again", "Cats sleep most of the day in warm spots."])
    assert ranks[2] < ranks[0]  # the off-topic sentence is peripheral
