"""Numeric trend facts: a quantity, value, unit, year and label, found by patterns.

A fact needs a number *with a unit or scale* (1e35 FLOP, $41–78 M, 15 trillion tokens, 70%,
100x, five orders of magnitude); bare numbers, years and numbers inside model names are skipped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

from model.importer import lexicon
from model.importer.article import TrendFact
from model.tex_display import TEX

_WORDNUM = {
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "thousand": 1e3,
    "a thousand": 1e3,
    "one thousand": 1e3,
    "several": 3,
    "a couple of": 2,
    "a few": 3,
}
_SCALE = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "hundred": 1e2,
    "quadrillion": 1e15,
}
_FRACTION = {
    "tenth": 1e-1,
    "hundredth": 1e-2,
    "thousandth": 1e-3,
    "ten-thousandth": 1e-4,
    "hundred-thousandth": 1e-5,
    "millionth": 1e-6,
    "billionth": 1e-9,
    "half": 0.5,
    "third": 1 / 3,
    "quarter": 0.25,
}
_ONES = "one two three four five six seven eight nine".split()
_TEENS = "ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_CARDINAL = {w: float(i) for i, w in enumerate(["zero", *_ONES], start=0)}
_CARDINAL.update({w: float(10 + i) for i, w in enumerate(_TEENS)})
_CARDINAL.update({w: float(20 + 10 * i) for i, w in enumerate(_TENS)})
# A number written in words: "seventeen", "twenty-three", "twenty three", "two hundred".
_CARD = (
    rf"(?:(?:{'|'.join(_TENS)})(?:[- ](?:{'|'.join(_ONES)}))?|{'|'.join(_TEENS)}|zero|"
    rf"{'|'.join(_ONES)})(?:\s+hundred)?|an?\s+hundred"
)
_SUP = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_EXP = (
    r"(?:\s?[eE]\s?[+-]?\d{1,3}|\s?[×x*]\s?10\^?[⁰¹²³⁴⁵⁶⁷⁸⁹⁻\d-]{1,4}"
    r"|\s?\\(?:times|cdot)\s?10\^\{?-?\d{1,3}\}?\$?)"  # TeX: $3 \times 10^{14}$
)
_SCALEW = r"(?:thousand|million|billion|trillion|quadrillion|hundred|mn|bn|tn|[kKMBT](?![\w-]))"
_UNITS = [
    (r"\s?percentage[\s-]points?\b|\s?(?:pp|p\.p\.)(?!\w)", "percentage points"),
    (r"%\s+of\s+(?:world\s+|global\s+)?gdp", "percent of GDP"),
    (r"%\s+of\s+[\w'’. -]{0,40}?(?:revenue|budget|spending|income)", "percent of {}"),
    (r"%|\s?percent\b|\s?per\s?cent\b", "percent"),
    (
        r"\s?(?:×|x|times)\s+(?:per|a|each|every)\s+year\b|\s?(?:×|x)\s*/\s*(?:yr|year)"
        r"|\s?(?:×|x|times)\s+(?:annually|yearly)\b",
        "x/year",
    ),
    (r"\s?(?:×|x)(?![\w])|\s?times\b|\s?-fold\b|\s?fold\b", "x"),
    (
        r"\s?flop/s\b|\s?flops?\b|\s?petaflop(?:/s)?-days?\b|\s?floating[\s-]point\s+operations\b",
        "FLOP",
    ),
    (r"\s?(?:tokens?)\b", "tokens"),
    (r"\s?(?:words)\b", "words"),
    (r"\s?(?:parameters?|params?)\b|\s?-parameter\b", "parameters"),
    (r"\s?(?:H100\s+|A100\s+)?gpus?\b|\s?chips?\b|\s?accelerators?\b", "GPUs"),
    (r"\s?(?:twh|terawatt[\s-]hours?)\s*(?:yr⁻¹|/\s*y(?:ea)?r|per year|a year)?", "TWh/year"),
    (r"\s?gigawatt[\s-]hours?\b", "GWh"),
    (r"\s?megawatt[\s-]hours?\b", "MWh"),
    (r"\s?(?:kw|mw|gw)h?\b", "{}"),
    (r"\s?t(?:onnes|ons)?\s+co[₂2](?:-?eq)?", "t CO2-eq"),
    (r"\s?years\s+of\s+[\w-]+(?:\s+(?:input|data|text|experience))?", "years of {}"),
    (r"\s?(?:seconds|minutes|hours)\b", "{}"),
    (r"\s?(?:usd|dollars)\b", "USD"),
    (r"\s?cents\b", "cents"),  # converted to USD where the fact is made
]
_UNIT_RE = [(re.compile(p, re.I), u) for p, u in _UNITS]
_CORE = re.compile(
    rf"(?P<cur>[$€£]\s?)?(?P<num>{_NUM})(?P<exp>{_EXP})?"
    rf"(?:\s?(?P<rsep>–|-|—|to)\s?[$€£]?(?P<num2>{_NUM}))?"
    rf"(?:\s?(?P<scale>{_SCALEW}))?"
)
_ORDERS = re.compile(
    r"\b(?P<w>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2}|"
    r"a couple of|several|a few|an)[\s-]+(?:orders?[\s-]+of[\s-]+magnitude|OOMs?)\b"
    r"(?P<py>\s+(?:per|a|each|every)\s+year\b)?",  # "2 OOMs", "an OOM per year"
    re.I,
)
_FOLDW = (
    r"two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|"
    r"(?<![\d.])\d{1,3}(?:\.\d+)?"
)
_PER_YEAR = r"\s+(?:annually|yearly|(?:per|a|each|every)\s+year)\b"
_WORD_TIMES = re.compile(
    r"\b(?P<w>one hundred|a hundred|one thousand|a thousand|two|three|four|five|six|seven|eight|"
    r"nine|ten|twelve|twenty|fifty|hundred|thousand)(?P<rng>\s+(?:to|or)\s+(?:two|three|four|"
    rf"five|six|seven|eight|nine|ten|twelve|twenty))?\s+times\b(?P<py>{_PER_YEAR})?",
    re.I,
)  # "four to five times per year": a range, read as its lower bound (as "$41–78 M" is)
# A doubling or halving time: "has doubled about every seven months" is 7 months, not a ratio
# of 2; "cut in half about every eight months" is 8 months.
_DOUBLING = re.compile(
    r"\b(?:doubl(?:es|ed|ing|e)|halv(?:es|ed|ing|e)|(?:cut|cuts|falls?|fell|fallen|drops?|"
    r"dropped|shrinks?|shrank)\s+(?:[\w'’-]+\s+){0,8}?(?:in|by)\s+half)\s+"
    r"(?:(?:roughly|about|approximately|around|once|~)\s*)*every\s*~?\s*"
    r"(?P<n>\d{1,3}(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<u>months|years)\b",
    re.I,
)
# A bare power of ten with a unit: "10^24 FLOPs", "$$10^{12}$$ parameters" (LaTeX).
_POW10 = re.compile(
    r"(?<![\d.×x*])(?<![×x*] )(?<!\\times )(?<!\\times)(?<!\\cdot )(?<!\\cdot)"  # a mantissa's
    r"10\s?\^\s?\{?(?P<e>\d{1,3})\}?(?:\$\$|\$)?"
)
# "tenfold", "a hundredfold increase"; "doubled", "could more than triple" (a ratio of 2 or 3).
_FOLD = re.compile(
    rf"\b(?P<w>{_FOLDW})(?P<rng>-?\s+(?:to|or)\s+(?:{_FOLDW}))?-?fold\b(?P<py>{_PER_YEAR})?|"
    r"\b(?P<m>doubl|tripl|quadrupl)(?:e|ed|es)\b",
    re.I,
)
# "by a factor of four to five each year": a multiplier (per year), its range read as the lower end.
_FACTOR = re.compile(
    r"\ba factor of\s+(?:(?:about|roughly|around|nearly|almost|some|more than|over)\s+)?"
    rf"(?P<w>\d+(?:\.\d+)?|{_FOLDW})(?:\s+(?P<s>thousand|million|billion|trillion))?"
    rf"(?P<rng>\s+(?:to|or)\s+(?:\d+(?:\.\d+)?|{_FOLDW}))?(?P<py>{_PER_YEAR})?",
    re.I,
)
_FOLD_VALUE = {"doubl": 2.0, "tripl": 3.0, "quadrupl": 4.0}
_PERCENTILE = re.compile(r"\b(?P<n>\d{1,2})(?:st|nd|rd|th)\s+percentile\b", re.I)
_SCALE_WORD = r"(?:\s+(?P<s>thousand|million|billion|trillion))?"
# A number in words with a unit: "fifteen trillion tokens", "at or near zero percent".
_SPELLED = re.compile(rf"\b(?P<n>{_CARD}){_SCALE_WORD}(?=[\s-])", re.I)
# A power of ten in words, as spoken: "three times ten to the twenty three flops",
# "3.8 times ten to the 25th floating-point operations".
_SPOKEN_POW = re.compile(
    rf"\b(?P<m>\d+(?:\.\d+)?|{_CARD})\s+times\s+ten\s+to\s+the\s+"
    rf"(?P<e>\d{{1,2}}(?:st|nd|rd|th)?|{_CARD})(?:\s+power)?\b",
    re.I,
)
# Hours and minutes: "two hours and seventeen minutes" 137, "an hour and a half" 90,
# "roughly an hour" 60 (minutes).
_DURATION = re.compile(
    rf"\b(?P<h>\d{{1,2}}|{_CARD}|an|one)\s+hours?\s+and\s+(?:(?P<m>\d{{1,2}}|{_CARD})\s+"
    r"minutes?\b|(?P<half>a half)\b)|\b(?:about|roughly|around|nearly|almost|some|just over)\s+"
    r"(?P<one>an hour)\b(?!\s+(?:and|or|of\s+\w+\s+per))",
    re.I,
)
# "35 of 42 points", "35 out of a possible 42 points": the score is the first number.
_OF_POINTS = re.compile(
    r"\b(?P<n>\d{1,3}(?:\.\d+)?)\s+(?:out\s+)?of\s+(?:a\s+possible\s+|the\s+)?\d{1,3}\s+"
    r"(?:available\s+)?points\b",
    re.I,
)
_YEARLIKE = re.compile(r"(?:19|20)\d{2}")
_FRAC = re.compile(
    r"\b(?P<w>one|a)\s+(?P<f>ten-thousandth|hundred-thousandth|thousandth|"
    r"hundredth|tenth|millionth|billionth)\b",
    re.I,
)
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# "in 2024", "by mid-2025", "in March 2025", "as of late 2024". Not "since 2010": a start year
# is not the year of the figure (the sentence still dates it elsewhere, so it is no point).
_YEAR_CUE = re.compile(
    r"\b(?:in|by|before|after|until|from|through|as of|during|of|fiscal(?: year)?|FY)\s*'?"
    rf"(?:(?:early|mid|late|the (?:end|start|beginning|middle|first half|second half) of|{_MONTH})"
    rf"[\s-]+)?((?:19|20)\d{{2}})\b(?!\s*(?:to|and|through|until)\s+(?:{_MONTH}\s+)?(?:19|20)\d{{2}})",
    re.I,
)
# "from 2023 to 2024", "between 2022 and 2024": a change over a span is dated by its end.
_SPAN_YEARS = re.compile(
    rf"\b(?:from|between)\s+(?:{_MONTH}\s+)?(?:19|20)\d{{2}}\s+(?:to|and|through|until)\s+"
    rf"(?:{_MONTH}\s+)?((?:19|20)\d{{2}})\b",
    re.I,
)
_NEXT_NUMBER = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)?(?![\d.,]*[A-Za-z])")  # not "a 7B model"
_CLAUSE_END = re.compile(r"[,;:]\s|\s(?:and|but|while|whereas)\s", re.I)
# "55 percent the year before", "17.5 points a year earlier": the figure's year is relative.
_RELATIVE = re.compile(
    r"[^.;:\n]{0,30}?\b(?:(?:a|the|one) (?:year|month) (?:before|earlier|prior)|"
    r"the (?:previous|prior) year|a year ago|last year)\b",
    re.I,
)


def _cue_year(sentence: str, a: int, b: int) -> int | None:
    """The year a sentence ties to the number at [a, b): the nearest year cue after it and before
    the next number ("4.4% in 2023 and 71.7% in 2024"), else the nearest one before it ("In 2020,
    GPT-3 had 175 billion parameters")."""
    cues = [(m.start(1), int(m.group(1))) for m in _YEAR_CUE.finditer(sentence)]
    cues += [(m.start(), int(m.group(1))) for m in _SPAN_YEARS.finditer(sentence)]
    rest = _MODEL.sub(lambda m: "M" * len(m.group(0)), sentence[b:])  # "GPT-5" is no number
    stops = [m.start() for m in _NEXT_NUMBER.finditer(rest) if not _YEARLIKE.fullmatch(m.group(0))]
    stops += [m.start() for m in _CLAUSE_END.finditer(rest)]
    nxt = b + min(stops, default=len(rest))
    after = [(p, y) for p, y in cues if b <= p < nxt]
    # "rose 48.9 points in a single year, from 2023 to 2024": a span right after the clause
    after += [
        (m.start(), int(m.group(1)))
        for m in _SPAN_YEARS.finditer(sentence, nxt)
        if m.start() <= nxt + 3
    ]
    if after:
        return min(after)[1]
    before = [(a - p, y) for p, y in cues if p < a]
    return min(before)[1] if before else None


_MODEL = re.compile(
    r"\b(?:GPT-?\d[\w.-]*|Claude(?:\s\d(?:\.\d)?)?(?:\s(?:Opus|Sonnet|Haiku))?|"
    r"Llama\s?\d[\w.-]*|Gemini(?:\s[\d.]+)?(?:\s(?:Ultra|Pro|Flash|Nano))?|"
    r"o\d(?:-\w+)?|PaLM\s?\d?|Chinchilla|Gopher|Mixtral[\w .-]*|Mistral[\w.-]*|"
    r"DeepSeek[\w.-]*|Grok[\w.-]*|Qwen[\w.-]*|BERT|AlphaGo(?:\sZero)?)\b"
)
MODEL_NAME = _MODEL  # model names, for apply.suggest_series
_QUANTITY = [
    (r"\bprobab|\bchance|\blikel", "probability"),
    (r"\bgdp\b|\binvest", "investment"),
    (r"\brevenue|\bsales\b|\bearnings\b|\bbookings\b", "revenue"),  # money made is not a cost
    (r"\bcost|\bspend|\bprice|\bcheaper|\bexpensive|\$", "cost"),
    (
        r"\bscore|\bbenchmark|\baccura|\barc-agi|\bmmlu|\bswe-bench|\bhumaneval|\bmath\b",
        "benchmark score",
    ),
    (r"\bemi(?:t|ssion)|\bco[₂2]", "emissions"),
    (r"\benergy|\bpower|\belectric|\btwh|\bkw\b", "energy"),
    (r"\bdata\b|\btokens?\b|\btext\b|\bwords\b", "data"),
    (r"\bcompute|\bflop", "training compute"),
    (r"\bparameter", "parameters"),
    (r"\bgpu|\bcluster", "hardware"),
]


def _cardinal(words: str) -> float:
    """The value of a number in words (_CARD): "twenty-three" 23, "two hundred" 200."""
    parts = re.split(r"[\s-]+", words.lower())
    mult = 100.0 if parts[-1] == "hundred" else 1.0
    parts = [p for p in parts if p != "hundred"]
    value = sum(_CARDINAL.get(p, 1.0 if p in ("a", "an") else 0.0) for p in parts)
    return value * mult


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _exp(e: str | None) -> float:
    if not e:
        return 1.0
    e = e.translate(_SUP).replace(" ", "").replace("{", "").replace("}", "").rstrip("$")
    m = re.search(r"[eE]([+-]?\d+)$", e) or re.search(r"10\^?(-?\d+)$", e)
    return 10.0 ** int(m.group(1)) if m else 1.0


def _unit_after(text: str, pos: int) -> tuple[str, int] | None:
    for rx, unit in _UNIT_RE:
        m = rx.match(text, pos)
        if m:
            if "{}" in unit:
                grp = m.group(0).strip().lower()
                if unit == "percent of {}":
                    grp = re.sub(r"^%\s+of\s+", "", grp)
                elif unit.startswith("years"):
                    grp = re.sub(r"^years\s+of\s+", "", grp)
                unit = unit.format(grp) if unit != "{}" else grp
            return unit, m.end()
    return None


_THIS_YEAR = datetime.now(UTC).year
_REACH = 1_500  # a sentence is looked for this far around a number (no rescans of a long line)


def _sentence_bounds(text: str, a: int, b: int) -> tuple[int, int]:
    # after the last line break or ". "/"; " before the span, within _REACH characters
    lo, hi = max(0, a - _REACH), min(len(text), b + _REACH)
    stops = (text.rfind(". ", lo, a), text.rfind("; ", lo, a), text.rfind("\n", lo, a))
    s = max([lo] + [i + (1 if text[i] == "\n" else 2) for i in stops if i >= 0])
    e_candidates = [
        i
        for i in (text.find("\n", b, hi), text.find(". ", b, hi), text.find("; ", b, hi))
        if i >= 0
    ]
    e = min(e_candidates) if e_candidates else hi
    return s, e


# What a number is, beyond its unit (issue 12: only observations may become series points).
_RATIO_AFTER = re.compile(
    r"^[\s-]*(?:per|/|for (?:each|every)|a|an)[\s-]+(?:(?:thousand|million|billion|1,?000|1m|m|k)"
    r"\s+)?(?:(?:input|output)\s+)?(?:parameter|param|token|word|dollar|gpu|chip|"
    r"accelerator|user|person|capita|query|request|image|step|example|sample|second|minute|hour|"
    r"day|week|month|year|seat|licen[cs]e|subscriber|head|employee|worker|model)s?\b",
    re.I,
)
_HYPOTHETICAL_SENTENCE = re.compile(
    r"\b(?:if|suppose|supposing|imagine|hypothetical\w*|say we|let(?:'s|’s| us) say|were to)\b",
    re.I,
)
_HYPOTHETICAL_CLAUSE = re.compile(r"\b(?:would|could|might)\b", re.I)
_PROJECTION = lexicon.words("fact_projection")
_POLL = lexicon.words("fact_poll")
# "its 1 GW campus, planned for 2027": the plan is said in the clause right after the number
_PLANNED_AFTER = re.compile(
    r"[^,;.\n]{0,40}[,;]?\s*(?:planned|scheduled|expected|due|slated|projected|proposed)\b", re.I
)
# a bar right before the number: "models trained above 10^25 FLOP", "at least 75%"
_THRESHOLD = re.compile(
    r"(?<![\w-])"
    + lexicon.pattern("fact_threshold")
    + r"\s*(?:(?:about|roughly|around|some)\s+)?[$€£]?$",
    re.I,
)
_REFERENCE = re.compile(
    r"\b(?:stock|total|supply|reserves?|in existence|exists?|available|all (?:the )?(?:\w+ )?"
    r"(?:text|data|tokens)|the entire|(?:upper|hard) limit|ceiling|the whole|human-written|"
    r"ever (?:written|produced)|on the (?:internet|web)|"
    # a human baseline on a benchmark is a reference level for the models, not a model's score
    r"humans|people|persons|human (?:testers|baseline|panel|participants|experts?|average)|"
    r"the average (?:person|human)|crowd ?workers|thresholds?|cut-?offs?|bar)\b",
    re.I,
)


# "64 percent year over year", "40 percent higher", "3x cheaper": a change or a comparison
# between two things, not a level of either.
_COMPARED_AFTER = re.compile(
    r"^[\s-]*(?:(?:year|quarter|month)[\s-]+(?:over|on)[\s-]+(?:year|quarter|month)|y-?o-?y\b|"
    r"(?:higher|lower|more|less|fewer|faster|slower|cheaper|dearer|better|worse|larger|smaller|"
    r"bigger|greater|longer|shorter)\b(?!\s+(?:than\s+)?(?:tokens|parameters|flops?)))",
    re.I,
)
# "at 50 percent reliability", "95% confidence": a percentage that sets how something is measured.
_CRITERION_AFTER = re.compile(
    r"^[\s-]*(?:reliability|success(?:\s+rate)?|confidence|probability|of the time)\b", re.I
)
# The writer's (or the reader's) own organisation: "our own cluster went from 4,000 accelerators",
# "your company asked for a $40 million grant" is no figure of the field's trend.
_OWN = re.compile(r"\b(?:our|ours|we|us|my|your)\b", re.I)
_HUMAN_BASELINE = re.compile(
    r"\b(?:humans?|people|human (?:testers|baseline|panel|participants|experts?)|"
    r"(?:human )?(?:testers|participants|crowd ?workers))\b",
    re.I,
)
_NAMED_YEAR = re.compile(_MODEL.pattern + r"\s*\(\s*((?:19|20)\d{2})\s*\)")
_ANY_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d%]|[.,]\d)")


