"""Chrome of museum exhibition texts, official records, books of abstracts, marked essays, forum
exports and quoted mail (eighth round, model/importer/records.py and data/chrome_museum,
_record, _programme, _marking.txt).

Each kind goes, and the argued sentences that use its words stay; the properties hold for any
article. The carry pages written after these rules are in tests/fixtures/chrome (read by
test_import_chrome.py).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text, clean_title
from model.importer.records import is_record_line
from storage.articles import _join_pdf_lines, _parse_html
from tests import pages
from tests.pages import body, want

ARG = pages.PROSE[:4]
TITLE = pages.TITLE
HEADINGS = ["Why the curves held", "The data problem", "What would change my mind"]


# --- museum exhibition text ------------------------------------------------------------------

MUSEUM_LINES = [
    "Audio guide stop 7",
    "Audio stop 21",
    "🎧 14",
    "Object label",
    "Extended label",
    "Difference engine fragment (reconstruction), c. 1830. Brass, steel. Lent by the Science "
    "Trust. Accession no. 1978-211.",
    "Tabulating card, 1890s. Card stock. Gift of the Hollerith family. Please do not touch.",
    "Large-print edition. Please return this guide to the desk on your way out.",
    "Audio tours in six languages. Audio-described tours on the last Friday of the month.",
    "Open daily 10.00-18.00, Fridays until 21.00. Last entry 17.15. Free admission.",
    "This gallery is supported by the Harwell Fund and the Friends of the Museum. Graphic design "
    "by Atelier Nord.",
    "Visitor poll: Agree 51% | Disagree 33% | Not sure 16%",
]
MUSEUM_PROSE = [
    "In 1958, newspapers reported that the perceptron would soon walk and talk, and the claim "
    "was repeated for a decade.",
    "The large language model is supported by evidence from dozens of benchmarks, its builders "
    "say.",
    "OpenAI is funded by Microsoft.",
    "A guide to the debate is useful, but it cannot settle it: please return to the question of "
    "what the models can do.",
    "Polls of researchers put the chance of human-level AI by 2040 at about 50%, up from 30% a "
    "decade earlier.",
    "The machine was lent by a university to the exhibition, and the museum kept it for years.",
]


@pytest.mark.parametrize("line", MUSEUM_LINES)
def test_museum_furniture_goes(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize("line", MUSEUM_PROSE)
def test_a_sentence_that_uses_museum_words_stays(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_museum_booklet_head_goes_and_the_gallery_title_is_the_title() -> None:
    text = (
        "HARBOUR MUSEUM OF COMPUTING\n"
        "Thinking Machines | Room 4 (ground floor)\n\n"
        "The Long Bet\n\n" + "\n\n".join(ARG[:2]) + "\n"
    )
    c = clean_text(text)
    assert c.title == "The Long Bet"
    assert pages.paras(c.text) == want(*ARG[:2])


def test_bare_stop_numbers_go_on_a_page_with_an_audio_guide_notice() -> None:
    notice = "Audio guides are free at the information desk. Family trails start by the shop."
    assert body(notice, "Stop 4", ARG[0], "Stop 5", ARG[1]) == want(ARG[0], ARG[1])
    assert body(ARG[0], "Stop 4", ARG[1]) == want(ARG[0], "Stop 4", ARG[1])


# --- official records ------------------------------------------------------------------------

TURNS = [
    "Ms Aldous (Westfield) (Reform): " + ARG[0],
    "Mr Penn (Dunmore) (Civic): " + ARG[1],
    "Ms Aldous: " + ARG[2],
    "The Minister for Digital (Ms Kerr): " + ARG[3],
]


@pytest.mark.parametrize(
    "line",
    ["Sitting suspended.", "Sitting suspended for a division.", "House adjourned at 5.32 pm.",
     "Sitting resumed.", "Debate adjourned."],
)  # fmt: skip
def test_a_procedure_line_between_speeches_goes(line: str) -> None:
    got = body(TURNS[0], TURNS[1], line, TURNS[2], TURNS[3])
    assert got == want(*TURNS)


def test_procedure_inside_a_speech_and_decisions_stay() -> None:
    speech = "Mr Penn: The sitting was suspended last week because the evidence was not ready."
    decided = ["Question put and agreed to.", "Resolved, That this Assembly has considered AI."]
    assert body(TURNS[0], speech, TURNS[1], *decided, TURNS[2]) == want(
        TURNS[0], speech, TURNS[1], *decided, TURNS[2]
    )


def test_a_bare_procedure_line_stays_on_a_page_without_speaker_turns() -> None:
    assert body(ARG[0], "Sitting suspended.", ARG[1]) == want(ARG[0], "Sitting suspended.", ARG[1])


def test_a_records_head_note_and_action_row_go_and_the_debate_is_the_title() -> None:
    text = (
        "WESTFIELD ASSEMBLY - OFFICIAL REPORT\n"
        "Volume 88: debated on Wednesday 4 February 2026\n"
        "This is the substantially verbatim report of proceedings. It is not a word-for-word "
        "transcript.\n\n"
        "Compute and the Economy\n\n" + "\n\n".join(TURNS) + "\n\n"
        "Print this debate | Share this page | Back to top\n"
    )
    c = clean_text(text)
    assert c.title == "Compute and the Economy"
    assert pages.paras(c.text) == want(*TURNS)


def test_an_order_of_business_heading_over_the_debate_title_is_not_the_title() -> None:
    text = "QUESTIONS WITHOUT NOTICE\nCompute and the Economy\n\n" + "\n\n".join(TURNS) + "\n"
    c = clean_text(text)
    assert c.title == "Compute and the Economy"
    assert pages.paras(c.text) == want(*TURNS)
    essay = "MOTIONS OF THE PLANETS\nCompute and the Economy\n\n" + "\n\n".join(ARG) + "\n"
    assert clean_text(essay).title == "MOTIONS OF THE PLANETS"


def test_a_sentence_about_the_official_report_in_the_body_stays() -> None:
    line = (
        "The official report is not a word-for-word transcript, which is why quotes from it "
        "differ from the video by a few words each time."
    )
    assert body(ARG[0], ARG[1], line, ARG[2], ARG[3]) == want(ARG[0], ARG[1], line, ARG[2], ARG[3])


# --- books of abstracts ----------------------------------------------------------------------

SESSION = "Session 2A | Friday 12 June, 09:00-10:30 | Room 101 | Chair: Dr A. Okafor"


@pytest.mark.parametrize(
    "line",
    ["Each talk is 12 minutes plus 3 minutes for questions.",
     "Slides will be uploaded to the conference app. Coffee break: 10:30-11:00.",
     "Discussion: 10:10-10:30, all speakers. Session sponsored by the Ardent Trust."],
)  # fmt: skip
def test_session_notes_go_on_a_page_with_a_session_header(line: str) -> None:
    text = SESSION + "\n\n" + line + "\n\n" + "\n\n".join(ARG) + "\n"
    assert pages.paras(clean_text(text).text) == want(*ARG)


def test_session_words_stay_on_a_page_without_a_session_header() -> None:
    line = "Talks are 12 minutes plus 3 minutes for questions, which is too short."
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_a_layout_running_foot_goes_and_a_two_column_row_inside_stays() -> None:
    row = "Compute doubling time            6"
    text = "\n\n".join([TITLE, ARG[0], row, ARG[1], "ICML Workshop Proceedings          212"])
    assert pages.paras(clean_text(text + "\n").text) == want(ARG[0], row, ARG[1])


def test_a_pdf_series_row_is_not_joined_to_the_title() -> None:
    joined = _join_pdf_lines("Working Paper No. 7 | May 2026 | Centre for Computing\nThe Title")
    assert joined.split("\n") == [
        "Working Paper No. 7 | May 2026 | Centre for Computing",
        "The Title",
    ]


# --- marked essays ---------------------------------------------------------------------------


def test_a_cover_sheet_and_marking_note_go_and_the_question_is_the_title() -> None:
    text = (
        "Eastfield Grammar School - Independent Study\n"
        "Student ID: 20931 | Tutor: Ms R. Baines\n"
        "Word count: 2,140 | Submitted 3 March 2026\n\n"
        "Will bigger models become general?\n\n" + "\n\n".join(ARG) + "\n\n"
        "Marked by R. Baines, 14 March 2026. Provisional mark, subject to moderation.\n"
    )
    got = clean_text(text)
    assert got.title == "Will bigger models become general?"
    assert pages.paras(got.text) == want(*ARG)


@pytest.mark.parametrize(
    "line",
    ["Benchmarks are marked by humans, and the markers disagree more often than we admit.",
     "The essay was marked by Dr Okoye. Her view is that scale alone will not give general "
     "intelligence, and she says so in every seminar."],
)  # fmt: skip
def test_a_sentence_about_marking_stays(line: str) -> None:
    """Only a note every sentence of which is about the marking goes."""
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


# --- forum exports ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    ["Subreddit rules: 1. Be kind 2. No memes 3. Cite sources",
     "Forum rules - (1) On topic only (2) No spam (3) English please"],
)  # fmt: skip
def test_numbered_community_rules_go(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], ARG[1])


@pytest.mark.parametrize(
    "line",
    ["Community rules matter: 1. they set norms and 2. they decide which arguments get heard at "
     "all, which is why forums differ so much.",
     "The rules: scale the model, scale the data, and the loss falls.",
     "House rules: 1. the scaling laws held for a decade across six orders of magnitude 2. "
     "nothing in the data says that they stop holding now"],
)  # fmt: skip
def test_a_sentence_about_rules_stays(line: str) -> None:
    assert body(ARG[0], line, ARG[1]) == want(ARG[0], line, ARG[1])


def test_an_archive_saved_from_stamp_goes() -> None:
    stamp = "Saved from forum.example.net/t/scaling - exported 2 May 2026 with ThreadSaver"
    assert body(stamp, *ARG) == want(*ARG)


# --- quoted mail -----------------------------------------------------------------------------

HEAD = "From: Ana Ruiz <ana@example.org>\nTo: Tomas Reyes <tomas@example.org>\nSubject: Data\n\n"


def quote(text: str) -> str:
    return "\n".join("> " + ln for ln in text.split("\n"))


def test_a_quoted_copy_of_an_earlier_message_and_its_attribution_go() -> None:
    text = (
        HEAD + ARG[0] + "\n\n" + ARG[1] + "\n\n"
        "From: Tomas Reyes <tomas@example.org>\nTo: Ana Ruiz <ana@example.org>\n"
        "Subject: Re: Data\n\n" + ARG[2] + "\n\n"
        "On Tue, 3 Mar 2026 at 09:14, Ana Ruiz <ana@example.org> wrote:\n"
        + quote(ARG[0] + "\n\n" + ARG[1])
        + "\n"
    )
    assert pages.paras(clean_text(text).text) == want(ARG[0], ARG[1], ARG[2])


def test_a_mail_archives_subject_line_with_its_list_tag_is_the_title_not_text() -> None:
    text = "[ai-policy] Re: Data\n\n" + HEAD + ARG[0] + "\n\n" + ARG[1] + "\n"
    c = clean_text(text)
    assert c.title == "Data"
    assert pages.paras(c.text) == want(ARG[0], ARG[1])


def test_an_inline_quote_found_nowhere_else_is_the_discussion_and_stays() -> None:
    q = "> Synthetic data cannot replace human text, because it only repeats what models know."
    text = HEAD + "On 3 Mar 2026, at 09:14, Ana Ruiz <ana@example.org> wrote:\n" + q + "\n\n"
    text += ARG[0] + "\n\n" + ARG[1] + "\n"
    assert pages.paras(clean_text(text).text) == want(q, ARG[0], ARG[1])


def test_an_essay_quoting_an_author_keeps_the_attribution() -> None:
    intro = "As Rich Sutton wrote:"
    q = "> The biggest lesson of seventy years of research is that general methods win."
    assert body(ARG[0], intro + "\n" + q, ARG[1]) == want(ARG[0], intro, q, ARG[1])


def test_an_ad_slot_of_an_html_page_goes() -> None:
    """An ad unit under an answer and its comments (its class names it an ad slot) is not the
    page's text."""
    src = (
        f"<html><head><title>{TITLE}</title></head><body><div class='question'><h1>{TITLE}</h1>"
        "</div><div class='answer'><div class='answer-body'>"
        + "".join(f"<p>{p}</p>" for p in ARG)
        + "</div><div class='meta'>13.6K views</div></div><div class='comments'><div class='c'>"
        "<b>Ana Ruiz</b> · Feb 4<p>A guess is still a guess.</p><span>Reply · Upvote 41</span>"
        "</div></div><div class='ad'><span>Sponsored by Nimbus Cloud</span><p>Train bigger "
        "models for less. GPUs on demand, billed by the second.</p><a href='#'>Learn more</a>"
        "</div><div class='related'><h2>Related questions</h2><ul><li><a href='#'>Is scale "
        "enough?</a></li></ul></div></body></html>"
    )
    assert pages.paras(_parse_html(src, "page.html").text) == want(*ARG)


