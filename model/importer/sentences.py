"""Regex sentence splitting that keeps character offsets into the article text.

Offsets matter more than linguistic finesse: every proposal must point at its exact span so the
review dialog can highlight it and the map can cite it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from model.importer.article import Sentence

_ABBREV = {
    "e.g",
    "i.e",
    "etc",
    "vs",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "fig",
    "no",
    "st",
    "inc",
    "ltd",
    "jr",
    "sr",
    "u.s",
    "u.k",
    "cf",
    "al",
    "approx",
    "est",
    "vol",
    "pp",
    "ed",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
}
# A sentence ends at . ! ? … (plus closing quotes/brackets/footnote digits) before a space and a
# capital, digit, quote or bracket.
_END = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\d{0,2})(\s+)(?=["'“‘(\[]?[A-Z0-9À-ÖØ-Ý])""")
_BULLET = re.compile(r"^\s*(?:[-–•*·▪◦]\s+|\(?\d{1,2}[.)]\s+|[a-z][.)]\s+)")
_LABEL = re.compile(r"^[A-Z][\w &/'’-]{1,40}: (?=\S)")


def _is_abbrev(text: str, dot_pos: int) -> bool:
    # Look back a bounded window: rescanning text[:dot] at every full stop was quadratic.
    m = re.search(r"([A-Za-z.]+)$", text[max(0, dot_pos - 12) : dot_pos])
    if not m:
        return False
    word = m.group(1).lower().strip(".")
    if word in _ABBREV:
        return True
    return len(word) == 1 and text[dot_pos - 1].isupper()  # an initial such as "J. Smith"


def _split_line(line: str, base: int, para: int) -> list[Sentence]:
    bullet = bool(_BULLET.match(line))
    m = _BULLET.match(line)
    offset = m.end() if m else 0
    while offset < len(line) and line[offset].isspace():
        offset += 1
    body_end = len(line.rstrip())
    if offset >= body_end:
        return []
    pieces: list[tuple[int, int]] = []
    start = offset
    for em in _END.finditer(line, offset, body_end):
        dot = em.start(1)
        if em.group(1) == "." and _is_abbrev(line, dot):
            continue
        if em.group(3) and dot > 0 and line[dot - 1].isdigit():
            continue  # a decimal number, not a footnote mark
        if em.group(1) == "…" and re.match(r"[A-Z]{2,}\b", line[em.end(4) :]):
            continue  # "bigger and … BIGGER": an ellipsis inside a sentence
        end = em.start(4)
        if end - start >= 2:
            pieces.append((start, end))
        start = em.end(4)
    pieces.append((start, body_end))  # start < body_end: a match ends before a capital
    out = []
    stripped = line.strip()
    is_heading = (
        len(pieces) == 1
        and len(stripped.split()) <= 14
        and not re.search(r"[.!?…:;,\"”]$", stripped)
    )
    for s, e in pieces:
        out.append(Sentence(base + s, base + e, line[s:e], para, heading=is_heading, bullet=bullet))
    return out


def split_sentences(text: str) -> list[Sentence]:
    """Split text into sentences; each line of the text is at least one paragraph boundary."""
    out: list[Sentence] = []
    pos = 0
    para = 0
    for line in text.split("\n"):
        if line.strip():
            out.extend(_split_line(line, pos, para))
            para += 1
        pos += len(line) + 1
    return out


def strip_label(sentence: str) -> tuple[int, str]:
    """Drop a leading 'Label: ' (as in '- Scaling is insufficient: Throwing more…'); return the
    offset removed and the rest."""
    m = _LABEL.match(sentence)
    if m and len(sentence) - m.end() > 20:
        return m.end(), sentence[m.end() :]
    return 0, sentence


_SAY = r"(?:said|says|added|adds|argued|argues|noted|notes|wrote|writes|told \w+|explained|warned)"
_ATTRIBUTION = re.compile(
    rf"""[,.!?]?\s*["”]\s*,?\s*(?:{_SAY}\b.*|(?:(?:he|she|they|[A-Z][\w'’.-]*)\s+){{1,4}}{_SAY}\b.*)$"""
)


def strip_attribution(body: str) -> str:
    """The words of a quotation without its quotation marks and attribution:
    '"We see no limit," said Jane Doe, chief scientist at X.' -> 'We see no limit'.
    Names and titles in the attribution say who spoke, not what is claimed."""
    m = _ATTRIBUTION.search(body)
    if m and m.start() > 10:
        body = body[: m.start()]
    elif body.rstrip().endswith(("”", '"')) and (
        body.count('"') % 2 == 1 or body.count("”") > body.count("“")
    ):
        body = body.rstrip()[:-1]  # the last sentence of a quotation
    if body[:1] in ('"', "“"):
        body = body[1:]
    return body


