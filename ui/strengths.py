"""The strength scale in a drop-down, said the same way everywhere (model.weights.strength_name).

Each item shows the step's words ("no pull (weighed: irrelevant)" for "none"), carries its
label ("none") as data and explains itself in a tooltip, so code picks by label and the user
never sees "none" beside "not yet weighed" as if they were one thing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QComboBox

from model.weights import STRENGTHS, strength_meaning, strength_name

#: The data of the "not yet weighed" item (a QComboBox cannot find None by data).
UNWEIGHED_DATA = ""


def fill_strengths(combo: QComboBox, unweighed: str = "last", pick_unweighed: bool = True) -> None:
    """The scale steps in order of λ, and "not yet weighed" first or last (`unweighed`); with
    `pick_unweighed` False that item only shows a link's state and cannot be chosen."""
    combo.clear()
    # As wide as "moderate" asks, not as "no pull (weighed: irrelevant)": a narrow dock keeps
    # its λ box in view; the open list shows every name whole.
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(9)
    combo.setIconSize(QSize(0, 0))  # no icons: the policy would count one in the height
    if unweighed == "first":
        _add(combo, None)
    for label in STRENGTHS:
        _add(combo, label)
    if unweighed == "last":
        combo.insertSeparator(combo.count())
        _add(combo, None)
        if not pick_unweighed:
            model = combo.model()
            assert isinstance(model, QStandardItemModel)
            model.item(combo.count() - 1).setEnabled(False)


def _add(combo: QComboBox, label: str | None) -> None:
    combo.addItem(strength_name(label), UNWEIGHED_DATA if label is None else label)
    combo.setItemData(combo.count() - 1, strength_meaning(label), Qt.ItemDataRole.ToolTipRole)


def show_strength(combo: QComboBox, label: str | None) -> None:
    """Show a step by its label (None: not yet weighed)."""
    combo.setCurrentIndex(combo.findData(UNWEIGHED_DATA if label is None else label))


def picked_strength(combo: QComboBox, index: int | None = None) -> str | None:
    """The label of the item at `index` (the current one by default); None: not yet weighed."""
    data = combo.itemData(combo.currentIndex() if index is None else index)
    return data or None
