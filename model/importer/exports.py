"""Furniture of exported documents, slide decks, event pages and transcript records (sixth round).

Each rule comes from how the format is produced, never from an article; word lists are in
data/chrome_*.txt (the "Sixth round" groups name their sources):

- **Page stamps in a footer row.** A row split by "·", "|", "•" or dashes into short pieces, one
  of them a page stamp ("Page 3 of 9", "p. 4", "2/7"), is a printed page's footer or header
  ("Page 1 of 1 · Document 041", "Deckhand · Page 1 of 1 · Generated with notes").
- **Handling footers.** Such a row with a handling marking among its pieces ("Acme —
  Confidential — Not for distribution"), in any case: slide and document templates print it.
- **Export and print stamps** in the head or tail of the text: "Exported from <app> …",
  "Exported 21 Nov 2026 by …", "Printed from <app>", "Printed 2 Dec 2026 …".
- **Property rows** in the head or tail: "Created by X, last modified by Y on <date>", and a row
  that opens with a "Label: value" piece followed by more of them or short values ("Space:
  Platform · Page status: Draft", "Track: Research · Hall C · 45 min"); in the head, a byline row
  with a date ("Written up by Name for … · 14 October 2026"); a row with a property stamp among
  short pieces ("🔒 Private to Research · Updated Nov 2, 2026 by Pia Lund"); in the head, an
  event's date row ("Wednesday, November 18, 2026 · 6:30 PM to 8:30 PM PST") and its host line
  ("Hosted by Name and 2 others"), and a venue line under a date line ("State Capitol, Room
  2040").
- **A line repeated on every slide.** In a deck (≥ 3 slide markers: "Slide 4 of 12", "— 4 —",
  page numbers counting up), a short non-sentence line that recurs in ≥ 3 slides and in at least
  half of them, and never introduces prose (a "Speaker notes" label does), is the slide master's
  footer or header.
- **Breadcrumbs.** A trail of ≥ 3 short labels split by ">", "›", "»" or "/" ("Home > Programme
  > Day 2"; "Events / Forum 2026 / Sessions") before the first prose, or one that starts with
  "Home"; the site's name on the first line right above the page's menu or breadcrumb, when a
  title follows, is its masthead; a group's or section's name right under the breadcrumb, when
  the page's title follows a block of chrome (host, date row, tabs) just above the first prose,
  is the group's, not the page's.
- **A video's description box**: the lines between a video page's view-count row ("96,402 views
  Nov 12, 2026") and the box's toggle ("...more", "Show less"), at most six: the text of a video
  page is its transcript, and the uploader's blurb and links sit in that box.
- **Mail headers in a printed thread.** A block of two or more header lines (RFC 5322 fields:
  "From:", "To:", "Cc:", "Bcc:", "Sent:", "Date:", "Subject:", "Reply-To:") with a "From:" in
  it, anywhere in the text: each quoted message of a thread opens with one. So does the mail
  disclaimer line ("This email and any attachments are confidential …").
- **Procedure notes in a transcript.** A whole-line parenthesis of ≤ 12 words that records
  procedure ("(Sitting suspended …)", "(On resuming)") on a page with speaker turns.
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import MAIL_FIELD, is_prose, line_kind, prose_bounds
from model.importer.lexicon import pattern

_PIECES = re.compile(r"\s+[·|•—–-]\s+|\s*[·|•]\s*|\s+[—–]\s*|\s*[—–]\s+")
_PAGE_STAMP = re.compile(
    r"^\W*(?:(?:page|p\.|pg\.?|slide)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s*(?:of|/)\s*\d{1,4})\W*$",
    re.I,
)
_END = re.compile(r"[.!?…]\s*$")
_STAMP = re.compile(
    r"^\W*(?:exported|printed|downloaded|generated)\s+(?:(?:from|with|via|using|by|on|at)\s+\S|"
    r"\d{1,4}[ /.-])",
    re.I,
)
_PROPS = re.compile(
    r"^\W*(?:created|last (?:modified|edited|updated)|modified|updated|edited)\s+"
    r"(?:by|on|at|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)[^.!?]{1,120}$",
    re.I,
)
_VENUE = re.compile(r"\b(?:room|hall|chamber|auditorium|capitol|building)\s*\d*\b", re.I)
_HOST = re.compile(r"^\W*(?:hosted|organi[sz]ed|presented|moderated|curated|run) by\s+[A-Z]")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_WHEN_PIECE = re.compile(
    rf"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
    rf"\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|\d{{1,2}}(?::\d{{2}})?\s*[ap]\.?m\.?(?:\s*(?:to|-|–)\s*"
    r"\d{1,2}(?::\d{2})?\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)$",
    re.I,
)
_BY = re.compile(r"^\W*(?:(?:written|reported|filed|words|posted)(?: up)? )?by\s+[A-Z]", re.I)
_DATEISH = re.compile(r"\b\d{4}\b|\b\d{1,2}[/.-]\d{1,2}\b")
_FIELD_PIECE = re.compile(r"^[A-Z][\w ]{0,24}:\s*\S[^:]{0,40}$")
_SLIDE = re.compile(
    r"^\W*(?:(?:slide|page)\s+\d{1,3}(?:\s*(?:of|/)\s*\d{1,3})?|[—–-]{1,2}\s*\d{1,3}\s*[—–-]{1,2}|"
    r"\d{1,3}(?:\s*/\s*\d{1,3})?)\W*$",
    re.I,
)
_CRUMB = re.compile(r"\s+(?:>|›|»|/|→)\s+")
_SPEAKER = re.compile(r"^\s*(?:Q\d+\s+)?[A-Z][\w.'’ ()-]{1,40}:\s+\S")
_VIEWS = re.compile(r"\b\d[\d,.]*\s*[KkMm]?\s+views\b")
_TOGGLE = re.compile(r"^\W*(?:(?:\.\.\.|…)\s*more|show (?:more|less))\W*$", re.I)
_PAREN = re.compile(r"^\s*\(([^()]{2,100})\)\s*$")


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    return {
        "marking": re.compile(rf"^\W*{pattern('chrome_markings')}\W*$", re.I),
        "nav": re.compile(rf"^\W*{pattern('chrome_nav')}\W*$", re.I),
        "procedure": re.compile(rf"\b{pattern('chrome_procedure')}\b", re.I),
    }


def _pieces(line: str) -> list[str]:
    return [p.strip() for p in _PIECES.split(line.strip()) if p.strip()]


def is_footer_row(line: str) -> bool:
    """A footer or header row: short pieces split by separators, no sentence, one of them a page
    stamp or a handling marking."""
    s = line.strip()
    if len(s.split()) > 20 or _END.search(s):
        return False
    parts = _pieces(s)
    if len(parts) < 2 or any(len(p.split()) > 8 for p in parts):
        return False
    marking = _rx()["marking"]
    return any(_PAGE_STAMP.match(p) or marking.match(p) for p in parts)


def find_export_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules of this module that need a line's position or neighbours; adds to `chrome`."""
    first, last = prose_bounds(lines, idx, chrome)  # the rules below add no line between the two
    _edges(lines, idx, chrome, first, last)
    _slide_masters(lines, idx, chrome)
    _breadcrumbs(lines, idx, chrome, first)
    _procedure(lines, idx, chrome)
    _description(lines, idx, chrome)
    _mail_headers(lines, idx, chrome)


