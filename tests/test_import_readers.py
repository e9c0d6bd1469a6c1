"""Readers: each format, URLs on a local stub server, and the bad inputs each give a clear message."""

from __future__ import annotations

import os
import re
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from test_import_support import FIXTURES, blank_pdf, make_pdf, stub_server

from storage.articles import ArticleError, _dehyphenate, read_article, read_many
from storage.sandbox import Sandbox, SandboxError


def test_html_drops_page_chrome_and_keeps_metadata() -> None:
    a = read_article(str(FIXTURES / "compute_wall.html"))
    assert a.kind == "html"
    assert "Training compute for the largest runs has grown about 4 times per year" in a.text
    assert "pure scaling of today's language models is unlikely" in a.text
    for chrome in (
        "We use cookies",
        "Subscribe to our newsletter",
        "Share on X",
        "Great article",
        "All rights reserved",
        "Privacy policy",
    ):
        assert chrome not in a.text
    assert a.title == "The Compute Wall Is Closer Than You Think"
    assert a.author == "Mira Okafor"
    assert a.date.startswith("2025-03-14")


def test_markdown_front_matter_and_syntax() -> None:
    a = read_article(str(FIXTURES / "bitter_lesson_notes.md"))
    assert (a.kind, a.title, a.author, a.date) == (
        "md",
        "Why I Still Bet on Scale",
        "Tomas Lindqvist",
        "2024-11-02",
    )
    assert "Loss keeps falling along smooth power laws" in a.text  # emphasis removed
    assert "recent results suggest" in a.text  # link text kept, URL dropped
    assert "chart.png" not in a.text and "Subscribe" not in a.text
    assert not a.text.startswith("#")


def test_plain_text_chrome_is_stripped() -> None:
    a = read_article(str(FIXTURES / "plain_debate.txt"))
    assert a.kind == "txt"
    assert a.title == "Does More Compute Buy General Intelligence?"
    assert a.author == "Ana Ruiz"
    assert a.date == "June 3, 2025"
    assert a.text.startswith("Language models have improved steadily")
    for chrome in (
        "Originally published",
        "References",
        "https://example.org",
        "Leave a Reply",
        "email address",
    ):
        assert chrome not in a.text
    assert a.text.rstrip().endswith("will not produce general intelligence.")


def test_html_inside_a_txt_file_is_sniffed(tmp_path) -> None:
    p = tmp_path / "saved.txt"
    p.write_text(
        "<p>Scaling laws describe loss, not the abilities users care about.</p>"
        "<p>So the curve alone cannot tell us when general intelligence arrives.</p>"
        "<p>Benchmarks saturate quickly and say little about open-ended tasks.</p>"
    )
    a = read_article(str(p))
    assert a.kind == "html"
    assert "<p>" not in a.text and "Scaling laws describe loss" in a.text


def test_odd_encoding_is_detected(tmp_path) -> None:
    p = tmp_path / "latin.txt"
    text = (
        "Les modèles de langage progressent régulièrement grâce à l'échelle. "
        "Mais la qualité des données reste limitée et coûteuse à obtenir. "
    ) * 5
    p.write_bytes(text.encode("cp1252"))
    a = read_article(str(p))
    assert "modèles" in a.text and "données" in a.text


def test_pdf_text_layer(tmp_path) -> None:
    p = tmp_path / "paper.pdf"
    p.write_bytes(
        make_pdf(
            [
                "Scaling laws hold over seven orders of magnitude of compute.",
                "Yet models still fail simple planning tasks that children solve.",
                "We conclude that scaling alone will not reach general intelligence.",
            ],
            title="A Short Paper",
        )
    )
    a = read_article(str(p))
    assert a.kind == "pdf" and a.title == "A Short Paper"
    assert "scaling alone will not reach general intelligence" in a.text


