"""The map picture as a file: the same `MapScene` the window shows, drawn whole or one branch.

Used by the `render` command; the window's own export goes through the editor.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx
from PySide6.QtCore import QRectF

from model.argmap import ArgumentMap
from model.layout import NODE_H, NODE_W
from ui.map.scene import MapScene
from ui.offscreen import ensure_app

MARGIN = 40.0


def render_map_picture(amap: ArgumentMap, out: Path, fmt: str, focus: str | None = None) -> None:
    """Write the map (or `focus` and every reason under it) as SVG or PNG.

    Raises ValueError when the focus node is hidden in a collapsed branch, OSError when the
    file cannot be written."""
    ensure_app()
    scene = MapScene(amap)
    try:
        source = branch_rect(scene, focus) if focus else None
        scene.render_image(out, fmt, source)
    finally:
        scene.detach()


def branch_rect(scene: MapScene, node_id: str) -> QRectF:
    """The box around a node and all its reasons (its branch), as laid out."""
    ids = {node_id, *nx.ancestors(scene.amap.graph, node_id)}  # links run reason → target
    positions = scene.layout.positions
    points = [positions[i] for i in ids if i in positions]
    if not points:
        raise ValueError(f"node {node_id!r} is hidden (inside a collapsed branch): expand it first")
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    left, top = min(xs) - NODE_W / 2 - MARGIN, min(ys) - NODE_H / 2 - MARGIN
    right, bottom = max(xs) + NODE_W / 2 + MARGIN, max(ys) + NODE_H / 2 + MARGIN
    return QRectF(left, top, right - left, bottom - top)
