"""Furniture of spoken and mailed formats: the lines a podcast or debate transcript, an email
newsletter or a video page carries around what the speakers or the author said.

Each rule is a positive sign of production or distribution, never rarity (lists in
model/importer/data/chrome_stage/sponsors/asks.txt, each naming its source):

- **Stage directions** ("[applause]", "(Laughter)", "[intro music]", "[ad break]") are the
  transcriber's notes of what happened in the room; they go inside a line and as a line.
- **Timestamp-only lines** ("00:18:22", "[01:02]") and chapter markers ("01:45 Sponsor") are the
  transcript's structure, not speech; a timestamp or a speaker label *in front of* speech is part
  of the transcript and stays.
- **Sponsor reads and audience asks**: a short paragraph (≤ 60 words) that opens a sponsor slot
  ("This episode is brought to you by …") or holds an ad's details or a call to action ("promo
  code", "link in the show notes", "rate and review us").
- **Poll housekeeping** of debates ("Before the debate: 38% for …"): a labelled vote tally.
- **Credits** of production and transcription ("Transcript provided by …", "Produced by … Music
  by …").
- **Postal footers** of newsletters (a street address with a postcode, as anti-spam law asks).
"""

from __future__ import annotations

import re
from functools import cache

from model.importer.lexicon import pattern, words

MAX_AD_WORDS = 60  # a sponsor read or an ask is a short paragraph; an argument can run longer
_STAMP = r"[\[(]?(?:\d{1,2}:)?\d{1,2}:\d{2}(?:[.,]\d+)?[\])]?"
# What may stand in front of speech: a timestamp and/or a speaker label ("[00:41] HOST (Ana):").
# An optional timestamp, then a speaker label ("HOST:") or a slot's bracketed label ("[SPONSOR]").
_LEAD = (
    rf"^\W*(?:{_STAMP}\s*)?(?:[A-Z][\w.'’ -]{{0,30}}(?:\([^)]{{1,40}}\))?\s*:\s+|"
    r"\[(?:sponsor|sponsored|ad|advert|advertisement|paid promotion)\]\s*)?"
)
_TIMESTAMP_LINE = re.compile(rf"^\W*{_STAMP}\W*$")
# A chapter marker ("01:45 A word from our sponsor"): a timestamp and a short label, no speaker
# label and no sentence.
_CHAPTER = re.compile(rf"^\W*{_STAMP}\s*[-–—:·|]?\s*[^\W\d][^:]*$")
_SENTENCE_END = re.compile(r"[.!?…\"”]\s*$")
_POLL = re.compile(
    r"^\W*(?:(?:before|after) the (?:debate|discussion|event|talk|vote)|(?:pre|post)-(?:debate|"
    r"event) (?:vote|poll)|(?:opening|closing|final|initial|first|second|audience|live) (?:vote|"
    r"poll)|(?:poll|vote|voting) results?|results?)\W*:.{0,200}?\d{1,3}(?:\.\d)?\s?%",
    re.I,
)
_CREDIT_START = re.compile(
    r"^\W*(?:(?:this )?(?:transcript|transcription|captions?|subtitles?)(?: (?:was|is|has been))?"
    r" (?:lightly |professionally )?(?:provided|produced|prepared|generated|created|edited|"
    r"transcribed|supplied) (?:by|for)|transcribed by|transcription (?:by|services?)|"
    r"(?:theme )?music (?:by|courtesy of)|(?:lightly )?edited for (?:clarity|length))\b",
    re.I,
)
_CREDIT = re.compile(
    r"\b(?:produced|edited|mixed|engineered|hosted|transcribed|recorded|composed|music|artwork|"
    r"sound design|fact-checked|fact-checking) by\b",
    re.I,
)
_STREET = re.compile(
    r"\b\d{1,6}\s+(?:[A-Z][\w'’.-]*\s+){1,4}(?:street|st|avenue|ave|road|rd|boulevard|blvd|"
    r"lane|ln|drive|dr|way|place|pl|square|sq|court|ct|parkway|pkwy|highway|hwy|row)\b|\bp\.?\s?o\.?"
    r" box \d+|\bpmb \d+",
    re.I,
)
_POSTCODE = re.compile(
    r"\b[A-Z]{2}\s+\d{5}(?:-\d{4})?\b|\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b|(?:^|[,·|•]\s*)\d{4,5}\s+[A-Z][a-z]+"
)


@cache
def _rx() -> dict[str, re.Pattern[str]]:
    stage = pattern("chrome_stage")
    return {
        "stage": re.compile(rf"\s*[\[(]\s*{stage}\s*[\])]", re.I),
        "sponsor": re.compile(rf"{_LEAD}{pattern('chrome_sponsors')}\b", re.I),
        "ask": words("chrome_asks"),
    }


def strip_stage(line: str) -> str:
    """The line without its stage directions ("Thank you. (Laughter) I want …")."""
    return _rx()["stage"].sub("", line) if ("[" in line or "(" in line) else line


def is_furniture(line: str) -> bool:
    """Whether a whole line (a paragraph) is transcript, ad or newsletter furniture."""
    s = line.strip()
    if not s:
        return False
    n = len(s.split())
    rx = _rx()
    if _TIMESTAMP_LINE.match(s) or (n <= 10 and _CHAPTER.match(s) and not _SENTENCE_END.search(s)):
        return True
    if (
        n <= 12
        and ("[" in s or "(" in s)
        and not re.search(r"[^\W_]", re.sub(_STAMP, "", strip_stage(s)))
        and rx["stage"].search(s)
    ):
        return True
    if n <= MAX_AD_WORDS and (rx["sponsor"].match(s) or rx["ask"].search(s)):
        return True
    if n <= 40 and _POLL.match(s):
        return True
    if n <= 30 and (_CREDIT_START.match(s) or len(_CREDIT.findall(s)) >= 2):
        return True
    return n <= 30 and bool(_STREET.search(s)) and bool(_POSTCODE.search(s))
