"""Chrome of calls, hearings, chat exports, Q&A and encyclopedia pages, press releases, lectures,
slide decks, document exports, professional networks, paywalls and PDF text (fifth round,
model/importer/formats.py). The pages are in tests/fixtures/chrome (chat_export.txt to
earnings_call_fool.txt, read by test_import_chrome.py); the property tests that insert this
furniture into any article are in test_import_chrome_formats.py. Here: each kind goes, and the
speech, the speaker labels and the argued sentences around it stay.
"""

from __future__ import annotations

import pytest

from model.importer.boilerplate import clean_text
from model.importer.formats import is_format_line, is_safe_harbour, is_script, strip_inline
from model.importer.furniture import strip_stage
from tests import pages
from tests.pages import body

ARG = pages.PROSE[:3]  # argued paragraphs of our own


@pytest.mark.parametrize("line", [
    "Thank you. Our next question comes from Ana Ruiz with Example Securities. Your line is open.",
    "Good afternoon, and welcome to the Example Corp Third Quarter Earnings Conference Call.",
    "At this time, all participants are in a listen-only mode. Please note this event is being "
    "recorded.",
    "I would now like to turn the conference over to Sam Lee. Please go ahead.",
    "Ladies and gentlemen, this concludes today's conference call. You may now disconnect.",
    "Chairwoman BENNETT. The Subcommittee will come to order.",
    "Without objection, so ordered.",
    "Chairwoman BENNETT. Thank you. The gentlewoman's time has expired.",
    "The gentleman yields back. Our first witness is Dr. Rosa Hartley. Dr. Hartley, you are "
    "recognized for five minutes.",
    "The record will remain open for two weeks. The hearing is adjourned.",
])  # fmt: skip
def test_scripted_procedure_goes(line: str) -> None:
    assert is_script(line)


@pytest.mark.parametrize("line", [
    "Our next question comes from the data: can synthetic text replace human writing at scale?",
    "The grid operator said the next question is whether the plant can run at night.",
    "Please go ahead and test the model on problems it has never seen before.",
    "You may now disconnect the old cluster, because the new one is ten times faster.",
    "The chair now recognizes that scaling alone will not suffice.",
    "Welcome to the era of scaling, where every call to expand compute gets answered.",
    "The record will remain open to revision as new models arrive.",
    "Mr. OKAFOR. Thank you, Madam Chair. Today's systems still fail at tasks a child learns "
    "from a single example.",
    "Thank you all for joining us today.",
])  # fmt: skip
def test_speech_that_uses_a_formula_word_is_not_procedure(line: str) -> None:
    assert not is_script(line)
    assert not is_format_line(line)


def test_the_operator_label_goes_with_its_script_and_speaker_labels_stay() -> None:
    got = body(
        "Operator",
        "Thank you. Our first question comes from Priya Shah with Halvorsen Securities. "
        "Please go ahead.",
        "Priya Shah",
        ARG[0],
        "Dana Ortiz - Chief Executive Officer",
        ARG[1],
    )
    assert got == ["Priya Shah", ARG[0], "Dana Ortiz - Chief Executive Officer", ARG[1]]


def test_safe_harbour_boilerplate_goes_but_one_cue_in_an_argument_stays() -> None:
    harbour = (
        "Today's discussion contains forward-looking statements within the meaning of the "
        "Private Securities Litigation Reform Act of 1995. Actual results could differ "
        "materially. We undertake no obligation to update any forward-looking statement."
    )
    assert is_safe_harbour(harbour)
    assert body(ARG[0], harbour, ARG[1]) == [ARG[0], ARG[1]]
    one = "Forecasts of AGI are forward-looking statements, and they deserve a steep discount."
    assert not is_safe_harbour(one)
    assert not is_safe_harbour(
        "The risk factors for a slowdown differ materially between labs that own chips and labs "
        "that rent them."
    ), "two cues without the disclaimer's defining one"


