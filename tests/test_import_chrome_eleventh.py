"""Chrome of deposition transcripts, patent publications, defence transcripts and memos, written
parliamentary answers, petition pages, job postings, obituary pages and textbook boxes (eleventh
round, model/importer/paperwork.py and data/chrome_heads, _postings, _apparatus.txt), and the
PDF reader's paragraph joining.

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The lines here are invented in each format's usual wording, not taken from the set.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.paperwork import (
    is_paperwork_line,
    is_self_note,
    strip_line_numbers,
    strip_paragraph_number,
)
from storage.articles import _join_pdf_lines
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:4]
TITLE = pages.TITLE
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


# One line each, by its own words ---------------------------------------------------------------

LINES = {
    "deposition": [
        "REMOTE VIDEOTAPED DEPOSITION OF ALAN R. SMITHEE, M.D.",
        "Job No. 4410932",
        "Reporter's Job No. 26-1187 · Pages 1 - 212",
        "CONFIDENTIAL - ATTORNEYS' EYES ONLY",
        "CROSS-EXAMINATION",
        "BY MS. OKONJO (Counsel for Plaintiff):",
    ],
    "patent": [
        "Sheet 2 of 9",
        "FIG. 4 (training pipeline) omitted from this rendering",
    ],
    "answers": [
        "Question for the Department for Energy Security",
        "Asked by Mr Tom Reyes (Member for Eastleigh)",
        "Answered by the Parliamentary Under-Secretary of State (Lord Vale)",
        "Answered on 3 March 2026",
        "UIN 2231, tabled on 24 February 2026",
        "Grouped questions: UIN 2230, 2232",
        "Search answers | Advanced search | Help using this service",
        "Open Government Licence v3.0",
    ],
    "petition": [
        "At 10,000 signatures, government will respond to this petition",
        "Parliament considers all petitions that get more than 100,000 signatures for a debate",
        "Share this petition",
        "Report this petition",
    ],
    "job": [
        "Apply now",
        "Apply for this job",
        "Submit your application",
        "Please upload your résumé and a cover letter.",
        "Halden Labs is an equal opportunity employer. All qualified applicants will receive "
        "consideration for employment without regard to race, color, religion, sex or national "
        "origin. Reasonable accommodations are available on request.",
    ],
    "obituary": [
        "Comments have been disabled on this article. Find out why",
        "Sign the guest book",
        "Send flowers",
        "Plant a tree in her memory",
        "Did you know him? Share your memories",
    ],
    "memo": [
        "Approved by: ____________ (Head of Underwriting)",
        "Enclosures: 1. Budget · 2. Letters of support",
        "Strictly confidential · not for distribution",
        "Revisions due: 30 June 2026. Please submit via the examinations office portal.",
    ],
}
FURNITURE = [line for group in LINES.values() for line in group]

# Notes a document makes about itself: they go at its head or foot.
NOTES = [
    "Answers to even-numbered problems are at the back of the book. Instructors can access the "
    "solutions manual online.",
    "Transcript machine-generated and checked by the faculty office. Minor disfluencies removed.",
    "This document may not be quoted without the author's permission.",
    "The answers database covers questions tabled since 2010. Answers are published as supplied "
    "by departments.",
]

# Body sentences that use the same words ------------------------------------------------------

PROSE = [
    "Asked by reporters whether scaling would continue, the minister said the curves had not bent.",
    "The court in the Northern District of California has not ruled on whether forecasts mislead.",
    "Answered on its own terms, the question of whether scale suffices remains open.",
    "Job numbers in the industry will grow if scaling continues, the union argues.",
    "Sheet after sheet of benchmark results shows the same trend, year after year, at every lab.",
    "Applicants for the fellowship argued that scaling alone cannot produce general intelligence soon.",
    "The lab says it is an equal partner in the consortium that tests these models.",
    "Comments are closed to new ideas in parts of the field, critics say.",
    "Sign this petition, the campaigners say, and the labs will have to listen.",
    "At 100,000 signatures the petition would still be a small share of voters, so it proves little.",
    "Confidential sources say the lab's next model is ten times larger than anything it has trained.",
    "Question for the department: will it fund a larger cluster if the curves keep bending?",
    "Open source licence terms matter less than compute when a lab decides what to train next.",
    "The transcript of the hearing shows the witness conceded that benchmarks saturate quickly.",
    "Upload speeds, not model size, limited the first experiments with distributed training runs.",
    "Critics say this report is not for the faint-hearted, since it predicts AGI by 2030.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_a_paperwork_line_goes(line: str) -> None:
    assert is_paperwork_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE)
def test_a_sentence_that_uses_the_paperwork_words_stays(line: str) -> None:
    assert not is_paperwork_line(line)
    assert not is_self_note(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


@pytest.mark.parametrize("note", NOTES)
def test_a_note_about_the_document_goes_at_its_head_or_foot_and_stays_between(note: str) -> None:
    assert is_self_note(note)
    assert body(ARG[0], ARG[1], note) == want(ARG[0], ARG[1])
    assert body(note, ARG[0], ARG[1]) == want(ARG[0], ARG[1])
    assert body(ARG[0], note, ARG[1]) == want(ARG[0], note, ARG[1])


# Neighbours and position ---------------------------------------------------------------------


def test_a_head_block_of_fields_goes_with_the_banner_over_it() -> None:
    """Even when one row is as long as a paragraph and closes like one (the examiners' list); the
    banner goes as a heading over chrome."""
    head = (
        "Viva Voce Examination — Record of Proceedings\n"
        "Candidate: A. Roe\n"
        "Examiners: Prof. B. Lind (chair); Dr C. Moss; Prof. D. Ruiz; Dr E. Grant (external)\n"
        "Room: 4, Senate House · Recording ref. VV-2026-031"
    )
    assert body(head, ARG[0], ARG[1]) == want(ARG[0], ARG[1])


def test_a_foot_block_of_fields_goes() -> None:
    foot = "Prepared by: A. Roe · Status: final\nReviewed by: B. Lind"
    assert body(ARG[0], ARG[1], foot) == want(ARG[0], ARG[1])


def test_fields_without_a_documents_labels_or_alone_stay() -> None:
    """Two rows with labels no document prints ("Claim:", "Evidence:"), or one field row alone,
    are no block."""
    rows = "Claim: compute keeps buying capability\nEvidence: the loss curves since 2020"
    assert body(rows, ARG[0]) == want(rows, ARG[0])
    one = "Venue: Room 4, Senate House"
    assert body(one, ARG[0]) == want(one, ARG[0])


CAPTION = (
    "UNITED STATES DISTRICT COURT\n"
    "SOUTHERN DISTRICT OF NEW YORK\n"
    "IN RE ACME AI SECURITIES LITIGATION    )\n"
    "_______________________________________)   Case No. 1:26-cv-01234\n"
    "This Document Relates To: All Actions  )"
)


def test_a_written_answers_heading_is_its_title_and_the_masthead_over_the_menus_is_not() -> None:
    """Once the answer's header lines are chrome, the page head is the masthead, the site's menus
    and the heading: the heading is the title, the masthead set apart by the menus is chrome."""
    text = (
        "Skip to main content\nWestmarch Assembly\nHome › Business › Written questions\nSearch questions | Advanced "
        "search\n\nArtificial Intelligence: Compute\n\nQuestion for the Department for Energy "
        "Security\nUIN 2231, tabled on 24 February 2026\nAsked by Mr Tom Reyes (Member for "
        f"Eastleigh)\n\n{ARG[0]}\n\n{ARG[1]}\n"
    )
    page = clean_text(text)
    assert page.title == "Artificial Intelligence: Compute"
    assert pages.paras(page.text) == want(ARG[0], ARG[1])


def test_a_court_caption_and_a_depositions_title_page_go() -> None:
    title_page = "VIDEOTAPED DEPOSITION OF JANE Q. ROE\nNew York, New York"
    assert body(CAPTION, title_page, ARG[0], ARG[1]) == want(ARG[0], ARG[1])
    dated = title_page + "\nMonday, March 2, 2026"
    assert body(CAPTION, dated, ARG[0], ARG[1]) == want(ARG[0], ARG[1])


def test_a_court_line_without_a_caption_and_one_bracketed_line_stay() -> None:
    court = "SOUTHERN DISTRICT OF NEW YORK"
    assert body(court, ARG[0]) == want(court, ARG[0])
    lone = "Scale and its critics (a reply to the last issue)"
    assert body(ARG[0], lone, ARG[1]) == want(ARG[0], lone, ARG[1])


def test_a_patents_inid_fields_go_and_one_coded_line_stays() -> None:
    front = (
        "(19) United States\n(12) Patent Application Publication\n"
        "(54) SYSTEMS FOR TRAINING LARGE MODELS\n(71) Applicant: Acme Corp., Dover, DE (US)\n"
        "(21) Appl. No.: 17/000,111"
    )
    assert body(front, ARG[0], ARG[1]) == want(ARG[0], ARG[1])
    one = "(12) compute budgets, as listed in the appendix"
    assert body(ARG[0], one, ARG[1]) == want(ARG[0], one, ARG[1])


def test_a_patents_paragraph_numbers_are_cut_off() -> None:
    assert strip_paragraph_number("[0004] " + ARG[0]) == ARG[0]
    assert body("[0004] " + ARG[0], "[0005] " + ARG[1]) == want(ARG[0], ARG[1])
    kept = "[1] Kaplan et al. showed the loss falls as a power law."  # a reference, not a number
    assert strip_paragraph_number(kept) == kept


def test_a_footer_row_with_the_printers_address_on_each_page_goes() -> None:
    footer = "Acme Reporting · (212) 555-0100 · acmereporting.example"
    assert body(ARG[0], footer, ARG[1], footer, ARG[2]) == want(ARG[0], ARG[1], ARG[2])


def test_a_transcripts_line_numbers_are_cut_off_and_a_numbered_table_keeps_its_numbers() -> None:
    page = [
        "  1  BY MR. ROE:",
        "  2     Q. Did the curve bend?",
        "  3     A. Not on the benchmarks we ran.",
        "  4     Q. And on the others?",
        "  5     A. We did not run others.",
        "  6     THE WITNESS: That is all I can say.",
    ]
    assert strip_line_numbers(page) == [
        "  BY MR. ROE:",
        "  Q. Did the curve bend?",
        "  A. Not on the benchmarks we ran.",
        "  Q. And on the others?",
        "  A. We did not run others.",
        "  THE WITNESS: That is all I can say.",
    ]
    table = [f"{k}   Model {k}   {k * 10}B parameters" for k in range(1, 7)]
    assert strip_line_numbers(table) == table


def test_a_pdf_memos_rows_and_numbered_headings_keep_their_own_lines() -> None:
    raw = (
        "Emerging Risks Desk · Referral\n"
        "Referral no. 12 · Status: REFERRED TO\n"
        "SENIOR REVIEW\n"
        "Insured: Acme Ltd · Prepared by: A. Roe,\n"
        "Senior Underwriter · Date: 1 May 2026\n"
        "Referral Memorandum\n"
        "1. Request\n"
        "The broker asks us to lead a programme for a company that trains large models and sells\n"
        "access to them, and this memo refers the risk to the committee."
    )
    assert _join_pdf_lines(raw).split("\n") == [
        "Emerging Risks Desk · Referral",
        "Referral no. 12 · Status: REFERRED TO SENIOR REVIEW",
        "Insured: Acme Ltd · Prepared by: A. Roe, Senior Underwriter · Date: 1 May 2026",
        "Referral Memorandum",
        "1. Request",
        "The broker asks us to lead a programme for a company that trains large models and sells "
        "access to them, and this memo refers the risk to the committee.",
    ]
    glued = (
        "Prepared for the committee by the desk that referred the risk and with the broker's\n"
        "3. Where the evidence points\n"
        "We are not asked to decide whether machines will ever think, only how likely this is."
    )
    assert _join_pdf_lines(glued).split("\n")[1] == "3. Where the evidence points"
    wrapped = "Counsel at 4 Quay Row, Port Alder · Telephone (555)\n010-4471 · \nroe@firm.example"
    assert _join_pdf_lines(wrapped).count("\n") == 0  # a value wrapped mid-item rejoins


def test_a_search_row_read_as_markdown_goes() -> None:
    row = "Search answers | Advanced search | Help using this service"
    parts = [ARG[0], row, ARG[1]]
    assert pages.paras(pages.read_page("md", TITLE, parts).text) == want(ARG[0], ARG[1])


# Properties ----------------------------------------------------------------------------------


(
    test_a_body_without_these_furnishings_never_changes,
    test_these_furnishings_anywhere_among_body_paragraphs_never_change_the_body,
) = pages.body_properties(PROSE, HEADINGS, FURNITURE)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["deposition", "of", "court", "district", "job", "no.", "sheet", "fig.", "question",
             "for", "department", "asked", "by", "answered", "on", "UIN", "signatures",
             "petition", "apply", "application", "upload", "CV", "equal", "opportunity",
             "employer", "comments", "closed", "submit", "tribute", "confidential", "due",
             "transcript", "edited", "answers", "exercises", "companion", "website", "the",
             "model", "scaling", "data", "2026"]
        ),
        min_size=6,
        max_size=25,
    ),
    st.sampled_from([".", "!", "?"]),
)  # fmt: skip
def test_one_argued_sentence_made_of_these_words_is_never_furniture(words, end) -> None:
    line = "Critics argue that " + " ".join(words) + end
    assert not is_paperwork_line(line)
    assert not is_self_note(line)
