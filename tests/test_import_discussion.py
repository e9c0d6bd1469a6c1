"""A page whose comments outweigh its short body is a discussion: the comments are the argument
and are read; under an article of some length, reader comments stay out (the HTML reader leaves
them out, and the chrome rules cut a comment section after an article). Our own pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.articles import read_article

QUESTION = (
    "<p>This question asks whether scaled-up language models will pass the hardest reasoning "
    "benchmark before the end of the decade, as several lab leaders have predicted in public.</p>"
)
ARTICLE = "".join(
    f"<p>Paragraph {i} of the essay argues that bigger training runs keep paying off, because "
    "each generation of models has beaten the last on the tests that matter to working "
    "engineers, and nothing in the measured curves suggests the gains are about to stop.</p>"
    for i in range(30)
)
COMMENTS = [
    "I doubt it, because every gain so far came from spending more compute at answer time rather "
    "than from models that understand more of the problem.",
    "The task-length trend says otherwise: the length of tasks models finish keeps doubling, and "
    "carrying it forward puts a week of work within reach around the end of the decade.",
    "Extrapolating a doubling time across five more doublings is the move that every failed "
    "forecast in this field has made, so I would not lean on it.",
    "Reliability on long tasks is nowhere near where it needs to be, and one confident mistake is "
    "enough to fail the test as it is written.",
    "Synthetic data and reinforcement learning are allowed under the criteria, which is why I sit "
    "well above the community median on this one.",
]


def _page(body: str, comments: list[str]) -> str:
    posts = "".join(
        f'<div class="comment"><div class="comment-meta">user{i} · 3d</div>'
        f'<div class="comment-body"><p>{c}</p></div></div>'
        for i, c in enumerate(comments)
    )
    return (
        "<!DOCTYPE html><html><head><title>Will scaled models pass the test?</title></head><body>"
        f"<main><article><h1>Will scaled models pass the test?</h1>{body}</article>"
        f'<section id="comments"><h2>Comments</h2>{posts}</section></main></body></html>'
    )


def _read(tmp_path: Path, html: str):  # noqa: ANN202
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    return read_article(str(path))


@pytest.mark.parametrize("count", [3, 5])
def test_a_short_question_with_a_long_discussion_reads_the_discussion(
    tmp_path: Path, count: int
) -> None:
    art = _read(tmp_path, _page(QUESTION, COMMENTS[:count]))
    assert "hardest reasoning benchmark" in art.text
    for c in COMMENTS[:count]:
        assert c[:60] in art.text


def test_reader_comments_under_an_article_stay_out(tmp_path: Path) -> None:
    art = _read(tmp_path, _page(ARTICLE, COMMENTS))
    assert "Paragraph 29 of the essay" in art.text
    assert not any(c[:60] in art.text for c in COMMENTS)
