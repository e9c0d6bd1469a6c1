"""`cruxes`: the inputs two scenarios disagree on, ranked by how much of the thesis gap each explains."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli.common import fail, open_map, print_json, run

if TYPE_CHECKING:  # numpy and networkx load only when the command runs
    from model.argmap import ArgumentMap
    from model.credence.cruxes import Cruxes


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("cruxes", help="where two scenarios part ways, input by input")
    p.add_argument("file", help="a .cruxmap file")
    p.add_argument("--between", required=True, metavar="A", help="a scenario name")
    p.add_argument("--and", required=True, dest="other", metavar="B", help="another scenario")
    p.add_argument("--top", type=int, default=None, help="list only the N largest cruxes")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(func=run(cmd_cruxes))


def cruxes_report(amap: ArgumentMap, a: str, b: str, top: int | None = None) -> dict[str, Any]:
    """The numbers `cruxes` prints: credences and points on the 0–100 scale, gap = B − A."""
    if amap.thesis is None:
        fail("the map has no thesis: there is no gap to explain")
    for name in (a, b):
        if name not in amap.scenarios:
            names = ", ".join(repr(n) for n in amap.scenarios) or "none"
            fail(f"no scenario named {name!r} (the map's scenarios: {names})")
    from model.credence.cruxes import cruxes

    return _as_data(cruxes(amap, a, b), top)


def _as_data(result: Cruxes, top: int | None) -> dict[str, Any]:
    a, b = result.a, result.b
    rows = result.cruxes if top is None else result.cruxes[:top]
    return {
        "between": [a, b],
        "credences": {a: round(100 * result.credence_a, 4), b: round(100 * result.credence_b, 4)},
        "gap": round(result.gap, 4),
        "cruxes": [
            {
                "node": c.node,
                "title": c.title,
                "input": c.input,
                "link": list(c.link) if c.link else None,
                "values": {a: c.value_a, b: c.value_b},
                "points": round(c.points, 4),
            }
            for c in rows
        ],
    }


def cmd_cruxes(args: argparse.Namespace) -> int:
    if args.top is not None and args.top < 1:
        fail("--top must be at least 1")
    from model.credence.cruxes import cruxes

    doc = open_map(args.file)
    try:
        amap = doc.map
        if amap.thesis is None:
            fail("the map has no thesis: there is no gap to explain")
        for name in (args.between, args.other):
            if name not in amap.scenarios:
                names = ", ".join(repr(n) for n in amap.scenarios) or "none"
                fail(f"no scenario named {name!r} (the map's scenarios: {names})")
        result = cruxes(amap, args.between, args.other)
    finally:
        doc.close()
    data = _as_data(result, args.top)
    if args.json:
        print_json(data)
        return 0
    a, b = args.between, args.other
    print(f"{a}: {100 * result.credence_a:.1f}%   {b}: {100 * result.credence_b:.1f}%   "
          f"gap {result.gap:+.1f} points")  # fmt: skip
    print(f"Method: {result.describe_method()}.")
    for c in data["cruxes"]:
        va, vb = (_value(c["input"], c["values"][n]) for n in (a, b))
        what = "prior" if c["input"] == "prior" else "strength of its link"
        print(f"  {c['points']:+6.1f} pts  {c['title']}  ({what}: {va} vs {vb})")
    return 0


def _value(kind: str, x: float | None) -> str:
    if x is None:
        return "unweighed"
    return f"{100 * x:.0f}%" if kind == "prior" else f"λ {x:g}"
