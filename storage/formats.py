"""The interchange formats' names, light enough for the CLI parser (`--help` loads no model)."""

from __future__ import annotations

EXPORT_FORMATS = ("json", "argdown", "aif", "graphml", "csv")
IMPORT_SUFFIXES = {
    ".json": "json",
    ".argdown": "argdown",
    ".ad": "argdown",
    ".aif": "aif",
    ".graphml": "graphml",
    ".xml": "graphml",
}