def _dated_elsewhere(sentence: str, a: int, b: int) -> bool:
    """The sentence names a model or a year (outside the number itself) but gives the figure no
    year of its own: "Training GPT-3 took about 50 GWh" in a 2025 article is not a 2025 point;
    the model's figure dates from when the model was built, which the sentence does not say."""
    rest = sentence[:a] + " " * (b - a) + sentence[b:]
    return bool(_MODEL.search(rest) or _ANY_YEAR.search(rest))


def fact_kind(text: str, a: int, b: int) -> str:
    """observation | ratio | hypothetical | projection | poll | reference: "20 tokens per
    parameter" is a ratio, "would want 200T tokens" a hypothetical, "will need 1e28 FLOP" a
    projection, "38% of respondents said yes" a poll and "the stock of text is 300T tokens" or
    "models above 10^25 FLOP" a reference level, none of them a model's measured value."""
    s, e = _sentence_bounds(text, a, b)
    sentence = text[s:e]
    cs = max([s] + [m.end() + s for m in re.finditer(r"[,;:—–(]", text[s:a])])
    ce = min([e] + [m.start() + b for m in re.finditer(r"[,;:—–)]", text[b:e])])
    clause = text[cs:ce]
    after = text[b : b + 40]
    if _RATIO_AFTER.match(after) or _COMPARED_AFTER.match(after):
        return "ratio"
    if _HYPOTHETICAL_SENTENCE.search(sentence) or _HYPOTHETICAL_CLAUSE.search(clause):
        return "hypothetical"
    if _PROJECTION.search(clause) or _PLANNED_AFTER.match(text, b, e):
        return "projection"
    if _POLL.search(clause):
        return "poll"
    if _OWN.search(clause):
        return "own"
    if (
        _REFERENCE.search(clause)
        or _THRESHOLD.search(text[max(s, a - 48) : a])
        or _CRITERION_AFTER.match(after)
        or (_HUMAN_BASELINE.search(text[s:a]) and not _MODEL.search(sentence))
    ):
        return "reference"
    return "observation"


