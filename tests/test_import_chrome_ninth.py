"""Chrome of research notes, parish magazines, union bulletins, arbitral awards, chat exports and
translated articles (ninth round, model/importer/notices.py and data/chrome_notices,
_disclosures, _caption, _chat_system.txt).

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The lines here are invented in each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.notices import is_notice_line, strip_notes
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:4]
TITLE = pages.TITLE
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


# One line each, by its own words ---------------------------------------------------------------

LINES = {
    "research": [
        "Rating definitions: Buy, Hold, Sell. Targets reflect a 12-month view.",
        "Distribution of ratings: Buy 55%, Hold 35%, Sell 10%.",
        "Each analyst named on the cover certifies that the views expressed in this report "
        "accurately reflect their personal views.",
    ],
    "newsletter": [
        "Quarterly newsletter of the Friends of Hollin Park",
        "Inside this issue: Editor's letter (p.2) · Walks (p.5) · Diary (p.8)",
        "9.30 am Morning Prayer | 11.00 am Sung Eucharist | 5.30 pm Compline",
        "Copy deadline for the spring issue: Monday 2 March, to the editor.",
        "Opinions expressed in this newsletter are those of the contributors and not necessarily "
        "those of the committee.",
        "The Friends of Hollin Park is a registered charity, no. 1045321.",
    ],
    "union": [
        "MEMBERS ONLY - not for circulation outside the branch",
        "Annual General Meeting: Tuesday 4 May, 7.30 pm, Unity Hall, upstairs.",
        "Your stewards: Ama Osei (night shift) ext. 2231 · Piotr Nowak (depot) ext. 2290",
        "Branch secretary: Lena Holm, 0161 496 0777, secretary@branch.example",
        "Not yet a member? Join today at union.example/join, from £9 a month.",
        "Printed and published by the Eastern Branch, 3 Quay Street, Portley.",
        "The Riverside Workers' Union is an independent trade union, certificate no. 402.",
    ],
    "award": [
        "Case No. LCA/25/882",
        "Claim number: HC-2026-000114",
        "Seat of the arbitration: Geneva",
        "Governing law: England and Wales",
        "Signed: Mr Justice Amos Tell, Presiding Arbitrator",
        "This decision is strictly confidential and may not be disclosed to third parties.",
    ],
    "chat": [
        "[12-Jan-26 10:02 AM] Sam (they/them)",
        "[2026-01-12 22:15] Rowan (he/him)",
        "pinned a message to this channel.",
        "orbit.bot joined the server.",
        "Congrats @pell, you just reached level 7!",
    ],
    "translation": [
        "Translated from the German by Ute Falk · First published in Die Woche, 3 May 2026 · 4 min read",
        "This essay is reproduced with the kind permission of its publisher. Our translations are "
        "reviewed by two editors.",
    ],
}
FURNITURE = [line for group in LINES.values() for line in group]

# Body sentences that use the same words ------------------------------------------------------

PROSE = [
    "Investors should note that the ratings agencies have not priced in a slowdown in scaling.",
    "The research group certifies nothing: it publishes the curve and lets readers judge it.",
    "The monthly magazine of a large lab published its benchmark results, and critics were not "
    "impressed.",
    "In this issue of the debate, the crucial question is whether data runs out before compute.",
    "At the meeting in March the company argued that models would handle every query by 2028.",
    "Our reps told the company that a forecast is not a staffing plan, and we repeat that here.",
    "Join us in asking for the evidence behind the planning assumption before any role is cut.",
    "The union is an independent voice on automation, and it has asked for the survey data.",
    "Printed benchmarks are only part of the story, because models are trained toward them.",
    "The tribunal found that the milestone had not been met, and the claim was dismissed.",
    "Signed contracts pay for performance achieved, not for performance forecast.",
    "This report is confidential about nothing: the compute figures come from public sources.",
    "Someone pinned the blame on scaling, but the efficiency gains came from new ideas.",
    "The views of the labs are not necessarily those of the researchers who build the models.",
    "Translated into plain terms, the claim is that loss keeps falling as compute grows.",
    "The service runs at 10.00 am every day, and the model answers most queries correctly.",
    "At the staff meeting: nobody could say what the new model would cost to run each year.",
    "Our reps: the company has not shown the evidence behind its forecast, and we want it.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_notice_goes(line: str) -> None:
    assert is_notice_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_the_notices_words_stays(line: str) -> None:
    assert not is_notice_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


# Blocks and inline notes ---------------------------------------------------------------------


def test_a_notices_heading_in_capitals_and_its_short_lines_go() -> None:
    block = "VILLAGE NOTICES\nJumble sale on Saturday in the hall.\nThe choir meets on Thursdays."
    assert body(ARG[0], ARG[1], block, ARG[2]) == want(ARG[0], ARG[1], ARG[2])


def test_a_notices_word_as_a_prose_heading_keeps_what_follows() -> None:
    """A heading in sentence case, or a heading over a long paragraph, is the article's own."""
    assert body(ARG[0], "Announcements\n" + ARG[1], ARG[2]) == want(
        ARG[0], "Announcements", ARG[1], ARG[2]
    )
    assert body(ARG[0], "ANNOUNCEMENTS\n" + ARG[1], ARG[2]) == want(
        ARG[0], "ANNOUNCEMENTS", ARG[1], ARG[2]
    )


