"""Furniture of court briefs, SEC filings, debate flow sheets, software READMEs and docs pages,
examiners' reports, committee minutes and advice columns (tenth round).

Each rule follows how the format is printed, never an article; the word lists are
data/chrome_cover, _minutes and _attendance.txt, each naming its source:

- **Court briefs.** The cover's items (FRAP 32(a)(2)): the court-and-docket row ("SECOND
  DISTRICT · No. 24-118", a capitals piece beside a docket number), the "On appeal from the …
  Court" line with its docket number, judge or counsel contacts, and the counsel block
  ("Counsel for amici curiae", with a bar number or contacts); the back matter's certificates
  (FRAP 32(g) certificate of compliance, FRAP 25(d) proof of service), heading and text.
- **SEC filings.** The cover page's captions (Form 10-K's facing page: the Commission's name
  and address, the form, "Annual report pursuant to section 13 or 15(d) …", "Commission File
  Number …", "(Exact name of registrant as specified in its charter)") and the registrant's
  name printed over that caption; a running footer row naming the form with a page number
  ("Company | 2026 Form 10-K | 31").
- **Debate flow sheets.** The template row naming the flow's columns: three or more speech
  names of policy or parliamentary debate (NSDA speech order 1AC, 1NC, 2AC, 2NC, 1NR, 1AR, 2NR,
  2AR; PMC, LOC, MG, MO, LOR, PMR).
- **Software READMEs and docs pages.** The licence statement (standard-readme's "License"
  section: "Code: MIT. Data: CC BY 4.0.", SPDX identifiers), the support line ("Questions and
  bug reports: open an issue, or write to …"), and a docs site's feedback widget ("Was this
  page helpful? Yes · No").
- **Examiners' reports.** The levels-of-response mark band row ("Level 3 (13-18 marks) · Level
  2 (7-12)", Ofqual's levels-based mark schemes) and the note that grade boundaries are
  published elsewhere.
- **Committee minutes.** The document register number ("WG 7 N1183", ISO/IEC Directives), the
  header's field row ("Date of document: … · Status: … · Supersedes: …"), the attendance lines
  ("Present: …, …", "Apologies: …"), the next-meeting notice with its date or time, and the
  working-document warning ("These minutes are a committee working document …"); a page stamp
  row glued after the last sentence of a paragraph ("… · page 3 of 3") is cut off the line.
- **Advice columns.** The submission box (every sentence a "Write to … at …", "We may shorten
  letters", "… cannot reply personally" notice) and the short question heading over it ("Got
  a problem?").
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.exports import is_footer_row
from model.importer.lexicon import pattern
from model.importer.notices import _n, _pieces, _sentences  # the same line splitting

_END = re.compile(r"[.!?…]\s*$")
_CONTACT = (
    r"[\w.+-]+@[\w-]+\.\w|\b(?:tel(?:ephone)?|phone|fax)\.?\s*:?\s*\(?\+?\d|\(\d{3}\)\s*\d{3}"
)
_DOCKET = r"(?:no|case no|docket no|appeal no|index no|civil action no)\.?\s*:?\s*[A-Z0-9][\w/.:-]*\d[\w/.:-]*"
_LICENCE = (
    r"(?:MIT|ISC|BSD-[234]-Clause|Apache(?:-2\.0| License,? (?:Version )?2\.0)|(?:A|L)?GPL-?[23]"
    r"(?:\.[01])?(?:-only|-or-later|\+)?|MPL-?2\.0|Unlicense|CC0(?: 1\.0)?|"
    r"CC[ -]BY(?:[ -](?:SA|NC|ND))*(?:[ -]\d\.\d)?|ODbL(?:-1\.0)?|ODC-By(?:-1\.0)?)"
)
_SPEECH = re.compile(r"(?<![\w-])(?:[12](?:AC|NC|AR|NR)|PMC|LOC|MG|MO|LOR|PMR)(?![\w-])")
_VOTE = re.compile(r"^(?:\s*(?:yes|no|👍|👎|thumbs up|thumbs down|[·|/•]))*\s*$", re.I)
_TAIL = re.compile(r"^(.*[.!?…”\"’)*])\s+([^.!?…]{1,120})$")


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    i = re.I
    return {
        "docket": re.compile(rf"^\W*{_DOCKET}\W*$", i),
        "docket_in": re.compile(rf"\b{_DOCKET}|\bhon(?:ourable)?\.?\s+[A-Z]", i),
        "appeal": re.compile(
            r"^\W*(?:on )?appeal from (?:the |a )?(?:[\w.'’&-]+ ){0,8}?(?:court|tribunal|board|"
            r"commission|agency)\b",
            i,
        ),
        "counsel": re.compile(
            r"\bcounsel (?:of record )?for (?:the )?(?:proposed )?(?:amic[iu]s?(?: curiae)?|"
            r"appellants?|appellees?|respondents?|petitioners?|plaintiffs?|defendants?|"
            r"intervenors?)\b",
            i,
        ),
        "bar": re.compile(r"\b(?:state )?bar (?:no|number|id)\.?\s*:?\s*\d", i),
        "certificate": re.compile(
            r"^\W*certificate of (?:compliance|service|word count|interested persons|filing|"
            r"conference)\b\s*(?:[:.—–-]\s*\S|$)",
            i,
        ),
        "cover": re.compile(rf"^\W*(?:{pattern('chrome_cover')})\W*$", i),
        "registrant": re.compile(r"^\W*\(exact name of registrant", i),
        "company": re.compile(
            r"\b(?:inc|corp(?:oration)?|co|ltd|limited|plc|llc|l\.l\.c|lp|l\.p|n\.v|s\.a|ag|se|"
            r"holdings|group)\.?\W*$",
            i,
        ),
        "form": re.compile(
            r"^\W*(?:\d{4}\s+)?(?:annual report on )?form (?:10-k|10-q|8-k|20-f|40-f|6-k|s-1)"
            r"(?:/a)?(?:\s+\d{4})?\W*$",
            i,
        ),
        "form_page": re.compile(
            r"\bform (?:10-k|10-q|8-k|20-f|40-f|6-k|s-1)(?:/a)?\s+(?:page\s+)?\d{1,3}\s*$", i
        ),
        "page_no": re.compile(r"^\W*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\W*$", i),
        "licence_label": re.compile(
            rf"^\W*(?:[\w /&-]{{1,30}}:\s*)?{_LICENCE}(?: licen[cs]e)?\W*$", i
        ),
        "licence_under": re.compile(
            rf"^\W*(?:(?:this|the) (?:[\w-]+ ){{0,2}}(?:is|are) |(?:it|they) (?:is|are) )?"
            rf"(?:licen[cs]ed|released|available|distributed) under (?:the )?(?:terms of the )?"
            rf"{_LICENCE}(?: licen[cs]e)?\W*$",
            i,
        ),
        "licence_word": re.compile(
            r"\b(?:licen[cs]e[ds]?|redistribut\w+|copyright|terms of use|permission|all rights "
            r"reserved|proprietary)\b",
            i,
        ),
        "support": re.compile(
            r"^\W*(?:questions|bug reports?|bugs|issues|support|feedback|contact|problems|security "
            r"(?:issues|reports|vulnerabilities))(?:,? (?:and|or) (?:questions|bug reports?|bugs|"
            r"issues|support|feedback|comments|suggestions|feature requests))*\s*:\s*\S",
            i,
        ),
        "support_way": re.compile(
            rf"{_CONTACT}|\b(?:open|file|raise|submit) (?:an? |a new )?(?:issue|ticket|pull request)\b|"
            r"https?://|\bwww\.",
            i,
        ),
        "feedback": re.compile(
            r"^\W*(?:was|is|did|does|has) this (?:page|article|doc|document|documentation|section|"
            r"guide|answer|content|information|tutorial)\b[^?]{0,40}\?",
            i,
        ),
        "band": re.compile(
            r"^\W*(?:[\w ]{1,20}:\s*)?(?:level|band|mark band)\s+\d{1,2}\s*\(?\s*\d{1,3}\s*[-–]\s*"
            r"\d{1,3}(?:\s*marks?)?\s*\)?\W*$",
            i,
        ),
        "boundaries": re.compile(
            r"^\W*(?:the )?grade boundaries\b[^.]{0,100}\b(?:are|will be|is) (?:\w+ ){0,2}"
            r"(?:published|available|released|issued)\b",
            i,
        ),
        "register": re.compile(
            r"^\W*(?:ISO(?:/IEC)?\s+)?[A-Z]{2,5}\s*\d{1,4}(?:\s*/\s*[A-Z]{2,4}\s*\d{1,4})*\s+"
            r"N\s?\d{2,6}\W*$"
        ),
        "field": re.compile(rf"^\W*(?:{pattern('chrome_minutes')})\s*:\s*\S", i),
        "attendance": re.compile(
            rf"^\W*(?:{pattern('chrome_attendance')})(?:\s*\([^)]{{1,20}}\))?\s*:\s*(?P<rest>\S.*)$",
            i,
        ),
        "next_meeting": re.compile(
            r"^\W*(?:the )?(?:next|following|\d{1,3}(?:st|nd|rd|th))\s+(?:\w+\s+)?meeting\s*"
            r"(?:[:—–-]|will be held|is)\s*",
            i,
        ),
        "when": re.compile(
            r"\b\d{1,2}[.:]\d{2}\b|\b\d{1,2}\s*(?:am|pm)\b|\b\d{1,2}(?:st|nd|rd|th)? (?:jan|feb|mar|"
            r"apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b(?:jan|feb|mar|apr|may|jun|jul|aug|"
            r"sep|oct|nov|dec)[a-z]* \d{1,2}\b|\b\d{4}-\d{2}-\d{2}\b",
            i,
        ),
        "working": re.compile(
            r"^\W*(?:these|this) (?:minutes|document|draft|paper|report|text|note)s? (?:is|are) "
            r"(?:an? |the )?(?:[\w-]+ ){0,2}(?:working|internal|draft|committee|unofficial|"
            r"unapproved)\b[^.]{0,30}\b(?:document|paper|record|draft)\b|^\W*this document is not "
            r"an? (?:\w+ ){0,2}(?:international )?standard\b",
            i,
        ),
        "write_to": re.compile(
            rf"^\W*(?:write|e-?mail|send (?:your )?(?:problems?|questions?|letters?|dilemmas?))"
            rf"\s+to\s+[A-Z][\w'’-]+\b[^.]{{0,60}}(?:{_CONTACT}|\bc/o\b|\bpo box\b)",
            i,
        ),
        "shorten": re.compile(
            r"\b(?:we|the editor|the paper|the magazine|(?-i:[A-Z])[\w'’-]+) (?:may|will|might|"
            r"reserves? the right to) (?:shorten|edit|cut|condense|abridge) (?:letters|questions|"
            r"problems|submissions|contributions)\b",
            i,
        ),
        "personal": re.compile(
            r"\b(?:cannot|can['’]t|is unable to|are unable to|regrets? (?:that )?(?:she|he|they|we|"
            r"i) cannot) (?:reply|respond|answer|enter into (?:personal |private )?correspondence)"
            r"\b[^.]{0,30}\b(?:personally|individually|correspondence|every letter|privately)\b",
            i,
        ),
        "letters": re.compile(rf"(?<![\w-]){pattern('chrome_letters')}", i),
    }


def strip_footer(line: str) -> str:
    """A line without a footer row glued after its last sentence ("… only. WG 7 N1183 · page 3
    of 3"), as Markdown or PDF rejoining leaves a page's last footer on its last paragraph."""
    if "|" not in line and "·" not in line and "•" not in line:
        return line
    m = _TAIL.match(line)
    return m.group(1) if m and is_footer_row(m.group(2)) else line


def _brief(s: str, n: int) -> bool:
    rx = _rx()
    pieces = _pieces(s)
    if n <= 12 and len(pieces) >= 2 and any(rx["docket"].match(p) for p in pieces):
        others = [p for p in pieces if not rx["docket"].match(p)]
        if all(p.isupper() and _n(p) <= 8 for p in others):
            return True
    if n <= 80 and rx["appeal"].match(s):
        return bool(rx["docket_in"].search(s) or re.search(_CONTACT, s, re.I))
    if (
        n <= 80
        and rx["counsel"].search(s)
        and (rx["bar"].search(s) or re.search(_CONTACT, s, re.I))
    ):
        return True
    return n <= 80 and bool(rx["certificate"].match(s))


def _filing(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 30 and rx["cover"].match(s):
        return True
    if n <= 12 and _rx()["form_page"].search(s):  # the row read as Markdown, bars gone
        return True
    pieces = _pieces(s)
    return (
        n <= 20
        and len(pieces) >= 2
        and not _END.search(s)
        and all(_n(p) <= 8 for p in pieces)
        and bool(rx["page_no"].match(pieces[-1]))
        and any(rx["form"].match(p) for p in pieces[:-1])
    )


def _flow(s: str, n: int) -> bool:
    return n <= 25 and not _END.search(s) and len(set(_SPEECH.findall(s))) >= 3


def is_licence_line(line: str) -> bool:
    """A README's licence statement: each sentence names a licence ("Code: Apache-2.0.",
    "Released under the MIT licence.") or is a short note on licensing; one names a licence."""
    rx = _rx()
    sents = _sentences(line)
    named = [s for s in sents if rx["licence_label"].match(s) or rx["licence_under"].match(s)]
    return bool(named) and all(
        s in named or (_n(s) <= 15 and rx["licence_word"].search(s)) for s in sents
    )


def _readme(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 50 and is_licence_line(s):
        return True
    if n <= 50 and rx["support"].match(s) and rx["support_way"].search(s):
        return True
    m = rx["feedback"].match(s)
    return n <= 15 and bool(m) and bool(_VOTE.match(s[m.end() :]))


def _exam(s: str, n: int) -> bool:
    rx = _rx()
    pieces = [p for p in re.split(r"\s*[·|•;]\s*", s.strip()) if p]
    if n <= 40 and len(pieces) >= 2 and all(rx["band"].match(p) for p in pieces):
        return True
    return n <= 35 and len(_sentences(s)) <= 2 and bool(rx["boundaries"].match(s))


def _attendance(s: str, n: int) -> bool:
    m = _rx()["attendance"].match(s)
    if not m or n > 150:
        return False
    # Markdown joins the attendance lines into one: the next label ("Apologies:") ends an item.
    items = [
        x for x in re.split(r"\s*[,;]\s*|\s+(?=[\w-]+(?:\s*\([^)]{1,20}\))?:\s)", m["rest"]) if x
    ]
    return len(items) >= 2 and all(_n(x) <= 6 for x in items) and not re.search(r"[!?]", s)


def _badges(s: str) -> bool:
    """A README's badge row read as Markdown: links left empty once their images are gone."""
    return bool(re.fullmatch(r"(?:\s*\[\s*\]\([^)\s]*\))+\s*", s))


def _minutes(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 8 and rx["register"].match(s):
        return True
    pieces = _pieces(s)
    if n <= 60 and rx["field"].match(s) and sum(bool(rx["field"].match(p)) for p in pieces) >= 2:
        return True
    if _attendance(s, n):
        return True
    if n <= 40 and len(_sentences(s)) <= 3 and rx["next_meeting"].match(s):
        return bool(rx["when"].search(s))
    return n <= 80 and bool(rx["working"].match(s))


def is_submission_box(line: str) -> bool:
    """An advice column's submission notice: every sentence a way to write in, a note that
    letters may be cut, or that the columnist cannot reply in person; one gives the address."""
    rx = _rx()
    s = line.strip()
    if _n(s) > 60:
        return False
    sents = _sentences(s)
    return any(rx["write_to"].match(x) for x in sents) and all(
        rx["write_to"].match(x)
        or rx["shorten"].search(x)
        or rx["personal"].search(x)
        or rx["letters"].search(x)
        for x in sents
    )


def is_filing_line(line: str) -> bool:
    """A line that is one of these formats' furniture by its own words (see the module's doc)."""
    s = line.strip()
    n = _n(s)
    if not s or n > 150:
        return False
    return (
        _brief(s, n)
        or _filing(s, n)
        or _flow(s, n)
        or _readme(s, n)
        or _badges(s)
        or _exam(s, n)
        or _minutes(s, n)
        or is_submission_box(s)
    )


def _signer(line: str) -> bool:
    """A line under the signature: a name or a role, every word capitalised ("Jane Roe",
    "Attorney for Appellant"), no sentence."""
    words = line.split()
    small = {"of", "for", "and", "the", "&", "at", "in"}
    return (
        0 < len(words) <= 10
        and not _END.search(line.strip())
        and all(w[0].isupper() or not w[0].isalpha() or w in small for w in words)
    )


def _signature(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A brief's signature block (FRAP 32(d): counsel signs every brief): "Respectfully
    submitted," and the short name and role lines under it, none a sentence."""
    for k, i in enumerate(idx):
        if not re.fullmatch(r"\W*respectfully submitted\W*", lines[i], re.I):
            continue
        block = [i]
        for j in idx[k + 1 : k + 5]:
            if not (_signer(lines[j]) or is_filing_line(lines[j])):
                break
            block.append(j)
        chrome.update(block)


def find_filing_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules that need a line's neighbours: a brief's signature block, the registrant's name
    printed over the 10-K cover's "(Exact name of registrant …)" caption, and a short question
    heading ("Got a problem?") over an advice column's submission box."""
    rx = _rx()
    _signature(lines, idx, chrome)
    for k, i in enumerate(idx[1:], 1):
        prev = lines[idx[k - 1]].strip()
        # The registrant's name as the cover prints it: in capitals, or with its legal form.
        name = prev.isupper() or bool(_rx()["company"].search(prev))
        if rx["registrant"].match(lines[i]) and _n(prev) <= 10 and name:
            chrome.add(idx[k - 1])
        if is_submission_box(lines[i]) and _n(prev) <= 6 and prev.endswith("?"):
            chrome.add(idx[k - 1])