def _label(text: str, a: int, b: int) -> str:
    s, e = _sentence_bounds(text, a, b)
    best, dist = None, 10**9
    for m in _MODEL.finditer(text, s, e):
        d = a - m.end() if m.end() <= a else m.start() - b
        d = d if d >= 0 else 0
        if d < dist:
            best, dist = m.group(0).strip(), d
    if best:
        return best
    words = re.findall(r"[\w'’-]+", text[s:a])
    return " ".join(words[-6:]) if words else ""


def _quantity(context: str, unit: str) -> str:
    ctx = context.lower()
    if unit == "FLOP":
        return "training compute"
    if unit == "tokens" or unit == "words":
        return "data (tokens)"
    if unit == "parameters":
        return "parameters"
    if unit == "x/year":
        return "growth per year"
    for rx, name in _QUANTITY:
        if re.search(rx, ctx):
            return name
    return "ratio" if unit == "x" else unit


def _opens_math(text: str, at: int) -> bool:
    """Whether the "$" at `at` opens TeX math (tex_display's Pandoc rule: "$5 and $10" is
    money) holding a macro, script or brace."""
    m = TEX.match(text, at)
    return bool(m and m.group(0).startswith("$") and re.search(r"[\\^_{}]", m.group(0)))


def _core_matches(text: str) -> Iterator[re.Match[str]]:
    """Number phrases; "in 2023 to 87%" is a year then a number, not the range 2023–87."""
    pos = 0
    while (m := _CORE.search(text, pos)) is not None:
        if m.group("num2") and not m.group("cur") and _YEARLIKE.fullmatch(m.group("num")):
            if not _YEARLIKE.fullmatch(m.group("num2")):
                m = _CORE.match(text, m.start("num2"))
        if m is None:
            break
        yield m
        pos = max(m.end(), m.start() + 1)


