"""Furniture of museum texts, parliamentary records, books of abstracts, marked essays, forum
exports and quoted mail (eighth round).

Each rule follows how the format is printed, never an article; the word lists are
data/chrome_museum, _record, _programme and _marking.txt, each naming its source:

- **Museum exhibition text.** Audio-guide stop markers ("Audio guide stop 12", "Stop 14" on a
  page that has them); an object label (its "Object label" heading, and a tombstone: "Name,
  c. 1960." then materials and a credit line — "Gift of …", "Lent by …", "Accession no. …");
  visitor notices, every sentence of which is about using the booklet, the audio guide, tours,
  touching, opening hours or admission; an exhibition's credits (the exhibition "is supported
  by" named funders, "Exhibition design by …"); a visitor poll's running tally ("Yes 46% - No
  39%"); the gallery row in the head ("… | Gallery 3 (first floor, east wing)").
- **Official records.** The record's note about itself in the head or tail ("Hansard is the
  edited verbatim record …"), every sentence of it; procedure lines on a page of speaker turns
  as whole lines ("Sitting suspended.", "House adjourned at 5.32 pm."), the same notes the sixth
  round took in parentheses; a row of page actions ("Print this page | Back to top | Contact
  …"). A motion, a resolution and "Question put and agreed to." record what was decided; they stay.
- **Books of abstracts.** On a page with a session header ("Session 4B | Thursday, 11:00-12:30 |
  Room | Chair: …"): the header row, and short session notes every sentence of which is about
  the session (talk length, questions, slides, discussion slot, chair, sponsor, breaks). A
  running head or foot printed by a PDF layout (a short line, a wide gap, a page number) as the
  page's first or last line, or repeated.
- **Marked essays.** A cover sheet in the head (two or more fields: "Candidate:", "Supervisor:",
  "Similarity report:") with its banner above it, and a marking note every sentence of which is
  one ("Marked by …, <date>. Internal moderation: pending.").
- **Forum exports.** An archive's "Saved from <site> …" stamp in the head or tail, and a
  community's numbered rules in one line ("Community rules: 1. Be civil 2. No self-promotion").
  A line that says what rules are stays.
- **Quoted mail replies.** A mail client's attribution line ("On Tue, 3 Mar 2026 at 09:14, Ana
  Ruiz <ana@…> wrote:", "-----Original Message-----") above a quote, and the quoted lines ("> …")
  when they copy text printed elsewhere on the page (the thread shows that message already). A
  quote found nowhere else is the discussion itself, and stays.
- **Series rows.** A publication's series row in the head ("Policy Report No. 41 | March 2026 |
  Programme on …"): short pieces, one a series number, one a date.
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import is_prose, prose_bounds
from model.importer.lexicon import pattern

_END = re.compile(r"[.!?…]\s*$")
_PIECES = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*|\s+[—–-]\s+")
_SENTENCES = re.compile(
    r"(?<=[.!?])(?<!\b[A-Z]\.)(?<!\bc\.)(?<!\bca\.)(?<!\bno\.)(?<!\bDr\.)(?<!\bSt\.)\s+(?=[\"“(A-Z0-9])"
)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|{_MONTH}\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})"
_TIME_RANGE = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]m\s*)?(?:-|–|—|to)\s*\d{1,2}[:.]\d{2}\b", re.I
)

# Museum text.
_STOP = re.compile(
    r"^\W*(?:(?:audio(?:[- ]?guide)?|audio tour|tour|guide)\s+)?(?:stop|track)\s*(?:no\.?\s*|#\s*)?"
    r"\d{1,3}[a-z]?\W*$|^\W*(?:audio(?:[- ]?guide)?|audio tour)\s*(?:no\.?|#)?\s*\d{1,3}\W*$|"
    r"^\W*🎧\s*\d{1,3}\W*$",
    re.I,
)
_LABEL_HEAD = re.compile(
    r"^\W*(?:(?:object|wall|extended|exhibit|case|display)\s+(?:label|caption|text)|label text)\W*$",
    re.I,
)
# A tombstone opens an object label: the object's name, then its date ("c. 1960", "2022",
# "1880s", "about 1900-10"), then a full stop.
_TOMBSTONE = re.compile(
    r"^[^.!?]{2,90},\s*(?:c\.|ca\.|circa|about|made)?\s*\d{3,4}s?(?:\s*[-–]\s*\d{2,4})?\s*\.(?:\s|$)",
    re.I,
)
_CREDIT_LINE = re.compile(
    r"\b(?:accession (?:no\.?|number)|inv(?:entory)?\.? no\.|object (?:no\.|number)|(?:gift|"
    r"bequest|bequeathed|donated) (?:of|by)|lent by|on (?:long[- ]term )?loan from|courtesy of|"
    r"purchased (?:with|from|by)|acquired (?:with|from|by)|collection of)\b",
    re.I,
)
_GALLERY = re.compile(
    r"\b(?:gallery|room|hall|level|floor|wing)\s+\d{1,3}[a-z]?\b|\b(?:ground|first|second|third|"
    r"upper|lower|lower ground) floor\b|\b(?:east|west|north|south) wing\b",
    re.I,
)
_POLL_PAIR = re.compile(
    r"\b(?:yes|no|not sure|unsure|undecided|don['’]t know|agree|disagree|for|against|maybe)"
    r"\s*:?\s*\d{1,3}(?:\.\d)?\s*%",
    re.I,
)
_NAMES = r"(?:(?:the|of|and|&|for|in|our|at|on|a)\s+|[A-Z][\w'’&.:?!-]*\s+)"
_CREDIT_SENT = re.compile(
    r"^(?:(?:This|The)\s+(?i:gallery|exhibition|display|show|room|season|programme|tour|booklet|"
    r"guide|installation|collection)\s+|"
    rf"(?:The\s+)?[A-Z][\w'’&.:?!-]*\s+{_NAMES}{{0,8}})(?:is|are|was|has been|have been)\s+"
    r"(?:generously\s+|kindly\s+)?(?:supported|sponsored|funded|made possible|presented)\s+"
    r"(?:by|with|in partnership with)\s+"
    rf"(?:{_NAMES}|[A-Z][\w'’&.-]*\s*){{1,16}}[.!]?$|"
    r"^(?:(?i:exhibition|graphic|lighting|sound|audio|interpretation|gallery|spatial|set|AV)\s+"
    r"(?i:and)\s+)?(?i:exhibition|graphic|lighting|sound|audio|interpretation|gallery|spatial|set|AV)\s+"
    r"(?i:design|production|guide|text)s?\s+by\s+[A-Z]|^(?i:curated|designed|produced|organi[sz]ed)"
    r"\s+by\s+[A-Z][^.!?]{0,80}[.!]?$|^(?i:with (?:thanks|support) (?:to|from)|in partnership with)"
    r"\s+[A-Z]"
)
# Visitor information: an address sentence ("Kestrel Museum, Quayside Road.") or opening hours.
_ADDRESS = re.compile(
    r"^[A-Z][\w'’&. -]{2,80},\s*(?:\d{1,4}\s+)?(?:[A-Z][\w'’-]*\s+){1,3}(?:road|street|st|"
    r"avenue|ave|lane|quay|quayside|square|place|way|row|terrace|parade|drive|boulevard|walk)"
    r"(?:,\s*[A-Z][\w'’ -]{1,40})*\.?$",
    re.I,
)

# Official records: bare procedure lines and page-action rows.
_BODY = r"(?:(?:the )?(?:house|assembly|chamber|senate|council|parliament|committee|sitting|meeting|debate|proceedings|hearing|court)\s+)"
_ACTION = re.compile(
    r"^(?:print|share|download|e-?mail|cite|save|bookmark|contact|back to|return to|go to|view)"
    r"\s+(?:this|the|us|our|top|text|pdf|full|as|a|page|in)\b[\w\s'’()-]{0,30}$|^back to top$",
    re.I,
)

# Books of abstracts.
_SESSION = re.compile(
    r"\b(?:session|track|panel|stream|symposium)\s+(?:\d{1,2}[A-Za-z]?|[A-Z]\d?)\b", re.I
)
_CHAIR = re.compile(r"\bchair(?:ed by|\s*:)", re.I)
_RUNNING = re.compile(
    r"^\s*(?P<text>\S[^\n]{2,100}?)\s{4,}(?P<num>\d{1,4})\s*$|^\s*(?P<num2>\d{1,4})\s{4,}(?P<text2>\S[^\n]{2,100}?)\s*$"
)

# Forum exports.
_SAVED = re.compile(
    rf"^\W*(?:saved|archived|captured|clipped|snapshot|exported|downloaded)\s+(?:from|of|at)\s+"
    rf"(?:https?://|www\.)?[\w-]+(?:\.[\w-]+)+|\bexported\s+(?:on\s+)?{_DATE}\s+(?:with|by|using|via)\b",
    re.I,
)
_RULES = re.compile(
    r"^\W*(?:[A-Za-z][\w/-]*\s+){0,2}rules\s*[:–—-]\s*(?P<items>(?:\(?\d{1,2}[.)]\s*.+?)+)$", re.I
)
_ITEM = re.compile(r"\(?\b\d{1,2}[.)]\s+")

# Quoted mail.
_ATTRIBUTION = re.compile(
    r"^\W*(?:on\s(?=[^\n]*[\d@])[^\n]{4,160}?\bwrote|[^.!?\n]{2,80}?<[^<>\s@]+@[^<>\s]+>\s*(?:wrote|"
    r"writes)|quoting\s[^\n]{2,80}?<[^<>\s@]+@[^<>\s]+>)\s*:\s*$",
    re.I,
)
# A mail client's separator above a forwarded or quoted message.
_SEPARATOR = re.compile(
    r"^\s*-{2,}\s*(?:original message|forwarded message|begin forwarded message)\s*-*\s*$", re.I
)
_QUOTED = re.compile(r"^\s*>")
# An archive's or thread view's message counter ("Message 2 of 3").
_MESSAGE_NO = re.compile(r"^\W*(?:message|post|reply|mail)\s+\d{1,4}\s+of\s+\d{1,4}\W*$", re.I)

# Series rows.
_SERIES = re.compile(
    r"^(?:[A-Z][\w-]*\s+){0,3}(?:report|paper|brief|briefing|series|bulletin|note|issue|volume|"
    r"vol\.|study)\s+(?:no\.?|number|#)\s*\d{1,4}[a-z]?$",
    re.I,
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    def cue(name: str) -> re.Pattern[str]:
        return re.compile(rf"(?<![\w-]){pattern(name)}", re.I)

    return {
        "museum": cue("chrome_museum"),
        "programme": cue("chrome_programme"),
        "marking": cue("chrome_marking"),
        "record": cue("chrome_record"),
        "business": re.compile(rf"^\W*{pattern('chrome_business')}\W*$", re.I),
        "field": re.compile(
            rf"(?:^\W*|(?<=[|·•]\s)|(?<=[|·•]))\s*(?<![\w-]){pattern('chrome_marking')}"
            r"(?:\s*\(s\))?\s*(?::\s*\S|\s+(?:no\.?\s*)?\d)",
            re.I,
        ),
        "procedure": re.compile(
            rf"^\W*{_BODY}?{pattern('chrome_procedure')}(?:\s+(?:at|for|until|till|from|on|"
            r"in)\b(?:[^.!?]|\.(?=\d)){0,40})?[.!]?\s*$",
            re.I,
        ),
    }


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCES.split(text.strip()) if s.strip()]


def _all(s: str, test) -> bool:  # noqa: ANN001  (a predicate on one sentence)
    sents = _sentences(s)
    return bool(sents) and all(test(t) for t in sents)


def _pieces(line: str) -> list[str]:
    return [p.strip() for p in _PIECES.split(line.strip()) if p.strip()]


def is_stop(line: str) -> bool:
    """An audio-guide stop marker on a line of its own ("Audio guide stop 12", "🎧 14")."""
    return bool(_STOP.match(line)) and bool(re.search(r"audio|🎧|guide|tour", line, re.I))


def is_object_label(line: str) -> bool:
    """A museum object label: a tombstone ("Name, c. 1960.") with a credit line or an accession
    number, in a short paragraph; a sentence about the past ("In 1958, …") is no tombstone."""
    s = line.strip()
    return (
        len(s) <= 600
        and bool(_TOMBSTONE.match(s[:130]))
        and bool(_CREDIT_LINE.search(s))
        and len(s.split()) <= 70
    )


def is_poll_tally(line: str) -> bool:
    """A poll's running tally: two or more answer–percentage pairs in a short line."""
    s = line.strip()
    return s.count("%") >= 2 and len(s.split()) <= 30 and len(_POLL_PAIR.findall(s)) >= 2


