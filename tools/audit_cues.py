"""List every importer cue that occurs in an annotated article (issue 12: no cue may be taken from
one). Run from the project root: `python tools/audit_cues.py [CORPUS_DIR ...]`.

Each cue of model/importer/data/*.txt is searched in the text of every article that has a gold
file (shared/eval, tests/fixtures/eval_dev, eval/corpus and any folder given). Single words
of a general list naturally occur in debate articles; a multi-word cue that occurs in one is
printed with the articles that hold it, so it can be checked to be general vocabulary (and its
source note kept honest) or removed.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.importer.lexicon import DATA, cues  # noqa: E402

DEFAULT = [ROOT / "../shared/eval", ROOT / "tests/fixtures/eval_dev", ROOT / "eval/corpus"]


def article_texts(folders: list[Path]) -> dict[str, str]:
    """Normalised text of every article a gold file in the folders points to."""
    out = {}
    for folder in folders:
        for gold in sorted((folder / "gold").glob("*.json")):
            rel = json.loads(gold.read_text(encoding="utf-8")).get("article", "")
            for cand in (folder / rel, ROOT / rel):
                if rel and cand.is_file():
                    raw = cand.read_text(encoding="utf-8", errors="replace")
                    text = re.sub(r"<[^>]+>", " ", html.unescape(raw))
                    out[cand.name] = re.sub(r"\s+", " ", text.replace("’", "'"))
                    break
    return out


def audit(texts: dict[str, str]) -> list[tuple[str, str, list[str]]]:
    """(list name, cue, articles) for each multi-word cue found in an article."""
    hits = []
    for path in sorted(DATA.glob("*.txt")):
        for cue in cues(path.stem):
            if not re.search(r"\s|\\s", cue):
                continue
            rx = re.compile(r"(?<![\w-])(?:" + cue + r")(?![\w-])", re.I)
            found = [name for name, text in texts.items() if rx.search(text)]
            if found:
                hits.append((path.stem, cue, found))
    return hits


def main() -> int:
    folders = [Path(a) for a in sys.argv[1:]] or DEFAULT
    texts = article_texts(folders)
    hits = audit(texts)
    print(f"{len(texts)} annotated articles; {len(hits)} multi-word cues occur in them")
    for name, cue, found in hits:
        print(f"  {name:16} {cue[:70]:72} {len(found)}: {', '.join(found[:3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
