"""Train the learned chrome line model (model/importer/chrome_lines.py) on the annotated lines.

`python tools/train_chrome_lines.py [--report]`: reads every annotated development article (as
tools/chrome_report.py does: the articles tools/eval_loo.py trains on, the spent held-out sets in
chrome_report.CHROME_DEV, and the chrome pages of tests/fixtures/chrome), keeps the lines the
chrome rules see (model/importer/boilerplate.clean_text's call of find_chrome) and labels each:

- chrome: the line is a gold chrome sample, lies inside one, or is mostly one;
- body: it holds no chrome sample;
- left out: chrome merged into a longer body line (no line rule can take it out).

A logistic regression (C below, classes balanced) is fitted on all of them and written to
model/importer/data/chrome_lines.json with its non-zero weights. `--report` prints, for each
corpus left out in turn, how many of its chrome lines the rules keep and the model then takes,
and how many body lines and claim lines it would take: the estimate on formats it never saw.

C and the threshold were chosen by replaying the first scores of the eighth and ninth held-out
sets (development data since): the model trained without them, run on the lines the rules of
that day kept (docs/import.md, "Chrome, twelfth round"). Never read eval_unseen12 or later
(the eleventh set is in CHROME_DEV since the thirteenth round; the model was not retrained then).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from chrome_report import PAGES, spent_sets  # noqa: E402
from eval_loo import load  # noqa: E402

import model.importer.boilerplate as boilerplate  # noqa: E402
from model.importer import chrome_lines  # noqa: E402
from model.importer.evaluate import normalise  # noqa: E402
from storage.articles import ArticleError, parse_file  # noqa: E402

C = 0.3
THRESHOLD = 0.9


def documents() -> list[dict]:
    """Every annotated page: corpus, name, path, chrome samples, body texts (claims or body)."""
    docs = []
    for it in load():
        gold = it["gold"]
        docs.append(_doc(it["corpus"], it["stem"], it["path"], gold))
    for name, stem, gold, path in spent_sets():
        docs.append(_doc(name, stem, path, gold))
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    for name, want in expected.items():
        if not name.startswith("_"):
            docs.append(
                {
                    "corpus": "pages",
                    "name": name,
                    "path": PAGES / name,
                    "chrome": want["chrome"],
                    "body": want["body"],
                }  # fmt: skip
            )
    return docs


def _doc(corpus: str, name: str, path: Path, gold: dict) -> dict:
    claims = [c["quote"] for c in gold.get("claims", [])]
    return {"corpus": corpus, "name": name, "path": path,
            "chrome": gold.get("boilerplate_samples", []), "body": claims}  # fmt: skip


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", normalise(text)).strip().lower()


def label(line: str, samples: list[str]) -> int | None:
    """1 chrome, 0 body, None (left out): chrome merged into a longer body line."""
    n = _key(line)
    mixed = False
    for s in samples:
        if not s:
            continue
        if n == s or (len(n) >= 3 and n in s):
            return 1
        if re.search(r"(?<!\w)" + re.escape(s) + r"(?!\w)", n):
            if len(s) >= 0.6 * len(n):
                return 1
            mixed = True
    return None if mixed else 0


def page_lines(path: Path) -> tuple[list[tuple[list[str], set[int]]], str]:
    """The line lists the chrome rules see when `path` is read, with the lines they call chrome,
    and the text the rules alone read it to (the learned model off)."""
    seen: list[tuple[list[str], set[int]]] = []
    original = boilerplate.find_chrome

    def spy(lines: list[str], **kw):  # noqa: ANN202 - find_chrome's own signature
        found = original(lines, **kw)
        seen.append((list(lines), set(found.lines)))
        return found

    boilerplate.find_chrome = spy
    boilerplate.learned_chrome = lambda lines, chrome, **kw: set()  # what the rules alone keep
    try:
        text = parse_file(str(path), 20_000_000)["text"]
    finally:
        boilerplate.find_chrome = original
        boilerplate.learned_chrome = chrome_lines.learned_chrome
    return seen, text


def pages(docs: list[dict]) -> list[dict]:
    """Per line list the rules saw: the lines, the rules' chrome, and per line its label (1, 0,
    None), whether the rules' text keeps it and whether it holds a claim (or expected body)."""
    out = []
    for d in docs:
        try:
            seen, text = page_lines(d["path"])
        except ArticleError as exc:
            print(f"{d['name']}: {exc}", file=sys.stderr)
            continue
        final = _key(text)
        samples = [_key(s) for s in d["chrome"]]
        body = [_key(b)[:60] for b in d["body"]]
        for lines, rules in seen:
            keys = [_key(ln) for ln in lines]
            out.append(
                {
                    "corpus": d["corpus"],
                    "name": d["name"],
                    "lines": lines,
                    "rules": rules,
                    "y": [label(ln, samples) if ln.strip() else None for ln in lines],
                    "kept": [bool(k) and k in final for k in keys],
                    "claim": [any(b and b in k for b in body) for k in keys],
                }  # fmt: skip
            )
    return out