def _first_words(s: str, n: int = 2) -> str:
    return " ".join(s.lower().split()[:n])


SPOKEN_MIN_WORDS = 6  # a caption line this long is speech, not a spoken chapter title
_ENDED = re.compile(r"[.!?…:;\"”’)\]]\s*$")


def spoken_lines(sentences: list[Sentence]) -> list[Sentence]:
    """Auto-generated captions have no punctuation or capitals: each caption line is then a unit
    as it stands, not a fragment or a heading. A text is read so when most of its longer lines
    (at least ten) neither end like a sentence nor start with a capital."""
    long = [s for s in sentences if len(s.text.split()) >= SPOKEN_MIN_WORDS]
    if len(long) < 10:
        return sentences
    bare = sum(1 for s in long if not _ENDED.search(s.text) and s.text.lstrip()[:1].islower())
    if bare < 0.6 * len(long):
        return sentences
    return [
        replace(s, spoken=True, heading=False)
        if len(s.text.split()) >= SPOKEN_MIN_WORDS and not _ENDED.search(s.text)
        else s
        for s in sentences
    ]


# A full stop, question or exclamation mark before a space and a lower-case word.
_CASUAL_END = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[a-z])""")
CASUAL_MIN_LINES = 10


def opens_lower(b: str) -> bool:
    """Whether stripped text opens in lower case, as a continuation does ("iPhone" and "o3" are
    names that open a sentence)."""
    return bool(b) and b[0].islower() and not re.match(r"[a-z]+[A-Z0-9]", b)


def _lower_start(text: str) -> bool:
    return opens_lower(text.lstrip().lstrip("\"“'‘*_("))


def casual_sentences(sentences: list[Sentence]) -> list[Sentence]:
    """Chat and social posts are often written without capitals ("ok I'll start. my claim is
    …"). When most paragraphs (at least ten of six words or more) open in lower case, where a
    writer starts afresh, that is the register: a full stop before a lower-case word ends a
    sentence too, and every sentence is marked casual, so its lower-case start is not read as
    the continuation of a sentence cut off."""
    firsts: dict[int, Sentence] = {}
    for s in sentences:
        firsts.setdefault(s.para, s)
    long = [s for s in firsts.values() if len(s.text.split()) >= SPOKEN_MIN_WORDS]
    if len(long) < CASUAL_MIN_LINES or sum(map(_lower_start, (s.text for s in long))) < 0.5 * len(
        long
    ):
        return sentences
    out: list[Sentence] = []
    for s in sentences:
        pieces, start = [], 0
        for m in _CASUAL_END.finditer(s.text):
            if m.group(1) == "." and _is_abbrev(s.text, m.start(1)):
                continue
            if m.start(3) - start >= 2:
                pieces.append((start, m.start(3)))
            start = m.end(3)
        pieces.append((start, len(s.text)))
        heading = s.heading and len(pieces) == 1
        out.extend(
            replace(
                s,
                start=s.start + a,
                end=s.start + b,
                text=s.text[a:b],
                heading=heading,
                casual=True,
            )
            for a, b in pieces
        )
    return out


def claim_units(sentences: list[Sentence], text: str) -> list[Sentence]:
    """Sentences, with runs that make one claim joined: parallel sentences ("They cannot … They
    cannot …") and a very short sentence followed by the one that completes it ("But this isn't
    understanding. It's pattern matching …")."""
    units: list[Sentence] = []
    i = 0
    while i < len(sentences):
        s = sentences[i]
        j = i
        if not s.heading:
            head = _first_words(s.text)
            while (
                j + 1 < len(sentences)
                and sentences[j + 1].para == s.para
                and len(head.split()) == 2
                and _first_words(sentences[j + 1].text) == head
                and len(sentences[j + 1].text.split()) <= 15
                and len(s.text.split()) <= 15
            ):
                j += 1
            if (
                j == i
                and len(s.text.split()) < 7
                and not s.text.endswith("?")
                and i + 1 < len(sentences)
                and sentences[i + 1].para == s.para
                and re.match(
                    r"(?:it(?:'|’)s|it is|they|this|that|these)\b", sentences[i + 1].text, re.I
                )
            ):
                j = i + 1
        if j > i:
            e = sentences[j]
            units.append(Sentence(s.start, e.end, text[s.start : e.end], s.para, bullet=s.bullet))
        else:
            units.append(s)
        i = j + 1
    return units
