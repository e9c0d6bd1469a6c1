"""`trends list | import | fit`: trend series headless — list them, import a CSV, fit and project."""

from __future__ import annotations

import argparse
import math
from pathlib import Path
from typing import TYPE_CHECKING

from cli.common import check_writable, fail, open_map, print_json, run

if TYPE_CHECKING:  # numpy and the model load when a command runs, not when the parser is built
    from model.entities import Series
    from model.trends import Fit


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("trends", help="trend series: list, import a CSV, fit and project")
    sub = p.add_subparsers(dest="trends_command", required=True)

    q = sub.add_parser("list", help="the series a map holds")
    q.add_argument("map", help="a .cruxmap file")
    q.add_argument("--json", action="store_true", help="print JSON for scripts")
    q.set_defaults(func=run(cmd_list))

    q = sub.add_parser("import", help="read a CSV (e.g. Epoch AI's export) into a series")
    q.add_argument("csv", help="the CSV file, as downloaded")
    q.add_argument("--map", required=True, help="the .cruxmap file to add the series to")
    q.add_argument("--series", required=True, help="name of the new series")
    q.add_argument("--date-col", required=True, help="column holding the date")
    q.add_argument("--value-col", required=True, help="column holding the value")
    for role in ("label", "unit", "low", "high", "source", "note"):
        q.add_argument(f"--{role}-col", default="", help=f"column holding the {role}")
    q.add_argument("--title", default="", help="a readable title for the series")
    q.add_argument("--unit", default="", help="the unit, if no column gives it")
    q.add_argument("--replace", action="store_true", help="replace a series of the same name")
    q.add_argument(
        "--dry-run", action="store_true", help="report what would be read; change nothing"
    )
    q.add_argument("--json", action="store_true", help="print JSON for scripts")
    q.set_defaults(func=run(cmd_import))

    q = sub.add_parser("fit", help="exponential fit, growth per year, doubling time and projection")
    q.add_argument("map", help="a .cruxmap file")
    q.add_argument("--series", required=True, help="the series to fit")
    q.add_argument("--from", dest="start", type=float, help="first year to fit (inclusive)")
    q.add_argument("--to", dest="end", type=float, help="last year to fit (inclusive)")
    q.add_argument("--until", type=float, help="project the trend up to this year")
    q.add_argument("--cross", default="", help="a series or a number: the year the trend meets it")
    q.add_argument("--level", type=float, help="interval level (default 0.9)")
    q.add_argument("--json", action="store_true", help="print JSON for scripts")
    q.set_defaults(func=run(cmd_fit))


def cmd_list(args: argparse.Namespace) -> int:
    doc = open_map(args.map, readonly=True)
    rows = [_describe(s) for s in doc.map.series.values()]
    doc.close()
    if args.json:
        print_json(rows)
        return 0
    for r in rows:
        span = f"{r['first']}–{r['last']}" if r["points"] else "no points"
        print(
            f"{r['name']:<26} {r['kind']:<9} {r['points']:>4} pts  {span:<22} {r['unit']:<10} {r['title']}"
        )
    return 0


def _describe(s: Series) -> dict:
    from model.trends import decimal_year

    dates = sorted((p.date for p in s.points), key=decimal_year)
    return {"name": s.name, "title": s.title, "unit": s.unit, "kind": s.kind,
            "points": len(s.points), "first": dates[0] if dates else None,
            "last": dates[-1] if dates else None, "source": s.source}  # fmt: skip


def cmd_import(args: argparse.Namespace) -> int:
    from model.argmap import MapError
    from storage.document import DocumentError
    from storage.trenddata import TrendDataError, read_table_sandboxed, series_from_table

    mapping = {"date": args.date_col, "value": args.value_col}
    mapping.update(
        {r: getattr(args, f"{r}_col") for r in ("label", "unit", "low", "high", "source", "note")}
    )
    try:
        table = read_table_sandboxed(args.csv)
        result = series_from_table(table, mapping, args.series, title=args.title, unit=args.unit,
                                   source=Path(args.csv).name)  # fmt: skip
    except TrendDataError as exc:
        fail(str(exc))
    if not args.dry_run:
        check_writable(args.map)
    doc = open_map(args.map, readonly=args.dry_run)
    try:
        if args.series in doc.map.series and not args.replace:
            fail(f"the map already has a series {args.series!r}: use --replace or another name")
        if not args.dry_run:
            with doc.map.batch(f"Import trend data {args.series}"):
                doc.map.put_series(result.series)
    except (MapError, DocumentError) as exc:
        fail(str(exc))
    finally:
        doc.close()
    if args.json:
        print_json({**result.summary(), "dry_run": args.dry_run})
    else:
        verb = "would import" if args.dry_run else "imported"
        print(
            f"{verb} {result.rows_read} rows into {args.series!r}; {len(result.rejected)} rejected"
        )
        for r in result.rejected[:20]:
            print(f"  line {r.line}: {r.reason}")
        if len(result.rejected) > 20:
            print(f"  … and {len(result.rejected) - 20} more (use --json for all)")
    return 0


def cmd_fit(args: argparse.Namespace) -> int:
    from model.trends import DEFAULT_LEVEL, TrendError, fit_series, projection

    if args.level is None:
        args.level = DEFAULT_LEVEL
    if not 0 < args.level < 1:
        fail("--level must be between 0 and 1, e.g. 0.9")
    doc = open_map(args.map, readonly=True)
    series = dict(doc.map.series)
    doc.close()
    if args.series not in series:
        fail(f"no series named {args.series!r}; try `trends list {args.map}`")
    try:
        fit = fit_series(series[args.series], args.start, args.end)
        out = fit.summary()
        out["level"] = args.level
        out["projection"] = projection(fit, args.until, args.level) if args.until else []
        if args.cross:
            out["crossing"] = _crossing(fit, args.cross, series, args.level)
    except TrendError as exc:
        fail(str(exc))
    if args.json:
        print_json(out)
        return 0
    rate = (f"odds ×{fit.growth_per_year:.3g} per year (logistic: a score stops at {fit.bound:g})"
            if fit.bound is not None else f"×{fit.growth_per_year:.3g} per year, doubling every "
            f"{fit.doubling_time_years * 12:.3g} months")  # fmt: skip
    print(f"{args.series}: {rate}, R² {fit.r2:.3f}, {fit.n} points "
          f"({fit.first:.1f}–{fit.last:.1f})")  # fmt: skip
    for row in out["projection"]:
        print(f"  {row['year']}: {row['value']:.3g}  ({row['low']:.3g} – {row['high']:.3g})")
    if "crossing" in out:
        c = out["crossing"]
        year = lambda v, none: none if v is None else f"{round(v)}"  # noqa: E731
        print(f"  meets {args.cross} in {year(c['year'], 'never')} "
              f"({c['level']:.0%}: {year(c['low'], '?')}–{year(c['high'], 'later')}) {c['message']}")  # fmt: skip
    return 0


def _crossing(fit: Fit, other: str, series: dict[str, Series], level: float) -> dict:
    from model.trends import Level, TrendError, crossing_year, fit_series, level_of

    if other in series:
        target = series[other]
        b = level_of(target) if target.kind == "reference" else fit_series(target)
        if b is None:
            raise TrendError(f"{other!r} has no positive level to compare with")
    else:
        try:
            value = float(other)
        except ValueError:
            raise TrendError(f"--cross takes a series name or a number, not {other!r}") from None
        if not (value > 0 and math.isfinite(value)):
            raise TrendError("--cross needs a positive level")
        b = Level(value)
    return {"with": other, **crossing_year(fit, b, level).summary()}
