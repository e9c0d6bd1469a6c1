"""The `.cruxmap` schema: one SQLite database per map, versioned with PRAGMA user_version."""

from __future__ import annotations

#: PRAGMA application_id of every Cruxmap file ("CRUX").
APPLICATION_ID = 0x43525558
#: PRAGMA user_version this build writes; files with a higher version are refused.
SCHEMA_VERSION = 2

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE nodes (
    id TEXT PRIMARY KEY, kind TEXT NOT NULL, title TEXT NOT NULL, text TEXT NOT NULL,
    prior REAL NOT NULL, prior_low REAL, prior_high REAL, tags TEXT NOT NULL,
    series TEXT, created TEXT NOT NULL, modified TEXT NOT NULL,
    collapsed INTEGER NOT NULL, x REAL, y REAL, pinned INTEGER NOT NULL
);
CREATE TABLE edges (
    source TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    relation TEXT NOT NULL, strength REAL, strength_low REAL, strength_high REAL,
    PRIMARY KEY (source, target)
);
CREATE TABLE sources (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, author TEXT NOT NULL, outlet TEXT NOT NULL,
    date TEXT NOT NULL, url TEXT NOT NULL, text TEXT NOT NULL, kind TEXT NOT NULL,
    file TEXT NOT NULL, added TEXT NOT NULL
);
CREATE TABLE node_sources (
    node_id TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source_id TEXT NOT NULL REFERENCES sources(id),
    quote TEXT NOT NULL, start INTEGER, "end" INTEGER, locator TEXT NOT NULL,
    PRIMARY KEY (node_id, position)
);
CREATE TABLE scenarios (
    name TEXT PRIMARY KEY, description TEXT NOT NULL, source TEXT NOT NULL,
    position INTEGER NOT NULL, reading INTEGER NOT NULL DEFAULT 0,
    stated TEXT NOT NULL DEFAULT ''
);
CREATE TABLE scenario_values (
    scenario TEXT NOT NULL REFERENCES scenarios(name) ON DELETE CASCADE,
    kind TEXT NOT NULL, node TEXT NOT NULL, target TEXT NOT NULL, value REAL NOT NULL,
    quote TEXT NOT NULL DEFAULT '', locator TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (scenario, kind, node, target)
);
CREATE TABLE series (
    name TEXT PRIMARY KEY, title TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,
    source TEXT NOT NULL, note TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE points (
    series TEXT NOT NULL REFERENCES series(name) ON DELETE CASCADE,
    position INTEGER NOT NULL, date TEXT NOT NULL, value REAL NOT NULL, label TEXT NOT NULL,
    low REAL, high REAL, source TEXT NOT NULL, note TEXT NOT NULL,
    PRIMARY KEY (series, position)
);
CREATE TABLE credence_history (
    id INTEGER PRIMARY KEY, time TEXT NOT NULL, scenario TEXT NOT NULL,
    credence REAL NOT NULL, note TEXT NOT NULL
);
CREATE INDEX edges_by_target ON edges(target);
"""

#: Statements that bring a file of version v up to v + 1, run in one transaction on open.
#: v2: an edge may be unweighed (strength NULL); a scenario may be an author's reading, and
#: each value it sets may carry the author's quote and its locator, and `stated` keeps the
#: author's own figure.
MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "ALTER TABLE scenarios ADD COLUMN reading INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE scenarios ADD COLUMN stated TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE scenario_values ADD COLUMN quote TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE scenario_values ADD COLUMN locator TEXT NOT NULL DEFAULT ''",
        """CREATE TABLE edges_v2 (
    source TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    target TEXT NOT NULL REFERENCES nodes(id) ON DELETE CASCADE,
    relation TEXT NOT NULL, strength REAL, strength_low REAL, strength_high REAL,
    PRIMARY KEY (source, target))""",
        "INSERT INTO edges_v2 SELECT source, target, relation, strength, strength_low, "
        "strength_high FROM edges ORDER BY rowid",
        "DROP TABLE edges",
        "ALTER TABLE edges_v2 RENAME TO edges",
        "CREATE INDEX edges_by_target ON edges(target)",
    ),
}

TABLES = (
    "meta",
    "nodes",
    "edges",
    "sources",
    "node_sources",
    "scenarios",
    "scenario_values",
    "series",
    "points",
    "credence_history",
)

#: Connection settings of every map file: see RELIABILITY.md (rollback journal, not WAL).
PRAGMAS = (
    "PRAGMA journal_mode=DELETE",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA trusted_schema=OFF",
)
