"""Helpers shared by the subcommands: opening a map, one-line errors, JSON output."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

if TYPE_CHECKING:  # the model and storage load when a command runs, not when the parser is built
    from model.argmap import ArgumentMap
    from storage.document import MapDocument


class CommandError(Exception):
    """A problem reported to the user as one line on stderr with exit status 2."""


def fail(message: str) -> NoReturn:
    raise CommandError(message)


def open_map(path: str, readonly: bool = False) -> MapDocument:
    """Open a map for a command, turning refusals into a CommandError.

    Commands that only read pass `readonly=True`: the file is opened read-only, so a WAL map
    stays in WAL mode and a program writing it meanwhile does not block the command.
    """
    from storage.document import DocumentError, MapDocument

    try:
        return MapDocument.open(path, readonly=readonly)
    except DocumentError as exc:
        fail(str(exc))


def check_writable(path: str) -> None:
    """Refuse at once, before any work, a map the command could not save into.

    SQLite opens a read-only file (mode, read-only mount, immutable flag) without complaint
    and fails only at the first write; the journal also needs a writable folder.
    """
    target = Path(path)
    folder = target.resolve().parent
    if not os.access(target, os.W_OK):
        fail(f"{target.name} is read-only (file permissions, a read-only disk or an immutable "
             "file): Cruxmap cannot change it")  # fmt: skip
    if not os.access(folder, os.W_OK):
        fail(f"the folder of {target.name} is read-only: Cruxmap needs to write its journal "
             "there to change the map safely")  # fmt: skip


def check_new_file(path: str) -> Path:
    """The path of a map to create: it must not exist yet and its folder must."""
    out = Path(path)
    if out.exists():
        fail(f"{out} already exists: choose a new file name")
    if not out.parent.is_dir():
        fail(f"folder {out.parent} does not exist")
    if not os.access(out.parent, os.W_OK):
        fail(f"folder {out.parent} is read-only: cannot create {out.name} there")
    return out


def create_map(path: Path, amap: ArgumentMap) -> None:
    """Write `amap` as a new map file, or fail with the document's message."""
    from storage.document import DocumentError, MapDocument

    try:
        MapDocument.create(path, amap).close()
    except DocumentError as exc:
        fail(str(exc))


def run(handler: Any) -> Any:
    """Wrap a handler so CommandError becomes `cruxmap: message` and exit status 2."""

    def wrapped(args: Any) -> int:
        try:
            return int(handler(args) or 0)
        except Exception as exc:
            if not _user_error(exc):
                raise
            print(f"cruxmap: {_one_line(str(exc))}", file=sys.stderr)
            return 2

    return wrapped


def _user_error(exc: Exception) -> bool:
    """A CommandError, a DocumentError (a file refused, or a write it refused: disk full,
    read-only, locked; the map on disk is as it was) or a MapError (a value the map's rules
    refuse). Imported here, not at the top: the parser is built without the model."""
    from model.argmap import MapError
    from storage.document import DocumentError

    return isinstance(exc, CommandError | DocumentError | MapError)


def _one_line(message: str) -> str:
    """The message on one line, never longer than a screenful."""
    line = " ".join(message.split())
    return line if len(line) <= 2000 else line[:1997] + "…"


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
