"""Chrome of transcripts, forums, newsletters and hosted platforms stays out (issue 12 item 5).

The chrome pages of these formats are in tests/fixtures/chrome (podcast_transcript.txt to
x_rows.txt, checked by test_import_chrome.py with the other pages). Here: the rules that should
hold for any article — inserting this furniture anywhere never changes the body, and a sentence
that merely uses one of its words is never dropped — and the lines that must stay (speaker
labels, timestamps in front of speech, stage notes that are part of the speech).
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.chrome import line_kind
from model.importer.evaluate import normalise
from model.importer.furniture import is_furniture, strip_stage
from storage.articles import _parse_html
from tests import pages

PROSE = pages.PROSE  # paragraphs of our own writing
HEADINGS = [
    "Why the curves held",
    "The data problem",
    "What would change my mind",
    "10 years later",
]
# Article sentences that use a word of the furniture (sponsor, review, share, episode, karma,
# applause, subscribe, percentages) while arguing: they are prose and stay.
WORDY = [
    "The whole field has been sponsored by cheap compute, and that sponsor may not stay forever.",
    "Inference prices are now roughly 80% off their level of two years ago, which makes long "
    "reasoning chains affordable.",
    "Reviewers who rate and review benchmark papers often miss how much test data leaked into "
    "the training sets.",
    "Critics reply that karma on forums and likes on social media measure attention, not truth.",
    "The applause for each new model fades quickly once people test it on their own problems.",
    "In this episode of the scaling story, data rather than compute is the constraint that binds.",
    "Before the debate about walls began, 40% of surveyed researchers expected steady progress.",
    "Few labs unsubscribe from the scaling bet, even when a single run costs a billion dollars.",
    "Anyone can share a chart, but a forecast needs a mechanism that explains why the curve "
    "should continue.",
    "Promo videos of new models show the best cases, and independent tests usually find a "
    "weaker system than the demo suggested.",
    "Our newsletter readers were split: half expected a wall, half expected the curves to hold.",
    "A model that can follow a thread of reasoning for hours would change the debate more than "
    "any benchmark score.",
    "Was this issue ever going to be settled by benchmarks alone, or did it always need a theory "
    "of intelligence?",
    "Answered by a bigger model, the same question gets a longer and more confident reply, not "
    "always a better one.",
    "The story continues below the surface: most of the gains come from data work that no paper "
    "describes.",
    "Continue this thread of reasoning far enough and you reach the question of what the models "
    "still lack.",
    "Published in 2020, the first scaling-law paper changed how labs plan their budgets.",
    # Fifth round: words of calls, hearings, chat exports, wires and Q&A pages in an argument.
    "The grid operator says our next question comes from physics: can the plant run at night?",
    "Our next question comes from the data: can synthetic text replace human writing at scale?",
    "Forecasts of general intelligence are forward-looking statements and deserve a discount.",
    "Without objection from investors, the lab doubled its training budget again last year.",
    "Please go ahead and test the model on problems it has never seen before.",
    "The chair now recognizes that scaling alone will not suffice, according to the minutes.",
    "I yield to no one in my admiration for scaling laws, but they are not a theory of mind.",
    "Source of the gains is still debated, but compute explains most of them in every study.",
    "About the data: most of the gains came from cleaner text rather than from more of it.",
    "Thank you all for the objections, because each one sharpened the forecast we published.",
    "Ask any question you like and the model answers, which is not the same as understanding.",
    "The model was edited after training, and the edits did not survive the next fine-tune.",
    # Sixth round: words of exports, decks, event pages and transcript records in an argument.
    "Exported from Taiwan, the chips behind every training run are the real bottleneck.",
    "The recordings of the 2019 debate are available to anyone, and they show how little the "
    "arguments changed.",
    "This record is not a fluke: training compute has grown about fourfold a year since 2010.",
    "Confidential briefings — not for distribution — still promised general intelligence soon.",
    "Registered users sign up at a rate of a million a week, which no lab can ignore.",
    "Made with synthetic data, the new models still fail on the tasks that need memory.",
    "Hosted by three universities, the benchmark has become the field's common yardstick.",
]
FURNITURE = [
    ["[applause]"],
    ["(Laughter)"],
    ["[crosstalk]", "[music]"],
    ["00:14:02"],
    [
        "This episode is brought to you by Brindle, the calendar for busy teams. Use promo code "
        "SCALE for 15% off your first year."
    ],
    ["If you are enjoying the show, please rate and review us on Apple Podcasts."],
    ["Chapters", "00:00 Intro", "04:12 The data question", "19:40 Listener mail"],
    ["Before the debate: 40% for the motion, 45% against, 15% undecided."],
    ["Transcript provided by Example Transcription Services."],
    ["▲ 17 ▼", "Reply · Share · Report"],
    ["Continue this thread →"],
    ["Crossposted from the Example Forum."],
    ["View this email in your browser"],
    [
        "You are receiving this email because you subscribed to Example Weekly.",
        "Unsubscribe | Update your preferences",
    ],
    ["Example Weekly · 12 Market Street · Springfield, IL 62701"],
    ["Member-only story"],
    ["Published in Example Review"],
    ["12 replies 40 reposts 311 likes 25K views"],
    ["Show more replies"],
    ["Advertisement"],
    ["Read more: Why chips are the new oil"],
    [
        "We value your privacy",
        "We and our 140 partners store and access information on your device.",
        "I Accept",
        "Show Purposes",
    ],
    ["Story continues below"],
    ["Photograph: Example Images"],
    ["This topic was automatically closed 30 days after the last reply."],
    # Fifth round (model/importer/formats.py).
    [
        "Operator",
        "Thank you. Our next question comes from Ana Ruiz with Example Securities. Your line is "
        "open.",
    ],
    [
        "Please note that today's discussion contains forward-looking statements within the "
        "meaning of the Private Securities Litigation Reform Act of 1995. Actual results could "
        "differ materially. We undertake no obligation to update them."
    ],
    ["Chairwoman BENNETT. The gentlewoman's time has expired.", "Without objection, so ordered."],
    ["[Whereupon, at 11:48 a.m., the Subcommittee was adjourned.]"],
    ["FOR IMMEDIATE RELEASE"],
    ["Media Contact:", "Jamie Park", "press@example.org", "###", "SOURCE Example Labs"],
    ["[RECORDING STARTS]"],
    ["Captions for this lecture were generated automatically and may contain errors."],
    ["👍 (4) 🔥 (2)"],
    ["tomas_r joined the server."],
    ["mira.k pinned a message to this channel. See all pinned messages."],
    ["POLL: Will scale reach AGI by 2030?", "Yes — 5 votes (36%)", "No — 9 votes (64%)"],
    ["From Wikipedia, the free encyclopedia"],
    [
        "This article's neutrality is disputed. Relevant discussion may be found on the talk "
        "page. (Learn how and when to remove this message)"
    ],
    ["Slide 4 of 20"],
    ["@Tomas Reyes can you add the numbers from the last run here?"],
    ["…see more", "#AGI #Scaling"],
    ["Tomas Reyes and 1,203 others"],
    ["You have 2 free articles left this month. Subscribe for unlimited access."],
    ["Subscribe to continue reading", "Already a subscriber? Sign in"],
    ["Downloaded from https://papers.example.org/wp by guest on 4 March 2026"],
    ["Electronic copy available at: https://papers.example.org/abstract=1"],
    ["thanks for watching"],
    # Sixth round (model/importer/exports.py).
    ["Page 2 of 7 · Document AB-2026-017"],
    ["Northgate Labs — Confidential — Not for distribution"],
    [
        "This is an uncorrected transcript. Neither Members nor witnesses have had the "
        "opportunity to correct the record."
    ],
    ["@mention someone or add a comment…", "Page history · Share · Duplicate · Move to"],
    ["Related talks: “Agents at work” · “Power and the grid”"],
    ["Session recordings are available to registered attendees in the summit app."],
    ["Get the weekly digest — sign up at example-summit.org/digest"],
    ["Home › Programme › Day 2"],
    ["--oOo--"],
    ["Made with Coda · Report abuse"],
    ["Join this group · Report event"],
    ["The slides from the talk are available to members in the group's files."],
]


def articles(pool: list[str] = PROSE) -> st.SearchStrategy[list[str]]:
    return pages.articles(pool, HEADINGS, max_size=6)


# A Q&A answer's card ends its answer. Put twice (or three times), it used to make the text between
# the cards read as a second answer, a post of a thread, which the reader cut as replies; the
# card's action line ("answered …") now closes the post above it (docs/import.md, sixth round).
ANSWER_CARD = ["Share", "Improve this answer", "Follow", "answered Mar 1, 2024 at 14:20"]


@settings(max_examples=60, deadline=None)
@given(articles(), st.sampled_from(["txt", "md", "html"]), st.data())
def test_furniture_inserted_anywhere_never_changes_the_body(body, fmt, data) -> None:
    parts = list(body)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(parts)))
        parts[at:at] = ["\n".join(data.draw(st.sampled_from([*FURNITURE, ANSWER_CARD])))]
    pages.assert_reads_as_body(fmt, "Scale and Its Limits", body, parts)


@settings(max_examples=40, deadline=None)
@given(articles(), st.sampled_from(["txt", "md", "html"]), st.data())
def test_an_answer_card_after_several_paragraphs_never_cuts_the_text(body, fmt, data) -> None:
    parts = list(body)
    for _ in range(data.draw(st.integers(2, 3))):
        at = data.draw(st.integers(0, len(parts)))
        parts[at:at] = ["\n".join(ANSWER_CARD)]
    pages.assert_reads_as_body(fmt, "Scale and Its Limits", body, parts)


@settings(max_examples=60, deadline=None)
@given(articles(PROSE + WORDY), st.sampled_from(["txt", "md"]))
def test_a_sentence_that_uses_a_furniture_word_is_never_dropped(body, fmt) -> None:
    assert pages.paras(pages.read_page(fmt, "Scale and Its Limits", body).text) == [
        normalise(p).strip() for p in body
    ]


@given(st.sampled_from(WORDY))
def test_no_furniture_rule_fires_on_an_arguing_sentence(sentence: str) -> None:
    assert not is_furniture(sentence)
    assert strip_stage(sentence) == sentence


def test_stage_notes_go_but_notes_that_are_part_of_the_speech_stay() -> None:
    line = "GUEST: Thank you. (Laughter) The curve [applause] held, as in 2020 (see above) [sic]."
    assert strip_stage(line) == "GUEST: Thank you. The curve held, as in 2020 (see above) [sic]."
    assert (
        strip_stage("HOST: and then [inaudible] it worked")
        == "HOST: and then [inaudible] it worked"
    )
    assert is_furniture("[intro music]") and is_furniture("(Applause)")
    assert is_furniture("[00:00:09] [music fades out]")


def test_timestamps_alone_go_but_speaker_labels_and_timestamps_before_speech_stay() -> None:
    turns = [
        "[00:18:22] HOST: Is a saturated benchmark not a sign that we measure the wrong things?",
        "Maya Chen  00:03:12",
        "I think it is, and that is why we need harder tests before we call a plateau.",
        "GUEST (Ana Ruiz): The next model will tell us more than any argument we can make today.",
    ]
    text = "\n\n".join(["An Episode", PROSE[0], "00:18:22", *turns, "[01:02]", PROSE[1]])
    body = clean_text(text).text
    assert all(t in body for t in turns)
    assert "\n00:18:22" not in body and "[01:02]" not in body
    assert not line_kind("Maya Chen  00:03:12").header, "an elapsed time marks a turn, not a post"
    assert line_kind("Maya Chen · 3h ago").header


def test_an_ad_is_known_by_its_opener_or_its_details_not_by_a_word() -> None:
    assert is_furniture("Today's episode is also supported by Example VPN. Three months free.")
    assert is_furniture("[00:21:00] HOST: This episode is brought to you by Example Notes.")
    assert is_furniture("Head to example.org and use code SCALE for 20% off.")
    assert not is_furniture(
        "HOST: A listener wrote in to say that this episode of hype will end like the last one."
    )
    long_ad_like = " ".join([WORDY[0]] + PROSE[:3]) + " Use promo code as a metaphor here."
    assert not is_furniture(long_ad_like), "a long paragraph is an argument, not an ad slot"


def test_poll_housekeeping_needs_its_label_and_a_tally() -> None:
    assert is_furniture("After the debate: 45% for the motion, 51% against, 4% undecided.")
    assert is_furniture("Results: 52% for, 48% against.")
    assert not is_furniture(
        "After the debate, the share of the audience expecting a wall fell from 41% to 30%."
    )


def test_a_postal_footer_goes_but_a_sentence_naming_a_street_stays() -> None:
    assert is_furniture("Example Weekly, 400 Harbor Street, Portland, OR 97209, USA")
    assert is_furniture("548 Market Street PMB 72296, San Francisco, CA 94104")
    assert not is_furniture(
        "The lab moved to 12 Market Street in 2021 and doubled its cluster within a year."
    )


def test_a_discussion_page_whose_posts_sit_in_comment_containers_is_read() -> None:
    post = "<div class='comment'><a>ana-k</a> on Feb 3, 2026<p>{}</p></div>"
    src = "<html><head><title>Evals</title></head><body><h1>Evals</h1>{}</body></html>".format(
        "".join(post.format(p) for p in PROSE[:3])
    )
    art = _parse_html(src, "d.html")
    assert pages.paras(art.text) == [normalise(p) for p in PROSE[:3]]


def test_a_table_layout_thread_reads_its_posts_without_their_headers_or_controls() -> None:
    """Link aggregators lay a thread out as table rows: an empty spacer cell (the reply's
    indent), a header of user, age and thread links (parent, next, a collapse toggle), the
    post, a reply link. The posts are the text; headers, controls and menus are not."""
    row = (
        "<tr class='athing'><td class='ind'><img src='s.gif' width='{w}'></td>"
        "<td class='default'><div><span class='comhead'><a href='user?id=u{k}'>user{k}</a> "
        "<span class='age'><a href='item?id={k}'>{k} hours ago</a></span> | "
        "<a href='#'>parent</a> | <a href='#'>next</a> <a class='togg'>[–]</a></span></div>"
        "<div class='comment'><span class='commtext'>{p}</span><div class='reply'><p>"
        "<a href='reply?id={k}'>reply</a></p></div></div></td></tr>"
    )
    rows = "".join(row.format(w=40 * (k % 3), p=p, k=k) for k, p in enumerate(PROSE[:4]))
    src = (
        "<html><head><title>Scaling thread</title></head><body>"
        "<table><tr><td><a href='/'>Home</a> | <a href='/new'>new</a> | <a href='/ask'>ask</a>"
        " | <a href='/jobs'>jobs</a> | <a href='/submit'>submit</a></td></tr></table>"
        f"<table class='thread'>{rows}</table>"
        "<table><tr><td><a href='/faq'>Guidelines</a> | <a href='/api'>API</a> | "
        "<a href='/legal'>Legal</a> | <a href='/contact'>Contact</a></td></tr></table>"
        "</body></html>"
    )
    art = _parse_html(src, "t.html")
    assert pages.paras(art.text) == [normalise(p) for p in PROSE[:4]]


def test_a_table_row_with_one_filled_cell_is_a_line_of_text() -> None:
    """Spacer cells (a reply's indent) do not make a layout row a table: its one filled cell is
    the line, so a thread laid out in tables is seen to hold prose."""
    from storage.articles import _has_prose, _unwrap_cells

    rows = "\n".join(f"|  | {p} |" if k % 2 else f"| | | {p} |" for k, p in enumerate(PROSE))
    assert _unwrap_cells(rows).split("\n") == PROSE
    assert _has_prose(rows)
    assert _unwrap_cells("| 2023 | 3.8e25 | GPT-4 |") == "| 2023 | 3.8e25 | GPT-4 |"  # a table


def test_a_forum_post_header_split_over_lines_marks_a_thread() -> None:
    """Forums saved as text print a post's login, a badge and its date on lines of their own
    ("ravi_k" / "Regular" / "Mar 2"); the posts are the text, the headers and the topic's
    category line are not, and a gap marker between posts goes only in a thread."""
    posts = PROSE[:3]
    text = "\n\n".join([
        "Will scale get us there?", "Research", "ana_k", "Mar 2", posts[0], "4 Likes",
        "tom.b", "Regular", "Mar 3", posts[1], "2 months later", "lee-9", "May 4", posts[2],
    ])  # fmt: skip
    got = clean_text(text)
    assert pages.paras(got.text) == [normalise(p) for p in posts]
    assert got.title == "Will scale get us there?"
    headed = text.replace("Research", "Background\n\n" + PROSE[3], 1)
    assert "Background" in clean_text(headed).text, "a heading over prose is the author's"
    essay = "\n\n".join(["An Essay", PROSE[0], "10 years later", PROSE[1]])
    assert "10 years later" in clean_text(essay).text


def test_a_byline_with_a_role_is_not_the_title() -> None:
    text = "\n\n".join([
        "Labs bet on scale", "Why the money keeps coming", "By Ana Ruiz, Science Editor",
        "Updated 14 May 2026, 08:12 BST", *PROSE[:3],
    ])  # fmt: skip
    got = clean_text(text)
    assert got.title == "Labs bet on scale"
    assert pages.paras(got.text) == [normalise(p) for p in PROSE[:3]]


def test_a_heading_repeated_before_a_short_closing_sentence_is_not_a_running_footer() -> None:
    """Hypothesis found it: a heading near the top and again just before a short last sentence
    was taken for a running header and footer, and both copies went."""
    body = [PROSE[0], HEADINGS[0], PROSE[1], PROSE[2], HEADINGS[0], "It ends well, I think."]
    assert pages.paras(pages.read_page("txt", "Scale and Its Limits", body).text) == body
