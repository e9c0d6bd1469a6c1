"""Furniture of deposition transcripts, patent publications, defence and hearing transcripts,
written parliamentary answers, petition pages, job postings, obituary pages, textbook boxes and
referral memos (eleventh round).

Each rule follows how the format is printed, never an article; the word lists are
data/chrome_heads, _postings and _apparatus.txt, each naming its source:

- **Deposition transcripts.** The title page (court reporters' formats, FRCP 30(f), NCRA
  guidelines): the court named in capitals ("NORTHERN DISTRICT OF CALIFORNIA") over the caption
  box, whose lines close with the ")" column ("SECURITIES LITIGATION )"); the "(VIDEOTAPED)
  DEPOSITION OF …" line and the place and date lines under it; the reporter's job number; a
  protective-order designation ("HIGHLY CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER"); the
  reporting firm's footer row with its telephone or web address, printed on every page.
- **Patent publications.** The front page's INID-coded fields (WIPO Standard ST.9: "(54)
  Title", "(71) Applicant", "(21) Appl. No.", "(51) Int. Cl."), two or more of them; the drawing
  sheet stamp ("Sheet 3 of 7", 37 CFR 1.84(t)) and a note that a figure is omitted; the
  paragraph numbers before each paragraph ("[0003] …", 37 CFR 1.52(b)(6)) are cut off the line.
- **Transcripts and memos.** A head or foot block of two or more field rows ("Candidate: …",
  "Date: … · Room: …", "Insured: … · Broker: …"; data/chrome_heads.txt), even when one of them
  is as long as a paragraph (a committee's list of names); a note on how the transcript was
  made ("auto-generated", "disfluencies removed") or a restriction on the document itself
  ("This transcript … is not for publication without …"), at the head or foot of the text; a
  due-date notice ("Corrections due: … Submit via …"); a handling
  marking row ("Confidential · internal use only · not an offer of insurance"); a sign-off
  field left blank ("Reviewed by: ________") and the attachments row ("Attachments: A. … · B. …").
- **Written parliamentary answers** (the UK Parliament's written questions service, Hansard
  conventions): "Question for the Department …", "Asked by …", "Answered by …", "Answered on
  <date>", "UIN 41872, tabled on <date>", "Grouped answer(s): …"; the service's search row
  ("Search … | Advanced search | Help …") and its note on its own coverage ("… covers questions
  tabled since 2014. Answers are published as given …"); an open licence named on its own line
  ("Open Parliament Licence", "Open Government Licence v3.0").
- **Petition pages** (UK Parliament and government petitions sites): the signature threshold
  line ("At 100,000 signatures, this petition will be considered for debate") and the
  petition's buttons.
- **Job postings** (applicant-tracking job pages): the apply buttons, the application
  instruction ("Upload your CV …"), and the equal-opportunity statement (EEOC "equal
  opportunity employer … without regard to race, …", with its accommodation line).
- **Obituary pages**: a comments-closed notice ("Comments are closed on obituaries. Why?"), a
  call to submit a piece ("Know of someone …? Submit a tribute"), guest-book widgets.
- **Textbook boxes**: the note on the book's ancillaries ("Answers to odd-numbered exercises
  are on the companion website. Instructors: see … test bank."), every sentence one.
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import is_prose
from model.importer.lexicon import pattern
from model.importer.notices import _n, _pieces, _sentences

_END = re.compile(r"[.!?…]\s*$")
# A telephone number, an e-mail or a web address in a footer row.
_CONTACT = re.compile(
    r"\(\d{3}\)\s*\d{3}[-\s]\d{4}|\+?\d[\d ()-]{7,}\d|[\w.+-]+@[\w-]+\.\w|https?://|\bwww\.|"
    r"\b[\w-]+\.(?:com|org|net|co\.uk|org\.uk|gov|edu|io|example)\b",
    re.I,
)
# A handling marking: one piece of a marking row (US protective orders' designations, UK
# Government Security Classifications, corporate handling notes, insurers' "not an offer").
_MARK = re.compile(
    r"^\W*(?:(?:highly |strictly |private (?:and|&) )?confidential|privileged(?: (?:and|&) "
    r"confidential)?|(?:for )?internal(?: [\w-]+){0,2} use only|(?:for )?internal use|"
    r"not for (?:distribution|circulation|publication|external (?:use|distribution))|"
    r"not an offer (?:of|to) [\w ]{1,30}|do not (?:distribute|forward|copy)|restricted|"
    r"commercial in confidence|subject to (?:the )?protective order|attorneys['’]? eyes only|"
    r"outside counsel['’]?s? eyes only|without prejudice|for settlement purposes only)\W*$",
    re.I,
)
_MARK_SPLIT = re.compile(r"\s*[|·•]\s*|\s+[-–—]\s+")


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    i = re.I
    return {
        # Depositions.
        "court": re.compile(
            r"^\W*(?:IN THE |FOR THE )?(?:(?:UNITED STATES|U\.S\.|STATE|SUPERIOR|SUPREME|DISTRICT|"
            r"CIRCUIT|COUNTY|FAMILY|CHANCERY|HIGH|CROWN|BANKRUPTCY|APPELLATE|MUNICIPAL) )+COURT\b|"
            r"^\W*(?:IN AND )?(?:FOR THE )?(?:(?:NORTHERN|SOUTHERN|EASTERN|WESTERN|CENTRAL|MIDDLE) )?"
            r"(?:DISTRICT|COUNTY|STATE|COMMONWEALTH|PARISH) OF [A-Z]"
        ),
        "deposition": re.compile(
            r"^\W*(?:(?:VIDEOTAPED|VIDEO-?RECORDED|VIDEO|REMOTE|ORAL|VIRTUAL|CONTINUED|TELEPHONIC|"
            r"VIDEOCONFERENCE|AUDIO|CONFIDENTIAL|HIGHLY|TRANSCRIPT OF(?: THE)?|REPORTER['’]S "
            r"TRANSCRIPT OF)\s+)*(?:DEPOSITION|EXAMINATION UNDER OATH|SWORN STATEMENT)\s+OF\s+[A-Z]"
        ),
        # An examination's heading ("CROSS-EXAMINATION", "BY MR. ROE (Counsel for …):").
        "examination": re.compile(
            r"^\W*(?:(?:(?:DIRECT|CROSS|REDIRECT|RECROSS|FURTHER|CONTINUED|RE)[- ]?)*EXAMINATION"
            r"(?: OF [A-Z][A-Z .,'’-]+)?\s*$|(?:(?:(?:DIRECT|CROSS|REDIRECT|RECROSS|FURTHER)[- ]?)*"
            r"EXAMINATION\s+)?BY (?:MR|MRS|MS|MISS|DR|MX)\.? [A-Z][A-Z'’-]+(?: [A-Z][A-Z'’-]+)*"
            r"(?:\s*\([^)]{1,60}\))?\s*:?\s*$)"
        ),
        "job": re.compile(
            r"^\W*(?:reporter['’]?s? )?(?:job|assignment|order|transcript) (?:no\.?|number|#)\s*:?\s*"
            r"[\w/-]*\d",
            i,
        ),
        # Patents.
        "inid": re.compile(r"^\W{0,2}\(\s?[1-9]\d\s?\)\s+\S|\S\s{2,}\(\s?[1-9]\d\s?\)\s+[A-Z]"),
        "sheet": re.compile(r"^\W*sheet \d{1,3} of \d{1,3}\b", i),
        "figure": re.compile(
            r"^\W*\[?(?:fig(?:ure)?s?\.?)\s*\d{1,3}[a-z]?\b[^.]{0,80}\b(?:omitted|not (?:reproduced|"
            r"shown|included))\b",
            i,
        ),
        # Head and foot blocks.
        "field": re.compile(
            r"^\W*(?P<label>[A-Z][\w'’&/.-]*(?: [\w'’&/.()-]+){0,3}?(?: no\.)?)\s*(?::\s*\S|"
            r"(?<=no\.)\s*\S)"
        ),
        "head_label": re.compile(rf"^\W*(?:{pattern('chrome_heads')})\W*$", i),
        # A note opens with its cue (after "The", "This", "All" at most).
        "apparatus": re.compile(
            rf"^\W*(?:(?:the|this|all|our|a|an)\s+)?(?:{pattern('chrome_apparatus')})", i
        ),
        "self": re.compile(
            r"^\W*(?:this|the) (?:transcript|document|record|recording|memo(?:randum)?|report|"
            r"paper|draft|file|minutes|note)s?\b[^.]{0,80}\b(?:(?:is|are) not (?:for|to be) "
            r"(?:publication|published|circulation|circulated|distribution|distributed|quotation|"
            r"quoted|citation|cited|reproduction|reproduced)|(?:may|must|should) not be "
            r"(?:published|quoted|cited|circulated|distributed|reproduced|shared))\b[^.]{0,60}"
            r"\bwithout\b",
            i,
        ),
        "due": re.compile(r"^\W*(?:(?-i:[A-Z])[\w-]*(?: [\w-]+){0,2} due|deadline)\s*:\s*\S", i),
        "submit_via": re.compile(
            r"^\W*(?:please )?(?:submit|upload|send|return|e-?mail)\b[^.]{0,80}\b(?:via|through|"
            r"using|on|at|to)\b",
            i,
        ),
        "sign_off": re.compile(
            r"^\W*(?:[\w-]+ ){0,2}(?:reviewed|approved|signed|authori[sz]ed|checked|countersigned|"
            r"agreed|accepted|witnessed)(?: by)?\s*:\s*(?:_{2,}|\.{4,}|…{2,})",  # Markdown leaves "__"
            i,
        ),
        "attachments": re.compile(
            r"^\W*(?:attachments?|enclosures?|encl\.?|appendices|annexes|exhibits)\s*:\s*"
            r"\(?[A-Z1-9][.)]\s+\S",
            i,
        ),
        # Written answers.
        "question_for": re.compile(
            r"^\W*(?:written )?question (?:for|to) (?:the )?(?:department|ministry|minister|"
            r"secretary|office|treasury|cabinet|prime minister|home office|foreign|attorney)\b",
            i,
        ),
        "asked": re.compile(
            r"^\W*(?i:asked|answered|tabled|corrected) (?i:by|on)\s+(?:(?i:the) |(?:Mr|Mrs|Ms|Miss|"
            r"Mx|Dr|Sir|Dame|Lord|Lady|Baroness|Baron|Prof)\b|[A-Z][\w'’-]+ [A-Z]|\d)|"
            r"^\W*(?i:holding answer (?:received|given))\b"
        ),
        "uin": re.compile(r"^\W*UIN\s*:?\s*[A-Z]?\d{2,}\b"),
        "grouped": re.compile(r"^\W*grouped (?:answers?|questions?)\s*:", i),
        "search_piece": re.compile(
            r"^(?:advanced search|search(?: [\w'’-]+){0,3}|help(?: (?:with|using) [\w ]{1,25}| and "
            r"guidance)?|browse(?: [\w-]+){0,3}|a[-–]z(?: index)?|filter(?: results)?)$",
            i,
        ),
        "search_row": re.compile(r"^\W*search\b[\w ]{0,30}\badvanced search\b[\w ]{0,40}$", i),
        "service": re.compile(
            r"^\W*(?:the|this) (?:[\w-]+ ){0,4}(?:service|database|archive|site|register|collection) "
            r"(?:covers|includes|holds|contains|lists)\b[^.]{0,80}\b(?:since|from|after) \d{4}\b",
            i,
        ),
        "service_note": re.compile(
            r"\b(?:are|is) (?:published|reproduced|printed|shown) as (?:given|supplied|submitted|"
            r"received|provided|tabled)\b|\b(?:are|is) not (?:edited|corrected|checked|verified)\b",
            i,
        ),
        "licence": re.compile(
            r"^\W*open (?:[A-Z][\w-]*\s){1,2}licen[cs]e(?:\s+v?\d+(?:\.\d+)?)?\W*$", i
        ),
        # Petitions, job postings, obituaries.
        "threshold": re.compile(
            r"^\W*at [\d,.]+\s?k? signatures?,? (?:this petition|the (?:government|department|council"
            r"|parliament|assembly|committee|minister)|government|parliament|it) (?:will|would|"
            r"must|gets?|can)\b[^.!?,;]{0,60}\.?\s*$|^\W*(?:the )?(?:government|parliament) (?:will )?"
            r"(?:responds?|considers?) (?:to )?all petitions (?:that|which) (?:get|reach|receive) "
            r"(?:more than |over )?[\d,]+ signatures\b[^.!?]{0,40}\.?\s*$|^\W*this response was "
            r"(?:given|published) on\b[^.!?]{0,30}$",
            i,
        ),
        "control": re.compile(rf"^\W*(?:{pattern('chrome_postings')})\W*$", i),
        "instruction": re.compile(
            r"^\W*(?:please )?(?:upload|attach|send|submit|include) (?:your|a|an) (?:\w+ )?"
            r"(?:cv|c\.v\.|résumé|resume|cover letter|portfolio|application)\b",
            i,
        ),
        # The statement opens with the employer's name, or with who is considered.
        "eeo": re.compile(
            r"^\W*(?:(?-i:[A-Z])[\w&.'’-]*\s+){1,6}(?:is|are) (?:an? )?(?:proud )?equal "
            r"(?:employment )?opportunit(?:y|ies)(?: and affirmative action)? employers?\b|"
            r"^\W*(?:we|all|qualified)\b[^.]{0,60}\b(?:applicants|candidates)\b[^.]{0,80}\bwithout "
            r"regard to (?:their )?(?:race|colou?r|religion|sex|age|gender|disability|national "
            r"origin)\b",
            i,
        ),
        "eeo_more": re.compile(
            r"\b(?:reasonable )?(?:accommodations?|adjustments?)\b|\b(?:diversity|diverse|inclusion|"
            r"inclusive|discriminat\w*|protected (?:characteristics?|status|veteran))\b",
            i,
        ),
        "closed": re.compile(
            r"^\W*(?:comments?|commenting|replies) (?:are|is|have been|has been) (?:now )?(?:closed|"
            r"disabled|turned off|switched off|not (?:enabled|available|open))(?: (?:on|for|under) "
            r"(?:this|these|the|all)? ?[\w-]+(?: [\w-]+){0,2})?\s*[.!]?(?:\s+(?:why\s*\??|"
            r"find out (?:more|why)|learn more|read (?:more|why)|more info(?:rmation)?)\W*)?$",
            i,
        ),
        "submit_call": re.compile(
            r"^\W*(?:submit|send|share|write|nominate|tell us about) (?:us )?(?:an?|your) (?:[\w'’-]+ )"
            r"{0,3}(?:piece|obituary|tribute|story|memories|letter|notice|nomination|appreciation|"
            r"death notice)\W*$",
            i,
        ),
    }


def strip_paragraph_number(line: str) -> str:
    """A line without a patent publication's paragraph number ("[0003] Over the past decade …",
    37 CFR 1.52(b)(6): four digits in brackets before each paragraph)."""
    return re.sub(r"^(\s*)\[\d{4,5}\]\s+", r"\1", line) if line.lstrip()[:1] == "[" else line


# A transcript page's line number before the testimony ("  7     Q. And that's true?"), and the
# turn it numbers: a question, an answer or a speaker's label.
_LINE_NO = re.compile(r"^(\s*)(\d{1,2})\s{2,}(?=\S)")
_TURN = re.compile(
    r"^(?:Q|A)\.\s|^(?:BY |THE )?[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?: \([^)]*\))?:"
)


def strip_line_numbers(lines: list[str]) -> list[str]:
    """The lines without a deposition or court transcript's line numbers (1 to 25 down each
    page, FRCP 30 and court reporters' page formats): a run of five or more lines numbered one
    after another, three of them questions, answers or speakers' turns."""
    out = list(lines)
    run: list[int] = []

    def flush() -> None:
        if len(run) >= 5 and sum(bool(_TURN.match(_LINE_NO.sub("", out[i]))) for i in run) >= 3:
            for i in run:
                out[i] = _LINE_NO.sub(r"\1", out[i])

    for i, line in enumerate(lines):
        if not line.strip():
            continue
        m = _LINE_NO.match(line)
        if m and run and int(m[2]) == int(_LINE_NO.match(lines[run[-1]])[2]) + 1:
            run.append(i)
            continue
        flush()
        run = [i] if m else []
    flush()
    return out


