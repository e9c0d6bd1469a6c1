"""`info` and `new`: what a map holds, and making a new one."""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import check_new_file, create_map, open_map, print_json, run

if TYPE_CHECKING:
    from model.argmap import ArgumentMap


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("info", help="counts of nodes, links and sources in a map")
    p.add_argument("file", help="a .cruxmap file")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(func=run(cmd_info))
    p = subparsers.add_parser("new", help="create an empty map, or the seed debate with --seed")
    p.add_argument("file", help="the .cruxmap file to create (must not exist)")
    p.add_argument("--seed", action="store_true", help="start from the scaling-to-AGI seed map")
    p.set_defaults(func=run(cmd_new))


def map_counts(amap: ArgumentMap) -> dict:
    """The counts scripts rely on: nodes, edges, kinds, relations, sources, cited nodes."""
    from model.entities import KINDS, RELATIONS

    kinds = Counter(n.kind for n in amap.nodes())
    relations = Counter(e.relation for e in amap.edges())
    return {
        "title": amap.meta.get("title", ""),
        "nodes": len(amap),
        "edges": amap.graph.number_of_edges(),
        "kinds": {k: kinds.get(k, 0) for k in KINDS},
        "relations": {r: relations.get(r, 0) for r in RELATIONS},
        "sources": len(amap.sources),
        "cited_nodes": sum(1 for n in amap.nodes() if n.citations),
        "scenarios": list(amap.scenarios),
        "series": len(amap.series),
    }


def cmd_info(args: argparse.Namespace) -> int:
    doc = open_map(args.file, readonly=True)
    counts = map_counts(doc.map)
    doc.close()
    if args.json:
        print_json(counts)
    else:
        print(f"{counts['title'] or Path(args.file).name}")
        print(
            f"  {counts['nodes']} nodes: "
            + ", ".join(f"{v} {k}" for k, v in counts["kinds"].items())
        )
        print(
            f"  {counts['edges']} links: "
            + ", ".join(f"{v} {k}" for k, v in counts["relations"].items())
        )
        print(f"  {counts['sources']} sources, cited by {counts['cited_nodes']} nodes")
        print(
            f"  {counts['series']} trend series; scenarios: {', '.join(counts['scenarios']) or 'none'}"
        )
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    from storage.seedmap import new_map

    path = check_new_file(args.file)
    create_map(path, new_map(args.seed))
    print(f"created {path}")
    return 0
