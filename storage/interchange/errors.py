"""The one error every importer and exporter raises: its message names where the file failed."""

from __future__ import annotations

import json
from typing import Any


class InterchangeError(Exception):
    """A file that cannot be read or written; the message names the line or element."""


def parse_json(text: str) -> Any:
    """json.loads with failures turned into an InterchangeError naming the line and column."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InterchangeError(f"line {exc.lineno}, column {exc.colno}: {exc.msg}") from None
    except RecursionError:
        raise InterchangeError("the JSON is nested too deeply") from None
    except ValueError as exc:  # e.g. an integer beyond Python's 4,300-digit conversion limit
        raise InterchangeError(f"unreadable JSON: {str(exc).splitlines()[0][:120]}") from None