@pytest.mark.parametrize(
    "name,data,needle",
    [
        ("binary.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40, "PNG image"),
        ("noise.html", bytes(range(256)) * 40, "binary"),
        ("empty.md", b"", "empty"),
        ("blank.txt", b"   \n\n\t  ", "empty"),
        ("scan.pdf", None, "no text layer"),
        ("fake.pdf", b"just some text pretending to be a PDF", "not a PDF"),
        ("broken.pdf", b"%PDF-1.4\n1 0 obj <<", "PDF"),
        ("tags.html", b"<html><body><div><span></span></div></body></html>", "no readable"),
    ],
)
def test_bad_files_give_clear_messages(tmp_path, name, data, needle) -> None:
    p = tmp_path / name
    p.write_bytes(blank_pdf() if data is None else data)
    with pytest.raises(ArticleError) as err:
        read_article(str(p))
    assert needle.lower() in str(err.value).lower()
    assert "\n" not in str(err.value) and "Traceback" not in str(err.value)


def test_broken_html_still_yields_text(tmp_path) -> None:
    p = tmp_path / "broken.html"
    p.write_text(
        "<html><body><div><p>Compute has grown ten times faster than algorithms improved, "
        "so most progress came from scale.<p>But the returns per dollar are falling, and "
        "no lab can keep multiplying budgets by ten<div><b>unclosed <i>tags everywhere"
    )
    a = read_article(str(p))
    assert "returns per dollar are falling" in a.text


def test_huge_text_is_refused_quickly(tmp_path) -> None:
    p = tmp_path / "huge.txt"
    with open(p, "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: 200 MB without writing them
    t = time.monotonic()
    with pytest.raises(ArticleError, match="too large"):
        read_article(str(p))
    assert time.monotonic() - t < 1.0


def test_missing_file() -> None:
    with pytest.raises(ArticleError, match="No such file"):
        read_article("/nonexistent/article.html")


def test_url_from_stub_server() -> None:
    body = (FIXTURES / "compute_wall.html").read_bytes()
    pdf = make_pdf(
        [
            "Scaling will continue to deliver gains for years to come.",
            "Labs expect models to keep improving with more compute.",
        ]
    )
    with stub_server(
        {"/a": (200, "text/html; charset=utf-8", body), "/p": (200, "application/pdf", pdf)}
    ) as base:
        a = read_article(base + "/a", timeout=5)
        assert a.url and "Data is the second wall" in a.text and a.raw_path == ""
        p = read_article(base + "/p", timeout=5)
        assert p.kind == "pdf" and "keep improving" in p.text


def test_url_errors_are_clear() -> None:
    with stub_server({"/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>")}) as base:
        with pytest.raises(ArticleError, match="404"):
            read_article(base + "/missing", timeout=5)
        with pytest.raises(ArticleError, match="larger than the import limit|too large"):
            read_article(base + "/big", timeout=5, max_bytes=1000)
    import socket

    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()  # nothing listens there now
    with pytest.raises(ArticleError, match="Could not reach 127.0.0.1"):
        read_article(f"http://127.0.0.1:{port}/x", timeout=2)
    with pytest.raises(ArticleError, match="Only http and https"):
        read_article("ftp://127.0.0.1/file.txt")


def test_sandbox_limits_time_and_memory() -> None:
    with Sandbox(timeout=1.0) as box:
        assert box.call("echo", {"a": [1, 2]}) == {"a": [1, 2]}
        t = time.monotonic()
        with pytest.raises(SandboxError, match="longer than"):
            box.call("burn", 30)
        assert time.monotonic() - t < 5
        with pytest.raises(SandboxError, match="memory"):
            box.call("hog", 2048, timeout=20)
        assert box.call("echo", 5) == 5  # a fresh child after the failures


def test_read_many_reports_each_file(tmp_path) -> None:
    good = tmp_path / "g.txt"
    good.write_text((FIXTURES / "plain_debate.txt").read_text())
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"")
    res = read_many([str(good), str(bad), os.fspath(tmp_path / "nope.txt")])
    assert not isinstance(res[0], ArticleError)
    assert isinstance(res[1], ArticleError) and isinstance(res[2], ArticleError)


PIECE_A = (
    "Scaling compute has bought steady gains on every benchmark we track, and the curves show "
    "no sign of bending yet. The labs expect the next generation to continue the pattern."
)
PIECE_B = (
    "Data is the binding constraint: the stock of good public text is finite and will be used "
    "up within a few years at current growth. Synthetic data has not yet replaced it."
)


@pytest.mark.parametrize("credit", [
    "Original source: https://example.org/first-piece",
    "This article was originally published on Example Review.",
    "© 2025 Example Media. All rights reserved.",
])  # fmt: skip
def test_a_credit_line_between_two_pieces_keeps_the_second(tmp_path, credit: str) -> None:
    body_a = "\n\n".join([PIECE_A] * 4)
    body_b = "\n\n".join([PIECE_B] * 4)
    path = tmp_path / "two.txt"
    path.write_text(f"Two Pieces on Scale\n\n{body_a}\n\n{credit}\n\n{body_b}\n", encoding="utf-8")
    a = read_article(str(path))
    assert a.text.count(PIECE_B) == 4, "everything after the credit line is kept"
    assert a.text.count(PIECE_A) == 4
    assert credit not in a.text


