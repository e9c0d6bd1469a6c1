"""Furniture of calls, hearings, chat exports, Q&A and encyclopedia pages, press releases and
documents: the lines these formats print around what their speakers or authors said.

Each rule rests on how the format is produced (its template or script), never on an article;
the whole-line strings are in data/chrome_lines.txt, the scripts in data/chrome_script.txt and
data/chrome_safe_harbour.txt, each naming its source:

- **Scripted procedure.** A paragraph (after an optional speaker label) whose every sentence is
  a conference-call operator's or a committee chair's formula ("Our next question comes from …",
  "The gentleman yields back.") or a short thanks, with at least one formula. A paragraph that
  also says something else is speech and stays whole.
- **Safe-harbour boilerplate.** A paragraph of ≤ 200 words holding two or more distinct
  securities-law disclaimer cues ("forward-looking statements", "differ materially").
- **Inline marks** cut from a line that stays: a press release's dateline ("SAN FRANCISCO,
  March 3, 2026 /PRNewswire/ --"), an encyclopedia's "[edit]", "[citation needed]" and glued
  reference numbers ("growth.[2]"), a document's comment anchors ("[a]"), a Q&A comment's
  author-and-date trailer ("– ravi_k Mar 2, 2024 at 8:00").
- **Rows and labels** of their templates: reaction rows ("👍 (4)"), poll options, hashtag rows,
  a network's connection degree ("• 1st"), a comment thread exported under a document, a note
  to a collaborator ("@Tomas Reyes can you …"), a wire's "SOURCE Company" line.
- **Neighbours** (`find_format_chrome`): the "Operator" label over its script, an "About
  <Company>" section, a bot's posts and a link preview in a chat export, bare counts next to
  chrome (votes), page numbers counting up, running heads next to them, a user card, a
  profile's name and headline around its degree, a hearing's upper-case title page, a course
  header.

A speaker label or a timestamp in front of speech stays, and so does the speech.
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.chrome import is_prose, line_kind
from model.importer.lexicon import pattern

_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
# A GPO-style label ("Chairwoman BENNETT.", "Mr. OKAFOR.") or a colon label ("Operator:").
# The surname is upper-case, as the record prints it, so "Scaling works." is no label.
_LABEL = re.compile(
    r"^\s*(?:(?i:(?:chair(?:man|woman|person)?|ranking member|mr\.|ms\.|mrs\.|dr\.|senator|"
    r"representative|rep\.|sen\.|hon\.)\s+)?[A-Z][A-Z'’-]{2,}(?: [A-Z][A-Z'’-]+)?\.\s+|"
    r"[A-Z][\w.'’ -]{0,30}:\s+)"
)
# Sentence ends, not after a title or an initial ("Dr. Rosa", "Hon. Laura", "a.m.,").
_SPLIT = re.compile(
    r"(?<=[.!?])(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bNo\.)(?<!\bHon\.)(?<!\bMrs\.)"
    r"(?<!\bSen\.)(?<!\bRep\.)(?<!\b[A-Z]\.)\s+(?=[\[\"“A-Z])"
)  # the end-of-sentence check first: most positions fail there, before the title checks
_THANKS = re.compile(r"\bthank(?:s| you)?\b", re.I)
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'’ -]{2,40}(?:,\s+[A-Z][\w.]+(?: [A-Z][\w.]+)?)?)(?:,\s*|\s+)"
    rf"(?:(?P<date>(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))\s*)?"
    r"(?P<wire>/\s*[A-Za-z][\w ]{1,30}/|\(\s*[A-Z][A-Z ]{2,30}\)|--\s*\(\s*[A-Z][A-Z ]{2,30}\))?"
    r"\s*(?:--|—|–)\s*(?=[A-Z\"“])",
    re.I,
)
_REF_NUMS = re.compile(r"(?<=[\w.,;:)”\"’])(?:\[\d{1,3}\])+(?=[\s,.;:)]|$)")
_ANCHOR = re.compile(r"(?<=[\w.,;:!?)”\"’])\[[a-z]{1,2}\](?=\s|$)")
# "– ravi_k Mar 2, 2024 at 8:00": a dash, a user name (a login or up to three names), the date
# and the clock time; without the time, a dash and a date may be the author's own aside.
_SE_COMMENT = re.compile(
    rf"\s+[–—-]\s+(?:[\w.-]{{2,30}}|[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){{1,2}})(?: ♦)?\s+{_MONTH}\s+"
    r"\d{1,2}(?:,\s*\d{4})?\s+at\s+\d{1,2}:\d{2}\s*$",
    re.I,
)
# A reaction row, after DiscordChatExporter's "{Reactions}" label when there is one.
_REACTIONS = re.compile(
    r"^(?:\s*\{reactions\})?(?:\s*(?:[^\w\s()\[\]]{1,4}|:[\w+-]+:)\s*[(\[]?\d[\d,]*[)\]]?)+\s*$",
    re.I,
)
# A poll's options in one row ("Yes — 9 votes · No — 7 votes").
_POLL_ROW = re.compile(
    r"^(?:[^·|]{1,40}?\s[-–—:]\s*\d[\d,]* votes?(?:\s*\(\d{1,3}%\))?\s*(?:[·|]\s*|$)){2,}$", re.I
)
# "Yes — 5 votes (36%)": an option, a separator, a vote count and its share.
_POLL_OPTION = re.compile(
    r"^\W*[^.!?]{1,60}?\s*[-–—:·|]\s*\d[\d,]* votes?\s*\(\d{1,3}(?:\.\d)?\s?%\)\s*$", re.I
)
_HASHTAGS = re.compile(r"^\s*(?:#[^\W\d_][\w-]*\s*){2,}$")  # one alone names a channel
_DEGREE = re.compile(r"^[^.!?]{0,60}?[•·]\s*(?:1st|2nd|3rd\+?)\s*$|^\s*(?:1st|2nd|3rd\+?)\s*$")
_THREAD = re.compile(r"^\s*\[[a-z]{1,2}\]\s*[A-Z@]")  # a document comment ("[a]Name: …")
_NOTE = re.compile(r"^\s*@[A-Z][\w'’-]+ [A-Z][\w'’-]+\b")  # "@Tomas Reyes can you …"
_RESOLVED = re.compile(
    r"^[\W_]*(?:assigned to\b[^.!?]{0,60}?|marked as (?:resolved|done))[\W_]*$", re.I
)
# Contact lines of a press box: an e-mail address or a telephone number alone on a line.
# (a name may stand before the address: "Jamie Park press@example.org").
_EMAIL = re.compile(
    r"^\W*(?:[A-Z][\w.'’-]+,? ){0,6}(?:e-?mail\s*:\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+\W*$", re.I
)
_PHONE = re.compile(
    r"^(?=.*(?:[+(]|\d-\d|tel|phone|mobile))\W*(?:(?:tel|phone|mobile)\.?\s*:?\s*)?\+?(?:\d{1,3}[\s.-]?)?\(?\d{2,4}\)?"
    r"[\s.-]\d{3,4}[\s.-]\d{3,4}\W*$",
    re.I,
)
_WIRE_SOURCE = re.compile(r"^SOURCE\s+[A-Z][\w&.,'’ -]{1,60}$")
_BARE = re.compile(r"^\s*\d[\d,.]*[kKmM]?\s*$")
_PAGE_NO = re.compile(r"^\W*\d{1,4}\W*$")
_REPUTATION = re.compile(r"^\s*\d[\d,.]*k?(?:\s*[●•·]\s*\d[\d,.]*k?)+\s*$")
_LOGIN = re.compile(r"^(?:[\w.-]{2,30}|(?:[A-Z][\w'’-]+ ){1,3}[A-Z][\w'’-]+)$")
_TAG_ROW = re.compile(r"^(?:[a-z0-9][a-z0-9.+#]*(?:-[a-z0-9.+#]+)*\s+){1,7}[a-z0-9][a-z0-9.+#-]*$")
_ABOUT = re.compile(r"^\s*about ([A-Z][\w&.'’-]*(?: [A-Z&][\w&.'’-]*){0,5})\s*:?\s*$", re.I)
# The defining cues of the two boilerplates: the PSLRA safe harbor and the Regulation G note.
_LEGAL = re.compile(r"forward[- ]looking|safe harbou?r|non-gaap", re.I)
_BOT = re.compile(r"(?:\bbot|\b(?:BOT|APP))\s*$|\]\s*bot:\w", re.I)  # "[…] bot:PollBot"
_CHAT_HEADER = re.compile(r"^\s*\[[^\]]{4,40}\]\s+\S.{0,40}$")
_COURSE = re.compile(
    r"^\W*(?:lecture|week|session|class|module|unit|lesson)\s+\d{1,3}\b[^!?]*$|"
    r"\b(?:fall|spring|summer|winter|autumn) (?:term |semester |quarter )?\d{4}\b[^!?]*$",
    re.I,
)
_TERM = re.compile(
    r"\b(?:fall|spring|summer|winter|autumn) (?:term |semester |quarter )?\d{4}\b", re.I
)
_COURSE_CODE = re.compile(r"^\s*[A-Z]{2,6}[ -]?\d{2,4}[A-Z]?\b[^.!?]{0,80}$")
_CONGRESS = re.compile(
    r"\b(?:HEARINGS?|CONGRESS|SESSION|COMMITTEE|SUBCOMMITTEE|SENATE|HOUSE OF REPRESENTATIVES)\b"
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    return {
        "script": re.compile(rf"^\W*{pattern('chrome_script')}", re.I),
        "harbour": re.compile(rf"(?<![\w-]){pattern('chrome_safe_harbour')}(?![\w-])", re.I),
        "wiki": re.compile(rf"\[{pattern('chrome_wiki_tags')}\]", re.I),
        "company": re.compile(rf"\b{pattern('chrome_company')}", re.I),
    }


def strip_inline(line: str) -> str:
    """The line without the marks its format prints inside text: a dateline, encyclopedia
    markers and glued reference numbers, comment anchors, a Q&A comment's trailer."""
    if "[" in line:
        line = _ANCHOR.sub("", _REF_NUMS.sub("", _rx()["wiki"].sub("", line)))
    m = _DATELINE.match(line)
    if m and (m.group("date") or m.group("wire")) and m.group("city").split(",")[0].isupper():
        line = line[m.end() :]
    if " at " in line and len(line.split()) > 4:
        line = _SE_COMMENT.sub("", line)
    return line