_DISCLAIMER = re.compile(
    r"^\W*this (?:e-?mail|message)(?: and any (?:attachments?|files?)[\w ]{0,30})? "
    r"(?:is|are|may be|may contain)\b[^.]{0,40}\b(?:confidential|privileged)",
    re.I,
)


def _mail_headers(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Header blocks of a printed mail thread, and the mail disclaimer line."""
    block: list[int] = []
    for i in [*idx, -1]:
        m = MAIL_FIELD.match(lines[i]) if i >= 0 else None
        if m:
            block.append(i)
            continue
        fields = {MAIL_FIELD.match(lines[j]).group(1).lower() for j in block}
        if len(block) >= 2 and "from" in fields:
            chrome.update(block)
        block = []
        if i >= 0 and _DISCLAIMER.match(lines[i]):
            chrome.add(i)


def _edges(lines: list[str], idx: list[int], chrome: set[int], first: int, last: int) -> None:
    """Export and print stamps and property rows, before the first prose or after the last."""
    for i in idx:
        if first <= i <= last or i in chrome:
            continue
        s = lines[i].strip()
        if len(s.split()) > 30:
            continue
        parts = _pieces(s)
        if (
            _STAMP.match(s)
            or (_PROPS.match(s) and _DATEISH.search(s))
            or (len(parts) >= 2 and _FIELD_PIECE.match(parts[0]) and _meta(parts[1:]))
            or (i < first and len(parts) >= 2 and _BY.match(parts[0]) and _DATEISH.search(s))
            or (
                len(parts) >= 2
                and any(_PROPS.match(p) and _DATEISH.search(p) for p in parts)
                and all(_PROPS.match(p) or len(p.split()) <= 4 for p in parts)
            )
            or (i < first and len(parts) >= 2 and all(_WHEN_PIECE.match(p) for p in parts))
            or (i < first and _HOST.match(s) and len(s.split()) <= 12 and not _END.search(s))
        ):
            chrome.add(i)

    _venue(lines, idx, chrome, first)


def _venue(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """A meeting's venue under its date line in the head ("State Capitol, Room 2040")."""
    for a, b in zip(idx, idx[1:], strict=False):
        s = lines[b].strip()
        if b >= first or a not in chrome or b in chrome or not _DATEISH.search(lines[a]):
            continue
        if len(s.split()) <= 10 and not _END.search(s) and _VENUE.search(s):
            chrome.add(b)


def _meta(parts: list[str]) -> bool:
    """The other pieces of a property row: more "Label: value" pieces or short values."""
    return all(_FIELD_PIECE.match(p) or (len(p.split()) <= 4 and not _END.search(p)) for p in parts)


def _slide_masters(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A short line the slide master repeats on every slide (see the module docstring)."""
    marks = [i for i in idx if _SLIDE.match(lines[i])]
    if len(marks) < 3:
        return
    slide = {i: sum(1 for m in marks if m <= i) for i in idx}
    live = [i for i in idx if i not in chrome]
    after = {a: b for a, b in zip(live, live[1:], strict=False)}
    groups: dict[str, list[int]] = {}
    for i in live:
        s = lines[i].strip()
        if i in marks or len(s.split()) > 12 or _END.search(s) or s.endswith(":"):
            continue
        groups.setdefault(re.sub(r"\d+", "#", s.lower()), []).append(i)
    for group in groups.values():
        slides = {slide[i] for i in group}
        if len(slides) < 3 or len(slides) < 0.5 * len(marks):
            continue
        if any(i in after and is_prose(lines[after[i]]) for i in group):
            continue  # a label that introduces text ("Presenter notes") is the slide's own
        chrome.update(group)


def first_slide(lines: list[str], idx: list[int]) -> int | None:
    """The marker that opens a deck's first slide ("— 1 —", "Slide 1 of 12", not a bare "1."
    that numbers a section) when the text is a deck (≥ 3 slide markers) and the marker comes
    after other lines. None otherwise."""
    marks = [i for i in idx if _SLIDE.match(lines[i])]
    if len(marks) < 3 or marks[0] == idx[0] or not _SLIDE_WORD.search(lines[marks[0]]):
        return None
    number = re.search(r"\d+", lines[marks[0]])
    return marks[0] if number and int(number.group()) == 1 else None


_SLIDE_WORD = re.compile(r"\bslide\b|[—–-]\s*\d+\s*[—–-]", re.I)


def header_row(line: str) -> bool:
    """A document's running header as an export prints it above the content: three pieces or
    more split by dashes or bars, one of them a date or period ("Acme Labs — Board update —
    Q3 2027"): the owner, the kind of document and when, not a title (a title is one phrase,
    with at most its site or series after one dash)."""
    parts = [p.strip() for p in re.split(r"\s+[—–|-]\s+", line.strip()) if p.strip()]
    return len(parts) >= 3 and any(_DATEISH.search(p) and len(p.split()) <= 4 for p in parts)


def _breadcrumbs(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """Breadcrumb trails, and the masthead on the first line above the top menu or trail."""
    nav = _rx()["nav"]
    for i in idx:
        s = lines[i].strip()
        if len(s) > 200 or not _CRUMB.search(s):
            continue
        parts = [p for p in _CRUMB.split(s) if p.strip()]
        if len(parts) < 2 or _END.search(s) or s[:1] in "•*-–—":
            continue
        if any(len(p.split()) > 5 for p in parts):
            continue
        if (len(parts) >= 3 and i < first) or nav.match(parts[0]):
            chrome.add(i)
    _group_name(lines, idx, chrome, first)
    live = [i for i in idx if i < first]
    if len(live) >= 3 and live[0] not in chrome and live[1] in chrome:
        top = lines[live[0]].strip()
        below = next((i for i in live[2:] if i not in chrome), None)
        if below is not None and len(top.split()) <= 10 and not _END.search(top):
            second = lines[live[1]].strip()
            letters = [c for c in top if c.isalpha()]
            # Over a breadcrumb, a masthead is printed as one (upper case, or "Site · Section");
            # a title in sentence case may stand above its own breadcrumb.
            masthead = (
                bool(letters) and all(c.isupper() for c in letters) or bool(_PIECES.search(top))
            )
            if (_CRUMB.search(second) and masthead) or nav.match(
                re.split(r"\s{2,}|\s*[·|•]\s*", second)[0]
            ):
                chrome.add(live[0])


def _group_name(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """The name of a group or section right under a breadcrumb, when the page's own title comes
    after a block of its chrome (host, date row, tabs) and just before the first prose."""
    head = [i for i in idx if i < first]
    live = [i for i in head if i not in chrome and not line_kind(lines[i]).ui]  # a lone "Share"
    if len(live) != 2 or not all(_title_like(lines[i]) for i in live):
        return
    a, b = live
    above = [i for i in head if i < a]
    between = [i for i in head if a < i < b]
    if above and _CRUMB.search(lines[above[-1]]) and above[-1] in chrome and len(between) >= 2:
        chrome.add(a)


def _title_like(line: str) -> bool:
    s = line.strip()
    return 0 < len(s.split()) <= 14 and not re.search(r"[.,;:]$", s)


def _procedure(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Procedure notes in parentheses, on a page made of speaker turns."""
    turns = sum(1 for i in idx if _SPEAKER.match(lines[i]))
    if turns < 3:
        return
    procedure = _rx()["procedure"]
    for i in idx:
        m = _PAREN.match(lines[i])
        if m and len(m.group(1).split()) <= 12 and procedure.search(m.group(1)):
            chrome.add(i)


def _description(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A video page's description box, from its view-count row to its toggle."""
    for k, i in enumerate(idx):
        if not _VIEWS.search(lines[i]) or len(lines[i].split()) > 12:
            continue
        box = idx[k + 1 : k + 8]
        end = next((n for n, j in enumerate(box) if _TOGGLE.match(lines[j])), None)
        if end is not None and all(len(lines[j].split()) <= 80 for j in box[:end]):
            chrome.update(box[: end + 1])
