"""Runs `cruxmap export MAP -f html` (pictures drawn with QPainter) on each map named on
stdin, in this separate process, so a segfault shows as this process's exit status and the
parent test knows the map it died on ("start N" is printed before each, "done N CODE" after).
"""

from __future__ import annotations

import contextlib
import io
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from main import main  # noqa: E402


def run(paths: list[str], out_dir: Path) -> None:
    for i, path in enumerate(paths):
        print(f"start {i}", flush=True)
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["export", path, "-f", "html", "-o", str(out_dir / f"r{i}.html")])
        lines = err.getvalue().strip().splitlines()
        print(f"done {i} {code} {len(lines)}", flush=True)


if __name__ == "__main__":
    run(sys.stdin.read().split("\n")[:-1], Path(sys.argv[1]))