def _sentences(text: str) -> list[str]:
    """The sentences of a paragraph, not split after a title ("Dr. Rosa") or an initial."""
    return [s for s in _SPLIT.split(text.strip()) if s.strip()]


def is_script(line: str) -> bool:
    """A paragraph that is only procedure: every sentence (after a speaker label) is an
    operator's or a chair's formula or a short thanks, and at least one is a formula."""
    s = re.sub(r"\[[^\]]{1,40}\]", " ", line).strip()
    if not s or len(s.split()) > 90:
        return False
    m = _LABEL.match(s)
    if m and len(s[m.end() :].split()) >= 1:
        s = s[m.end() :]
    script = _rx()["script"]
    first = _SPLIT.split(s, maxsplit=1)[0]
    if not (script.match(first) or _THANKS.search(first)):
        return False  # a procedure opens with a formula or a thanks (and most speech does not)
    kinds = []
    for sent in _sentences(s):
        if script.match(sent) and len(sent.split()) <= 45:
            kinds.append("script")
        elif _THANKS.search(sent) and len(sent.split()) <= 15:
            kinds.append("thanks")
        else:
            return False
    return "script" in kinds


def is_safe_harbour(line: str) -> bool:
    """Securities-law boilerplate: two or more distinct disclaimer cues in ≤ 200 words."""
    if len(line.split()) > 200 or not _LEGAL.search(line):
        return False
    hits = {h.lower() for h in _rx()["harbour"].findall(line)}
    return len(hits) >= 2