def _visitor(t: str) -> bool:
    n = len(t.split())
    return bool(
        _rx()["museum"].search(t)
        or (n <= 15 and _ADDRESS.match(t))
        or (n <= 30 and _CREDIT_SENT.match(t))
    )


def is_visitor_notice(line: str, *, museum: bool = False) -> bool:
    """A museum's notice to visitors or an exhibition's credits: every sentence of a short
    paragraph is one (a booklet, audio-guide, tour, touch, hours or admission notice, an address,
    a credit naming funders or designers). One sentence alone counts only on a museum's page
    (`museum`): "The audio guide says the perceptron failed." in an essay is a sentence."""
    s = line.strip()
    if len(s.split()) > 50 or (not museum and len(_sentences(s)) < 2) or not _all(s, _visitor):
        return False
    # An address or one credit alone ("OpenAI is funded by Microsoft.") is a sentence an essay
    # may print; a notice has a visitor cue, or two credits make a credits paragraph.
    sents = _sentences(s)
    return any(_rx()["museum"].search(t) for t in sents) or (
        sum(bool(_CREDIT_SENT.match(t)) for t in sents) >= 2
    )


def is_marking_note(line: str) -> bool:
    """A marker's note on an essay ("Marked by …, 23 February 2026. Internal moderation: pending."):
    every sentence names the marking or moderation."""
    s = line.strip()
    if len(s.split()) > 40:
        return False
    cue = re.compile(
        r"\b(?i:marked|moderated|second[- ]marked|double[- ]marked|assessed) by (?:[A-Z]\.\s*)*"
        r"[A-Z][\w'’-]+|(?i:\b(?:internal|"
        r"external) moderation\b|\bmoderation\s*:|\bprovisional (?:mark|grade|result)\b|\bsubject "
        r"to (?:moderation|ratification)\b|\b(?:first|second) marker\b|\bfeedback (?:released|returned)\b|"
        r"\b(?:overall|final|total) (?:mark|grade)\s*:)",
    )
    return _all(s, cue.search)


