"""Chrome of court briefs, SEC filings, debate flow sheets, READMEs and docs pages, examiners'
reports, committee minutes and advice columns (tenth round, model/importer/filings.py and
data/chrome_cover, _minutes, _attendance.txt), and the PDF reader's paragraph joining.

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The lines here are invented in each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.filings import is_filing_line, strip_footer
from storage.articles import _join_pdf_lines
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:4]
TITLE = pages.TITLE
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


# One line each, by its own words ---------------------------------------------------------------

LINES = {
    "brief": [
        "SECOND APPELLATE DISTRICT · No. B-331207",
        "On appeal from the District Court for the Northern District, Case No. 4:25-cv-0912, "
        "Hon. Ada Kline",
        "Counsel for amicus curiae · Bar No. 220918 · jroe@firm.example",
        "CERTIFICATE OF COMPLIANCE: This brief contains 6,480 words and complies with the type-"
        "volume limit of Rule 29(a)(5).",
        "Certificate of service: I certify that this brief was served on all parties by the "
        "electronic filing system.",
    ],
    "filing": [
        "UNITED STATES SECURITIES AND EXCHANGE COMMISSION",
        "Washington, D.C. 20549",
        "FORM 10-Q",
        "QUARTERLY REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934",
        "For the quarterly period ended March 31, 2026",
        "Commission File Number 001-39921",
        "(I.R.S. Employer Identification No.)",
        "Halden Systems Inc. | 2025 Form 10-K | 47",
    ],
    "flow": [
        "Flow columns: 1AC · 1NC · 2AC · 2NC/1NR · 1AR · 2NR · 2AR",
        "PMC | LOC | MG | MO | LOR | PMR",
    ],
    "readme": [
        "Code: MIT. Documentation: CC BY-SA 4.0.",
        "Released under the Apache License 2.0. Model outputs are not redistributable.",
        "Bugs and feature requests: please open an issue on the tracker.",
        "Was this page helpful? Yes · No",
        "[](https://ci.example/build) [](LICENSE) [](https://doi.example/10.1/x)",
    ],
    "exam": [
        "Band 3 (9-12 marks) · Band 2 (5-8 marks) · Band 1 (1-4 marks)",
        "The grade boundaries for this paper will be published on results day.",
    ],
    "minutes": [
        "SC 9 / WG 2 N0441",
        "Date of document: 2026-03-01 · Status: Draft minutes · Expected action: Comment",
        "Present: A. Ruiz (chair), B. Okafor, C. Lind, D. Moss",
        "Apologies: E. Grant, F. Hale",
        "Next meeting: 14 April 2026, 10:00 UTC, online.",
        "This document is a working document of the committee and has no official status.",
    ],
    "advice": [
        "Write to Priya at help@paper.example. We may edit letters for length. Priya regrets she "
        "cannot reply personally.",
    ],
}
FURNITURE = [line for group in LINES.values() for line in group]

# Body sentences that use the same words ------------------------------------------------------

PROSE = [
    "On appeal from the lower court, the judges held that a forecast about models is an opinion.",
    "Counsel for the appellants argued that the company's forecast was a statement of fact.",
    "The certificate of compliance matters less than the brief's claim that scaling will stall.",
    "The company's annual report on Form 10-K warns that demand for training compute may fall.",
    "The Securities and Exchange Commission has not ruled on whether such forecasts mislead.",
    "The 1AC and the 2AC both dropped the 1NC's argument that high-quality data runs out.",
    "The weights are licensed under MIT terms, which lets anyone test the scaling claims.",
    "Questions about scaling remain open: the field has not settled whether curves will bend.",
    "Was this page of results ever replicated? Nobody has checked the benchmark scores twice.",
    "Candidates at level 4 argued that scaling alone cannot give general reasoning ability.",
    "Grade boundaries aside, the best scripts took a side on scaling and defended it well.",
    "Present models fail at planning, and no member of the working group disputed that point.",
    "The next meeting of the lab's board will decide whether to train a model ten times larger.",
    "This document argues that scaling is necessary but not sufficient for general intelligence.",
    "Write to your representative if you think the labs' forecasts need public scrutiny.",
    "We may shorten our timelines if the benchmarks keep falling at this pace.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_filing_line_goes(line: str) -> None:
    assert is_filing_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_the_filings_words_stays(line: str) -> None:
    assert not is_filing_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


# Neighbours and position ---------------------------------------------------------------------


def test_the_registrants_name_over_its_cover_caption_goes() -> None:
    cover = (
        "FORM 10-K\nHALDEN SYSTEMS, INC.\n(Exact name of registrant as specified in its charter)"
    )
    assert body(cover, ARG[0], ARG[1]) == want(ARG[0], ARG[1])


def test_a_heading_over_the_caption_is_not_taken_for_a_registrant() -> None:
    """Only a name in capitals or with its legal form is the registrant's."""
    part = "Why the curves held\n(Exact name of registrant as specified in its charter)"
    assert body(ARG[0], part, ARG[1]) == want(ARG[0], "Why the curves held", ARG[1])


