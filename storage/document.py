"""A `.cruxmap` file: the map's SQLite document, kept in step with the model edit by edit.

There is no "save": the document listens to its `ArgumentMap` and commits each edit (one
model batch) in one transaction, with a rollback journal and synchronous=FULL, so a crash
or kill -9 loses at most the edit in flight and never corrupts the file. Opening checks a
file thoroughly, read-only, before it is ever opened for writing.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
import struct
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from model.argmap import ArgumentMap, Change, MapError
from storage import merge, rows
from storage.safe_paths import OPEN_MAPS
from storage.schema import (
    APPLICATION_ID,
    MIGRATIONS,
    PRAGMAS,
    SCHEMA,
    SCHEMA_VERSION,
    TABLES,
)

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"


class DocumentError(Exception):
    """A map file that cannot be opened or written; `str()` is a message for the user."""


class StorageError(DocumentError):
    """An edit that could not be written; the model has been put back to what the file holds."""


class MapDocument:
    """One open map file and the `ArgumentMap` it holds.

    Another program may write the same file (the app and a CLI, two windows). Every write runs
    in one `BEGIN IMMEDIATE` transaction that first compares `PRAGMA data_version` with the
    version last read or written: when someone else committed in between, the file is re-read,
    the edit is re-applied on top of it (storage.merge) and the model takes the merged map;
    when the edit no longer applies nothing is written and StorageError says why. `refresh()`
    picks up outside changes between edits (the app polls it). `on_reload` callbacks hear of
    every outside change taken over, with a message for the user.
    """

    def __init__(
        self, path: Path, conn: sqlite3.Connection, amap: ArgumentMap, version: int
    ) -> None:
        self.path = path
        self.conn = conn
        self._db: sqlite_utils.Database | None = None
        self.map = amap
        self._restoring = False
        self._version = version  # PRAGMA data_version when `amap` was read
        self._base = amap.snapshot()  # what the file holds, as of self._version
        self.on_reload: list = []
        self._schedule: Callable[[], None] | None = None  # set by defer_writes
        self._deferred: list[Change] | None = None  # an edit made but not yet written
        amap.subscribe(self._on_changes, first=True)
        OPEN_MAPS.add(path)

    # -------------------------------------------------------------- lifecycle
    @classmethod
    def open(cls, path: str | os.PathLike[str], readonly: bool = False) -> MapDocument:
        """Open an existing map, refusing (untouched) anything that is not a sound Cruxmap file.

        `readonly` (info, credence, export…) reads through a read-only connection: the file
        keeps its journal mode (a WAL map stays WAL) and a live writer does not block it.
        """
        path = Path(path)
        hot = check_file(path)
        conn = _connect_readonly(path) if readonly and not hot else _connect(path)
        try:
            amap, version = _load_at(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(path, conn, amap, version)

    @classmethod
    def create(cls, path: str | os.PathLike[str], amap: ArgumentMap | None = None) -> MapDocument:
        """Write `amap` (or an empty map) to a new file atomically and open it."""
        path = Path(path)
        amap = amap if amap is not None else ArgumentMap()
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".cruxmap-", dir=path.parent or ".")
            os.close(fd)
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                write_new(conn, amap)
            finally:
                conn.close()
            os.replace(tmp, path)
            tmp = None
        except (OSError, sqlite3.Error) as exc:
            raise DocumentError(f"Could not create {path.name}: {_reason(exc)}") from None
        finally:
            _remove_temp(tmp)
        return cls.open(path)

    @property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over the open connection, made on first use: reading a map (the CLI's
        `info`, the app's first frame) never pays for importing it."""
        if self._db is None or self._db.conn is not self.conn:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def close(self) -> None:
        """Write a deferred edit, then let go of the file (also when that write fails)."""
        try:
            self.flush()
        finally:
            OPEN_MAPS.discard(self.path)
            self.map.unsubscribe(self._on_changes)
            if self.map.before_edit == self.flush:
                self.map.before_edit = None
            self.conn.close()

    def save_as(self, path: str | os.PathLike[str]) -> None:
        """Copy the map to `path` with SQLite's backup API and keep working in the copy."""
        path = Path(path)
        self.flush()
        if path.resolve() == self.path.resolve():
            return
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".cruxmap-", dir=path.parent or ".")
            os.close(fd)
            dest = sqlite3.connect(tmp)
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            os.replace(tmp, path)
            tmp = None
        except (OSError, sqlite3.Error) as exc:
            raise DocumentError(f"Could not save a copy as {path.name}: {_reason(exc)}") from None
        finally:
            _remove_temp(tmp)
        self.conn.close()
        self.conn = _connect(path)
        OPEN_MAPS.discard(self.path)
        self.path = path
        OPEN_MAPS.add(path)
        self._version = _data_version(self.conn)

    # ---------------------------------------------------------------- writing
    def defer_writes(self, schedule: Callable[[], None]) -> None:
        """Write each edit when `flush()` is called instead of before the edit returns.

        The window calls `flush()` right after the frame that shows the edit, so the durable
        commit (an fsync, 2–30 ms) is not between a key press and its frame. `schedule()` is
        called when an edit is waiting. The model's `before_edit` hook writes a waiting edit
        before the next one begins, so every commit still holds exactly one edit and the file
        is always a replay of whole edits: a kill loses at most the edit being shown.
        A failed deferred write raises StorageError from `flush()` (or from the next edit)
        with the model put back to what the file holds, as a failed direct write does.
        """
        self._schedule = schedule
        self.map.before_edit = self.flush

    @property
    def unwritten(self) -> bool:
        """An edit is made (and maybe shown) but not written yet (see `defer_writes`)."""
        return self._deferred is not None

    def flush(self) -> None:
        """Write the deferred edit, if any (a no-op when every edit is written)."""
        changes, self._deferred = self._deferred, None
        if changes:
            self._write(changes)

    def _on_changes(self, changes: list[Change]) -> None:
        if self._restoring:
            return
        if self._schedule is None:
            self._write(changes)
        elif self._deferred is not None:  # a change that skipped before_edit: one commit
            self._deferred = list(dict.fromkeys(self._deferred + changes))
        else:
            self._deferred = list(changes)
            self._schedule()

    def _write(self, changes: list[Change]) -> None:
        """Commit one edit (one model batch) in one transaction."""
        conn = self.conn
        merged: ArgumentMap | None = None
        try:
            conn.execute("BEGIN IMMEDIATE")  # the write lock first: nobody commits in between
            try:
                if _data_version(conn) != self._version:
                    merged = self._rebase(changes)
                    changes = [Change("history", 0) if c.kind == "history" else c for c in changes]
                rows.write_changes(conn, merged or self.map, changes)
                version = _data_version(conn)  # inside the lock: no one else has committed
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
        except merge.MergeConflict as exc:
            self._restore()
            self._notify("reloaded; the last edit did not fit and was not saved")
            raise StorageError(
                f"{self.path.name} was changed by another program and this edit no longer "
                f"fits: {exc}. The map now shows the file as it is; the edit was not saved."
            ) from None
        except sqlite3.Error as exc:
            self._restore()
            raise StorageError(
                f"The change could not be written to {self.path.name} ({exc}); "
                "the map is as it was before the change."
            ) from None
        self._version = version
        if merged is None:
            merge.update_base(self._base, self.map, changes)
        else:
            self._take(merged, "the edit was added on top of the other program's changes")

    def _rebase(self, changes: list[Change]) -> ArgumentMap:
        """Our edit applied to the file as another program left it (inside the write lock)."""
        if any(c.kind == "reset" for c in changes):
            raise merge.MergeConflict("the whole map was to be replaced")
        theirs = _load(self.conn, self.path)
        return merge.rebase(theirs, self._base, self.map, changes)

    def refresh(self) -> bool:
        """Take over what another program wrote since the last read or write; True if it did."""
        if self.map._depth:  # noqa: SLF001 (mid-edit: look again later)
            return False
        self.flush()  # ours first: another program's changes are merged on top of it
        conn = self.conn
        try:
            if _data_version(conn) == self._version:
                return False
            theirs, version = _load_at(conn, self.path)
        except sqlite3.OperationalError:  # the other program is mid-commit: look again later
            return False
        self._version = version
        self._take(theirs, "reloaded")
        return True

    def _take(self, amap: ArgumentMap, how: str) -> None:
        """Show `amap` (what the file holds now) and tell the listeners why."""
        self._show(amap)
        self._notify(how)

    def _show(self, amap: ArgumentMap) -> None:
        """Make the model what the file holds, without writing it back."""
        self._restoring = True
        try:
            self.map.replace_contents(amap)
        finally:
            self._restoring = False
        self._base = self.map.snapshot()

    def _notify(self, how: str) -> None:
        message = f"{self.path.name} was changed by another program: {how}"
        for callback in list(self.on_reload):
            callback(message)

    def _restore(self) -> None:
        """Put the model back to what the file holds after a failed write."""
        amap, self._version = _load_at(self.conn, self.path)
        self._show(amap)


