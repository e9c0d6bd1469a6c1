"""A learned last look at page chrome: one line at a time, from its shape, words and neighbours.

Why: the chrome rules (chrome.py and the format modules) are written for formats someone has
seen. Every fresh held-out set brought formats none of them knew — a deposition's caption box,
a patent's field codes, a petition's buttons — and on first contact a fifth to a quarter of its
chrome stayed in the text. This model reads what those formats share instead: short lines
without function words, "Label: value" rows, separators, addresses and codes, legal notices,
calls to action, a run of such lines at the top or the bottom of a page.

It is a logistic regression over the lines of the annotated articles (gold chrome samples
against the article's own lines), trained by tools/train_chrome_lines.py and stored in
data/chrome_lines.json. It only adds chrome: it looks at the lines the rules kept, never at a
long paragraph (which is body, or chrome merged into body that no line rule can take out), and
drops a line only when it is very sure (the stored threshold), since a lost claim costs a user
more than a stray notice. Pure Python: a dict of weights, no numpy at import time.
"""

from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from pathlib import Path

from model.importer.chrome import is_prose

DATA = Path(__file__).parent / "data" / "chrome_lines.json"
MAX_WORDS = 60  # longer lines are paragraphs: never judged here
PROSE_WORDS = 20  # the margins end where paragraphs this long (ending a sentence) begin

# English function words (articles, auxiliaries, prepositions, pronouns): prose has them, field
# rows and buttons mostly do not. A closed grammatical class, not a list taken from any article.
FUNCTION_WORDS = frozenset(
    "the of and to a in is that it for as with was on be by this are not or but from at an "
    "have has had were will can would could which their its they we you he she his her our "
    "there been more than also into about may might should must do does did".split()
)
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+")
_END_STOP = re.compile(r"[.!?][\"'”’)]*$")
_SEPARATORS = re.compile(r"[·|•]| / | — ")
_ADDRESS = re.compile(r"https?://|www\.|\.\w{2,4}/|@\w|\b\w+\.(?:com|org|net|example)\b")
_COPYRIGHT = re.compile(r"©|\(c\)|copyright|all rights reserved", re.I)
_LABEL = re.compile(r"^[A-Z][\w .&'/-]{0,30}:\s*\S")
_CODE = re.compile(r"^\s*[\[(]\w{1,4}[\])]")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _shape(line: str) -> dict[str, float]:
    """What a line looks like, whatever its words: length, ending, case, digits, marks."""
    words = line.split()
    tokens = _TOKEN.findall(line)
    lower = [t.lower() for t in tokens]
    n = max(1, len(tokens))
    letters = max(1, sum(c.isalpha() for c in line))
    return {
        "logw": math.log1p(len(words)),
        "short": float(len(words) <= 4),
        "mid": float(5 <= len(words) <= 12),
        "end_stop": float(bool(_END_STOP.search(line))),
        "end_colon": float(line.rstrip().endswith(":")),
        "cap_first": float(line[:1].isupper()),
        "capfrac": sum(t[:1].isupper() for t in tokens) / n,
        "upper": float(sum(c.isupper() for c in line) > 0.6 * letters),
        "digits": sum(c.isdigit() for c in line) / max(1, len(line)),
        "func": sum(t in FUNCTION_WORDS for t in lower) / n,
        "nofunc": float(not any(t in FUNCTION_WORDS for t in lower)),
        "seps": min(3, len(_SEPARATORS.findall(line))) / 3,
        "url": float(bool(_ADDRESS.search(line))),
        "copy": float(bool(_COPYRIGHT.search(line))),
        "label": float(bool(_LABEL.match(line))),
        "bracket": float(bool(_CODE.match(line))),
        "year": float(bool(_YEAR.search(line))),
        "comma": min(4, line.count(",")) / 4,
    }


