"""Furniture of research notes, parish magazines, union bulletins, arbitral awards, chat exports
and translated articles (ninth round).

Each rule follows how the format is printed, never an article; the word lists are
data/chrome_notices, _disclosures, _caption and _chat_system.txt, each naming its source:

- **Equity research notes.** The disclosure appendix at the end (an "Analyst certification" or
  "Important disclosures" heading in the text's second half, over lines that certify views,
  declare conflicts or define ratings): the heading and all after it; a ratings table's fields
  ("Ratings key: …", "Distribution of ratings: …") and an analyst's certification sentence.
- **Parish magazines and community newsletters.** The masthead's tagline ("Monthly magazine of
  the Parish of …"), an "In this issue:" contents row, a notices heading in capitals ("PARISH
  NOTICES", "SUNDAY SERVICES") over its block of short lines, a timetable row ("8.00 am Holy
  Communion · 10.00 am …"), the copy deadline, the editor's disclaimer ("The views expressed …
  are … not necessarily those of …") and the charity registration line.
- **Union bulletins.** The handling marking ("FOR MEMBERS ONLY - please do not forward"), a
  meeting notice with its time ("BRANCH MEETING: Thursday …, 6.00 pm, …"), a contacts row (a
  role, names and extensions, telephone numbers or addresses), the join line with its address
  or price, the union's certificate line and the imprint ("Printed and published by …").
- **Arbitral awards and judgments.** The caption's case number and fields ("Case No. …", "Seat
  of arbitration: London"), the signature line ("Signed: …, Sole Arbitrator") and the
  confidentiality note ("This award is confidential to the parties …").
- **Chat exports.** A post header whose name carries pronouns ("[03-Sep-26 09:19 PM] Name
  (she/her)"), a client's system line ("pinned a message to this channel.") and a levelling
  bot's level-up line ("GG @name, you just advanced to level 12!").
- **Translated articles.** The credit row ("Translated from the Spanish by … · Originally
  published in … · Reading time: 6 min"), the permission note at the end, and a bracketed
  translator's or editor's note inside a paragraph ("[Translator's note: …]"), which is cut
  out of the line (the author did not write it).
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.lexicon import pattern

_PIECES = re.compile(r"\s+[|·•]\s+|\s*[|·•]\s*")
_SENTENCES = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
_TIME = r"\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)(?![\w])|\b\d{1,2}[.:]\d{2}\b"
_CONTACT = (
    r"\bext(?:ension)?\.?\s*\d{3,}|\b(?:tel|phone|mob|t)\.?\s*:?\s*\+?\d|\b0\d{2,4}[ -]?\d{3}[ -]?\d{3,4}\b"
    r"|\+\d{2}[\d ]{8,}|[\w.-]+@[\w-]+\.\w"
)
_PRONOUNS = (
    r"\((?:she|he|they|xe|ze|fae|it|any)(?:\s*/\s*(?:her|hers|him|his|them|theirs|xem|zir|faer|its|"
    r"they|he|she|any|all))+\)"
)
_SLOT_START = re.compile(r"\s+(?=\d{1,2}[.:]\d{2}\s*(?:am|pm|a\.m\.|p\.m\.)(?!\w))", re.I)
_NOTE = re.compile(
    r"\s*[\[(](?:translator['’]?s?|editor['’]?s?|trans\.|tr\.|ed\.)\s+note\s*:[^\[\]()]{1,500}[\])]",
    re.I,
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    i = re.I
    return {
        "header": re.compile(
            rf"^\s*\[[^\]]{{4,40}}\]\s+[^\s\[\]][^\[\]]{{0,40}}?\s*{_PRONOUNS}\s*$", i
        ),
        "level": re.compile(
            r"^\W*(?:gg|congrat\w*|well done|nice|woo+|yay)?\W*@[\w.-]+\W*,?\s*(?:you(?:['’]ve| have)? "
            r"(?:just )?)?(?:advanced|levell?ed up|reached)(?: to)? level \d+\W*$",
            i,
        ),
        "system": re.compile(
            rf"^\s*(?:@?[\w.-]{{1,32}}\s+)?{pattern('chrome_chat_system')}\s*$", i
        ),
        "register": re.compile(
            r"^[^.]{0,100}\b(?:registered charity|charity|trade union|company|society|union)\b[^.]{0,40}"
            r"\b(?:no|number|certificate(?: no)?)\.?\s*:?\s*\d[\d -]{2,}\s*\.?\s*$",
            i,
        ),
        "imprint": re.compile(
            r"^\W*(?:printed and published|published and printed|printed|promoted(?: and "
            r"(?:printed|published))?|published and promoted) by\s+\S",
            i,
        ),
        "views": re.compile(
            r"^(?:the )?(?:views|opinions)(?: expressed)?(?: (?:in|on) [^.]{1,60}?)? are (?:solely )?"
            r"(?:those of|the)\b[^.]{0,80}\bnot (?:necessarily )?(?:those|the views|the opinions|"
            r"reflect|represent)\b",
            i,
        ),
        "deadline": re.compile(
            r"^\W*(?:(?:copy|contributions?|submissions?|articles?|items?) deadline\b|deadline "
            r"for (?:copy|contributions|submissions|the next issue|items)\b)",
            i,
        ),
        "members": re.compile(
            r"^\W*(?:for members only|members only|for (?:internal|member|members['’]) (?:use|"
            r"circulation) only|not for (?:publication|circulation|distribution|forwarding))\b",
            i,
        ),
        "join": re.compile(
            r"^\W*(?:not (?:yet )?a member(?: yet)?\W|join (?:us|the union|online|today|now)\b|"
            r"become a member\b)",
            i,
        ),
        "meeting": re.compile(
            r"^\W*(?:[A-Z][\w'’-]*\s+){0,3}(?:meeting|agm|egm|surgery|social|assembly)\s*:\s*\S", i
        ),
        "contacts": re.compile(
            r"^\W*(?:your\s+)?(?:[\w'’-]+\s+){0,2}(?:officers?|reps?|representatives?|stewards?|"
            r"secretary|secretaries|contacts?|churchwardens?|wardens?|treasurer|editor|"
            r"administrator|coordinator|organi[sz]er)\s*:\s*\S",
            i,
        ),
        "tagline": re.compile(
            r"^\W*(?:the\s+)?(?:(?:free|official)\s+)?(?:weekly|monthly|quarterly|fortnightly|"
            r"bi-?monthly|termly|annual)\s+(?:parish\s+|community\s+|branch\s+)?(?:magazine|"
            r"newsletter|bulletin|news-?sheet|journal|paper)\s+(?:of|for|from)\b",
            i,
        ),
        "contents": re.compile(
            r"^\W*(?:in this issue|inside this issue|also in this issue|inside|contents)\s*[:\-–—]\s*\S",
            i,
        ),
        "page_ref": re.compile(r"\(\s*(?:p|pp|page)\.?\s*\d+\s*\)|\bp\.\s*\d", i),
        "slot": re.compile(rf"^(?:{_TIME})\s+\S", i),
        "case": re.compile(
            r"^\W*(?:case|claim|appeal|application|arbitration|reference|file|docket|matter)\s+"
            r"(?:no\.?|number|ref(?:erence)?\.?)\s*:?\s*[A-Z0-9][A-Z0-9/ .:-]{1,30}\W*$",
            i,
        ),
        "caption": re.compile(rf"^\W*{pattern('chrome_caption')}\s*:\s*[^.!?]{{1,80}}$", i),
        "signed": re.compile(r"^\W*(?i:signed|sgd\.?)\s*[:.-]?\s+[A-Z][^.!?]{2,80}$"),
        "confidential": re.compile(
            r"^\W*this (?:award|decision|ruling|judgment|document|report|note|bulletin|newsletter|"
            r"message|e-?mail|communication) (?:is|and its contents are) (?:strictly )?(?:private "
            r"and )?confidential(?:\s+(?:to|and|between)\b|\s*[.;,:]|\s*$)",
            i,
        ),
        "certify": re.compile(
            r"\bcertif(?:y|ies)\s+that\s+(?:the\s+)?(?:views|opinions)\b[^.]{0,80}\breflect", i
        ),
        "ratings": re.compile(
            r"^\W*(?:(?:ratings?|investment rating|stock rating)s? (?:key|definitions?|system)|"
            r"distribution of (?:investment )?ratings)\s*:\s*\S",
            i,
        ),
        "disclosure_head": re.compile(rf"^\W*{pattern('chrome_disclosures')}\W*$", i),
        "disclosure": re.compile(
            r"\b(?:certif\w+|conflicts? of interest|ratings?|price targets?|investment banking|"
            r"seeks to do business|not an offer|solicitation)\b",
            i,
        ),
        "notices_head": re.compile(rf"^\W*{pattern('chrome_notices')}\W*$", i),
        "translated": re.compile(r"^translated (?:from (?:the )?[A-Z][\w-]+ )?(?:by|for)\s+\S", i),
        "published": re.compile(r"^(?:originally |first )published\b", i),
        "reading": re.compile(r"^(?:reading time\b|\d+\s*min(?:ute)?s?(?: read)?$)", i),
        "permission": re.compile(
            r"^\W*this (?:translation|article|essay|piece|column|op-ed|text|extract|excerpt) "
            r"(?:is|was|has been|appears)\s+(?:re)?(?:published|printed|reproduced|translated)\b"
            r"[^.]{0,80}\b(?:permission|arrangement|licen[cs]e)\b",
            i,
        ),
    }


def strip_notes(line: str) -> str:
    """A line without its bracketed translator's or editor's notes (not the author's words)."""
    return _NOTE.sub("", line) if "note" in line.lower() else line


def _n(line: str) -> int:
    return len(line.split())


def _sentences(line: str) -> list[str]:
    return [s for s in _SENTENCES.split(line.strip()) if s]


def _pieces(line: str) -> list[str]:
    return [p.strip() for p in _PIECES.split(line.strip()) if p.strip()]


def is_timetable(line: str) -> bool:
    """A row of two or more short slots each opening with a time ("8.00 am Holy Communion ·
    10.00 am Parish Eucharist")."""
    pieces = _pieces(line)
    if len(pieces) < 2:  # a table row read without its bars: split before each time
        pieces = [p.strip() for p in _SLOT_START.split(line) if p.strip()]
    return len(pieces) >= 2 and all(_n(p) <= 8 and _rx()["slot"].match(p) for p in pieces)


def is_credit_row(line: str) -> bool:
    """A translation's credit row: a translator credit, with only publication and reading-time
    pieces beside it."""
    rx = _rx()
    pieces = [p.strip(" ,;") for p in _pieces(line)]
    return (
        _n(line) <= 40
        and any(rx["translated"].match(p) for p in pieces)
        and all(
            _n(p) <= 15
            and (rx["translated"].match(p) or rx["published"].match(p) or rx["reading"].match(p))
            for p in pieces
        )
    )


def _chat(s: str) -> bool:
    rx = _rx()
    return bool(rx["header"].match(s) or rx["level"].match(s) or rx["system"].match(s))


def _newsletter(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 25 and (rx["tagline"].match(s) and not s.endswith(".") or rx["register"].match(s)):
        return True
    if n <= 50 and rx["contents"].match(s) and (rx["page_ref"].search(s) or len(_pieces(s)) >= 2):
        return True
    if n <= 40 and len(_sentences(s)) <= 3 and (rx["views"].match(s) or rx["deadline"].match(s)):
        return bool(rx["views"].match(s) or re.search(r"\d|day\b", s, re.I))
    return is_timetable(s)


def _union(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 15 and rx["members"].match(s):
        return True
    if n <= 20 and rx["imprint"].match(s):
        return True
    if n <= 25 and rx["join"].match(s) and re.search(r"\bjoin\b", s, re.I):
        return bool(re.search(r"\w\.\w{2,}/|[£$€]\s?\d|@|\bwww\.", s))
    if n <= 40 and rx["meeting"].match(s) and re.search(_TIME, s, re.I):
        return True
    return n <= 50 and bool(rx["contacts"].match(s)) and bool(re.search(_CONTACT, s, re.I))


def _award(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 6 and rx["case"].match(s):
        return True
    if n <= 12 and (rx["caption"].match(s) or rx["signed"].match(s)):
        return True
    return n <= 40 and len(_sentences(s)) <= 2 and bool(rx["confidential"].match(s))


def _research(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 40 and rx["ratings"].match(s):
        return True
    return n <= 60 and len(_sentences(s)) <= 2 and bool(rx["certify"].search(s))


def is_notice_line(line: str) -> bool:
    """A line that is one of these formats' notices by its own words (see the module's doc)."""
    s = line.strip()
    n = _n(s)
    if not s or n > 60:
        return False
    return (
        _chat(s)
        or _newsletter(s, n)
        or _union(s, n)
        or _award(s, n)
        or _research(s, n)
        or is_credit_row(s)
        or (n <= 40 and len(_sentences(s)) <= 3 and bool(_rx()["permission"].match(s)))
    )


def _notice_blocks(lines: list[str], chrome: set[int]) -> None:
    """A notices heading on a line of its own, in capitals or with a colon ("PARISH NOTICES",
    "Sunday services:"), over a block of short lines (none over 20 words) up to a blank line, in
    the text's tail (no paragraph over 30 words after it): the heading and the block go."""
    head = _rx()["notices_head"]
    for i, line in enumerate(lines):
        s = line.strip()
        if not s or _n(s) > 5 or not head.match(s) or not (s.isupper() or s.endswith(":")):
            continue
        block = []
        for j in range(i + 1, len(lines)):
            if not lines[j].strip() or _n(lines[j]) > 20:
                break
            block.append(j)
        if block and all(_n(ln) <= 30 for ln in lines[i + 1 :]):
            chrome.update([i, *block])


def _disclosures(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A research note's disclosure appendix: a disclosure heading as a line of its own in the
    text's second half, over lines (none over 80 words) one of which certifies views, declares a
    conflict or defines ratings; the heading and everything after go."""
    rx = _rx()
    for k in range(len(idx) // 2, len(idx) - 1):
        i = idx[k]
        if _n(lines[i]) > 6 or not rx["disclosure_head"].match(lines[i]):
            continue
        rest = idx[k + 1 :]
        if all(_n(lines[j]) <= 80 for j in rest) and any(
            rx["disclosure"].search(lines[j]) for j in rest
        ):
            chrome.update(idx[k:])
            return


def find_notice_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules of this module that need a line's neighbours or position."""
    _notice_blocks(lines, chrome)
    _disclosures(lines, idx, chrome)
