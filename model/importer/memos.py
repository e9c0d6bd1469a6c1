"""Furniture of RFC-style memos, mailing-list digests, funders' panel summaries, public-hearing
transcripts and policy papers (twelfth round).

Each rule follows how the format is printed, never an article; the word lists are
data/chrome_digest.txt and the labels added to data/chrome_heads.txt, each naming its source:

- **RFC-style memos** (RFC 7322, the RFC Style Guide; RFC 7841, the RFC boilerplate; RFC 7990's
  plain-text layout): the first-page header, two columns of rows ("Request for Comments: 9999",
  "Category: Informational", "Obsoletes: …", "ISSN: 2070-1721" on the left, the authors, their
  organisations and the month and year on the right), when two or more of its rows carry the
  header's labels; the boilerplate sections "Status of This Memo" and "Copyright Notice" with
  their paragraphs; a "Table of Contents" heading over its entries and any contents entry with
  a dot leader and a page number ("1. Introduction ........ 2", Chicago Manual of Style 1.42);
  and the closing "Authors' Addresses" section (RFC 7322 §4.12) with everything under it.
- **Mailing-list digests** (GNU Mailman 2's and 3's digest templates; MIME, RFC 2045 and
  RFC 2183): the masthead's lines (data/chrome_digest.txt); "Today's Topics:" and its numbered
  list of subjects; a message's "Message: 4" counter over its mail headers; MIME header lines
  ("Content-Type: text/plain; charset=…", "Content-Transfer-Encoding: 7bit", "MIME-Version:
  1.0"); the list footer ("<List> mailing list" over the list's address or under the rule of
  underscores) and the "Subject: Digest Footer" part up to "End of … Digest, Vol …".
- **Funders' panel summaries** (UKRI and ERC evaluation summary reports, NIH summary
  statements): the head block's fields (data/chrome_heads.txt: "Application reference:",
  "Panel:", "Outcome:"); the confidentiality line ("Confidential to the applicant …"); the
  round's statistics ("Round 14 statistics: 61 applications received; 9 funded."); the panel's
  officers ("Panel chair: … Panel secretary: …"); the procedural notice, even when hard-wrapped
  ("This summary is issued under the … Code of Practice …", "Applicants may request feedback
  within 28 days", "there is no right of appeal against a funding decision"); the legal
  disclosure of a registered body (UK Companies Act 2006 s.82 and the Trading Disclosures
  Regulations 2015: "Registered office: …", "Registered in England and Wales No. …",
  "Registered charity no. …").
- **Public-hearing transcripts** (municipal and zoning hearing records, court reporters'
  title pages): the caption's fields (data/chrome_heads.txt: "Applicant:", "Site:", "Held
  at:"), the municipality named in capitals over a hearing's or transcript's title ("TOWNSHIP
  OF …", "CITY OF …"), and the transcription firm's credit ("Prepared by … Transcription
  Services", "Reported by … Court Reporting").
- **Policy papers** (publishers' series statements, Chicago Manual of Style 14.123 and ISO
  690: "Working Paper No. 12", "Policy Brief 2026/3"): a series line, alone or in a row of
  " · " pieces, no sentence.
- **Book pages and reading group guides** (the "Also by" list of a book's front matter, Chicago
  Manual of Style 1.19): a publisher's backlist line ("Also from … Press: Title (paperback) ·
  Title (ebook)"), two or more short titles or titles with their formats, no sentence. (The
  author's short bio between two sections cuts only itself, boilerplate.py.)
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import is_prose
from model.importer.lexicon import pattern
from model.importer.notices import _n, _pieces
from model.importer.sentences import split_sentences

_END = re.compile(r"[.!?…]['\"”’)]?\s*$")


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    i = re.I
    return {
        # RFCs.
        "rfc_label": re.compile(
            r"^\s*(?:request for comments|category|obsoletes|updates|issn|intended status|"
            r"expires|internet-draft|stream|bcp|std|fyi)\s*:?\s*\S|"
            r"^\s*(?:network working group|internet engineering task force|internet research "
            r"task force|internet architecture board|independent submission|internet-draft)\b",
            i,
        ),
        "boilerplate": re.compile(r"^\s*(?:status of this memo|copyright notice|iesg note)\s*$", i),
        "contents": re.compile(r"^\s*(?:table of contents|contents)\s*:?\s*$", i),
        "leader": re.compile(
            r"^\s*\S.{0,100}?\S\s?(?:\.\s?){4,}\s*(?:\d{1,4}|[ivxlc]{1,6})\s*$", i
        ),
        "addresses": re.compile(
            r"^\s*(?:(?:\d{1,2}|[A-Z])\.\s+|appendix [A-Z]\.?\s+)?(?:authors?['’]?|editors?['’]?|"
            r"contributors['’]?)\s+address(?:es)?\s*$",
            i,
        ),
        # Digests.
        "masthead": re.compile(
            rf"^\s*(?:{pattern('chrome_digest')})(?:\s+(?:<?[\w.+-]+@[\w.-]+>?|https?://\S+))?\s*$",
            i,
        ),
        # The digest's own subject line ("AI-Futures Digest, Vol 12, Issue 3").
        "digest_head": re.compile(
            r"^\s*(?:end of )?.{1,60}\bdigest,? vol(?:ume)? \d+,? issue \d+\W*$", i
        ),
        "topics": re.compile(r"^\s*today['’]s topics:?\s*$", i),
        "topic": re.compile(r"^\s*\d{1,3}\.\s+\S.{0,150}\(.{1,80}\)\s*$"),
        "counter": re.compile(r"^\s*message:\s*\d{1,4}\s*$", i),
        "mail_header": re.compile(r"^\s*(?:date|from|to|cc|subject|message-id|reply-to):\s*\S", i),
        "mime": re.compile(
            r"^\s*(?:content-type:\s*[\w.-]+/[\w.+-]+\s*(?:;.*)?|content-transfer-encoding:\s*"
            r"(?:7bit|8bit|binary|quoted-printable|base64)|mime-version:\s*1\.0(?:\s*\(.*\))?|"
            r"content-disposition:\s*(?:inline|attachment)\s*(?:;.*)?)\s*$",
            i,
        ),
        "list_name": re.compile(r"^\s*[\w][\w.'’&-]*(?: [\w.'’&-]+){0,3} mailing list\s*$", i),
        "address": re.compile(r"^\s*(?:<?[\w.+-]+@[\w-]+(?:\.[\w-]+)+>?|https?://\S+)\s*$"),
        "rule": re.compile(r"^\s*_{10,}\s*$"),
        "footer_part": re.compile(r"^\s*subject:\s*digest footer\s*$", i),
        "digest_end": re.compile(
            r"^\s*end of .{1,60} digest\b(?:,? vol(?:ume)? \d+,? issue \d+)?\W*$", i
        ),
        # Panel summaries.
        "confidential": re.compile(
            r"^\W*(?:strictly |private and )?confidential (?:to|for) (?:the )?[\w ,'’&-]{3,80}$", i
        ),
        "stats": re.compile(
            r"^\W*(?:[\w-]+ ){0,3}(?:statistics|success rates?)\s*:\s*(?P<rest>.+)$", i
        ),
        "count": re.compile(r"^(?:and )?\d[\d,.]*%?(?: [\w-]+){1,4}\.?$", i),
        "officer": re.compile(
            r"^\W*(?:(?:panel|committee|board|review|study section) )?(?:chair(?:person)?|"
            r"co-chairs?|deputy chair|vice-chair|secretary|convenor|rapporteur|moderator|"
            r"scientific review officer|programme (?:manager|officer)|program (?:officer|director))"
            r"s?\s*:\s*(?P<name>[^:;]{2,80}?)\.?$",
            i,
        ),
        "name": re.compile(
            r"^(?:(?:professor|prof\.|dr\.?|mr\.?|ms\.?|mrs\.?|sir|dame)\s+)?(?:(?-i:[A-Z])[\w.'’-]*"
            r"\s*){1,5}(?:\((?:[^)]{1,40})\))?$",
            i,
        ),
        "issued": re.compile(
            r"^\W*(?:this|the) (?:summary|feedback|report|decision|letter|assessment|document|"
            r"statement)\b[^.]{0,60}\b(?:is|was|has been|are) (?:issued|provided|given|prepared|"
            r"made|sent) (?:under|in accordance with|according to|following)\b[^.]{0,80}\b"
            r"(?:code of (?:practice|conduct)|procedures?|polic(?:y|ies)|guidance|rules|terms)\b",
            i,
        ),
        "request": re.compile(
            r"^\W*(?:the )?(?:applicants?|principal investigators?|you)\b[^.]{0,30}\b(?:may|can) "
            r"(?:request|seek|ask for|contact)\b[^.]{0,60}\b(?:feedback|clarification|redress|"
            r"review|a debrief)\b[^.]{0,40}\b(?:within \d+ (?:working |calendar )?days|of (?:the "
            r"|this )?(?:decision|letter|notification))\b",
            i,
        ),
        "appeal": re.compile(
            r"\bthere is no (?:right of )?appeal against (?:a|the|this|any) (?:[\w-]+ ){0,2}"
            r"decision\b|\b(?:funding|panel|council['’]s|committee['’]s) decisions? (?:is|are) "
            r"final\b",
            i,
        ),
        "registered": re.compile(
            r"^\W*(?:registered (?:office|address)\s*:|registered in (?:england|scotland|wales|"
            r"northern ireland|ireland)\b|(?:company|charity|registered charity|registration|"
            r"vat) (?:registration )?(?:no\.?|number)\s*:?\s*[\w-]*\d)",
            i,
        ),
        "body_status": re.compile(
            r"^\W*[A-Z][\w&.'’-]*(?: [\w&.'’-]+){0,6} is an? (?:registered charity|charity "
            r"registered\b|company limited by guarantee|(?:non-departmental )?public body|"
            r"statutory (?:body|corporation)|royal charter body|executive agency)\b[^.]{0,60}\.?$"
        ),
        # Hearings.
        "municipality": re.compile(
            r"^\W*(?:TOWNSHIP|CITY|TOWN|VILLAGE|BOROUGH|COUNTY|MUNICIPALITY|PARISH|CITY AND "
            r"COUNTY) OF [A-Z][A-Z .,'’&-]{1,60}$"
        ),
        "hearing_title": re.compile(r"\b(?:HEARING|TRANSCRIPT|PROCEEDINGS|MEETING|MINUTES)\b"),
        "board": re.compile(
            r"\b(?:BOARD|COMMISSION|COUNCIL|COMMITTEE|AUTHORITY|SUPERVISORS|SELECTMEN|TRUSTEES|"
            r"ALDERMEN|FREEHOLDERS|COMMISSIONERS)\b"
        ),
        "transcriber": re.compile(
            r"^\W*(?:transcript |transcription )?(?:prepared|produced|transcribed|reported|"
            r"recorded|provided) by:?\s+(?-i:[A-Z])[\w&.,'’-]*(?: [\w&.,'’-]+){0,5} "
            r"(?:transcription|transcribing|reporting|court reporters?|stenographic|stenography|"
            r"captioning|verbatim reporting)(?: services?|,? (?:ltd|llc|inc|co)\.?| group| agency)?"
            r"\W*$",
            i,
        ),
        # A publisher's backlist line ("Also by the author: …", "Also from X Press: …").
        "backlist": re.compile(
            r"^\W*also (?:by|from|available from|published by|in (?:this|the) series)\b[^:.!?]{0,60}"
            r":\s*(?P<rest>\S.*)$",
            i,
        ),
        "book_format": re.compile(
            r"\((?:paperback|hardback|hardcover|e-?book|audiobook|kindle|large print)\)", i
        ),
        # Policy papers.
        "series": re.compile(
            r"^(?:[A-Z][\w&'’-]*\s){0,4}(?:policy|working|discussion|occasional|research|"
            r"briefing|white|green|position|technical|staff|issue) (?:papers?|briefs?|notes?|"
            r"reports?|series)\s*(?:no\.?|number|#)?\s*\d[\w./-]*$",
            i,
        ),
    }


def _series_row(s: str) -> bool:
    """A series line ("Policy Paper No. 58", "Working Paper 2026/4 · Economics programme")."""
    if _n(s) > 20 or _END.search(s):
        return False
    pieces = _pieces(s)
    return any(_rx()["series"].match(p) for p in pieces) and all(_n(p) <= 10 for p in pieces)


def is_memo_line(line: str) -> bool:
    """A line that is one of these formats' furniture by its own words (see the module's doc)."""
    rx = _rx()
    s = line.strip()
    n = _n(s)
    if not s or n > 40:
        return False
    if n <= 25 and (rx["leader"].match(s) or rx["mime"].match(s) or rx["masthead"].match(s)):
        return True
    if n <= 15 and rx["digest_head"].match(s):
        return True
    if n <= 15 and not _END.search(s) and rx["confidential"].match(s):
        return True
    if n <= 15 and rx["transcriber"].match(s):
        return True
    return _series_row(s) or _backlist(s)


def _backlist(s: str) -> bool:
    """A publisher's list of other titles, no sentence: two or more short pieces, or titles with
    their formats in brackets."""
    m = _rx()["backlist"].match(s)
    if not m or _n(s) > 40 or re.search(r"[.!?]['\"”’*_]*\s*$", s):
        return False
    pieces = [p for p in re.split(r"\s*[·•;|]\s*", m["rest"]) if p.strip()]
    if any(_n(p) > 10 for p in pieces):
        return False
    return len(pieces) >= 2 or bool(_rx()["book_format"].search(s))


def _sentence_kind(x: str) -> str:
    """What a sentence of a panel summary's foot is: "strong" furniture, "weak" (a registered
    body's status, furniture only beside a strong one) or "" (not furniture)."""
    rx = _rx()
    x = x.strip()
    m = rx["stats"].match(x)
    if m and re.search(r"\b(?:applications?|proposals?|bids)\b", x, re.I):
        parts = [p.strip() for p in re.split(r"[;,]\s*", m["rest"].rstrip(". ")) if p.strip()]
        if parts and all(rx["count"].match(p) for p in parts):
            return "strong"
    m = rx["officer"].match(x)
    if m and _n(m["name"]) <= 8 and rx["name"].match(m["name"].strip()):
        return "strong"
    if _n(x) <= 45 and (rx["issued"].match(x) or rx["request"].match(x) or rx["appeal"].search(x)):
        return "strong"
    if _n(x) <= 25 and rx["registered"].match(x):
        return "strong"
    if _n(x) <= 20 and rx["body_status"].match(x):
        return "weak"
    return ""


