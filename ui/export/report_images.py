"""Pictures for the report, drawn offscreen, and the report export that puts it all together.

The map, the scenario bars and the tornado chart are painted with QPainter into QImages (no
widget, no event loop: fast and the same on every platform); trend charts come from
`ui.panels.series_chart.render_series_png`. `export_report` writes the Markdown (its PNGs in a
`<report>_files` folder beside it, or embedded) or one self-contained HTML file. The folder's
name is derived from the report's through `storage.safe_paths` and every write is checked to
stay inside the chosen folder.
"""

from __future__ import annotations

import base64
import os
import re
import tempfile
from collections import defaultdict
from datetime import date as _date
from pathlib import Path
from urllib.parse import quote, unquote

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen

from model.argmap import ArgumentMap
from model.report import ReportImages, ReportNumbers, build_report, compute_numbers
from storage.report_html import render_html
from storage.safe_paths import check_export_target, path_inside, safe_filename, write_atomic
from ui.offscreen import ensure_app

FOR = QColor("#2e8b57")
AGAINST = QColor("#c0392b")
ACCENT = QColor("#3a7bd5")
GREY = QColor("#9aa5b1")
INK = QColor("#1d2329")
FILL = {"thesis": QColor("#3a7bd5"), "claim": QColor("#eef2f7"), "evidence": QColor("#fdf3d8")}
LABELLED_NODES = 250  # above this the map picture shows dots, not titles
MAX_TRENDS = 8


def png_bytes(image: QImage, palette: bool = False) -> bytes:
    """PNG bytes; `palette` stores 256 colours (a big map: ~4x smaller and faster to write)."""
    if palette:
        flags = Qt.ImageConversionFlag.ThresholdDither | Qt.ImageConversionFlag.AvoidDither
        image = image.convertToFormat(QImage.Format.Format_Indexed8, flags)
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    buf.close()
    return bytes(data.data())


def _canvas(width: int, height: int) -> tuple[QImage, QPainter]:
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    return image, painter


