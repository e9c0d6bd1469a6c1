"""`export` and `open-as-map`: a map out as a report or interchange file, and a foreign file in
as a new map. Neither touches an existing map: exports only read it, and `open-as-map`
refuses an output that exists and creates nothing when the input is malformed."""

from __future__ import annotations

import argparse
from pathlib import Path

from cli.common import check_new_file, create_map, fail, open_map, run
from storage.formats import EXPORT_FORMATS, IMPORT_SUFFIXES
from storage.safe_paths import UnsafePathError, check_export_target

REPORT_FORMATS = ("md", "html")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("export", help="write a map as a report or an interchange file")
    p.add_argument("file", help="a .cruxmap file")
    p.add_argument("--format", "-f", choices=REPORT_FORMATS + EXPORT_FORMATS, default="md",
                   help="md/html: the report; json (lossless), argdown, aif, graphml, csv")  # fmt: skip
    p.add_argument("-o", "--output", required=True, help="the file to write")
    p.add_argument("--embed-images", action="store_true",
                   help="md: put the pictures inside the report as data: URIs "
                        "(else they go in a REPORT_files folder beside it)")  # fmt: skip
    p.add_argument("--no-images", action="store_true", help="md/html: text only")
    p.set_defaults(func=run(cmd_export))
    p = subparsers.add_parser(
        "open-as-map", help="make a new map from JSON, Argdown, AIF or GraphML"
    )
    p.add_argument("file", help="a " + "/".join(sorted(IMPORT_SUFFIXES)) + " file")
    p.add_argument("-o", "--output", required=True, help="the .cruxmap file to create")
    p.set_defaults(func=run(cmd_open_as_map))


def cmd_export(args: argparse.Namespace) -> int:
    from storage.interchange import InterchangeError

    out = Path(args.output)
    if not out.parent.is_dir():
        fail(f"folder {out.parent} does not exist")
    if out.exists() and Path(args.file).exists() and out.samefile(args.file):
        fail(f"{out} is the map being exported: choose another output file")
    try:
        check_export_target(out)
    except UnsafePathError as exc:
        fail(str(exc))
    doc = open_map(args.file, readonly=True)
    try:
        if args.format in REPORT_FORMATS:
            from ui.export.report_images import export_report

            written = export_report(doc.map, out, args.format, embed=args.embed_images,
                                    images=not args.no_images)  # fmt: skip
        else:
            from storage.interchange import export_map

            export_map(doc.map, args.format, out)
            written = [out]
    except (InterchangeError, OSError, ValueError) as exc:
        fail(str(exc))
    finally:
        doc.close()
    pictures = written[1:]
    extra = f" and {len(pictures)} picture(s) in {pictures[0].parent}/" if pictures else ""
    print(f"wrote {out}{extra}")
    return 0


def cmd_open_as_map(args: argparse.Namespace) -> int:
    from storage.interchange import InterchangeError, import_map

    out = check_new_file(args.output)
    try:
        amap = import_map(args.file)
    except InterchangeError as exc:
        fail(f"{Path(args.file).name}: {exc}")
    create_map(out, amap)
    print(f"created {out}: {len(amap)} nodes, {amap.graph.number_of_edges()} links")
    return 0