def test_a_press_release_loses_its_wire_furniture_and_keeps_its_news() -> None:
    lead = "Example Labs today announced that it will publish its evaluations of larger models."
    got = body(
        "FOR IMMEDIATE RELEASE",
        f"SAN FRANCISCO, March 3, 2026 /PRNewswire/ -- {lead}",
        ARG[0],
        '"Scale is not enough," said Dana Ortiz, chief executive officer of Example Labs.',
        "About Example Labs",
        "Example Labs is an independent research company founded in 2021 and based in Oslo. "
        "For more information, visit www.example.org.",
        "Media Contact:",
        "Jamie Park",
        "press@example.org",
        "###",
        "SOURCE Example Labs",
        "View original content: https://example.org/release",
    )
    assert got == [
        lead,
        ARG[0],
        '"Scale is not enough," said Dana Ortiz, chief executive officer of Example Labs.',
    ]


def test_an_about_section_inside_an_article_stays() -> None:
    parts = ["About GPT-4", "GPT-4 is a model that a company trained in 2022.", ARG[0], ARG[1]]
    assert body(ARG[2], *parts) == [ARG[2], *parts]


def test_a_dateline_needs_an_upper_case_place_and_a_date_or_wire() -> None:
    assert strip_inline("LONDON, 4 May 2026 -- The lab said …") == "The lab said …"
    kept = "Meanwhile, March 3, 2026 -- the day the lab said it would scale again -- passed."
    assert strip_inline(kept) == kept


def test_chat_export_furniture_goes_and_the_messages_stay() -> None:
    msgs = [ARG[0], ARG[1], ARG[2]]
    got = body(
        "Guild: Example Reading Group",
        "Channel: Reading / scaling",
        "[01-Mar-26 9:02 PM] Reading Bot",
        "Welcome! Please read the pinned rules.",
        "[01-Mar-26 9:14 PM] mira.k",
        msgs[0],
        "{Reactions}",
        "👍 (4) 🔥 (2)",
        "[01-Mar-26 9:16 PM] tomas_r",
        "tomas_r joined the server.",
        "[01-Mar-26 9:17 PM] tomas_r",
        msgs[1] + " (edited)",
        "3 replies",
        "View thread",
        "[01-Mar-26 9:20 PM] dev_anand",
        "POLL: Will scale reach AGI by 2030?\nYes — 5 votes (36%)\nNo — 9 votes (64%)",
        "14 votes · Poll closed",
        "[01-Mar-26 9:25 PM] dev_anand",
        msgs[2],
        "Exported 9 message(s)",
        title="Topic: Does scale reach AGI?",
    )
    assert got == msgs


def test_slack_bot_posts_and_system_lines_go() -> None:
    got = body(
        "Ana Ruiz  9:14 AM",
        ARG[0],
        ":eyes: 3",
        "joel.fischer  9:20 AM",
        "joined #scaling.",
        "Forecast Bot  APP  9:30 AM",
        "Weekly reminder: submit your forecasts before Friday.",
        "Only visible to you",
        "Priya Raman  9:41 AM",
        "Pinned by Priya Raman",
        ARG[1],
        "Priya Raman  9:50 AM",
        ARG[2],
        title="#scaling",
    )
    assert got == ARG
    assert clean_text(pages.page("#scaling", ARG)).title == "#scaling", "a lone #channel names it"


def test_a_lecture_capture_keeps_slide_markers_and_speech() -> None:
    got = body(
        "CS 289: Foundations of Machine Learning",
        "Lecture 14 · Fall 2026 · Prof. Elena Marsh",
        "The following content is provided under a Creative Commons license. Your support helps.",
        "[RECORDING STARTS]",
        "Captions for this lecture were generated automatically and may contain errors.",
        "PROFESSOR: " + ARG[0],
        "[Slide 3: Loss against compute]",
        "[laughter]",
        "STUDENT: " + ARG[1],
        "[END OF RECORDING]",
        "Lecture materials: Slides (PDF) · Problem Set 6",
        "This video is licensed under CC BY-NC-SA 4.0.",
        title="Scaling Laws",
    )
    assert got == ["PROFESSOR: " + ARG[0], "[Slide 3: Loss against compute]", "STUDENT: " + ARG[1]]
    assert body("Week 12: the scaling debate", ARG[0], title="Notes")[0].startswith("Week 12")


