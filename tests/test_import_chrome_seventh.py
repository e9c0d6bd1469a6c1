"""Chrome of code-host issue pages, printed mail, broadcast transcripts, course handouts, letters
pages and application forms (seventh round, model/importer/templates.py and the "Seventh round"
lists of model/importer/data/).

The pages are in tests/fixtures/chrome (issue_timeline.txt, phone_in_show.txt,
lecture_notes.txt, readers_letters.txt, mail_print.txt, funding_form.txt, read by
test_import_chrome.py). Here: each kind goes, and the argued sentences that use its words stay;
the properties hold for any article.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.templates import is_template_line, is_timeline_line
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:3]  # argued paragraphs of our own
TITLE = pages.TITLE
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


# --- code-host timelines -------------------------------------------------------------------

TIMELINE = [
    "ana-k commented on Mar 3, 2026",
    "jsaarinen commented on Oct 31, 2026 Contributor",
    "okonkwo-rt commented on Nov 3, 2026 Member Author",
    "@lee-w lee-w added the needs-data question labels on Feb 2, 2026",
    "lee-w removed the wontfix label 3 days ago",
    "@mo mo closed this as completed on Sep 9, 2026",
    "mo closed this as not planned 2 weeks ago",
    "rk42 self-assigned this on Jan 5, 2026",
    "rk42 mentioned this issue on Jan 6, 2026",
    "rk42 changed the title Old title? A better title on Jan 7, 2026",
    "pat opened this issue on Apr 1, 2026 · 12 comments",
    "dana-m commented • edited",
    "dana-m reopened this",
]
PROSE_WITH_EVENTS = [
    "Sutton reviewed the evidence for that view in a long essay on March 3, 2019.",
    "The reviewers added the labels only after the results were in, which is why they mislead.",
    "Critics closed this question as settled too early, in my view.",
    "Marta commented that the curve had bent, but the next release straightened it again.",
    "Someone mentioned this issue in 2021 and nothing changed.",
    "Google merged DeepMind and Brain on April 20, 2023",
]


@pytest.mark.parametrize("line", TIMELINE)
def test_a_timeline_event_goes(line: str) -> None:
    assert is_timeline_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", PROSE_WITH_EVENTS)
def test_a_sentence_that_uses_a_timeline_verb_stays(line: str) -> None:
    assert not is_timeline_line(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


@settings(max_examples=80, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,6})?", fullmatch=True),
    st.sampled_from(["commented", "added the", "closed this", "mentioned this", "reviewed"]),
    st.lists(
        st.sampled_from(["the", "model", "scaling", "on", "data", "2026", "bent", "curve"]),
        min_size=1,
        max_size=12,
    ),  # fmt: skip
    st.sampled_from([".", "!", ";"]),
)
def test_a_timeline_pattern_never_takes_a_sentence(login, event, words, end) -> None:
    """Whatever follows a login and an event verb, a line that ends a sentence is no event."""
    assert not is_timeline_line(f"{login} {event} {' '.join(words)}{end}")


@settings(max_examples=80, deadline=None)
@given(
    st.from_regex(r"[a-z][a-z0-9]{0,6}(?:-[a-z0-9]{1,6})?", fullmatch=True),
    st.sampled_from(
        [
            "commented on",
            "opened this issue on",
            "added the x label on",
            "closed this as completed on",
            "mentioned this issue on",
        ]
    ),  # fmt: skip
    st.sampled_from(["Jan", "Mar", "Oct", "Dec"]),
    st.integers(1, 28),
    st.lists(st.sampled_from(["Member", "Author", "Contributor", "Owner"]), max_size=2),
)
def test_a_timeline_event_with_any_login_date_and_badges_is_one(login, event, mon, day, badges):
    assert is_timeline_line(f"{login} {event} {mon} {day}, 2026 {' '.join(badges)}".strip())


def test_a_gitlab_system_note_and_badge_go_and_an_issues_comments_are_never_cut() -> None:
    page = [
        "Issue created 2 weeks ago by Noor Haddad",
        "Does saturation tell us anything?",
        ARG[0],
        "Noor Haddad @nhaddad added needs-evidence label 2 weeks ago",
        "Piotr Sand @psand · 1 week ago\nMaintainer",
        ARG[1],
        "Noor Haddad @nhaddad · 1 week ago\nAuthor",
        ARG[2],
        "Piotr Sand @psand closed 3 days ago",
    ]
    c = clean_text("\n\n".join(page))
    assert c.title == "Does saturation tell us anything?"
    assert pages.paras(c.text) == want(*ARG)


def test_an_issue_sidebar_goes_but_a_development_heading_of_an_essay_stays() -> None:
    sidebar = ["Assignees", "No one assigned", "Labels", "kind/proposal", "Milestone",
               "No milestone", "Development", "No branches or pull requests"]  # fmt: skip
    assert body(ARG[0], ARG[1], "\n".join(sidebar)) == want(ARG[0], ARG[1])
    essay = [ARG[0], "Development", ARG[1], "Projects", ARG[2]]
    assert body(*essay) == want(*essay)


def test_a_cross_referenced_issue_title_after_its_event_goes() -> None:
    event = "rk42 mentioned this issue on Nov 3, 2026\nTracking: v2 task design #322"
    assert body(ARG[0], event, ARG[1]) == want(ARG[0], ARG[1])
    assert body(ARG[0], "We fixed the loader in #322", ARG[1]) == want(
        ARG[0], "We fixed the loader in #322", ARG[1]
    )


def test_an_issue_number_after_the_title_is_not_part_of_it() -> None:
    page = "Does the long-context curve measure general ability? #512\n\n" + "\n\n".join(ARG)
    assert clean_text(page).title == "Does the long-context curve measure general ability?"


# --- printed mail ------------------------------------------------------------------------

MAIL = [
    "From: Ana Ruiz <ana@example.org>",
    "Sent: Monday, 2 November 2026 09:14",
    "To: Lab list <lab@example.org>",
    "Subject: Should the grant bet on scale?",
]


def mail(*parts: str) -> str:
    return "\n".join(MAIL) + "\n\n" + "\n\n".join(parts) + "\n"


def test_a_signature_after_the_delimiter_goes() -> None:
    sig = "--\nAna Ruiz, PhD\nAssociate Professor\nWestbrook University\n+1 (555) 201-4432"
    got = pages.paras(clean_text(mail(ARG[0], "Ana", sig)).text)
    assert got == want(ARG[0], "Ana")


def test_a_signature_block_with_contact_lines_and_a_role_row_go() -> None:
    block = "Ana Ruiz\nSenior Analyst · Real Assets\nT +44 20 7946 0018 · ana@example.org"
    row = "Ana Ruiz | Chief Investment Officer | Calder Pension Scheme"
    got = pages.paras(clean_text(mail(ARG[0], block, ARG[1], row)).text)
    assert got == want(ARG[0], ARG[1])


def test_a_sign_off_without_contact_lines_stays_and_sent_from_goes() -> None:
    got = pages.paras(clean_text(mail(ARG[0], "Best,\nRavi\nSent from my iPhone", ARG[1])).text)
    assert got == want(ARG[0], "Best,\nRavi", ARG[1])


@settings(max_examples=60, deadline=None)
@given(
    pages.articles(pages.PROSE, HEADINGS, 5),
    st.lists(
        st.sampled_from(
            [
                "Ana Ruiz",
                "Senior Analyst",
                "Westbrook University",
                "+1 (555) 201-4432",
                "www.example.org",
                "Pronouns: she/her",
            ]
        ),
        min_size=1,
        max_size=6,
    ),  # fmt: skip
)
def test_a_signature_after_the_delimiter_never_removes_a_line_before_it(parts, sig) -> None:
    """RFC 3676: the signature follows "-- "; everything before it is the message."""
    text = mail(*parts, "-- \n" + "\n".join(sig))
    got = pages.paras(clean_text(text).text)
    assert got == pages.paras("\n".join(parts))


# --- broadcast transcripts ---------------------------------------------------------------

TURN = "CALLER (MIKE, FRESNO): " + ARG[0]


@pytest.mark.parametrize("line", [
    "Support for The Open Line comes from Halvorsen Marine Supply, outfitting boaters since 1961.",
    "Funding for Talk of the Valley is provided by the Delgado Family Foundation.",
    "This hour of Morning Edition is made possible by Orchard Credit Union.",
    "This program is supported by listeners like you.",
    "You can reach The Open Line at 1-800-555-0188 or text OPEN to 55088.",
    "Our number is 559-555-0147, toll-free 888-555-0190.",
    "Standard message and data rates may apply.",
    "Talk of the Valley is produced by Arturo Cruz. Our engineer is Lin Baptiste.",
    "Transcripts are provided as a courtesy and may contain errors.",
])  # fmt: skip
def test_broadcast_furniture_goes(line: str) -> None:
    assert body(TURN, line, ARG[1]) == want(TURN, ARG[1])


@pytest.mark.parametrize("line", [
    "HOST: Support for that view comes from a lot of engineers, to be fair.",
    "Support for the scaling view comes from the compute trend of the last decade.",
    "Hosted by three universities, the benchmark has become the field's common yardstick.",
    "Deep learning is made possible by cheap parallel hardware, and that will not last forever.",
    "CALLER (ROSA): You can reach the same answer at a fraction of the compute, I think.",
    "Llama 3 saw 15 000 000 000 000 tokens of text in training.",
    "Call it what you like: the best score on the test rose from 2 to 25 percent.",
    "ARC-AGI score: 75.7",
])  # fmt: skip
def test_speech_that_uses_broadcast_words_stays(line: str) -> None:
    assert body(TURN, line, ARG[1]) == want(TURN, line, ARG[1])


def test_a_station_head_goes_and_the_segment_title_is_the_title() -> None:
    text = "WXYZ 90.1 FM Lake Radio\nThe Hour\nAir date: May 3, 2026\n\nCan Machines Think?\n\n"
    c = clean_text(text + TURN + "\n\n" + ARG[1])
    assert c.title == "Can Machines Think?"
    assert pages.paras(c.text) == want(TURN, ARG[1])


# --- course handouts ---------------------------------------------------------------------

COURSE_HEAD = "PHIL 214 — Philosophy of AI\nProf. Eze | Spring 2027 | Lecture notes, week 6"


@pytest.mark.parametrize("line", [
    "Office hours: Tuesdays 2–4 p.m., Hume Building room 214, or by appointment.",
    "Problem set 3 is due Friday at 11:59 pm on Canvas.",
    "Reading for week 7: Marcus and Davis (2019), chapter 4.",
    "For enrolled students only. Please do not post to course-sharing websites.",
    "Seminar groups meet in week 10. Attendance counts towards the participation mark (10%).",
])  # fmt: skip
def test_course_notices_go_on_a_course_page(line: str) -> None:
    page = COURSE_HEAD + "\n\nWeek 6: Does scale suffice?\n\n" + "\n\n".join([ARG[0], line, ARG[1]])
    c = clean_text(page)
    assert pages.paras(c.text) == want(ARG[0], ARG[1])
    assert c.title == "Week 6: Does scale suffice?"


@pytest.mark.parametrize("line", [
    "Office hours: Tuesdays 2–4 p.m., Hume Building room 214, or by appointment.",
    "Notice that the assessment of these systems is itself part of the dispute, and a grade is no argument.",
])  # fmt: skip
def test_course_words_stay_on_a_page_that_is_no_course(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


# --- letters pages -----------------------------------------------------------------------


@pytest.mark.parametrize("line", [
    "Letters may be edited for length and clarity. We regret that we cannot reply to every letter.",
    "Write to us at letters@example.org. Please include your full postal address.",
    "The editor reserves the right to shorten letters.",
    "[Editor's note: the figures our correspondent cites were reported by the developer.]",
    "CORRECTION: In our issue of 19 November, a photograph was wrongly captioned.",
    "Next week: your letters on the county's bus franchise.",
])  # fmt: skip
def test_letters_page_notices_go(line: str) -> None:
    assert is_template_line(line) or line.startswith("Next week")
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", [
    "Sir, letters like mine may change nobody's mind, but the data should.",
    "I may be edited out of this debate, but the curve will not be.",
    "The editor of a journal once told me that scaling was a fad; she was wrong.",
    "In the letters to the editor that followed, readers split evenly on whether scale is enough.",
    "The memo was not for publication, but it leaked, and it said the curve was bending.",
    "Write to us at the lab if you doubt it: the curve has held for a decade. Nothing in the "
    "last three releases suggests that it is bending.",
])  # fmt: skip
def test_a_letter_that_uses_the_notices_words_stays(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_letters_kicker_and_masthead_go_and_the_headline_is_the_title() -> None:
    text = (
        "THE WEEKLY REVIEW\nIssue 12 · 3 May 2026\nLETTERS TO THE EDITOR\n\nIs bigger better?\n\n"
    )
    c = clean_text(text + "\n\n".join(ARG))
    assert c.title == "Is bigger better?"
    assert pages.paras(c.text) == want(*ARG)


# --- application forms -------------------------------------------------------------------


def test_form_fields_limits_and_budget_tables_go_and_the_project_title_is_the_title() -> None:
    head = (
        "FRONTIER PROGRAMME 2027\nProposal ID: FP-2027-0318 · Panel: PE6\n"
        "Project title: Does scale yield general competence?\nLead applicant: Prof. I. Moravec\n"
        "Requested amount: EUR 2,400,000\n\nPart 2 — Scientific case (max. 3,000 words)\n\n"
    )
    table = "Cost category | Year 1 | Year 2 | Total\nPersonnel | 310,000 | 320,000 | 630,000"
    c = clean_text(head + "\n\n".join([ARG[0], ARG[1], table, ARG[2]]))
    assert c.title == "Does scale yield general competence?"
    assert pages.paras(c.text) == want(*ARG)


def test_one_field_like_line_in_the_head_of_an_essay_stays() -> None:
    assert body("Programme: the compute question", *ARG) == want(
        "Programme: the compute question", *ARG
    )


def test_a_field_or_a_table_in_an_essay_stays() -> None:
    parts = [ARG[0], "Budget: the labs spent more on compute than on staff in 2025.", ARG[1],
             "Model | Year | Parameters\nGPT-3 | 2020 | 175B", ARG[2]]  # fmt: skip
    assert body(*parts) == want(*parts)


# --- any article -------------------------------------------------------------------------

FURNITURE = [
    ["jsaarinen commented on Oct 31, 2026 Contributor"],
    ["@mo mo closed this as completed on Sep 9, 2026"],
    ["Assignees", "No one assigned", "Milestone", "No milestone"],
    ["Support for The Open Line comes from Halvorsen Marine Supply."],
    ["You can reach the show at 1-800-555-0188 or text OPEN to 55088."],
    ["Letters may be edited for length and clarity."],
    ["[Editor's note: the figure was reported by the developer.]"],
    ["Sent from my iPhone"],
]


@settings(max_examples=150, deadline=None)
@given(pages.articles(pages.PROSE, HEADINGS, 5), st.sampled_from(["txt", "md"]), st.data())
def test_this_furniture_anywhere_in_any_article_never_changes_its_body(parts, fmt, data) -> None:
    dressed = list(parts)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(dressed)))
        dressed[at:at] = ["\n".join(data.draw(st.sampled_from(FURNITURE)))]
    pages.assert_reads_as_body(fmt, TITLE, parts, dressed)