# Words every unit of _UNITS that can follow a number in words starts with (or holds).
_UNIT_WORDS = ("percent", "per cent", "token", "param", "word", "gpu", "chip", "accelerator",
               "dollar", "usd", "cent", "minute", "hour", "second", "flop", "floating", "watt",
               "twh", "kwh", "mwh", "gwh", "years of", "tonne", "tons")  # fmt: skip


def _near(
    rx: re.Pattern[str],
    text: str,
    low: str,
    anchors: tuple[str, ...],
    before: int = 80,
    after: int = 60,
) -> list[re.Match[str]]:
    """rx's matches that hold (or, with after=0, end just before) one of the anchor words, found
    in a window around each anchor: scanning a long text once per anchor with str.find is much
    faster than running a pattern that opens with a long alternation at every position."""
    out: dict[tuple[int, int], re.Match[str]] = {}
    for anchor in anchors:
        i = low.find(anchor)
        while i >= 0:
            for m in rx.finditer(text, max(0, i - before), min(len(text), i + len(anchor) + after)):
                inside = m.start() <= i < m.end() if after else 0 <= i - m.end() <= 2
                if inside:
                    out.setdefault(m.span(), m)
            i = low.find(anchor, i + 1)
    return [out[k] for k in sorted(out)]


_INDEFINITE = re.compile(r"\b(?:a|an|one|any|some)\s+(?:[\w-]+\s+)?$", re.I)
_SIZED_MODEL = re.compile(r"[\s-]+(?:model|llm|network|transformer)s?\b", re.I)


