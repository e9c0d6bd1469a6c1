"""`import` (propose — and with --accept-all add — an article's claims) and `eval-import`
(score the importer on an annotated corpus, see shared/eval/README.md)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from cli.common import check_writable, fail, open_map, print_json, run
from storage.sandbox import IMPORT_TIME_LIMIT, Sandbox

THESIS_FALLBACK = "thesis"


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("import", help="propose claims and trend facts from an article")
    p.add_argument(
        "source", metavar="FILE_OR_URL", help="HTML, Markdown, text or PDF file, or a URL"
    )
    p.add_argument("--map", required=True, help="the .cruxmap file to match against")
    p.add_argument(
        "--accept-all",
        action="store_true",
        help="add every proposal, and every trend fact that fits a series and has a year, to the map",
    )
    p.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        help="with --accept-all, only proposals at or above this confidence",
    )
    p.add_argument("--json", action="store_true", help="print the proposals as JSON")
    p.add_argument("--timeout", type=float, default=20.0, help="URL fetch timeout in seconds")
    p.add_argument("--time-limit", type=float, default=IMPORT_TIME_LIMIT,
                   help=f"stop reading and proposing after this many seconds ({IMPORT_TIME_LIMIT:g})")  # fmt: skip
    p.set_defaults(func=run(cmd_import))
    p = subparsers.add_parser("eval-import", help="score the importer on an annotated corpus")
    p.add_argument("corpus", metavar="CORPUS_DIR", help="folder with articles/ and gold/")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument(
        "--rules-only",
        action="store_true",
        help="score the rules without the learned claim ranker and stance model (which have "
        "seen the annotated corpora: use tools/eval_loo.py for their leave-one-article-out score)",
    )
    p.set_defaults(func=run(cmd_eval))


_PROJECT = Path(__file__).resolve().parent.parent


def cmd_import(args: argparse.Namespace) -> int:
    if not Path(args.map).exists():
        fail(f"no such map: {args.map}")
    if not 0 < args.time_limit <= 24 * 3600:
        fail("--time-limit must be a positive number of seconds")
    if args.accept_all:
        check_writable(args.map)
    # The child that reads and proposes loads the importer while this process opens the map.
    with Sandbox(timeout=args.time_limit, warm="import") as box:
        box.start()
        return _import(args, box)


def _import(args: argparse.Namespace, box: Sandbox) -> int:
    from model.importer.apply import (
        accept_all,
        accept_facts,
        apply_import,
        node_refs,
        suggest_series,
    )
    from storage.articles import ArticleError
    from storage.document import DocumentError
    from storage.import_job import import_article

    doc = open_map(args.map, readonly=not args.accept_all)
    try:
        amap = doc.map
        thesis = amap.thesis
        try:  # read AND propose in the sandbox child, under the time and memory limits
            outcome = import_article(args.source, node_refs(amap),
                                     thesis.id if thesis else THESIS_FALLBACK,
                                     limit=args.time_limit, timeout=args.timeout, box=box)  # fmt: skip
        except ArticleError as exc:
            fail(str(exc))
        for notice in outcome.notices:
            print(f"cruxmap: {notice}", file=sys.stderr)
        result = outcome.result
        article = result.article
        # a ratio, hypothetical, projection or reference level is never offered to a series
        suggested = [
            suggest_series(amap.series, f, article.text) if f.kind == "observation" else None
            for f in result.trend_facts
        ]
        added = None
        if args.accept_all:
            facts = accept_facts(amap.series, article, result.trend_facts)
            added = apply_import(amap, article, accept_all(result, args.min_confidence), facts)
    except DocumentError as exc:  # the file refused the edit (another program, disk full…)
        fail(str(exc))
    finally:
        doc.close()
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    if args.json:
        data = result.to_json()
        for fact, series in zip(data["trend_facts"], suggested):
            fact["series"] = series
        if added is not None:
            data["added"] = added
        print_json(data)
        return 0
    a = result.article
    print(
        f"{a.title or args.source}"
        + (f" — {a.author}" if a.author else "")
        + (f" ({a.date})" if a.date else "")
    )
    print(
        f"  {len(a.text.split())} words, {len(result.proposals)} proposed claims, "
        f"{len(result.trend_facts)} trend facts"
    )
    for p in sorted(result.proposals, key=lambda p: p.start):
        print(f"  [{p.stance:7} {p.confidence:.2f}] {p.relation} {p.target}: {p.title}")
    for f, series in zip(result.trend_facts, suggested):
        year = f" ({f.year})" if f.year else ""
        where = f" → {series}" if series else ("" if f.kind == "observation" else f" [{f.kind}]")
        print(f"  fact: {f.label}: {f.quantity} = {f.value:g} {f.unit}{year}{where}")
    if added is not None:
        print(
            f"  added {len(added['nodes'])} nodes, {len(added['cited'])} citations and "
            f"{len(added['points'])} trend points from source {added['source']}"
        )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from model.importer import propose
    from model.importer.evaluate import rates, raw_text, score_article, total
    from storage.articles import ArticleError, read_many

    root = Path(args.corpus)
    gold_dir = root / "gold"
    if not gold_dir.is_dir():
        fail(f"{root} has no gold/ folder")
    golds = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            golds.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
        except (OSError, ValueError) as exc:
            fail(f"cannot read {path.name}: {exc}")
    if not golds:
        fail(f"{gold_dir} holds no .json files")
    paths = []
    for stem, g in golds:
        rel = g.get("article") or ""
        # "article" is relative to the corpus folder, or (gold kept in the project, texts outside
        # it) to the project root.
        cand = next(
            (c for c in (root / rel, Path.cwd() / rel, _PROJECT / rel) if rel and c.is_file()),
            None,
        )
        if cand is None:
            found = sorted((root / "articles").glob(stem + ".*"))
            if not found:
                fail(f"no article for gold/{stem}.json")
            cand = found[0]
        paths.append(str(cand))
    articles = read_many(paths)
    rows = []
    for (stem, g), path, art in zip(golds, paths, articles):
        if isinstance(art, ArticleError):
            fail(f"{os.path.basename(path)}: {art}")
        result = (
            propose(art, [], THESIS_FALLBACK, stance_model=None, claim_model=None)
            if args.rules_only
            else propose(art, [], THESIS_FALLBACK)
        )
        raw = raw_text(path, g)
        rows.append((stem, score_article(raw, g, result)))
    overall = total([c for _, c in rows])
    out = {
        "articles": [
            {
                "article": stem,
                **rates(c),
                "proposals": c["proposals"],
                "leaked_samples": c["leaked_samples"],
                "stance_per_class": c["stance_per_class"],
            }
            for stem, c in rows
        ],
        "overall": {
            **rates(overall),
            "proposals": overall["proposals"],
            "stance_per_class": overall["stance_per_class"],
        },
    }
    if args.json:
        print_json(out)
        return 0
    cols = [
        "recall_imp2",
        "precision",
        "stance_accuracy",
        "trend_fact_recall",
        "boilerplate_leakage",
    ]
    head = ["article", "recall≥2", "precision", "stance", "pro", "con", "facts", "leakage",
            "proposals"]  # fmt: skip
    print(" | ".join(f"{h:>9}" for h in head))
    for r in out["articles"] + [{"article": "overall", **out["overall"]}]:
        vals = ["—" if r[c] is None else f"{r[c]:.3f}" for c in cols]
        vals[3:3] = [_side_rate(r["stance_per_class"], side) for side in ("pro", "con")]
        print(" | ".join(f"{v:>9}" for v in [r["article"][:9], *vals, str(r["proposals"])]))
    return 0


def _side_rate(per_class: dict, side: str) -> str:
    """Stance accuracy on the gold claims of one side ("—" when the article has none): an
    importer that labels everything "con" scores well overall on a con article, not here."""
    right, seen = per_class.get(side, (0, 0))
    return f"{right / seen:.3f}" if seen else "—"