def test_a_mailing_list_tag_and_reply_prefix_are_not_the_title() -> None:
    assert clean_title("[ai-policy] Re: Fwd: Will scale alone do it?") == "Will scale alone do it?"
    assert clean_title("[Updated] Why the curve bends") == "[Updated] Why the curve bends"


# --- properties ------------------------------------------------------------------------------

FURNITURE = [
    *MUSEUM_LINES,
    "Print this page | Back to top | Contact the Official Report",
    "Community rules: 1. Be civil 2. No self-promotion 3. Sources for claims",
    "Marked by J. Kerr, 2 May 2026. Internal moderation: pending.",
    "-----Original Message-----",
]
MENTIONS = [
    *MUSEUM_PROSE,
    "The procedure was suspended while the committee argued about the evidence for scaling.",
    "Marked by a decade of failed predictions, the field learned to distrust extrapolation.",
    "Community rules on forums shape what counts as evidence, and moderators enforce them.",
    "Print this page of the report and you will see the curve bend after 2024.",
    "She wrote: the data wall is real, and it binds before the compute wall does.",
    "Slides from the talk show the loss curve flattening, but the axis is logarithmic.",
    "Sitting suspended between two camps, the median forecaster now puts AGI after 2040.",
]


@settings(max_examples=60, deadline=None)
@given(pages.articles(pages.PROSE + MENTIONS, HEADINGS, 6), st.sampled_from(["txt", "md"]))
def test_a_body_without_these_notices_never_changes(parts, fmt) -> None:
    """Sentences that merely use the notices' words (a museum, a procedure, rules, marking, a
    quote) stay, wherever they stand in an article without the notices."""
    art = pages.read_page(fmt, TITLE, parts)
    assert pages.paras(art.text) == want(*parts)
    assert art.title == TITLE


