"""Read an article from a file or URL into an Article: main text without page chrome + metadata.

The parent process checks sizes and fetches URLs (with a timeout and a byte cap); every parser of
untrusted bytes runs in a child process (storage.sandbox) under a memory and time limit. All
failures surface as ArticleError with a message meant for the user.
"""

from __future__ import annotations

import csv
import html as htmllib
import os
import re
import tempfile
import urllib.parse
from dataclasses import asdict
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from model.importer.article import Article
from model.importer.manuals import is_running_header
from model.importer.services import is_template_stamp
from storage.sandbox import Sandbox, SandboxError, absolute

# The reading rules (model.importer.boilerplate, .chrome: ~300 patterns) are imported by the
# parse functions, which run in the import child: the app and the CLI import this module for
# its errors and entry points and must not compile them.

if TYPE_CHECKING:
    from storage.import_job import Job

MAX_PDF_PAGES = 400
_BINARY_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"MZ": "a Windows program",
    b"SQLite format 3": "a SQLite database",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"Rar!": "a RAR archive",
    b"7z\xbc\xaf": "a 7-Zip archive",
    b"ID3": "an MP3 file",
    b"OggS": "an Ogg media file",
    b"%!PS": "a PostScript file",
}
_HTML_SNIFF = re.compile(
    rb"<(?:!doctype html|html|head|body|p|div|article|section|span|h[1-6]|br|"
    rb"ul|li|table|meta|script|a\s+href|em|strong)\b",
    re.I,
)


class ArticleError(Exception):
    """Reading failed; str(error) is a one-line message for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.user_message = message


def read_article(
    path_or_url: str,
    *,
    timeout: float = 20,
    max_bytes: int = 20_000_000,
    box: Sandbox | None = None,
) -> Article:
    """Read a file (HTML, Markdown, text, PDF) or an http(s) URL; parsing runs sandboxed.

    `box` lets many reads share one parser child (a child costs about a second to start).
    """
    return _read(path_or_url, timeout=timeout, max_bytes=max_bytes, box=box)


def _read(
    path_or_url: str, *, timeout: float, max_bytes: int, box: Sandbox | None, job: Job | None = None
) -> Any:
    """An Article, or with `job` (the import pipeline, storage.import_job) its plain result."""
    target = path_or_url.strip()
    if re.match(r"^[a-z][a-z0-9+.-]*://", target, re.I):
        return _read_url(target, timeout=timeout, max_bytes=max_bytes, box=box, job=job)
    limit = job.limit if job else max(timeout, 30.0)
    return _read_path(target, max_bytes=max_bytes, timeout=limit, box=box, job=job)


def read_many(
    paths: list[str], *, max_bytes: int = 20_000_000, timeout: float = 30.0
) -> list[Article | ArticleError]:
    """Read several files sharing one sandboxed child (for batch evaluation and tests)."""
    results: list[Article | ArticleError] = []
    with Sandbox(timeout=timeout) as box:
        for p in paths:
            try:
                results.append(_read_path(p, max_bytes=max_bytes, box=box))
            except ArticleError as exc:
                results.append(exc)
    return results


def _read_path(
    path: str,
    *,
    max_bytes: int,
    timeout: float = 30.0,
    box: Sandbox | None = None,
    url: str = "",
    content_type: str = "",
    job: Job | None = None,
) -> Any:
    name = os.path.basename(path) or path
    typed, path = path, absolute(path)  # the child must read the file the user named
    try:
        size = os.stat(path).st_size
    except FileNotFoundError:
        raise ArticleError(f"No such file: {typed}") from None
    except OSError as exc:
        raise ArticleError(f"Cannot open {name}: {exc.strerror or exc}") from None
    if not os.path.isfile(path):
        raise ArticleError(f"{name} is not a regular file")
    if size == 0:
        raise ArticleError(f"{name} is empty")
    if size > max_bytes:
        raise ArticleError(
            f"{name} is too large to import ({size / 1e6:.0f} MB; the limit is "
            f"{max_bytes / 1e6:.0f} MB)"
        )
    function, args = "parse_file", [path, max_bytes, url, content_type]
    if job is not None:  # read AND propose in the child (storage.import_job)
        function, args = "import_file", [*args, *job.args()]
    activity = "parsing" if job is None else "reading and proposing"
    try:
        if box is None:
            with Sandbox(timeout=timeout) as own:
                fields = own.call(function, *args, activity=activity)
        else:
            fields = box.call(function, *args, timeout=timeout, activity=activity)
    except SandboxError as exc:
        if getattr(exc, "kind", "") in ("error", "cancelled"):  # the message names the file
            raise ArticleError(str(exc)) from None
        raise ArticleError(f"{name}: {exc}") from None
    return Article(**fields) if job is None else fields


# ------------------------------------------------------------------------- URLs


def _read_url(
    url: str, *, timeout: float, max_bytes: int, box: Sandbox | None = None, job: Job | None = None
) -> Any:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise ArticleError(f"Only http and https addresses can be imported, not {url!r}")
    host = parts.hostname
    from storage.fetch import download  # the web stack (~25 ms) only for a URL

    data, ctype, final_url = download(url, host, timeout=timeout, max_bytes=max_bytes)
    if not data.strip():
        raise ArticleError(f"The page at {host} is empty")
    # Trust the bytes over the Content-Type: servers label error pages application/pdf.
    suffix = ".pdf" if b"%PDF-" in data[:1024] else (".txt" if ctype == "text/plain" else ".html")
    fd, tmp = tempfile.mkstemp(prefix="cruxmap-import-", suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        art = _read_path(
            tmp,
            max_bytes=max_bytes,
            url=final_url,
            content_type=ctype,
            timeout=job.limit if job else max(timeout, 30.0),
            box=box,
            job=job,
        )
    except ArticleError as exc:  # name the page, not our temporary file (messages start with it)
        raise ArticleError(str(exc).replace(os.path.basename(tmp), f"The page at {host}")) from None
    finally:
        os.unlink(tmp)
    if job is not None:
        fields = art["article"]
        fields.update(url=fields["url"] or final_url, raw_path="")
        return art
    return Article(
        text=art.text,
        title=art.title,
        author=art.author,
        date=art.date,
        url=art.url or final_url,
        kind=art.kind,
        raw_path="",
    )


# ------------------------------------------------------------------------- child side
def parse_file(path: str, max_bytes: int, url: str = "", content_type: str = "") -> dict:
    """Runs in the sandbox: sniff the file's real type and extract its main text."""
    with open(path, "rb") as f:
        data = f.read(max_bytes + 1)
    name = os.path.basename(path)
    if len(data) > max_bytes:
        raise ArticleError(f"{name} is too large to import")
    if not data.strip():
        raise ArticleError(f"{name} is empty")
    ext = os.path.splitext(path)[1].lower()
    if data[:5] == b"%PDF-" or (data[:1024].find(b"%PDF-") >= 0 and ext == ".pdf"):
        art = _parse_pdf(path, name)
    elif ext == ".pdf":
        raise ArticleError(f"{name} is named .pdf but is not a PDF file")
    else:
        text = _decode(data, name)
        if (
            ext in (".html", ".htm", ".xhtml")
            or _HTML_SNIFF.search(data[:4096])
            and len(_HTML_SNIFF.findall(data[:20000])) >= 3
            or data.lstrip()[:1] == b"<"
        ):
            art = _parse_html(text, name)
        elif ext in (".md", ".markdown", ".mdown"):
            art = _parse_markdown(text, name)
        else:
            art = _parse_text(text, name)
    fields = asdict(art)
    fields["raw_path"] = "" if url else os.path.abspath(path)
    fields["url"] = fields["url"] or url
    return fields


