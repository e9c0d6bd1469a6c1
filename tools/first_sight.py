"""What a new user can read on the map at first sight, measured the way an eye would.

Opens a fresh copy of the seed map in the real main window (xcb, 1600×1000, fresh settings so
docks are where a first-time user finds them), grabs the X screen, cuts out the map pane,
reads it with tesseract (the binary; no Python wrapper needed) and counts the thesis and its
direct reasons whose every word is legible, in order, on the map itself (the credence panel's
list of reasons is outside the cut and does not count).

Run:  xvfb-run -a -s "-screen 0 1600x1000x24" /work/venv/bin/python tools/first_sight.py
 or:  DISPLAY=:12 /work/venv/bin/python tools/first_sight.py [--scheme dark] [--save out.png]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "xcb")
WIDTH, HEIGHT = 1600, 1000
SLACK = 4  # OCR tokens allowed between two words of one title (a stray mark, a line's end)
REGION_W = 440  # pixels (of the 2× image) right of a title's first word that one card spans
MAX_LINES = 8


def words(text: str) -> list[str]:
    """Lower-case words of letters and digits. Punctuation and case are not legibility, and
    neither is l versus I, which sans-serif type draws alike ("AI" reads as "Al")."""
    text = text.lower().replace("’", "'").replace("'", "").replace("l", "i")
    return re.findall(r"[a-z0-9]+", text)


Token = tuple[float, float, float, str]  # left, top, height (pixels), word


def legible(title: str, tokens: list[Token]) -> bool:
    """All words of `title` read in order in one place: starting from an occurrence of its
    first word, the others follow in reading order (line by line, left to right) among the
    words of the card-sized region below and right of it, each within SLACK words of the
    previous one. Words of other cards beside it are outside the region or skipped."""
    want = words(title)
    if not want:
        return False
    for x0, y0, h0, word in tokens:
        if word != want[0]:
            continue
        region = [t for t in tokens if x0 - 3 * h0 <= t[0] <= x0 + REGION_W
                  and y0 - h0 / 2 <= t[1] <= y0 + MAX_LINES * 1.6 * h0]  # fmt: skip
        stream = [t[3] for t in _reading_order(region)]
        if _in_order(want, stream):
            return True
    return False


def _reading_order(tokens: list[Token]) -> list[Token]:
    """Group words into lines by their tops, then read each line left to right. Marks much
    taller than text (a link or a card's edge read as a letter) are not words: left out."""
    if not tokens:
        return []
    usual = sorted(t[2] for t in tokens)[len(tokens) // 2]
    tokens = [t for t in tokens if t[2] <= 2.5 * usual]
    lines: list[list[Token]] = []
    for tok in sorted(tokens, key=lambda t: t[1]):
        if lines and abs(tok[1] - lines[-1][0][1]) < 0.6 * usual:
            lines[-1].append(tok)
        else:
            lines.append([tok])
    return [t for line in lines for t in sorted(line, key=lambda t: t[0])]


def _in_order(want: list[str], stream: list[str]) -> bool:
    """`want` read in order from `stream`, each word within SLACK tokens of the previous one.
    A token may hold two or three consecutive words glued together: OCR reading "on a" as
    "ona" dropped a narrow space, not a letter, and an eye reads it."""
    for start in range(len(stream)):
        i = _covers(want, 0, stream[start])
        if not i:
            continue
        pos = start
        while i < len(want):
            for step, tok in enumerate(stream[pos + 1 : pos + 2 + SLACK]):
                took = _covers(want, i, tok)
                if took:
                    i, pos = i + took, pos + 1 + step
                    break
            else:
                break
        if i == len(want):
            return True
    return False


def _covers(want: list[str], i: int, tok: str) -> int:
    """How many words of `want` from `i` the token spells out (0 if none)."""
    for n in (1, 2, 3):
        if i + n <= len(want) and tok == "".join(want[i : i + n]):
            return n
    return 0


def ocr(image: Path) -> list[Token]:
    """Tesseract's words with their boxes (sparse text: cards scattered over a picture)."""
    out = subprocess.run(
        ["tesseract", str(image), "stdout", "--psm", "11", "tsv"],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    tokens: list[Token] = []
    for row in out.stdout.splitlines()[1:]:
        cols = row.split("\t")
        if len(cols) < 12 or not cols[11].strip():
            continue
        left, top, height = float(cols[6]), float(cols[7]), float(cols[9])
        tokens.extend((left, top, height, w) for w in words(cols[11]))
    return tokens


def shoot(scheme: str, save: Path | None) -> tuple[Path, dict[str, str], str]:
    """Screenshot of the map pane (upscaled 2× for tesseract), titles by id, thesis id."""
    from PySide6.QtCore import QEventLoop, QRect, Qt, QTimer
    from PySide6.QtGui import QGuiApplication, QPixmap

    from storage.document import MapDocument
    from storage.seedmap import load_seed
    from ui.app import apply_color_scheme, make_app
    from ui.mainwindow import MainWindow

    app = make_app()
    apply_color_scheme(scheme)
    folder = Path(tempfile.mkdtemp())
    path = folder / "Scaling debate.cruxmap"
    MapDocument.create(path, load_seed()).close()
    window = MainWindow()
    window.setGeometry(0, 0, WIDTH, HEIGHT)
    window.open_path(path)
    window.show()

    def wait(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    wait(1500)
    amap = window.doc.map
    thesis = amap.thesis.id
    titles = {thesis: amap.thesis.title}
    for reason in amap.graph.predecessors(thesis):
        titles[reason] = amap.node(reason).title
    view = window.workspace.view
    port = view.viewport()
    print(f"map pane {port.width()}x{port.height()} px, zoom {view.zoom():.3f}")
    labels = getattr(view.map_scene(), "labels_shown", None)  # (absent before semantic zoom)
    if labels is not None:
        shown = set(labels(view.zoom()))
        missing = ", ".join(n for n in titles if n not in shown) or "none"
        print(f"labelled: {len(shown & set(titles))} of {len(titles)}; not labelled: {missing}")
    screen = QGuiApplication.primaryScreen().grabWindow(0)
    if save is not None:
        screen.save(str(save))
    top_left = port.mapToGlobal(port.rect().topLeft())
    pane = screen.copy(QRect(top_left, port.size()))
    if scheme == "dark":  # tesseract reads dark text on light; an eye reads either
        image = pane.toImage()
        image.invertPixels()
        pane = QPixmap.fromImage(image)
    big = pane.scaled(pane.width() * 2, pane.height() * 2,
                      Qt.AspectRatioMode.KeepAspectRatio,
                      Qt.TransformationMode.SmoothTransformation)  # fmt: skip
    out = folder / "map-pane.png"
    big.save(str(out))
    window.close()
    app.processEvents()
    return out, titles, thesis


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scheme", default="light", choices=["light", "dark"])
    parser.add_argument("--save", type=Path, help="also save the whole screenshot here")
    args = parser.parse_args()
    if shutil.which("tesseract") is None:
        print("error: the tesseract binary is not installed", file=sys.stderr)
        return 2
    if not os.environ.get("DISPLAY") and os.environ["QT_QPA_PLATFORM"] == "xcb":
        print("error: no X display; run under xvfb-run (see the docstring)", file=sys.stderr)
        return 2
    config = tempfile.mkdtemp()  # fresh settings: the docks as a first-time user finds them
    os.environ["XDG_CONFIG_HOME"] = config
    os.environ["XDG_DATA_HOME"] = config
    image, titles, thesis = shoot(args.scheme, args.save)
    tokens = ocr(image)
    read = {nid for nid, title in titles.items() if legible(title, tokens)}
    for nid, title in titles.items():
        mark = "yes" if nid in read else " no"
        print(f"{mark}  {'THESIS ' if nid == thesis else ''}{title}")
    reasons = len(titles) - 1
    got = len(read - {thesis})
    print(
        f"first sight ({WIDTH}x{HEIGHT}, {args.scheme}): thesis "
        f"{'legible' if thesis in read else 'NOT legible'}, {got} of {reasons} direct reasons "
        f"legible on the map ({len(read)} of {len(titles)} titles)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
