"""Where file dialogs start, and the names they suggest.

A save dialog opens in the folder the user last used for that kind of file, or in their
Documents folder the first time — never in the program's or the app-data folder, which a
user neither knows nor wants to fill. Suggested names come from the map's title, cleaned so
that "Will scaling lead to AGI?" becomes "Will scaling lead to AGI.md", not "…AGI-.md".
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths

from storage.safe_paths import suggested_name


def documents_dir() -> Path:
    """The user's Documents folder (their home folder where the platform has none)."""
    docs = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(docs) if docs and Path(docs).is_dir() else Path.home()


def start_dir(kind: str) -> Path:
    """The folder a dialog for `kind` ("maps", "export", …) opens in."""
    last = QSettings().value(f"paths/{kind}", "", str)
    return Path(last) if last and Path(last).is_dir() else documents_dir()


def remember_dir(kind: str, path: str | Path) -> None:
    """Remember the folder of a file the user chose, for the next dialog of that kind."""
    QSettings().setValue(f"paths/{kind}", str(Path(path).resolve().parent))


def suggested_path(kind: str, title: str, suffix: str, default: str = "map") -> str:
    """The full path a save dialog proposes: start folder + a clean name from the title."""
    return str(start_dir(kind) / suggested_name(title, suffix, default))
