"""Furniture of code-host issue pages, printed mail, broadcast transcripts, course handouts,
letters pages and application forms (seventh round).

Each rule follows how the format is produced, never an article; the word lists are
data/chrome_timeline, _badges, _sidebar, _sidebar_empty, _callin, _course, _letters, _sections
and _grant.txt, each naming its source:

- **An issue's timeline.** A line that is an actor (a login, or a name and "@login"), an event of
  the timeline grammar ("commented", "added the … labels", "closed this as completed",
  "mentioned in merge request !45") and then only a date or relative time, "edited", a comment
  count or role badges ("Member", "Contributor", "Author"); it ends no sentence. A line of badges
  alone beside chrome; the title of an issue cross-referenced by a "mentioned this" event
  ("Tracking: v2 design #322"); GitLab's "Issue created … by …" header, and the issue's number
  and state above its title. The issue sidebar: a run of lines holding ≥ 2 of its headings
  ("Assignees", "Milestone") and an empty state ("No one assigned", "None yet"). On an issue
  page (`issue_page`) the comments are the issue's discussion: the caller reads it as a thread.
- **Printed mail.** On a page with mail headers: a printed header line (a name and an address
  in angle brackets, with or without a date) and the To/Cc fields under it; the signature after
  the RFC 3676 delimiter "-- " (its short lines, up to a blank line); a signature block without
  it (short lines, one of them a telephone number, an address or a web address); a "Name | Role
  | Organisation" row.
- **Broadcast transcripts.** Underwriting credits ("Support for <programme> comes from …",
  "<programme> is made possible by …", "Funding for … is provided by …": the programme or station
  is the subject, named in capitals); call-in announcements (a telephone number or short code
  with a call or text verb); a paragraph of production credits only ("… is a <company>
  production"); a transcript's accuracy notice; a labelled link ("Programme website: …"); on a page whose head carries a station's ident (a frequency, "88.3 FM"), the
  head lines above the segment's own title (programme name, air date, host).
- **Course handouts.** On a page whose head names a course (a course code such as "PHIL 214", a
  term "Spring 2027", "Handout 9 of 11"): the header rows naming them, an "Announcements" label,
  and short notices every sentence of which is about the course (office hours, sections, due
  dates, grading, readings for next week, redistribution) or that open with such a label.
- **Letters pages.** A section kicker ("Letters to the editor", "Your letters") in the head above
  the page's own headline, with the masthead and issue lines above it; the page's standing
  notices (every sentence one: "Letters may be edited …", "Write to us at …"); an editor's note;
  a correction notice.
- **Application forms.** On a page whose head holds two or more form fields ("Application
  reference:", "Principal investigator:", "Requested amount:"), those field rows and the form's
  banner above them; a section heading with a length limit ("(max. 3,000 words)"); a budget
  table (a row of column heads such as "Year 1 | Year 2 | Total" and the rows of figures under it).
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import MAIL_FIELD, is_prose, line_kind, prose_bounds
from model.importer.lexicon import pattern

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = (
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|"
    r"\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})"
)
_AGO = (
    r"(?:\d+\s*(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago|yesterday|last week)"
)
_LOGIN = r"@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}"
_SENT_END = re.compile(r"[.!?…\"”’)]\s*$")
_XREF = re.compile(r"\s#\d{1,7}\s*$")
_PIECES = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*")
_ADDRESS = re.compile(r"<[^<>\s@]+@[^<>\s]+>")
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_URL = re.compile(r"\b(?:https?://|www\.)\S+|\b[\w-]+\.(?:com|org|net|edu|ac\.uk|example)\b", re.I)
# A telephone number: international ("+44 20 7946 0101"), with an area code in brackets, North
# American with hyphens or dots ("559-555-0147"), or a trunk-prefixed national one ("0800 555
# 0123"); never a number written in thousands ("15 000 000").
_TEL = re.compile(
    r"\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,3}\b|\(\d{2,4}\)\s?\d{3,4}[\s.-]\d{3,4}\b|"
    r"\b(?:1-)?\d{3}[-.]\d{3}[-.]\d{4}\b|\b0[1-9]\d{1,3}\s\d{3,4}\s\d{3,4}\b"
)
_SHORTCODE = re.compile(r"\btext\s+\S+\s+to\s+\d{5,6}\b", re.I)
_STREET = re.compile(
    r"\b\d{1,5}\s+(?:[A-Z][\w'’.-]*\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|drive|way|row|"
    r"place|square|boulevard|blvd|court)\b",
    re.I,
)
_NAME = re.compile(
    r"^(?:(?:dr|prof|professor|mr|ms|mrs)\.?\s+)?[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,4}"
    r"(?:,\s*(?:phd|md|msc|mba|dphil|frs|cfa))?$",
    re.I,
)
# A station's ident: an FM frequency (87.5–108 MHz, written with its decimal), an AM one (3–4 digits
# of kHz, never a clock time's "9:14 AM") or a frequency with its unit.
_FREQUENCY = re.compile(
    r"(?<![:\d.])\b(?:\d{2,3}\.\d\s?FM|\d{3,4}\s?AM|\d{2,4}(?:\.\d{1,2})?\s?(?:MHz|kHz))\b|"
    r"\bFM\s?\d{2,3}\.\d\b"
)
_UNDERWRITING = re.compile(
    r"^\W*(?:(?i:support|funding|underwriting(?: support)?) for (?P<a>.{2,60}?) (?:comes?|is provided|"
    r"are provided|was provided) (?:from|by)\b|(?P<b>.{2,60}?) (?:is|are) (?:made possible|"
    r"underwritten) (?:by|through|with)\b|(?P<c>(?i:this|the) (?:program|programme|hour|show|station|"
    r"broadcast|newscast|podcast)) (?:is|are) supported by\b)"
)
_PROGRAMME = re.compile(
    r"^(?:(?i:this (?:hour|edition|episode|program|programme|broadcast|segment) of) )?"
    r"(?:(?i:this|the) (?:program|programme|hour|show|station|broadcast|newscast|podcast|"
    r"episode|edition|segment|series)|(?:The |the )?[A-Z][\w'’&.-]*(?: (?:(?:of|the|on|and|&|for|"
    r"in|at) )*[A-Z0-9][\w'’&.-]*){0,6})$"
)
_PRODUCTION = re.compile(r"\b(?:is|was) an? (?:[A-Z][\w'’&.-]* ){1,5}production\b")
_CREDIT_SENT = re.compile(
    r"\b(?:produced|edited|engineered|directed|mixed|presented|hosted) by\b|^\W*our (?:executive |"
    r"senior |associate )?(?:producers?|engineers?|editors?|directors?|technical directors?|hosts?)"
    r" (?:is|are|was|were)\b",
    re.I,
)
_TRANSCRIPT_NOTE = re.compile(
    r"\btranscripts?\b.*\b(?:provided as a courtesy|may contain (?:errors|inaccuracies)|check "
    r"(?:it )?against the (?:audio|recording)|(?:authoritative|official) record is the "
    r"(?:audio|recording)|not be in (?:its )?final form)",
    re.I,
)
_COURSE_CODE = re.compile(r"\b[A-Z]{2,6}[ -]?\d{3,4}[A-Z]?\b")
_TERM = re.compile(
    r"\b(?:fall|spring|summer|winter|autumn|michaelmas|lent|hilary|trinity) (?:term |semester |"
    r"quarter )?\d{4}\b",
    re.I,
)
_HANDOUT = re.compile(
    r"\b(?:handout|lecture notes|lecture|worksheet|problem set|syllabus|module|unit)\s*,?\s*(?:week\s*)?"
    r"\d{1,2}(?:\s*(?:of|/)\s*\d{1,2})?\b|\blecture notes\b|\b(?:department|school|faculty|"
    r"institute) of\b",
    re.I,
)
_NOTICE_HEAD = re.compile(r"^\W*(?:announcements?|course announcements|housekeeping|reminders?|"
                          r"course news|admin(?:istration)?)\W*$", re.I)  # fmt: skip
_LIMIT = re.compile(
    r"\((?:[^()]*\b)?(?:max(?:imum)?\.?|up to|no more than|limit(?:ed to)?|not (?:to )?exceed(?:ing)?"
    r"|at most)\s*:?\s*[\d,.]+\s*(?:words|pages?|characters|chars|lines|sides)\b[^()]*\)",
    re.I,
)
_BUDGET_HEAD = re.compile(
    r"^(?:year\s*\d{1,2}|y\d|total|cost(?: category| item| type| heading)?|item|category|budget"
    r"(?: line)?|amount|description|fte|months?|costs?|(?:personnel|staff|equipment|travel|other)"
    r"(?: costs)?|[£$€]|eur|gbp|usd)$",
    re.I,
)
_NUMBER_CELL = re.compile(r"^[£$€]?\s*[\d,.]+\s*[kKmM%]?$|^[-–—]$")
# A labelled link ("Programme website: northwold.example/yourcall"): a web address is its value.
_LINK_FIELD = re.compile(
    r"^\W*[A-Za-z][\w' ]{1,30}:\s*(?:https?://|www\.)?[\w-]*[a-z][\w-]*(?:\.[\w-]+)*\.[a-z]{2,}"
    r"(?:/\S*)?\s*$"
)
_EDITOR_NOTE = re.compile(r"^\W*(?:editor['’]?s|ed\.?['’]?s?) note\b", re.I)
_CORRECTION = re.compile(r"^\W*(?:correction|clarification)s?\s*:", re.I)
_SENTENCES = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bal\.)(?<!\bDr\.)(?<!\bSt\.)\s+(?=[\"“(A-Z])"
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    def whole(name: str) -> re.Pattern[str]:
        return re.compile(rf"^\W*{pattern(name)}\W*$", re.I)

    badge = pattern("chrome_badges")
    return {
        "event": re.compile(
            rf"^\s*(?:(?:[A-Z][\w'’.-]*\s+){{1,3}})?(?:{_LOGIN}\s+)?{_LOGIN}\s+(?P<event>{pattern('chrome_timeline')})(?![\w-])(?P<rest>.*)$",
            re.I,
        ),
        "tail": re.compile(
            rf"^(?:.{{0,200}}?\s)?(?:on\s+)?(?:{_DATE}|{_AGO})(?:\s*[·•,]?\s*(?:edited|"
            rf"\d+\s+comments?|{badge}))*\s*$|^(?:\s*[·•]?\s*(?:edited|\d+\s+comments?|{badge}))*\s*$",
            re.I,
        ),
        "xref_event": re.compile(r"\b(?:mentioned|referenced|linked)\b", re.I),
        "badges": re.compile(rf"^\W*{badge}(?:\W+{badge})*\W*$", re.I),
        "sidebar": whole("chrome_sidebar"),
        "empty": whole("chrome_sidebar_empty"),
        "callin": re.compile(rf"(?<![\w-]){pattern('chrome_callin')}(?![\w-])", re.I),
        "course": re.compile(rf"(?<![\w-]){pattern('chrome_course')}(?![\w-])", re.I),
        "letters": re.compile(rf"(?<![\w-]){pattern('chrome_letters')}", re.I),
        "section": whole("chrome_sections"),
        # A form field: its label at the line's start or, where Markdown joined the form's
        # lines into one paragraph, after a space ("… Stage 2 Principal investigator: …").
        "grant": re.compile(
            rf"(?:^\W*|(?<=\s))(?<![\w-]){pattern('chrome_grant')}(?:\(s\))?\s*:\s*\S", re.I
        ),
    }


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCES.split(text.strip()) if s.strip()]


def is_timeline_line(line: str) -> bool:
    """A timeline event: a login, an event, then only a date, "edited", a count or badges; never a
    sentence ("Sutton reviewed the evidence in 2019." ends a sentence and stays)."""
    s = line.strip()
    if not s or len(s.split()) > 40 or re.search(r"[.!;,]\s*$", s):
        return False
    m = _rx()["event"].match(s)
    if not m or not _rx()["tail"].match(m.group("rest")):
        return False
    # GitLab's bare "closed" / "merged" follows a "@login" ("Piotr Sand @psand closed 3 days
    # ago"); without one, "Google merged DeepMind and Brain on April 20, 2023" is a headline.
    return m["event"].lower() not in _BARE_EVENTS or "@" in s[: m.start("event")]


_BARE_EVENTS = {"closed", "reopened", "merged"}
_TRACKER_EVENT = re.compile(r"^(?:commented|edited|reviewed)\b", re.I)  # also a forum's words
# GitLab's header of an issue or merge request ("Issue created 2 weeks ago by Noor Haddad").
_CREATED = re.compile(
    rf"^\W*(?:issue|merge request|pull request|epic|incident)\s+(?:created|opened|closed|merged|"
    rf"reopened)\s+(?:on\s+)?(?:{_DATE}|{_AGO})\s+by\s+[\w@.'’ -]{{2,40}}$",
    re.I,
)
_STATE = re.compile(r"^\W*(?:#\d{1,7}|open|opened|closed|merged|draft|locked)\W*$", re.I)


def issue_page(lines: list[str]) -> bool:
    """An issue tracker's page: a timeline event of its own ("added the … label", "closed this",
    "mentioned in merge request") or its created-by header; a plain "commented" is also a
    forum's or a blog comment's, so it alone does not make one."""
    event = _rx()["event"]
    for ln in lines:
        if _CREATED.match(ln.strip()):
            return True
        if is_timeline_line(ln) and not _TRACKER_EVENT.match(event.match(ln.strip())["event"]):
            return True
    return False


def is_template_line(line: str) -> bool:
    """Whether a whole line (a paragraph) is furniture of these formats by its own words."""
    s = line.strip()
    n = len(s.split())
    if not s or n > 60:
        return False
    if is_timeline_line(s) or _CREATED.match(s):
        return True
    if _LINK_FIELD.match(s):
        return True
    if n <= 40 and (_underwriting(s) or _callin(s) or _TRANSCRIPT_NOTE.search(s)):
        return True
    if n <= 30 and _credits_only(s):
        return True
    if n <= 25 and _LIMIT.search(s) and not _SENT_END.search(_LIMIT.sub("", s).strip()):
        return True
    if n <= 100 and (_EDITOR_NOTE.match(s) or (_CORRECTION.match(s) and n <= 80)):
        return True
    return n <= 60 and _all_sentences(s, _rx()["letters"])


def _underwriting(s: str) -> bool:
    """An underwriting credit: the programme or station (named in capitals, or "this program")
    is what is supported; "Support for that view comes from …" is not one."""
    m = _UNDERWRITING.match(s)
    if not m or _speaker(s):
        return False
    return bool(_PROGRAMME.match((m.group("a") or m.group("b") or m.group("c") or "").strip()))


def _speaker(s: str) -> bool:
    """A transcript turn ("ROSA (VISALIA): …", "HOST: …"): speech, not an announcer's credit."""
    return bool(re.match(r"^\s*[A-Z][A-Z.'’ -]{1,40}(?:\([^)]{1,40}\))?(?:,[A-Z ]{2,20})?\s*:", s))


