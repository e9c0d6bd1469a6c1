"""Chrome of RFC-style memos, mailing-list digests, funders' panel summaries, public-hearing
transcripts and policy papers (twelfth round, model/importer/memos.py, data/chrome_digest.txt and
the labels added to data/chrome_heads.txt), and the PDF reader's running heads.

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The lines here are invented in each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.memos import find_memo_chrome, is_memo_line
from storage.articles import _drop_running_lines
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:4]
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


def _notice(line: str) -> bool:
    """Whether the line, standing alone between two blank lines, is one of the notices."""
    lines = ["", line, ""]
    chrome: set[int] = set()
    find_memo_chrome(lines, [1], chrome)
    return chrome == {1}


# One line each, by its own words ---------------------------------------------------------------

LINES = {
    "contents": [
        "3.2. Method of measurement ............................ 7",
        "Appendix A. A worked example . . . . . . . . . . . . . 14",
        "Preface ........ iv",
    ],
    "digest": [
        "Send AI-Futures mailing list submissions to",
        "To subscribe or unsubscribe via the World Wide Web, visit",
        "or, via email, send a message with subject or body 'help' to "
        "ai-futures-request@lists.example.org",
        "You can reach the person managing the list at ai-futures-owner@lists.example.org",
        "When replying, please edit your Subject line so it is more specific",
        'than "Re: Contents of AI-Futures digest..."',
        "Today's Topics:",
        "Content-Type: text/plain; charset=us-ascii",
        "Content-Transfer-Encoding: quoted-printable",
        "MIME-Version: 1.0",
    ],
    "panel": [
        "Strictly confidential to the principal investigator",
        "Confidential for the applicant and the research office",
    ],
    "hearing": [
        "Transcribed by Northgate Court Reporting, Inc.",
        "Reported by: Lakeside Stenographic Services",
        "Transcript prepared by Fenmore Verbatim Reporting Ltd",
    ],
    "series": [
        "Working Paper No. 12",
        "Discussion Paper 2026/07 · Centre for Compute Policy",
        "Halvern Trust · Briefing Note No. 4 · The Price of the Next Run",
    ],
    "backlist": [
        "Also by the author: Counting Minds (paperback) · The Slow Machine (ebook)",
        "Also from Quarry Lane Books: Steep Curves; The Last Benchmark; Small Models",
    ],
}
LINE_FURNITURE = [line for group in LINES.values() for line in group]

# A panel summary's notices, read as sentences (the rule that reads wrapped lines).
NOTICES = [
    "Call 7 statistics: 212 proposals received; 31 funded.",
    "Panel chair: Dr Amara Quist. Panel secretary: J. Holloway.",
    "Convenor: Professor Lena Marsh-Obi",
    "This feedback is provided in accordance with the agency's Code of Conduct for Reviewers.",
    "The principal investigator may request a debrief within 14 days of the decision.",
    "Funding decisions are final and there is no right of appeal against a panel decision.",
    "Registered office: 12 Mill Lane, Norbridge. Registered in England and Wales No. 0123456.",
    "The Agency is a non-departmental public body. Registered charity no. 1100456.",
]
FURNITURE = LINE_FURNITURE + NOTICES

# Body sentences that use the same words ------------------------------------------------------

PROSE = [
    "The status of this memo matters less than its argument that scaling has not yet stalled.",
    "A digest of the week's papers suggests that the largest models still improve on every test.",
    "The panel concluded that scaling alone will not produce general intelligence within a decade.",
    "Projects that were funded last year bet on larger models, and most have not paid off.",
    "The applicant argued that a bigger cluster is the surest route to general intelligence.",
    "Today's topics in the field are data limits and power, not whether scaling works.",
    "Send more compute, the labs say, and the models will keep improving for years.",
    "A mailing list can host as good an argument about scaling as any journal does.",
    "Panel chair Amara Quist said the evidence for scaling was strong but not decisive.",
    "Applicants may request more compute, but the council doubts that scale alone delivers AGI.",
    "There is no appeal against the scaling laws, the optimists say, only against our patience.",
    "The city of Norbridge is building a data centre that would draw a gigawatt for training.",
    "Prepared by hand, the first benchmarks were small, unlike the sets that labs now train on.",
    "Working papers from the lab argue that scaling will continue for two more generations.",
    "The registered office of a lab says little about where its models are trained.",
    "The lab is a registered charity, yet it trains models as large as any company's.",
    "Confidential to a fault, the labs publish little about their largest training runs.",
    "Authors' addresses aside, the memo's claim that scale suffices is argued with care.",
    "The decision is final, the critics say: no amount of compute will buy understanding.",
    "Round after round of applications bet on scale, and 9 of 61 were funded last year.",
    "Also from the lab: a claim that a model ten times larger will reason like a person.",
]


@pytest.mark.parametrize("line", LINE_FURNITURE)
def test_a_memo_line_goes(line: str) -> None:
    assert is_memo_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", NOTICES)
def test_a_panel_notice_goes_wherever_it_stands(line: str) -> None:
    assert _notice(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])
    assert body(ARG[0], ARG[1], line) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_the_memo_words_stays(line: str) -> None:
    assert not is_memo_line(line)
    assert not _notice(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


# RFC-style memos -----------------------------------------------------------------------------

MEMO = """\
Frontier Evaluation Group                                        A. Roe
Request for Comments: 9999                              Norbridge Labs
Category: Experimental                                         B. Lind
ISSN: 2070-1721                                           Independent
                                                            March 2027

              On Reporting Compute in Claims About Scaling