def is_format_line(line: str) -> bool:
    """Whether a whole line (a paragraph) is furniture of one of these formats."""
    s = line.strip()
    if not s:
        return False
    n = len(s.split())
    if n <= 12 and (
        _REACTIONS.match(s)
        or _POLL_OPTION.match(s)
        or _HASHTAGS.match(s)
        or _DEGREE.match(s)
        or _RESOLVED.match(s)
        or _WIRE_SOURCE.match(s)
        or _REPUTATION.match(s)
        or _EMAIL.match(s)
        or _PHONE.match(s)
    ):
        return True
    if n <= 40 and _POLL_ROW.match(s):
        return True
    if n <= 60 and (_THREAD.match(s) or (_NOTE.match(s) and n <= 30)):
        return True
    return is_script(s) or is_safe_harbour(s)


_ROSTER = re.compile(
    r"^\W*(?:(?:call|company|corporate|conference call|meeting|panel) )?(?:participants|"
    r"executives|analysts|speakers|panelists|witnesses|appearances)\s*:?\s*$",
    re.I,
)
# "Name -- Role", "Name, Role" or a bare name (a court reporter's APPEARANCES list).
_ROSTER_ENTRY = re.compile(
    r"^\s*[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:\s+(?:--|[-–—,])\s+\S.{0,80}|,\s+\S.{0,80}|\s*)$"
)


