"""The report as HTML: Markdown rendered by the `markdown` package, then sanitised by nh3.

Python-Markdown passes raw HTML through, so nothing it produces is trusted: nh3 keeps a short
list of tags, drops every event handler and style, and an attribute filter keeps only
http/https/mailto/#fragment links and plain relative image names. Pictures are inlined as
data: URIs *after* sanitising, and only for the names the exporter drew, so the export is
one self-contained file and user text can never smuggle a data: URI in.
"""

from __future__ import annotations

import base64
import html
import re
from urllib.parse import urlsplit

import markdown
import nh3

ALLOWED_TAGS = {
    "h1", "h2", "h3", "h4", "p", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th", "td",
    "blockquote", "em", "strong", "code", "pre", "a", "img", "br", "hr", "sup", "div", "span",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"},
                      "th": {"align"}, "td": {"align"}}  # fmt: skip
LINK_SCHEMES = {"http", "https", "mailto"}
_PLAIN_NAME = re.compile(r"^[\w][\w .\-]*\.png$", re.ASCII)

CSS = """
body { font-family: -apple-system, "Segoe UI", Roboto, sans-serif; max-width: 60em;
       margin: 2em auto; padding: 0 1em; line-height: 1.5; color: #1d2329; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #c9d1d9; padding: 0.3em 0.6em; vertical-align: top; }
th { background: #f0f3f6; }
blockquote { border-left: 4px solid #3a7bd5; margin: 1em 0; padding: 0.2em 1em; background: #f5f8fc; }
img { max-width: 100%; }
li { margin: 0.15em 0; }
"""
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def _keep_attribute(element: str, attribute: str, value: str) -> str | None:
    if element == "a" and attribute == "href":
        if value.startswith("#"):
            return value
        try:
            scheme = urlsplit(value).scheme.lower()
        except ValueError:
            return None
        return value if scheme in LINK_SCHEMES else None
    if element == "img" and attribute == "src":
        return value if _PLAIN_NAME.match(value) else None
    return value


def sanitize(fragment: str) -> str:
    """HTML with only the allowed tags, attributes and link schemes."""
    return nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        clean_content_tags={"script", "style", "iframe", "object", "embed", "template"},
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_keep_attribute,
        url_schemes=LINK_SCHEMES,
        link_rel="noopener noreferrer",
    )


def markdown_to_html(text: str) -> str:
    """The report's Markdown as a sanitised HTML fragment."""
    md = markdown.Markdown(
        extensions=["tables", "sane_lists"],
        extension_configs={"tables": {"use_align_attribute": True}},
    )
    return sanitize(md.convert(text))


def inline_images(fragment: str, images: dict[str, bytes]) -> str:
    """Replace `src="name.png"` by a data: URI for each picture the exporter drew."""

    def repl(m: re.Match[str]) -> str:
        data = images.get(html.unescape(m.group(1)))
        if data is None:
            return m.group(0)
        return f'src="data:image/png;base64,{base64.b64encode(data).decode("ascii")}"'

    return re.sub(r'src="([^"]*)"', repl, fragment)


def render_html(text: str, images: dict[str, bytes] | None = None, title: str = "") -> str:
    """A complete, self-contained HTML document of the report."""
    body = inline_images(markdown_to_html(text), images or {})
    return (
        '<!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )
