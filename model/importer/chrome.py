"""Find the page chrome in a text: the lines around an article that a web page, a forum or a memo
prints but that are not what the author wrote.

Works on lines of text, so it serves every format: a .txt or .md page saved from a browser, and
what trafilatura leaves of an HTML page. Each rule rests on how web publishing lays out a page,
never on a particular article (the word lists are in model/importer/data/chrome_*.txt, each
naming its source):

- **Rows of controls.** Share bars, comment and forum action rows, consent buttons and login links
  are made of control labels ("Reply · Share · Report"), share targets ("Facebook X LinkedIn"),
  counters ("412 points", "12 comments", "5 min read"), relative times ("3h ago"), dates and
  handles ("u/name", "@name"). A line is such a row only when *nothing else* is left in it, so a
  sentence that merely uses "share" or "subscribe" is prose. A lone one-word control ("Share") is
  chrome only next to other chrome: controls come in rows and groups.
- **Bylines and post headers.** A name with a date, a relative time or a handle and nothing else
  ("Jonas Vidal · Sep 18, 2025 · 5 min read", "u/name · 4h ago") is metadata, not text; a
  sequence of them marks posts or comments.
- **Platform strings.** Skip links (WCAG bypass blocks), "enable JavaScript", cookie banners,
  newsletter boxes ("Join 18,000 readers"), post navigation ("Next post: …"), label-prefixed
  link lines ("Related: …", "Topics: …").
- **Link rows and menus.** A line split by "·", "|" or "•" into short pieces mostly made of menu
  and footer labels ("About · Jobs · Privacy"); a run of ≥ 3 short lines mostly made of them.
- **Furniture blocks.** A short heading of a page module ("Related posts", "Most read",
  "Community rules") and the short lines under it, up to the next prose paragraph.
- **Document markings.** Upper-case classification and handling banners ("UNCLASSIFIED", "FOR
  OFFICIAL USE ONLY"); memo header fields in the head or tail of the text (FROM, SUBJECT,
  Distribution); a short line repeated at both the top and the bottom (a running header).
- **Author bio.** A short paragraph that starts with the author's own full name and a verb of a
  bio ("Jane Doe is a …", "… writes about …"); when the author is unknown, a short paragraph
  among the last two after the article's prose that opens "Name is a/an/the" + a role.
- **Tail after the article.** After the last prose sentence, once a chrome line has appeared, the
  short lines that follow (lists of headlines, footers) belong to the page, not the article.
- **Forum, platform and profile furniture.** A post header split over lines (a login or name,
  at most one badge, a line that is only a date: "ravi_k" / "Regular" / "Mar 2"); a bare name
  over a lone "Follow" button (an author module) and the profile blurb under one ("Writes about
  …"); a tag row before the first prose or after the last; a lone counter after the last
  sentence; "N months later" between posts (only on a page with post headers). An elapsed clock
  time ("00:03:12") marks a transcript's turn and never makes a line a post header.
  (Transcript, ad and newsletter furniture is model/importer/furniture.py.)
- **Reader comments.** A comment heading ("14 Comments", "Leave a Reply"; an ambiguous one such as
  "Discussion" only when comments follow it) or, without one, a run of post headers after the
  article body starts the comments: the text is cut there. When the whole document is a thread
  (post headers before most of its prose), the posts are the text and only their headers and
  action rows go. A Q&A card's action line ("answered Mar 1, 2024 at 14:20") closes the post
  above it and starts none.

A body line is never dropped for being rare or for appearing once: every rule needs a positive
sign of chrome.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from model.importer.lexicon import cues, pattern
from model.importer.sources import is_source_line

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?"
    r"|\d{4}-\d{2}-\d{2}(?:t[\d:.z+-]+)?|\d{1,2}/\d{1,2}/\d{2,4}"
    rf"|\d{{1,2}}-{_MONTH}-\d{{2,4}})"  # "01-Mar-26" (chat exports)
)
_TIME = r"(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?:\s*[a-z]{3,4}t)?"
_RELTIME = (
    r"(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mos|"
    r"months?|y|yrs?|years?)\s+ago|(?:an?|one) (?:hour|day|week|month|year|minute) ago|just now|"
    r"yesterday|\d+\s*(?:h|d|w|mo|y)(?=\s*(?:[·•|,]|$)))"
)
_HANDLE = r"(?:u/|r/|@)[\w.-]{2,}"
_HASHTAG = r"#[^\W\d_][\w-]*"  # a hashtag ("#AGI"); "#1" and a Markdown "# Title" are not
_GAP = re.compile(r"^\W*\d+ (?:days?|weeks?|months?|years?) later\W*$", re.I)
_BYLINE_START = re.compile(r"^\W*(?i:by)\s+[A-Z]")
_FOLLOW = re.compile(r"\W*follow\W*", re.I)  # the button beside an author's name
_VOTE = r"[▲▼△▽⬆⬇⇧⇩]"  # vote arrows of forum posts ("▲ 214 ▼")
# A transcript's elapsed time ("00:18:22", "4:05"): it marks a speaker's turn, not when a post was
# made, so a speaker label with it ("Maya Chen  00:03:12") is not a post header.
_ELAPSED = re.compile(r"^\W*(?:\d{1,2}:)?\d{1,2}:\d{2}\W*$")


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    ui = pattern("chrome_ui", "chrome_networks")
    units = pattern("chrome_units")
    strong = (
        rf"\d[\d,.]*\s*[kmb]?\+?\s*{units}|{_RELTIME}|{_HANDLE}|{_HASHTAG}|{_VOTE}|"
        rf"(?:{ui})\s*\(\d[\d,.]*[km]?\)|"
        + "|".join(sorted((c for c in cues("chrome_ui") if " " in c), key=len, reverse=True))
    )
    b = r"(?<![\w/@-])"
    e = r"(?![\w-])"
    return {
        "strong": re.compile(rf"{b}(?:{strong}){e}", re.I),
        "timed": re.compile(rf"{b}(?:{_DATE}|{_TIME}|{_RELTIME}){e}", re.I),
        "weak": re.compile(rf"{b}(?:(?:on\s+)?{_DATE}|{_TIME}|{ui}|\d[\d,.]*[km]?){e}", re.I),
        "platform": re.compile(rf"^\W*{pattern('chrome_lines')}", re.I),
        "nav": re.compile(rf"^\W*{pattern('chrome_nav')}\W*$", re.I),
        "nav_run": re.compile(rf"^(?:\W*{pattern('chrome_nav')}(?![\w-])){{3,}}\W*$", re.I),
        "newsletter": re.compile(rf"{pattern('chrome_newsletter')}", re.I),
        "block": re.compile(rf"^\W*{pattern('chrome_blocks')}\s*:?\s*$", re.I),
        "comments": re.compile(rf"^\W*{pattern('chrome_comments')}\s*:?\s*$", re.I),
        "comments_weak": re.compile(rf"^\W*{pattern('chrome_comments_weak')}\s*:?\s*$", re.I),
        "marking": re.compile(
            rf"^\W*{pattern('chrome_markings')}(?:\W+{pattern('chrome_markings')})*\W*$", re.I
        ),
        "date": re.compile(rf"{b}{_DATE}{e}", re.I),
        "strong_time": re.compile(
            rf"{b}(?:{_RELTIME}|{_DATE}\W+{_TIME}|{_TIME}\W+{_DATE}){e}", re.I
        ),
        "ctl": re.compile(rf"(?:{ui})", re.I),
        "role": re.compile(rf"\b{pattern('chrome_roles')}s?\b", re.I),
        "field": re.compile(rf"^\s*({pattern('chrome_fields')})\s*:\s*(.*)$", re.I),
        "byline": re.compile(
            r"\b(?i:by|posted by|written by)\s+([A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})"
        ),
    }


_SEP = re.compile(r"\s+[·|•∙/]\s+|\s*[·|•∙]\s*|\s{3,}|\t")
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’-]*\.?|[A-Z]\.|(?:van|von|de|der|da|di|le|la|bin|al)\b)$")
_USERNAME = re.compile(r"^[\w.-]{2,30}$")
_PAGE = re.compile(
    r"^\W*(?:(?:page\s+|slide\s+)?\d{1,4}\s+(?:of|/)\s+\d{1,4}|(?:page|slide)\s+\d{1,4})\W*$", re.I
)
_EMBED_STAMP = re.compile(rf"\W*\[?{_TIME}\s*[∙·•|-]\s*{_DATE}\W*$", re.I)
_BIO_VERB = re.compile(
    r"^\W*(?:is|was|writes|wrote|has|leads|works|lives|teaches|covers|serves|holds|received|"
    r"studies|researches|runs|founded|co-founded|edits|hosts|tweets|blogs)\b"
)
ROW_WORDS = 40  # no row of controls, byline, marking or link row is longer
PROSE_WORDS = 12  # a paragraph of at least this many words ending a sentence is article prose
SHORT_WORDS = 14  # lines this short (and not ending a sentence) can be list items or headings
_END = re.compile(r"[.!?…\"”’)]\s*$")


@dataclass
class LineKind:
    """What the controls and counters of one line leave over."""

    ui: bool = False  # nothing but controls/counters/dates
    strong: bool = False  # with a counter, relative time, handle or multi-word control
    header: bool = False  # a name with a time, date or handle: a byline or post header
    author: str = ""


def line_kind(line: str) -> LineKind:
    """Classify a line by what is left once its controls, counters, dates and handles are removed."""
    s = line.strip()
    n = len(s.split())
    if not s or len(s) > 300 or n > ROW_WORDS or (n >= PROSE_WORDS and _END.search(s)):
        return LineKind()  # a row of controls is short and ends no sentence
    rx = _rx()
    strong = rx["strong"].findall(s)
    timed = any(not _ELAPSED.match(t) for t in rx["timed"].findall(s))
    handle = bool(re.search(_HANDLE, s))
    rest = rx["strong"].sub(" ", s)
    weak = rx["weak"].findall(rest)
    units = len(strong) + len(weak)
    # Bare numbers do not make a row strong: "(2020 post)" is a reference, "Reply · Share" a row.
    worded = len(strong) + sum(1 for w in weak if not w[:1].isdigit())
    rest = rx["weak"].sub(" ", rest)
    words = re.findall(r"[^\W\d_][\w'’.-]*", rest)
    by = rx["byline"].search(s)
    author = " ".join(_until_control(by.group(1).split())) if by else ""
    if by and not set(words) <= set(author.split()):
        by, author = None, ""  # "Originally published by X": more than a byline
    if not words:
        if not units or re.fullmatch(_HASHTAG, s):
            return LineKind()  # a lone "#channel" names a chat channel or a topic
        return LineKind(ui=True, strong=bool(strong) or worded >= 2, header=handle and timed)
    if (timed or handle or by) and _name_like(words, lowercase_ok=timed or handle):
        return LineKind(header=bool(timed or handle), strong=True, author=author, ui=False)
    return LineKind()


# A button that names what it acts on ("Click to Follow jdoe", "Tap to expand"): the web's
# "click here to …" call to action (W3C WCAG 2.4.4 advises against it; pages still print it).
_CLICK_TO = re.compile(r"^\W*(?:click|tap|press)(?: here)? to \w+", re.I)
# A version or build stamp ("Version 2 · compiled 8 April 2026", "v1.3", "Rev. 4", "Build 2291",
# "arXiv:2604.01234v2 [cs.CL]", "Last updated 3 May 2026"): the conventions of software releases
# (Semantic Versioning), preprint servers and document control, printed over a paper's title.
_VERSION = re.compile(
    r"^\W*(?:(?:version|ver\.|v|rev(?:ision)?\.?|build|release|draft|edition)\s*"
    r"\d+(?:\.\d+)*[a-z]?\b(?!\s*:)|arxiv:\s*\d|(?:last )?(?:updated|revised|compiled|modified)\b)",
    re.I,
)
# A row of parts set with middle dots or bullets ("THE LONG CONTEXT · a podcast about …",
# "Conference 2026 · Submission 4127", "Book, 3rd edition · Chapter 9 · 241"): a series banner,
# venue line or running head; a title is one phrase, and its site suffix takes " | " or a dash.
_DOT_ROW = re.compile(r"\S\s+[·•]\s+\S")


def never_title(line: str) -> bool:
    """A counter or a button ("312 comments", "Share", "Read more", "Click to Follow jdoe"), a
    version or build line, or a banner row of parts set with middle dots: never a title,
    whatever follows it."""
    s = line.strip()
    return bool(
        line_kind(s).ui
        or (_CLICK_TO.match(s) and len(s.split()) <= 6)
        or _VERSION.match(s)
        or _DOT_ROW.search(s)
    )


def _until_control(words: list[str]) -> list[str]:
    """The words of a byline's name up to the first control word ("Omar Haddad Updated" → name)."""
    weak = _rx()["weak"]
    return list(itertools.takewhile(lambda w: not weak.fullmatch(w), words))


def _name_like(words: list[str], *, lowercase_ok: bool) -> bool:
    if len(words) == 1 and lowercase_ok and _USERNAME.match(words[0]):
        return True
    return 1 <= len(words) <= 4 and all(_NAME_WORD.match(w) for w in words)


def is_prose(line: str, words: int = PROSE_WORDS) -> bool:
    """A paragraph of article prose: `words` long or more, and ending a sentence."""
    return len(line.split()) >= words and bool(_END.search(line))


def _is_sentence(line: str) -> bool:
    return len(line.split()) >= 5 and bool(_END.search(line))


def _short(line: str) -> bool:
    return len(line.split()) <= SHORT_WORDS and not _END.search(line)


def _question(line: str) -> bool:
    """A short line ending in a question mark: a title as often as a sentence."""
    return len(line.split()) <= 20 and line.rstrip().endswith("?")


def _link_row(line: str) -> bool:
    """A row of menu/footer labels split by separators ("About · Jobs · Privacy")."""
    if len(line.split()) > ROW_WORDS or not _SEP.search(line.strip()):
        return False
    parts = [p for p in _SEP.split(line.strip()) if p.strip()]
    kinds = [line_kind(p) for p in parts]
    if len(parts) < 2 or any(len(p.split()) > 4 and not k.header for p, k in zip(parts, kinds)):
        return False
    rx = _rx()
    nav = sum(1 for p, k in zip(parts, kinds) if rx["nav"].match(p) or k.ui or k.header)
    return nav == len(parts) or (len(parts) >= 3 and nav >= 0.5 * len(parts))


def _marking(line: str) -> bool:
    head = line.lstrip(" \t*_#>-•·/|[(")[:2]
    if len(line.split()) > ROW_WORDS or not head.isupper():
        return False
    letters = [c for c in line if c.isalpha()]
    upper = letters and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
    return bool(upper) and bool(_rx()["marking"].match(line))


def trim(line: str) -> str:
    """Cut the time stamp an embedded social post ends with ("… [11:20 PM ∙ May 30, 2022"): the
    post's words are a quoted view and stay, its stamp is the card's furniture."""
    return _EMBED_STAMP.sub("", line).rstrip() if _EMBED_STAMP.search(line) else line


@dataclass
class Chrome:
    """The chrome found in a list of lines."""

    lines: set[int] = field(default_factory=set)
    headings: set[int] = field(default_factory=set)  # module headings ("Related posts") among them
    cut: int | None = None  # reader comments start here: nothing from this line on is text
    thread: bool = False
    known: set[int] = field(default_factory=set)  # chrome the caller found by a line's words
    title: str = ""  # from a memo's SUBJECT/RE field
    channel: str = ""  # a chat export's channel name (its header's Channel field)
    date: str = ""
    author: str = ""


def find_chrome(
    lines: list[str],
    *,
    author: str = "",
    known: set[int] | None = None,
    closing: set[int] | None = None,
    extra: Callable[[list[str], list[int], set[int]], None] | None = None,
    thread: bool = False,
) -> Chrome:
    """Indices of chrome lines, where reader comments start, and metadata found on the way.

    `thread`: the caller knows the page is a discussion whose posts are its text (an issue
    tracker's page: its comments are the issue's discussion, not reader comments under it).

    `known`: lines the caller already knows to be chrome (they count as chrome for the rules
    that look at neighbours). `closing`: credit lines that close an article ("Copyright …"),
    which the caller cuts at itself; they are not the article's last sentence. `extra`: more
    rules that look at neighbours (model/importer/formats.py), run once the lines that are
    chrome by their own words are known."""
    out = Chrome(lines=set(known or ()), known=set(known or ()))
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    if not idx:
        return out
    kinds = {i: line_kind(lines[i]) for i in idx}
    rx = _rx()
    weak: set[int] = set()
    gaps: set[int] = set()  # "2 months later": a forum's gap between posts, or an essay's heading
    for i in idx:
        s, k = lines[i].strip(), kinds[i]
        if k.author:
            out.lines.add(i)
            out.author = out.author or k.author
        elif k.header or k.ui:
            (out.lines if k.strong or k.header else weak).add(i)
        elif _GAP.match(s):
            gaps.add(i)
        elif (
            (rx["platform"].match(s) and len(s.split()) <= 60)
            or _link_row(s)
            or rx["nav_run"].match(s)
            or (rx["newsletter"].search(s) and len(s.split()) <= 25)
            or _marking(s)
            or _PAGE.match(s)
            or _EMBED_STAMP.fullmatch(s)
        ):
            out.lines.add(i)
    if extra is not None:
        extra(lines, idx, out.lines)
    _weak_groups(lines, idx, weak, out.lines)
    _grow_weak(idx, weak, out.lines)
    _fields(lines, idx, out)
    _repeated_edges(lines, idx, out.lines)
    _menus(lines, idx, out.lines)
    _blocks(lines, idx, out.lines, out.headings)
    _head(lines, idx, kinds, out)
    _bio(lines, idx, out.lines, author or out.author)
    _bio_shape(lines, idx, out.lines)
    headers = sorted(
        {
            i
            for i in idx
            if kinds[i].header
            and not MAIL_FIELD.match(lines[i])
            # a sermon's "Readings: Isaiah 40.1-11" or a speech's "Remarks by X, 3 May" has a
            # name and a number like a post's header, but heads no post
            and not is_source_line(lines[i])
        }
        | _names_over_meta(lines, idx, out.lines)
        | _names_over_dates(lines, idx, kinds, out.lines)
    )
    out.lines.update(headers)
    if sum(1 for h in headers if not _TRAILER.match(lines[h])) >= 2:
        out.lines.update(gaps)  # a forum's gap between posts (a Q&A card's line is no post's head)
    _grow_weak(idx, weak, out.lines)  # again: a lone control next to a post header found above
    _bio_after_meta(lines, idx, out.lines)
    _counters(lines, idx, out.lines)
    _label_rows(lines, idx, out.lines)
    if thread:
        out.thread = True
    else:
        _comments(lines, idx, kinds, headers, out)
    _tail(lines, idx, out, closing or set(), headers)
    return out


# A mail header field ("Sent: Tuesday, 24 November 2026 14:20"): in a printed thread every
# message opens with a block of them, and each message is text, so none starts a comment section.
MAIL_FIELD = re.compile(r"^\W{0,2}(from|to|cc|bcc|sent|date|subject|reply-to)\s*:\s*\S", re.I)


def _weak_groups(lines: list[str], idx: list[int], weak: set[int], chrome: set[int]) -> None:
    """≥ 3 consecutive lone controls, counters or dates with at least one control word among them
    ("Mar 11, 2026 / 124 / 37 / Share") are a group of controls."""
    ctl = _rx()["ctl"]
    run: list[int] = []
    for i in [*idx, None]:
        if i is not None and i in weak:
            run.append(i)
            continue
        if len(run) >= 3 and any(ctl.fullmatch(lines[j].strip(" ·|•")) for j in run):
            chrome.update(run)
        run = []


def _head(lines: list[str], idx: list[int], kinds: dict[int, LineKind], out: Chrome) -> None:
    """The head above the first paragraph: a bare name right above a date line (or a lone "Follow"
    button) is a byline; when
    a byline (or date line) is found, the title is the title-like line just above it (or above a
    one-line standfirst), and what precedes the title there (a masthead, a tagline) is chrome."""
    first, _ = prose_bounds(lines, idx, out.lines)
    head = [i for i in idx if i < first]
    date = _rx()["date"]
    for a, b in zip(head, head[1:], strict=False):
        if (
            a not in out.lines
            and b in out.lines
            and (date.search(lines[b]) or _FOLLOW.fullmatch(lines[b]))
        ):
            words = lines[a].split()
            if _name_like(words, lowercase_ok=False) and len(words) >= 2:
                out.lines.add(a)
                out.author = out.author or lines[a].strip()
    # A notice the caller knew by its words ("Annual General Meeting: Tuesday 4 May …") is
    # dated, but it is no dateline: what stands above it is the article's own first lines.
    mark = next(
        (i for i in head if i in out.lines and (kinds[i].author or kinds[i].header or
         (date.search(lines[i]) and i not in out.known) or
         (i > 0 and out.author and out.author in lines[i]))),
        None,
    )  # fmt: skip
    if mark is None:
        return
    above = [i for i in head if i < mark and i not in out.lines]
    if not 2 <= len(above) <= 4:  # masthead, tagline, title, standfirst at most
        return
    # A byline with a role ("By Carla Mendes, Technology Correspondent") is never the title.
    named = [i for i in above if not _BYLINE_START.match(lines[i])]
    titled = [
        i
        for i in named[-2:]
        if _short(lines[i]) and len(lines[i].split()) <= 20 and not never_title(lines[i])
    ]
    if not titled:
        return
    title = titled[-1] if titled[-1] == named[-1] and len(titled) == 1 else titled[0]
    # A masthead is set apart from the title by the page's chrome (a menu, a breadcrumb, a
    # search row); a standfirst follows its title directly.
    between = any(titled[0] < i < titled[-1] for i in out.lines)
    if len(titled) == 2 and (_kicker(lines[titled[0]], lines[titled[1]]) or between):
        title = titled[1]
    out.title = out.title or lines[title].strip()
    out.lines.update(above)  # the title is metadata now, not text


def _kicker(first: str, second: str) -> bool:
    """Whether the first of two short lines over a byline is a kicker or a masthead, not the
    title over its standfirst: a label of ≤ 3 words over a longer line, or an upper-case line
    over one in mixed case ("SESSION RECAP" / "Can bigger models …"). A standfirst is longer
    than its title and in the same case."""
    a, b = first.split(), second.split()
    if len(a) <= 3 < len(b):
        return True
    letters = [c for c in first if c.isalpha()]
    upper = bool(letters) and all(c.isupper() for c in letters)
    return upper and any(c.islower() for c in second)


def _names_over_meta(lines: list[str], idx: list[int], chrome: set[int]) -> set[int]:
    """A bare name on its own line right above a chrome line with a handle or a time ("Mira
    Castell" / "@mira", "Ravi M." / "4h ago") is a post's or comment's header split over lines."""
    rx = _rx()
    out = set()
    for a, b in zip(idx, idx[1:], strict=False):
        if a in chrome or b not in chrome:
            continue
        words = lines[a].split()
        nxt = lines[b]
        meta = (
            re.search(_HANDLE, nxt)
            or rx["strong_time"].search(nxt)
            or _FOLLOW.fullmatch(nxt)  # "Name" / "Follow": an author module
        )
        if meta and 2 <= len(words) <= 4 and _name_like(words, lowercase_ok=False):
            out.add(a)
    return out


_LOGIN = re.compile(r"^[a-z0-9][\w.-]{1,29}$")  # a forum login ("ravi_k", "jules.w")


def _names_over_dates(
    lines: list[str], idx: list[int], kinds: dict[int, LineKind], chrome: set[int]
) -> set[int]:
    """A post header split over lines as forums print it when saved as text: a login or a name
    on its own line, at most one lone badge or control ("Regular", "Maintainer") and then a line
    that is only a date or a relative time ("ravi_k" / "Mar 2"). The name lines are returned as
    post headers; the badge and date lines become chrome."""
    date = _rx()["timed"]
    out = set()
    for k, a in enumerate(idx):
        words = lines[a].split()
        login = len(words) == 1 and bool(_LOGIN.match(words[0]))
        if a in chrome or not (
            login or (2 <= len(words) <= 4 and _name_like(words, lowercase_ok=False))
        ):
            continue
        for n, b in enumerate(idx[k + 1 : k + 3]):
            s = lines[b].strip()
            if kinds[b].ui and len(s.split()) <= 4 and date.search(s):
                out.add(a)
                chrome.update(idx[k + 1 : k + 2 + n])
                break
            if not (kinds[b].ui or _label_like(s)) or len(s.split()) > 2:
                break
    return out


def _counters(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """≥ 3 lines in a row that are each a bare count ("212", "1.1K") are a post's counters."""
    bare = re.compile(r"\d[\d,.]*[kmb]?", re.I)
    run: list[int] = []
    for i in [*idx, None]:
        if i is not None and bare.fullmatch(lines[i].strip()):
            run.append(i)
            continue
        if len(run) >= 3:
            chrome.update(run)
        run = []


def _grow_weak(idx: list[int], weak: set[int], chrome: set[int]) -> None:
    """A lone one-word control is chrome when a neighbouring line is chrome (controls come in
    groups); grows along a run of such lines, in both directions."""
    for order in (idx, idx[::-1]):
        prev = False
        for i in order:
            if i in weak and prev:
                chrome.add(i)
            prev = i in chrome


def prose_bounds(lines: list[str], idx: list[int], chrome: set[int]) -> tuple[int, int]:
    """Positions of the first and last prose line not yet taken as chrome ((len, -1) if none)."""
    prose = [i for i in idx if i not in chrome and is_prose(lines[i])]
    return (prose[0], prose[-1]) if prose else (len(lines), -1)


def _fields(lines: list[str], idx: list[int], out: Chrome) -> None:
    """Memo header fields in the head or tail of the text; SUBJECT/RE → title, DATE, FROM. A
    chat export's channel topic is its title only beside its guild, server or channel field."""
    first, last = prose_bounds(lines, idx, out.lines)
    rx = _rx()
    seen: dict[str, str] = {}
    for i in idx:
        if first <= i <= last:
            continue
        m = rx["field"].match(lines[i])
        if not m or len(lines[i].split()) > 30:
            continue
        name, value = m.group(1).lower(), m.group(2).strip()
        out.lines.add(i)
        more = _wrapped(lines, i, value)
        out.lines.update(more)
        value = " ".join([value, *(lines[j].strip() for j in more)])
        seen.setdefault(name, unquoted(value))
    chat = {"guild", "server", "channel"} & set(seen)
    title = (
        seen.get("subject")
        or seen.get("re")
        or seen.get("regarding")
        or seen.get("title")
        or next((v for k, v in seen.items() if "project" in k), "")  # a form's title field
        or seen.get("thesis")
        or seen.get("dissertation")
        or (seen.get("topic") if chat else "")
    )
    if chat:
        out.channel = _channel_name(seen.get("channel", ""))
    out.title = out.title or title or ""
    out.date = out.date or seen.get("date", "")
    out.author = out.author or seen.get("from", "")


def _channel_name(value: str) -> str:
    """A chat export's channel, as its header names it: the last part of its path, without the
    export's numeric id ("Reading Group / scaling-debate (1147…)" -> "scaling-debate")."""
    return re.sub(r"\s*\(\d{6,}\)\s*$", "", value).split(" / ")[-1].strip()


def _wrapped(lines: list[str], i: int, value: str) -> list[int]:
    """The lines a field's value wraps onto: while a quotation it opens is not closed, the lines
    right below it (no blank between, none a field of its own), two at most."""
    out: list[int] = []
    j = i + 1
    while _open_quote(" ".join([value, *(lines[k] for k in out)])) and len(out) < 2:
        if j >= len(lines) or not lines[j].strip() or _rx()["field"].match(lines[j]):
            break
        out.append(j)
        j += 1
    return out if out and not _open_quote(" ".join([value, *(lines[k] for k in out)])) else []


def _open_quote(text: str) -> bool:
    """Whether a quotation opened in text is still open."""
    return text.count('"') % 2 == 1 or text.count("“") > text.count("”")


def unquoted(value: str) -> str:
    """A field's value without the quotation marks around the whole of it."""
    v = value.strip()
    if len(v) > 2 and v[0] in '"“' and v[-1] in '"”' and not _open_quote(v[1:-1]):
        return v[1:-1].strip()
    return v


_TEXT_END = re.compile(r"\w\W*\s+\w+[^\s]*[.!?…][\"”’)]?\s*$")  # two words or more, then an end


def _repeated_edges(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A short non-sentence line that occurs among both the first three lines and the last three
    (after the last prose) is a running header or footer: all its copies go."""

    def key(i: int) -> str:
        return re.sub(r"\d+", "#", lines[i].strip().lower())

    live = [i for i in idx if i not in chrome]
    if len(live) < 6:
        return
    top = {key(i) for i in live[:3] if _short(lines[i])}
    # At the bottom only after the last text: a heading repeated there would introduce prose,
    # even a short closing sentence ("It ends well."), which a running footer never precedes.
    last_prose = max((i for i in live if is_prose(lines[i]) or _TEXT_END.search(lines[i])),
                     default=-1)  # fmt: skip
    bottom = {key(i) for i in live[-3:] if _short(lines[i]) and i > last_prose}
    both = top & bottom
    chrome.update(i for i in idx if key(i) in both)


def _next_live(idx: list[int], k: int, chrome: set[int]) -> int | None:
    """The first line at or after position k of idx that is not chrome."""
    return next((idx[j] for j in range(k, len(idx)) if idx[j] not in chrome), None)


def _item_key(line: str) -> str:
    """A list item or heading without its numbering and final colon ("1 History:" → history)."""
    return " ".join(re.findall(r"[^\W\d_]+", line.lower()))


def _blocks(lines: list[str], idx: list[int], chrome: set[int], headings: set[int]) -> None:
    """A module heading ("Related posts", "Community rules", "Contents") and the short lines
    under it, up to the next prose paragraph, the heading that introduces it, or a line that
    repeats one of the block's items (at most 15 lines)."""
    rx = _rx()
    k = 0
    while k < len(idx):
        if not rx["block"].match(lines[idx[k]].strip()):
            k += 1
            continue
        chrome.add(idx[k])
        headings.add(idx[k])
        k += 1
        items: set[str] = set()
        for _ in range(15):
            if k >= len(idx):
                break
            j = idx[k]
            if j not in chrome and len(lines[j].split()) >= PROSE_WORDS:
                break
            if _item_key(lines[j]) in items:
                break  # a contents list's item again: the list is over, its section begins
            items.add(_item_key(lines[j]))
            nxt = _next_live(idx, k + 1, chrome)
            if j not in chrome and nxt is not None and is_prose(lines[nxt]):
                break  # a heading that introduces prose belongs to the article
            chrome.add(j)
            k += 1


def _label_like(line: str) -> bool:
    """Shaped like a menu item: at most three words, each capitalised ("AI Safety")."""
    words = line.strip(" -*•·").split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() or not w[:1].isalpha() for w in words)


def _menus(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A run of ≥ 3 short lines (≤ 4 words, no sentence punctuation; blank lines between) of which
    ≥ 60 % are menu labels or other chrome is a menu: its labels go, and any menu-item-shaped
    line between two labels (a site's own section name), and the site's name on top of the menu when a title
    follows the menu. Other lines stay: a title or heading next to a menu or a share row is not
    one of its items."""
    nav = _rx()["nav"]
    run: list[int] = []

    def flush() -> None:
        labels = {i for i in run if nav.match(lines[i].strip(" -*•·"))}
        if len(run) >= 3 and len(labels | (chrome & set(run))) >= 0.6 * len(run):
            chrome.update(labels)
            for a, i, b in zip(run, run[1:], run[2:], strict=False):
                if a in labels and b in labels and _label_like(lines[i]):
                    chrome.add(i)
            # A masthead: the site's name on top of its menu, when a title still follows.
            after = _next_live(idx, bisect.bisect_right(idx, run[-1]), chrome)
            first = next(k for k, i in enumerate(run) if i not in chrome or k == len(run) - 1)
            top = run[first]
            if top not in chrome and first + 1 < len(run) and run[first + 1] in labels:
                title = after is not None and (_short(lines[after]) or _question(lines[after]))
                if title and len(lines[after].split()) <= 20:
                    chrome.add(top)
        run.clear()

    for i in idx:
        s = lines[i].strip()
        if i in chrome or (len(s.split()) <= 4 and not re.search(r"[.!?,;:]$", s)):
            run.append(i)
        else:
            flush()
    flush()


def _bio(lines: list[str], idx: list[int], chrome: set[int], author: str) -> None:
    """An author bio box: a short paragraph opening with the author's own full name and a verb of
    a bio ("Jane Doe is a …", "Jane Doe writes about …"); an author does not write of themself
    in the third person in their own article."""
    name = author.strip()
    if len(name.split()) < 2:
        return
    for i in idx:
        s = lines[i].strip().lstrip("*_ ")
        if s.lower().startswith(name.lower()) and len(s.split()) <= 80:
            if _BIO_VERB.match(s[len(name) :]):
                chrome.add(i)


def _bio_shape(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A contributor note after the article's last prose when the author is not known: a short
    paragraph (≤ 50 words) among the last two of the text that opens with a name, "is a/an/the"
    and a role ("Jane Doe is a senior fellow at …")."""
    live = [i for i in idx if i not in chrome]
    if sum(1 for i in live if is_prose(lines[i])) < 4:
        return
    role = _rx()["role"]
    for i in live[-2:]:
        s = lines[i].strip().strip("*_ ")
        m = re.match(r"^((?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w'’-]+)\s+(?:is|was)\s+(?:a|an|the)\s", s)
        if m and len(s.split()) <= 50 and role.search(" ".join(s[m.end() :].split()[:8])):
            chrome.add(i)


# The action line of a Q&A user card ("answered Mar 1, 2024 at 14:20"), printed under its post.
_TRAILER = re.compile(
    r"^\W*(?:(?:share|follow|improve this answer)\W+)*(?:answered|asked|edited|modified)\s+(?!by\b)",
    re.I,
)
_SORT = re.compile(r"^\W*sort(?:ed)? by\b", re.I)  # the switch under a comments heading
_THREAD_LINK = re.compile(r"^\W*(?:view thread|last reply\b)", re.I)
_FORM = re.compile(
    r"your e-?mail address will not be published|required fields are marked|^\W*(?:name|e-?mail|"
    r"website)\s*\*?\s*$|comments are closed",
    re.I,
)


def _comments(
    lines: list[str], idx: list[int], kinds: dict[int, LineKind], headers: list[int], out: Chrome
) -> None:
    """Where reader comments start, or that the whole text is a thread."""
    chrome = out.lines
    prose = [i for i in idx if i not in chrome and is_prose(lines[i])]
    size = {i: len(lines[i]) for i in prose}
    total = sum(size.values())
    rx = _rx()

    posts = set(headers)

    def follows(k: int) -> str:
        """What comes right after a heading: "comments" (a post header, a reply/like row, another
        comment heading), "form" (only the comment form), or ""."""
        form = False
        for j in idx[k + 1 : k + 9]:
            ln = lines[j]
            if j in posts or kinds[j].header or rx["comments"].match(ln.strip()):
                return "comments"
            if kinds[j].ui and re.search(r"\b(?:reply|like|vote|upvote|respond)\b", ln, re.I):
                return "comments"
            form = form or bool(_FORM.search(ln))
        return "form" if form else ""

    repeats = Counter(lines[i].strip().lower() for i in idx)
    for k, i in enumerate(idx):
        s = lines[i].strip()
        strong, weak = rx["comments"].match(s), rx["comments_weak"].match(s)
        near = [idx[j] for j in (k - 1, k + 1) if 0 <= j < len(idx)]
        if not (strong or weak):
            continue
        if re.search(r"\d", s) and any(
            kinds[n].ui and not kinds[n].header and not _SORT.match(lines[n]) for n in near
        ):
            continue  # "187 comments" next to "412 points": a counter in a row, not a heading
        if any(n > i and _THREAD_LINK.match(lines[n]) for n in near):
            continue  # "3 replies" / "View thread": a chat message's thread summary
        if repeats[s.lower()] >= 2:
            continue  # "Add a comment" under every post: a control, not the comments' heading
        after = follows(k)
        n_before = sum(1 for p in prose if p < i)
        if after == "comments" and not n_before:
            # Captions have no punctuation: long lines of speech before the heading are the text.
            n_before = sum(1 for j in idx[:k] if j not in chrome and len(lines[j].split()) >= 12)
        share = sum(n for p, n in size.items() if p < i) / total if total else 0.0
        # A comment form with the article's prose going on after it (pieces joined in one file)
        # closes nothing: only its own lines go.
        form_ends = after == "form" and sum(1 for p in prose if p > i) < 2
        if n_before >= 1 and (after == "comments" or form_ends or (strong and share >= 0.5)):
            out.cut = i
            return
    # A Q&A card's action line ("answered …") closes the post above it: no post starts there.
    headers = [h for h in headers if not _TRAILER.match(lines[h])]
    if not total or len(headers) < 2:
        return
    # A thread: the post headers split the prose so that no stretch holds most of it.
    cuts = [-1, *headers, len(lines)]
    stretches = [
        sum(n for p, n in size.items() if a < p < b) for a, b in zip(cuts, cuts[1:], strict=False)
    ]
    if len(headers) >= 3 and max(stretches) <= 0.6 * total:
        out.thread = True
        # The topic's category and tags sit between its title and the first post: short
        # labels there are not posts (the first live line is the title and stays).
        # A heading that introduces prose there is the author's and stays.
        live = [i for i in idx if i < headers[0] and i not in chrome]
        for a, b in zip(live[1:], [*live[2:], headers[0]], strict=False):
            if _short(lines[a]) and len(lines[a].split()) <= 4 and not is_prose(lines[b]):
                chrome.add(a)
        return
    # No heading: a run of post headers after most of the body starts the comments.
    for n, h in enumerate(headers):
        before = sum(v for p, v in size.items() if p < h)
        if len(headers) - n >= 2 and before >= 0.5 * total:
            out.cut = h
            return


def _tail(
    lines: list[str], idx: list[int], out: Chrome, closing: set[int], headers: list[int]
) -> None:
    """After the last sentence of the text, once chrome has appeared, the short lines that follow
    (headline lists, footers) are the page's; so is a lone counter or control there (a post's
    score under it). In a thread the text runs to the last post's first line: chat messages
    need not end a sentence."""
    end = out.cut if out.cut is not None else len(lines)
    live = [i for i in idx if i < end]
    sentences = [
        i for i in live if i not in out.lines and i not in closing and _is_sentence(lines[i])
    ]
    if out.thread and headers:
        sentences += [i for i in live if i > headers[-1] and i not in out.lines][:1]
    if not sentences:
        return
    after = [i for i in live if i > max(sentences)]
    seen = False
    for i in after:
        if i not in out.lines and line_kind(lines[i]).ui:
            out.lines.add(i)
        if i in out.lines:
            seen = True
        elif seen and _short(lines[i]) and not _caption(lines[i]):
            out.lines.add(i)


def _caption(line: str) -> bool:
    """A caption line of speech (auto-captions have no capitals or punctuation: "and yes plenty
    of smart researchers disagree with me"): five words or more, in lower case at the start and
    with no punctuation. A footer link, a tag, a reply ("great thread, bookmarking …") or a post
    header ("mira kolb @mira · Feb 11") is not one."""
    s = line.strip()
    return len(s.split()) >= 5 and bool(re.fullmatch(r"[a-z][\w'’ -]*", s))


_BIO_START = re.compile(
    r"^\W*(?:writes|writing|covers|works|researches|studies|builds|building|teaches|thinks|"
    r"tweets|blogs) (?:about|on|at|for|in)\b",
    re.I,
)


def _bio_after_meta(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A profile blurb right under an author module ("Written by …" / "2.3K Followers" /
    "Writes about compute."): a short paragraph that opens with a bio verb and no subject, after
    a chrome line (and at most one short role line, "Editor for …"). An article's own sentence
    names its subject."""
    for k, a in enumerate(idx):
        if a not in chrome:
            continue
        live = [j for j in idx[k + 1 : k + 4] if j not in chrome][:2]  # a role line may come first
        for n, j in enumerate(live):
            s = lines[j].strip()
            if len(s.split()) <= 50 and _BIO_START.match(s):
                if all(_short(lines[m]) and len(lines[m].split()) <= 8 for m in live[:n]):
                    chrome.update(live[: n + 1])
                break


_TAG = re.compile(r"^[a-z0-9][a-z0-9-]*(?: [a-z0-9-]+)?$")  # a lowercase tag ("scaling")


def _label_rows(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A tag row before the article's first prose or after its last ("AI Timelines · Scaling
    Laws · Forecasting"): ≥ 3 parts split by "·", "|" or "•", each one to three capitalised
    words, and no sentence in it; before the first prose also ≥ 2 lowercase tags split by
    commas ("scaling, reasoning"). Inside the article such a row could be a list the author
    wrote, so only the head and the tail."""
    first, last = prose_bounds(lines, idx, chrome)
    for i in idx:
        if i in chrome or first <= i <= last:
            continue
        row = lines[i].strip()
        parts = [p for p in re.split(r"\s*[·|•]\s*", row) if p]
        tags = [p for p in re.split(r"\s*,\s*", row) if p]
        if _END.search(row):
            continue
        if (len(parts) >= 3 and all(_label_like(p) for p in parts)) or (
            i < first and len(tags) >= 2 and all(_TAG.match(t) for t in tags)
        ):
            chrome.add(i)
