"""The .cruxmap file: every edit is on disk, any map round-trips, bad files are refused untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from strategies import maps

from model.argmap import ArgumentMap
from model.entities import HistoryEntry, Scenario
from storage.document import DocumentError, MapDocument, StorageError
from storage.schema import APPLICATION_ID, SCHEMA_VERSION


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def doc(tmp_path: Path) -> MapDocument:
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t")
    amap.add_node("claim", "C", node_id="c")
    amap.link("c", "t", "attacks")
    d = MapDocument.create(tmp_path / "m.cruxmap", amap)
    yield d
    d.close()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(amap=maps())
def test_any_map_saved_and_loaded_is_equal(tmp_path_factory, amap: ArgumentMap) -> None:
    path = tmp_path_factory.mktemp("rt") / "m.cruxmap"
    MapDocument.create(path, amap).close()
    loaded = MapDocument.open(path)
    assert loaded.map == amap
    loaded.close()


def test_every_edit_is_on_disk_without_saving(doc: MapDocument) -> None:
    amap = doc.map
    with amap.batch("Add evidence"):
        amap.add_node("evidence", "E", node_id="e")
        amap.link("e", "c", "supports", "strong")
    amap.update_node("c", title="C2", tags=("data",))
    amap.put_scenario(Scenario("Skeptic", priors={"e": 0.2}, strengths={("c", "t"): 20.0}))
    amap.record_credence(HistoryEntry("2026-01-01T00:00:00+00:00", "Skeptic", 0.2))
    amap.set_meta("scenario", "Skeptic")
    amap.remove_node("t")
    reopened = MapDocument.open(doc.path)
    assert reopened.map == amap
    reopened.close()


def test_history_rewrites_after_undone_append(doc: MapDocument) -> None:
    amap = doc.map
    amap.record_credence(HistoryEntry("a", "", 0.1))
    with amap.batch():
        amap.pop_credence()
        amap.record_credence(HistoryEntry("b", "", 0.9))
    reopened = MapDocument.open(doc.path)
    assert [h.time for h in reopened.map.history] == ["b"]
    reopened.close()


def test_file_settings_follow_reliability_rules(doc: MapDocument) -> None:
    conn = doc.db.conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_save_as_copies_and_keeps_working_in_the_copy(doc: MapDocument, tmp_path: Path) -> None:
    original = doc.path
    before = digest(original)
    doc.save_as(tmp_path / "copy.cruxmap")
    doc.map.update_node("c", title="Edited in the copy")
    assert digest(original) == before
    copy = MapDocument.open(tmp_path / "copy.cruxmap")
    assert copy.map.node("c").title == "Edited in the copy"
    copy.close()


def test_failed_write_is_rolled_back_and_the_model_follows_the_file(doc: MapDocument) -> None:
    amap = doc.map
    page_count = doc.db.conn.execute("PRAGMA page_count").fetchone()[0]
    doc.db.conn.execute(f"PRAGMA max_page_count={page_count}")
    before = amap.snapshot()
    with pytest.raises(StorageError, match="could not be written"):
        amap.update_node("c", text="x" * 200_000)
    assert amap.snapshot() == before
    doc.db.conn.execute("PRAGMA max_page_count=1073741823")
    amap.update_node("c", text="small")
    reopened = MapDocument.open(doc.path)
    assert reopened.map == amap
    reopened.close()


# ----------------------------------------------------------------- bad files
def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _sqlite(path: Path, *, app_id: int = APPLICATION_ID, version: int = SCHEMA_VERSION) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE x (a)")
    conn.execute(f"PRAGMA application_id={app_id}")
    conn.execute(f"PRAGMA user_version={version}")
    conn.commit()
    conn.close()
    return path


BAD_FILES = {
    "empty": (lambda p: _write(p, b""), "empty"),
    "text": (lambda p: _write(p, b"# just a markdown note\n" * 20), "not an SQLite database"),
    "random bytes": (lambda p: _write(p, bytes(range(256)) * 40), "not an SQLite database"),
    "png renamed": (lambda p: _write(p, b"\x89PNG\r\n\x1a\n" + b"\0" * 500), "not an SQLite"),
    "foreign sqlite": (lambda p: _sqlite(p, app_id=0), "not a Cruxmap map"),
    "newer schema": (lambda p: _sqlite(p, version=SCHEMA_VERSION + 1), "newer Cruxmap"),
    "missing tables": (lambda p: _sqlite(p), "missing"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_files_are_refused_with_a_specific_message_and_left_untouched(tmp_path, case) -> None:
    make, message = BAD_FILES[case]
    path = make(tmp_path / "bad.cruxmap")
    before = digest(path)
    with pytest.raises(DocumentError, match=message):
        MapDocument.open(path)
    assert digest(path) == before
    assert not path.with_name("bad.cruxmap-journal").exists()


def test_truncated_map_is_refused_untouched(doc: MapDocument, tmp_path: Path) -> None:
    for i in range(50):
        doc.map.add_node("claim", f"claim {i}", text="words " * 100)
    data = doc.path.read_bytes()
    for cut in (50, 99, len(data) // 2, len(data) - 1000):
        path = _write(tmp_path / f"cut{cut}.cruxmap", data[:cut])
        with pytest.raises(DocumentError):
            MapDocument.open(path)
        assert path.read_bytes() == data[:cut]


def test_map_with_a_trigger_is_refused(doc: MapDocument, tmp_path: Path) -> None:
    copy = tmp_path / "trig.cruxmap"
    doc.save_as(copy)
    conn = sqlite3.connect(copy)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON nodes BEGIN DELETE FROM edges; END")
    conn.commit()
    conn.close()
    before = digest(copy)
    with pytest.raises(DocumentError, match="unexpected trigger"):
        MapDocument.open(copy)
    assert digest(copy) == before


def test_map_with_invalid_content_is_refused(doc: MapDocument, tmp_path: Path) -> None:
    copy = tmp_path / "bad-kind.cruxmap"
    doc.save_as(copy)
    conn = sqlite3.connect(copy)
    conn.execute("UPDATE nodes SET kind = 'opinion'")
    conn.commit()
    conn.close()
    with pytest.raises(DocumentError, match="cannot read"):
        MapDocument.open(copy)


def test_missing_and_folder_paths(tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="no such file"):
        MapDocument.open(tmp_path / "nope.cruxmap")
    with pytest.raises(DocumentError, match="folder"):
        MapDocument.open(tmp_path)


# ------------------------------------------------------- deferred writes (the window's)
def _on_disk(path: Path) -> ArgumentMap:
    other = MapDocument.open(path, readonly=True)
    try:
        return other.map
    finally:
        other.close()


def test_a_deferred_edit_is_written_by_flush_and_before_the_next_edit(doc: MapDocument) -> None:
    scheduled: list[bool] = []
    doc.defer_writes(lambda: scheduled.append(True))
    amap = doc.map
    start = amap.snapshot()
    amap.update_node("c", title="First")
    assert doc.unwritten and scheduled == [True]
    assert _on_disk(doc.path).snapshot() == start  # shown, not yet written
    after_first = amap.snapshot()
    with amap.batch("second"):
        amap.update_node("c", title="Second")  # its first change writes the first edit alone
        assert _on_disk(doc.path).snapshot() == after_first
        amap.update_node("c", text="more")
    assert doc.unwritten and len(scheduled) == 2
    doc.flush()
    assert not doc.unwritten
    assert _on_disk(doc.path) == amap


def test_closing_writes_a_deferred_edit(doc: MapDocument) -> None:
    doc.defer_writes(lambda: None)
    doc.map.update_node("c", title="Last words")
    expected = doc.map.snapshot()
    doc.close()
    assert _on_disk(doc.path).snapshot() == expected


def test_a_failed_deferred_write_puts_the_model_back_to_the_file(doc: MapDocument) -> None:
    doc.defer_writes(lambda: None)
    amap = doc.map
    before = amap.snapshot()
    page_count = doc.conn.execute("PRAGMA page_count").fetchone()[0]
    doc.conn.execute(f"PRAGMA max_page_count={page_count}")
    amap.update_node("c", text="x" * 200_000)  # shown at once, written later
    with pytest.raises(StorageError, match="could not be written"):
        doc.flush()
    assert amap.snapshot() == before and not doc.unwritten
    doc.conn.execute("PRAGMA max_page_count=1073741823")
    amap.update_node("c", text="small")
    doc.flush()
    assert _on_disk(doc.path) == amap