def is_rules_line(line: str) -> bool:
    """A community's numbered rules on one line ("Community rules: 1. Be civil 2. No spam"): two or
    more numbered items of a few words each; "Community rules: they matter because …" stays."""
    s = line.strip()
    m = _RULES.match(s) if "rules" in s.lower() and len(s) <= 400 else None
    if not m:
        return False
    items = [t.strip() for t in _ITEM.split(m.group("items")) if t.strip()]
    numbers = _ITEM.findall(m.group("items"))
    return (
        len(numbers) >= 2
        and len(items) == len(numbers)
        and all(len(t.split()) <= 8 and not re.search(r"[.!?]\s+\S", t) for t in items)
    )


def is_action_row(line: str) -> bool:
    """A row of page actions ("Print this page | Back to top | Contact the Official Report"):
    every piece an action on the page."""
    s = line.strip()
    if not any(c in s for c in "|·•") or len(s.split()) > 25 or _END.search(s):
        return False
    parts = [p.strip() for p in re.split(r"\s*[|·•]\s*", s) if p.strip()]
    return len(parts) >= 2 and all(len(p.split()) <= 6 and _ACTION.match(p) for p in parts)


def is_record_line(line: str) -> bool:
    """Whether a whole line (a paragraph) is furniture of these formats by its own words."""
    s = line.strip()
    if not s or len(s.split()) > 70:
        return False
    return (
        is_stop(s)
        or bool(_LABEL_HEAD.match(s))
        or is_object_label(s)
        or is_poll_tally(s)
        or is_visitor_notice(s)
        or is_marking_note(s)
        or is_rules_line(s)
        or is_action_row(s)
        or bool(_SEPARATOR.match(s))
        or bool(_MESSAGE_NO.match(s))
    )


