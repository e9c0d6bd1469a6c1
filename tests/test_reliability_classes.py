"""One test per unsafe class of issue 14 that the typed gate and the read path fix
(classes 1, 2, 7, 8 and 9); each failed on the code before the gate.

Commands run as child processes where the old failure was a crash or a hang, so a segfault
shows as an exit status and a hang as a timeout instead of taking the test run down.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hostile import base_map

from storage.document import DocumentError, MapDocument
from storage.schema import SCHEMA_VERSION

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = Path(__file__).parent / "fixtures" / "articles" / "plain_debate.txt"


def cruxmap(*args: str, timeout: float = 120, **kw) -> subprocess.CompletedProcess:  # noqa: ANN003
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          text=True, timeout=timeout, env=env, **kw)  # fmt: skip


def one_line_refusal(proc: subprocess.CompletedProcess, *words: str) -> None:
    assert proc.returncode == 2, (proc.returncode, proc.stderr[-1500:])
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cruxmap: "), proc.stderr[-1500:]
    for word in words:
        assert word in lines[0], lines[0]


def digest(*paths: Path) -> list[str]:
    return [hashlib.sha256(p.read_bytes()).hexdigest() if p.exists() else "-" for p in paths]


def poisoned_map(path: Path, table: str, sql: str, *params: object) -> Path:
    """A sound map whose `table` has no declared column types, then `sql` run on it: what a
    foreign or hostile writer can store (SQLite's integrity check still says ok)."""
    MapDocument.create(path, base_map()).close()
    conn = sqlite3.connect(path, isolation_level=None)
    cols = ", ".join(f'"{r[1]}"' for r in conn.execute(f"PRAGMA table_info({table})"))
    conn.executescript(
        f"BEGIN; ALTER TABLE {table} RENAME TO old; CREATE TABLE {table} ({cols});"
        f"INSERT INTO {table} SELECT * FROM old; DROP TABLE old; COMMIT;"
    )
    conn.execute(sql, params)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return path


# ------------------------------------------------------------------ class 1
def test_class1_text_strength_is_refused_not_a_segfault_in_html_export(tmp_path) -> None:
    path = poisoned_map(tmp_path / "m.cruxmap", "edges", "UPDATE edges SET strength = '6'")
    proc = cruxmap("export", str(path), "-f", "html", "-o", str(tmp_path / "r.html"))
    one_line_refusal(proc, "strength must be a number, not text")
    assert not (tmp_path / "r.html").exists()


# ------------------------------------------------------------------ class 2
POISON = {
    "'strong' strength": ("edges", "UPDATE edges SET strength = 'strong'", "strength"),
    "integer tags": ("nodes", "UPDATE nodes SET tags = '[1, 2]'", "a tag must be text"),
    "NULL title": ("nodes", "UPDATE nodes SET title = NULL WHERE id = 'n1'", "title must be text"),
    "NULL text": ("nodes", "UPDATE nodes SET text = NULL WHERE id = 'n1'", "text must be text"),
    "NULL source name": ("sources", "UPDATE sources SET author = NULL", "author must be text"),
    "text x/y": ("nodes", "UPDATE nodes SET x = 'left', y = 'top'", "position must be a number"),
    "text series value": ("points", "UPDATE points SET value = 'lots'", "value must be a number"),
    "BLOB meta": ("meta", "UPDATE meta SET value = X'00ff'", "must be text, not binary data"),
    "NaN-like prior": ("nodes", "UPDATE nodes SET prior = 'NaN'", "prior must be a number"),
    "infinite strength": ("edges", "UPDATE edges SET strength = 9e999", "strength must be"),
}


@pytest.mark.parametrize("case", sorted(POISON))
def test_class2_wrong_types_in_a_map_are_refused_at_the_gate(case: str, tmp_path) -> None:
    table, sql, message = POISON[case]
    path = poisoned_map(tmp_path / "m.cruxmap", table, sql)
    before = digest(path)
    with pytest.raises(DocumentError, match=message):
        MapDocument.open(path)
    proc = cruxmap("credence", str(path))
    one_line_refusal(proc, message)
    assert digest(path) == before


def _json_map() -> dict:
    from storage.interchange import export_text

    return json.loads(export_text(base_map(), "json"))


def _with(data: dict, where: str, value: object) -> str:
    section, field = where.split(".")
    data[section][1][field] = value
    return json.dumps(data)


INTERCHANGE_POISON = {
    "4,300-digit integer": (".json", lambda: _with(_json_map(), "nodes.prior", 1).replace(
        '"prior": 1,', '"prior": ' + "1" * 4400 + ",", 1), "JSON"),  # fmt: skip
    "integer tags": (".json", lambda: _with(_json_map(), "nodes.tags", [1, 2]), "a tag must be text"),
    "lone surrogate": (".json", lambda: _with(_json_map(), "nodes.title", "\ud800"), "surrogate"),
    "text strength": (".json", lambda: _with(_json_map(), "edges.strength", "6"), "strength"),
    "odd Argdown tags": (".argdown", lambda: "[A]: a claim {tags: 5}\n  + [B]: why\n", "tags"),
    "Argdown huge integer": (".argdown", lambda: "[A] {prior: " + "9" * 4400 + "}\n", "YAML"),
    "AIF integer tags": (".json", lambda: json.dumps({"nodes": [
        {"nodeID": "1", "type": "I", "text": "x", "cruxmap": {"tags": 7}}], "edges": []}), "tags"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(INTERCHANGE_POISON))
def test_class2_wrong_types_in_interchange_files_give_one_line(case: str, tmp_path) -> None:
    suffix, make, message = INTERCHANGE_POISON[case]
    src = tmp_path / f"in{suffix}"
    src.write_bytes(make().encode("utf-8", "surrogatepass"))
    out = tmp_path / "out.cruxmap"
    proc = cruxmap("open-as-map", str(src), "-o", str(out))
    one_line_refusal(proc, message)
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [src.name]  # no .cruxmap-* left


# ------------------------------------------------------------------ class 7
def test_class7_a_50_mb_title_is_refused_at_once_not_a_hung_report(tmp_path) -> None:
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, base_map()).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE nodes SET title = ? WHERE id = 'n1'", ("word " * 10_000_000,))
    conn.commit()
    conn.close()
    proc = cruxmap("export", str(path), "-f", "md", "-o", str(tmp_path / "r.md"), timeout=120)
    one_line_refusal(proc, "50,000,000 characters long; the limit is 2,000")


# ------------------------------------------------------------------ class 8
@contextlib.contextmanager
def unwritable(path: Path):
    """Make `path` (file or folder) unwritable even for root: the immutable flag where we can
    set it, else permissions."""
    immutable = os.geteuid() == 0 and subprocess.run(
        ["chattr", "+i", str(path)], capture_output=True).returncode == 0  # fmt: skip
    if not immutable:
        if os.geteuid() == 0:
            pytest.skip("root without chattr: nothing can make a file unwritable")
        mode = path.stat().st_mode
        path.chmod(0o555 if path.is_dir() else 0o444)
    try:
        yield
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        else:
            path.chmod(mode)


def test_class8_import_into_an_unwritable_map_is_one_line_and_changes_nothing(tmp_path) -> None:
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, base_map()).close()
    before = digest(path)
    with unwritable(path):
        proc = cruxmap("import", str(ARTICLE), "--map", str(path), "--accept-all")
    one_line_refusal(proc, "read-only")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.cruxmap"]


