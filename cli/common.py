"""Helpers shared by the subcommands: opening a map, one-line errors, JSON output."""

from __future__ import annotations

import json
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


def open_map(path: str) -> MapDocument:
    """Open a map for a command, turning refusals into a CommandError."""
    from storage.document import DocumentError, MapDocument

    try:
        return MapDocument.open(path)
    except DocumentError as exc:
        fail(str(exc))


def check_new_file(path: str) -> Path:
    """The path of a map to create: it must not exist yet and its folder must."""
    out = Path(path)
    if out.exists():
        fail(f"{out} already exists: choose a new file name")
    if not out.parent.is_dir():
        fail(f"folder {out.parent} does not exist")
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
        except CommandError as exc:
            print(f"cruxmap: {exc}", file=sys.stderr)
            return 2

    return wrapped


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, indent=2, ensure_ascii=False, sort_keys=False)
    sys.stdout.write("\n")