def test_a_credit_line_at_the_end_still_closes_the_article(tmp_path) -> None:
    path = tmp_path / "one.txt"
    body = "\n\n".join([PIECE_A] * 4)
    path.write_text(
        f"One Piece\n\n{body}\n\nOriginal source: Example Review\n\nExample Media is a "
        "publisher of technology news.\n",
        encoding="utf-8",
    )
    a = read_article(str(path))
    assert "publisher of technology news" not in a.text
    assert a.text.rstrip().endswith("continue the pattern.")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_web_chrome_in_a_saved_text_page_is_dropped(tmp_path, suffix: str) -> None:
    page = "\n".join([
        "Skip to main content",
        "You need to enable JavaScript to run this app.",
        "Home", "Topics", "Newsletters", "About",
        "",
        "The Data Wall Is Real",
        "",
        PIECE_B,
        "",
        "Share on Twitter",
        "Copy link",
        PIECE_A,
        "",
        "Privacy Policy | Terms of Service | Contact us",
        "Back to top",
    ])  # fmt: skip
    path = tmp_path / f"page{suffix}"
    path.write_text(page, encoding="utf-8")
    a = read_article(str(path))
    assert a.title == "The Data Wall Is Real"
    assert a.text.startswith("Data is the binding constraint")
    for chrome in (
        "Skip to",
        "JavaScript",
        "Topics",
        "Share on",
        "Copy link",
        "Privacy",
        "Back to",
    ):
        assert chrome not in a.text, chrome
    assert PIECE_A in a.text


