"""Seeded generators of hostile-but-valid inputs: SQLite maps that are sound databases with the
right tables but wrong, extreme or poisoned values, and interchange files (JSON, AIF, GraphML,
Argdown, trend CSV) of the same kind. Used by tests/test_reliability_gate.py and
bench/hostile_inputs.py; every generator is a pure function of its seed.
"""

from __future__ import annotations

import copy
import functools
import json
import random
import sqlite3
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from model.argmap import ArgumentMap
from model.entities import Citation, HistoryEntry, Point, Scenario, Series, Source
from storage.document import MapDocument
from storage.interchange import export_text
from storage.schema import TABLES

STAMP = "2026-01-01T00:00:00+00:00"
LONE_SURROGATE = "X'eda080'"  # the UTF-8 bytes of U+D800: Python cannot decode them

#: Values a hostile file may hold where any field is expected (SQLite literal syntax).
SQL_POISON = [
    "NULL", "'6'", "'strong'", "''", "' '", "X'00ff'", "0", "-1", "1", "2", "1e308", "9e999",
    "-9e999", "9223372036854775807", "-9223372036854775808", "'[1, 2]'", "'['", "'{\"a\": 1}'",
    "'\"abc\"'", "'NaN'", "'1e999'", "'0.5'", "'‮ right-to-left'", "'<script>alert(1)</script>'",
    "'javascript:alert(1)'", "'../../etc/passwd'", "'2024-13-45'", "'99999'", "'-0001'",
    f"CAST({LONE_SURROGATE} AS TEXT)", "CAST(X'ff' AS TEXT)", "'null'", "'true'", "0.5",
    "1000.0", "1000.5", "1.0", "0.999", "'supports'", "'attacks'", "'thesis'", "'claim'",
    "'reference'", "'2024'", "'2024-02-30'", "'[\"a\", 1]'", "'[\"ok\"]'", "X''",
    "printf('%.*c', 2001, 'x')", "printf('%.*c', 1000001, 'y')", "'" + "[" * 3000 + "'",
]  # fmt: skip

#: Python values for interchange files (JSON-able unless noted).
JSON_POISON: list[Any] = [
    None, "6", "strong", "", " ", 0, -1, 1, 2, 0.5, 1000, 1000.5, 1e308, -1e308, True, False,
    [], [1, 2], ["a", 1], {}, {"a": 1}, "\ud800", "x" * 2001, "y" * 1_000_001, "NaN", "1e999",
    "<script>alert(1)</script>", "javascript:alert(1)", "2024-13-45", "2024", "supports",
    "attacks", "thesis", "reference", [[[[[]]]]], 10**40, -(10**40), "‮", "\x00", "\x1b[31m",
]  # fmt: skip


# ------------------------------------------------------------------ a small full map
def base_map(rng: random.Random | None = None, size: int = 6) -> ArgumentMap:
    """A small map using every table: nodes of each kind, links both ways, a cited source,
    a scenario, a data and a reference series, history and meta."""
    rng = rng or random.Random(0)
    amap = ArgumentMap()
    amap.add_source(Source("s1", "A source", author="A. Author", url="https://example.org/a",
                           text="Some article text. " * 5, added=STAMP))  # fmt: skip
    amap.add_node("thesis", "Scaling leads to AGI", node_id="t", created=STAMP, modified=STAMP,
                  pos=(0.0, 0.0))  # fmt: skip
    ids = ["t"]
    for i in range(size):
        kind = "evidence" if i % 3 == 2 else "claim"
        cites = (Citation("s1", "Some article", 0, 12, "p. 1"),) if i % 2 else ()
        nid = amap.add_node(kind, f"Reason {i}", node_id=f"n{i}", text=f"Why {i}.",
                            prior=rng.uniform(0.1, 0.9), tags=("tag", f"t{i}"), citations=cites,
                            created=STAMP, modified=STAMP, pos=(100.0 * i, 50.0 * i))  # fmt: skip
        amap.link(nid, rng.choice(ids), rng.choice(["supports", "attacks"]), rng.uniform(1, 20))
        ids.append(nid)
    amap.put_scenario(Scenario("Sceptic", "A reading", "s1", {"n0": 0.2}, {("n0", "t"): 2.0}
                               if amap.graph.has_edge("n0", "t") else {}))  # fmt: skip
    amap.put_series(Series("compute", "Training compute", "FLOP",
                           tuple(Point(f"{2015 + k}", 10.0 ** (20 + k)) for k in range(6))))  # fmt: skip
    amap.put_series(Series("stock", "Text stock", "tokens", (Point("2024", 3e14),), "reference"))
    amap.record_credence(HistoryEntry(STAMP, "", 0.5, "start"))
    amap.set_meta("title", "A hostile test map")
    return amap