def test_a_research_notes_disclosure_appendix_goes() -> None:
    tail = (
        "Important disclosures\nThe firm may have a conflict of interest that could affect "
        "this research.\nThe firm seeks to do business with the companies it covers."
    )
    assert body(ARG[0], ARG[1], ARG[2], tail) == want(ARG[0], ARG[1], ARG[2])


def test_a_disclosure_heading_over_argued_text_stays() -> None:
    """ "Disclosures" as a heading of an essay's own section (nothing certified, no conflict, no
    rating) keeps its section."""
    assert body(ARG[0], ARG[1], "Disclosures", ARG[2], ARG[3]) == want(
        ARG[0], ARG[1], "Disclosures", ARG[2], ARG[3]
    )


def test_a_translators_note_is_cut_from_its_paragraph() -> None:
    note = " [Translator's note: the author means the national grid.]"
    assert body(ARG[0], ARG[1] + note, ARG[2]) == want(ARG[0], ARG[1], ARG[2])
    assert strip_notes("The note [1] stays.") == "The note [1] stays."
    assert strip_notes("A bracketed [note: the author's own] stays.") == (
        "A bracketed [note: the author's own] stays."
    )


# Properties ----------------------------------------------------------------------------------


(
    test_a_body_without_these_notices_never_changes,
    test_these_notices_anywhere_in_any_article_never_change_its_body,
) = pages.body_properties(PROSE, HEADINGS, FURNITURE)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["members", "only", "join", "meeting", "reps", "signed", "case", "no", "seat",
             "confidential", "translated", "by", "published", "ratings", "certifies", "views",
             "notices", "services", "the", "model", "scaling", "data", "level", "pinned", "union",
             "charity", "deadline", "printed", "award", "2026", "10.00", "am"]
        ),
        min_size=6,
        max_size=25,
    ),
    st.sampled_from([".", "!", "?"]),
)  # fmt: skip
def test_one_argued_sentence_made_of_these_words_is_never_a_notice(words, end) -> None:
    line = "Critics argue that " + " ".join(words) + end
    assert not is_notice_line(line)


def test_a_dated_notice_is_no_dateline_for_the_lines_above_it() -> None:
    """A notice under a short first paragraph once made that paragraph the page's "masthead":
    the notice's date was read as the head's dateline (found by hypothesis in the property
    above)."""
    first = "Signed contracts pay for performance achieved, not for performance forecast."
    notice = "Annual General Meeting: Tuesday 4 May, 7.30 pm, Unity Hall, upstairs."
    assert body(first, notice, ARG[0]) == want(first, ARG[0])