def _decode(data: bytes, name: str) -> str:
    for magic, what in _BINARY_MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(f"{name} is {what}, not a text or HTML document")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    elif data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return _check_text(data.decode("utf-16"), name)
        except UnicodeDecodeError:
            raise ArticleError(f"{name} has a broken UTF-16 encoding") from None
    if b"\x00" in data[:65536]:
        raise ArticleError(f"{name} looks like a binary file, not text")
    try:
        return _check_text(data.decode("utf-8"), name)
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise ArticleError(f"{name} is not readable text (unknown encoding or binary data)")
    return _check_text(data.decode(best.encoding, errors="replace"), name)


def _check_text(text: str, name: str) -> str:
    sample = text[:100_000]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\n\r\t\f") or ch == "\ufffd")
    if sample and bad / len(sample) > 0.02:
        raise ArticleError(f"{name} looks like a binary file, not text")
    return text


def _finish(cleaned_text: str, name: str, what: str) -> str:
    text = re.sub(r"[ \t]+", " ", cleaned_text)
    text = re.sub(r" *\n *", "\n", text).strip()
    if len(re.findall(r"[^\W\d_]{2,}", text)) < 5:
        raise ArticleError(f"{name}: no readable article text was found in this {what}")
    return text


def _parse_text(text: str, name: str) -> Article:
    from model.importer.boilerplate import clean_text

    c = clean_text(text)
    return Article(
        text=_finish("\n".join(join_wrapped(c.text.split("\n"))), name, "text file"),
        title=c.title,
        author=c.author,
        date=c.date,
        url=c.url,
        kind="txt",
    )


_FOOTNOTE_ANCHOR = re.compile(
    r"<a\b[^>]*class=\"[^\"]*footnote[^\"]*\"[^>]*>\s*\d{1,3}\s*</a>|"
    r"<sup\b[^>]*>\s*\[?\d{1,3}\]?\s*</sup>",
    re.I,
)


# "3&times;10<sup>23</sup>": a superscript right after a 10 is an exponent, not a footnote mark;
# it is kept as "10^23" (which facts.py reads) before footnote marks are dropped.
_POWER_SUP = re.compile(r"(?<=10)<sup\b[^>]*>\s*([-−]?\d{1,3})\s*</sup>", re.I)


_EXTRACT = {
    "output_format": "txt",
    "include_tables": True,
    "include_links": False,
    "favor_recall": True,
    # Not deduplicate=True: its cache is process-wide, so from the third read of a page in one
    # parser child its paragraphs counted as repeats and were dropped. Repeated chrome within a
    # page is model/importer/chrome.py's job.
    "deduplicate": False,
}


def _head_title(src: str) -> str:
    """The text of the page's <title> element, as the page wrote it."""
    m = re.search(r"<title\b[^>]*>(.*?)</title>", src[:200_000], re.I | re.S)
    return htmllib.unescape(re.sub(r"\s+", " ", m.group(1))).strip() if m else ""


def _with_subtitle(title: str, head: str) -> str:
    """The page's <title> (its site suffix gone) when it is the headline the metadata gives
    (the h1) followed by a subtitle after a colon ("The Long Bet" / "The Long Bet: a profile of
    …"): a magazine sets the two apart on the page and together in its <title>. The subtitle
    is twenty words at most and ends no sentence before its end. And the <title> when the
    metadata (a share caption, og:title) is it with a lead-in before a colon ("We're hiring:
    Research Engineer" for "Research Engineer")."""
    if title and head and title.lower().endswith(": " + head.lower()):
        return head  # "We're hiring: Research Engineer": a share caption's lead-in goes
    if not title or not head.lower().startswith(title.lower().rstrip() + ":"):
        return title
    rest = head[len(title.rstrip()) + 1 :].split()
    return head if 0 < len(rest) <= 20 and not re.search(r"[.!?;]\s", " ".join(rest)) else title


def _parse_html(text: str, name: str) -> Article:
    import trafilatura

    from model.importer.boilerplate import clean_text, clean_title
    from model.importer.chrome import never_title

    src = _drop_notes(_FOOTNOTE_ANCHOR.sub("", _POWER_SUP.sub(r"^\1", text)))
    body, meta = None, None
    try:
        body = trafilatura.extract(src, include_comments=False, **_EXTRACT)
        meta = trafilatura.extract_metadata(src)
    except (RecursionError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - fall back to the plain tag stripper below
        body = None
    # No prose paragraph in what trafilatura kept: it took a page's furniture for the text (a
    # forum or discussion page whose posts all sit in "comment" containers, which _drop_notes
    # removed). Read all the text then; the chrome rules below take the furniture out. When
    # the body has prose but the comments outweigh it, they are read too (_with_discussion).
    whole = _FOOTNOTE_ANCHOR.sub("", text)
    if not body or len(body.split()) < 20 or not _has_prose(body):
        fallback = _strip_tags(src)
        if not _has_prose(fallback):  # all its prose sits in comment containers: a thread
            fallback = _strip_tags(whole)
        if len(fallback.split()) > len((body or "").split()) or (
            _has_prose(fallback) and not _has_prose(body or "")
        ):
            body = fallback
    else:
        body = _with_discussion(whole, body)
    body = _with_thread(whole, body)
    body = _unwrap_cells(body or "")
    title = clean_title(getattr(meta, "title", None) or "") if meta else ""
    if never_title(title):  # the metadata took the page's counter for its title ("312 comments")
        title = clean_title(_head_title(src))
    author = (getattr(meta, "author", None) or "") if meta else ""
    c = clean_text(body or "", find_title=False, title=title, author=author)
    title = _with_subtitle(title, clean_title(_head_title(src)))
    # htmldate guesses from link URLs in bare fragments; trust a date only from a real page head.
    dated = re.search(r"<head\b|<time\b|datePublished|article:published_time", src[:200_000], re.I)
    date = (getattr(meta, "date", None) or "") if meta and dated else ""
    url = (getattr(meta, "url", None) or "") if meta else ""
    return Article(
        text=_finish(c.text, name, "page"),
        title=title or c.title,
        author=author or c.author,
        date=date or c.date,
        url=url or c.url,
        kind="html",
    )


# A page whose comments outweigh its short body is a discussion page (a forecasting question, an
# issue tracker, a Q&A or forum page): its comments are the argument. Under an article of some
# length, reader comments stay out.
DISCUSSION_BODY_WORDS = 800
DISCUSSION_RATIO = 1.0  # comment words per body word


def _with_discussion(whole: str, body: str) -> str:
    """The page read with its comments (`whole`: before _drop_notes took the comment containers
    out) when they outweigh a short body: a discussion page."""
    import trafilatura

    words = len(body.split())
    if words >= DISCUSSION_BODY_WORDS:
        return body
    try:
        full = trafilatura.extract(whole, include_comments=True, **_EXTRACT)
    except (RecursionError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - keep the body read without them
        return body
    return full if full and len(full.split()) >= (1 + DISCUSSION_RATIO) * words else body


# A question-and-answer page (schema.org's QAPage: a Question with its accepted and suggested
# Answers; Stack Exchange-style markup names the posts' containers "question" and "answer"):
# every post and its comments are the argument, but a main-content extractor keeps one post.
_QA_TYPE = re.compile(r"schema\.org/(Question|Answer)\b")
_QA_CLASS = {"question": "Question", "answer": "Answer"}
# Any answer container in the raw page (a superset of what _qa_kind accepts): without one, the
# page is not parsed a second time.
_QA_HINT = re.compile(r"schema\.org/Answer|\bclass\s*=\s*[\"']?[^\"'>]*\banswer\b", re.I)
# A post's furniture, by the class names Q&A engines give it: vote cells, post menus (share,
# cite, follow, edit), tag lists, the question's meta stamps (asked, modified, viewed) and the
# answers' sort control. Author lines stay: who says what is content.
THREAD_SHARE = 0.6  # the extractor kept under this share of the thread's words: it lost posts
_POST_FURNITURE = re.compile(r"vote|menu$|tags?$|taglist|meta$|sorter", re.I)


def _qa_kind(el: Any) -> str:
    """ "Question" or "Answer" for a post container of a Q&A page, else ""."""
    typed = _QA_TYPE.search(el.get("itemtype", ""))
    if typed:
        return typed.group(1)
    for tok in el.get("class", "").lower().split():
        if tok in _QA_CLASS:
            return _QA_CLASS[tok]
    return ""


def _tree(src: str) -> Any | None:
    """The page parsed by lxml, or None when it cannot be or is too large to walk (5 MB)."""
    if len(src) > 5_000_000:
        return None
    from lxml import etree
    from lxml import html as lhtml

    try:
        return lhtml.fromstring(src)
    except (etree.ParserError, ValueError):
        return None


def _qa_thread(src: str) -> Any | None:
    """The element holding a Q&A page's question and every answer (their nearest common
    container), or None when the page has no question with an answer."""
    root = _tree(src)
    if root is None:
        return None
    posts = [el for el in root.iter() if isinstance(el.tag, str) and _qa_kind(el)]
    posts = [el for el in posts if not any(_qa_kind(a) for a in el.iterancestors())]
    if {_qa_kind(el) for el in posts} != {"Question", "Answer"}:
        return None
    common = list(posts[0].iterancestors())
    for el in posts[1:]:
        mine = set(el.iterancestors())
        common = [a for a in common if a in mine]
    return common[0] if common else None


def _with_thread(whole: str, body: str) -> str:
    """A Q&A page read whole (its question, every answer and their comments, in page order)
    when the extractor kept well under the thread's words (it kept one post of several); any
    other page's body as it was read. A page whose posts were all kept stays as read: a FAQ
    inside a longer article keeps the article, and a thread read whole keeps its comments out
    (the comment containers of other pages are dropped too)."""
    thread = _qa_thread(whole) if _QA_HINT.search(whole) else None
    if thread is None:
        return body
    from lxml import html as lhtml

    for el in list(thread.iter()):
        if isinstance(el.tag, str) and any(
            _POST_FURNITURE.search(tok) for tok in el.get("class", "").split()
        ):
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
    text = _strip_tags(lhtml.tostring(thread, encoding="unicode"))
    return text if len(body.split()) < THREAD_SHARE * len(text.split()) else body


def _has_prose(text: str) -> bool:
    from model.importer.chrome import is_prose

    return any(is_prose(ln) for ln in _unwrap_cells(text).split("\n"))


_CELL_SEP = re.compile(r"(?<!\\)\|")


def _unwrap_cells(text: str) -> str:
    """trafilatura writes table rows as "| a | b |"; a row with one non-empty cell is a layout
    table (old forums and comment threads are built of them, with empty spacer cells for the
    indent of a reply) and is a line of text, not a table."""
    out = []
    for line in text.split("\n"):
        m = re.fullmatch(r"\|\s(.*)\s\|", line.strip())
        if m:
            filled = [c.strip() for c in _CELL_SEP.split(m.group(1)) if c.strip()]
            if len(filled) == 1:
                line = filled[0].replace("\\|", "|")
        out.append(line)
    return "\n".join(out)


_NOTES = re.compile(
    r"footnote|endnote|^fn\d|^ref-|references|bibliography|comments?$|comment-list|"
    r"subscri|newsletter|share|social|related|"
    # Ad slots, as ad servers and publishers name them (IAB ad units, Google's "adsbygoogle",
    # "ad-slot", "sponsored" and "promoted" units): the ad copy is never the page's text.
    r"^(?:ads?|advert\w*|advertisement\w*|adsbygoogle|ad-(?:slot|unit|container|wrapper|banner|box)"
    r"\w*|sponsored(?:-\w+)?|promoted(?:-\w+)?)$",
    re.I,
)


# A peer-review forum (OpenReview's note types: "Official Review", "Meta Review", "Official
# Comment", "Author Response"/"Rebuttal", "Decision", "Public Comment"; journals' open review
# reports "Review #2", "Referee report") is a review thread: each note's heading names its role in
# the review, and its body is the argument, however the page's classes call the container
# ("comment", "meta-review"). A comment thread's posts carry a user name and a time instead.
_REVIEW_NOTE = re.compile(
    r"^(?:official\s+|meta[- ]?|public\s+|final\s+|ethics\s+)?(?:review|comment|response|rebuttal|"
    r"decision|reply)\b.*\b(?:submission|paper|reviewers?|authors?|area\s+chair|chairs?|"
    r"referee|editor)\b|"
    r"^(?:author(?:s'?)?\s+(?:response|rebuttal|reply)|rebuttal|referee\s+report|"
    r"(?:meta[- ]?)?review(?:er)?\s*(?:#\s*\d+|\d+)|meta[- ]?review|paper\s+decision)\b",
    re.I,
)
# The note headings that make a page a review thread (a comment thread may hold "Reply by …").
_REVIEW_HEAD = re.compile(r"\breview\b|\breferee\b|\brebuttal\b", re.I)
# Within a review thread, any note named by its type ("Public Comment by …", "Reply").
_THREAD_NOTE = re.compile(
    r"^(?:official\s+|public\s+|author\s+|meta[- ]?)?"
    r"(?:comment|reply|response|review|rebuttal|decision)\b",
    re.I,
)
_NOTE_TAGS = ("section", "div", "article", "li")


def _note_heading(el: Any) -> str:
    """The text of a container's first heading (h1–h6), or ""."""
    for h in el.iter("h1", "h2", "h3", "h4", "h5", "h6"):
        return re.sub(r"\s+", " ", h.text_content()).strip()
    return ""


def _review_notes(root: Any) -> list[Any]:
    """The note containers of a review thread (see _REVIEW_NOTE): two or more notes whose
    headings name a review role, at least one of them a review; [] for any other page."""
    notes = []
    for el in root.iter(*_NOTE_TAGS):
        head = _note_heading(el)
        if head and len(head) < 160 and _REVIEW_NOTE.match(head):
            # the innermost container of the heading: no note inside it is also a note
            notes = [n for n in notes if n not in el.iterancestors()]
            if not any(n in el.iterancestors() for n in notes):
                notes.append(el)
    if len(notes) < 2 or not any(_REVIEW_HEAD.search(_note_heading(n)) for n in notes):
        return []
    for el in root.iter(*_NOTE_TAGS):
        head = _note_heading(el)
        if el in notes or not head or len(head) >= 160 or not _THREAD_NOTE.match(head):
            continue
        if not any(n in el.iterancestors() or el in n.iterancestors() for n in notes):
            notes.append(el)
    return notes


def _keep_review_notes(root: Any) -> None:
    """A review thread's notes are its text: their containers lose the classes and ids that
    name them comments or "meta" (which _NOTES here and trafilatura's discard rules drop)."""
    for el in _review_notes(root):
        el.set("class", "note")
        if "id" in el.attrib:
            del el.attrib["id"]


def _drop_notes(src: str) -> str:
    """Remove footnote, reference, comment and subscribe containers before extraction."""
    from lxml import html as lhtml

    root = _tree(src)
    if root is None:
        return src
    _keep_review_notes(root)
    doomed = [
        el
        for el in root.iter()
        if isinstance(el.tag, str)
        and any(
            _NOTES.search(tok) for tok in (el.get("class", "") + " " + el.get("id", "")).split()
        )
    ]
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    _space_inline_siblings(root)
    return lhtml.tostring(root, encoding="unicode")


_INLINE = {"span", "a", "button", "time", "small", "b", "strong", "em", "i", "label", "abbr"}


def _space_inline_siblings(root: Any) -> None:
    """Put a space between adjacent inline elements with nothing between them: extraction joins
    their texts ("Share" + "Facebook" + "X" → "ShareFacebookX"), which hides a share row or a
    menu inside one unreadable word."""
    for el in root.iter(*_INLINE):
        nxt = el.getnext()
        if nxt is not None and nxt.tag in _INLINE and not (el.tail or "").strip():
            el.tail = " " + (el.tail or "").lstrip()


class _TextOnly(HTMLParser):
    """Fallback for HTML that trafilatura rejects: text outside script/style/nav/forms."""

    SKIP = {
        "title",  # the page's <title> is metadata, read from the head
        "script",
        "style",
        "nav",
        "footer",
        "header",
        "form",
        "aside",
        "noscript",
        "svg",
        "template",
        "iframe",
        "button",
        "select",
    }
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
    }

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.SKIP:
            self.skip += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def _strip_tags(src: str) -> str:
    p = _TextOnly()
    try:
        p.feed(src)
        p.close()
    except Exception:  # noqa: BLE001 - html.parser is lenient; stay safe anyway
        pass
    text = "".join(p.parts)
    return re.sub(r"\n\s*\n+", "\n", text)


def _drop_subscribe_boxes(lines: list[str]) -> list[str]:
    """Drop a block quote (a newsletter box) as a whole when any of its lines asks to subscribe."""
    from model.importer.boilerplate import is_subscribe_prompt

    out: list[str] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and re.match(r"^\s{0,3}>", lines[j]):
            j += 1
        if j > i:
            box = lines[i:j]
            if not any(is_subscribe_prompt(ln) for ln in box):
                out.extend(box)
            i = j
        else:
            out.append(lines[i])
            i += 1
    return out


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]")


def _only_links(line: str) -> int:
    """How many links a line is made of when it holds nothing else (bullets, separators and
    emphasis aside); 0 when it has text of its own."""
    s = re.sub(r"^\s{0,3}(?:[-*+•]|\d{1,3}[.)])\s+", "", line)
    links = _MD_LINK.findall(s)
    rest = _MD_LINK.sub(" ", s)
    return len(links) if links and not re.search(r"[^\W_]", rest) else 0


def _drop_link_lists(lines: list[str]) -> list[str]:
    """Drop lines made only of links when they form a row (≥ 2 links on the line) or a list
    (≥ 2 such lines in a row): menus, share bars, "related" and "most read" lists. A single
    link standing alone in the text stays."""
    n = [_only_links(ln) for ln in lines]
    out: list[str] = []
    for k, line in enumerate(lines):
        prev = next((n[j] for j in range(k - 1, -1, -1) if lines[j].strip()), 0)
        nxt = next((n[j] for j in range(k + 1, len(lines)) if lines[j].strip()), 0)
        if n[k] >= 2 or (n[k] and (prev or nxt)):
            continue
        out.append(line)
    return out


_MAX_EMPHASIS_LINE = 5_000


def _drop_between(text: str, opener: str, closer: str, *, unclosed_runs_on: bool) -> str:
    """Remove opener … closer spans in one pass. An unclosed span runs to the end of the text
    (an HTML comment, as browsers read it) or is kept (a code fence). A regex with a lazy .*?
    rescans to the end for every opener when the closer is missing: quadratic."""
    out: list[str] = []
    pos = 0
    while True:
        a = text.find(opener, pos)
        if a < 0:
            break
        b = text.find(closer, a + len(opener))
        if b < 0:
            if unclosed_runs_on:
                return "".join(out) + text[pos:a]
            break
        out.append(text[pos:a])
        pos = b + len(closer)
    out.append(text[pos:])
    return "".join(out)


_DATA_FENCE = re.compile(r"^[ \t]{0,3}(`{3,}|~{3,})[ \t]*(csv|tsv)[ \t]*$", re.I | re.M)
_PROSE_CELL = 6  # words: a free-text answer, not an id, a team or a score


def _data_fences(text: str) -> str:
    """A fenced block whose info string names a data format (CommonMark: the info string
    gives the block's language; csv and tsv are data, not code) keeps its prose: each cell of
    six words or more becomes a paragraph, in order (a survey's free-text answers, a table of
    quotes); ids, labels and numbers go with the fence. An unclosed fence is left as it is."""
    if not _DATA_FENCE.search(text):
        return text
    lines = text.split("\n")
    out: list[str] = []
    k = 0
    while k < len(lines):
        m = _DATA_FENCE.match(lines[k])
        end = next(
            (j for j in range(k + 1, len(lines)) if lines[j].strip() == m.group(1)), None
        ) if m else None  # fmt: skip
        if m is None or end is None:
            out.append(lines[k])
            k += 1
            continue
        delimiter = "\t" if m.group(2).lower() == "tsv" else ","
        rows = csv.reader(lines[k + 1 : end], delimiter=delimiter)
        cells = [c.strip() for row in rows for c in row if len(c.split()) >= _PROSE_CELL]
        out += [part for c in cells for part in ("", c)] + [""]
        k = end + 1
    return "\n".join(out)


_BLOCK_START = re.compile(
    r"^\s{0,3}(?:#{1,6}\s|[-*+•]\s|\d{1,3}[.)]\s|>|\||<|\[[^\]]+\]:|([-=*_])(?:\s*\1){2,}\s*$)"
)
WRAP_MIN, WRAP_MAX = 40, 100  # a wrapped line is at least this long and a wrapped file's lines
# are at most this long (plain-text convention: 72–80 columns)


def _hard_wrapped(lines: list[str]) -> bool:
    """The file breaks its paragraphs at a fixed width: many long lines, nearly none longer than
    a terminal line."""
    long = [len(ln.rstrip()) for ln in lines if len(ln.rstrip()) >= WRAP_MIN]
    return len(long) >= 8 and sum(n <= WRAP_MAX for n in long) >= 0.9 * len(long)


def join_wrapped(lines: list[str], markdown: bool = False) -> list[str]:
    """Join the lines of a wrapped paragraph into one line. In Markdown this is the rule
    (CommonMark: a single line break inside a paragraph or block quote is a space); in plain
    text only when the file is hard-wrapped. A line continues the one before when that one is
    a prose line that does not end in a hard break, and either is long (short lines — menus,
    headings — never absorb a capitalised next line) or the line goes on in lower case; a line
    that starts a block (list item, heading, quote, table, rule, tag) or is underlined as a
    heading stays apart."""
    if not (markdown or _hard_wrapped(lines)):
        return lines
    quote = re.compile(r"^\s{0,3}>\s?")
    out: list[str] = []
    prev_ok = prev_quote = False
    for k, line in enumerate(lines):
        nxt = lines[k + 1] if k + 1 < len(lines) else ""
        underlined = bool(nxt.strip()) and bool(re.match(r"^\s{0,3}(?:=+|-+)\s*$", nxt))
        body = line.strip()
        in_quote = bool(quote.match(line))
        if in_quote and prev_quote and markdown:
            body = quote.sub("", line).strip()
            cont = bool(body) and not _BLOCK_START.match(body)
        else:
            cont = bool(body) and not _BLOCK_START.match(line) and not in_quote and "|" not in line
        last = out[-1].rstrip() if out else ""
        long_or_lower = len(last) >= WRAP_MIN or body[:1].islower()
        if prev_ok and cont and not underlined and long_or_lower:
            out[-1] = last + " " + body
        else:
            out.append(line)
        last = out[-1]
        prev_quote = bool(quote.match(last)) and bool(quote.sub("", last).strip())
        prev_ok = bool(last.strip()) and not re.match(r"^\s{0,3}(?:#|<)", last) and "|" not in last
        prev_ok = prev_ok and not last.endswith(("  ", "\\"))
        prev_ok = prev_ok and not re.match(r"^\s{0,3}([-=*_])(?:\s*\1){2,}\s*$", last)
    return out


