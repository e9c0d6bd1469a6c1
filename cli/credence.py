"""`credence`: the thesis credence of a map under each scenario, optionally with its reasons."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from cli.common import fail, open_map, print_json, run

if TYPE_CHECKING:
    from model.argmap import ArgumentMap


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("credence", help="the thesis credence per scenario, and why")
    p.add_argument("file", help="a .cruxmap file")
    p.add_argument("--scenario", help="evaluate under this scenario (default: the map's current)")
    p.add_argument("--explain", action="store_true", help="list the strongest reasons each way")
    p.add_argument(
        "--semantics",
        choices=("odds", "dfquad"),
        default="odds",
        help="odds: the likelihood-ratio model (default); dfquad: weighted DF-QuAD",
    )
    p.add_argument("--top", type=int, default=5, help="reasons to list each way (default 5)")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(func=run(cmd_credence))


def credence_report(
    amap: ArgumentMap, scenario: str | None, explain: bool, top: int, semantics: str = "odds"
) -> dict:
    """The numbers `credence` prints, as plain data (deterministic for the same map)."""
    from model.credence.dfquad import evaluate_dfquad
    from model.credence.engine import evaluate, scenario_credences
    from model.credence.explain import strongest_reasons

    if amap.thesis is None:
        fail("the map has no thesis: add a thesis node to weigh")
    if scenario is not None and scenario not in amap.scenarios:
        names = ", ".join(repr(n) for n in amap.scenarios) or "none"
        fail(f"no scenario named {scenario!r} (the map's scenarios: {names})")
    res = evaluate(amap, scenario)
    values = scenario_credences(amap)
    if semantics == "dfquad":
        res = evaluate_dfquad(amap, scenario)
        values = {n: evaluate_dfquad(amap, n).thesis_credence for n in values}
    data: dict[str, Any] = {
        "thesis": amap.node(res.thesis).title,
        "scenario": res.scenario,
        "credence": round(res.thesis_credence, 6),
        "scenarios": {n: round(x, 6) for n, x in values.items()},
        "semantics": semantics,
        "converged": res.converged,
        "iterations": res.iterations,
        "unweighed": len(amap.unweighed(res.thesis, res.scenario)),
        "stated": {n: sc.stated for n, sc in amap.scenarios.items() if sc.stated},
    }
    if explain and semantics == "odds":
        pro, con = strongest_reasons(amap, top, res.scenario)
        data["for"] = [_reason(r) for r in pro]
        data["against"] = [_reason(r) for r in con]
    return data


def _reason(r: Any) -> dict:
    return {
        "id": r.source,
        "title": r.title,
        "strength": r.label,
        "lambda": r.strength,
        "credence": round(r.credence, 6),
        "points": round(r.points, 2),
    }


def cmd_credence(args: argparse.Namespace) -> int:
    if args.top < 1:
        fail("--top must be at least 1")
    doc = open_map(args.file, readonly=True)
    try:
        data = credence_report(doc.map, args.scenario, args.explain, args.top, args.semantics)
    finally:
        doc.close()
    if args.json:
        print_json(data)
        return 0
    print(f"Thesis: {data['thesis']}")
    current = data["scenario"] or "map weights"
    print(f"Credence: {100 * data['credence']:.1f}%  (scenario: {current})")
    if not data["converged"]:
        print(f"  warning: a cycle did not settle after {data['iterations']} iterations")
    if data["unweighed"]:
        print(
            f"  {data['unweighed']} reasons on the thesis not yet weighed (they count for nothing)"
        )
    for name, value in data["scenarios"].items():
        mark = "*" if name == data["scenario"] else " "
        stated = data["stated"].get(name)
        said = f"   (the author: {stated})" if stated else ""
        print(f" {mark} {name or 'map weights':<32} {100 * value:5.1f}%{said}")
    if args.explain and args.semantics != "odds":
        print("(--explain lists pulls under the default odds model only)")
    elif args.explain:
        for side in ("for", "against"):
            print(f"Strongest reasons {side}:" if data[side] else f"No reasons {side}.")
            for r in data[side]:
                print(
                    f"  {r['points']:+6.1f} pts  {r['title']}  ({r['strength']}, λ={r['lambda']:g})"
                )
    return 0
