"""A publication's own notices (seventh round, after the sixth held-out set): endnotes under a
"Notes" heading, a closing "About the <organisation>" box, legal notices (copyright with a year or
the sign, ISSN/ISBN, reproduction terms, the disclaimer of views), keyword lines and transcript
editing notes go; argued sentences that use the same words stay, and the rules never take body
text from any article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from tests import pages
from tests.pages import body

ARG = pages.PROSE[:4]
TITLE = pages.TITLE


def test_endnotes_under_a_notes_heading_at_the_end_go() -> None:
    notes = ["Notes", "[1] Epoch AI, a database of notable models, 2026.",
             "[2] A survey of training costs, 2024."]  # fmt: skip
    assert body(*ARG, *notes) == pages.paras("\n".join(ARG))


def test_a_notes_heading_early_in_the_text_cuts_nothing() -> None:
    parts = ["Notes", ARG[0], ARG[1], ARG[2], ARG[3]]
    assert pages.paras("\n".join(ARG)) == [p for p in body(*parts) if p != "Notes"]


def test_a_publishers_about_box_goes_and_an_about_section_of_the_argument_stays() -> None:
    about = ["About the Northgate Institute",
             "The institute is an independent research organisation founded in 2011."]  # fmt: skip
    assert body(*ARG, *about) == pages.paras("\n".join(ARG))
    section = ["About the data", "Public text of good quality will run short within a decade."]
    assert pages.paras(section[1])[0] in body(*ARG, *section)


NOTICES = [
    "© 2026 Northgate Institute. All rights reserved.",
    "Assembly copyright 2026. Reproduced under the open licence.",
    "Text © Kestrel Museum 2026.",
    "Policy brief series · ISSN 2750-4411",
    "ISBN 978-1-23456-789-7",
    "This report may be reproduced for non-commercial purposes with attribution.",
    "The opinions in this paper do not necessarily reflect the views of the funders.",
    "Keywords: scaling laws; benchmarks; test-time compute",
    "Index terms: language models, evaluation",
    "This transcript has been lightly edited for clarity.",
]
KEPT = [
    "Authors sued the labs for copyright infringement in 2023, and the cases are still open.",
    "A model that may be reproduced cheaply by any lab is no moat, and that favours scaling.",
    "The key words in the scaling debate are compute, data and algorithms.",
    "The views expressed by the labs are optimistic, and the data support them.",
]


@pytest.mark.parametrize("notice", NOTICES)
def test_a_publication_notice_goes(notice: str) -> None:
    assert body(ARG[0], notice, ARG[1], ARG[2]) == pages.paras("\n".join(ARG[:3]))


@pytest.mark.parametrize("sentence", KEPT)
def test_an_argued_sentence_with_a_notices_words_stays(sentence: str) -> None:
    assert pages.paras(sentence)[0] in body(ARG[0], sentence, ARG[1], ARG[2])


def test_the_views_disclaimer_in_the_authors_note_goes() -> None:
    got = body(*ARG, "Views expressed are those of the author. She works on evaluation.")
    assert not any("views expressed" in p for p in got)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(pages.PROSE), min_size=2, max_size=6, unique=True),
    # Not the line that opens on "©": a credit line near the end closes the article (older rule).
    st.lists(st.sampled_from(NOTICES[1:]), min_size=1, max_size=4),
    st.randoms(use_true_random=False),
)
def test_notices_anywhere_never_change_the_body(prose, notices, rnd) -> None:
    parts = list(prose)
    for n in notices:
        parts.insert(rnd.randint(0, len(parts)), n)
    assert body(*parts) == pages.paras("\n".join(prose))


def test_a_notes_heading_over_prose_is_the_speakers_notes_and_stays() -> None:
    """A slide outline's "Notes" holds the speaker's own words, not numbered endnotes."""
    parts = [*ARG[:3], "Notes", ARG[3]]
    assert pages.paras(ARG[3])[0] in body(*parts)


def test_one_field_said_twice_at_the_head_is_no_application_form() -> None:
    """A form's head holds different fields; a repeated "Keywords:" line does not make the
    page a form whose banner (the title) and body go."""
    head = "Keywords: scaling laws; benchmarks"
    got = clean_text(pages.page(TITLE, [head, head, *ARG[:2], "Some closing line"]))
    assert got.title == TITLE
    assert pages.paras("\n".join(ARG[:2])) == [p for p in pages.paras(got.text) if p in
                                               pages.paras("\n".join(ARG[:2]))]  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.sampled_from(pages.PROSE),
    st.from_regex(r"[A-Z][a-z]{2,8}(?:[ _][A-Z][a-z]{2,8})?", fullmatch=True),
    st.sampled_from(["(talk)", "(talk | contribs)", "(talk · contribs)"]),
    st.integers(0, 23), st.integers(0, 59), st.integers(1, 28),
    st.sampled_from(["January", "March", "November"]), st.integers(2004, 2030),
)  # fmt: skip
def test_a_wiki_signature_goes_and_its_comment_stays(
    prose, name, link, hh, mm, day, month, year
) -> None:
    """A talk-page comment ends with the signature "~~~~" expands to (MediaWiki
    Help:Signatures): the user, the talk link and a UTC time stamp. The comment is argument."""
    signed = f"{prose} {name} {link} {hh:02d}:{mm:02d}, {day} {month} {year} (UTC)"
    assert body(ARG[0], signed, ARG[1]) == pages.paras("\n".join([ARG[0], prose, ARG[1]]))


def test_a_sentence_that_says_talk_in_brackets_is_no_signature() -> None:
    said = "Researchers talk about this (talk) every day, and at 09:14 nobody listens."
    assert pages.paras(said)[0] in body(ARG[0], said, ARG[1])
