"""Page chrome stays out of imported text, and the article's own text stays in (issue 12 item 5).

The pages in tests/fixtures/chrome are our own writing, laid out as real pages are: a blog post
with share bar, newsletter box, bio, post navigation and comments (HTML), a news page whose
chrome has no telling class names (HTML), a page saved from a browser as text, a forum thread,
a memo with markings, a Markdown blog with comments and a Markdown news clip; then, written
after the rules were frozen, a Substack-style page saved as text, a table-built forum thread and
a Markdown policy brief; then the furniture of other formats (a podcast and a debate transcript,
an email newsletter, Medium, LessWrong, Reddit, GitHub Discussions and X pages; rules in
model/importer/furniture.py and tests in test_import_chrome_formats.py); then calls, hearings,
chat exports, Q&A, encyclopedia, slide, document, LinkedIn, paywalled and PDF pages (rules in
model/importer/formats.py, tests in test_import_chrome_fifth.py). expected.json lists each
page's body paragraphs: the extracted text must be exactly those (plus the leaks still known,
listed there).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.boilerplate import clean_text
from model.importer.chrome import find_chrome, line_kind
from model.importer.evaluate import normalise
from storage.articles import _parse_markdown, read_many
from tests import pages

PAGES = Path(__file__).parent / "fixtures" / "chrome"
EXPECTED = {
    k: v
    for k, v in json.loads((PAGES / "expected.json").read_text(encoding="utf-8")).items()
    if not k.startswith("_")
}


@pytest.fixture(scope="module")
def read() -> dict:
    names = sorted(EXPECTED)
    return dict(zip(names, read_many([str(PAGES / n) for n in names]), strict=True))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_chrome_laden_page_reads_as_exactly_its_body(read, name: str) -> None:
    art, want = read[name], EXPECTED[name]
    got = pages.paras(art.text)
    body = [normalise(b).strip() for b in want["body"]]
    known = [normalise(b).strip() for b in want.get("known_leaks", [])]
    assert [p for p in body if p not in got] == [], "no body paragraph is lost"
    assert [p for p in got if p not in body] == known, "nothing but the body is kept"
    assert [p for p in got if p in body] == body, "in order"
    leaked = [c for c in want["chrome"] if normalise(c) in normalise(art.text)]
    assert leaked == []
    assert art.title == want.get("known_title", want["title"])


def test_page_metadata_comes_from_its_chrome(read) -> None:
    assert read["saved_page.txt"].author == "Priya Natarajan"
    assert read["memo.txt"].date == "14 January 2026"
    assert read["news_clip.md"].author == "Hana Kim"


@pytest.mark.parametrize("line", [
    "Reply · Share · Report · 71 points",
    "412 points",
    "Share this article",
    "Facebook Twitter Reddit Email",
    "Published 12 February 2025 · 7 min read",
    "Like (4)",
    "2.1m members",
    "Sort by: Best",
])  # fmt: skip
def test_rows_of_controls_and_counters_are_ui(line: str) -> None:
    assert line_kind(line).ui


@pytest.mark.parametrize("line", [
    "Investors share this view more than they admit.",
    "Few researchers subscribe to the idea that nothing else will be needed.",
    "Readers who reply to surveys say the models save them hours.",
    "Report after report finds the same thing.",
    "Twitter was full of it in 2023.",
])  # fmt: skip
def test_a_sentence_that_uses_a_control_word_is_prose(line: str) -> None:
    assert not line_kind(line).ui and not line_kind(line).header
    page = f"A Title\n\n{PROSE[0]}\n\n{line}\n\n{PROSE[1]}\n"
    assert line in clean_text(page).text


def test_post_headers_are_a_name_with_a_time() -> None:
    assert line_kind("u/gradient_monk · 4h ago").header
    assert line_kind("Ravi M. · Sep 18").header
    assert line_kind("By Omar Haddad Updated 3h ago 4 min read").author == "Omar Haddad"
    assert not line_kind("Originally published by Overseas Review").author


def test_a_papers_discussion_section_is_not_a_comment_section() -> None:
    text = "\n\n".join(["A Paper", PROSE[0], PROSE[1], "Discussion", PROSE[2], PROSE[3]])
    body = clean_text(text).text
    assert "Discussion" in body and PROSE[3] in body


def test_comments_under_a_post_are_cut_even_without_a_heading() -> None:
    comments = [
        "annie_r · 2h ago",
        "Scaling will obviously win, everyone else is just coping about it today.",
        "Reply · 3 likes",
        "Tom B. · 1h ago",
        "This is the best analysis of the compute question I have read this year.",
        "Reply · 1 like",
    ]
    text = "\n\n".join(["A Post", *PROSE[:4], *comments])
    body = clean_text(text).text
    assert PROSE[3] in body
    assert "obviously win" not in body and "best analysis" not in body


# Paragraphs of our own writing for the property tests.
PROSE = [
    "Training compute for the largest models has grown by several orders of magnitude in a "
    "decade, and each step has brought abilities that the step before lacked.",
    "Sceptics answer that benchmarks reward pattern matching, so a higher score need not mean "
    "that a model understands the task it solves.",
    "The supply of good public text is finite, which is why labs now spend heavily on "
    "synthetic data and on reinforcement learning from verifiable answers.",
    "Investors share this view more than they admit, even while their public statements hedge "
    "against a slowdown in returns.",
    "Energy is the constraint that worries grid operators most, since a single training run can "
    "draw as much power as a small town for months.",
    "Few researchers subscribe to the idea that nothing but scale will be needed, yet most "
    "expect scale to remain the main driver for some years.",
    "If the curves keep holding, systems that match experts at most desk work could arrive "
    "within a decade; if they bend, the wait could be much longer.",
    "Readers who reply to the survey mostly expect steady progress rather than a sudden jump in "
    "what the models can do.",
]
HEADINGS = ["What the curves show", "The data question", "Where this leaves us"]
CHROME_BLOCKS = [
    ["Share this article", "Facebook", "X", "LinkedIn", "Email", "Copy link"],
    ["Share on X · Share on LinkedIn · Email"],
    [
        "We use cookies to improve your experience. By continuing you agree to our use of cookies.",
        "Accept all",
        "Reject all",
    ],
    ["Reply · Share · Report · 12 points"],
    ["5 min read"],
    ["Join 3,400 readers who get every new post by email.", "Subscribe"],
    ["Home", "Topics", "Newsletters", "About"],
    ["Related: Why the next model may cost ten billion"],
    ["Next post: What agents still cannot do"],
    ["Advertisement"],
    ["Enable JavaScript to see the comments."],
]


def articles() -> st.SearchStrategy[list[str]]:
    return pages.articles(PROSE, HEADINGS, max_size=7)


@settings(max_examples=40, deadline=None)
@given(articles(), st.sampled_from(["txt", "md", "html"]), st.data())
def test_chrome_inserted_between_paragraphs_never_changes_the_body(body, fmt, data) -> None:
    parts = list(body)
    for _ in range(data.draw(st.integers(1, 3))):
        block = data.draw(st.sampled_from(CHROME_BLOCKS))
        at = data.draw(st.integers(0, len(parts)))
        parts[at:at] = ["\n".join(block)]
    pages.assert_reads_as_body(fmt, "Scale and Its Limits", body, parts)


@settings(max_examples=60, deadline=None)
@given(articles())
def test_a_body_paragraph_is_never_dropped_for_appearing_once(body) -> None:
    assert pages.paras(clean_text(pages.page("Scale and Its Limits", body)).text) == [
        normalise(p).strip() for p in body
    ]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PROSE), min_size=3, max_size=6, unique=True), st.data())
def test_in_a_thread_the_posts_are_the_text_and_their_rows_are_chrome(posts, data) -> None:
    lines = ["Will scaling alone get us there?"]
    for k, post in enumerate(posts):
        lines += [f"u/user{k} · {k + 1}h ago", post]
        lines.append(data.draw(st.sampled_from(["Reply · Share · Report", f"{k + 3} points"])))
    page = "\n\n".join(lines)
    assert find_chrome(page.split("\n")).thread
    assert pages.paras(clean_text(page).text) == [normalise(p).strip() for p in posts]


def test_markdown_lines_made_only_of_links_go_as_rows_and_lists() -> None:
    page = "\n\n".join([
        "# Scale",
        PROSE[0],
        "[Home](/) [Archive](/archive) [Shop](/shop)",
        "- [A headline about chips](/a)\n- [Another about data](/b)",
        "See [the scaling paper](https://example.org/p) for the details of the fit.",
        PROSE[1],
    ])  # fmt: skip
    text = _parse_markdown(page, "p.md").text
    assert "Shop" not in text and "headline" not in text
    assert "See the scaling paper for the details of the fit." in text
    assert PROSE[1] in text


def test_a_contributor_note_after_the_article_goes_without_knowing_the_author() -> None:
    note = "Dana Whitfield is a senior fellow at an energy think tank and writes on grids."
    body = clean_text("\n\n".join(["Grids and Models", *PROSE[:5], note])).text
    assert note not in body and PROSE[4] in body
    early = "\n\n".join(["Grids and Models", note, *PROSE[:5]])
    assert note in clean_text(early).text, "only after the article's prose"


def test_page_footers_and_markings_go_but_a_numbered_paragraph_stays() -> None:
    text = "\n\n".join([
        "CONFIDENTIAL", "A Memo", "1. " + PROSE[0], "Page 1", "CONFIDENTIAL", "2. " + PROSE[1],
        "Page 2 of 2",
    ])  # fmt: skip
    body = clean_text(text).text
    assert "Page" not in body and "CONFIDENTIAL" not in body
    assert body.count("1. ") == 1 and PROSE[1] in body


def test_a_comment_form_between_two_pieces_keeps_the_second() -> None:
    """Pieces joined in one file (issue 13): a comment form with the article going on after it
    closes nothing; comments that follow a heading do cut."""
    form = "Leave a Reply\nYour email address will not be published. Required fields are marked *"
    text = "\n\n".join(["Two Pieces", *PROSE[:2], form, *PROSE[2:7]])
    body = clean_text(text).text
    assert all(p in body for p in PROSE[:7]) and "Leave a Reply" not in body
    with_comments = "\n\n".join(["A Post", *PROSE[:3], "2 Comments", "Ana K. · 3h ago", PROSE[5]])
    assert PROSE[5] not in clean_text(with_comments).text
