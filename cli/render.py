"""`render`: the map picture (the window's canvas) as an SVG or PNG file, headless.

The only command that loads Qt (through `ui.export.map_picture`): it draws the same
`MapScene` the window shows, on the offscreen platform when no display is set. `--focus NODE`
draws that node and every reason under it (its branch) instead of the whole map.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import fail, open_map, run

FORMATS = ("svg", "png")


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
        # numpy and the model first: after PySide6, shiboken reads the source of every Python
        # module imported (PYSIDE-2029; see ui.platform_check)
        from ui.platform_check import preload_before_qt

        preload_before_qt()
        from ui.export.map_picture import render_map_picture

        try:
            render_map_picture(amap, out, fmt, args.focus)
        except (OSError, ValueError) as exc:
            fail(str(exc))
    finally:
        doc.close()
    print(f"wrote {out}")
    return 0
