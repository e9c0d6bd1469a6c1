"""Chrome of exported documents, slide decks, event pages and transcript records (sixth round,
model/importer/exports.py and the "Sixth round" groups of model/importer/data/chrome_*.txt).

The pages are in tests/fixtures/chrome (hearing_oral_evidence.txt, doc_export.md,
deck_export.txt, event_recap.txt, read by test_import_chrome.py); the property tests that insert
this furniture into any article are in test_import_chrome_formats.py. Here: each kind goes, and
the argued sentences, slide labels and speaker turns around it stay.
"""

from __future__ import annotations

import pytest

from model.importer.boilerplate import clean_text
from model.importer.exports import is_footer_row
from storage.articles import _parse_markdown
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:3]  # argued paragraphs of our own


@pytest.mark.parametrize("line", [
    "Page 1 of 1 · Document AB-2026-017",
    "Quire · Page 3 of 9 · Generated with notes · Do not forward outside the board",
    "Uncorrected | Page 4 of 12",
    "Northgate Labs — Confidential — Not for distribution",
    "Harbor Capital · Internal only",
    "Strictly private and confidential | Q3 review",
])  # fmt: skip
def test_a_footer_row_with_a_page_stamp_or_a_handling_marking_goes(line: str) -> None:
    assert is_footer_row(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", [
    "Page 3 of the report shows that compute grew fourfold a year.",
    "Confidential briefings — not for distribution — still promised AGI by 2030.",
    "Compute · Data · Algorithms",
    "Part 2 — The data wall",
])  # fmt: skip
def test_a_row_or_sentence_without_a_stamp_or_marking_stays(line: str) -> None:
    assert not is_footer_row(line)
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_export_stamps_and_property_rows_go_in_the_head_and_tail_only() -> None:
    head = [
        "Exported from Quire on 3 May 2026 · comments hidden",
        "Created by Lena Ortiz, last modified by Sam Lee on Oct 29, 2026",
        "Space: Research · Page status: Draft",
    ]
    tail = ["Printed from Slidewell · deck 8f2k", "Exported 4 May 2026 09:10 by lena@example.org"]
    middle = "Exported from Taiwan, the chips behind every training run are the real bottleneck."
    assert body(*head, ARG[0], middle, ARG[1], *tail) == want(ARG[0], middle, ARG[1])


def test_a_line_the_slide_master_repeats_goes_but_a_notes_label_stays() -> None:
    deck = []
    for n, (title, note) in enumerate(zip(["Where we are", "What we fund", "The risk"], ARG)):
        deck += [f"Slide {n + 1} of 3", title, "Harbor Capital · Board deck", "Speaker notes", note]
    out = body(*deck)
    assert "Harbor Capital · Board deck" not in out
    assert out.count("Speaker notes") == 3
    assert [p for p in out if p in ARG] == ARG
    assert "The risk" in out


def test_a_slide_title_continued_on_a_second_slide_stays() -> None:
    deck = []
    titles = ["Where we are", "Where we are", "What we fund", "The risk"]
    for n, (title, note) in enumerate(zip(titles, [*ARG, ARG[0]])):
        deck += [f"Slide {n + 1} of 4", title, f"• About {title.lower()}", "Speaker notes", note]
    assert body(*deck).count("Where we are") == 2


def test_a_breadcrumb_and_the_masthead_above_it_go_and_the_title_is_found() -> None:
    text = "\n\n".join([
        "EXAMPLE SUMMIT 2026 · SESSION NOTES",
        "Home › Programme › Day 2 › Plenary",
        "Panel recap: is scale enough?",
        *ARG,
        "Related talks: “Agents at work” · “Power and the grid”",
        "Session recordings are available to registered attendees in the summit app.",
        "Get the weekly digest — sign up at example-summit.org/digest",
    ])  # fmt: skip
    out = clean_text(text)
    assert out.title == "Panel recap: is scale enough?"
    assert pages.paras(out.text) == want(*ARG)


