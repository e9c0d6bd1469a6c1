"""How often two careful readers agree on stance: the ceiling an importer's stance is judged by.

`python tools/stance_agreement.py [SET]` compares a set's gold stance labels with a second,
blind annotation (`SET/second_annotation.json`: the same claims labelled by someone who saw
neither the gold labels nor the importer) and prints raw agreement, Cohen's kappa and agreement
per gold class. SET defaults to tests/fixtures/eval_unseen.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def pairs(folder: Path) -> list[tuple[str, str]]:
    """(gold, second) stance for every claim the second annotation labels."""
    gold = {}
    for path in sorted((folder / "gold").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        name = Path(data["article"]).name
        gold.update({(name, c["id"]): c["stance"] for c in data["claims"]})
    second = json.loads((folder / "second_annotation.json").read_text(encoding="utf-8"))
    return [(gold[(c["article"], c["id"])], c["stance"]) for c in second["claims"]]


def main() -> int:
    from sklearn.metrics import cohen_kappa_score

    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "tests/fixtures/eval_unseen"
    got = pairs(folder)
    a, b = [g for g, _ in got], [s for _, s in got]
    print(f"{len(got)} claims: agreement {sum(x == y for x, y in got) / len(got):.3f}, "
          f"Cohen's kappa {cohen_kappa_score(a, b):.3f}")  # fmt: skip
    for k in ("pro", "con", "neutral"):
        mine = [s for g, s in got if g == k]
        if mine:
            print(f"  gold {k}: {sum(s == k for s in mine) / len(mine):.3f} of {len(mine)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