Abstract

   {a0}

Status of This Memo

   This document is not an Internet Standards Track specification; it
   is published for examination, experimental implementation, and
   evaluation.

   Information about the current status of this document may be
   obtained from the group's archive.

Copyright Notice

   Copyright (c) 2027 the persons identified as the document authors.
   All rights reserved.

Table of Contents

   1. Introduction ........................................2
   2. What to report ......................................3
   3. Authors' Addresses ..................................4

1. Introduction

   {a1}

2. What to report

   {a2}

3. Authors' Addresses

   Alan Roe
   Norbridge Labs
   Email: roe@norbridge.example

   Britt Lind
   Email: lind@example.org
"""


def test_an_rfc_memos_header_boilerplate_contents_and_addresses_go() -> None:
    page = clean_text(MEMO.format(a0=ARG[0], a1=ARG[1], a2=ARG[2]))
    assert page.title == "On Reporting Compute in Claims About Scaling"
    got = pages.paras(page.text)
    assert got == want("Abstract", ARG[0], "1. Introduction", ARG[1], "2. What to report", ARG[2])


def test_an_rfc_section_on_status_keeps_the_next_sections_argument() -> None:
    """The boilerplate section ends at the next heading; an unindented text works the same."""
    text = (
        f"{pages.TITLE}\n\nStatus of This Memo\n\nThis memo is for information only. Its "
        f"distribution is unlimited.\n\nThe argument\n\n{ARG[0]}\n\n{ARG[1]}\n"
    )
    assert pages.paras(clean_text(text).text) == want("The argument", ARG[0], ARG[1])


def test_a_header_with_one_rfc_label_and_a_contents_heading_over_prose_stay() -> None:
    text = f"{pages.TITLE}\nUpdates: the case for scaling, revisited\n\n{ARG[0]}\n\n{ARG[1]}\n"
    page = clean_text(text)
    assert page.title == pages.TITLE
    assert pages.paras(page.text) == want(
        "Updates: the case for scaling, revisited", ARG[0], ARG[1]
    )
    contents = "Table of Contents"  # over prose, not over entries with dot leaders
    assert body(ARG[0], contents, ARG[1]) == want(ARG[0], contents, ARG[1])


def test_an_addresses_heading_over_prose_stays() -> None:
    heading = "Authors' Addresses"
    assert body(ARG[0], ARG[1], heading, ARG[2]) == want(ARG[0], ARG[1], heading, ARG[2])


# Mailing-list digests ------------------------------------------------------------------------


def test_a_digests_topics_counters_and_footer_go() -> None:
    text = (
        "AI-Futures Digest, Vol 12, Issue 3\n\n"
        "Today's Topics:\n\n"
        "   1. Is bigger still better? (A. Roe)\n"
        "   2. Re: Is bigger still better? (B. Lind)\n\n"
        "----------------------------------------------------------------------\n\n"
        "Message: 1\n"
        "Date: Mon, 1 Mar 2027 10:00:00 +0000\n"
        "From: A. Roe <roe@norbridge.example>\n"
        "Subject: Is bigger still better?\n\n"
        f"{ARG[0]}\n\n{ARG[1]}\n\n"
        "------------------------------\n\n"
        "Message: 2\n"
        "Date: Mon, 1 Mar 2027 12:00:00 +0000\n"
        "From: B. Lind <lind@example.org>\n"
        "Subject: Re: Is bigger still better?\n\n"
        f"{ARG[2]}\n\n"
        "------------------------------\n\n"
        "Subject: Digest Footer\n\n"
        "_______________________________________________\n"
        "AI-Futures mailing list\n"
        "ai-futures@lists.example.org\n\n"
        "Be civil; stay on topic; no attachments.\n\n"
        "------------------------------\n\n"
        "End of AI-Futures Digest, Vol 12, Issue 3\n"
    )
    assert pages.paras(clean_text(text).text) == want(ARG[0], ARG[1], ARG[2])


def test_a_lists_footer_under_a_post_goes() -> None:
    """Mailman's message footer: the rule of underscores, "<List> mailing list", its address and
    its listinfo page."""
    footer = (
        "_______________________________________________\n"
        "AI-Futures mailing list\n"
        "ai-futures@lists.example.org\n"
        "https://lists.example.org/mailman/listinfo/ai-futures"
    )
    assert body(ARG[0], ARG[1], footer) == want(ARG[0], ARG[1])
    # Between two posts (each mail carries the footer), with or without the rule over it.
    assert body(ARG[0], footer, ARG[1], ARG[2]) == want(ARG[0], ARG[1], ARG[2])
    bare = "AI-Futures mailing list\nai-futures@lists.example.org"
    assert body(ARG[0], bare, ARG[1], ARG[2]) == want(ARG[0], ARG[1], ARG[2])


def test_a_messages_counter_over_its_mail_headers_goes() -> None:
    block = (
        "Message: 7\nDate: Tue, 2 Mar 2027 09:30:00 +0000\nFrom: C. Moss <moss@example.org>\n"
        "Subject: Re: Is bigger still better?"
    )
    assert body(ARG[0], ARG[1], block, ARG[2]) == want(ARG[0], ARG[1], ARG[2])


def test_a_counter_without_mail_headers_and_a_list_name_alone_stay() -> None:
    counter = "Message: 3"
    assert body(ARG[0], counter, ARG[1]) == want(ARG[0], counter, ARG[1])
    name = "The AI-Futures mailing list"
    assert body(ARG[0], name, ARG[1]) == want(ARG[0], name, ARG[1])


def test_a_numbered_list_of_subjects_without_the_topics_heading_stays() -> None:
    items = "1. Compute keeps buying capability (the optimists)\n2. It will not (the sceptics)"
    assert body(ARG[0], items, ARG[1]) == want(ARG[0], items, ARG[1])


# Panel summaries -----------------------------------------------------------------------------


def test_a_panel_summarys_head_fields_and_wrapped_foot_notice_go() -> None:
    head = (
        "Proposal reference: AB-27-0042\n"
        "Scheme: Open Horizons, Call 7\n"
        "Outcome: Not fundable\n"
        "Strictly confidential to the principal investigator"
    )
    foot = (
        "Call 7 statistics: 212 proposals received; 31 funded.\n"
        "This feedback is provided in accordance with the agency's Code of\n"
        "Conduct for Reviewers. The principal investigator may request a\n"
        "debrief within 14 days of the decision. Funding decisions are final.\n"
        "The Agency is a non-departmental public body. Registered office:\n"
        "12 Mill Lane, Norbridge."
    )
    assert body(head, ARG[0], ARG[1], foot) == want(ARG[0], ARG[1])


def test_a_wrapped_paragraph_with_one_argued_sentence_keeps_its_lines() -> None:
    para = (
        "Funding decisions are final. The panel thought that scaling\n"
        "alone will not reach general intelligence within a decade."
    )
    assert body(ARG[0], ARG[1], para) == want(ARG[0], ARG[1], para)
    status = "The Agency is a non-departmental public body."
    assert body(ARG[0], ARG[1], status) == want(ARG[0], ARG[1], status)


# Public-hearing transcripts ------------------------------------------------------------------


def test_a_hearings_caption_goes() -> None:
    caption = (
        "CITY OF NORBRIDGE\nPLANNING COMMISSION\nPUBLIC HEARING\n\n"
        "Applicant: Larkfield Data Centres Ltd\nSite: 40 Quarry Road\n"
        "Held at: Council Chamber, Town Hall\n\n"
        "Transcribed by Northgate Court Reporting, Inc."
    )
    assert body(caption, ARG[0], ARG[1]) == want(ARG[0], ARG[1])


def test_a_municipality_without_a_hearing_title_stays() -> None:
    text = f"CITY OF NORBRIDGE\n\n{ARG[0]}\n\n{ARG[1]}\n"
    page = clean_text(text)
    assert "CITY OF NORBRIDGE" in (page.title, *pages.paras(page.text))


# Reading group guides -----------------------------------------------------------------------

QUESTIONS = (
    "1. Does the author's trend deserve the respect we give a law of physics? Why or why not?\n"
    "2. If a model passes a test once said to need intelligence, what has it shown?\n"
    "3. Should a critic's failed forecasts count against the critic's next argument?"
)


def test_a_short_bio_between_sections_goes_and_the_questions_after_it_stay() -> None:
    bio = "About the author\n\nA. Roe is a science writer. The Long Curve is her second book."
    got = body(ARG[0], ARG[1], ARG[2], bio, "Questions for discussion", QUESTIONS)
    assert got == want(ARG[0], ARG[1], ARG[2], "Questions for discussion", QUESTIONS)


def test_a_bio_at_the_end_still_closes_the_article() -> None:
    bio = "About the author\n\nA. Roe is a science writer. The Long Curve is her second book."
    assert body(ARG[0], ARG[1], ARG[2], bio) == want(ARG[0], ARG[1], ARG[2])
    # A later section of links, not of prose, is the page's tail too.
    links = "More guides\n\nSteep Curves\nThe Last Benchmark"
    assert body(ARG[0], ARG[1], ARG[2], bio, links) == want(ARG[0], ARG[1], ARG[2])


# PDF running heads ---------------------------------------------------------------------------


def test_a_pdf_running_head_with_separators_and_a_number_goes() -> None:
    first = "Halvern Trust for Public Policy\nBriefing Note No. 4\nThe Price of the Next Run\n"
    first += ARG[0]
    later = "Halvern Trust · Briefing Note No. 4 · The Next Run\n" + ARG[1]
    out = _drop_running_lines([first, later])
    assert out[1] == ARG[1]
    argued = "The next run will cost the trust more than it can pay."  # a sentence, not a head
    assert _drop_running_lines([first, argued + "\n" + ARG[1]])[1].startswith(argued)


# Properties ----------------------------------------------------------------------------------


(
    test_a_body_without_these_furnishings_never_changes,
    test_these_furnishings_anywhere_among_body_paragraphs_never_change_the_body,
) = pages.body_properties(PROSE, HEADINGS, FURNITURE)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["status", "of", "this", "memo", "digest", "mailing", "list", "topics", "message",
             "panel", "chair", "funded", "applicant", "applicants", "request", "within", "days",
             "appeal", "decision", "final", "registered", "office", "confidential", "to",
             "hearing", "township", "prepared", "by", "transcription", "services", "paper",
             "no.", "working", "contents", "the", "model", "scaling", "data", "2026"]
        ),
        min_size=6,
        max_size=25,
    ),
    st.sampled_from([".", "!", "?"]),
)  # fmt: skip
def test_one_argued_sentence_made_of_these_words_is_never_furniture(words, end) -> None:
    line = "Critics argue that " + " ".join(words) + end
    assert not is_memo_line(line)
    assert not _notice(line)