def test_an_arrow_chain_inside_the_article_stays() -> None:
    line = "Compute > data > algorithms"
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_kicker_over_the_title_is_not_the_title() -> None:
    text = "\n".join([
        "Session recap", "Can bigger models become general? A keynote debate",
        "By Ana Ruiz · 14 October 2026", "", *ARG,
    ])  # fmt: skip
    assert clean_text(text).title == "Can bigger models become general? A keynote debate"


def test_transcript_notices_and_procedure_notes_go_but_speech_stays() -> None:
    turns = [
        "Q1 Chair: Is the assumption that models keep improving with size a safe one?",
        "Professor Larch: For two or three years, yes; beyond that nobody has shown it.",
        "(Sitting suspended for a division in the House.)",
        "(On resuming)",
        "Q2 Mr Maddox: What would change your mind about that?",
        "Professor Larch: A model that keeps what it learns without being retrained.",
        "(in 2020, for the record)",
    ]
    notice = (
        "This is an uncorrected transcript of evidence taken in public. Neither Members nor "
        "witnesses have had the opportunity to correct the record."
    )
    tail = "This transcript has not been reviewed by the speakers. Corrections should be sent to "
    tail += "the reporting office within five days."
    out = body(notice, *turns, tail)
    assert out == want(*[t for t in turns if not t.startswith(("(Sitting", "(On"))])


def test_a_parenthesis_about_procedure_in_an_essay_stays() -> None:
    line = "(The hearing was adjourned before the witness could answer.)"
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_an_editor_s_comment_box_and_page_menu_go() -> None:
    tail = ["@mention someone or add a comment…", "Page history · Share · Duplicate · Move to"]
    assert body(*ARG, *tail) == want(*ARG)