def roster(lines: list[str]) -> set[int]:
    """A transcript's participant list ("Call participants:" and "Name -- Role" lines under it):
    who spoke is part of the record, so the tail and menu rules must not take it."""
    keep: set[int] = set()
    for i, ln in enumerate(lines):
        if not _ROSTER.match(ln):
            continue
        entries = []
        for j in range(i + 1, min(len(lines), i + 40)):
            if not lines[j].strip():
                continue
            if not _ROSTER_ENTRY.match(lines[j]):
                break
            entries.append(j)
        if entries:
            keep.update([i, *entries])
    return keep


def find_format_chrome(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The rules that need a line's neighbours; adds to `chrome` (the chrome found so far)."""
    _operator(lines, idx, chrome)
    _about(lines, idx, chrome)
    _chat(lines, idx, chrome)
    _pages(lines, idx, chrome)
    _cards(lines, idx, chrome)
    _title_page(lines, idx, chrome)
    _course(lines, idx, chrome)
    _bare_counts(lines, idx, chrome)


def _operator(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """The "Operator" label of a call goes when the next paragraph is its script."""
    for a, b in zip(idx, idx[1:], strict=False):
        if re.fullmatch(r"\W*operator\s*:?\s*", lines[a], re.I) and b in chrome:
            chrome.add(a)


def _about(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A press release's "About <Company>" section at its end: the heading and the boilerplate
    under it, when the first paragraph opens with the name of the heading and says what a
    company says of itself (founded, based in, visit …), with the paragraphs after it that say
    so too, and no prose of the release follows. "About GPT-4" over "GPT-4 is a model …" inside an explainer
    is a section of the article."""
    for k, i in enumerate(idx):
        m = _ABOUT.match(lines[i])
        if not m:
            continue
        rest = [j for j in idx[k + 1 :] if j not in chrome]
        first = lines[rest[0]].strip() if rest else ""
        if not first.startswith(m.group(1)) or not _rx()["company"].search(first):
            continue
        section = [rest[0]]
        for j in rest[1:]:
            if len(lines[j].split()) <= 6 or not _rx()["company"].search(lines[j]):
                break
            section.append(j)
        if not any(is_prose(lines[j]) for j in rest if j > section[-1]):
            chrome.update([i, *section])


def _chat(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A chat export's bot posts (a post header that names a bot or carries an app badge,
    "[01-Mar-26 9:02 PM] Frontier Bot", "Forecast Bot  APP  9:30 AM") up to the next post
    header, and link previews (an "{Embed}" block up to the next blank line)."""
    k = 0
    while k < len(idx):
        i = idx[k]
        s = lines[i].strip()
        if _bot_header(s):
            chrome.add(i)
            k += 1
            while k < len(idx) and not _post_header(lines[idx[k]].strip()):
                chrome.add(idx[k])
                k += 1
            continue
        if re.fullmatch(r"\s*\{embed\}\s*", s, re.I):
            j = i + 1
            while j < len(lines) and lines[j].strip():
                chrome.add(j)
                j += 1
        k += 1


def _post_header(s: str) -> bool:
    """A chat export's bracketed header or any post header (a name with a time)."""
    return bool(_CHAT_HEADER.match(s)) or line_kind(s).header


def _bot_header(s: str) -> bool:
    """A post header whose author is a bot: a name ending in "bot" or an APP/BOT badge."""
    if len(s.split()) > 8 or not re.search(r"\d{1,2}:\d{2}", s):
        return False
    if _CHAT_HEADER.match(s):
        return bool(_BOT.search(s))
    return bool(re.search(r"\b(?:APP|BOT)\b|\w[Bb]ot\b|\bBot\b", s)) and bool(
        re.match(r"^\s*[A-Z\w][\w.' -]{1,40}?\s{2,}|^\s*\S.{0,40}\b(?:APP|BOT)\b", s)
    )


def _pages(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """Page numbers of a PDF pasted as text (≥ 2 bare numbers counting up, alone on their
    lines) and its running heads."""
    nums = [i for i in idx if _PAGE_NO.match(lines[i]) and i not in chrome]
    values = [int(re.sub(r"\D", "", lines[i])) for i in nums]
    if len(nums) >= 2 and all(b > a for a, b in zip(values, values[1:], strict=False)):
        chrome.update(nums)
        _running_heads(lines, idx, chrome, set(nums))
    else:
        _running_heads(lines, idx, chrome, set())


def _running_heads(lines: list[str], idx: list[int], chrome: set[int], nums: set[int]) -> None:
    """A short line repeated (numbers aside) next to a page number, or repeated ≥ 3 times with
    a page number of its own after a separator ("Northwind Labs | Confidential | 2"). A repeated
    speaker label or date has neither and stays."""
    pos = {i: k for k, i in enumerate(idx)}
    seen: dict[str, list[int]] = {}
    for i in idx:
        if i not in chrome and len(lines[i].split()) <= 10 and not is_sentence(lines[i]):
            seen.setdefault(re.sub(r"\d+", "#", lines[i].strip().lower()), []).append(i)
    for group in (g for g in seen.values() if len(g) >= 2):
        near = any(
            idx[m] in nums for i in group for m in (pos[i] - 1, pos[i] + 1) if 0 <= m < len(idx)
        )
        numbered = all(re.search(r"[|·•–—]\s*\d{1,4}\s*$", lines[i]) for i in group)
        if near or (numbered and len(group) >= 3):
            chrome.update(group)


def is_sentence(line: str) -> bool:
    """At least five words ending a sentence: text, where a running head or a label is not."""
    return bool(re.search(r"[.!?…\"”]\s*$", line.strip())) and len(line.split()) >= 5


def _cards(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A user card (a login or name over a reputation row, "ravi_k" / "1,234 ● 5 ● 12") and a
    profile header around a connection degree (name / "• 1st" / headline / time)."""
    for k, i in enumerate(idx):
        s = lines[i].strip()
        if _REPUTATION.match(s) and k and _LOGIN.match(lines[idx[k - 1]].strip()):
            chrome.update((i, idx[k - 1]))
        if _DEGREE.match(s) and len(s.split()) <= 4:
            chrome.add(i)
            if k and _LOGIN.match(lines[idx[k - 1]].strip()):
                chrome.add(idx[k - 1])
            for j in idx[k + 1 : k + 3]:
                if j in chrome or is_sentence(lines[j]) or len(lines[j].split()) > 20:
                    break
                chrome.add(j)


def _title_page(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A hearing record's title page: the upper-case lines before the first prose, from the
    first that names a hearing, a committee, a congress or a session, when ≥ 3 such lines hold
    ≥ 2 of those names ("HEARING" / "BEFORE THE" / "COMMITTEE ON …"); a news kicker and an
    upper-case headline ("SENATE" / "SENATE COMMITTEE BACKS …") are not one."""
    run: list[int] = []
    for i in idx:
        s = lines[i].strip()
        if len(s.split()) >= 12:
            break
        letters = [c for c in s if c.isalpha()]
        upper = bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
        if run and letters and not upper and len(s.split()) >= 3:
            break  # the hearing's own title, or the record, in mixed case: the title page is over
        if (run or _CONGRESS.search(s)) and (upper or not letters):
            run.append(i)
    if len(run) >= 3 and sum(1 for i in run if _CONGRESS.search(lines[i])) >= 2:
        chrome.update(run)


def _course(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A course header near the top: a short line naming a lecture or week and a term ("Lecture
    14 · Fall 2026"), or one naming a lecture next to a course code line ("CS 289: …"), which
    goes with it. "Week 12: the scaling debate" alone is a title and stays."""
    for k, i in enumerate(idx[:8]):
        s = lines[i].strip()
        if len(s.split()) > 12 or not _COURSE.search(s) or is_sentence(s):
            continue
        codes = [
            idx[m]
            for m in (k - 1, k + 1)
            if 0 <= m < len(idx) and _COURSE_CODE.match(lines[idx[m]])
        ]
        if codes or _TERM.search(s):
            chrome.update([i, *codes])


def _bare_counts(lines: list[str], idx: list[int], chrome: set[int]) -> None:
    """A bare count ("42", "1,204") next to chrome is a vote or reaction count; a row of
    lowercase hyphenated tags next to a row of controls ("Share") is a question's tags."""

    def ui(j: int) -> bool:
        return j in chrome or line_kind(lines[j]).ui

    for k, i in enumerate(idx):
        if i in chrome:
            continue
        s = lines[i].strip()
        bare, tags = bool(_BARE.match(s)), bool(_TAG_ROW.match(s)) and "-" in s
        if not (bare or tags):
            continue
        near = [idx[m] for m in (k - 1, k + 1) if 0 <= m < len(idx)]
        if any(j in chrome or ui(j) for j in near):
            chrome.add(i)
