"""Maps in and out of other tools: Cruxmap JSON (lossless), Argdown, AIF JSON, GraphML, CSV.

`export_map` writes a file atomically; `import_map` reads one into a *new* map, so a
malformed file can never change a map the user has open, and `InterchangeError` says where
the file failed. docs/interchange.md lists what each format keeps and loses.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from model.argmap import ArgumentMap
from model.formatting import byte_size
from storage.formats import EXPORT_FORMATS, IMPORT_SUFFIXES
from storage.interchange import aif, argdown, csv_export, graphml, json_format
from storage.interchange.errors import InterchangeError, parse_json
from storage.safe_paths import write_atomic

__all__ = ["EXPORT_FORMATS", "IMPORT_SUFFIXES", "InterchangeError", "export_map", "import_map"]

MAX_IMPORT_BYTES = 200 * 1024 * 1024


def export_text(amap: ArgumentMap, fmt: str) -> str | bytes:
    """The map in `fmt` (one of EXPORT_FORMATS), as text or bytes."""
    if fmt == "json":
        return json_format.dumps(amap)
    if fmt == "argdown":
        return argdown.dumps(amap)
    if fmt == "aif":
        return aif.dumps(amap)
    if fmt == "graphml":
        return graphml.dumps(amap)
    if fmt == "csv":
        from model.credence import credences

        return csv_export.dumps(amap, credences(amap) if amap.thesis else {})
    raise InterchangeError(f"unknown format {fmt!r}: use one of {', '.join(EXPORT_FORMATS)}")


def export_map(amap: ArgumentMap, fmt: str, path: str | os.PathLike[str]) -> None:
    """Write the map to `path` in `fmt`; the file appears whole or not at all."""
    data = export_text(amap, fmt)
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise InterchangeError(f"cannot write {path}: {exc.strerror or exc}") from None


def import_map(path: str | os.PathLike[str], fmt: str | None = None) -> ArgumentMap:
    """Read a JSON, Argdown, AIF or GraphML file into a new map (format from the suffix)."""
    path = Path(path)
    fmt = fmt or IMPORT_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(IMPORT_SUFFIXES))
        raise InterchangeError(f"{path.name}: unknown file type (known: {known})")
    raw = _read_regular(path)
    if fmt == "graphml":
        return graphml.loads(raw)
    text = _decode(raw, path.name)
    if fmt == "argdown":
        return argdown.loads(text)
    if fmt == "aif":
        return aif.loads(text)
    return _load_json(text)


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file of at most MAX_IMPORT_BYTES; a FIFO, device or socket is
    refused at once (opened without blocking, never read)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InterchangeError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InterchangeError(f"{path.name} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise InterchangeError(f"{path.name} is not a regular file (a pipe, device or socket)")
        if info.st_size > MAX_IMPORT_BYTES:
            raise InterchangeError(f"{path.name}: larger than {byte_size(MAX_IMPORT_BYTES)}")
        with os.fdopen(os.dup(fd), "rb") as fh:
            return fh.read(MAX_IMPORT_BYTES + 1)[:MAX_IMPORT_BYTES]
    except OSError as exc:
        raise InterchangeError(f"cannot read {path.name}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _decode(raw: bytes, name: str) -> str:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InterchangeError(f"{name}: line {line}: not UTF-8 text") from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise InterchangeError(f"{name}: line {line}: a NUL byte (binary data, not text)")
    return text


def _load_json(text: str) -> ArgumentMap:
    """Cruxmap JSON, or AIF JSON recognised by its nodeID fields."""
    data = parse_json(text)
    if aif.looks_like_aif(data):
        return aif.data_to_map(data)
    return json_format.data_to_map(data)
