"""Reading only (no proposals): does page chrome stay out and article text stay in?

`python tools/chrome_report.py [-v]` reads every annotated development article (those
tools/eval_loo.py trains on: ../shared/eval, tests/fixtures/eval_dev, eval/corpus,
tests/fixtures/eval_formats and the spent held-out sets eval_unseen … eval_unseen7) and prints
per corpus the gold boilerplate samples that leak into the text and the gold claim quotes the
text keeps (words compared, markup ignored), and the same for any spent held-out set chrome
work has used before it became training data (CHROME_DEV); then the chrome pages of
tests/fixtures/chrome against their expected body: paragraphs that are not body, body
paragraphs lost, chrome samples leaked.
It never reads a held-out set that nothing was tuned on (`tests/fixtures/eval_unseen14` and later).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.importer.evaluate import normalise  # noqa: E402
from storage.articles import ArticleError, read_many  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from eval_loo import CORPORA, load  # noqa: E402  (the annotated development articles, as LOO reads them)

PAGES = ROOT / "tests/fixtures/chrome"
# Held-out sets spent on chrome development but not (yet) training data for the learned models:
# read here only, never by tools/eval_loo.py's folds.
# (The fifth and sixth sets were read here in the seventh and eighth rounds; they are training
# data in tools/eval_loo.py since the eighth, so load() reads them.)
# (The seventh set was read here in the ninth round; it is training data since the ninth.)
# (The eighth set is read here in the tenth round: chrome development data, not training data.)
# (The ninth set is read here in the eleventh round: chrome development data, not training data.)
# (The tenth set is read here in the twelfth round: chrome development data, not training data.)
# (The eleventh set is read here in the thirteenth round: chrome development data, not training data.)
# (The twelfth set is read here in the fourteenth round: chrome development data, not training data.)
# (The thirteenth set is read here since its first score, issue 12's thirteenth round: chrome
# development data, not training data.)
# The eighth to twelfth sets are training data now (tools/eval_loo.py's CORPORA): load() reads
# them, and spent_sets() skips them, so none is counted twice.
CHROME_DEV: dict[str, Path] = {
    "unseen8": ROOT / "tests/fixtures/eval_unseen8",
    "unseen9": ROOT / "tests/fixtures/eval_unseen9",
    "unseen10": ROOT / "tests/fixtures/eval_unseen10",
    "unseen11": ROOT / "tests/fixtures/eval_unseen11",
    "unseen12": ROOT / "tests/fixtures/eval_unseen12",
    "unseen13": ROOT / "tests/fixtures/eval_unseen13",
}


def spent_sets() -> list[tuple[str, str, dict, Path]]:
    """(set, stem, gold, article path) of every article of the CHROME_DEV sets that load() does
    not already read (a spent set that became training data is counted once, as training data)."""
    out = []
    for name, folder in CHROME_DEV.items():
        if name in CORPORA:
            continue
        for gold_path in sorted((folder / "gold").glob("*.json")):
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            path = folder / gold.get("article", "")
            if path.is_file():
                out.append((name, gold_path.stem, gold, path))
    return out


def _words(text: str) -> str:
    text = re.sub(r"\]\([^)]*\)", "]", normalise(text).lower())  # a Markdown link's URL
    return " ".join(re.findall(r"[a-z0-9]+", text))


def corpora(verbose: bool) -> None:
    items = [(it["corpus"], it["stem"], it["gold"], it["path"]) for it in load()] + spent_sets()
    sums: dict[str, list[int]] = {}
    for (name, stem, gold, _), art in zip(items, read_many([str(p) for *_, p in items])):
        if isinstance(art, ArticleError):
            print(f"{stem}: {art}")
            continue
        text, words = normalise(art.text), _words(art.text)
        samples = gold.get("boilerplate_samples", [])
        leaked = [b for b in samples if normalise(b).strip() and normalise(b).strip() in text]
        claims = [c["quote"] for c in gold.get("claims", [])]
        lost = [q for q in claims if _words(q) not in words]
        s = sums.setdefault(name, [0, 0, 0, 0])
        s[0] += len(leaked)
        s[1] += len(samples)
        s[2] += len(claims) - len(lost)
        s[3] += len(claims)
        if verbose or leaked or lost:
            print(
                f"{name}/{stem}: leaked {len(leaked)}/{len(samples)}, lost {len(lost)}/{len(claims)}"
            )
            for b in leaked:
                print(f"   leaked: {b[:100]!r}")
            for q in lost:
                print(f"   lost: {q[:100]!r}")
    sums["ALL"] = [sum(col) for col in zip(*sums.values())]
    for name, (lk, n, kept, total) in sums.items():
        print(f"{name:8} leakage {lk}/{n}   claim quotes kept {kept}/{total}")


def pages(verbose: bool) -> None:
    expected = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
    names = [k for k in expected if not k.startswith("_")]
    tot = [0, 0, 0, 0, 0, 0]
    for name, art in zip(names, read_many([str(PAGES / n) for n in names])):
        want = expected[name]
        got = [normalise(p).strip() for p in art.text.split("\n") if p.strip()]
        body = [normalise(b).strip() for b in want["body"]]
        extra = [p for p in got if p not in body]
        lost = [b for b in body if b not in got]
        leaked = [c for c in want["chrome"] if normalise(c) in normalise(art.text)]
        for k, v in enumerate((len(extra), len(got), len(lost), len(body), len(leaked))):
            tot[k] += v
        tot[5] += len(want["chrome"])
        title = "title ok" if art.title == want["title"] else f"title {art.title!r}"
        print(f"{name}: not body {len(extra)}, lost {len(lost)}, leaked {len(leaked)}, {title}")
        for p in extra if verbose else []:
            print(f"   not body: {p[:100]}")
    print(
        f"pages: not body {tot[0]}/{tot[1]} paragraphs, body lost {tot[2]}/{tot[3]}, "
        f"chrome samples leaked {tot[4]}/{tot[5]}"
    )


if __name__ == "__main__":
    corpora("-v" in sys.argv)
    pages("-v" in sys.argv)