def _font(size: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(size)
    font.setBold(bold)
    return font


def _elide(painter: QPainter, text: str, width: float) -> str:
    return QFontMetricsF(painter.font()).elidedText(
        " ".join(text.split()), Qt.TextElideMode.ElideRight, width
    )


# ------------------------------------------------------------------------------ the map
def map_layout(amap: ArgumentMap) -> dict[str, tuple[int, float]]:
    """Column (distance from the thesis, reasons to the right) and row of every node.

    A depth-first walk from the thesis over the reasons places each reason on the first free
    row of its column at or below what it bears on (and level with its own reasons), so
    branches stay together. Nodes not reached get a column of their own."""
    column: dict[str, int] = {}
    row: dict[str, float] = {}
    free: dict[int, int] = defaultdict(int)

    def place(node_id: str, col: int, at_least: float) -> None:
        column[node_id] = col
        row[node_id] = max(at_least, free[col])
        if any(e.source not in column for e in amap.reasons(node_id)):
            row[node_id] = max(row[node_id], free[col + 1])  # level with its own reasons
        free[col] = int(row[node_id]) + 1

    thesis = amap.thesis
    if thesis is not None:
        place(thesis.id, 0, 0)
        stack = [iter(amap.reasons(thesis.id))]
        while stack:
            edge = next(stack[-1], None)
            if edge is None:
                stack.pop()
                continue
            if edge.source in column:
                continue
            place(edge.source, column[edge.target] + 1, row[edge.target])
            stack.append(iter(amap.reasons(edge.source)))
    last = max(column.values(), default=-1) + 1
    for n in amap.nodes():
        if n.id not in column:
            place(n.id, last, 0)
    return {v: (column[v], row[v]) for v in column}


def render_map(
    amap: ArgumentMap, credence: dict[str, float], width: int = 1400,
    sides: dict[str, int] | None = None,
) -> QImage:  # fmt: skip
    """The argument map: thesis on the left, reasons fanning out to the right."""
    ensure_app()
    if sides is None:
        sides = amap.sides()
    layout = map_layout(amap)
    if not layout:
        image, painter = _canvas(400, 80)
        painter.drawText(QRectF(0, 0, 400, 80), Qt.AlignmentFlag.AlignCenter, "(empty map)")
        painter.end()
        return image
    columns = max(c for c, _ in layout.values()) + 1
    rows = max(r for _, r in layout.values()) + 1
    labelled = len(layout) <= LABELLED_NODES
    if labelled:
        width = int(min(width, 40 + columns * 290))  # no empty band right of the last column
    box_w = min(260.0, (width - 40) / columns - 30) if labelled else 8.0
    box_h = 40.0 if labelled else 6.0
    gap_y = 10.0 if labelled else 2.0
    col_w = (width - 40) / columns
    height = int(min(6000, 60 + rows * (box_h + gap_y)))
    pitch = (height - 60) / rows
    image, painter = _canvas(width, height)

    def rect(node_id: str) -> QRectF:
        c, r = layout[node_id]
        return QRectF(20 + c * col_w, 40 + r * pitch, box_w, min(box_h, pitch * 0.9))

    for e in amap.edges():
        a, b = rect(e.source), rect(e.target)
        pen = QPen(FOR if e.relation == "supports" else AGAINST)
        pen.setWidthF(0.6 + min(e.strength or 1.0, 20) ** 0.5 * 0.5 if labelled else 0.5)
        painter.setPen(pen)
        painter.drawLine(QPointF(a.left(), a.center().y()), QPointF(b.right(), b.center().y()))
    painter.setFont(_font(7.5))
    for n in amap.nodes():
        r = rect(n.id)
        side = sides.get(n.id, 0)
        border = INK if n.kind == "thesis" else FOR if side > 0 else AGAINST if side < 0 else GREY
        painter.setPen(QPen(border, 1.4))
        painter.setBrush(FILL.get(n.kind, FILL["claim"]))
        painter.drawRoundedRect(r, 4, 4)
        if labelled:
            _node_text(painter, n.kind, n.title, credence.get(n.id), r)
    painter.setFont(_font(9, bold=True))
    painter.setPen(INK)
    painter.drawText(QRectF(20, 8, width - 40, 24), Qt.AlignmentFlag.AlignLeft,
                     "Thesis on the left; each reason to the right of what it bears on. "
                     "Green support, red attack; thicker is stronger. "
                     "Yellow boxes are evidence; % is each statement's credence.")  # fmt: skip
    painter.end()
    return image


def _node_text(painter: QPainter, kind: str, title: str, p: float | None, r: QRectF) -> None:
    painter.setPen(QColor("white") if kind == "thesis" else INK)
    badge = "" if p is None else f"{100 * p:.0f}%  "
    inner = r.adjusted(5, 2, -5, -2)
    flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
    metrics = QFontMetricsF(painter.font())
    text = badge + " ".join(title.split())
    # Two lines at most: elide the text to roughly two widths.
    text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width() * 1.8)
    painter.drawText(inner, int(flags), text)


# ------------------------------------------------------------------------------ charts
def render_bars(
    rows: list[tuple[str, float, bool]], title: str, width: int = 900, row_h: int = 34
) -> QImage:
    """Horizontal bars of thesis credence, 0–100%: (label, value, highlighted)."""
    ensure_app()
    height = 60 + row_h * max(1, len(rows)) + 30
    image, painter = _canvas(width, height)
    label_w, right = 260, width - 70
    painter.setFont(_font(10, bold=True))
    painter.setPen(INK)
    painter.drawText(QRectF(10, 8, width - 20, 30), Qt.AlignmentFlag.AlignLeft, title)
    scale = (right - label_w) / 100.0
    painter.setFont(_font(9))
    for i, (label, value, hot) in enumerate(rows):
        y = 50 + i * row_h
        painter.setPen(INK)
        painter.drawText(QRectF(10, y, label_w - 16, row_h - 8),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         _elide(painter, label, label_w - 16))  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ACCENT if hot else GREY)
        painter.drawRect(QRectF(label_w, y + 4, max(1.0, value * 100 * scale), row_h - 16))
        painter.setPen(INK)
        painter.drawText(QRectF(label_w + value * 100 * scale + 6, y, 60, row_h - 8),
                         int(Qt.AlignmentFlag.AlignVCenter), f"{100 * value:.0f}%")  # fmt: skip
    _axis(painter, label_w, right, 50 + row_h * max(1, len(rows)))
    painter.end()
    return image