def find_record_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules of this module that need a line's neighbours, position or the page's kind."""
    first, last = _bounds(lines, idx, chrome)
    _record_notes(lines, idx, chrome, first, last)
    _procedure(lines, idx, chrome)
    _programme(lines, idx, chrome)
    _running(lines, idx, chrome)
    _cover_sheet(lines, idx, chrome, first)
    _head_rows(lines, idx, chrome, first)
    _edges(lines, idx, chrome, first, last)
    _quoted(lines, idx, chrome)
    _museum(lines, idx, chrome)
    _feedback(lines, idx, chrome)


_FEEDBACK_HEAD = re.compile(
    r"^\W*(?:(?:marker|tutor|assessor|examiner)(?:['’]s)? (?:feedback|comments?|report)|(?:assessment "
    r"|summative |overall )?feedback(?: summary| sheet| and marks?| form)?|marking (?:record|sheet)|"
    r"mark(?:s|ing)? and feedback)\W*$",
    re.I,
)
_MARK_FIELD = re.compile(
    r"^\W*(?:(?:overall |final |provisional |agreed )?(?:mark|grade|result|score)|marks? awarded)\s*:\s*"
    r"(?:\d|[A-F][+-]?\b|(?:first|upper|lower|pass|merit|distinction))",
    re.I,
)


def _feedback(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A marker's feedback block after an essay: a feedback heading over a mark ("Feedback
    summary" / "Mark: 64 (2:1). …"), in the second half of the text; it and what follows go."""
    for k, i in enumerate(idx):
        if k < len(idx) // 2 or not _FEEDBACK_HEAD.match(lines[i]) or k + 1 >= len(idx):
            continue
        if _MARK_FIELD.match(lines[idx[k + 1]]):
            chrome.update(idx[k:])
            return