def test_a_briefs_signature_block_goes_and_its_conclusion_stays() -> None:
    sig = "Respectfully submitted,\nJane Q. Roe\nCounsel for Amici Curiae"
    assert body(ARG[0], ARG[1], sig) == want(ARG[0], ARG[1])
    after = "Respectfully submitted,\nWhy the curves held"  # a heading is no signer
    assert body(ARG[0], after, ARG[1]) == want(ARG[0], "Why the curves held", ARG[1])


def test_an_advice_columns_question_heading_goes_with_its_submission_box() -> None:
    box = "Need advice?\nWrite to Priya at help@paper.example. Letters may be edited."
    assert body(ARG[0], ARG[1], box) == want(ARG[0], ARG[1])
    assert body(ARG[0], "Need advice?", ARG[1]) == want(ARG[0], "Need advice?", ARG[1])


def test_a_page_stamp_glued_after_the_last_sentence_is_cut_off() -> None:
    glued = ARG[1] + " WG 2 N0441 · page 4 of 4"
    assert strip_footer(glued) == ARG[1]
    assert body(ARG[0], glued, ARG[2]) == want(ARG[0], ARG[1], ARG[2])
    kept = "Models scale · so do costs. Prices fell | then rose"  # no page stamp: stays
    assert strip_footer(kept) == kept


def test_a_pdf_heading_and_a_run_in_certificate_start_their_own_paragraphs() -> None:
    raw = (
        "Counsel for amici curiae, 12 Quay Street, Port Alder, telephone 555 0100 and the\n"
        "II. Summary of argument\n"
        "Counsel of record for amici curiae · Bar No. 301100 and a long closing line here\n"
        "CERTIFICATE OF SERVICE: I certify that this brief was served on all counsel."
    )
    assert _join_pdf_lines(raw).split("\n") == [
        "Counsel for amici curiae, 12 Quay Street, Port Alder, telephone 555 0100 and the",
        "II. Summary of argument",
        "Counsel of record for amici curiae · Bar No. 301100 and a long closing line here",
        "CERTIFICATE OF SERVICE: I certify that this brief was served on all counsel.",
    ]
    prose = "A line broken at the page width that is longer than fifty characters\nso it joins."
    assert _join_pdf_lines(prose).count("\n") == 0


# Properties ----------------------------------------------------------------------------------


(
    test_a_body_without_these_furnishings_never_changes,
    test_these_furnishings_anywhere_among_body_paragraphs_never_change_the_body,
) = pages.body_properties(PROSE, HEADINGS, FURNITURE)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["appeal", "from", "court", "counsel", "for", "amici", "certificate", "of", "service",
             "form", "10-K", "commission", "1AC", "2NR", "licence", "MIT", "questions", "issue",
             "level", "marks", "grade", "boundaries", "present", "meeting", "minutes", "write",
             "to", "letters", "the", "model", "scaling", "data", "2026", "page"]
        ),
        min_size=6,
        max_size=25,
    ),
    st.sampled_from([".", "!", "?"]),
)  # fmt: skip
def test_one_argued_sentence_made_of_these_words_is_never_furniture(words, end) -> None:
    line = "Critics argue that " + " ".join(words) + end
    assert not is_filing_line(line)