def test_a_text_file_title_is_its_first_line_when_short(tmp_path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(f"Why the curve will bend.\n\n{PIECE_B}\n", encoding="utf-8")
    assert read_article(str(path)).title == "Why the curve will bend"


def test_a_bullet_list_of_short_points_is_not_a_nav_menu(tmp_path) -> None:
    path = tmp_path / "l.md"
    path.write_text(
        f"# Limits\n\n{PIECE_B}\n\n- Compute\n- Data\n- Energy\n- Money\n\n{PIECE_A}\n",
        encoding="utf-8",
    )
    assert "Energy" in read_article(str(path)).text


def test_markdown_site_syntax_and_embed_debris_are_not_text(tmp_path) -> None:
    page = "\n".join([
        "# Scale and Its Limits",
        "",
        PIECE_B,
        "{: .centered }",
        '{{< twitter user="someone" id="123" >}}',
        "{% include figure.html %}",
        '<script async src="https://example.org/widgets.js"></script>',
        "12Likes3Retweets",
        "11:20 PM ∙ May 30, 2022",
        "⁂",
        PIECE_A,
    ])  # fmt: skip
    path = tmp_path / "site.md"
    path.write_text(page, encoding="utf-8")
    text = read_article(str(path)).text
    for debris in ("{:", "twitter", "include", "script", "Likes", "PM", "⁂"):
        assert debris not in text, debris
    assert PIECE_A in text and PIECE_B in text


def test_pdf_running_headers_and_page_numbers_are_dropped_before_lines_join() -> None:
    from storage.articles import _drop_running_lines

    pages = [
        "Working Paper 12 · Page 1 of 2\nScaling will not by itself reach general\nintelligence.",
        "Working Paper 12 · Page 2 of 2\nData runs out before the curve\ndoes.\n2",
    ]
    out = "\n".join(_drop_running_lines(pages))
    assert "Page" not in out and "Working Paper" not in out and not out.endswith("2")
    assert "intelligence." in out and "does." in out


def test_transcript_stage_directions_and_podcast_credits_are_chrome(tmp_path) -> None:
    path = tmp_path / "t.txt"
    path.write_text(
        "A Debate on Scale\n\n[00:00:00] [intro music]\n\n"
        f"[00:00:09] HOST: {PIECE_A}\n\n[00:01:00] GUEST: {PIECE_B}\n\n"
        "[outro music]\n\nTranscript generated by Example and lightly edited.\n"
        "The show is listener-supported. Subscribe wherever you get your podcasts.\n",
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    for chrome in ("music", "Transcript generated", "Subscribe"):
        assert chrome not in text, chrome
    assert PIECE_A in text and PIECE_B in text


WRAPPED = (
    "Scaling has carried language models further than most forecasters\n"
    "expected, and each new generation has cleared benchmarks that were meant\n"
    "to last for years.\n"
    "Yet the question is whether the same recipe keeps paying at the next\n"
    "order of magnitude.\n"
)


def test_a_hard_wrapped_markdown_paragraph_is_one_paragraph(tmp_path) -> None:
    filler = "\n".join(
        f"Paragraph {k} restates a point about compute and data at some length, so\n"
        "the file reads like a wrapped essay.\n"
        for k in range(6)
    )
    path = tmp_path / "wrapped.md"
    path.write_text(
        f"# Wrapped\n\n{WRAPPED}\n> A quoted line that wraps\n> onto a second line.\n\n"
        f"* a list item\n* another item\n\n{filler}",
        encoding="utf-8",
    )
    text = read_article(str(path)).text
    assert "forecasters expected, and each new generation" in text  # a soft break is a space
    assert "meant to last for years. Yet the question" in text
    assert "A quoted line that wraps onto a second line." in text
    assert "a list item\n" in text  # list items stay apart


def test_hard_wrapped_plain_text_joins_but_menus_and_short_lines_stay(tmp_path) -> None:
    body = "\n".join([WRAPPED] * 3)
    path = tmp_path / "wrapped.txt"
    path.write_text(f"A Wrapped Essay\n\n{body}\n", encoding="utf-8")
    text = read_article(str(path)).text
    assert "than most forecasters expected, and" in text
    long_line = "A single line of prose about compute that runs on well past any wrap width " * 3
    lines = ["A Page", "", "Home", "Topics", "About", "", long_line, "Then a capitalised line.", ""]
    path.write_text("\n".join(lines * 3), encoding="utf-8")
    text = read_article(str(path)).text
    assert "width\nThen a capitalised line." in text  # not hard-wrapped: its lines are kept
    assert "Topics" not in text


# ------------------------------------------------------------------ line-end hyphens in PDF text
def test_a_typeset_hyphen_joins_and_a_compound_keeps_its_hyphen() -> None:
    """Typesetting splits words at line ends ("compu-" / "ter"); a compound merely broken
    there ("task-" / "horizon", "CBS-" / "AI") is not a word to glue together."""
    text = (
        "The compu-\nter scales. Task-horizon studies measure the task and its horizon; the "
        "task-\nhorizon doubles. CBS-\nAI was tested. Models under-\nstand it, and "
        "understanding grows."
    )
    out = _dehyphenate(text)
    assert "computer scales" in out
    assert "task-horizon doubles" in out
    assert "CBS-AI was" in out
    assert "understand it" in out


@given(
    st.sampled_from(["compu", "interest", "predic", "archi", "trans", "perfor"]),
    st.sampled_from(["ter", "ing", "tion", "tecture", "former", "mance"]),
    st.booleans(),
)
def test_a_split_word_the_document_writes_whole_is_always_joined(
    a: str, b: str, hyphened: bool
) -> None:
    """Whatever else the text holds, a word it also writes whole is rejoined at a line end."""
    other = f" Compare {a}-{b} notes." if hyphened else ""
    text = f"We saw the {a}-\n{b} grow. The {a}{b} is here.{other}"
    assert f"the {a}{b} grow" in _dehyphenate(text)


@given(
    st.sampled_from(["task", "scale", "data", "log"]),
    st.sampled_from(["horizon", "compute", "centre"]),
)
def test_a_compound_the_document_writes_with_its_hyphen_keeps_it(a: str, b: str) -> None:
    text = f"The {a}-\n{b} rose. Later the {a}-{b} fell."
    assert f"The {a}-{b} rose" in _dehyphenate(text)


SURVEY = """# Team poll: is bigger enough?

We asked the whole office one question and kept the reasons people gave.

## Yes

```csv
id,desk,reason
p01,Platform,"Every model we have upgraded to has been better at the support tickets we route."
p02,Finance,"The labs keep finding ways around each limit that was supposed to stop them."
```

## Code we used

```python
answers = load("poll.csv")  # this line is code, not an answer anyone gave in the poll
```

The tally closes on Friday and the results go to the next all-hands meeting.
"""


def test_a_fenced_csv_keeps_its_free_text_answers(tmp_path) -> None:
    """A survey's answers exported as a CSV block are what the write-up is about: they are
    text, each its own paragraph; the ids and desks go, and a code block still goes."""
    path = tmp_path / "poll.md"
    path.write_text(SURVEY, encoding="utf-8")
    text = read_article(str(path)).text
    first = "Every model we have upgraded to has been better at the support tickets we route."
    second = "The labs keep finding ways around each limit that was supposed to stop them."
    assert f"{first}\n\n{second}" in text
    assert "p01" not in text and "Platform" not in text and "desk" not in text
    assert "answers = load" not in text and "poll.csv" not in text
    assert "The tally closes on Friday" in text


@given(
    st.lists(
        st.lists(st.sampled_from(["scale", "models", "keep", "getting", "better", "data"]),
                 min_size=6, max_size=14).map(" ".join),
        min_size=1, max_size=5,
    )
)  # fmt: skip
def test_every_prose_cell_of_a_fenced_csv_is_read_in_order(answers: list[str]) -> None:
    from storage.articles import _data_fences

    rows = "\n".join(f'r{k},Team,"{a}."' for k, a in enumerate(answers))
    text = _data_fences(f"Intro line.\n\n```csv\nid,team,answer\n{rows}\n```\n\nLast line.")
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    assert paragraphs == ["Intro line.", *(f"{a}." for a in answers), "Last line."]