@settings(max_examples=60, deadline=None)
@given(
    pages.articles(pages.PROSE + MENTIONS, HEADINGS, 5), st.sampled_from(["txt", "md"]), st.data()
)
def test_this_furniture_anywhere_in_any_article_never_changes_its_body(parts, fmt, data) -> None:
    dressed = pages.dress(data, parts, FURNITURE)
    art = pages.read_page(fmt, TITLE, dressed)
    assert pages.paras(art.text) == want(*parts)
    assert art.title == TITLE


@settings(max_examples=100, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["audio", "guide", "stop", "label", "object", "rules", "marked", "by", "session",
             "suspended", "sitting", "print", "page", "wrote", "the", "model", "scaling", "data",
             "1960", "gift", "of", "lent", "open", "daily", "verbatim", "record", "talks", "are",
             "discussion", "large-print", "moderation", "hansard"]
        ),
        min_size=6,
        max_size=25,
    ),
    st.sampled_from([".", "!", "?"]),
)  # fmt: skip
def test_one_sentence_made_of_these_words_is_never_a_notice_by_itself(words, end) -> None:
    """A single sentence that uses the notices' words, on a page of no such format, is prose:
    the rules that need every sentence to be a notice take one sentence only on its format's
    page (a museum text, a programme, a record's head or tail)."""
    line = "Critics argue that " + " ".join(words) + end
    assert not is_record_line(line)
