"""Readers: each format, URLs on a local stub server, and the bad inputs each give a clear message."""

from __future__ import annotations

import os
import time

import pytest
from test_import_support import FIXTURES, blank_pdf, make_pdf, stub_server

from storage.articles import ArticleError, read_article, read_many
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