def _museum(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """On a museum's page (an audio-guide stop or notice, an object label or its heading), a
    one-sentence visitor notice or credit ("Please do not touch.") and a bare stop number
    ("Track 31", "Stop 4") go as well."""
    audio = re.compile(r"\baudio[- ]?(?:guide|tour)s?\b", re.I)
    if not any(  # the line-level rules already took stops, label headings and labels
        (
            i in chrome
            and (is_stop(lines[i]) or _LABEL_HEAD.match(lines[i]) or is_object_label(lines[i]))
        )
        or (len(lines[i]) <= 250 and audio.search(lines[i]))
        for i in idx
    ):
        return
    chrome.update(
        i for i in idx if is_visitor_notice(lines[i], museum=True) or _STOP.match(lines[i])
    )


def _bounds(lines: list[str], idx: list[int], chrome: set[int]) -> tuple[int, int]:
    """The first and last paragraph of running text: prose that is no row of pieces (a head row
    such as "… | Gallery 3 (first floor, east wing)" ends with a bracket, not a sentence)."""
    first, last = prose_bounds(lines, idx, chrome)
    prose = [
        i
        for i in idx
        if first <= i <= last
        and i not in chrome
        and is_prose(lines[i])
        and re.search(r"[.!?…\"”’]\s*$", lines[i])
        and not _row(lines[i])
    ]
    return (prose[0], prose[-1]) if prose else (first, last)


def _row(line: str) -> bool:
    """Whether a line is split into pieces by separators (checked by character first: cheap)."""
    return any(c in line for c in "|·•—–") or " - " in line and len(_pieces(line)) > 1


def _near_edge(i: int, idx: list[int], first: int, last: int) -> bool:
    """Before the first paragraph or after the last, or among the text's first or last five
    lines (an archive stamp or a record's note may itself read as a sentence)."""
    return i < first or i > last or i <= idx[min(4, len(idx) - 1)] or i >= idx[max(0, len(idx) - 5)]


def _record_notes(
    lines: list[str], idx: list[int], chrome: set[int], first: int, last: int
) -> None:
    """An official record's note about itself, in the head or the tail: every sentence a short one
    naming the record ("Hansard is the edited verbatim record of proceedings.")."""
    cue = _rx()["record"]

    def note(t: str) -> bool:  # a standing note is terse: "It is not a word-for-word transcript."
        return len(t.split()) <= 16 and bool(cue.search(t))

    for i in idx:
        s = lines[i].strip()
        if _near_edge(i, idx, first, last) and len(s.split()) <= 50 and _all(s, note):
            chrome.add(i)


_SPEAKER = re.compile(r"^\s*(?:Q\d+\s+)?[A-Z][\w.'’ -]{1,80}(?:\([^()]{1,40}\)\s*)*:\s+\S")


def _procedure(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Procedure lines printed between speeches, on a page of speaker turns."""
    if sum(1 for i in idx if _SPEAKER.match(lines[i][:140])) < 3:
        return
    rx = _rx()["procedure"]
    chrome.update(i for i in idx if len(lines[i].split()) <= 12 and rx.match(lines[i]))


_SESSION_WORDS = ("session", "track", "panel", "stream", "symposium", "chair")


def _session_header(s: str) -> bool:
    low = s.lower()
    if not any(w in low for w in _SESSION_WORDS) or len(s.split()) > 30:
        return False
    slot, chair = bool(_TIME_RANGE.search(s)), bool(_CHAIR.search(s))
    return (bool(_SESSION.search(s)) and (slot or chair)) or (slot and chair)


def _programme(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """On a page printing a session header: the header row, and short session notes every
    sentence of which is about the session."""
    heads = [i for i in idx if _session_header(lines[i])]
    if not heads:
        return
    chrome.update(i for i in heads if not _END.search(lines[i]) or len(_pieces(lines[i])) >= 3)
    cue = _rx()["programme"]
    for i in idx:
        s = lines[i].strip()
        if len(s.split()) <= 50 and _all(s, cue.search):
            chrome.add(i)


def _running(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A PDF layout's running head or foot (a short line, a wide gap, a page number): as the
    text's first or last line, or repeated with other page numbers."""
    found: dict[str, list[int]] = {}
    for i in idx:
        s = lines[i].strip()
        edge_digit = s[-1:].isdigit() or s[:1].isdigit()
        m = _RUNNING.match(lines[i]) if edge_digit and "    " in s and len(s) <= 160 else None
        if not m:
            continue
        text = (m.group("text") or m.group("text2")).strip()
        if len(text.split()) > 14 or _END.search(text) or not re.search(r"[^\W\d_]", text):
            continue
        found.setdefault(re.sub(r"\d+", "#", text.lower()), []).append(i)
    live = [i for i in idx if i not in chrome]
    edges = {idx[0], idx[-1], *([live[0], live[-1]] if live else [])}
    for group in found.values():
        chrome.update(i for i in group if len(group) >= 2 or i in edges)


def _cover_sheet(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """A marked essay's cover sheet: two or more different fields in the head; the rows holding
    them and the banner lines above the first."""
    field = _rx()["field"]
    head = [i for i in idx if i < first and len(lines[i].split()) <= 40]
    labels = {
        re.split(r"[:\d]", m.group(0))[0].strip(" *_#|·•").lower()
        for i in head
        for m in field.finditer(lines[i])
    }
    rows = [i for i in head if field.search(lines[i]) and not _END.search(lines[i])]
    if len(labels) < 2 or not rows:
        return
    chrome.update(rows)
    chrome.update(
        i
        for i in head
        if i < rows[0]
        and len(lines[i].split()) <= 15
        and not _END.search(lines[i])
        and _BANNER.search(lines[i])
    )


# The run of an exhibition or season: two dates joined by a dash ("6 March - 31 August 2026").
_RUN = re.compile(
    rf"\b\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?\s*[-–—]\s*\d{{1,2}}\s+{_MONTH}\s+\d{{4}}\b|"
    rf"\b{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\s*[-–—]\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\b",
    re.I,
)
# A record's or periodical's issue line opens with its volume or issue number.
_ISSUE_LINE = re.compile(r"^\W*(?:volume|vol\.|issue|no\.|number)\s*\d{1,4}\b", re.I)
# A cover sheet's banner names the school and the qualification, never the essay's question.
_BANNER = re.compile(
    r"\b(?:college|school|academy|university|institute|department|faculty|qualification|"
    r"programme|program|course|module|diploma|baccalaureate|certificate|summative|formative|"
    r"coursework)\b|\b[A-Z]{2,5}\s?\d{3,4}[A-Z]?\b",
    re.I,
)


def _head_rows(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """Lines in the head that place the page: an issue line ("Volume 212: debated on <date>"), a
    gallery row ("… | Gallery 3 (first floor)"), a
    series row ("Policy Report No. 41 | March 2026 | …"), and an institution's masthead in
    capitals on the first line over them."""
    head = [i for i in idx if i < first]
    for i in head:
        s = lines[i].strip()
        if _ISSUE_LINE.match(s) and len(s.split()) <= 14 and re.search(rf"\b{_DATE}", s, re.I):
            chrome.add(i)  # "Volume 212: debated on Tuesday 10 March 2026"
            continue
        if len(s.split()) <= 15 and not _END.search(s) and _RUN.search(s):
            chrome.add(i)  # an exhibition's or season's run: "6 March - 31 August 2026"
            continue
        parts = _pieces(s)
        if len(parts) < 2 or len(s.split()) > 25 or _END.search(s):
            continue
        if any(_GALLERY.search(p) and len(p.split()) <= 8 for p in parts[1:]) or (
            any(_SERIES.match(p) for p in parts) and re.search(rf"\b{_DATE}|\b\d{{4}}\b", s, re.I)
        ):
            chrome.add(i)
    live = [i for i in head if i not in chrome]
    _business(lines, live, chrome)
    live = [i for i in live if i not in chrome]
    if not (head and live and head[0] == live[0] and len(head) >= 2):
        return
    top = lines[head[0]].strip()
    # In capitals; or a short name in title case ending in the institution's kind ("Northgate
    # Science Centre") over a line already taken as the page's furniture.
    if _masthead(top) or (
        head[1] in chrome and len(top.split()) <= 6 and _TITLED_INSTITUTION.match(top)
    ):
        chrome.add(head[0])


_INSTITUTION = (
    r"(?:museum|gallery|galleries|assembly|parliament|college|university|institute|institution|"
    r"society|library|academy|council|senate|trust|foundation|centre|center|school)"
)
_FUNCTION = r"(?!(?:THE|A|AN|IS|ARE|WAS|WHY|HOW|WHAT|WHEN|AGAINST|TO|IN|ON|AT|AND|OR|BUT|NOT|NO|WILL|CAN|MUST|SHOULD|DOES|DO|OUR|MY|YOUR|ITS)\b)"
_MASTHEAD = re.compile(
    rf"^(?:THE\s+)?(?:{_FUNCTION}[A-Z][A-Z'’&.-]*\s+){{1,5}}{_INSTITUTION.upper()}(?:\s+(?:OF|FOR)\s+"
    r"[A-Z][A-Z'’&. ]{1,60})?(?:\s+[-–—|:]\s+[A-Z][A-Z()'’&. -]{1,60})?\s*$"
)


_TITLED_INSTITUTION = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w'’&.-]*\s+){{1,4}}(?i:{_INSTITUTION})$")


def _business(lines: list[str], live: list[int], chrome: set[int]) -> None:
    """A record's order-of-business heading in capitals ("MOTIONS") right above a debate's title
    (a short line, no sentence): a kicker, not the title."""
    for a, b in zip(live, live[1:], strict=False):
        top, below = lines[a].strip(), lines[b].strip()
        if (
            top.isupper()
            and _rx()["business"].match(top)
            and len(below.split()) <= 15
            and not _END.search(below)
        ):
            chrome.add(a)


def _masthead(line: str) -> bool:
    """An institution's name in capitals ("KESTREL MUSEUM OF SCIENCE AND INDUSTRY",
    "NORTHMARCH ASSEMBLY - OFFICIAL REPORT"): a masthead, not a title."""
    s = line.strip()
    return len(s.split()) <= 12 and bool(_MASTHEAD.match(s))


def _edges(lines: list[str], idx: list[int], chrome: set[int], first: int, last: int) -> None:
    """An archive's "Saved from <site>" stamp, in the head or tail."""
    for i in idx:
        if (
            _near_edge(i, idx, first, last)
            and len(lines[i].split()) <= 30
            and _SAVED.search(lines[i])
        ):
            chrome.add(i)


def _words(s: str) -> str:
    return " ".join(re.findall(r"[a-z0-9]+", s.lower()))


def _quoted(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A mail client's attribution line over a quote, and, on a page with one, quoted lines that
    copy text printed elsewhere on the page (the thread shows that message already; an inline
    reply's later quotes are copies too)."""
    quoted = {i for i in idx if _QUOTED.match(lines[i])}
    attributions = [i for i in idx if _ATTRIBUTION.match(lines[i].strip())]
    if not quoted or not attributions:
        return
    after = {i: j for i, j in zip(idx, idx[1:], strict=False)}
    chrome.update(i for i in attributions if after.get(i) in quoted)
    plain = " ".join(_words(lines[i]) for i in idx if i not in quoted)
    for j in quoted:
        if j < attributions[0]:
            continue
        text = _words(re.sub(r"^[\s>]+", "", lines[j]))
        if not text or len(text.split()) < 3 or text in plain:
            chrome.add(j)