def _load_at(conn: sqlite3.Connection, path: Path) -> tuple[ArgumentMap, int]:
    """The map and the data_version it was read at, in one read transaction (one snapshot)."""
    if conn.in_transaction:
        return _load(conn, path), _data_version(conn)
    conn.execute("BEGIN")
    try:
        return _load(conn, path), _data_version(conn)
    finally:
        conn.execute("COMMIT")


def _data_version(conn: sqlite3.Connection) -> int:
    """Changes when another connection commits to the file (not on this one's own commits)."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


# ------------------------------------------------------------------- checking
def check_file(path: Path) -> bool:
    """Refuse, with a specific message and without modifying it, a file that is not a sound map.

    Everything decidable from the file's first 100 bytes is decided before SQLite opens it, so
    a FIFO or device is refused at once (never read, which could block forever) and a file
    from a newer Cruxmap is refused before a journal beside it could be rolled back into it.
    Returns True when a crash left a hot journal, which only a read-write open recovers.
    """
    name = path.name
    header = _read_header(path)
    if not header:
        raise DocumentError(f"{name} is empty: it is not a Cruxmap map")
    if not header.startswith(SQLITE_HEADER):
        raise DocumentError(f"{name} is not a Cruxmap map (it is not an SQLite database)")
    if len(header) < 100:
        raise DocumentError(f"{name} is truncated: the database header is incomplete")
    _check_header(header, name)
    journal = path.with_name(name + "-journal")
    if journal.is_file() and journal.stat().st_size > 0:
        return True  # a crash left a hot journal: the read-write open recovers it (see _load)
    try:
        conn = _ro_connection(path)
    except sqlite3.Error as exc:
        raise DocumentError(f"{name} cannot be opened: {exc}") from None
    try:
        check_connection(conn, name)
    finally:
        conn.close()
    return False


def _read_header(path: Path) -> bytes:
    """The first 100 bytes of a regular file, opened without blocking (a FIFO never blocks us)."""
    name = path.name
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except FileNotFoundError:
        raise DocumentError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise DocumentError(f"{name} is a folder, not a map file") from None
    except OSError as exc:
        raise DocumentError(f"{name} cannot be read: {_reason(exc)}") from None
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError(f"{name} is a folder, not a map file")
        if not stat.S_ISREG(mode):
            raise DocumentError(
                f"{name} is not a regular file (a pipe, device or socket): refusing to read it"
            )
        return os.read(fd, 100)
    except OSError as exc:
        raise DocumentError(f"{name} cannot be read: {_reason(exc)}") from None
    finally:
        os.close(fd)


def _check_header(header: bytes, name: str) -> None:
    """application_id and user_version straight from the database header (offsets 68 and 60)."""
    version, app_id = struct.unpack(">i", header[60:64])[0], struct.unpack(">I", header[68:72])[0]
    if app_id != APPLICATION_ID:
        raise DocumentError(f"{name} is an SQLite database, but not a Cruxmap map")
    if version > SCHEMA_VERSION:
        raise DocumentError(_newer_message(name, version))


def _newer_message(name: str, version: int) -> str:
    return (
        f"{name} was made by a newer Cruxmap (file format {version}; this version "
        f"reads up to {SCHEMA_VERSION}). Update Cruxmap to open it."
    )


def check_connection(conn: sqlite3.Connection, name: str) -> None:
    """The checks behind `check_file`, on an open connection."""
    try:
        conn.execute("PRAGMA trusted_schema=OFF")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if app_id != APPLICATION_ID:
            raise DocumentError(f"{name} is an SQLite database, but not a Cruxmap map")
        if version > SCHEMA_VERSION:
            raise DocumentError(_newer_message(name, version))
        if version < 1:
            raise DocumentError(f"{name} is an unfinished map file (no schema version)")
        result = conn.execute("PRAGMA quick_check").fetchall()
        if result != [("ok",)]:
            raise DocumentError(f"{name} is damaged: {result[0][0]}")
        objects = conn.execute(
            "SELECT type, name FROM sqlite_master WHERE type IN ('table','trigger','view')"
        ).fetchall()
    except (sqlite3.DatabaseError, UnicodeDecodeError) as exc:
        raise DocumentError(f"{name} is damaged or not a map: {exc}") from None
    foreign = [f"{t} {n}" for t, n in objects if t != "table"]
    if foreign:
        raise DocumentError(f"{name} contains unexpected {foreign[0]}: refusing to open it")
    missing = set(TABLES) - {n for t, n in objects}
    if missing:
        raise DocumentError(f"{name} is missing the {sorted(missing)[0]} table: not a complete map")


# -------------------------------------------------------------------- loading
def _connect(path: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlite3.Error as exc:
        raise DocumentError(f"{path.name} cannot be opened for writing: {exc}") from None
    return conn


def _ro_connection(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None,
        check_same_thread=False,
    )  # fmt: skip


def _connect_readonly(path: Path) -> sqlite3.Connection:
    """A connection that cannot write: no journal-mode change, no recovery, no side files."""
    try:
        conn = _ro_connection(path)
        for pragma in (
            "PRAGMA query_only=ON",
            "PRAGMA foreign_keys=ON",
            "PRAGMA trusted_schema=OFF",
        ):
            conn.execute(pragma)
    except sqlite3.Error as exc:
        raise DocumentError(f"{path.name} cannot be opened: {exc}") from None
    return conn


def _reason(exc: BaseException) -> str:
    """An OSError as its plain reason ("Read-only file system"), anything else as str()."""
    return getattr(exc, "strerror", None) or str(exc)


def _remove_temp(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def _load(conn: sqlite3.Connection, path: Path) -> ArgumentMap:
    check_connection(conn, path.name)
    try:
        _migrate(conn)
        return rows.read_map(conn)
    except (sqlite3.Error, MapError, ValueError, TypeError, KeyError, RecursionError) as exc:
        raise DocumentError(f"{path.name} holds content Cruxmap cannot read: {exc}") from None


def _migrate(conn: sqlite3.Connection) -> None:
    """Bring an older file up to SCHEMA_VERSION, all steps or none.

    A savepoint, so it works inside the read transaction `_load_at` opens (the migration then
    commits with it) as well as on its own."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    conn.execute("SAVEPOINT migrate")
    try:
        for v in range(version, SCHEMA_VERSION):
            for statement in MIGRATIONS[v]:
                conn.execute(statement)
        conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        conn.execute("ROLLBACK TO migrate")
        conn.execute("RELEASE migrate")
        raise
    conn.execute("RELEASE migrate")


def write_new(conn: sqlite3.Connection, amap: ArgumentMap) -> None:
    """Create the schema and write a whole map into an empty database."""
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("BEGIN")  # executescript would commit early: run statements one by one
    for statement in filter(str.strip, SCHEMA.split(";")):
        conn.execute(statement)
    conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    rows.write_all(conn, amap)
    conn.execute("COMMIT")