def _axis(painter: QPainter, left: float, right: float, y: float) -> None:
    painter.setPen(QPen(GREY, 1))
    painter.drawLine(QPointF(left, y), QPointF(right, y))
    scale = (right - left) / 100.0
    for v in range(0, 101, 25):
        x = left + v * scale
        painter.drawLine(QPointF(x, y), QPointF(x, y + 4))
        painter.drawText(QRectF(x - 30, y + 5, 60, 18), Qt.AlignmentFlag.AlignHCenter, f"{v}%")


def render_tornado(numbers: ReportNumbers, width: int = 900, row_h: int = 30) -> QImage | None:
    """The inputs that swing the thesis most: a bar from its credence with the input low to high."""
    rows = [i for i in numbers.sensitivity if i.at_low is not None and i.at_high is not None]
    base = numbers.credence and max(numbers.scenarios.get(numbers.scenario, 0.0), 0.0)
    if not rows:
        return None
    ensure_app()
    height = 70 + row_h * len(rows) + 30
    image, painter = _canvas(width, height)
    label_w, right = 360, width - 30
    scale = (right - label_w) / 100.0
    painter.setFont(_font(10, bold=True))
    painter.setPen(INK)
    painter.drawText(QRectF(10, 8, width - 20, 30), Qt.AlignmentFlag.AlignLeft,
                     "What swings the thesis most (grey: input at its low end; blue: high end)")  # fmt: skip
    painter.setFont(_font(8.5))
    for i, item in enumerate(rows):
        y = 50 + i * row_h
        painter.setPen(INK)
        painter.drawText(QRectF(10, y, label_w - 16, row_h - 6),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         _elide(painter, item.label, label_w - 16))  # fmt: skip
        painter.setPen(Qt.PenStyle.NoPen)
        for at, colour in ((item.at_low, GREY), (item.at_high, ACCENT)):
            x0, x1 = sorted((100 * base, 100 * at))
            painter.setBrush(colour)
            painter.drawRect(QRectF(label_w + x0 * scale, y + 4, max(1.0, (x1 - x0) * scale),
                                    row_h - 12))  # fmt: skip
    bottom = 50 + row_h * len(rows)
    painter.setPen(QPen(INK, 1.2))
    x = label_w + 100 * base * scale
    painter.drawLine(QPointF(x, 44), QPointF(x, bottom))
    _axis(painter, label_w, right, bottom)
    painter.end()
    return image


def trend_series(amap: ArgumentMap) -> list[str]:
    """Data series the evidence links to (with at least two points), at most MAX_TRENDS."""
    linked = dict.fromkeys(n.series for n in amap.nodes() if n.series)
    names = [s for s in linked if s in amap.series and amap.series[s].kind != "reference"]
    return [s for s in names if len(amap.series[s].points) >= 2][:MAX_TRENDS]


def render_trend_png(amap: ArgumentMap, name: str) -> bytes:
    from ui.panels.series_chart import FitOptions, render_series_png

    fit = FitOptions(enabled=len(amap.series[name].points) >= 5)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "chart.png"
        render_series_png(amap, name, path, (760, 380), fit)
        return path.read_bytes()


