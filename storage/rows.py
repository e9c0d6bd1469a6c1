"""Rows ⇄ model values: every SQL statement that reads or writes a map's contents.

Writes are keyed by what changed: for each changed node, edge, source… the current value is
read from the model and upserted, or deleted when the model no longer has it. That makes
undo, redo and the kill -9 guarantees follow from one simple rule.
"""

from __future__ import annotations

import gc
import json
import sqlite3

from model.argmap import ArgumentMap, Change
from model.entities import (
    Citation,
    Edge,
    HistoryEntry,
    Node,
    Point,
    Receipt,
    Scenario,
    Series,
    Source,
)

NODE_COLS = (
    "id, kind, title, text, prior, prior_low, prior_high, tags, series, created, modified, "
    "collapsed, x, y, pinned"
)
EDGE_COLS = "source, target, relation, strength, strength_low, strength_high"
SOURCE_COLS = "id, title, author, outlet, date, url, text, kind, file, added"


def _marks(cols: str) -> str:
    return ", ".join("?" * len(cols.split(",")))


# ----------------------------------------------------------------- to rows
def node_row(n: Node) -> tuple:
    lo, hi = n.prior_range or (None, None)
    x, y = n.pos or (None, None)
    return (
        n.id, n.kind, n.title, n.text, n.prior, lo, hi, json.dumps(list(n.tags)), n.series,
        n.created, n.modified, int(n.collapsed), x, y, int(n.pinned),
    )  # fmt: skip


def edge_row(e: Edge) -> tuple:
    lo, hi = e.strength_range or (None, None)
    return (e.source, e.target, e.relation, e.strength, lo, hi)


def source_row(s: Source) -> tuple:
    return (s.id, s.title, s.author, s.outlet, s.date, s.url, s.text, s.kind, s.file, s.added)


# ------------------------------------------------------------------ writing
def write_all(conn: sqlite3.Connection, amap: ArgumentMap) -> None:
    """Write a whole map into empty tables (new files, Save As of an in-memory map)."""
    conn.executemany(
        f"INSERT INTO sources ({SOURCE_COLS}) VALUES ({_marks(SOURCE_COLS)})",
        [source_row(s) for s in amap.sources.values()],
    )
    conn.executemany(
        f"INSERT INTO nodes ({NODE_COLS}) VALUES ({_marks(NODE_COLS)})",
        [node_row(n) for n in amap.nodes()],
    )
    conn.executemany(
        "INSERT INTO node_sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        [_citation_row(n.id, i, c) for n in amap.nodes() for i, c in enumerate(n.citations)],
    )
    conn.executemany(
        f"INSERT INTO edges ({EDGE_COLS}) VALUES ({_marks(EDGE_COLS)})",
        [edge_row(e) for e in amap.edges()],
    )
    conn.executemany("INSERT INTO meta VALUES (?, ?)", list(amap.meta.items()))
    for name in amap.scenarios:
        _write_scenario(conn, amap, name)
    for name in amap.series:
        _write_series(conn, amap, name)
    conn.executemany(
        "INSERT INTO credence_history (id, time, scenario, credence, note) VALUES (?, ?, ?, ?, ?)",
        [(i + 1, h.time, h.scenario, h.credence, h.note) for i, h in enumerate(amap.history)],
    )