def _callin(s: str) -> bool:
    """A call-in announcement: a telephone number or short code with the show's call/text line."""
    if _speaker(s):
        return False
    return bool(_SHORTCODE.search(s) or (_TEL.search(s) and _rx()["callin"].search(s)))


def _credits_only(s: str) -> bool:
    """A paragraph of production credits only: two or more short sentences, each a credit ("X is
    produced by Y. Our engineer is Z."). One sentence that names a host is not one."""
    sents = _sentences(s)
    if len(sents) == 1 and _PRODUCTION.search(s) and len(s.split()) <= 15:
        return True  # "Your Call is a Northwold Sounds production for Radio Northwold."
    return len(sents) >= 2 and all(_CREDIT_SENT.search(t) and len(t.split()) <= 12 for t in sents)


def _all_sentences(s: str, cue: re.Pattern[str]) -> bool:
    """Every sentence of a short paragraph holds a cue: a notice, not an argument using a word."""
    sents = _sentences(s)
    return bool(sents) and all(cue.search(t) for t in sents)


def find_template_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules of this module that need a line's neighbours or the page's kind."""
    _timeline(lines, idx, chrome)
    _sidebar(lines, idx, chrome)
    first, _ = prose_bounds(lines, idx, chrome)
    if issue_page(lines):  # the issue's number and state badge above its title
        chrome.update(i for i in idx if i < first and _STATE.match(lines[i]))
    _station_head(lines, idx, chrome, first)
    _course(lines, idx, chrome, first)
    _letters_head(lines, idx, chrome, first)
    _form(lines, idx, chrome, first)
    _budget(lines, idx, chrome)
    if _mail_page(lines, idx):
        _mail(lines, idx, chrome)


def _timeline(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Badge lines beside a timeline line, and a cross-referenced issue's title after its event."""
    rx = _rx()
    events = {i for i in idx if is_timeline_line(lines[i])}
    chrome.update(events)
    for a, b in zip(idx, idx[1:], strict=False):
        s = lines[b].strip()
        if a in chrome and rx["badges"].match(s) and len(s.split()) <= 4:
            chrome.add(b)
        if a in events and rx["xref_event"].search(lines[a]) and _XREF.search(s):
            if len(s.split()) <= 15 and not _SENT_END.search(_XREF.sub("", s)):
                chrome.add(b)