def trend_files(amap: ArgumentMap) -> dict[str, str]:
    """Series name → its chart's file name (`trend-compute.png`): plain ASCII, so the name
    needs no escaping in a Markdown link and passes the HTML sanitiser's image-name check;
    two series that would share a name get `-2`, `-3`…"""
    out: dict[str, str] = {}
    for name in trend_series(amap):
        slug = re.sub(r"[^A-Za-z0-9_.-]+", "-", name).strip("-.")[:60] or "series"
        file, n = f"trend-{slug}.png", 1
        while file in out.values():
            n += 1
            file = f"trend-{slug}-{n}.png"
        out[name] = file
    return out


def report_pictures(amap: ArgumentMap, numbers: ReportNumbers) -> dict[str, bytes]:
    """Every picture of the report as PNG bytes under its plain file name (`map.png`,
    `scenarios.png`, `tornado.png`, `trend-….png`); the export puts them in a folder."""
    pictures: dict[str, bytes] = {}
    if len(amap):
        picture = render_map(amap, numbers.credence, sides=numbers.sides)
        pictures["map.png"] = png_bytes(picture, palette=True)
    if numbers.scenarios:
        rows = [(name or "Map's own weights", value, name == numbers.scenario)
                for name, value in numbers.scenarios.items()]  # fmt: skip
        bars = render_bars(rows, "Thesis credence under each scenario")
        pictures["scenarios.png"] = png_bytes(bars)
    tornado = render_tornado(numbers)
    if tornado is not None:
        pictures["tornado.png"] = png_bytes(tornado)
    for name, file in trend_files(amap).items():
        pictures[file] = render_trend_png(amap, name)
    return pictures


def report_text(
    amap: ArgumentMap, numbers: ReportNumbers, pictures: dict[str, bytes], folder: str = "",
    embed: bool = False, today: str | None = None,
) -> str:  # fmt: skip
    """The report's Markdown, its pictures linked as `folder/name` (percent-encoded, so a
    folder named after "My report" still makes a valid link), as bare names (`folder` empty:
    the preview and the HTML export resolve them), or embedded as data: URIs."""
    prefix = quote(folder, safe="") + "/" if folder else ""

    def ref(name: str) -> str | None:
        if name not in pictures:
            return None
        if embed:
            return "data:image/png;base64," + base64.b64encode(pictures[name]).decode("ascii")
        return prefix + name

    trends = {s: ref(f) for s, f in trend_files(amap).items() if f in pictures}
    refs = ReportImages(ref("map.png"), ref("scenarios.png"), ref("tornado.png"), trends)
    return build_report(amap, numbers, refs, today or _date.today().isoformat())


def build_report_files(
    amap: ArgumentMap, folder: str = "", embed: bool = False, images: bool = True,
    today: str | None = None,
) -> tuple[str, dict[str, bytes]]:  # fmt: skip
    """The report's Markdown and its pictures (name → PNG), without writing anything."""
    numbers = compute_numbers(amap)
    pictures = report_pictures(amap, numbers) if images else {}
    return report_text(amap, numbers, pictures, folder, embed, today), pictures