def _parse_markdown(text: str, name: str) -> Article:
    from model.importer.boilerplate import clean_text

    title = author = date = ""
    fm = re.match(r"^---\s*\n(.*?)\n---\s*\n", text, re.S)
    if fm:
        for line in fm.group(1).splitlines():
            k, _, v = line.partition(":")
            v = v.strip().strip("\"'")
            if k.strip().lower() == "title":
                title = v
            elif k.strip().lower() in ("author", "authors"):
                author = v
            elif k.strip().lower() == "date":
                date = v
        text = text[fm.end() :]
    text = _data_fences(text)  # a fenced CSV is data, and its prose cells are text
    text = _drop_between(text, "```", "```", unclosed_runs_on=False)  # code is not prose
    text = _drop_between(text, "<!--", "-->", unclosed_runs_on=True)
    for tag in ("script", "style"):
        text = _drop_between(text, f"<{tag}", f"</{tag}>", unclosed_runs_on=False)
    # Site-generator syntax: Hugo/Jekyll shortcodes and Liquid tags, kramdown attribute lists.
    text = re.sub(r"\{\{[<%].{0,500}?[%>]\}\}|\{%.{0,500}?%\}|\{:[^}\n]{0,200}\}", "", text)
    lines = []
    for line in _drop_link_lists(
        _drop_subscribe_boxes(join_wrapped(text.splitlines(), markdown=True))
    ):
        m = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            if not title and len(m.group(1)) == 1:
                title = m.group(2)
                continue
            if m.group(2).strip() == title.strip():
                continue  # the front matter's title repeated as the first heading
            line = m.group(2)
        if re.match(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$", line) or re.match(
            r"^\s*\|?[\s:|-]+\|[\s:|-]*$", line
        ):
            continue
        line = re.sub(r"^\s*>\s?", "", line)
        line = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", line)
        line = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", line)
        line = re.sub(r"\[([^\]]+)\]\[[^\]]*\]", r"\1", line)
        line = re.sub(r"^\s*\[[^\]]+\]:\s*\S+.*$", "", line)
        line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
        if len(line) <= _MAX_EMPHASIS_LINE:  # the lazy match is quadratic in the line's length
            line = re.sub(r"(?<![\w*])([*_])(?!\s)(.+?)(?<!\s)\1(?![\w*])", r"\2", line)
        else:
            line = re.sub(r"(?<![\w*])[*_]+|[*_]+(?![\w*])", "", line)
        line = re.sub(r"`([^`]*)`", r"\1", line)
        line = re.sub(r"<[^>]+>", "", line)
        line = line.replace("|", " ") if line.count("|") >= 2 else line
        lines.append(htmllib.unescape(line))
    c = clean_text("\n".join(lines), find_title=not title, title=title, author=author)
    return Article(
        text=_finish(c.text, name, "Markdown file"),
        title=title or c.title,
        author=author or c.author,
        date=date or c.date,
        url=c.url,
        kind="md",
    )


def _parse_pdf(path: str, name: str) -> Article:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    from model.importer.boilerplate import clean_text

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(path, strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:  # noqa: BLE001
                ok = 0
            if not ok:
                raise ArticleError(f"{name} is a password-protected PDF")
        pages = []
        for i, page in enumerate(reader.pages):
            if i >= MAX_PDF_PAGES:
                break
            try:
                pages.append(page.extract_text() or "")
            except (RecursionError, MemoryError):
                raise
            except Exception:  # noqa: BLE001 - one bad page should not lose the rest
                pages.append("")
        info_title = info_author = ""
        try:
            info = reader.metadata
            if info:
                info_title = str(info.title or "")
                info_author = str(info.author or "")
        except Exception:  # noqa: BLE001
            pass
    except ArticleError:
        raise
    except (
        PdfReadError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        OSError,
        IndexError,
        AssertionError,
        ZeroDivisionError,
    ) as exc:
        raise ArticleError(f"{name} is a damaged PDF ({type(exc).__name__})") from None
    raw = "\n\n".join(_drop_running_lines(pages))
    if len(re.findall(r"[^\W\d_]{2,}", raw)) < 5:
        raise ArticleError(f"{name} has no text layer (a scanned PDF?); run OCR on it first")
    joined = _join_pdf_lines(raw)
    c = clean_text(joined)
    return Article(
        text=_finish(c.text, name, "PDF"),
        title=_whole_title(info_title.strip(), joined) or c.title,
        author=info_author.strip() or c.author,
        date=c.date,
        url=c.url,
        kind="pdf",
    )


def _whole_title(info: str, text: str) -> str:
    """A PDF's info title, or the title lines of its first page when they hold it and go on:
    a title set over two lines ("Brief of … for Empirical" / "Machine Learning in Support of
    Appellants") whose info title stops short, or its subtitle after a colon. The lines are
    among the first ten, the words they add are twelve at most, and they end no sentence."""
    key = " ".join(info.split()).lower()
    head = [ln.strip() for ln in text.split("\n")[:10] if ln.strip()]
    for k in range(len(head)):
        for n in (2, 1):  # the longer block first: a title's second line
            block = " ".join(head[k : k + n])
            low = block.lower()
            ends = {" ".join(head[k : k + m]).lower() for m in range(1, n + 1)}
            if not key or not low.startswith(key) or key in ends:
                continue  # the lines end where the info title ends: the text after is no title
            rest = re.sub(r"^\s*:", "", block[len(key) :]).split()  # or its subtitle
            if len(rest) <= 12 and not re.search(r"[.!?;:]", " ".join(rest)):
                return block
    return info


_PAGE_NUMBER = re.compile(r"\bpage \d{1,4}(?: of \d{1,4})?\b|^\W*\d{1,4}\W*$", re.I)


def _drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers before lines are rejoined into paragraphs: a line
    naming its page number ("Page 1 of 2", a bare "3"), a short line that recurs on several
    pages (digits ignored) among each page's first or last three lines, or a running head: the
    first line of a later page made only of words of the first page's title block ("Surname ·
    Short title", the convention of papers and reports)."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip().lower())

    def words(text: str) -> set[str]:
        return set(re.findall(r"[^\W\d_]+", text.lower()))

    head = words(" ".join(pages[0].split("\n")[:6])) if pages else set()

    def running_head(line: str) -> bool:
        w = words(line)
        return (
            2 <= len(w)
            and len(re.findall(r"[^\W\d_]+", line)) <= 10  # separators and numbers not counted
            and w <= head
            and not line.rstrip().endswith(".")
        )

    edges: dict[str, int] = {}
    for page in pages:
        lines = [ln for ln in page.split("\n") if ln.strip()]
        for k in {key(ln) for ln in lines[:3] + lines[-3:] if len(ln.split()) <= 15}:
            edges[k] = edges.get(k, 0) + 1
    repeated = {k for k, n in edges.items() if n >= 2 and len(pages) >= 2}
    out = []
    for p, page in enumerate(pages):
        lines = page.split("\n")
        n = len(lines)
        first = next((i for i, ln in enumerate(lines) if ln.strip()), -1)
        kept = [
            ln
            for i, ln in enumerate(lines)
            if not (
                (i < 3 or i >= n - 3)
                and len(ln.split()) <= 15
                and (_PAGE_NUMBER.search(ln) or key(ln) in repeated)
            )
            and not (p > 0 and i == first and running_head(ln))
        ]
        out.append("\n".join(kept))
    return out