def is_marking_row(line: str) -> bool:
    """A row of handling markings ("Confidential · internal use only · not an offer of
    insurance", "HIGHLY CONFIDENTIAL - SUBJECT TO PROTECTIVE ORDER")."""
    s = line.strip()
    if _n(s) > 20 or _END.search(s):
        return False
    parts = [p for p in _MARK_SPLIT.split(s) if p.strip()]
    return len(parts) >= 2 and all(_MARK.match(p) for p in parts)


def court_name(line: str) -> bool:
    """A court named in capitals at the head of a caption ("UNITED STATES DISTRICT COURT",
    "IN THE COURT OF APPEAL OF …", "NORTHERN DISTRICT OF CALIFORNIA"): the court the paper is
    filed in, not its title."""
    s = line.strip()
    named = _rx()["court"].match(s) or re.search(r"\b(?:COURT|TRIBUNAL)\b", s)
    return s.isupper() and _n(s) <= 12 and bool(named)


def caption_heading(line: str) -> bool:
    """A deposition transcript's own heading in its caption ("VIDEOTAPED DEPOSITION OF …"):
    the document's title, below the court and the case."""
    s = line.strip()
    return _n(s) <= 15 and bool(_rx()["deposition"].match(s))


def _deposition(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 15 and (rx["deposition"].match(s) or rx["examination"].match(s)):
        return True
    return n <= 15 and not _END.search(s) and bool(rx["job"].match(s))


def _patent(s: str, n: int) -> bool:
    rx = _rx()
    return (n <= 20 and bool(rx["sheet"].match(s))) or (n <= 25 and bool(rx["figure"].match(s)))


def _answers(s: str, n: int) -> bool:
    """A written answer's header lines, the service's search row and its licence line."""
    rx = _rx()
    # No sentence: the line may end in a member's name in brackets ("(Hon. A. Roe)").
    closed = not _END.search(s) or s.endswith(")")
    if n <= 25 and closed and (rx["question_for"].match(s) or rx["asked"].match(s)):
        return True
    if n <= 25 and (rx["uin"].match(s) or rx["grouped"].match(s)):
        return True
    pieces = _pieces(s)
    if n <= 20 and len(pieces) >= 2 and all(rx["search_piece"].match(p) for p in pieces):
        return any(p.lower().startswith(("search", "advanced search")) for p in pieces)
    if n <= 14 and rx["search_row"].match(s):  # the row read as a Markdown table, bars gone
        return True
    return n <= 8 and bool(rx["licence"].match(s))


def is_eeo_statement(line: str) -> bool:
    """An equal-opportunity statement: one sentence says it, the others are about it (who is
    considered, adjustments on request)."""
    rx = _rx()
    sents = _sentences(line)
    return (
        _n(line) <= 100
        and any(rx["eeo"].search(x) for x in sents)
        and all(rx["eeo"].search(x) or rx["eeo_more"].search(x) for x in sents)
    )


def _postings(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 8 and rx["control"].match(s):
        return True
    if n <= 40 and rx["threshold"].match(s):
        return True
    if n <= 40 and all(rx["instruction"].match(x) for x in _sentences(s)):
        return True
    if is_eeo_statement(s):
        return True
    if n <= 20 and rx["closed"].match(s):
        return True
    sents = _sentences(s)
    return (
        n <= 30
        and bool(rx["submit_call"].match(sents[-1]))
        and all(x.rstrip().endswith("?") for x in sents[:-1])
    )


def _notes(s: str, n: int) -> bool:
    rx = _rx()
    if n <= 30 and not _END.search(s) and (rx["sign_off"].match(s) or rx["attachments"].match(s)):
        return True
    if is_marking_row(s):
        return True
    sents = _sentences(s)
    return (
        n <= 40
        and bool(rx["due"].match(sents[0]))
        and all(rx["submit_via"].match(x) for x in sents[1:])
    )


def is_paperwork_line(line: str) -> bool:
    """A line that is one of these formats' furniture by its own words (see the module's doc)."""
    s = line.strip()
    n = _n(s)
    if not s or n > 120:
        return False
    return _deposition(s, n) or _patent(s, n) or _answers(s, n) or _postings(s, n) or _notes(s, n)


def is_self_note(line: str) -> bool:
    """A note the document makes about itself, every sentence one: how a transcript was made,
    the book's ancillaries, that it may not be published without consent, or what a record
    service covers. Counted at the head or foot of the text only (find_paperwork_chrome)."""
    rx = _rx()
    s = line.strip()
    sents = _sentences(s)
    if not sents or _n(s) > 60:
        return False
    if all(rx["apparatus"].search(x) or rx["self"].match(x) for x in sents):
        return True
    return any(rx["service"].match(x) for x in sents) and all(
        rx["service"].match(x) or rx["service_note"].search(x) for x in sents
    )


def _field_row(line: str) -> set[str]:
    """The head labels of a row of fields ("Date: … · Room: …"), or nothing: the line must open
    with a field and be no sentence."""
    rx = _rx()
    s = line.strip()
    if _n(s) > 45 or not rx["field"].match(s) or re.search(r"[.!?]['\"”’]?\s*$", s):
        return set()
    labels = set()
    for piece in _pieces(s):
        m = rx["field"].match(piece)
        if m and rx["head_label"].match(m["label"]):
            labels.add(m["label"].lower())
    return labels


def _blocks(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The head and foot blocks of field rows: two or more rows, two or more head labels."""
    rows = {i: _field_row(lines[i]) for i in idx}
    live = [i for i in idx if i not in chrome]
    body = [i for i in live if is_prose(lines[i]) and not rows[i] and not is_self_note(lines[i])]
    first, last = (body[0], body[-1]) if body else (len(lines), -1)
    for part in ([i for i in idx if i < first], [i for i in idx if i > last]):
        found = [i for i in part if rows[i]]
        if len(found) < 2 or len(set().union(*(rows[i] for i in found))) < 2:
            continue
        chrome.update(found)  # the banner over them goes as a heading over chrome (chrome.py)


def _caption(lines: list[str], idx: list[int], chrome: set[int], first: int) -> None:
    """A court caption in the head: two or more lines in a row each closing the ")" column, and
    the court named in capitals above them."""
    head = [i for i in idx if i < first]
    box = [
        i
        for i in head
        if lines[i].count(")") > lines[i].count("(")
        and _n(lines[i]) <= 15
        and not _END.search(lines[i])
    ]
    runs: list[list[int]] = []
    for i in box:
        if runs and idx.index(i) == idx.index(runs[-1][-1]) + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    caption = [i for run in runs if len(run) >= 2 for i in run]
    depo = [i for i in head if _rx()["deposition"].match(lines[i].strip())]
    if not caption and not depo:
        return
    chrome.update(caption)
    chrome.update(  # the first line too when the caption has its own heading (the title)
        i
        for i in (head if depo else head[1:])
        if lines[i].strip().isupper() and _n(lines[i]) <= 12 and _rx()["court"].match(lines[i])
    )
    # The place and date lines under the deposition's title: short, no sentence, no number or
    # field first, up to the first line of testimony.
    for d in depo:
        for i in idx[idx.index(d) + 1 :]:
            if i in chrome:
                continue
            s = lines[i].strip()
            if _n(s) > 8 or _END.search(s) or s[0].isdigit() or ":" in s:
                break
            chrome.add(i)


def _inid(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A patent's front-page fields: two or more lines opening with an INID code, no sentence."""
    coded = [
        i
        for i in idx
        if _rx()["inid"].search(lines[i]) and _n(lines[i]) <= 40 and not _END.search(lines[i])
    ]
    if len(coded) >= 2:
        chrome.update(coded)


def _footer_rows(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A footer row with the printer's telephone or web address ("Firm · (415) 555-0100 ·
    firm.example"), printed on two or more pages: all its copies."""
    seen: dict[str, list[int]] = {}
    for i in idx:
        s = " ".join(lines[i].split())
        if _n(s) <= 15 and not _END.search(s) and len(_pieces(s)) >= 2 and _CONTACT.search(s):
            seen.setdefault(s, []).append(i)
    for copies in seen.values():
        if len(copies) >= 2:
            chrome.update(copies)


def _edge_notes(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Notes the document makes about itself (is_self_note) in its head or foot: no prose line
    that is not chrome before it, or none after it."""
    live = [i for i in idx if i not in chrome]
    prose = [i for i in live if is_prose(lines[i]) and not is_self_note(lines[i])]
    if not prose:
        return
    for i in live:
        if (i < prose[0] or i > prose[-1]) and is_self_note(lines[i]):
            chrome.add(i)


def find_paperwork_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules that need a line's neighbours or position: head and foot field blocks, a court
    caption and a deposition's title page, a patent's INID fields, a
    footer row repeated on each page, and the document's notes about itself at its edges."""
    _inid(lines, idx, chrome)
    _footer_rows(lines, idx, chrome)
    _blocks(lines, idx, chrome)
    live = [i for i in idx if i not in chrome]
    first = next((i for i in live if is_prose(lines[i])), len(lines))
    _caption(lines, idx, chrome, first)
    _edge_notes(lines, idx, chrome)