def export_report(
    amap: ArgumentMap, path: str | os.PathLike[str], fmt: str = "md", embed: bool = False,
    images: bool = True, today: str | None = None,
) -> list[Path]:  # fmt: skip
    """Write the report as Markdown or as one self-contained HTML file.

    The Markdown's pictures go in a folder beside it named after it (`report.md` +
    `report_files/map.png`, as a browser's "save page complete" does), linked relatively, so
    the report and its folder can be moved together and the loose folder is not strewn with
    PNGs; or, with `embed`, inside the Markdown. Exporting again over a report replaces that
    report's pictures and removes those it no longer has, never a file it did not write.
    Returns the files written (the report first); raises OSError, or UnsafePathError (a
    ValueError) for a name that would leave the folder."""
    out = Path(path).resolve()  # the user chose this file; its picture folder goes beside it
    check_export_target(out)  # never over a map or a device, before any work is done
    if fmt not in ("md", "html"):
        raise ValueError(f"unknown report format {fmt!r}: use md or html")
    folder = out.parent
    numbers = compute_numbers(amap)
    pictures = report_pictures(amap, numbers) if images else {}
    if fmt == "html":  # the pictures are inlined: one file, no folder
        title = amap.meta.get("title", "") or "Cruxmap report"
        write_atomic(out, render_html(report_text(amap, numbers, pictures, today=today),
                                      pictures, title))  # fmt: skip
        return [out]
    stem = safe_filename(out.stem, default="report", max_bytes=180)
    ours = pictures_of(out, stem)  # the pictures of the report this export replaces
    if embed or not pictures:
        write_atomic(out, report_text(amap, numbers, pictures, embed=embed, today=today))
        _remove_pictures(folder, ours)
        return [out]
    files = files_folder(folder, stem, list(pictures), ours)
    text = report_text(amap, numbers, pictures, files, today=today)
    made = not os.path.lexists(folder / files)
    written: list[Path] = []
    try:
        (folder / files).mkdir(exist_ok=True)
        for name, data in pictures.items():
            target = path_inside(folder, f"{files}/{name}")
            write_atomic(target, data)
            written.append(target)
        write_atomic(out, text)
    except BaseException:  # a partial export leaves nothing behind
        for target in written:
            if f"{files}/{target.name}" not in ours:
                target.unlink(missing_ok=True)
        if made:
            _remove_empty(folder / files)
        raise
    _remove_pictures(folder, ours - {f"{files}/{name}" for name in pictures})
    return [out, *written]


def pictures_of(report: Path, stem: str) -> set[str]:
    """The pictures an existing Markdown report links under its own name, as paths relative
    to its folder: `stem_files/map.png` (or `stem-2_files/…`), or the loose `stem-map.png` of
    reports written before the picture folder. A re-export may replace or remove these, and
    only these, so exporting twice to one file leaves one report's pictures, not two."""
    try:
        if not report.is_file() or report.stat().st_size > 50_000_000:
            return set()
        text = report.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return set()
    folder = report.parent
    own = re.compile(rf"{re.escape(stem)}(?:-\d+)?_files/[^/]+\.png|{re.escape(stem)}-[^/]+\.png")
    found = set()
    for link in re.findall(r"\]\(<?([^)<>\s]+\.png)>?\)", text):
        rel = unquote(link)
        if not own.fullmatch(rel):
            continue
        path = folder / rel
        if path.is_file() and not path.is_symlink() and not path.parent.is_symlink():
            found.add(rel)
    return found


def files_folder(folder: Path, stem: str, names: list[str], ours: set[str] = frozenset()) -> str:
    """`stem_files`, else `stem-2_files`, `stem-3_files`…: the first picture folder beside the
    report where no picture would replace a file other than the replaced report's own (a
    folder of the user's that happens to bear the name, or a file by that name, is left be)."""
    n, candidate = 1, f"{stem}_files"
    while True:
        path = folder / candidate
        if not os.path.lexists(path):
            return candidate
        if path.is_dir() and not path.is_symlink():
            taken = [m for m in names if os.path.lexists(path / m)]
            if all(f"{candidate}/{m}" in ours for m in taken):
                return candidate
        n += 1
        candidate = f"{stem}-{n}_files"


def _remove_pictures(folder: Path, pictures: set[str]) -> None:
    """Delete an old report's pictures (paths relative to `folder`), then their folders if
    that left them empty."""
    for rel in pictures:
        (folder / rel).unlink(missing_ok=True)
    for parent in {(folder / rel).parent for rel in pictures} - {folder}:
        _remove_empty(parent)


def _remove_empty(path: Path) -> None:
    try:
        path.rmdir()  # only if empty: a file of the user's keeps its folder
    except OSError:
        pass
