"""Pages of our own paragraphs, saved as text, Markdown or HTML and read by the readers: what the
chrome property tests (test_import_chrome, test_import_chrome_formats) build their pages from."""

from __future__ import annotations

import html as htmllib
from collections.abc import Callable, Sequence

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.article import Article
from model.importer.boilerplate import clean_text
from model.importer.evaluate import normalise
from storage.articles import _parse_html, _parse_markdown, _parse_text

# Paragraphs of our own writing, argued article text around which furniture is put.
PROSE = [
    "Each new generation of language models has needed about ten times the compute of the one "
    "before, and so far each has also brought abilities the last one lacked.",
    "The case against pure scaling rests on learning after training: a deployed model does not "
    "improve from its own mistakes the way a new employee does.",
    "Public text of good quality is running short, so the labs are turning to synthetic data and "
    "to practice on problems whose answers a program can check.",
    "Power and chips are the other limit, since a frontier run now needs a dedicated data centre "
    "and years of planning with the grid operator.",
    "If the trend continues for two more orders of magnitude, most desk work could be automated; "
    "if it bends, the field will need new ideas rather than bigger budgets.",
    "Forecasters who called a plateau in each of the last five years have been wrong, which is "
    "evidence about forecasters as much as about the technology.",
]


def paras(text: str) -> list[str]:
    """The text's non-empty lines, normalised as the scorer compares them."""
    return [normalise(p).strip() for p in text.split("\n") if p.strip()]


TITLE = "Scale and Its Limits"


def body(*parts: str, title: str = TITLE) -> list[str]:
    """The paragraphs clean_text keeps of a text page built from the title and the parts."""
    return paras(clean_text(page(title, list(parts))).text)


def want(*parts: str) -> list[str]:
    """The parts as body paragraphs, normalised as body() returns them."""
    return paras("\n".join(parts))


@st.composite
def articles(draw, prose: Sequence[str], headings: Sequence[str], max_size: int) -> list[str]:
    """Paragraphs (some headed), ending with prose as articles do."""
    chosen = draw(st.lists(st.sampled_from(prose), min_size=2, max_size=max_size, unique=True))
    out: list[str] = []
    for k, p in enumerate(chosen):
        if k and draw(st.booleans()) and draw(st.booleans()):
            out.append(draw(st.sampled_from(headings)))
        out.append(p)
    return out


def dress(data, parts: Sequence[str], furniture: Sequence[str]) -> list[str]:  # noqa: ANN001
    """The parts with one to three lines drawn from `furniture` put anywhere among them (data is
    hypothesis's st.data())."""
    dressed = list(parts)
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(dressed)))
        dressed.insert(at, data.draw(st.sampled_from(furniture)))
    return dressed


def page(title: str, parts: list[str]) -> str:
    """The page as plain text: its title line, then its parts as paragraphs."""
    return title + "\n\n" + "\n\n".join(parts) + "\n"


def read_page(fmt: str, title: str, parts: list[str]) -> Article:
    """The page as a saved text file ("txt"), a Markdown file ("md") or an HTML page ("html"),
    read by its reader."""
    if fmt == "txt":
        return _parse_text(page(title, parts), "page.txt")
    if fmt == "md":
        return _parse_markdown(page(f"# {title}", parts), "page.md")
    blocks = "".join(
        "<div>" + "".join(f"<p>{htmllib.escape(ln)}</p>" for ln in part.split("\n")) + "</div>"
        for part in parts
    )
    src = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{blocks}"
    return _parse_html(src + "</article></body></html>", "page.html")


def assert_reads_as_body(fmt: str, title: str, body: list[str], parts: list[str]) -> None:
    """`parts` (the body with furniture put in) must read, as `fmt`, exactly as the body alone
    does, paragraph for paragraph, and keep its title."""
    plain, dressed = read_page(fmt, title, body), read_page(fmt, title, parts)
    assert paras(dressed.text) == paras(plain.text) == [normalise(p).strip() for p in body]
    assert dressed.title == plain.title == title


def body_properties(
    prose: Sequence[str], headings: Sequence[str], furniture: Sequence[str]
) -> tuple[Callable, Callable]:
    """The two properties each chrome round holds for its furniture, as test functions for a
    module to bind to its own names: body text of our own that merely uses the furniture's
    words (`prose`) stays, wherever it stands; and the furniture put anywhere among body
    paragraphs never changes the body or the title (text and Markdown pages)."""
    texts = [*PROSE, *prose]

    @settings(max_examples=60, deadline=None)
    @given(articles(texts, headings, 6), st.sampled_from(["txt", "md"]))
    def body_stays(parts: list[str], fmt: str) -> None:
        art = read_page(fmt, TITLE, parts)
        assert paras(art.text) == want(*parts)
        assert art.title == TITLE

    @settings(max_examples=60, deadline=None)
    @given(articles(texts, headings, 5), st.sampled_from(["txt", "md"]), st.data())
    def furniture_goes(parts: list[str], fmt: str, data) -> None:  # noqa: ANN001
        art = read_page(fmt, TITLE, dress(data, parts, furniture))
        assert paras(art.text) == want(*parts)
        assert art.title == TITLE

    return body_stays, furniture_goes