def test_class8_new_in_a_read_only_folder_is_one_line_and_leaves_nothing(tmp_path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    with unwritable(folder):
        proc = cruxmap("new", str(folder / "x.cruxmap"))
    one_line_refusal(proc, "read-only")
    assert list(folder.iterdir()) == []


def _file_size_limit(limit: int):  # noqa: ANN202
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def test_class8_disk_full_during_import_is_one_line_and_the_map_stays_sound(tmp_path) -> None:
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, base_map()).close()
    before = digest(path)
    article = tmp_path / "long.txt"  # its text is kept on the source: the map must grow
    article.write_text("\n\n".join([ARTICLE.read_text(encoding="utf-8")] * 20), encoding="utf-8")
    proc = cruxmap(
        "import",
        str(article),
        "--map",
        str(path),
        "--accept-all",
        preexec_fn=_file_size_limit(path.stat().st_size),
    )  # a full disk: no growth
    one_line_refusal(proc, "m.cruxmap")
    assert digest(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["long.txt", "m.cruxmap"]


# ------------------------------------------------------------------ class 9
def test_class9_a_fifo_named_like_a_map_is_refused_at_once(tmp_path) -> None:
    fifo = tmp_path / "x.cruxmap"
    os.mkfifo(fifo)
    start = time.monotonic()
    for command in (["info", str(fifo)], ["export", str(fifo), "-f", "json", "-o",
                                          str(tmp_path / "o.json")]):  # fmt: skip
        proc = cruxmap(*command, timeout=60)
        one_line_refusal(proc, "not a regular file")
    src = tmp_path / "in.json"
    os.mkfifo(src)
    proc = cruxmap("open-as-map", str(src), "-o", str(tmp_path / "o.cruxmap"), timeout=60)
    one_line_refusal(proc, "not a regular file")
    assert time.monotonic() - start < 60  # the timeouts above are what catch a hang


def _wal_map(path: Path, version: int = SCHEMA_VERSION) -> None:
    MapDocument.create(path, base_map()).close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute(f"PRAGMA user_version={version}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_class9_a_newer_wal_map_beside_a_stray_journal_is_refused_unchanged(tmp_path) -> None:
    path = tmp_path / "new.cruxmap"
    _wal_map(path, SCHEMA_VERSION + 1)
    journal = path.with_name(path.name + "-journal")
    journal.write_bytes(b"\xd9\xd5\x05\xf9\x20\xa1\x63\xd7" + bytes(600))  # a stray journal
    before = digest(path, journal)
    proc = cruxmap("info", str(path))
    one_line_refusal(proc, "newer Cruxmap")
    with pytest.raises(DocumentError, match="newer Cruxmap"):
        MapDocument.open(path)
    assert digest(path, journal) == before


def test_class9_read_only_commands_leave_a_wal_map_in_wal_mode(tmp_path) -> None:
    path = tmp_path / "w.cruxmap"
    _wal_map(path)
    for command in (["info", str(path)], ["credence", str(path)],
                    ["export", str(path), "-f", "json", "-o", str(tmp_path / "o.json")],
                    ["trends", "list", str(path)]):  # fmt: skip
        proc = cruxmap(*command)
        assert proc.returncode == 0, proc.stderr
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal", command
        conn.close()


def test_class9_a_live_wal_writer_does_not_block_info(tmp_path) -> None:
    path = tmp_path / "w.cruxmap"
    _wal_map(path)
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    writer.execute("UPDATE meta SET value = 'changing' WHERE key = 'title'")
    try:
        proc = cruxmap("info", str(path), "--json", timeout=60)
        assert proc.returncode == 0, proc.stderr
        assert json.loads(proc.stdout)["title"] == "A hostile test map"  # the committed state
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_class9_a_fifo_named_like_a_trend_csv_is_refused_at_once(tmp_path) -> None:
    from storage.trenddata import TrendDataError, read_table

    fifo = tmp_path / "t.csv"
    os.mkfifo(fifo)
    with pytest.raises(TrendDataError, match="not a regular file"):
        read_table(fifo)