# ------------------------------------------------------------------ SQLite maps
def _untype(conn: sqlite3.Connection, table: str) -> None:
    """Recreate `table` without declared types or keys, so any value of any type can be stored
    (what a hostile or foreign writer can do; SQLite still calls the file sound)."""
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    quoted = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"ALTER TABLE {table} RENAME TO {table}_old")
    conn.execute(f"CREATE TABLE {table} ({quoted})")
    conn.execute(f"INSERT INTO {table} SELECT * FROM {table}_old")
    conn.execute(f"DROP TABLE {table}_old")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def _poison_cell(conn: sqlite3.Connection, rng: random.Random) -> str:
    filled = [t for t in TABLES if conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]]
    table = rng.choice(filled)
    col = rng.choice(_columns(conn, table))
    value = rng.choice(SQL_POISON)
    rowid = rng.choice([r[0] for r in conn.execute(f"SELECT rowid FROM {table}")])
    try:
        conn.execute(f'UPDATE OR IGNORE {table} SET "{col}" = {value} WHERE rowid = ?', (rowid,))
    except sqlite3.IntegrityError:  # e.g. text into an INTEGER PRIMARY KEY: SQLite says no
        return f"{table}.{col}: refused by SQLite"
    return f"{table}.{col} = {value[:40]}"


def _duplicate_row(conn: sqlite3.Connection, rng: random.Random) -> str:
    table = rng.choice(["nodes", "edges", "sources", "series", "scenarios", "meta"])
    conn.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM {table} LIMIT 1")
    return f"duplicate row in {table}"


