"""The learned last look at page chrome (model/importer/chrome_lines.py).

What a user cares about: a header row of a format no rule knows stays out of the text, the
article's own paragraphs, headings and speakers' names between them are never taken, and a
missing or damaged model file leaves the rules working alone.
"""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import model.importer.boilerplate as boilerplate
from model.importer import chrome_lines
from model.importer.boilerplate import clean_text
from model.importer.chrome import is_prose

# A claims-intake memo: its banner is its title and its footer is taken by the rules; no rule
# knows its handler row. Written for this test.
MEMO = """Harbourline Mutual · Claims Intake · Form CI-7 (rev. 2026)
T. Okonjo-Varga · Ext. 4417 · claims@harbourline.example

Our insured runs a small analytics firm that trains language models for retailers. It asks us \
to cover losses if its next model, trained with ten times the compute of the last, turns out no \
better than the one before.

The question for us is whether that risk is real. The firm's own records show each larger run \
improved its benchmark scores, but the gains have been shrinking, and the firm's engineers \
expect the next run to add little.

We think the risk is real and should be priced as such, because nothing in the firm's plan \
addresses why the gains are shrinking.

Internal use only · Not an offer of cover · Harbourline Mutual is authorised and regulated
"""

ALWAYS = (30.0, {}, 0.5)  # a model that calls every line chrome: only the margins limit it


def test_a_header_row_no_rule_knows_stays_out(monkeypatch) -> None:
    kept = clean_text(MEMO).text
    assert "Okonjo-Varga" not in kept
    assert "Our insured runs a small analytics firm" in kept
    assert kept.rstrip().endswith("why the gains are shrinking.")
    monkeypatch.setattr(boilerplate, "learned_chrome", lambda lines, chrome, **kw: set())
    assert "Okonjo-Varga" in clean_text(MEMO).text  # the rules alone keep it


def test_headings_and_speakers_between_paragraphs_are_never_judged() -> None:
    prose = "The argument of this paragraph runs on for well over twenty words, " * 2 + "done."
    lines = ["Banner", prose, "What the curves show", prose, "Senator Grace Oduya", prose, "Footer"]
    taken = chrome_lines.learned_chrome(lines, set(), ALWAYS)
    assert taken == {0, 6}


_LINE = st.one_of(
    st.just(""),
    st.text(alphabet="abc XYZ·|:.,0123456789", min_size=1, max_size=40),
    st.just(
        "A paragraph of prose that carries the argument along for rather more than twenty words in all, "
        "as prose does."
    ),  # fmt: skip
)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(_LINE, max_size=14), chrome=st.sets(st.integers(0, 13)))
def test_only_margins_and_neighbours_of_chrome_are_taken(lines, chrome) -> None:
    chrome = {i for i in chrome if i < len(lines)}
    taken = chrome_lines.learned_chrome(lines, chrome, ALWAYS)
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    prose = [i for i in idx if i not in chrome and is_prose(lines[i], chrome_lines.PROSE_WORDS)]
    for i in taken:
        assert i not in chrome and lines[i].strip()
        k = idx.index(i)
        near = {idx[j] for j in (k - 1, k + 1) if 0 <= j < len(idx)}
        assert not prose or i < prose[0] or i > prose[-1] or near & chrome


def test_long_paragraphs_are_never_taken() -> None:
    long = " ".join(["word"] * (chrome_lines.MAX_WORDS + 1))
    assert chrome_lines.learned_chrome([long], set(), ALWAYS) == set()


@pytest.mark.parametrize("content", [None, "{not json", '{"weights": {}}'])
def test_a_missing_or_damaged_model_leaves_the_rules_alone(tmp_path, monkeypatch, content) -> None:
    path = tmp_path / "chrome_lines.json"
    if content is not None:
        path.write_text(content)
    monkeypatch.setattr(chrome_lines, "DATA", path)
    chrome_lines._model.cache_clear()
    try:
        assert chrome_lines.learned_chrome(["Claim ref. X-1 · Handler: T. O."], set()) == set()
        assert "Okonjo-Varga" in clean_text(MEMO).text
    finally:
        chrome_lines._model.cache_clear()


def test_the_shipped_model_never_trained_on_an_unscored_held_out_set() -> None:
    fit = json.loads(chrome_lines.DATA.read_text(encoding="utf-8"))["fit"]
    assert "unseen9" in fit["corpora"]  # spent: chrome development data
    assert "unseen10" in fit["corpora"]  # spent in the twelfth round
    held = [c for c in fit["corpora"] if c.startswith("unseen") and c[6:].isdigit()]
    assert all(int(c[6:]) <= 10 for c in held)


def test_a_sentence_is_never_judged() -> None:
    notice = "This report is confidential about nothing: its figures come from public sources."
    lines = ["Banner · Section · Page 1", notice]
    assert chrome_lines.learned_chrome(lines, set(), ALWAYS) == {0}