@pytest.mark.parametrize("line", [
    "The recordings of the 2019 debate are available to anyone, and they show how little the "
    "arguments changed.",
    "Registered users sign up at a rate of a million a week, which no lab can ignore.",
    "This record is not a fluke: training compute has grown about fourfold a year since 2010.",
    "Watch the benchmarks, not the demos: the benchmarks show steady gains.",
])  # fmt: skip
def test_sentences_that_use_the_words_of_this_furniture_stay(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


CAPTIONS = [
    "so the first thing to say is that the compute curve has not bent at all in six years",
    "and the second thing is that nobody knows whether the data will hold out past 2028",
    "but every time someone called the top the next model went straight through it",
]


def test_a_video_description_box_goes_and_the_captions_stay() -> None:
    text = "\n".join([
        "Scale and Its Limits", "Example Channel", "214K subscribers", "Subscribe",
        "96,402 views  Nov 12, 2026  #AI #scaling",
        "In this video I go through the numbers behind the debate. Sources in the pinned comment.",
        "...more", "Transcript", *CAPTIONS,
    ])  # fmt: skip
    out = pages.paras(clean_text(text).text)
    assert [p for p in out if p in CAPTIONS] == CAPTIONS
    assert not any("In this video" in p for p in out)


def test_comments_under_a_caption_transcript_are_cut_and_its_last_lines_stay() -> None:
    text = "\n".join([
        "Scale and Its Limits", "Transcript", *CAPTIONS, "that's it for today see you next week",
        "1,204 Comments", "Sort by", "@quillon_m  2 weeks ago",
        "Counterpoint: every exponential is an S-curve until proven otherwise.", "412", "Reply",
    ])  # fmt: skip
    out = pages.paras(clean_text(text).text)
    assert [p for p in out if p in CAPTIONS] == CAPTIONS
    assert "that's it for today see you next week" in out
    assert not any("Counterpoint" in p for p in out)


def test_caption_lines_after_the_last_punctuated_sentence_are_not_a_page_tail() -> None:
    text = "\n".join([
        "Scale and Its Limits", "96,402 views  Nov 12, 2026",
        "In this video I go through the numbers behind the debate, with sources in the notes.",
        "Share", "Save", "Transcript", *CAPTIONS,
    ])  # fmt: skip
    out = pages.paras(clean_text(text).text)
    assert [p for p in out if p in CAPTIONS] == CAPTIONS


def test_a_court_reporter_s_transcript_keeps_its_appearances_and_speech_only() -> None:
    turns = [
        "SENATOR ALVAREZ: What is the budget request's assumption about casework based on?",
        "MS. TRAN: On the trend, Senator; each generation has needed lighter edits than the last.",
        "SENATOR ODUYA: Then the request should say plainly that it does not replace staff.",
    ]
    roster = ["APPEARANCES:", "Senator Luis Alvarez, Chair", "Senator Grace Oduya"]
    text = "\n\n".join([
        "STATE SENATE", "COMMITTEE ON COMMERCE AND TECHNOLOGY",
        "REPORTER'S TRANSCRIPT OF PROCEEDINGS",
        "Informational Hearing: Planning for Advanced AI",
        "Thursday, October 8, 2026", "State Capitol, Room 2040",
        "Reported by: Dana Whitcombe, CSR No. 11872", "\n".join(roster), "--oOo--", *turns,
        "--oOo--", "CERTIFICATE OF REPORTER",
        "I, Dana Whitcombe, a Certified Shorthand Reporter, hereby certify that the foregoing "
        "proceedings were taken down by me in shorthand.",
        "Dated: October 12, 2026",
    ])  # fmt: skip
    out = clean_text(text)
    assert out.title == "Informational Hearing: Planning for Advanced AI"
    assert pages.paras(out.text) == want(*roster, *turns)


def test_an_event_page_head_goes_and_its_title_is_found() -> None:
    text = "\n\n".join([
        "Meetups › Example ML Group › Past events", "Example ML Group",
        "Hosted by Ines Calloway and 2 others",
        "Wednesday, November 18, 2026 · 6:30 PM to 8:30 PM PST", "Attendees (84)\nPhotos (12)\nShare",
        "Recap: will more compute get us there?", *ARG,
        "The slides from the talk are available to members in the group's files.",
        "Upcoming events", "Reading group: the Chinchilla paper", "Join this group · Report event",
    ])  # fmt: skip
    out = clean_text(text)
    assert out.title == "Recap: will more compute get us there?"
    assert pages.paras(out.text) == want(*ARG)


def test_a_wiki_page_s_stamps_backlinks_and_credit_go() -> None:
    text = "\n\n".join([
        "Team wiki / Research / Scaling", "🔒 Private to Research · Updated Nov 2, 2026 by Pia Lund",
        "# Do we expect a jump?", *ARG, "Backlinks\nRoadmap 2027\nReading group notes",
        "Made with Coda · Report abuse",
    ])  # fmt: skip
    assert pages.paras(_parse_markdown(text, "page.md").text) == want(*ARG)


@pytest.mark.parametrize("line", [
    "Made with synthetic data, the new models still fail on the tasks that need memory.",
    "Hosted by three universities, the benchmark has become the field's common yardstick.",
    "I, for one, hereby certify nothing: the curves may bend tomorrow.",
])  # fmt: skip
def test_sentences_that_open_like_a_credit_stay(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_title_above_its_own_breadcrumb_stays_the_title() -> None:
    text = "\n\n".join(
        ["Scale and Its Limits", "Home › Essays › 2026", "Why the curves held", *ARG]
    )
    out = clean_text(text)
    assert out.title == "Scale and Its Limits"
    assert pages.paras(out.text) == want("Why the curves held", *ARG)


@pytest.mark.parametrize("line", [
    "The views expressed by guests are their own and do not represent those of their employers.",
    "This letter is provided for information only and does not constitute an offer to sell.",
    "Returns are net of management fees and carried interest and are unaudited.",
    "Transcript generated automatically and lightly edited. It may contain errors.",
    "This recording is for enrolled students only. Do not redistribute.",
    "The neutrality of this article is disputed. Relevant discussion may be found on the talk page.",
    "Want to sponsor Example Weekly? Reply to this email for the media kit.",
    "Enjoyed this issue? Forward it to a friend, or share it:",
    "Book a demo: https://example.org/demo",
    "Next evening: “Resolved: open models should be regulated.” Tickets on sale now",
    "[SPONSOR] This episode of Example Show is supported by Quire, the notebook for researchers.",
    "Save article",
    "{Reactions} 👍 (4) 🔥 (2)",
    "Yes — 9 votes · No — 7 votes · Depends — 12 votes",
    "🧵 Thread: 4 replies",
])  # fmt: skip
def test_notices_legends_asks_and_chat_rows_of_the_older_pages_go(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", [
    "The views of the critics are their own business, but their forecasts have been wrong.",
    "Past results of scaling tell us little about the next order of magnitude.",
    "The returns to compute are still positive, whatever the sceptics say.",
])  # fmt: skip
def test_sentences_that_use_a_legend_s_words_stay(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_chat_messages_after_the_last_full_sentence_stay() -> None:
    chat = []
    for n, (who, said) in enumerate(zip(["ana_k", "marta.p", "ana_k"], ARG)):
        chat += [f"[21-Oct-25 21:0{n}] {who}", said, "{Reactions} 👍 (4)"]
    tail = [
        "at 50% success. nobody hires a person who finishes half their tasks",
        "and two years ago it was half of their few-minute tasks",
    ]
    chat += ["[21-Oct-25 21:05] marta.p", tail[0], "{Reactions} 😂 (3)"]
    chat += ["[21-Oct-25 21:07] ana_k", tail[1]]
    out = pages.paras(
        clean_text("\n".join(["Server: Example", "Channel: #scaling", "", *chat])).text
    )
    assert out == want(*ARG, *tail)


MAIL_HEADERS = [
    ["From: Dana Whitfield", "Sent: Tuesday, 3 March 2026 09:14", "To: Board", "Subject: RE: the bet"],
    ["From: Ivo Marsh <ivo@example.org>", "To: Dana Whitfield; Sam Lee", "Cc: Risk team"],
    ["> From: Sam Lee", "> Date: 2 March 2026"],
]  # fmt: skip


@pytest.mark.parametrize("block", MAIL_HEADERS)
def test_a_printed_mail_threads_header_blocks_go_wherever_they_are(block: list[str]) -> None:
    """Each quoted message of a thread opens with its header block, in the middle of the text."""
    assert body(ARG[0], "\n".join(block), ARG[1], *block, ARG[2]) == want(*ARG)


def test_a_mail_disclaimer_goes_but_a_single_field_like_line_stays() -> None:
    disclaimer = (
        "This email and any attachments are confidential and intended solely for the addressee."
    )
    to_line = "To: the skeptics, I say look at the curves."
    assert body(ARG[0], disclaimer, ARG[1]) == want(ARG[0], ARG[1])
    assert body(ARG[0], to_line, ARG[1]) == want(ARG[0], to_line, ARG[1])


def test_every_message_of_a_printed_mail_thread_is_text() -> None:
    """A "Sent:" date line opens each message: it is no forum post header, so the later
    messages are never cut as the page's comments."""
    notice = "This email and any attachments are confidential and intended for the addressee."
    # The second message is the long reply that holds most of the thread's prose.
    late = [
        "Playing the other side for a moment: every year someone calls a wall, and the next "
        "release climbs over it, so I would not bet the fund on a plateau either.",
        "Fair hit on the wall predictions, but cheaper tokens show a cheaper product, not a mind, "
        "and the case for the sleeve needs the second of those.",
    ]
    messages = [pages.PROSE[:1], pages.PROSE[1:], late[:1], late[1:]]
    parts = []
    for n, (who, paras) in enumerate(zip(["Dana", "Ivo", "Sam", "Dana"], messages)):
        parts += [f"From: {who} Whitfield", f"Sent: Tuesday, {n + 3} March 2026 09:1{n}",
                  "To: Board", "Cc: Risk team", "Subject: RE: the bet", "All,", *paras, who,
                  f"{who} Whitfield | Analyst | Northgate Fund", notice]  # fmt: skip
    kept = body(*parts)
    assert all(p in kept for p in pages.paras("\n".join([*pages.PROSE, *late])))
    assert not any(k.startswith(("From:", "Sent:", "To:", "Subject:")) for k in kept)