def features(lines: list[str], i: int, repeats: dict[str, int]) -> dict[str, float]:
    """Line i's features: its shape, its words, its place in the page and its neighbours'.

    `repeats` counts each stripped, lower-cased line of the page (a running header repeats)."""
    line = lines[i].strip()
    out = _shape(line)
    n = len(lines)
    out["top"] = float(i < 3)
    out["bottom"] = float(n - i <= 3)
    out["pos"] = i / max(1, n - 1)
    out["repeat"] = float(repeats.get(line.lower(), 0) > 1)
    for side, j in (("prev", i - 1), ("next", i + 1)):
        if 0 <= j < n and lines[j].strip():
            near = _shape(lines[j].strip())
            out[side + "_short"] = near["short"]
            out[side + "_stop"] = near["end_stop"]
            out[side + "_func"] = near["func"]
        else:
            out[side + "_none"] = 1.0
    tokens = [t.lower() for t in _TOKEN.findall(line)]
    for t in tokens:
        out["w=" + t] = 1.0
    if tokens:
        out["first=" + tokens[0]] = 1.0
        out["last=" + tokens[-1]] = 1.0
    return out


def repeats_of(lines: list[str]) -> dict[str, int]:
    """How often each non-empty line occurs in the page (stripped, lower-cased)."""
    counts: dict[str, int] = {}
    for ln in lines:
        key = ln.strip().lower()
        if key:
            counts[key] = counts.get(key, 0) + 1
    return counts


Model = tuple[float, dict[str, float], float]  # intercept, weights, threshold


@lru_cache(maxsize=1)
def _model() -> Model | None:
    """(intercept, weights, threshold) from the data file; None when it is missing or unreadable
    (the rules then work alone)."""
    try:
        data = json.loads(DATA.read_text(encoding="utf-8"))
        return float(data["intercept"]), dict(data["weights"]), float(data["threshold"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def probability(feats: dict[str, float], model: Model | None = None) -> float:
    """The probability that a line with these features is chrome (0 without a model).

    `model`: another fit than the shipped one (tools/train_chrome_lines.py's folds)."""
    model = model or _model()
    if model is None:
        return 0.0
    intercept, weights, _ = model
    z = intercept + sum(weights.get(k, 0.0) * v for k, v in feats.items())
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def learned_chrome(
    lines: list[str],
    chrome: set[int],
    model: Model | None = None,
    *,
    keep: frozenset[int] = frozenset(),
) -> set[int]:
    """Lines the rules kept that the model is sure are chrome (at or above its threshold).

    Only lines in the page's margins are judged: above the first prose paragraph, below the
    last, or next to a line already found to be chrome. A short line between two paragraphs
    of the text is a heading or a speaker's name, which the text needs. Nor is a line that
    reads as a sentence judged (`_sentence`). `keep`: lines left to
    another judge (a text file's first line is its title's to decide)."""
    model = model or _model()
    if model is None:
        return set()
    threshold = model[2]
    idx = [i for i, ln in enumerate(lines) if ln.strip()]
    prose = [i for i in idx if i not in chrome and is_prose(lines[i], PROSE_WORDS)]
    first, last = (prose[0], prose[-1]) if prose else (len(lines), -1)
    repeats = repeats_of(lines)
    found: set[int] = set()
    for k, i in enumerate(idx):
        if i in chrome or i in keep or len(lines[i].split()) > MAX_WORDS or _sentence(lines[i]):
            continue
        near = {idx[j] for j in (k - 1, k + 1) if 0 <= j < len(idx)}
        if not (i < first or i > last or near & chrome):
            continue
        if probability(features(lines, i, repeats), model) >= threshold:
            found.add(i)
    return found


def _sentence(line: str) -> bool:
    """A line that reads as a sentence of the text: six words or more, with a function word,
    ending in a full stop, question or exclamation mark. The rules may call one chrome; a
    statistical guess never does, since a lost claim costs a user more than a stray notice."""
    s = line.strip()
    tokens = [t.lower() for t in _TOKEN.findall(s)]
    return (
        len(s.split()) >= 6
        and bool(_END_STOP.search(s))
        and any(t in FUNCTION_WORDS for t in tokens)
    )
