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