def write_changes(conn: sqlite3.Connection, amap: ArgumentMap, changes: list[Change]) -> None:
    """Bring the tables in line with the model for everything named in `changes`."""
    by_kind: dict[str, list] = {}
    for ch in changes:
        by_kind.setdefault(ch.kind, []).append(ch.key)
    if "reset" in by_kind:
        for table in ("node_sources", "edges", "nodes", "sources", "meta", "scenario_values",
                      "scenarios", "points", "series", "credence_history"):  # fmt: skip
            conn.execute(f"DELETE FROM {table}")
        write_all(conn, amap)
        return
    for sid in by_kind.get("source", []):
        if sid in amap.sources:
            conn.execute(
                f"INSERT OR REPLACE INTO sources ({SOURCE_COLS}) VALUES ({_marks(SOURCE_COLS)})",
                source_row(amap.sources[sid]),
            )
    node_ids = by_kind.get("node", [])
    present = [nid for nid in node_ids if nid in amap.graph]
    _upsert_nodes(conn, [amap.node(nid) for nid in present])
    for key in by_kind.get("edge", []):
        if amap.graph.has_edge(*key):
            conn.execute(
                f"INSERT OR REPLACE INTO edges ({EDGE_COLS}) VALUES ({_marks(EDGE_COLS)})",
                edge_row(amap.edge(*key)),
            )
        else:
            conn.execute("DELETE FROM edges WHERE source = ? AND target = ?", key)
    gone = [(nid,) for nid in node_ids if nid not in amap.graph]
    conn.executemany("DELETE FROM node_sources WHERE node_id = ?", gone)
    conn.executemany("DELETE FROM nodes WHERE id = ?", gone)
    for sid in by_kind.get("source", []):
        if sid not in amap.sources:
            conn.execute("DELETE FROM sources WHERE id = ?", (sid,))
    for key in by_kind.get("meta", []):
        if key in amap.meta:
            conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, amap.meta[key]))
        else:
            conn.execute("DELETE FROM meta WHERE key = ?", (key,))
    for name in by_kind.get("scenario", []):
        _write_scenario(conn, amap, name)
    for name in by_kind.get("series", []):
        _write_series(conn, amap, name)
    if by_kind.get("history"):
        _write_history(conn, amap, min(by_kind["history"]))


def _upsert_nodes(conn: sqlite3.Connection, nodes: list[Node]) -> None:
    if not nodes:
        return
    # UPSERT, not REPLACE: REPLACE deletes the row first and would cascade to its edges.
    updates = ", ".join(f"{c.strip()} = excluded.{c.strip()}" for c in NODE_COLS.split(",")[1:])
    conn.executemany(
        f"INSERT INTO nodes ({NODE_COLS}) VALUES ({_marks(NODE_COLS)}) "
        f"ON CONFLICT(id) DO UPDATE SET {updates}",
        [node_row(n) for n in nodes],
    )
    conn.executemany("DELETE FROM node_sources WHERE node_id = ?", [(n.id,) for n in nodes])
    conn.executemany(
        "INSERT INTO node_sources VALUES (?, ?, ?, ?, ?, ?, ?)",
        [_citation_row(n.id, i, c) for n in nodes for i, c in enumerate(n.citations)],
    )


def _citation_row(node_id: str, i: int, c: Citation) -> tuple:
    return (node_id, i, c.source, c.quote, c.start, c.end, c.locator)


def _write_scenario(conn: sqlite3.Connection, amap: ArgumentMap, name: str) -> None:
    conn.execute("DELETE FROM scenarios WHERE name = ?", (name,))
    sc = amap.scenarios.get(name)
    if sc is not None:
        conn.execute(
            "INSERT INTO scenarios (name, description, source, position, reading, stated) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (sc.name, sc.description, sc.source, list(amap.scenarios).index(name),
             int(sc.reading), sc.stated),
        )  # fmt: skip

        def why(key: str | tuple[str, str]) -> tuple[str, str]:
            r = sc.receipts.get(key)
            return (r.quote, r.locator) if r else ("", "")

        values = [(name, "prior", nid, "", p, *why(nid)) for nid, p in sc.priors.items()]
        values += [(name, "strength", u, v, lam, *why((u, v)))
                   for (u, v), lam in sc.strengths.items()]  # fmt: skip
        conn.executemany(
            "INSERT INTO scenario_values (scenario, kind, node, target, value, quote, locator) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            values,
        )
    conn.executemany(
        "UPDATE scenarios SET position = ? WHERE name = ?",
        [(i, n) for i, n in enumerate(amap.scenarios)],
    )