def _sidebar(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """An issue sidebar: a run of lines with no blank line between, holding ≥ 2 of its headings
    and ≥ 1 empty state; from its first heading, the short lines of the run go."""
    rx = _rx()
    for run in _runs(idx):
        heads = [k for k, i in enumerate(run) if rx["sidebar"].match(lines[i])]
        if len(heads) < 2 or not any(rx["empty"].match(lines[i]) for i in run):
            continue
        for i in run[heads[0] :]:
            if is_prose(lines[i]) or len(lines[i].split()) > 8 or _SENT_END.search(lines[i]):
                break
            chrome.add(i)


def _runs(idx: list[int]) -> list[list[int]]:
    """The non-empty lines in runs with no blank line between."""
    out: list[list[int]] = []
    for i in idx:
        if out and i == out[-1][-1] + 1:
            out[-1].append(i)
        else:
            out.append([i])
    return out


def _station_head(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """A broadcast transcript's head: when a station's ident (a frequency) stands above the first
    paragraph, the short lines above the segment's own title (the last one) are the station's,
    the programme's and the air date's."""
    head = [i for i in idx if i < first]
    if not any(_FREQUENCY.search(lines[i]) and len(lines[i].split()) <= 12 for i in head):
        return
    live = [i for i in head if i not in chrome and len(lines[i].split()) <= 20]
    chrome.update(live[:-1])


def _course_page(lines: list[str], head: list[int]) -> bool:
    return any(
        len(lines[i].split()) <= 20
        and (
            _TERM.search(lines[i]) or (_COURSE_CODE.search(lines[i]) and _HANDOUT.search(lines[i]))
        )
        or re.match(rf"^\s*{_COURSE_CODE.pattern}\s*[—–:·|-]", lines[i])
        for i in head
    )


def _course(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """Course furniture on a page whose head names a course (see the module docstring)."""
    head = [i for i in idx if i < first]
    if not _course_page(lines, head):
        return
    cue = _rx()["course"]
    for i in head:
        s = lines[i].strip()
        if len(s.split()) > 20 or _SENT_END.search(s):
            continue
        marks = sum(bool(p.search(s)) for p in (_COURSE_CODE, _TERM, _HANDOUT))
        if (
            marks >= 2
            or (marks and _PIECES.search(s))
            or re.match(rf"^\s*{_COURSE_CODE.pattern}\s*[—–:·|-]", s)
        ):
            chrome.add(i)
    for i in idx:
        s = lines[i].strip()
        n = len(s.split())
        label = re.match(r"^\W*([^:.!?]{2,40}):", s)
        if _NOTICE_HEAD.match(s) or (
            n <= 50 and (_all_sentences(s, cue) or (label and cue.search(label.group(1))))
        ):
            chrome.add(i)


def _letters_head(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """A letters page's section kicker above its own headline, and the masthead and issue lines
    above the kicker."""
    head = [i for i in idx if i < first]
    for k, i in enumerate(head):
        if not _rx()["section"].match(lines[i]) or len(lines[i].split()) > 5:
            continue
        after = [j for j in head[k + 1 :] if j not in chrome]
        if any(
            len(lines[j].split()) <= 20 and not re.search(r"[.!…]\s*$", lines[j]) for j in after
        ):
            chrome.update(j for j in head[: k + 1] if len(lines[j].split()) <= 20)
            return


def _form(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """An application form's head: when it holds ≥ 2 form fields, the lines holding one (a
    Markdown paragraph may join several), a section heading with a length limit, and the
    form's banner above the first field."""
    field = _rx()["grant"]
    # A joined paragraph of fields can read as prose: the head runs to the first prose without one.
    first = next(
        (i for i in idx if is_prose(lines[i]) and not field.search(lines[i])
         and not _LIMIT.search(lines[i]) and i not in chrome),
        first,
    )  # fmt: skip
    head = [i for i in idx if i < first and len(lines[i].split()) <= 60]
    count = {i: len(field.findall(lines[i])) for i in head}
    # Two different fields: a line said twice ("Keywords: …" repeated) is no form.
    labels = {
        m.group(0).split(":")[0].strip(" *_#").lower()
        for i in head
        for m in field.finditer(lines[i])
    }
    if sum(count.values()) < 2 or len(labels) < 2:
        return
    rows = [i for i in head if count[i] or _LIMIT.search(lines[i])]
    rows = [i for i in rows if not re.search(r"[.!?]\s*$", lines[i]) or len(lines[i].split()) <= 30]
    if not rows:
        return
    chrome.update(rows)
    chrome.update(
        i
        for i in head
        if i < rows[0] and len(lines[i].split()) <= 15 and not _SENT_END.search(lines[i])
    )


def _budget(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A budget table: a row of column heads ("Cost category | Year 1 | Total") and the rows of
    figures under it (cells split by "|", most of them numbers)."""
    for k, i in enumerate(idx):
        cells = [c.strip() for c in lines[i].strip().strip("|").split("|")]
        if len(cells) < 3 or sum(bool(_BUDGET_HEAD.match(c)) for c in cells) < 2:
            continue
        if any(len(c.split()) > 4 for c in cells):
            continue
        chrome.add(i)
        if (
            k
            and re.search(r"\bbudget\b", lines[idx[k - 1]], re.I)
            and len(lines[idx[k - 1]].split()) <= 6
        ):
            chrome.add(idx[k - 1])  # the table's caption ("Budget summary (first year)")
        for j in idx[k + 1 :]:
            row = [c.strip() for c in lines[j].strip().strip("|").split("|")]
            if re.fullmatch(r"[\s|:-]+", lines[j]):
                chrome.add(j)
                continue
            if len(row) < 2 or sum(bool(_NUMBER_CELL.match(c)) for c in row) < len(row) / 2:
                break
            chrome.add(j)


_PRINTED = re.compile(rf"^[^<>]{{1,60}}{_ADDRESS.pattern}")


def _mail_page(lines: list[str], idx: list[int]) -> bool:
    """A printed mail message or thread: RFC 5322 header fields, or printed sender lines."""
    fields = sum(1 for i in idx if MAIL_FIELD.match(lines[i]))
    printed = sum(1 for i in idx if _PRINTED.match(lines[i].strip()))
    return fields >= 2 or printed >= 2


def _contact(s: str) -> bool:
    return bool(
        _TEL.search(s) or _EMAIL.search(s) or _URL.search(s) or _STREET.search(s)
    ) and not _SENT_END.search(s.rstrip(")"))


def _role_row(s: str) -> bool:
    """A "Name | Role | Organisation" signature row."""
    parts = [p for p in _PIECES.split(s.strip()) if p.strip()]
    if len(parts) < 2 or len(s.split()) > 25 or any(len(p.split()) > 8 for p in parts):
        return False
    return bool(_NAME.match(parts[0].strip())) and not _SENT_END.search(s)


def _mail(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Printed headers, signatures after "-- ", signature blocks and role rows of a mail page."""
    for k, i in enumerate(idx):
        s = lines[i].strip()
        if _ADDRESS.search(s) and len(s.split()) <= 14 and not _SENT_END.search(s):
            chrome.add(i)
            for j in idx[k + 1 : k + 6]:  # the To/Cc/Date fields under a printed header
                if not MAIL_FIELD.match(lines[j]):
                    break
                chrome.add(j)
        elif _role_row(s):
            chrome.add(i)
    first, _ = prose_bounds(lines, idx, chrome)
    for block in _blocks(lines):
        if block[0] < first or any(MAIL_FIELD.match(lines[i]) for i in block):
            continue  # a signature follows a message's text and holds no header
        delimited = lines[block[0] - 1].strip() == "--" if block[0] else False
        short = all(len(lines[i].split()) <= 15 and not is_prose(lines[i]) for i in block)
        if delimited and short:
            chrome.update(block[:10])
        elif short and len(block) >= 2 and any(_contact(lines[i]) for i in block):
            chrome.update(block)


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of consecutive non-empty lines (a paragraph block); a "--" line ends one."""
    out: list[list[int]] = []
    run: list[int] = []
    for i, ln in enumerate([*lines, ""]):
        if ln.strip() and ln.strip() != "--" and not line_kind(ln).header:
            run.append(i)
            continue
        if run:
            out.append(run)
        run = []
    return out
