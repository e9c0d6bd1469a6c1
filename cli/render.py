"""`render`: the map picture (the window's canvas) as an SVG or PNG file, headless.

The only command that loads Qt: it draws the same `MapScene` the window shows, on the
offscreen platform when no display is set. `--focus NODE` draws that node and every reason
under it (its branch) instead of the whole map.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import fail, open_map, run

if TYPE_CHECKING:
    from PySide6.QtCore import QRectF

    from ui.map.scene import MapScene

FORMATS = ("svg", "png")
MARGIN = 40.0


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("render", help="draw the map as an SVG or PNG picture")
    p.add_argument("file", help="a .cruxmap file")
    p.add_argument("-o", "--output", required=True, help="the picture to write: .svg or .png")
    p.add_argument("--focus", metavar="NODE", help="draw only this node and the reasons under it")
    p.add_argument("--format", choices=FORMATS, help="svg or png (default: from the file name)")
    p.set_defaults(func=run(cmd_render))


def cmd_render(args: argparse.Namespace) -> int:
    out = Path(args.output)
    fmt = args.format or out.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        fail(f"cannot tell the picture format from {out.name!r}: name it .svg or .png")
    if not out.parent.is_dir():
        fail(f"folder {out.parent} does not exist")
    doc = open_map(args.file)
    try:
        amap = doc.map
        if args.focus is not None and args.focus not in amap:
            fail(f"no node with id {args.focus!r} in {Path(args.file).name}")
        if not len(amap):
            fail("the map is empty: there is nothing to draw")
        _app()
        from ui.map.scene import MapScene

        scene = MapScene(amap)
        try:
            source = _focus_rect(scene, args.focus) if args.focus else None
            scene.render_image(out, fmt, source)
        except OSError as exc:
            fail(str(exc))
        finally:
            scene.detach()
    finally:
        doc.close()
    print(f"wrote {out}")
    return 0


def _app() -> None:
    """A QApplication for painting text, on the offscreen platform when there is no display.

    numpy and the model's modules are imported first: after PySide6, shiboken reads the
    source of every Python module imported (PYSIDE-2029): see ui.platform_check."""
    from ui.platform_check import preload_before_qt

    preload_before_qt()
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _app.instance = QApplication(["cruxmap"])  # type: ignore[attr-defined]


def _focus_rect(scene: MapScene, node_id: str) -> QRectF:
    """The box around a node and all its reasons (its branch), as laid out."""
    import networkx as nx
    from PySide6.QtCore import QRectF

    from model.layout import NODE_H, NODE_W

    graph = scene.amap.graph
    ids = {node_id, *nx.ancestors(graph, node_id)}  # links run reason → target
    positions = scene.layout.positions
    points = [positions[i] for i in ids if i in positions]
    if not points:
        fail(f"node {node_id!r} is hidden (inside a collapsed branch): expand it first")
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    left, top = min(xs) - NODE_W / 2 - MARGIN, min(ys) - NODE_H / 2 - MARGIN
    right, bottom = max(xs) + NODE_W / 2 + MARGIN, max(ys) + NODE_H / 2 + MARGIN
    return QRectF(left, top, right - left, bottom - top)
