"""Trend facts only: which gold facts the importer misses, and which numbers it would plot wrongly.

`python tools/facts_report.py FOLDER [FOLDER ...] [-q]` reads each annotated folder (articles/
and gold/, the eval-import layout), finds the trend facts of every article (facts.find_facts on
the extracted text, as the importer does) and prints per article:

- each gold fact that no proposed fact matches (eval-import's rule: spans overlap, value within
  1 %), with its quote and fields and what was proposed near it, so a miss can be read by cause;
- each proposed fact that matches no gold fact, with its kind (only an `observation` can become a
  series point) and whether it hits a trap: the gold's own `"traps"` list ([{"quote", "value"}])
  or, for the eval_unseen sets, tests/test_eval_unseen.py's trap values and words;
- the points `--accept-all` would add to the seed map, each marked right or WRONG.

A **wrong point** is an observation that hits a trap, overlaps a gold fact with the wrong value
or year, or is added to the seed map without matching a gold fact. Totals close the report.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.importer.article import TrendFact  # noqa: E402
from model.importer.evaluate import Locator, raw_text, same_value, spans_touch  # noqa: E402
from model.importer.facts import find_facts  # noqa: E402
from storage.articles import ArticleError, read_many  # noqa: E402


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    observations: int = 0
    wrong: list[str] = field(default_factory=list)
    points: int = 0
    wrong_points: int = 0


def _traps_of(folder: Path) -> dict[str, tuple[set[float], tuple[str, ...]]]:
    """tests/test_eval_unseen.py's per-article traps for an eval_unseen folder, else {}."""
    path = ROOT / "tests/test_eval_unseen.py"
    spec = importlib.util.spec_from_file_location("_unseen_traps", path)
    if spec is None or spec.loader is None:
        return {}
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.TRAPS.get(folder.name, {})


def _article_path(folder: Path, stem: str, gold: dict) -> Path | None:
    rel = gold.get("article") or ""
    for cand in (folder / rel, ROOT / rel):
        if rel and cand.is_file():
            return cand
    found = sorted((folder / "articles").glob(stem + ".*"))
    return found[0] if found else None


def _show(f: TrendFact) -> str:
    year = f" {f.year}" if f.year else ""
    return f"{f.quote!r} = {f.value:g} {f.unit}{year} [{f.kind}]"


def _trap_hit(f: TrendFact, text: str, values: set[float], words: tuple[str, ...]) -> str:
    """Which trap a proposed fact hits: a trap word around its number, or a trap value."""
    around = text[max(0, f.start - 40) : f.end + 40]
    for w in words:
        for m in re.finditer(re.escape(w), around):
            lo = max(0, f.start - 40) + m.start()
            if lo < f.end + 2 and lo + len(w) > f.start - 2:
                return w
    for v in values:
        if same_value(f.value, v):
            return f"value {v:g}"
    return ""


def _series_mismatch(series, gold: dict) -> str:
    """Why a series is not the gold fact's ("" when its telling words are in the gold's
    quantity, label or quote): an ARC-AGI-2 series taking a FrontierMath score is a wrong point."""
    from model.importer.apply import _GENERIC, _series_words, _tokens

    telling = _series_words(series) - _GENERIC
    said = set(_tokens(f"{gold.get('quantity', '')} {gold.get('label', '')} {gold['quote']}"))
    if not telling or len(telling & said) / len(telling) >= 0.5:
        return ""
    return f"series, gold is {gold.get('quantity', '')!r}"


def report_article(folder: Path, stem: str, gold: dict, art, traps, seed, tally, quiet) -> None:
    from model.importer.apply import accept_facts

    path = _article_path(folder, stem, gold)
    raw = raw_text(str(path), gold)
    text = art.text
    loc = Locator(raw, text)
    facts = find_facts(text)
    spans = [loc.span(f.start, f.end) for f in facts]
    gold_facts = [(g, loc.quote(g["quote"])) for g in gold.get("trend_facts", [])]
    values, words = traps.get(path.name, (set(), ()))
    own = gold.get("traps", [])
    values = set(values) | {float(t["value"]) for t in own if "value" in t}
    words = tuple(words) + tuple(t["quote"] for t in own if t.get("quote"))
    lines: list[str] = []
    matched: set[int] = set()
    for g, gs in gold_facts:
        tally.gold += 1
        hit = next(
            (i for i, (f, fs) in enumerate(zip(facts, spans))
             if spans_touch(gs, fs) and same_value(f.value, float(g["value"]))),
            None,
        )  # fmt: skip
        if hit is not None:
            tally.found += 1
            matched.add(hit)
            f = facts[hit]
            if f.kind == "observation" and f.year and g.get("year") and f.year != g["year"]:
                tally.wrong.append(f"{stem}: {_show(f)} year, gold {g['year']}")
                lines.append(f"  WRONG YEAR {_show(f)}  gold {g['year']}")
            continue
        near = [facts[i] for i, fs in enumerate(spans) if spans_touch(gs, fs)]
        where = "quote not found in text" if gs is None else ""
        lines.append(
            f"  MISSED {g['quote']!r}\n         = {g['value']:g} {g['unit']} {g.get('year')} "
            f"({g.get('quantity', '')}) {where}"
            + "".join(f"\n         proposed there: {_show(f)}" for f in near)
        )
        for f in near:
            if f.kind == "observation":
                matched.add(facts.index(f))
                tally.wrong.append(f"{stem}: {_show(f)} wrong value, gold {g['value']:g}")
    for i, f in enumerate(facts):
        if i in matched:
            continue
        trap = _trap_hit(f, text, values, words)
        obs = f.kind == "observation"
        tally.observations += obs
        mark = "TRAP" if trap else "extra"
        if trap and obs:
            tally.wrong.append(f"{stem}: {_show(f)} trap {trap!r}")
            mark = "WRONG TRAP"
        if not quiet or (trap and obs):
            lines.append(f"  {mark} {_show(f)}" + (f"  (trap {trap!r})" if trap else ""))
    for d in accept_facts(seed, art, facts):
        tally.points += 1
        gold = next(
            (g for g, gs in gold_facts
             if spans_touch(gs, loc.span(d.start, d.end)) and same_value(d.value, float(g["value"]))
             and (g.get("year") is None or str(g["year"]) == d.date[:4])),
            None,
        )  # fmt: skip
        why = "no gold fact" if gold is None else _series_mismatch(seed[d.series], gold)
        tally.wrong_points += bool(why)
        lines.append(
            f"  POINT {'WRONG (' + why + ')' if why else 'ok'} {d.series} {d.date}: {d.quote!r}"
        )
    found = sum(
        1 for g, gs in gold_facts if not any(g["quote"] in ln for ln in lines if "MISSED" in ln)
    )
    print(f"{folder.name}/{stem}  facts {found}/{len(gold_facts)}")
    if lines:
        print("\n".join(lines))


def report(folder: Path, quiet: bool) -> Tally:
    from storage.seedmap import new_map

    seed = new_map(True).series
    golds = [(p.stem, json.loads(p.read_text(encoding="utf-8")))
             for p in sorted((folder / "gold").glob("*.json"))]  # fmt: skip
    paths = [_article_path(folder, stem, g) for stem, g in golds]
    arts = read_many([str(p) for p in paths])
    traps = _traps_of(folder)
    tally = Tally()
    for (stem, gold), art in zip(golds, arts):
        if isinstance(art, ArticleError):
            print(f"{stem}: {art}")
            continue
        report_article(folder, stem, gold, art, traps, seed, tally, quiet)
    return tally


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("-q", "--quiet", action="store_true", help="no unmatched non-trap facts")
    args = ap.parse_args()
    rows = []
    for folder in args.folders:
        rows.append((folder.name, report(folder, args.quiet)))
    print()
    for name, t in rows:
        rec = t.found / t.gold if t.gold else 0.0
        print(f"{name:16} facts {t.found}/{t.gold} = {rec:.2f}   wrong observations "
              f"{len(t.wrong)}   seed-map points {t.points} (wrong {t.wrong_points})")  # fmt: skip
        for w in t.wrong:
            print(f"    wrong: {w}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
