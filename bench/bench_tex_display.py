"""TeX display speed: how long the review dialog takes to render an article's TeX for its panes.

Run: `.venv/bin/python bench/bench_tex_display.py`
Prints one line per article shape (our own synthetic text): characters, TeX pieces rendered,
seconds. A preprint has tens to hundreds of formulas; the worst case is a formula dump whose
every piece is distinct and needs pylatexenc, capped at tex_display.MAX_PIECES pieces.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.tex_display import render, render_tex  # noqa: E402

PROSE = "Each tenfold rise in compute bought a steady drop in loss, at a rising price. " * 3


def preprint(formulas: int) -> str:
    """Paragraphs of prose, each with a few distinct formulas and a bold word."""
    paras = []
    for i in range(formulas // 3):
        paras.append(
            f"{PROSE}Loss follows $L = (N_c/N)^{{\\alpha_{{{i}}}}}$ with $\\alpha \\approx 0.0{i}$ "
            f"at $3\\times 10^{{{i % 30}}}$ FLOP; this is \\textbf{{not}} evidence {i}."
        )
    return "\n\n".join(paras)


def formula_dump(n: int) -> str:
    return "".join(
        f"see $x_{{{i}}} = {i}\\times 10^{{{i % 30}}}$ and \\textbf{{w{i}}}. " for i in range(n)
    )


def main() -> None:
    cases = [
        ("preprint, 60 formulas", preprint(60)),
        ("preprint, 600 formulas", preprint(600)),
        ("prose only, 250k chars", ("word " * 50_000)),
        ("formula dump, 12k pieces", formula_dump(6000)),
    ]
    for name, text in cases:
        render_tex.cache_clear()
        t0 = time.perf_counter()
        shown = render(text)
        dt = time.perf_counter() - t0
        print(f"{name:28} {len(text):>8,} chars {len(shown.pieces):>6} pieces {dt:7.3f} s")


if __name__ == "__main__":
    main()
