"""File → Map Properties…: the map's own title and description.

The title names the map in the window's title bar, the report's heading and the save dialogs'
suggested names; the description opens the exported report (blank lines part its
paragraphs). Nothing changes until OK, and then both as one undoable step
(`EditMapPropertiesCommand`); OK with nothing changed adds no step.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from model.argmap import ArgumentMap
from ui.commands.edits import EditMapPropertiesCommand


class MapPropertiesDialog(QDialog):
    """Edit the map's title and description; `values()` after `exec()` is accepted."""

    def __init__(self, amap: ArgumentMap, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Map Properties")
        self.amap = amap
        self.title = QLineEdit(amap.meta.get("title", ""))
        thesis = amap.thesis
        self.title.setPlaceholderText(thesis.title if thesis else "Untitled map")
        self.title.setToolTip(
            "The map's name: the window's title bar, the report's heading and the name save "
            "dialogs suggest (empty: the report uses the thesis)"
        )
        self.description = QPlainTextEdit(amap.meta.get("description", ""))
        self.description.setTabChangesFocus(True)  # Tab goes on to the buttons, as in a form
        self.description.setPlaceholderText(
            "What the map is about, where its arguments come from, how to read it…"
        )
        self.description.setToolTip("The report opens with this text")
        self.description.setMinimumSize(460, 180)
        hint = QLabel("The exported report opens with the description; a blank line starts a "
                      "new paragraph.")  # fmt: skip
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Description:", self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.title.setFocus()

    def values(self) -> dict[str, str]:
        """The title on one line and the description without trailing blank space."""
        return {
            "title": " ".join(self.title.text().split()),
            "description": self.description.toPlainText().rstrip(),
        }

    def command(self) -> EditMapPropertiesCommand | None:
        """The step that makes the map's properties what the dialog shows (None: unchanged)."""
        values = self.values()
        if all(self.amap.meta.get(k, "") == v for k, v in values.items()):
            return None
        return EditMapPropertiesCommand(self.amap, **values)