def _notices(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A panel summary's notices, read as sentences across hard-wrapped lines: a line goes when
    every sentence it holds a part of is one of them, and one of those is no mere status."""
    runs: list[list[int]] = []
    prev = -2
    for i in idx:
        if i in chrome or not re.search(r"[^\W_]", lines[i]):
            prev = -2
            continue
        if i == prev + 1 and runs:
            runs[-1].append(i)
        else:
            runs.append([i])
        prev = i
    for run in runs:
        text, spans = "", []
        for i in run:
            start = len(text) + (1 if text else 0)
            text = f"{text} {lines[i].strip()}" if text else lines[i].strip()
            spans.append((i, start, len(text)))
        # Sentences of the hard-wrapped paragraph (not after an initial or a title: "D. Roe").
        sents = [(x.start, x.end, _sentence_kind(x.text)) for x in split_sentences(text)]
        for i, a, b in spans:
            kinds = [k for s, e, k in sents if s < b and e > a]
            # A status line goes only beside a strong sentence of the same run.
            if kinds and all(kinds) and any(k == "strong" for *_, k in sents):
                chrome.add(i)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _headingish(line: str) -> bool:
    s = line.strip()
    return 0 < _n(s) <= 10 and not _END.search(s) and not s.endswith(",") and s[0].isupper()


def _section(lines: list[str], idx: list[int], k: int, chrome: set[int]) -> None:
    """A boilerplate section: its heading idx[k] and the paragraphs under it, up to the next
    heading (at the heading's indent, when the paragraphs are indented more) or five paragraphs."""
    head = lines[idx[k]]
    chrome.add(idx[k])
    body_indent = None
    paragraphs = 0
    for j in range(k + 1, min(k + 40, len(idx))):
        i, before = idx[j], idx[j - 1]
        line = lines[i]
        starts = i > before + 1  # a blank line before it: a new paragraph or a heading
        if body_indent is None:
            body_indent = _indent(line)
        if starts:
            indented = body_indent > _indent(head)
            if (indented and _indent(line) <= _indent(head)) or (
                not indented and _headingish(line) and _n(line) <= 6
            ):
                return
            paragraphs += 1
            if paragraphs >= 5:
                return
        chrome.add(i)


def _rfc(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    rx = _rx()
    # The first-page header: the text's first run of lines, two or more of them labelled.
    run = [idx[0]] if idx else []
    for i in idx[1:]:
        if i != run[-1] + 1:
            break
        run.append(i)
    labelled = [i for i in run if rx["rfc_label"].match(lines[i])]
    if len(labelled) >= 2 and len(run) <= 14 and not any(is_prose(lines[i]) for i in run):
        chrome.update(run)
    for k, i in enumerate(idx):
        s = lines[i].strip()
        if rx["boilerplate"].match(s):
            _section(lines, idx, k, chrome)
        elif rx["contents"].match(s) and k + 1 < len(idx) and rx["leader"].match(lines[idx[k + 1]]):
            chrome.add(i)
        elif rx["addresses"].match(s):
            tail = idx[k:]
            if not any(is_prose(lines[j]) for j in tail[1:]) and len(tail) <= 40:
                chrome.update(tail)


def _digest(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    rx = _rx()
    for k, i in enumerate(idx):
        s = lines[i].strip()
        nxt = lines[idx[k + 1]] if k + 1 < len(idx) else ""
        prv = lines[idx[k - 1]] if k else ""
        if rx["topics"].match(s):
            chrome.add(i)
            for j in idx[k + 1 : k + 200]:
                if not rx["topic"].match(lines[j]):
                    break
                chrome.add(j)
        elif rx["counter"].match(s) and rx["mail_header"].match(nxt):
            chrome.add(i)
        elif rx["list_name"].match(s) and (rx["address"].match(nxt) or rx["rule"].match(prv)):
            chrome.add(i)
        elif rx["footer_part"].match(s):
            end = next((j for j in idx[k + 1 :] if rx["digest_end"].match(lines[j])), None)
            part = [j for j in idx[k:] if end is None or j <= end]
            if not any(is_prose(lines[j]) and _n(lines[j]) > 30 for j in part):
                chrome.update(part)


def _hearing(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A hearing's caption in capitals, in the head of the text: the municipality, its board
    and the hearing's or transcript's title, when both the municipality and a title are there."""
    rx = _rx()
    live = [i for i in idx if i not in chrome]
    first = next((i for i in live if is_prose(lines[i])), len(lines))
    head = [i for i in idx if i < first]
    caps = [i for i in head if lines[i].strip().isupper() and _n(lines[i]) <= 12]
    town = [i for i in caps if rx["municipality"].match(lines[i].strip())]
    titles = [i for i in caps if rx["hearing_title"].search(lines[i])]
    if not town or not titles:
        return
    boards = [i for i in caps if rx["board"].search(lines[i])]
    chrome.update(town + titles + boards)


def find_memo_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules that need a line's neighbours or position: an RFC's header, boilerplate
    sections, contents heading and closing addresses; a digest's topics, message counters,
    footer; a panel summary's notices read across wrapped lines; a hearing's municipality."""
    if not idx:
        return
    _rfc(lines, idx, chrome)
    _digest(lines, idx, chrome)
    _notices(lines, idx, chrome)
    _hearing(lines, idx, chrome)