# A row of three or more pieces split by " | " (a series row, a footer, a table row) is layout,
# never a line of running text broken at the page width.
_PDF_ROW = re.compile(r"\S\s+\|\s+\S.*\S\s+\|\s+\S")
# A line that starts a block, never the rest of the line above it: a short section heading
# numbered in Roman numerals ("II. Summary of argument", the convention of briefs and reports) or
# in Arabic ones ("3. Where the evidence points", "4.2 Method": memos and reports number their
# sections so), or a run-in heading in capitals ("CERTIFICATE OF SERVICE: …", "NOTE: …").
_PDF_BLOCK = re.compile(
    r"^(?:[IVX]{1,5}\.\s+[A-Z][^.!?]{0,60}\??$|\d{1,2}\.(?:\d{1,2}\.?)*\s+[A-Z][^.!?]{0,60}\??$|"
    r"[A-Z][A-Z'’&-]+(?: [A-Z][A-Z'’&-]+){0,5}:\s)"
)
# A row of pieces split by " · " (a letterhead, a memo's field row, a handling marking) is
# layout too: the next line continues it only when the row breaks off mid-phrase (a comma, a
# separator, "to", "and") or the line goes on mid-item (lower case, a digit): a wrapped value.
_PDF_DOT_ROW = re.compile(r"\S\s+·\s+\S")
_PDF_OPEN_END = re.compile(
    r"(?:[,;&·|–—-]|\b(?:to|of|and|or|the|a|an|for|by|in|on|with|at|from|as|per))$", re.I
)


_LINE_END_HYPHEN = re.compile(r"(\w+)-\n(\w+)")
# Free-standing words that head hyphenated compounds (Chicago Manual of Style 7.89: "self-",
# "cross-", "half-", "well-", "ill-", "all-"; and the phrasal adjectives of technical prose:
# "open-source", "long-term", "large-scale", "real-world", "fine-tuning", "state-space"). A line
# end after one keeps its hyphen when the second part is a word of its own (four letters or
# more), not a suffix a typesetter splits off ("open-ness", "state-ments", "short-ened").
_COMPOUND_HEADS = frozenset(
    "open self cross half well ill all long short high low large small real full state near "
    "fine".split()
)
_SUFFIXES = re.compile(
    r"^(?:ness|ments?|[ai]ble|less|wards?|ships?|hoods?|ings|en(?:ed|ing|s)|ened|istic|"
    r"i[sz](?:ed|ing|es|ation)|ation)$",
    re.I,
)


def _dehyphenate(raw: str) -> str:
    """Rejoin words a line end split with a hyphen ("compu-" / "ter"), but keep the hyphen of
    a compound the line merely broke at ("scale-" / "ups", "task-" / "horizon"). With no
    dictionary, the document is the evidence: the word written whole elsewhere joins; the
    compound written with its hyphen elsewhere, or a second part that opens with a capital or
    a digit ("CBS-" / "AI"), two halves that are each a word the document uses on its own, or a
    first half that heads compounds ("open-" / "source", _COMPOUND_HEADS), keep the hyphen;
    anything else joins, as typeset hyphenation is the common case."""
    words = {w.lower() for w in re.findall(r"\w+", _LINE_END_HYPHEN.sub(" ", raw))}
    text = raw.lower()

    def one(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        if (a + b).lower() in words:
            return a + b
        if f"{a}-{b}".lower() in text or not b[0].islower():
            return f"{a}-{b}"
        if a.lower() in _COMPOUND_HEADS and len(b) >= 4 and not _SUFFIXES.match(b):
            return f"{a}-{b}"  # "open-" / "source": a compound
        return f"{a}-{b}" if a.lower() in words and b.lower() in words else a + b

    return _LINE_END_HYPHEN.sub(one, raw)


def _join_pdf_lines(raw: str) -> str:
    """PDF text breaks lines at the page width; rejoin them into paragraphs."""
    raw = _dehyphenate(raw)
    out: list[str] = []
    row = False  # the last line in out is a row of " · " pieces
    for line in raw.split("\n"):
        s = line.strip()
        if not s:
            out.append("")
            row = False
            continue
        prev = out[-1] if out else ""
        open_end = row and _PDF_OPEN_END.search(prev) is not None  # a row broken off mid-phrase
        if (
            prev
            and not re.search(r"[.!?:”\"]$", prev)
            and (s[0].islower() or len(prev) > 50 or open_end)
            and not _PDF_ROW.search(prev)
            and not is_running_header(prev)  # an annual report's running header
            and not is_template_stamp(prev)  # a study registry's template line
            and not _PDF_BLOCK.match(s)
            and (not row or open_end or s[0].islower() or s[0].isdigit())
        ):
            out[-1] += " " + s
        else:
            out.append(s)
        row = bool(_PDF_DOT_ROW.search(out[-1]))
    return "\n".join(out)