def _write_series(conn: sqlite3.Connection, amap: ArgumentMap, name: str) -> None:
    conn.execute("DELETE FROM series WHERE name = ?", (name,))
    s = amap.series.get(name)
    if s is not None:
        conn.execute(
            "INSERT INTO series VALUES (?, ?, ?, ?, ?, ?, ?)",
            (s.name, s.title, s.unit, s.kind, s.source, s.note, list(amap.series).index(name)),
        )
        conn.executemany(
            "INSERT INTO points VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(name, i, p.date, p.value, p.label, p.low, p.high, p.source, p.note)
             for i, p in enumerate(s.points)],
        )  # fmt: skip
    conn.executemany(
        "UPDATE series SET position = ? WHERE name = ?",
        [(i, n) for i, n in enumerate(amap.series)],
    )


def _write_history(conn: sqlite3.Connection, amap: ArgumentMap, first: int) -> None:
    """Rewrite the history from entry `first` on (appends and undone appends)."""
    conn.execute("DELETE FROM credence_history WHERE id > ?", (first,))
    conn.executemany(
        "INSERT INTO credence_history (id, time, scenario, credence, note) VALUES (?, ?, ?, ?, ?)",
        [(i + 1, h.time, h.scenario, h.credence, h.note)
         for i, h in enumerate(amap.history) if i >= first],
    )  # fmt: skip


# ------------------------------------------------------------------ reading
class RowError(ValueError):
    """A stored value of the wrong shape; the message names the table and row."""


def read_map(conn: sqlite3.Connection) -> ArgumentMap:
    """Build an `ArgumentMap` from the tables. Values go in as stored, typed by nothing but
    SQLite's loose affinity, and the model's typed gate (model/validate.py) checks each one:
    a text '6' for a strength, a BLOB title or a NaN refuses the whole file."""
    collecting = gc.isenabled()
    gc.disable()  # ~10 new objects per node and none freed: collections only cost (~25 %)
    try:
        return _read(conn)
    finally:
        if collecting:
            gc.enable()


def _read(conn: sqlite3.Connection) -> ArgumentMap:
    amap = ArgumentMap()
    _read_graph(conn, amap)
    _read_scenarios(conn, amap)
    _read_series(conn, amap)
    for i, row in enumerate(
        conn.execute("SELECT time, scenario, credence, note FROM credence_history ORDER BY id")
    ):
        with _row("credence_history", i):
            amap.record_credence(HistoryEntry(*row))
    return amap


class _row:
    """Prefix an error raised while reading rows with where it is, e.g. `nodes row 3`;
    `index` is the row's number from 0 (a loop over many rows bumps it as it goes)."""

    def __init__(self, table: str, index: int, key: object = None) -> None:
        self.table, self.index, self.key = table, index, key

    def __enter__(self) -> _row:
        return self

    def __exit__(self, kind: type | None, exc: BaseException | None, tb: object) -> bool:
        if isinstance(exc, ValueError | TypeError | KeyError) and not isinstance(exc, RowError):
            where = f"{self.table} row {self.index + 1}"
            if isinstance(self.key, str) and len(self.key) <= 80:
                where += f" ({self.key!r})"
            raise RowError(f"{where}: {exc}") from None
        return False


def _tags(raw: object) -> tuple:
    """The tags column: a JSON list (of strings, which the gate checks)."""
    if raw == "[]":  # most nodes: no JSON parse (100,000 of them on a big map)
        return ()
    if not isinstance(raw, str):
        raise ValueError("tags must be stored as a JSON list")
    try:
        tags = json.loads(raw)
    except (ValueError, RecursionError):
        raise ValueError("tags are not a readable JSON list") from None
    if not isinstance(tags, list):
        raise ValueError("tags must be stored as a JSON list")
    return tuple(tags)


