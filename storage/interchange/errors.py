"""The one error every importer and exporter raises: its message names where the file failed."""

from __future__ import annotations


class InterchangeError(Exception):
    """A file that cannot be read or written; the message names the line or element."""
