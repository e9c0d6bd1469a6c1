"""Train the shipped stance model on every annotated article's gold claims and write
model/importer/data/stance_model.json. Run from the project root after the gold changes:
`python tools/train_stance.py`. Its leave-one-article-out score comes from tools/eval_loo.py."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_loo import examples, load  # noqa: E402

from model.importer import learned  # noqa: E402


def main() -> int:
    items = load()
    data = examples(items)
    names = sorted({it["corpus"] for it in items})
    model = learned.train(
        data, trained_on=f"{len(data)} gold claims of {len(items)} articles ({', '.join(names)})"
    )
    learned.MODEL_FILE.write_text(json.dumps(model.to_json(), ensure_ascii=False), encoding="utf-8")
    print(f"wrote {learned.MODEL_FILE.relative_to(ROOT)}: {model.trained_on}, "
          f"{len(model.vocab)} features")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
