#!/usr/bin/env python3
"""Check the corpus gold annotations in gold/ against the corpus articles.

Each gold file's "article" path is relative to the project root and points outside the
repository (../shared/corpus/articles/...), so the texts never enter the repository.
Checks: JSON structure and allowed values, that every claim and trend-fact quote occurs exactly
once in its raw article file, that boilerplate samples occur, that no claim quote overlaps a
boilerplate sample; prints a per-article table.  Exit status 1 if anything fails.

    python3 eval/corpus/verify_gold.py          # from the project root (or anywhere)
    python3 eval/corpus/verify_gold.py 001_x    # only gold files whose name starts with 001_x
"""

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOLD = HERE / "gold"
ROOT = HERE.parent.parent  # gold "article" paths are relative to the project root

TOP_KEYS = [
    "article",
    "title",
    "author",
    "stance_overall",
    "claims",
    "trend_facts",
    "boilerplate_samples",
]
CLAIM_KEYS = ["id", "quote", "paraphrase", "stance", "importance"]
FACT_KEYS = ["quote", "quantity", "value", "unit", "year", "label"]
STANCES = ("pro", "con", "neutral")


def spans(text: str, needle: str) -> list[tuple[int, int]]:
    """All (start, end) spans of needle in text, overlapping ones included."""
    out, start = [], 0
    while needle:
        i = text.find(needle, start)
        if i < 0:
            break
        out.append((i, i + len(needle)))
        start = i + 1
    return out


def check_claims(where, d, text, bp_spans, errors):
    ids, counts, imp = set(), dict.fromkeys(STANCES, 0), {1: 0, 2: 0, 3: 0}
    for c in d["claims"]:
        cid = c.get("id")
        if list(c.keys()) != CLAIM_KEYS:
            errors.append(f"{where}: claim keys {list(c.keys())}")
        if cid in ids:
            errors.append(f"{where}: duplicate id {cid}")
        ids.add(cid)
        if c.get("stance") in counts:
            counts[c["stance"]] += 1
        else:
            errors.append(f"{where} {cid}: stance {c.get('stance')!r}")
        if c.get("importance") in imp:
            imp[c["importance"]] += 1
        else:
            errors.append(f"{where} {cid}: importance {c.get('importance')!r}")
        if not str(c.get("paraphrase", "")).strip():
            errors.append(f"{where} {cid}: empty paraphrase")
        sp = spans(text, c.get("quote", ""))
        if not sp:
            errors.append(f"{where} {cid}: quote not found: {c.get('quote')!r}")
        elif len(sp) > 1:
            errors.append(f"{where} {cid}: quote occurs {len(sp)} times (ambiguous span)")
        for a, b in sp:
            if any(a < y and x < b for x, y in bp_spans):
                errors.append(f"{where} {cid}: quote overlaps boilerplate")
    return counts, imp


def check_facts(where, d, text, errors):
    for i, t in enumerate(d["trend_facts"]):
        if list(t.keys()) != FACT_KEYS:
            errors.append(f"{where} fact {i}: keys {list(t.keys())}")
        n = len(spans(text, t.get("quote", "")))
        if n != 1:
            errors.append(f"{where} fact {i}: quote occurs {n} times: {t.get('quote')!r}")
        v = t.get("value")
        if not isinstance(v, (int, float)) or isinstance(v, bool):
            errors.append(f"{where} fact {i}: value not a number")
        y = t.get("year")
        if y is not None and (not isinstance(y, int) or isinstance(y, bool)):
            errors.append(f"{where} fact {i}: year not int/null")


def check_file(path: Path, errors: list[str]):
    where = path.name
    d = json.loads(path.read_text(encoding="utf-8"))
    if list(d.keys()) != TOP_KEYS:
        errors.append(f"{where}: top-level keys {list(d.keys())}")
        return None
    art = ROOT / d["article"]
    if Path(d["article"]).stem != path.stem:
        errors.append(f"{where}: article {d['article']} does not match file name")
    if not art.is_file():
        errors.append(f"{where}: article file missing: {art}")
        return None
    text = art.read_text(encoding="utf-8")
    if d["stance_overall"] not in ("pro", "con", "mixed"):
        errors.append(f"{where}: stance_overall {d['stance_overall']!r}")
    bp_spans = []
    for s in d["boilerplate_samples"]:
        sp = spans(text, s)
        if not sp:
            errors.append(f"{where}: boilerplate sample not found: {s!r}")
        bp_spans += sp
    counts, imp = check_claims(where, d, text, bp_spans, errors)
    check_facts(where, d, text, errors)
    return (
        Path(d["article"]).name,
        d["stance_overall"],
        len(d["claims"]),
        counts,
        imp,
        len(d["trend_facts"]),
        len(d["boilerplate_samples"]),
    )


def main(argv: list[str]) -> int:
    errors: list[str] = []
    rows = []
    for path in sorted(GOLD.glob("*.json")):
        if argv and not any(path.name.startswith(p) for p in argv):
            continue
        row = check_file(path, errors)
        if row:
            rows.append(row)
    print(
        "| article | stance | claims | pro | con | neutral | imp≥2 | importance 3/2/1 | trend facts | boilerplate |"
    )
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |")
    tot = [0] * 7
    for art, so, n, c, imp, nf, nb in rows:
        hi = imp[3] + imp[2]
        print(
            f"| {art} | {so} | {n} | {c['pro']} | {c['con']} | {c['neutral']} | {hi} | "
            f"{imp[3]}/{imp[2]}/{imp[1]} | {nf} | {nb} |"
        )
        for k, v in enumerate([n, c["pro"], c["con"], c["neutral"], hi, nf, nb]):
            tot[k] += v
    print(
        f"| **total** | | {tot[0]} | {tot[1]} | {tot[2]} | {tot[3]} | {tot[4]} | | {tot[5]} | {tot[6]} |"
    )
    if errors:
        print("\nFAILED:")
        for e in errors:
            print("  " + e)
        return 1
    print(f"\nOK: {len(rows)} gold files; every quote occurs exactly once in its article.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