def rows(data: list[dict]) -> list[dict]:
    """One training row per labelled line of no more than MAX_WORDS words."""
    out = []
    for page in data:
        lines = page["lines"]
        repeats = chrome_lines.repeats_of(lines)
        for i, y in enumerate(page["y"]):
            if y is not None and len(lines[i].split()) <= chrome_lines.MAX_WORDS:
                out.append({"y": y, "x": chrome_lines.features(lines, i, repeats)})
    return out


def fit(train: list[dict]) -> chrome_lines.Model:
    """A logistic regression on the rows: (intercept, non-zero weights by feature, threshold)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer()
    X = vec.fit_transform([r["x"] for r in train])
    y = [r["y"] for r in train]
    model = LogisticRegression(C=C, max_iter=5000, class_weight="balanced").fit(X, y)
    weights = {
        name: round(float(w), 5)
        for name, w in zip(vec.get_feature_names_out(), model.coef_[0])
        if abs(w) >= 1e-4
    }
    return round(float(model.intercept_[0]), 5), dict(sorted(weights.items())), THRESHOLD


def report(data: list[dict]) -> None:
    """Each corpus left out in turn: what the model adds to the rules on its pages."""
    print(f"{'left out':10} {'chrome the rules keep: taken':>30} {'body taken':>11} {'claims':>7}")
    tot = [0, 0, 0, 0]
    for c in sorted({p["corpus"] for p in data}):
        model = fit(rows([p for p in data if p["corpus"] != c]))
        row = [0, 0, 0, 0]
        for page in (p for p in data if p["corpus"] == c):
            taken = chrome_lines.learned_chrome(page["lines"], page["rules"], model)
            for i, y in enumerate(page["y"]):
                if not page["kept"][i]:
                    continue
                row[1] += y == 1
                if i in taken:
                    row[0] += y == 1
                    row[2] += y == 0
                    row[3] += page["claim"][i]
        tot = [a + b for a, b in zip(tot, row)]
        print(f"{c:10} {row[0]:>19} of {row[1]:<8} {row[2]:>11} {row[3]:>7}")
    print(f"{'ALL':10} {tot[0]:>19} of {tot[1]:<8} {tot[2]:>11} {tot[3]:>7}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--report", action="store_true", help="leave each corpus out in turn")
    args = ap.parse_args()
    data = pages(documents())
    train = rows(data)
    print(f"{len(train)} lines, {sum(r['y'] for r in train)} chrome")
    if args.report:
        report(data)
    intercept, weights, threshold = fit(train)
    out = {
        "intercept": intercept,
        "threshold": threshold,
        "weights": weights,
        "fit": {
            "C": C,
            "lines": len(train),
            "chrome": sum(r["y"] for r in train),
            "corpora": sorted({p["corpus"] for p in data}),
        },  # fmt: skip
    }
    chrome_lines.DATA.write_text(json.dumps(out, indent=0, ensure_ascii=False) + "\n")
    print(f"wrote {chrome_lines.DATA.relative_to(ROOT)} ({len(weights)} weights)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
