"""A text file's title is its own heading, not the masthead or document kind printed over it.

Among the held-out articles, "THE BELLWETHER" (a parish newsletter's masthead), "MEMORANDUM"
and "UNITED STATES" (over a filing) had been taken for titles. A title in capitals that says
something is still a title. The pages here are written for these tests.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text, clean_title
from model.importer.chrome import never_title
from model.importer.exports import first_slide, header_row
from storage.articles import _parse_html, _whole_title, _with_subtitle, read_article
from tests.test_import_support import make_pdf

BODY = (
    "The council asked me to write about the new machines, and I agreed because the question "
    "of whether bigger models will come to think as we do matters to everyone here.\n\n"
    "I am not persuaded that more of the same will get there.\n"
)


@pytest.mark.parametrize(
    "masthead", ["THE BELLWETHER", "MEMORANDUM", "PARISH NEWS", "UNITED STATES"]
)
def test_a_masthead_in_capitals_is_not_the_title(masthead) -> None:
    page = f"{masthead}\n\nClever Machines and the Limits of More\n\n{BODY}"
    cleaned = clean_text(page)
    assert cleaned.title == "Clever Machines and the Limits of More"
    assert cleaned.text.startswith("The council asked me")


def test_a_title_in_capitals_that_says_something_is_kept() -> None:
    assert clean_text(f"SCALING IS NOT ENOUGH\n\n{BODY}").title == "SCALING IS NOT ENOUGH"


# Twelfth round: general rules from the formats' conventions; every page below is invented.

TITLE = "What the Orchard Taught Us About Bigger Models"


def title_of(head: str, body: str = BODY) -> str:
    return clean_text(f"{head}\n\n{body}").title


@pytest.mark.parametrize(
    "control", ["48 comments", "1.2K likes", "Share", "Read more", "Click to Follow hwestmoor"]
)
def test_a_counter_or_button_over_the_title_is_not_the_title(control) -> None:
    assert title_of(f"{control}\n{TITLE}") == TITLE
    assert never_title(control) and not never_title(TITLE)


@pytest.mark.parametrize(
    "stamp", ["Version 3 · built 2 May 2027", "v2.1", "Rev. 4", "Last updated 9 June 2027"]
)
def test_a_version_or_build_line_is_not_the_title(stamp) -> None:
    assert title_of(f"{stamp}\n\n{TITLE}") == TITLE


def test_a_banner_row_set_with_middle_dots_is_not_the_title() -> None:
    banner = "ORCHARD HOUR · a weekly show about trees and machines"
    assert title_of(f"{banner}\n{TITLE}") == TITLE
    running_head = "Machines and Minds, 2nd edition · Chapter 4: Growth · 88"
    assert title_of(f"{running_head}\n\n{TITLE}") == TITLE


def test_a_byline_is_not_the_title_and_a_headline_may_open_with_a_quote() -> None:
    quoted = '"BIGGER" IS NOT A PLAN, AND NEVER WAS'
    page = (
        f"RIVERSIDE GROWERS' ASSOCIATION (RGA)\n\n{quoted}\n\nBy Tomasz Welling, Orchard Secretary"
    )
    assert title_of(page) == quoted
    assert title_of(f"By Tomasz Welling, Orchard Secretary\n\n{TITLE}") == TITLE


def test_a_row_of_capital_names_is_a_masthead() -> None:
    assert title_of(f"THE SHED — LETTERS\n\n{TITLE}") == TITLE


@pytest.mark.parametrize("field", ["Regarding", "Title", "Re"])
def test_a_head_blocks_subject_field_gives_the_title(field) -> None:
    head = (
        "WESTMOOR PARISH COUNCIL\nPLANNING NOTE\n\n"
        f"{field}: Orchard Data Shed, Application 77/B\nPrepared by: R. Haldane\n"
        "Date: 4 March 2027"
    )
    assert title_of(head) == "Orchard Data Shed, Application 77/B"


def test_a_quoted_field_value_takes_the_line_it_wraps_onto() -> None:
    head = (
        "REVIEW PANEL NOTES\n\n"
        'Title: "Orchards, Machines and the Long Road: What Growth Alone\n'
        'Cannot Buy"\nApplicant: Dr. Ines Porter\nOutcome: Declined'
    )
    cleaned = clean_text(f"{head}\n\n{BODY}")
    assert cleaned.title == "Orchards, Machines and the Long Road: What Growth Alone Cannot Buy"
    assert "Cannot Buy" not in cleaned.text


def test_a_thesis_field_names_a_defence_record() -> None:
    head = 'Candidate: Ada Kellerman\nThesis: "Growing Minds: A Study of Size"\nDate: 2 May 2027'
    assert title_of(head) == "Growing Minds: A Study of Size"


CAPTION_PAGE = (
    "                 SUPERIOR COURT OF THE STATE OF ESSEXSHIRE\n"
    "  IN RE ORCHARD MACHINES, INC.        )  Case No. 3:27-cv-0001\n"
    "  LITIGATION                          )\n"
    "  ____________________________________)\n\n"
    "            REMOTE DEPOSITION OF PRIYA HALLORAN\n"
    "                  Dover, Essexshire\n\n"
)


def test_a_court_is_not_the_title_and_the_captions_own_heading_is() -> None:
    cleaned = clean_text(CAPTION_PAGE + BODY)
    assert cleaned.title == "REMOTE DEPOSITION OF PRIYA HALLORAN"
    assert "SUPERIOR COURT" not in cleaned.text
    assert title_of(f"IN THE COURT OF APPEAL OF ESSEXSHIRE\n\n{TITLE}") == TITLE


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("Orchards Are Not Data Centres, and Why\nthat Matters for Machines", None),
        ("A Field Guide to the Case for\nBigger Machines in the Orchard", None),
        (
            "        Growth Conventions for Claims About Orchard\n"
            "              Machines and Their Limits",
            "Growth Conventions for Claims About Orchard Machines and Their Limits",
        ),
    ],
)
def test_a_title_line_wraps_onto_the_next(head, title) -> None:
    want = title or " ".join(head.split())
    cleaned = clean_text(f"{head}\n\n{BODY}")
    assert cleaned.title == want
    assert cleaned.text.startswith("The council asked me")


def test_a_title_over_its_standfirst_does_not_wrap() -> None:
    head = f"{TITLE}\nA Note From the Orchard Committee"
    assert title_of(head) == TITLE


def test_a_counter_after_the_title_and_a_networks_name_prefix_go() -> None:
    assert clean_title(f"{TITLE} | 48 comments") == TITLE
    assert clean_title("Orchards Now | 1,284 comments") == "Orchards Now"
    assert clean_title(f'Hana Westmoor on LinkedIn: "{TITLE}"') == TITLE
    kept = "Hana Westmoor on Orchards: Growth Without End"  # an interview's title, no network
    assert clean_title(kept) == kept


def test_an_html_page_whose_metadata_title_is_a_counter_keeps_its_title() -> None:
    src = (
        f"<html><head><title>Hana Westmoor on LinkedIn: {TITLE}. | 48 comments</title></head>"
        f"<body><main><p>{BODY}</p><p>{BODY}</p></main></body></html>"
    )
    assert _parse_html(src, "post.html").title == f"{TITLE}."


def test_a_pdfs_short_info_title_is_taken_whole_from_its_title_lines() -> None:
    text = (
        "ORCHARD INSTITUTE\nBrief of the Growers of the Westmoor\nValley in Support of Caution\n"
        + BODY
    )
    assert _whole_title("Brief of the Growers of the Westmoor Valley", text) == (
        "Brief of the Growers of the Westmoor Valley in Support of Caution"
    )
    whole = f"{TITLE}\nExecutive summary\n{BODY}"  # the lines end where the info title ends
    assert _whole_title(TITLE, whole) == TITLE


def test_a_pdf_reads_its_title_whole_when_its_info_title_stops_short(tmp_path) -> None:
    path = tmp_path / "brief.pdf"
    lines = ["Brief of the Growers of the Westmoor", "Valley in Support of Caution", BODY]
    path.write_bytes(make_pdf(lines, title="Brief of the Growers of the Westmoor Valley"))
    title = read_article(str(path)).title
    assert title == "Brief of the Growers of the Westmoor Valley in Support of Caution"


def test_skip_links_and_click_to_buttons_are_chrome() -> None:
    cleaned = clean_text(f"Skip to home\n{TITLE}\n\n{BODY}\nTap to follow hwestmoor\n\n{BODY}")
    assert cleaned.title == TITLE
    assert "Skip" not in cleaned.text and "follow" not in cleaned.text


CONTROLS = st.sampled_from(
    ["48 comments", "Share", "Read more", "Reply", "1.2K views", "Click to Follow hwestmoor",
     "Version 2 · built 3 May 2027", "ORCHARD HOUR · a weekly show"]
)  # fmt: skip
LINES = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd", "Zs", "Po")),
    min_size=1,
    max_size=60,
).filter(lambda s: s.strip())


@settings(max_examples=150, deadline=None)
@given(control=CONTROLS, after=st.lists(LINES, min_size=0, max_size=3))
def test_a_counter_or_button_line_is_never_the_title_whatever_follows(control, after) -> None:
    page = "\n".join([control, *after]) + "\n\n" + BODY
    assert clean_text(page).title != control


# Fourteenth round (the eleventh and twelfth sets spent): a record's fields and a deck's title
# slide. Every page below is invented.

PORTAL_HEAD = (
    "WESTMOOR VALLEY COUNCIL · PUBLIC SUBMISSIONS\n"
    "Submission 12 · Received 3 May 2027\n"
    "Portal note: submissions are posted exactly as received and the council does not edit them.\n\n"
)


def test_a_records_subject_field_is_its_title_and_its_other_fields_are_not() -> None:
    record = (
        "Submitter: Ms. Ines Porter\n"
        "Affiliation: Westmoor Orchard Society\n"
        "Subject: Submission on the draft rules for orchard machines\n\n"
    )
    cleaned = clean_text(PORTAL_HEAD + record + BODY)
    assert cleaned.title == "Submission on the draft rules for orchard machines"
    assert "Submitter: Ms. Ines Porter" in cleaned.text  # the record stays, as printed
    assert "PUBLIC SUBMISSIONS" not in cleaned.text
    # a record with no title field names no title of its own
    no_subject = "Submitter: Ms. Ines Porter\nAffiliation: Westmoor Orchard Society\n\n"
    assert clean_text(PORTAL_HEAD + no_subject + BODY).title != "Westmoor Orchard Society"


def deck(cover: str) -> str:
    notes = "Speaker notes\n" + BODY.split("\n")[0]
    slides = [
        "Bigger tractors are not the plan. Better soil is.\nGrowers' meeting · 5 May 2027",
        "What the harvests show\n• Yields rose with every new machine until 2025",
        "Where the money goes\n• Fuel and repairs: up a third in two years",
        "What we propose\n• Spend on soil, not horsepower",
    ]
    body = "\n\n".join(
        f"— {n} —\n{s}\nWestmoor Orchards · Members only\n{notes}" for n, s in enumerate(slides, 1)
    )
    return f"{cover}\n\n{body}\n"


def test_a_decks_title_is_its_title_slides_first_line_not_the_exports_header() -> None:
    header = "Westmoor Orchards — Growers' meeting — Q2 2027\nPrinted 4 May 2027, 09:10 · 4 slides"
    cleaned = clean_text(deck(header))
    assert cleaned.title == "Bigger tractors are not the plan. Better soil is."
    assert "Bigger tractors" not in cleaned.text and "Q2 2027" not in cleaned.text
    assert header_row("Westmoor Orchards — Growers' meeting — Q2 2027")
    assert not header_row("Bigger Machines — and the Orchard — Explained")
    # numbered sections ("01.") are no slides; a cover title above the first slide stays
    assert (
        first_slide(["Primer", "01.", "Soil", "02.", "Water", "03.", "Sun"], [0, 1, 2, 3, 4, 5, 6])
        is None
    )
    assert (
        first_slide(["Primer", "— 1 —", "Soil", "— 2 —", "Water", "— 3 —"], [0, 1, 2, 3, 4, 5]) == 1
    )
    assert clean_text(deck("Soil Before Horsepower")).title == "Soil Before Horsepower"


def test_a_forum_posts_flair_tag_is_not_part_of_its_title() -> None:
    head = "r/OrchardTalk\n\n[Discussion] Will bigger tractors ever prune a tree as well as we do?"
    cleaned = clean_text(f"{head}\n\n{BODY}")
    assert cleaned.title == "Will bigger tractors ever prune a tree as well as we do?"
    assert "[Discussion]" not in cleaned.text
    assert clean_title("[D] Soil before horsepower") == "Soil before horsepower"
    assert clean_title("[Updated] Soil before horsepower") == "[Updated] Soil before horsepower"


def test_a_mastodon_page_title_is_the_post_not_its_posters_name() -> None:
    page = 'Hana Westmoor: "Thread: why the orchard needs soil, not horsepower" - Orchard Social'
    assert clean_title(page) == "Thread: why the orchard needs soil, not horsepower"
    assert clean_title('Review: "The Long Orchard"') == 'Review: "The Long Orchard"'


CHAT_HEAD = (
    "==============================\n"
    "Guild: Westmoor Growers\n"
    "Channel: Orchard / tractor-talk (998877665544332211)\n"
    "Topic: {topic}\n"
    "After: 01-May-27 12:00 AM\n"
    "==============================\n\n"
    "[01-May-27 09:02 PM] hwestmoor\n"
)


def test_a_chat_exports_title_is_its_channel_when_its_topic_is_a_notice() -> None:
    notice = "Weekly thread on machines in the orchard. Bring evidence. Be kind."
    cleaned = clean_text(CHAT_HEAD.format(topic=notice) + BODY)
    assert cleaned.title == "tractor-talk"
    question = "Will bigger tractors replace the pruning crew?"
    assert clean_text(CHAT_HEAD.format(topic=question) + BODY).title == question


def test_an_html_pages_title_element_gives_the_headlines_subtitle() -> None:
    src = (
        "<html><head><title>The Long Orchard: Hana Westmoor on why soil comes first"
        " | Growers' Quarterly</title></head><body><article><h1>The Long Orchard</h1>"
        f"<p>{BODY}</p><p>{BODY}</p></article></body></html>"
    )
    art = _parse_html(src, "profile.html")
    assert art.title == "The Long Orchard: Hana Westmoor on why soil comes first"
    assert _with_subtitle("The Long Orchard", "The Long Orchard Society") == "The Long Orchard"
    # a share caption's lead-in before the page's own title goes
    assert _with_subtitle("We're hiring: Orchard Hand, Pruning", "Orchard Hand, Pruning") == (
        "Orchard Hand, Pruning"
    )


def test_a_row_of_section_labels_over_the_headline_is_not_the_title() -> None:
    cleaned = clean_text(f"Farming | Analysis\n{TITLE}\n\n{BODY}")
    assert cleaned.title == TITLE
    assert "Farming" not in cleaned.text and TITLE not in cleaned.text
    # a short title with its site's name, alone, is still the title
    assert title_of("Orchard Machines | Growers") == "Orchard Machines"


def test_a_lower_case_phrase_after_a_dash_is_the_titles_own_tail_not_a_site() -> None:
    live = "Orchard fair: the great pruning debate - as it happened"
    assert clean_title(f"{live} | Growers Daily") == live
    assert clean_title(live) == live
    assert clean_title("Soil comes first - Growers Daily") == "Soil comes first"


def test_a_long_headline_in_capitals_is_read_in_the_case_its_text_writes_its_words() -> None:
    shout = "A LETTER TO THE WESTMOOR COUNCIL: STOP BUYING AI TRACTORS FOR THE ORCHARD"
    body = (
        "We write to the council because the Westmoor orchards are ours too, and the AI tractors "
        "it plans to buy have not pruned a single tree as well as the crew does.\n\n" + BODY
    )
    assert clean_text(f"{shout}\n\n{body}").title == (
        "A letter to the Westmoor council: stop buying AI tractors for the orchard"
    )
    # a short heading in capitals is display type and stays as printed
    assert clean_text(f"SCALING IS NOT ENOUGH\n\n{body}").title == "SCALING IS NOT ENOUGH"
