"""File names built from user text (titles) that can never leave the folder the user chose.

An exported report writes its pictures beside it under names derived from map titles; a
hostile title (`../../.bashrc`, `CON`, a NUL, 300 emoji) must still give a plain, short file
name inside that folder. Writes go through a temporary file and a rename, so an interrupted
export never leaves half a file under the final name.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from storage.schema import APPLICATION_ID

MAX_BYTES = 255
#: Names Windows refuses whatever the extension (checked case-insensitively on the stem).
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{p}{i}" for p in ("COM", "LPT") for i in (*"123456789", "¹", "²", "³")
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')


class UnsafePathError(ValueError):
    """A name that would put a file outside the chosen folder, or over something it must not."""


#: Map files open in this process (storage.document registers them): never export over one.
OPEN_MAPS: set[Path] = set()


def safe_filename(title: str, default: str = "untitled", max_bytes: int = MAX_BYTES) -> str:
    """A portable file name from free text: no separators, NUL, reserved names; ≤ max_bytes."""
    name = unicodedata.normalize("NFC", title)
    name = _UNSAFE.sub("-", name)
    name = re.sub(r"\s+", " ", name).strip(" .-")
    name = re.sub(r"-{2,}", "-", name)
    if not name or set(name) <= {"."}:
        name = default
    if name.split(".")[0].rstrip(" ").upper() in RESERVED:
        name = "_" + name
    return _truncate(name, max_bytes)


def _truncate(name: str, max_bytes: int) -> str:
    """Cut to `max_bytes` of UTF-8 without splitting a character, keeping a short extension."""
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    stem, ext = os.path.splitext(name)
    if len(ext.encode("utf-8")) > 16:
        stem, ext = name, ""
    room = max_bytes - len(ext.encode("utf-8"))
    cut = stem.encode("utf-8")[:room].decode("utf-8", errors="ignore").rstrip(" .")
    return (cut or "untitled")[:room] + ext


def path_inside(folder: str | os.PathLike[str], name: str) -> Path:
    """`folder/name`, refusing any name that resolves outside `folder` (`..`, absolute, links)."""
    if "\x00" in name:
        raise UnsafePathError("a file name cannot contain a NUL character")
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target == base or base not in target.parents:
        raise UnsafePathError(f"{name!r} would be written outside {base}")
    return target


def _default_mode() -> int:
    """What a plain open() would give a new file (mkstemp's 0600 would hide exports)."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def is_cruxmap_file(path: str | os.PathLike[str]) -> bool:
    """True if `path` holds a Cruxmap map (SQLite header and Cruxmap's application_id)."""
    try:
        with open(path, "rb") as fh:
            header = fh.read(72)
    except OSError:
        return False
    return header.startswith(b"SQLite format 3\x00") and (
        int.from_bytes(header[68:72], "big") == APPLICATION_ID
    )


def check_export_target(path: str | os.PathLike[str], protect: Iterable[Path] = ()) -> None:
    """Refuse to write over a map (the one read, any open one, any Cruxmap file) or over
    anything that is not a plain file (a folder, device, FIFO or socket)."""
    path = Path(path)
    name = path.name
    try:
        st = os.stat(path)  # follows a symlink: what would really be replaced
    except FileNotFoundError:
        return
    except OSError as exc:
        raise UnsafePathError(f"cannot check {name}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise UnsafePathError(f"{name} is {what}: refusing to write over it")
    for other in (*protect, *OPEN_MAPS):
        try:
            if os.path.samefile(path, other):
                raise UnsafePathError(f"{name} is an open map: refusing to write over it")
        except OSError:
            continue
    if is_cruxmap_file(path):
        raise UnsafePathError(f"{name} is a Cruxmap map: refusing to write over it")


def write_atomic(path: str | os.PathLike[str], data: bytes | str) -> None:
    """Write a whole file through a temporary sibling and a rename (no half-written exports).

    Never over a map or a non-regular file (`check_export_target`)."""
    path = Path(path)
    check_export_target(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, _default_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def suggested_name(title: str, suffix: str, default: str = "untitled") -> str:
    """A clean name for a save dialog: characters a file name cannot hold are dropped, not
    turned into dashes ("Will scaling lead to AGI?" + ".md" → "Will scaling lead to AGI.md")."""
    stem = re.sub(r"\s+", " ", _UNSAFE.sub(" ", unicodedata.normalize("NFC", title)))
    stem = stem.strip(" .-") or default
    return safe_filename(stem + suffix, default=default + suffix)