def test_a_hearing_record_loses_its_title_page_and_procedure() -> None:
    text = "\n\n".join([
        "SCALING AND ITS LIMITS", "HEARING", "BEFORE THE", "COMMITTEE ON SCIENCE",
        "ONE HUNDRED NINETEENTH CONGRESS", "SECOND SESSION", "Serial No. 119-42",
        "Printed for the use of the Committee on Science",
        "The Committee met, pursuant to notice, at 10:02 a.m., Hon. Laura Bennett presiding.",
        "Chairwoman BENNETT. The Committee will come to order.", ARG[0],
        "[The prepared statement of Chairwoman Bennett follows:]",
        "Mr. OKAFOR. Thank you, Madam Chair. " + ARG[1], "I yield back.",
        "Dr. HARTLEY. " + ARG[2],
        "[Whereupon, at 11:48 a.m., the Committee was adjourned.]",
    ])  # fmt: skip
    got = clean_text(text)
    assert got.title == "SCALING AND ITS LIMITS"
    assert pages.paras(got.text) == [
        ARG[0],
        "Mr. OKAFOR. Thank you, Madam Chair. " + ARG[1],
        "Dr. HARTLEY. " + ARG[2],
    ]


def test_a_video_page_loses_its_counters_asks_and_bare_timestamps() -> None:
    got = body(
        "Lena Hart Explains",
        "184K subscribers",
        "Subscribe",
        "12,403 views  Mar 3, 2026  #AI #AGI",
        "Chapters: 0:00 Intro · 1:12 The scaling laws",
        "0:00",
        "[Music]",
        "0:04",
        "the optimists say every tenfold increase in compute made the models better",
        "0:12",
        ARG[0],
        "if you enjoyed this video, hit like and subscribe",
        "thanks for watching",
        "Up next",
    )
    assert got == [
        "the optimists say every tenfold increase in compute made the models better",
        ARG[0],
    ]


def test_a_qa_page_keeps_question_answers_and_comment_text() -> None:
    comment = "The data limit deserves more weight here."
    got = body(
        "Ask Question",
        "Asked 2 years, 3 months ago",
        "Viewed 4k times",
        "42",
        ARG[0],
        "agi scaling-laws",
        "Share",
        "Improve this question",
        "Follow",
        "asked Feb 28, 2024 at 9:01",
        "ravi_k",
        "1,234 ● 5 ● 12",
        "Add a comment",
        "2 Answers",
        "Sorted by:",
        "Highest score (default)",
        "57",
        ARG[1],
        "Share",
        "Improve this answer",
        "Follow",
        "answered Mar 1, 2024 at 14:20",
        "Lena Hart",
        "3,410 ● 2 ● 18",
        "3",
        comment + " – ravi_k Mar 2, 2024 at 8:00",
        "Add a comment",
        "12",
        ARG[2],
        "Add a comment",
        "Your Answer",
        "Post Your Answer",
        title="Would scale be enough?",
    )
    assert got == [ARG[0], ARG[1], comment, ARG[2]]
    aside = "The index has doubled – since March 3, 2024"
    assert strip_inline(aside) == aside, "a dash and a date without a clock time is an aside"


def test_an_encyclopedia_page_loses_its_skin_markers_and_banners() -> None:
    got = body(
        "From Wikipedia, the free encyclopedia",
        "This article's neutrality is disputed. Relevant discussion may be found on the talk "
        "page. (Learn how and when to remove this message)",
        ARG[0].rstrip(".") + ".[1][2] It is contested.[citation needed]",
        "Contents",
        "hide",
        "(Top)",
        "1 History",
        "History[edit]",
        ARG[1],
        'Retrieved from "https://example.org/w/index.php?oldid=1"',
        "Categories: Artificial intelligence | Machine learning",
        "This page was last edited on 3 March 2026, at 10:12 (UTC).",
        title="Scaling hypothesis",
    )
    assert got == [ARG[0] + " It is contested.", "History", ARG[1]]


def test_slides_lose_their_counters_and_footers_and_keep_their_titles() -> None:
    parts = []
    for n, p in enumerate(ARG, 1):
        parts += [f"Slide {n} of 3", f"Point {n}", p, f"Example Labs | Confidential | {n + 1}"]
    assert body("CONFIDENTIAL – INTERNAL USE ONLY", *parts) == [
        x for n, p in enumerate(ARG, 1) for x in (f"Point {n}", p)
    ]