def _flag(value: object) -> object:
    """SQLite's 0/1 as the bool the gate would make of it (anything else goes to the gate as
    it is, to be refused there): the gate then shares the node instead of copying it."""
    return _FLAGS[value] if type(value) is int and value in _FLAGS else value


_FLAGS = {0: False, 1: True}


def _pair(a: object, b: object) -> tuple | None:
    return None if a is None and b is None else (a, b)


def _read_graph(conn: sqlite3.Connection, amap: ArgumentMap) -> None:
    for i, row in enumerate(conn.execute(f"SELECT {SOURCE_COLS} FROM sources ORDER BY rowid")):
        with _row("sources", i):
            amap.add_source(Source(*row))
    cites: dict[object, list[Citation]] = {}
    for node_id, source, quote, start, end, locator in conn.execute(
        'SELECT node_id, source_id, quote, start, "end", locator FROM node_sources '
        "ORDER BY node_id, position"
    ):
        cites.setdefault(node_id, []).append(Citation(source, quote, start, end, locator))
    nodes = []
    rows = conn.execute(f"SELECT {NODE_COLS} FROM nodes ORDER BY rowid")
    with _row("nodes", -1) as where:  # one context for all rows: it counts them (10,000s)
        for r in rows:
            where.index += 1
            nodes.append(Node(
                id=r[0], kind=r[1], title=r[2], text=r[3], prior=r[4],
                prior_range=_pair(r[5], r[6]), tags=_tags(r[7]),
                citations=tuple(cites.get(r[0], ())), series=r[8], created=r[9],
                modified=r[10], collapsed=_flag(r[11]), pos=_pair(r[12], r[13]), pinned=_flag(r[14]),
            ))  # fmt: skip
    edges = [
        Edge(r[0], r[1], r[2], r[3], _pair(r[4], r[5]))
        for r in conn.execute(f"SELECT {EDGE_COLS} FROM edges ORDER BY rowid")
    ]
    amap.load_graph(nodes, edges)
    for i, (key, value) in enumerate(conn.execute("SELECT key, value FROM meta ORDER BY rowid")):
        with _row("meta", i, key):
            amap.set_meta(key, value)


def _read_scenarios(conn: sqlite3.Connection, amap: ArgumentMap) -> None:
    values: dict[object, list] = {}
    for row in conn.execute(
        "SELECT scenario, kind, node, target, value, quote, locator FROM scenario_values"
    ):
        values.setdefault(row[0], []).append(row[1:])
    for i, (name, description, source, reading, stated) in enumerate(
        conn.execute(
            "SELECT name, description, source, reading, stated FROM scenarios ORDER BY position"
        )
    ):
        with _row("scenarios", i):
            vals = values.get(name, [])
            unknown = {k for k, *_ in vals} - {"prior", "strength"}
            if unknown:
                raise ValueError(f"unknown kind of scenario value {sorted(map(repr, unknown))[0]}")
            priors = {n: v for k, n, _, v, _, _ in vals if k == "prior"}
            strengths = {(n, t): v for k, n, t, v, _, _ in vals if k == "strength"}
            receipts: dict = {
                (n if k == "prior" else (n, t)): Receipt(q, loc)
                for k, n, t, _, q, loc in vals if q
            }  # fmt: skip
            amap.put_scenario(Scenario(name, description, source, priors, strengths,
                                       bool(reading), receipts, stated))  # fmt: skip


def _read_series(conn: sqlite3.Connection, amap: ArgumentMap) -> None:
    points: dict[object, list[Point]] = {}
    for row in conn.execute(
        "SELECT series, date, value, label, low, high, source, note FROM points "
        "ORDER BY series, position"
    ):
        points.setdefault(row[0], []).append(Point(*row[1:]))
    for i, (name, title, unit, kind, source, note) in enumerate(
        conn.execute("SELECT name, title, unit, kind, source, note FROM series ORDER BY position")
    ):
        with _row("series", i):
            amap.put_series(
                Series(name, title, unit, tuple(points.get(name, ())), kind, source, note)
            )
