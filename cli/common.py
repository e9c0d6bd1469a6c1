"""Helpers shared by the subcommands: opening a map, one-line errors, JSON output."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

from storage.document import DocumentError, MapDocument


class CommandError(Exception):
    """A problem reported to the user as one line on stderr with exit status 2."""


def fail(message: str) -> NoReturn:
    raise CommandError(message)


def open_map(path: str) -> MapDocument:
    """Open a map for a command, turning refusals into a CommandError."""
    try:
        return MapDocument.open(path)
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
