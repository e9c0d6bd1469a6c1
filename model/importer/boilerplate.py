"""General heuristics that remove page chrome from plain text and pick up its metadata.

trafilatura handles HTML markup; this module handles what survives as text — files saved as .txt
with their page chrome, PDF text, and leftovers after HTML extraction: teasers before the title,
bylines, "originally published by" notes, reference lists, comment boxes, subscribe prompts,
"powered by" lines, office lists. Nothing here is keyed to a particular article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from model.importer.chrome import find_chrome, is_prose, never_title, trim, unquoted
from model.importer.chrome_lines import learned_chrome
from model.importer.exports import find_export_chrome, first_slide, header_row, is_footer_row
from model.importer.filings import find_filing_chrome, is_filing_line, strip_footer
from model.importer.formats import find_format_chrome, is_format_line, roster, strip_inline
from model.importer.furniture import is_furniture, strip_stage
from model.importer.lexicon import pattern
from model.importer.manuals import find_manual_chrome, is_manual_line, read_manual
from model.importer.memos import find_memo_chrome, is_memo_line
from model.importer.notices import find_notice_chrome, is_notice_line, strip_notes
from model.importer.paperwork import (
    caption_heading,
    court_name,
    find_paperwork_chrome,
    is_paperwork_line,
    strip_line_numbers,
    strip_paragraph_number,
)
from model.importer.records import find_record_chrome, is_record_line
from model.importer.services import find_service_chrome, is_service_line, read_service
from model.importer.sources import is_source_line, read_source
from model.importer.templates import find_template_chrome, is_template_line, issue_page

# A divider drawn with letters between symbols ("--oOo--", "~o~", "*x*").
_ORNAMENT = re.compile(r"^\s*[^\w\s]+[oO0xX]{1,4}[^\w\s]+\s*$")
_URL_LINE = re.compile(r"^\s*(?:\[?\d{1,3}[.\])]?\s*)?(?:https?://|www\.)\S+\s*$", re.I)
# A heading that starts the page's tail: everything after it is not the article.
_TAIL_HEADING = re.compile(
    r"^\s*(?:references?|bibliography|works cited|sources|citations|related (?:posts|articles|stories|"
    r"reading)|you (?:may|might) also like|more from .{0,40}|read next|about the authors?|comments?|"
    r"\d+\s+(?:replies|comments|responses)|(?:comments?|replies|responses|discussion)\s*\(\d+\)|"
    r"leave a (?:reply|comment)|join the discussion|further reading|recommended reading|see also|"
    r"share this(?: article| post)?|tags?|filed under|discover more|about us|"
    r"certificate of (?:the )?(?:court |shorthand |official )?"
    r"(?:reporter|transcriber|transcription|service))\s*[.:]?\s*$",
    re.I,
)
# Endnotes: a bare "Notes" heading whose next line is a numbered note ("[1] …", "1. …"); a
# slide's "Notes:" (the speaker's own words) is not one.
_NOTES_HEADING = re.compile(r"^\s*(?:notes|endnotes|footnotes)\s*$", re.I)
_NOTE_ITEM = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s")
# A publisher's closing note about itself ("About the Halvorsen Institute"): a heading naming an
# organisation, in capitals (so "About the data", a section of the argument, is not one).
_ABOUT_ORG = re.compile(r"^\s*About the (?:[A-Z][\w'’&.-]*\s?){1,6}\s*$")
# A publication's legal notice, wherever it stands in a short line: copyright with a year or
# the sign, serial numbers (ISSN, ISBN), reproduction terms, the standard disclaimer of views.
_NOTICE = re.compile(
    r"©|\bcopyright (?:©\s*)?\d{4}\b|\bISSN:? \d{4}-\d{3}[\dX]\b|\bISBN(?:-1[03])?:? [\d-]{10,}|"
    r"\b(?:report|paper|publication|booklet|document|brief|article|material|text|work|content)s? "
    r"(?:\w+ ){0,3}may be (?:freely )?(?:reproduced|reprinted|republished|copied|redistributed)\b|"
    r"\bdo(?:es)? not necessarily (?:reflect|represent) the (?:views|position)",
    re.I,
)
# A credit line that, near the end, closes the article ("Article republished from …").
_TAIL_CREDIT = re.compile(
    r"^\s*(?:(?:this )?(?:article|post|story|piece)\s+(?:was\s+)?(?:originally\s+|first\s+)?"
    r"(?:republished|published|appeared|reposted)|originally published|republished (?:from|with)|"
    r"original (?:source|article|post)\s*:|source\s*:|powered by|copyright\b|©|\(c\)\s*\d{4}|"
    r"all rights reserved|(?:this|the) (?:article|explainer|post|piece|story|essay|guide|interview|"
    r"conversation|episode|podcast|report|review) is part of "
    r"(?:our|a|an) (?:\w+ )?series|corrections? (?:and \w+ )?(?:can|may|should) be sent)",
    re.I,
)
# Lines dropped wherever they are.
_DROP_LINE = re.compile(
    r"^\s*(?:subscribe\b|sign up\b|get (?:new posts|our newsletter)|join (?:our|the) newsletter|"
    r"follow us\b|share (?:on|this)\b|click here\b|advertisement\s*$|accept (?:all )?cookies|"
    r"we use cookies|this (?:site|website) uses cookies|cookie (?:settings|policy)|"
    r"originally published\b|republished\b|translated by\s*:?|author\s*:|written by\s*:|"
    r"photo(?: credit)?\s*:|image(?: credit)?\s*:|posted (?:on|in)\b|filed under\b|"
    r"your email address will not be published|required fields are marked|"
    r"want to join the discussion|feel free to contribute|leave a (?:reply|comment)|"
    r"(?:\d+\s+)?(?:replies|comments|likes|shares)\s*$|powered by\b|all rights reserved|"
    r"you(?:'|’)re reading\b|thanks for reading\b|read more\s*$|continue reading\s*$|"
    r"(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?\[(?!slide\s+\d)[^\]]{1,120}\]\s*$|transcript (?:was )?(?:generated|produced|prepared|edited) by|"
    r"(?:episode|show) notes\b|(?:key ?words|index terms)\s*:|"
    r"(?:this )?transcript (?:has been|was|is) (?:\w+ )?(?:edited|condensed|abridged))",
    re.I,
)
# Web-page chrome that survives as text when a page is saved as .txt/.md: skip links, script
# warnings, share and footer lines (general web vocabulary, not any one site's).
_FOOTER = (
    r"(?:privacy(?: policy| notice)?|terms(?: of (?:service|use))?|cookie (?:policy|settings)|sitemap|"
    r"contact(?: us)?|about(?: us)?|accessibility|careers|advertise|imprint)"
)
_CHROME_LINE = re.compile(
    r"^\W*(?:skip to (?:main )?(?:content|navigation|search|footer)|skip to \w+\s*$|"
    r"(?:click|tap|press)(?: here)? to \w+(?:\s+\S+){0,3}\s*$|jump to (?:navigation|content|"
    r"search)|(?:you need to |please )?enable javascript\b|javascript (?:is )?(?:disabled|required)|"
    r"this (?:site|page|app) requires javascript|your browser does not support|"
    r"(?:share|post|tweet) (?:on|to|via) (?:twitter|x|facebook|linkedin|reddit|email|bluesky|"
    r"mastodon)\b|share this (?:article|post|story|page)\b|copy link\s*$|"
    rf"{_FOOTER}(?:\s*[|·•/]?\s*{_FOOTER})*\s*$|back to top\s*$|toggle (?:navigation|menu)|"
    r"open menu|close menu|main menu\s*$|menu\s*$|search\s*$|log ?in\s*$|sign in\s*$|"
    r"manage (?:cookies|consent|preferences)|(?:reject|decline) (?:all|cookies))",
    re.I,
)
# Counters and timestamps of an embedded social post ("12Likes3Retweets", "11:20 PM ∙ May 30, 2022").
_EMBED_LINE = re.compile(
    r"^\W*(?:\d[\d,.]*[KkMm]?\s*(?:likes?|retweets?|reposts?|replies|quotes?|comments?|shares?|"
    r"views?|bookmarks?)\W*)+(?:\]\([^)\s]*\))?\W*$|^\s*[a-z]+(?:-[a-z]+)+\s*$|^\W*\d{1,2}:\d{2}\s*(?:AM|PM)\s*[∙·•|-]\s*\w+\.? \d{1,2},? \d{4}\W*$",
    re.I,
)
_SUBSCRIBE = re.compile(
    r"\bsubscribe (?:now|today|for free|to (?:our|my|the|this) (?:\w+ )?(?:newsletter|blog|"
    r"podcast|channel|feed|list|updates))\b|\bnewsletter\b|\bsign up (?:to|for) (?:our|my|the|"
    r"this) (?:\w+ )?(?:newsletter|list|updates|briefing)\b|\bunsubscribe\b|"
    r"\bno spam\b|\bin your inbox\b|\bsubscribe wherever\b|\b(?:listener|reader)-supported\b",
    re.I,
)
# Sentences that disclaim rather than argue ("The views expressed are her own."), dropped in place.
_DISCLAIMER = re.compile(
    r"(?:^|(?<=[.!?]) )(?:the )?(?:views|opinions) expressed (?:here |in this \w+ )?(?:are|is) "
    r"(?:solely )?(?:those of )?(?:my|his|her|their|the author(?:'|’)?s?)(?: own)?[^.]*\.",
    re.I,
)
# A MediaWiki talk-page signature closing a comment ("… text. Jane_Doe (talk) 09:14, 2 February
# 2026 (UTC)"): the user name, the talk (and contributions) link and the UTC time stamp that
# "~~~~" expands to (MediaWiki Help:Signatures).
_WIKI_SIGNATURE = re.compile(
    r"(?:(?<=[.!?\"”’)\]])|^)\s*(?:[\w'’-]+\s){0,3}[\w'’-]+\s*"
    r"\((?:talk|contribs)(?:\s*[|·•]\s*contribs)?\)\s*"
    r"\d{1,2}:\d{2},\s*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s*\(UTC\)\s*$"
)
# An all-caps list of places or sections separated by dots, bars or bullets.
_CAPS_LIST = re.compile(r"^[A-Z][A-Z .'&-]+(?:\s*[·|•/]\s*[A-Z][A-Z .'&-]+){2,}\s*$")
_BYLINE = re.compile(
    r"^\s*(?:by|author\s*:|written by\s*:?)\s+([A-Z][\w.'’-]+(?:[ ,]+(?:and )?"
    r"[A-Z][\w.'’-]+){0,5})\s*$",
    re.I,
)
_DATE = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}|"
    r"\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4})\b"
)
_COMMENT_CUES = [
    r"!",
    r"\bthank(?:s| you)\b",
    r"\bwell done\b",
    r"\bgreat (?:work|post|article|read|piece|job)\b",
    r"\bkeep (?:up|it up)\b",
    r"\bnext (?:post|article)\b",
    r"\benjoy(?:ed|able)? (?:read|reading)\b",
    r"\b(?:this|your|the accompanying) (?:article|post|infographic|piece|video|blog|write-?up)\b",
    r"\b(?:exceptional|phenomenal|awesome|fantastic|brilliant|loved? (?:it|this))\b",
    r"\breply\b",
    r"\bI(?:'|’)m looking (?:forward )?to\b",
    r"\bthe author\b",
]


@dataclass
class Cleaned:
    text: str
    title: str = ""
    author: str = ""
    date: str = ""
    url: str = ""


def _same(a: str, b: str) -> bool:
    def key(x: str) -> str:
        return " ".join(re.findall(r"\w+", x.lower()))

    return bool(key(a)) and key(a) == key(b)


def is_subscribe_prompt(line: str) -> bool:
    """A newsletter or subscribe call to action (a box quoting one is chrome as a whole)."""
    return bool(_SUBSCRIBE.search(line) or re.match(r"^\W*subscribe\b", line, re.I))


def _argues(line: str) -> bool:
    """A sentence of ≥ 8 words that only names a newsletter or unsubscribing ("Our newsletter
    readers were split: …") is prose; a newsletter box's line either is no sentence or holds a
    call to action."""
    if not re.search(r"[.!?…\"”’)]\s*$", line) or len(line.split()) < 8:
        return False
    return not _SUBSCRIBE.search(re.sub(r"\b(?:newsletters?|unsubscribe)\b", " ", line, flags=re.I))


def _comment_score(line: str) -> int:
    return sum(len(re.findall(p, line, re.I)) for p in _COMMENT_CUES)


def _is_title_like(line: str) -> bool:
    s = _FLAIR.sub("", line.strip())
    words = s.split()
    return (
        0 < len(words) <= 20
        and not re.search(r"[.,;:]$", s)
        and s.lstrip("\"“‘'«")[:1].isupper()  # a headline may open with a quotation
        and not _URL_LINE.match(s)
        and not _BYLINE.match(s)  # "By Jane Doe, Research Officer"
        and not _masthead(s)
        and not never_title(s)
        and not court_name(s)
    )


def _masthead(line: str) -> bool:
    """A name in capitals of three words at most ("THE BELLWETHER", "MEMORANDUM", "UNITED
    STATES"), a row of such names ("THE LONG VIEW — INTERVIEWS": a series and its section), or a
    body's name in capitals with its initials after it ("NATIONAL UNION OF WRITERS (NUW)"): a
    publication's masthead, a document's kind or an issuing body over the title."""
    caps = line.isupper() and sum(c.isalpha() for c in line) >= 4
    parts = re.split(r"\s+[—–|·•-]\s+", line.strip())  # "THE LONG VIEW — INTERVIEWS"
    short = all(len(p.split()) <= 3 for p in parts)
    return caps and (short or bool(_INITIALS.search(line)))


_INITIALS = re.compile(r"\s\([A-Z][A-Z&]{1,7}\)\s*$")  # "… WORKERS (UCCW)"


def _caption_heading(lines: list[str], end: int) -> str:
    """A court paper's own heading in its caption above line `end` ("VIDEOTAPED DEPOSITION OF
    …"), when the text opens with the court's name: the title, in place of the court's name."""
    head = [ln for ln in lines[:end] if ln.strip()]
    if not head or not court_name(head[0]):
        return ""
    return next((clean_title(ln) for ln in head if caption_heading(ln)), "")


# Words a title line does not end on unless it wraps ("… the Case for", "… Claims That").
_OPEN_END = re.compile(
    r"\b(?:a|an|the|of|for|to|in|on|at|by|with|from|and|or|but|that|which|than|as|into|about|its|"
    r"their|our|is|are)\s*$",
    re.I,
)


def _title_wraps(lines: list[str], i: int) -> list[int]:
    """The line the title on line i wraps onto, if any: the next line, with no blank between,
    title-like but for its first letter, that starts in lower case, or follows a title line
    ending on a word that leads on ("of", "that", "the"), or with it forms a centred block (both
    indented by four spaces or more). The two together are thirty words at most."""
    if i + 1 >= len(lines) or not lines[i + 1].strip():
        return []
    a, b = lines[i], lines[i + 1]
    t = b.strip()
    if (
        len((a + " " + b).split()) > 30
        or re.search(r"[.,;:]$", t)
        or not re.match(r"[\w\"“‘'(]", t)
    ):
        return []
    if never_title(t) or _masthead(t) or _BYLINE.match(t) or _URL_LINE.match(t):
        return []
    indent = min(len(x) - len(x.lstrip()) for x in (a, b))
    return [i + 1] if t[0].islower() or _OPEN_END.search(a) or indent >= 4 else []


# A record's field line ("Commenter: Dr. Ada Lind", "Organisation: …"): a short label in the
# head of a submission, a form or a portal's record, then its value.
_RECORD_FIELD = re.compile(r"^\s*([A-Z][\w'’-]*(?: [\w'’-]+){0,2})\s*:\s+(\S.*?)\s*$")
# The labels under which a record gives its own title (a mail's or form's Subject, a filing's Re).
_TITLE_FIELD = re.compile(r"^(?:subject|title|re|regarding)$", re.I)


def _record_title(lines: list[str], head: list[int]) -> tuple[str, int] | None:
    """The title of a block of record fields among the head lines (two or more "Label: value"
    lines with no blank between them, as a comment portal or a form prints a submission's
    record, read as printed, before any of its lines was taken for chrome) that has a title
    field ("Subject:", "Title:", "Re:"): that field's value; the other
    fields ("Commenter:", "Organisation:") are never the title. The title and the block's
    first line, or None."""
    for i in head:
        block = [i]
        while block[-1] + 1 < len(lines) and _RECORD_FIELD.match(lines[block[-1] + 1]):
            block.append(block[-1] + 1)
        if len(block) < 2 or not _RECORD_FIELD.match(lines[i]):
            continue
        fields = [_RECORD_FIELD.match(lines[j]) for j in block]
        value = next((m.group(2) for m in fields if m and _TITLE_FIELD.match(m.group(1))), "")
        return (clean_title(unquoted(value)), i) if value else None
    return None


def _kicker_row(line: str, after: list[str]) -> bool:
    """A row of section labels over a headline ("Technology | Analysis", "Opinion | Energy"):
    two or more pieces split by bars, none longer than two words, right above a title-like
    line that is longer than the row. The labels file the piece; the line below is its title."""
    parts = [p for p in re.split(r"\s+\|\s+", line.strip()) if p]
    return (
        len(parts) >= 2
        and all(len(p.split()) <= 2 for p in parts)
        and bool(after)
        and _is_title_like(after[0])
        and len(after[0].split()) > len(line.split())
    )


def _title_slide(orig: list[str], lines: list[str], nonempty: list[int]) -> int | None:
    """A deck exported as text with no cover title above its first slide (only the export's
    running header, "Acme Labs — Board update — Q3 2027", and stamps): its title is the first
    line of the first slide, the title slide, a sentence ("Costs are falling. So should our
    bets.") as often as a heading. The line, when it is a short one (≤ 20 words) that is no
    counter, banner, masthead or byline; None when the text is no deck, its first slide opens
    the text, or a title-like line stands above the first slide (the deck's cover title)."""
    deck = first_slide(orig, [i for i, ln in enumerate(orig) if ln.strip()])
    if deck is None:
        return None
    if any(_is_title_like(lines[i]) and not header_row(lines[i]) for i in nonempty if i < deck):
        return None
    i = next((i for i in nonempty if i > deck), None)
    if i is None:
        return None
    s = lines[i].strip()
    bad = never_title(s) or _masthead(s) or _BYLINE.match(s) or _URL_LINE.match(s)
    return i if len(s.split()) <= 20 and not bad else None


def _head_lines(lines: list[str], nonempty: list[int], n: int = 3, skip: int = 4) -> list[int]:
    """The first n lines that may hold the title, passing over up to `skip` lines that never
    are one (a masthead, a banner row, a counter or button, a version line) on the way."""
    out: list[int] = []
    for i in nonempty:
        if len(out) >= n:
            break
        if skip and (_masthead(lines[i].strip()) or never_title(lines[i])):
            skip -= 1
            continue
        out.append(i)
    return out


# A code host's issue number after its title ("Does X hold? #512"), after three words or more.
_ISSUE_NO = re.compile(r"^((?:\S+\s+){2,}\S+)\s+#\d{1,7}$")


# A mailing list's subject tag and reply/forward prefixes (Mailman's "[list-name]" subject
# prefix, RFC 5322 "Re:"), in any order, before a mail's subject.
_LIST_TAG = re.compile(r"^(?:\s*(?:(?-i:\[[a-z0-9][a-z0-9._-]*\])|(?:re|fwd?|aw)\s*:))+\s*", re.I)


# A forum post's flair in square brackets before its title ("[Discussion] Is …", "[D] …"): the
# board's label for the kind of post (Reddit's link flair and the one-letter tags of its research
# boards), not the title's words. A tag that says something of the post ("[Updated] …") stays.
_FLAIR = re.compile(
    r"^\[(?:[DRPN]|OC|discussion|question|research|project|news|serious|meta|help|opinion|poll|"
    r"rant|advice)\]\s+(?=\S)",
    re.I,
)

# A post's page title as Mastodon writes it: the poster's name (two to four words), a colon,
# then the post quoted whole ('Jane Doe: "Thread: …"'); the post is the title. (A one-word
# label before a quoted name, 'Review: "The Long Slope"', is not a poster's name.)
_NAME_QUOTES = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*\s*:\s+(?=[\"“])")

# A social network's page title: the poster's name, the network, then the post ("Jane Doe on
# LinkedIn: …", 'Jane Doe on X: "…"'); the post is the title.
_ON_NETWORK = re.compile(
    rf"^(?:[A-Z][\w.'’-]*\s+){{1,3}}[A-Z][\w.'’-]*\s+on\s+(?i:{pattern('chrome_networks')})\s*:\s+(?=\S)"
)
_LAST_PART = re.compile(r"\s+[|–—·•]\s+([^|–—·•]+)$")


# The last part of a title after a dash that is a phrase in lower case ("… - as it happened",
# "… – live updates"): the title's own tail, since a site's or series' name is a name (in
# capitals, or one word: "example.com").
_TAIL_PHRASE = re.compile(r"^[a-z][a-z'’]*(?:\s+[a-z][a-z'’]*)+$")


def clean_title(title: str) -> str:
    """Drop a site suffix: 'Can Scaling Lead to AGI? | 5Y View' -> 'Can Scaling Lead to AGI?'."""
    title = _ISSUE_NO.sub(r"\1", title.strip())
    title = _LIST_TAG.sub("", title)  # "[ai-forecasting] Re: Will …" -> "Will …"
    if m := _ON_NETWORK.match(title):
        title = unquoted(title[m.end() :])
    title = _FLAIR.sub("", title)  # "[Discussion] Is …" -> "Is …"
    # A counter or button after the title ("… | 312 comments", a social page's <title>).
    while (m := _LAST_PART.search(title)) and never_title(m.group(1)) and m.start() > 0:
        title = title[: m.start()].strip()
    bits = re.split(r"(\s+[|–—]\s+|\s+-\s+(?=[^-]{1,30}$))", title)
    parts = bits[:1]
    for sep, part in zip(bits[1::2], bits[2::2], strict=True):
        if _TAIL_PHRASE.match(part) and "|" not in sep:
            parts[-1] += sep + part  # "… - as it happened": the title's own tail
        else:
            parts.append(part)
    title = (
        max(parts[:-1], key=len)
        if len(parts) > 1 and len(parts[-1]) < len(parts[0])
        else title.strip()
    )
    if (m := _NAME_QUOTES.match(title)) and (post := unquoted(title[m.end() :])) != title[
        m.end() :
    ]:
        title = post  # 'Jane Doe: "Thread: …"' -> "Thread: …"
    return title


def _endnotes(lines: list[str], i: int) -> bool:
    """Whether line i is a "Notes" heading over a numbered note."""
    if not _NOTES_HEADING.match(lines[i]):
        return False
    nxt = next((ln for ln in lines[i + 1 :] if ln.strip()), "")
    return bool(_NOTE_ITEM.match(nxt))


# The author's short bio, a section of a guide or a book page that other sections may follow.
_BIO_HEADING = re.compile(r"^\s*about the (?:authors?|writers?)\s*[.:]?\s*$", re.I)


def _section_after(lines: list[str], i: int) -> int | None:
    """The next section's heading after the bio under line i, when that section holds two or
    more paragraphs of prose or questions (a reading group guide's "Questions for discussion"
    after "About the author"): the bio is at most three paragraphs, the heading a short line
    after a blank line, and no tail heading."""
    paragraphs = 0
    for j in range(i + 1, len(lines)):
        s = lines[j].strip()
        if not s:
            continue
        heading = (
            not lines[j - 1].strip()
            and len(s.split()) <= 8
            and not re.search(r"[.!?,;:…]$", s)
            and s[0].isupper()
        )
        if heading and paragraphs:
            if _TAIL_HEADING.match(s) or _ABOUT_ORG.match(s):
                return None
            body = [ln for ln in lines[j + 1 : j + 30] if ln.strip()]
            argued = [
                ln for ln in body if len(ln.split()) >= 8 and re.search(r"[.?!…\"”’)]$", ln.strip())
            ]
            return j if len(argued) >= 2 else None
        paragraphs += 1
        if paragraphs > 3:
            return None
    return None


def _prose_after(lines: list[str], i: int, limit: int = 3) -> int:
    """How many prose paragraphs (≥ 20 words, ending a sentence) follow line i (counted to limit)."""
    n = 0
    for ln in lines[i + 1 :]:
        s = ln.strip()
        if len(s.split()) >= 20 and re.search(r"[.!?…\"”’)]$", s):
            n += 1
            if n >= limit:
                break
    return n


def _neighbours(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The format rules that look at a line's neighbours or position (calls, hearings, chat
    exports, documents; exports, decks, event pages, transcript records; museum texts, official
    records, books of abstracts, marked essays, forum exports, quoted mail; research notes and
    parish notices; briefs' signature blocks, 10-K covers and advice columns; depositions,
    patents and memos; RFC memos, list digests, panel summaries and hearings)."""
    find_format_chrome(lines, idx, chrome)
    find_export_chrome(lines, idx, chrome)
    find_template_chrome(lines, idx, chrome)
    find_record_chrome(lines, idx, chrome)
    find_notice_chrome(lines, idx, chrome)
    find_filing_chrome(lines, idx, chrome)
    find_paperwork_chrome(lines, idx, chrome)
    find_memo_chrome(lines, idx, chrome)
    find_manual_chrome(lines, idx, chrome)
    find_service_chrome(lines, idx, chrome)


def clean_text(text: str, *, find_title: bool = True, title: str = "", author: str = "") -> Cleaned:
    """Return the article body of `text` with page chrome removed, plus any metadata found.

    `title` and `author`, when the caller knows them (HTML metadata, Markdown front matter), let
    a repeated title line and the author's bio box be recognised as chrome. A markup source (Org,
    LaTeX, reStructuredText) or a committee report loses its settings and furniture first
    (model/importer/sources.py), and names its own title and author."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    src = read_source(text) or read_manual(text) or read_service(text)
    if src is None:
        c = _clean_text(text, find_title=find_title, title=title, author=author)
        c.title = recased(c.title, c.text)
        return c
    own = find_title and bool(src.title)
    c = _clean_text(
        src.text,
        find_title=find_title and not own,
        title=title or src.title,
        author=author or src.author,
    )
    if own:
        c.title = clean_title(src.title)
    c.author = c.author or src.author
    return c


# A word in the text after a word that ends in a lower-case letter, digit or comma: mid-sentence,
# where its case is its own ("AI", "Epoch", "frontier"), not a sentence's capital.
_MID_WORD = re.compile(r"(?<=[a-z0-9,;])\s+([A-Za-z][A-Za-z'’-]*)")
_TITLE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def recased(title: str, text: str) -> str:
    """A long headline set in capitals (nine words or more, no letter in lower case: "AN OPEN
    LETTER TO … AI COMPANIES: STOP …"), in the case a reader retypes it in: each word as the
    text writes it mid-sentence, its most frequent form ("AI", "Epoch", "frontier"), lower case
    when the text has it nowhere, and the first letter a capital (sentence case). A short
    heading in capitals ("SESSION 4B", "WHERE WE STAND") is display type and stays as printed,
    as does any title with a letter in lower case."""
    letters = [c for c in title if c.isalpha()]
    if not letters or not all(c.isupper() for c in letters) or len(title.split()) < 9:
        return title
    forms: dict[str, dict[str, int]] = {}
    for m in _MID_WORD.finditer(text):
        seen = forms.setdefault(m.group(1).lower(), {})
        seen[m.group(1)] = seen.get(m.group(1), 0) + 1

    def form(m: re.Match[str]) -> str:
        seen = forms.get(m.group().lower())
        return max(seen, key=lambda f: (seen[f], f)) if seen else m.group().lower()

    out = _TITLE_WORD.sub(form, title)
    k = next(i for i, c in enumerate(out) if c.isalpha())
    return out[:k] + out[k].upper() + out[k + 1 :]


def _clean_text(text: str, *, find_title: bool, title: str, author: str) -> Cleaned:
    lines = [
        strip_paragraph_number(strip_footer(strip_notes(strip_inline(ln.rstrip()))))
        for ln in strip_line_numbers(text.split("\n"))
    ]
    out = Cleaned("")
    nonempty = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonempty:
        return out
    # Position is measured in prose characters, so a long link list does not hide its own heading.
    weights = [0 if _URL_LINE.match(ln) else len(ln) + 1 for ln in lines]
    total = sum(weights)

    # Page chrome (skip links, script warnings, share bars, nav menus) goes first, so the title is
    # looked for among the article's own lines.
    # Lines that are chrome by their own words go first, then the rules that look at neighbours
    # and position (model/importer/chrome.py) see them.
    known = {
        i
        for i in nonempty
        if _CHROME_LINE.match(lines[i])
        or _EMBED_LINE.match(lines[i])
        or (
            _DROP_LINE.match(lines[i])
            and not _TAIL_HEADING.match(lines[i])  # the tail rules below still need these
            and not _TAIL_CREDIT.match(lines[i])
            and not _BYLINE.match(lines[i])
        )
        or not re.search(r"[^\W_]", lines[i])  # a divider ("⁂", "* * *") has no letter or digit
        or _ORNAMENT.match(lines[i])  # a court reporter's "--oOo--"
        or is_furniture(lines[i])  # transcript, ad and newsletter furniture
        or is_format_line(lines[i])  # calls, hearings, chat exports, documents
        or is_footer_row(lines[i])  # page stamps and handling markings in a footer row
        or is_template_line(lines[i])  # issue timelines, broadcasts, letters pages, forms
        or is_record_line(lines[i])  # museum text, official records, abstracts, marked essays
        or is_notice_line(lines[i])  # research notes, parish/union print, awards, chat
        or is_filing_line(lines[i])  # briefs, filings, flows, READMEs, exam reports, minutes
        or is_paperwork_line(lines[i])  # depositions, patents, written answers, job posts …
        or is_memo_line(lines[i])  # RFC memos, list digests, panel summaries, hearings …
        or is_source_line(lines[i])  # speech delivery headers, sermon headers and notices
        or is_manual_line(lines[i])  # signing pages, shop reviews, report running headers
        or is_service_line(lines[i])  # registries, transcribers, deck exports, newsletters
    }
    closing = {i for i in nonempty if _TAIL_CREDIT.match(lines[i]) and len(lines[i].split()) <= 25}
    page = find_chrome(
        lines,
        author=author,
        known=known,
        closing=closing,
        extra=_neighbours,
        thread=issue_page(lines),  # an issue's comments are its discussion, never cut
    )
    out.author, out.date = page.author, page.date
    record = roster(lines)  # a transcript's participant list is its record
    chrome = set(page.lines) - record
    # What the rules' formats share, if the model is sure; a text's first line is its title's,
    # and a closing credit is left to the tail rules below (it may close the article).
    first = frozenset(nonempty[:1]) if find_title else frozenset()
    chrome |= learned_chrome(lines, chrome | record, keep=first | frozenset(closing))
    # The title the caller already has, repeated on top of the text (an HTML h1, <title>); and
    # the title found in the page's fields (a mail's Subject) printed on top with its list tag
    # or reply prefix ("[ai-policy] Re: …", a mail archive's header line).
    top = [i for i in nonempty if i not in chrome][:3]
    if title:
        chrome.update(i for i in top if _same(lines[i], title))
    if page.title:
        tagged = [i for i in top if _LIST_TAG.match(lines[i]) and _LIST_TAG.sub("", lines[i])]
        chrome.update(i for i in tagged if _same(clean_title(lines[i]), clean_title(page.title)))
    head_end = next((i for i in nonempty if i not in chrome and is_prose(lines[i])), len(lines))
    orig = list(lines)
    for i in sorted(chrome):
        if i < head_end:  # metadata in a byline or date line above the first paragraph
            dm, bm = _DATE.search(lines[i]), _BYLINE.match(lines[i])
            out.date = out.date or (dm.group(1) if dm and len(lines[i].split()) <= 12 else "")
            out.author = out.author or (bm.group(1).strip(" ,") if bm else "")
        lines[i] = ""
    nonempty = [i for i in nonempty if i not in chrome]
    if not nonempty:
        return out

    # Front matter: the title is the first title-like line among the first three; a short teaser
    # before it (a meta description) is not article text. Failing that, a short first line.
    start = 0
    if find_title and page.title:
        out.title = clean_title(page.title)
    elif find_title and (heading := _caption_heading(orig, head_end)):
        out.title = heading  # a caption's own heading, not the court named above it
    elif find_title and (record := _record_title(orig, _head_lines(lines, nonempty))):
        out.title, start = record  # a submission's record: its Subject, not its Commenter;
        # the record stays in the text (who comments, for whom, on what), what is above it goes
    elif find_title and (slide := _title_slide(orig, lines, nonempty)) is not None:
        out.title = lines[slide].strip()  # a deck's title slide, whatever the export put above
        start = slide + 1
    elif find_title:
        heads = _head_lines(lines, nonempty)
        for k, i in enumerate(heads):
            if _kicker_row(lines[i], [lines[j] for j in heads[k + 1 : k + 2]]):
                continue
            if _is_title_like(lines[i]):
                if all(len(lines[j].split()) <= 60 for j in nonempty[:k]):
                    more = _title_wraps(lines, i)
                    out.title = clean_title(" ".join(lines[j].strip() for j in (i, *more)))
                    start = (more or [i])[-1] + 1
                break
        first = lines[nonempty[0]].strip()
        if (
            not out.title
            and len(nonempty) > 1  # a one-line text is all body
            and len(first.split()) <= 12
            and not _BYLINE.match(first)
            and not never_title(first)
            and not _masthead(first)
            and not court_name(first)
        ):
            out.title = clean_title(first.rstrip(" .:;,"))
            start = nonempty[0] + 1

    # A chat export whose header gives no one-phrase topic: its channel is its title, not its
    # topic line when that is a notice of several sentences ("Topic: Weekly thread. Be civil.").
    if find_title and page.channel and not page.title:
        topic = re.match(r"^\s*topic\s*:\s*(.*)$", out.title, re.I)
        if not out.title or (topic and re.search(r"[.!?]\s+\S", topic.group(1))):
            out.title = page.channel

    # Tail: cut where reader comments start, or at the first tail heading or credit line in the
    # last part of the text.
    end = page.cut if page.cut is not None and page.cut > start else len(lines)
    pos = 0
    credits: set[int] = set()
    for i, ln in enumerate(lines[:end]):
        if i >= start and pos >= 0.5 * total:
            head = orig[i] if i in page.headings else ln
            if _TAIL_HEADING.match(head) or _ABOUT_ORG.match(head) or _endnotes(lines, i):
                after = _section_after(lines, i) if _BIO_HEADING.match(head) else None
                if after is not None:  # a short bio between sections: it alone goes
                    credits.update(range(i, after))
                    pos += weights[i]
                    continue
                end = i
                break
            if _TAIL_CREDIT.match(ln):
                # A credit line closes the article only when no article text follows it; in the
                # middle (two pieces in one file, a credit between sections) it alone goes.
                if _prose_after(lines, i) < 2:
                    end = i
                    break
                credits.add(i)
        pos += weights[i]
    # Trailing reader comments, recognised by praise, thanks and exclamations.
    while end > start:
        j = max((i for i in range(start, end) if lines[i].strip()), default=None)
        if j is None or _comment_score(lines[j]) < 3:
            break
        end = j

    kept: list[str] = []
    for i in range(start, end):
        ln = lines[i]
        s = ln.strip()
        if not s:
            kept.append("")
            continue
        m = _BYLINE.match(s)
        if m and len(s.split()) <= 8:
            out.author = out.author or m.group(1).strip(" ,")
            continue
        if i < start + 8 and not out.date:
            dm = _DATE.search(s)
            if dm and len(s.split()) <= 8:
                out.date = dm.group(1)
                continue
        if i in credits or (_TAIL_CREDIT.match(s) and len(s.split()) <= 25):
            continue
        url_m = re.match(
            r"^\s*(?:original (?:source|url)|source|url)\s*:\s*(https?://\S+)", s, re.I
        )
        if url_m:
            out.url = out.url or url_m.group(1)
            continue
        if (
            _DROP_LINE.match(s)
            or _URL_LINE.match(s)
            or _CAPS_LIST.match(s)
            or (_NOTICE.search(s) and len(s.split()) <= 30)
            or (_SUBSCRIBE.search(s) and len(s.split()) <= 25 and not _argues(s))
        ):
            continue
        ln = strip_stage(trim(_DISCLAIMER.sub("", _WIKI_SIGNATURE.sub("", ln)))).rstrip()
        if ln.strip():
            kept.append(ln)
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip("\n")
    out.text = body
    return out
