"""Compiled regular expressions kept on disk for the import child (storage.sandbox).

Why: every import runs in a fresh child process, and the importer's ~500 patterns (cue lists,
chrome and fact rules) take ~0.2 s to compile there, a fifth of a cold import. Python keeps no
compiled pattern across processes, but its compiler's output is plain data (a list of ints plus
group names): this module stores that output for the patterns a warm-up compiles and hands it
straight to `_sre.compile` in later children, which is all `re.compile` does after parsing.

Safe because: an entry is looked up by the exact pattern text and flags, and the whole file
by the exact Python build and regex engine version, so a changed pattern or a new Python
compiles afresh; `_sre.compile` validates the code it is given (a damaged entry raises and is
compiled normally); only the patterns of a warm-up are saved — the importer's own, never one
built from an article — and each save rewrites the file with exactly those, so stale entries go.
Only CPython 3.11–3.13, whose `re._compiler.compile` this mirrors, use it; elsewhere it is off.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import array
import base64
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

#: The cache folder; tests and a portable install may set CRUXMAP_CACHE_DIR.
ENV = "CRUXMAP_CACHE_DIR"
_ORIGINAL = _compiler.compile
_WORD = {2: "H", 4: "I", 8: "Q"}.get(_sre.CODESIZE, "I")  # sre's code unit
_SUPPORTED = sys.implementation.name == "cpython" and (3, 11) <= sys.version_info[:2] <= (3, 13)

_known: dict[tuple[str, int], list[Any]] = {}  # loaded from disk
_seen: dict[tuple[str, int], list[Any]] = {}  # compiled or used while recording
_recording = False


def cache_file() -> Path:
    """Where the compiled patterns of this Python build are kept."""
    root = os.environ.get(ENV) or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "cruxmap"
    )
    return Path(root) / f"regex-{sys.implementation.cache_tag}.json"


def _stamp() -> list[Any]:
    """What the stored code depends on besides the pattern: the Python build and sre."""
    return [sys.version, sys.hexversion, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, sys.byteorder,
            array.array(_WORD).itemsize]  # fmt: skip


def _build(pattern: str, flags: int) -> list[Any]:
    """re._compiler.compile's work up to its final `_sre.compile` call, as plain data."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return [int(flags | parsed.state.flags), _pack(code), parsed.state.groups - 1, groupindex,
            indexgroup]  # fmt: skip


def _pack(code: list[int]) -> str:
    """The code as text that loads fast (base64 of its machine words; JSON lists of ints are
    ten times slower to read)."""
    return base64.b64encode(array.array(_WORD, code).tobytes()).decode("ascii")


def _unpack(text: str) -> list[int]:
    return array.array(_WORD, base64.b64decode(text)).tolist()


def _compile(p: Any, flags: int = 0) -> Any:
    """Drop-in for re._compiler.compile that reuses stored code for str patterns."""
    if not isinstance(p, str) or flags & _compiler.SRE_FLAG_DEBUG:
        return _ORIGINAL(p, flags)
    key = (p, int(flags))
    entry = _known.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(p, entry[0], _unpack(entry[1]), entry[2], entry[3],
                                    tuple(entry[4]))  # fmt: skip
        except Exception:  # noqa: BLE001 - a damaged entry: compile it as Python would
            entry = None
        else:
            if _recording:
                _seen[key] = entry
            return compiled
    if not _recording:
        return _ORIGINAL(p, flags)
    entry = _seen[key] = _build(p, key[1])
    return _sre.compile(p, entry[0], _unpack(entry[1]), entry[2], entry[3], tuple(entry[4]))


def install(record: bool = False) -> bool:
    """Use the stored patterns in this process; with `record`, also note the patterns compiled
    until save(). False (and nothing changed) where the cache is not supported."""
    global _recording
    if not _SUPPORTED:
        return False
    _known.clear()
    _known.update(_load())
    _seen.clear()
    _recording = record
    _compiler.compile = _compile
    return True


def save() -> None:
    """Stop recording and store the patterns recorded since install(record=True), if they
    differ from the file's (atomically: a reader sees the old file or the new one)."""
    global _recording
    if not _recording:
        return
    _recording = False
    if _seen.keys() == _known.keys():
        return
    path = cache_file()
    data = {"stamp": _stamp(), "patterns": [[p, f, *e] for (p, f), e in _seen.items()]}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".regex-", suffix=".tmp")
    except OSError:  # a read-only or full disk: the next child compiles as usual
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


def stop() -> None:
    """Stop recording without saving (a warm-up cut short would store only part of its set)."""
    global _recording
    _recording = False
    _seen.clear()


def _load() -> dict[tuple[str, int], list[Any]]:
    try:
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        if data.get("stamp") != _stamp():
            return {}
        return {(str(row[0]), int(row[1])): list(row[2:7]) for row in data["patterns"]}
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}
