"""Score the importer against hand-annotated gold (format: shared/eval/README.md).

Gold offsets refer to the raw file, proposals to the extracted text, so both are located in a
normalised copy of the raw file (HTML unescaped, tags stripped, quotes/dashes unified, whitespace
collapsed) and compared there. The exact rules are in docs/import.md.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence

from model.importer.article import ImportProposals

_TRANS = str.maketrans(
    {
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "“": '"',
        "”": '"',
        "„": '"',
        "–": "-",
        "—": "-",
        "‒": "-",
        "−": "-",
        "\u00a0": " ",
        "\u200b": "",
    }
)
_TOKEN = re.compile(r"[a-z0-9]+")
_STOP = set(
    "the a an of to and or in on for is are be that this it as with by at from was were "
    "but not no its their they we you i".split()
)


# "10<sup>23</sup>" is read as "10^23" (storage/articles.py), so the raw file is placed alike.
_POWER_SUP = re.compile(r"(?<=10)<sup\b[^>]*>\s*(-?\d{1,3})\s*</sup>", re.I)


def normalise(text: str) -> str:
    """Unescape HTML, strip tags (a power of ten's superscript kept as "^N"), unify quotes and
    dashes, collapse whitespace."""
    if "<" in text or "&" in text:
        text = re.sub(r"<[^>]+>", "", _POWER_SUP.sub(r"^\1", html.unescape(text)))
    return re.sub(r"\s+", " ", text.translate(_TRANS))


def _norm_map(text: str) -> tuple[str, list[int]]:
    """normalise() without tag handling, keeping each output char's offset in text."""
    out, idx, space = [], [], False
    for i, ch in enumerate(text.translate(_TRANS)):
        if ch.isspace():
            if not space:
                out.append(" ")
                idx.append(i)
            space = True
        else:
            out.append(ch)
            idx.append(i)
            space = False
    return "".join(out), idx


# Inline Markdown the reader turns into plain text: a link or image keeps its text, emphasis and
# code marks go. Without this, a sentence holding a link could not be found in the raw file.
_INLINE_MARKUP = re.compile(
    r"!?\[(?P<text>[^\]\n]*)\]\([^)\n]*\)|(?<![\w*_`])(?:\*\*|__|\*|_|`)(?=\S)|"
    r"(?<=\S)(?:\*\*|__|\*|_|`)(?![\w*_`])"
)


def _plain_map(raw: str) -> tuple[str, list[int]]:
    """raw without inline Markdown markup, keeping each output char's offset in raw."""
    out, idx, pos = [], [], 0
    for m in _INLINE_MARKUP.finditer(raw):
        out.append(raw[pos : m.start()])
        idx.extend(range(pos, m.start()))
        if m.group("text"):
            out.append(m.group("text"))
            idx.extend(range(m.start("text"), m.end("text")))
        pos = m.end()
    out.append(raw[pos:])
    idx.extend(range(pos, len(raw)))
    return "".join(out), idx


class Locator:
    """Find spans of the extracted text (or gold quotes) in the normalised raw file."""

    def __init__(self, raw: str, extracted: str) -> None:
        self.raw = normalise(raw)
        self.ext, self._idx = _norm_map(extracted)
        self._plain: tuple[str, list[int]] | None = None

    def _in_plain(self, text: str) -> tuple[int, int] | None:
        """Where text sits in the raw file once inline markup is dropped, in raw offsets."""
        if self._plain is None:
            self._plain = _plain_map(self.raw) if re.search(r"[\[*_`]", self.raw) else ("", [])
        plain, idx = self._plain
        i = plain.find(text) if plain else -1
        return (idx[i], idx[i + len(text) - 1] + 1) if i >= 0 and text else None

    def quote(self, q: str) -> tuple[int, int] | None:
        nq = normalise(q).strip()
        i = self.raw.find(nq)
        return (i, i + len(nq)) if nq and i >= 0 else None

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        a = bisect.bisect_left(self._idx, start)
        b = bisect.bisect_left(self._idx, end)
        piece = self.ext[a:b].strip()
        if not piece:
            return None
        for ctx in (80, 30, 0):
            lo, hi = max(0, a - ctx), min(len(self.ext), b + ctx)
            window = self.ext[lo:hi]
            i = self.raw.find(window)
            if i >= 0:
                off = i + (a - lo)
                return off, off + (b - a)
        # The whole piece once inline markup is dropped is exact; an end probe only guesses
        # the other end from the extracted length, so it comes last.
        if (whole := self._in_plain(piece)) is not None:
            return whole
        for probe in (piece[:50], piece[-50:]):  # extraction may have changed the middle
            if len(probe) >= 15 and (i := self.raw.find(probe)) >= 0:
                if probe == piece[:50]:
                    return i, i + len(piece)
                return i + len(probe) - len(piece), i + len(probe)
        return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _matches(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Spans match when they overlap by at least half of the shorter one."""
    shorter = min(a[1] - a[0], b[1] - b[0])
    return shorter > 0 and _overlap(a, b) >= 0.5 * shorter


def same_value(value: float, gold: float) -> bool:
    """A proposed figure equals a gold one within 1 % (rounding in the article's wording)."""
    return abs(value - gold) <= 0.01 * abs(gold) + 1e-12


def spans_touch(a: tuple[int, int] | None, b: tuple[int, int] | None) -> bool:
    """Both spans are known and share at least one character."""
    return bool(a and b and _overlap(a, b) > 0)


def _tokens(s: str) -> set[str]:
    return {t for t in _TOKEN.findall(normalise(s).lower()) if t not in _STOP}


def _paraphrase(q: str, gold: str) -> bool:
    """Near-paraphrase: most of the shorter text's content words appear in the other."""
    a, b = _tokens(q), _tokens(gold)
    if len(a) < 3 or len(b) < 3:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.7


def raw_text(path: str, gold: dict) -> str:
    """The text gold offsets refer to: the file itself, or for a PDF whose gold says
    "text_source": "pypdf", its pages' extracted text joined by newlines."""
    if gold.get("text_source") == "pypdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    with open(path, encoding="utf-8", errors="replace") as fh:
        return fh.read()


def score_article(raw: str, gold: dict, result: ImportProposals) -> dict:
    """Per-article counts and rates (see docs/import.md for the rules)."""
    text = result.article.text
    loc = Locator(raw, text)
    ntext = normalise(text)
    claims = []
    for c in gold.get("claims", []):
        claims.append((c, loc.quote(c["quote"])))
    facts = [(f, loc.quote(f["quote"])) for f in gold.get("trend_facts", [])]
    props = [(p, loc.span(p.start, p.end)) for p in result.proposals]

    # recall and stance
    found = {2: 0, 3: 0, 1: 0}
    totals = {1: 0, 2: 0, 3: 0}
    stance_ok = stance_n = 0
    per_class: dict[str, list[int]] = {}
    for c, span in claims:
        imp = int(c.get("importance", 1))
        totals[imp] = totals.get(imp, 0) + 1
        best, best_ov = None, 0
        for p, ps in props:
            if span and ps and _matches(span, ps) and _overlap(span, ps) > best_ov:
                best, best_ov = p, _overlap(span, ps)
        if best is None:
            continue
        found[imp] = found.get(imp, 0) + 1
        stance_n += 1
        ok = best.stance == c["stance"]
        stance_ok += ok
        per_class.setdefault(c["stance"], [0, 0])
        per_class[c["stance"]][0] += ok
        per_class[c["stance"]][1] += 1

    # precision (lenient)
    correct = 0
    for p, ps in props:
        hit = any(span and ps and _overlap(span, ps) > 0 for _, span in claims)
        hit = hit or any(_paraphrase(p.quote, c["quote"]) for c, _ in claims)
        hit = hit or any(span and ps and _overlap(span, ps) > 0 for _, span in facts)
        correct += bool(hit)

    # trend facts
    fact_found = unit_ok = year_ok = 0
    cand = [(f, loc.span(f.start, f.end)) for f in result.trend_facts]
    for g, span in facts:
        gv = float(g["value"])
        for f, fs in cand:
            if spans_touch(span, fs) and same_value(f.value, gv):
                fact_found += 1
                unit_ok += f.unit.lower() == str(g["unit"]).lower()
                year_ok += f.year == g.get("year")
                break

    boiler = gold.get("boilerplate_samples", [])
    # A sample that is all markup normalises to "" (in every text): look for it as written.
    leaked = [
        b for b in boiler if (normalise(b).strip() in ntext if normalise(b).strip() else b in text)
    ]
    retained = sum(1 for c, _ in claims if normalise(c["quote"]).strip() in ntext)
    hi_total = totals.get(2, 0) + totals.get(3, 0)
    hi_found = found.get(2, 0) + found.get(3, 0)
    return {
        "claims": len(claims),
        "claims_imp2": hi_total,
        "found_imp2": hi_found,
        "found_imp3": found.get(3, 0),
        "claims_imp3": totals.get(3, 0),
        "found_all": sum(found.values()),
        "proposals": len(props),
        "correct_proposals": correct,
        "stance_n": stance_n,
        "stance_ok": stance_ok,
        "stance_per_class": per_class,
        "facts": len(facts),
        "facts_found": fact_found,
        "fact_unit_ok": unit_ok,
        "fact_year_ok": year_ok,
        "fact_candidates": len(cand),
        "boilerplate": len(boiler),
        "leaked": len(leaked),
        "leaked_samples": leaked,
        "retained": retained,
        "title_ok": (
            None
            if gold.get("title") in (None, "unknown")
            else normalise(gold["title"]).strip().lower()
            == normalise(result.article.title).strip().lower()
        ),
        "unlocated_proposals": sum(1 for _, ps in props if ps is None),
    }


def rates(c: dict) -> dict:
    """Turn counts (one article's or summed) into the reported rates."""

    def div(a: float, b: float) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "recall_imp2": div(c["found_imp2"], c["claims_imp2"]),
        "recall_imp3": div(c["found_imp3"], c["claims_imp3"]),
        "recall_all": div(c["found_all"], c["claims"]),
        "precision": div(c["correct_proposals"], c["proposals"]),
        "stance_accuracy": div(c["stance_ok"], c["stance_n"]),
        "trend_fact_recall": div(c["facts_found"], c["facts"]),
        "boilerplate_leakage": div(c["leaked"], c["boilerplate"]) if c["boilerplate"] else 0.0,
        "content_retention": div(c["retained"], c["claims"]),
    }


def total(counts: Sequence[dict]) -> dict:
    """Sum per-article counts (micro-average)."""
    keys = [
        k for k in counts[0] if isinstance(counts[0][k], int) and not isinstance(counts[0][k], bool)
    ]
    out = {k: sum(c[k] for c in counts) for k in keys}
    classes: dict[str, list[int]] = {}
    for c in counts:
        for k, (ok, n) in c["stance_per_class"].items():
            classes.setdefault(k, [0, 0])
            classes[k][0] += ok
            classes[k][1] += n
    out["stance_per_class"] = classes
    return out