def _dangling(conn: sqlite3.Connection, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        conn.execute("UPDATE edges SET target = 'missing' WHERE rowid = 1")
        return "link to a missing node"
    if choice == 1:
        conn.execute("UPDATE edges SET target = source WHERE rowid = 1")
        return "self link"
    if choice == 2:
        conn.execute("UPDATE edges SET source = 't' WHERE rowid = 2")
        return "thesis as a reason"
    if choice == 3:
        conn.execute("UPDATE node_sources SET source_id = 'nowhere'")
        return "citation of a missing source"
    if choice == 4:
        conn.execute(
            "INSERT OR IGNORE INTO scenario_values (scenario, kind, node, target, value) "
            "VALUES ('Sceptic', 'weird', 'n0', '', 1.0)"
        )
        return "unknown scenario value kind"
    conn.execute(
        "INSERT OR IGNORE INTO points VALUES ('ghost', 0, '2020', 1.0, '', NULL, NULL, '', '')"
    )
    return "points of a missing series"


def _extreme_but_valid(conn: sqlite3.Connection, rng: random.Random) -> str:
    """Values at the edge of what is allowed: these maps must open and work."""
    choice = rng.randrange(8)
    if choice == 0:
        conn.execute("UPDATE nodes SET title = printf('%.*c', 2000, 'w') WHERE id = 'n0'")
        return "title of exactly 2,000 characters"
    if choice == 1:
        conn.execute("UPDATE nodes SET x = 1e9, y = -1e9 WHERE id = 'n1'")
        return "position at the coordinate limit"
    if choice == 2:
        conn.execute(
            "UPDATE edges SET strength = 1000.0, strength_low = 1.0, strength_high = 1000.0"
        )
        return "strengths at the limits"
    if choice == 3:
        conn.execute("UPDATE nodes SET prior = 0.0 WHERE id = 'n0'")
        conn.execute("UPDATE nodes SET prior = 1.0 WHERE id = 'n1'")
        return "priors 0 and 1"
    if choice == 4:
        conn.execute("UPDATE nodes SET title = '‮<b>évidence</b> 🧠 ' || char(10) || 'x'")
        return "odd but valid Unicode titles"
    if choice == 5:
        tags = json.dumps([f"tag{k}" for k in range(100)])
        conn.execute("UPDATE nodes SET tags = ?", (tags,))
        return "100 tags on every node"
    if choice == 6:
        conn.execute("UPDATE nodes SET text = printf('%.*c', 900000, 'z') WHERE id = 'n2'")
        return "a 900,000-character text"
    conn.execute("UPDATE nodes SET kind = 'thesis' WHERE id = 'n0' AND rowid NOT IN "
                 "(SELECT rowid FROM nodes WHERE id IN (SELECT source FROM edges))")  # fmt: skip
    return "two theses"


MUTATIONS: list[Callable[[sqlite3.Connection, random.Random], str]] = [
    _poison_cell, _poison_cell, _poison_cell, _duplicate_row, _dangling, _extreme_but_valid,
]  # fmt: skip


@functools.cache
def _template(size: int) -> bytes:
    """A sound map file of `size` reasons (made once, copied for every mutant)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "base.cruxmap"
        MapDocument.create(path, base_map(random.Random(size), size)).close()
        return path.read_bytes()


def hostile_sqlite_map(path: Path, seed: int) -> str:
    """Write map number `seed` to `path`; return what was done to it."""
    rng = random.Random(seed)
    path.write_bytes(_template(seed % 6 + 3))
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        if rng.random() < 0.8:  # most maps: no declared types, so any value can be stored
            for table in TABLES:
                _untype(conn, table)
        done = [rng.choice(MUTATIONS)(conn, rng) for _ in range(rng.randint(1, 3))]
        conn.execute("COMMIT")
    finally:
        conn.close()
    return "; ".join(done)


# ------------------------------------------------------------------ interchange files
def _walk(data: Any, rng: random.Random) -> tuple[Any, list]:
    """A random (container, key) inside JSON-like data."""
    spots: list = []

    def visit(node: Any) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                spots.append((node, k))
                visit(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                spots.append((node, i))
                visit(v)

    visit(data)
    return spots


def _poison_json(data: Any, rng: random.Random, count: int) -> Any:
    for _ in range(count):
        spots = _walk(data, rng)
        if not spots:
            break
        container, key = rng.choice(spots)
        action = rng.random()
        if action < 0.8:
            container[key] = copy.deepcopy(rng.choice(JSON_POISON))  # never shared: no cycles
        elif isinstance(container, dict):
            del container[key]
        elif action < 0.9:
            container.append(copy.deepcopy(container[key]))  # a duplicate node, edge, point…
        else:
            container.pop(key)
    return data


def _dump(data: Any, rng: random.Random) -> bytes:
    text = json.dumps(data, ensure_ascii=rng.random() < 0.5)
    if rng.random() < 0.05:
        text = text.replace("1000", "1" + "0" * 4400, 1)  # an integer past Python's limit
    return text.encode("utf-8", "surrogatepass")


def hostile_json(seed: int, fmt: str = "json") -> bytes:
    """A Cruxmap JSON (or AIF JSON) file with poisoned values, keys and structure."""
    rng = random.Random(seed)
    data = json.loads(export_text(base_map(rng, rng.randint(2, 6)), fmt))
    return _dump(_poison_json(data, rng, rng.randint(1, 4)), rng)


ARGDOWN_LINES = [
    "[A]: text #tag #(a tag) {tags: 5}", "[A] {tags: [1, 2, {a: b}]}", "[A] {prior: '0.5'}",
    "[A] {prior: 1e999}", "[A] {prior: .nan}", "[A] {kind: [thesis]}", "[A] {id: [1]}",
    "[A] {id: 12345678901234567890}", "[A] {text: !!binary aGVsbG8=}", "[A] {title: 2024-01-01}",
    "  + [B] {strength: strong}", "  + [B] {strength: '6'}", "  + [B] {strength: [6]}",
    "  - [B] {strength: -3}", "  + [B] {strength: 1e999}", "  + <C>: argument", "  _> [B]",
    "[A] #" + "(" * 5000, "[A]: " + " " * 20000 + "x", "[A] " + "{" * 5000,
    "/*" * 5000, "[" + "x" * 3000 + "]", "[A]: " + "y" * 1_000_100, "[\ud800]",
    "[A] {tags: " + "9" * 4400 + "}", "===", "title: [a, b]", "===", "[A] {a: &x [*x]}",
    "#(" * 3000, "<A>: \x00", "[A]: \x1b[31m red", "    + [B]", "(1) premise", "----",
    "[A] {prior: 0.5, prior: 0.6}", "[A] {strength: 6}", "[Thesis] {kind: thesis}",
    "  + [Thesis]", "[A]: {{}}", "[A] {}", "[A] {tags: []}",
]  # fmt: skip


def hostile_argdown(seed: int) -> bytes:
    rng = random.Random(seed)
    lines = export_text(base_map(rng, rng.randint(2, 6)), "argdown").split("\n")
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(lines) + 1)
        lines.insert(at, rng.choice(ARGDOWN_LINES))
    return "\n".join(lines).encode("utf-8", "surrogatepass")


GRAPHML_ATTRS = [
    ('attr.type="double"', "prior", "0.5"), ('attr.type="string"', "prior", "likely"),
    ('attr.type="double"', "prior", "INF"), ('attr.type="double"', "prior", "NaN"),
    ('attr.type="string"', "kind", "thesis"), ('attr.type="string"', "kind", "banana"),
    ('attr.type="int"', "kind", "3"), ('attr.type="string"', "tags", "a,b,,c"),
    ('attr.type="long"', "label", "9" * 30), ('attr.type="string"', "label", "x" * 2001),
    ('attr.type="string"', "label", ""), ('attr.type="boolean"', "label", "true"),
    ('attr.type="string"', "text", "&lt;script&gt;"), ('attr.type="double"', "text", "1e308"),
]  # fmt: skip
GRAPHML_EDGE_ATTRS = [
    ('attr.type="string"', "strength", "6"), ('attr.type="string"', "strength", "strong"),
    ('attr.type="double"', "strength", "-5"), ('attr.type="double"', "strength", "1e999"),
    ('attr.type="string"', "relation", "undercuts"), ('attr.type="double"', "weight", "-3"),
    ('attr.type="double"', "weight", "NaN"), ('attr.type="int"', "relation", "1"),
]  # fmt: skip


def hostile_graphml(seed: int) -> bytes:
    """GraphML with typed keys of the wrong type, odd values, missing and dangling ends."""
    rng = random.Random(seed)
    n = rng.randint(2, 8)
    node_attrs = rng.sample(GRAPHML_ATTRS, rng.randint(1, 4))
    edge_attrs = rng.sample(GRAPHML_EDGE_ATTRS, rng.randint(0, 3))
    keys, seen = [], set()
    for i, (typ, name, _) in enumerate(node_attrs + edge_attrs):
        where = "node" if i < len(node_attrs) else "edge"
        if (where, name) not in seen:
            seen.add((where, name))
            keys.append(f'<key id="{where}_{name}" for="{where}" attr.name="{name}" {typ}/>')
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">', *keys,
           '<graph edgedefault="directed">']  # fmt: skip
    ids = [rng.choice([f"n{i}", str(i), "t", "dup", "x" * 300, "\u202e"]) for i in range(n)]
    for nid in ids:
        data = "".join(f'<data key="node_{name}">{value}</data>' for _, name, value in node_attrs
                       if rng.random() < 0.7)  # fmt: skip
        out.append(f'<node id="{nid}">{data}</node>')
    for _ in range(rng.randint(0, n + 2)):
        u, v = rng.choice(ids + ["ghost"]), rng.choice(ids)
        data = "".join(f'<data key="edge_{name}">{value}</data>' for _, name, value in edge_attrs)
        out.append(f'<edge source="{u}" target="{v}">{data}</edge>')
    out += ["</graph>", "</graphml>"]
    return "\n".join(out).encode("utf-8")


CSV_CELLS = [
    "2020", "2020-02", "2020-02-30", "2024-13", "year", "", " ", "1e999", "NaN", "inf", "-inf",
    "1,234.5", "1 234", "12abc", "=cmd|' /C calc'!A0", "9" * 4400, "0", "-5", "3e25", "\ud800",
    "x" * 3000, "\x00", '"', "2020-01-01T00:00:00Z", "１２", "0x10", "1_000", "٣",
]  # fmt: skip


def hostile_csv(seed: int) -> bytes:
    """A trend CSV (date, value, low, high, label) with hostile cells and shapes."""
    rng = random.Random(seed)
    rows = [["date", "value", "low", "high", "label"]]
    for k in range(rng.randint(1, 12)):
        row = [f"{2010 + k}", f"{10.0 ** (18 + k):g}", "", "", f"model {k}"]
        for _ in range(rng.randint(0, 3)):
            row[rng.randrange(5)] = rng.choice(CSV_CELLS)
        if rng.random() < 0.1:
            row = row[: rng.randint(0, 4)] + ([] if rng.random() < 0.5 else ["extra", "cells"])
        rows.append(row)
    if rng.random() < 0.1:
        rows[0] = [rng.choice(CSV_CELLS) for _ in rows[0]]
    sep = rng.choice([",", ";", "\t"])
    text = "\n".join(sep.join(_csv_cell(c, sep) for c in r) for r in rows)
    return text.encode("utf-8", "surrogatepass")


def _csv_cell(cell: str, sep: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if sep in cell or '"' in cell else cell


INTERCHANGE: dict[str, tuple[str, Callable[[int], bytes]]] = {
    "json": (".json", hostile_json),
    "aif": (".aif", lambda seed: hostile_json(seed, "aif")),
    "graphml": (".graphml", hostile_graphml),
    "argdown": (".argdown", hostile_argdown),
}