def find_facts(text: str) -> list[TrendFact]:
    """All numeric trend facts in text, in text order."""
    facts: list[TrendFact] = []
    taken: list[tuple[int, int]] = []

    def add(a: int, b: int, value: float, unit: str, rng: str = "", hint: str = "") -> None:
        if any(a < y and x < b for x, y in taken):
            return
        taken.append((a, b))
        line_s = text.rfind("\n", 0, a) + 1
        line_e = text.find("\n", b)
        line_e = len(text) if line_e < 0 else line_e
        line = text[line_s:line_e]
        row_year = re.match(r"\s*((?:19|20)\d{2})\b", line)
        row_model = None
        if row_year:
            mm = _MODEL.search(line)
            row_model = mm.group(0) if mm else None
        s, e = _sentence_bounds(text, a, b)
        ctx = text[s:e]
        year, relative = _cue_year(ctx, a - s, b - s), bool(_RELATIVE.match(text, b, e))
        if relative:
            year = None
        elif year is not None:
            pass
        elif row_year:
            year = int(row_year.group(1))
        elif (named := _NAMED_YEAR.search(ctx)) and len(set(_MODEL.findall(ctx))) == 1:
            year = int(named.group(1))  # "GPT-3 (2020) used …": the bracketed year dates the
            # only model the sentence names
        label = row_model or _label(text, a, b)  # a table row's model names its numbers
        if rng:
            label = f"{label} (range {rng})".strip()
        quantity = _quantity(text[max(s, a - 80) : min(e, b + 60)], unit)
        if row_year and unit == "percent":
            quantity = "benchmark score"
        kind = fact_kind(text, a, b)
        if kind == "observation" and hint:
            kind = hint
        if kind == "observation" and unit == "x":
            kind = "ratio"  # "tenfold", "a thousand times", "doubled": one level against another
        if kind == "observation" and year is not None and year > _THIS_YEAR:
            kind = "projection"  # a figure dated in the future is a forecast, whatever its words
        elsewhere = year is None and (relative or _dated_elsewhere(ctx, a - s, b - s))
        facts.append(
            TrendFact(text[a:b], a, b, quantity, value, unit, year, label, kind, elsewhere)
        )

    low = text.lower()
    for m in _near(_SPOKEN_POW, text, low, ("ten to the",)):
        mant, ex = m.group("m"), re.sub(r"(?:st|nd|rd|th)$", "", m.group("e"))
        mv = _num(mant) if mant[0].isdigit() else _cardinal(mant)
        ev = int(ex) if ex.isdigit() else int(_cardinal(ex))
        hit = _unit_after(text, m.end())
        unit, end = (
            (hit[0], hit[1]) if hit and hit[0] not in ("x", "percent") else ("count", m.end())
        )
        add(m.start(), end, mv * 10.0**ev, unit)
    for m in _near(_DURATION, text, low, ("hour",)):
        if m.group("one"):
            add(m.start("one"), m.end(), 60.0, "minutes")
            continue
        h = m.group("h").lower()
        hours = _num(h) if h.isdigit() else (1.0 if h in ("an", "one") else _cardinal(h))
        mins = (
            30.0
            if m.group("half")
            else (_num(m.group("m")) if m.group("m").isdigit() else _cardinal(m.group("m")))
        )
        add(m.start(), m.end(), 60.0 * hours + mins, "minutes")
    for m in _near(_OF_POINTS, text, low, ("points",)):
        add(m.start(), m.end(), _num(m.group("n")), "points")
    for m in _near(_ORDERS, text, low, ("magnitude", "oom")):
        w = m.group("w").lower()
        n = int(w) if w.isdigit() else _WORDNUM.get(w, 1)
        add(m.start(), m.end(), float(10**n), "x/year" if m.group("py") else "x")
    for m in _near(
        _FRAC, text, low, ("tenth", "hundredth", "thousandth", "millionth", "billionth")
    ):
        add(m.start(), m.end(), _FRACTION[m.group("f").lower()], "fraction")
    for m in _near(_WORD_TIMES, text, low, ("times",)):
        unit = "x/year" if m.group("py") else "x"
        rng = m.group(0).strip() if m.group("rng") else ""
        add(m.start(), m.end(), float(_WORDNUM[m.group("w").lower()]), unit, rng)
    for m in _near(_DOUBLING, text, low, ("every",), before=140):
        n = m.group("n").lower()
        add(m.start(), m.end(), float(_WORDNUM.get(n) or n), m.group("u").lower())
    for m in _POW10.finditer(text):
        hit = _unit_after(text, m.end())
        if hit and hit[0] not in ("x", "percent"):
            add(m.start(), hit[1], float(10 ** int(m.group("e"))), hit[0])
    folds = _near(_FOLD, text, low, ("fold", "doubl", "tripl", "quadrupl"))
    for m in [*folds, *_FACTOR.finditer(text)]:
        w = (m.group("w") or "").lower()
        value = _WORDNUM.get(w) or (_num(w) if w[:1].isdigit() else None)
        value = value or _FOLD_VALUE.get((m.groupdict().get("m") or "").lower())
        if value and m.groupdict().get("s"):
            value *= _SCALE[m.group("s").lower()]
        if value:
            unit = "x/year" if m.group("py") else "x"
            rng = m.group(0).strip() if m.group("rng") else ""
            add(m.start(), m.end(), float(value), unit, rng)
    for m in _near(_PERCENTILE, text, low, ("percentile",)):
        add(m.start(), m.end(), float(m.group("n")), "percentile")
    for m in _near(_SPELLED, text, low, _UNIT_WORDS, before=60, after=0):
        hit = _unit_after(text, m.end())
        if hit and hit[0] not in ("x", "x/year"):
            scale = _SCALE[m.group("s").lower()] if m.group("s") else 1.0
            value, unit = _cardinal(m.group("n")) * scale, hit[0]
            if unit == "cents":
                value, unit = value / 100, "USD"
            add(m.start(), hit[1], value, unit)
    for m in _core_matches(text):
        a = m.start()
        before = text[max(0, a - 12) : a]
        if re.search(r"[\w.]-$|[\d.,]$|\^\s?\{?$", before):
            continue  # inside a model name (GPT-4), another number or an exponent (10^24)
        alpha = re.search(r"([A-Za-z]+)$", before)
        if alpha and not (alpha.group(1).islower() and len(alpha.group(1)) >= 4):
            continue  # H100, o3, Llama3 …
        value = _num(m.group("num")) * _exp(m.group("exp"))
        scale, hint = m.group("scale"), ""
        mult = _SCALE.get(scale.lower(), 1.0) if scale else 1.0
        end = m.end()
        unit_hit = _unit_after(text, end)
        cur = m.group("cur")
        if cur and _opens_math(text, m.start("cur")):
            cur, a = None, m.start("num")  # "$3 \times 10^{14}$ tokens" is a number, not money
        if cur:
            unit = {"$": "USD", "€": "EUR", "£": "GBP"}[cur.strip()]
            if unit_hit and unit_hit[0] != "USD":
                unit_hit = None
        elif unit_hit:
            unit = unit_hit[0]
        elif m.group("exp"):
            unit = "count"
        elif scale and scale.lower() in (
            "thousand",
            "million",
            "billion",
            "trillion",
            "quadrillion",
        ):
            unit = "count"
            nxt = re.match(r"\s+([a-z]+)", text[end : end + 20])
            if nxt and nxt.group(1) in ("minutes", "hours", "people", "users", "videos", "images"):
                unit = nxt.group(1)
                end += nxt.end()
        elif (
            scale
            and scale.upper() == "B"
            and (text[max(0, a - 1) : a] == "(" or _SIZED_MODEL.match(text, end))
        ):
            unit = "parameters"  # "GPT-3 (175B)", "a 1.5B model"
            if _INDEFINITE.search(text, max(0, a - 30), a):
                hint = "unnamed"  # "an untuned 175B model": a size, not a named model's point
        else:
            continue
        if unit_hit:
            end = unit_hit[1]
        if unit == "cents":
            value, unit = value / 100, "USD"
        raw = m.group("num")
        if unit == "count" and not m.group("exp") and re.fullmatch(r"(?:19|20)\d{2}", raw):
            continue
        if unit == "percent" and _num(raw) > 100 and not m.group("exp"):
            continue
        rng = ""
        if m.group("num2"):
            rng = text[a:end].strip()
        add(a, end, value * mult, unit, rng, hint)
    facts.sort(key=lambda f: f.start)
    return facts