def test_a_document_export_loses_properties_anchors_and_comment_threads() -> None:
    got = body(
        "Created by: Mira Kovacs",
        "Last edited time: March 3, 2026 4:12 PM",
        "Status: In review",
        ARG[0] + "[a]",
        "@Tomas Reyes can you add the numbers from the last run here?",
        ARG[1],
        "[a]Tomas Reyes: Is this still true after the March results?",
        "_Assigned to Mira Kovacs_",
        "_Marked as resolved_",
    )
    assert got == [ARG[0], ARG[1]]
    kept = "@ana_k I think the curve holds, and the data wall is further away than people say."
    assert not is_format_line(kept), "a reply to a handle on a social network is a post"


def test_a_linkedin_post_loses_its_profile_header_reactions_and_comments() -> None:
    got = body(
        "Feed post",
        "Mira Kovacs",
        " • 1st",
        "Head of Research at Example Labs | Writing about AI",
        "2d •  Edited •",
        "Follow",
        *ARG,
        "…see more",
        "#AGI #Scaling",
        "Like",
        "Comment",
        "Repost",
        "Send",
        "1,204",
        "Tomas Reyes and 1,203 others",
        "87 comments",
        "Most relevant",
        "Tomas Reyes",
        " • 2nd",
        "Research Engineer at Example AI",
        "1d",
        "Agreed on memory, though longer context windows are already a partial answer.",
        "Like",
        "Reply",
        title="Post",
    )
    assert got == ARG


def test_a_paywall_goes_and_the_article_around_it_stays() -> None:
    got = body(
        ARG[0],
        "You have 2 free articles left this month. Subscribe for unlimited access.",
        "Subscribe to continue reading",
        "Get unlimited digital access for $1 a week. Cancel anytime.",
        "Already a subscriber? Sign in",
        "This article is for subscribers only.",
        ARG[1],
    )
    assert got == [ARG[0], ARG[1]]


def test_pdf_running_heads_page_numbers_and_download_stamps_go() -> None:
    got = body(
        ARG[0],
        "Hart · Scaling and Generality",
        "2",
        ARG[1],
        "Downloaded from https://example.org/wp by guest on 4 March 2026",
        "Working Paper No. 26-14",
        "3",
        "Electronic copy available at: https://example.org/abstract=1",
        ARG[2],
        "Hart · Scaling and Generality",
        "4",
        ARG[0],
        "Working Paper No. 26-14",
        "5",
    )
    assert got == [*ARG, ARG[0]]


def test_speaker_labels_repeat_without_becoming_running_heads() -> None:
    turns = ["Dana Ortiz", ARG[0], "Sam Lee", ARG[1], "Dana Ortiz", ARG[2], "Dana Ortiz", ARG[0]]
    assert body(*turns) == turns


def test_a_participant_list_is_the_record_and_stays() -> None:
    roster = ["Call participants:", "Nadia Brooks -- Investor Relations", "Tom Eriksen -- CEO"]
    assert body(*ARG, "Duration: 41 minutes", *roster) == [*ARG, *roster]


def test_the_edited_mark_goes_inside_a_line() -> None:
    assert strip_stage("The curve held. (edited)") == "The curve held."


def test_a_channel_topic_is_the_title_only_in_a_chat_export() -> None:
    export = ["Guild: Example Group", "Channel: Reading / scaling", "Topic: Does scale reach AGI?"]
    head = "[01-Mar-26 9:14 PM] mira.k"
    assert clean_text("\n\n".join([*export, head, *ARG])).title == "Does scale reach AGI?"
    page = "\n\n".join(["Does scaling work?", "Topic: AI policy", *ARG])
    assert clean_text(page).title == "Does scaling work?"


def test_an_upper_case_kicker_and_headline_are_no_title_page() -> None:
    text = "\n\n".join(["SENATE", "SENATE COMMITTEE BACKS LIMITS ON AI SCALING", *ARG])
    got = clean_text(text)
    assert "SENATE COMMITTEE BACKS LIMITS ON AI SCALING" in [got.title, *pages.paras(got.text)]
