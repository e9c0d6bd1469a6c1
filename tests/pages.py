"""Pages of our own paragraphs, saved as text, Markdown or HTML and read by the readers: what the
chrome property tests (test_import_chrome, test_import_chrome_formats) build their pages from."""

from __future__ import annotations

import html as htmllib
from collections.abc import Sequence

from hypothesis import strategies as st

from model.importer.article import Article
from model.importer.evaluate import normalise
from storage.articles import _parse_html, _parse_markdown, _parse_text


def paras(text: str) -> list[str]:
    """The text's non-empty lines, normalised as the scorer compares them."""
    return [normalise(p).strip() for p in text.split("\n") if p.strip()]


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
