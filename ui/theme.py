"""Colours of the map canvas, in a light and a dark variant that follow the system scheme.

Items never hard-code colours: they ask `Theme.current()`, and the scene repaints when
`QStyleHints.colorSchemeChanged` fires. Kinds get distinct hues (amber thesis, blue claims,
violet evidence) that stay clear of the green/red used for supports/attacks; attacks are also
dashed with a flat bar end, so the relation never depends on colour alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication


@dataclass(frozen=True)
class KindStyle:
    fill: QColor
    border: QColor
    accent: QColor  # kind label, minimap and overview dots


@dataclass(frozen=True)
class Theme:
    dark: bool
    background: QColor
    text: QColor
    muted: QColor
    kinds: dict[str, KindStyle]
    supports: QColor
    attacks: QColor
    selection: QColor
    highlight: QColor
    drop: QColor
    bar_track: QColor
    bar_high: QColor
    bar_low: QColor
    badge_fill: QColor
    viewport: QColor

    @staticmethod
    def current() -> Theme:
        """The palette matching the system scheme (or the application palette's lightness)."""
        return DARK if is_dark() else LIGHT

    def kind(self, kind: str) -> KindStyle:
        return self.kinds.get(kind, self.kinds["claim"])

    def credence_color(self, p: float) -> QColor:
        """Blend from the 'unlikely' to the 'likely' bar colour."""
        p = min(1.0, max(0.0, p))
        lo, hi = self.bar_low, self.bar_high
        return QColor.fromRgbF(
            lo.redF() + (hi.redF() - lo.redF()) * p,
            lo.greenF() + (hi.greenF() - lo.greenF()) * p,
            lo.blueF() + (hi.blueF() - lo.blueF()) * p,
        )


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    scheme = QGuiApplication.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return True
    if scheme == Qt.ColorScheme.Light:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _c(hex_: str) -> QColor:
    return QColor(hex_)


LIGHT = Theme(
    dark=False,
    background=_c("#f6f6f3"),
    text=_c("#1d232b"),
    muted=_c("#5f6875"),
    kinds={
        "thesis": KindStyle(_c("#fff2d6"), _c("#c98a12"), _c("#a86e00")),
        "claim": KindStyle(_c("#ffffff"), _c("#7f9cc4"), _c("#3d6aa8")),
        "evidence": KindStyle(_c("#f3eefc"), _c("#9b84cf"), _c("#6c4fb3")),
    },
    supports=_c("#2f8a4c"),
    attacks=_c("#c8403a"),
    selection=_c("#1f6fe0"),
    highlight=_c("#f2b300"),
    drop=_c("#1f6fe0"),
    bar_track=_c("#e3e5e8"),
    bar_high=_c("#2f8a4c"),
    bar_low=_c("#c8403a"),
    badge_fill=_c("#5f6875"),
    viewport=_c("#1f6fe0"),
)

DARK = Theme(
    dark=True,
    background=_c("#1c1e22"),
    text=_c("#e8eaed"),
    muted=_c("#9aa3ad"),
    kinds={
        "thesis": KindStyle(_c("#3b3122"), _c("#d9a441"), _c("#f0bd5a")),
        "claim": KindStyle(_c("#262c35"), _c("#5d7ea8"), _c("#8fb4e8")),
        "evidence": KindStyle(_c("#2d2840"), _c("#8a74c4"), _c("#b9a3f0")),
    },
    supports=_c("#58c07f"),
    attacks=_c("#f06a62"),
    selection=_c("#5aa2ff"),
    highlight=_c("#ffcc33"),
    drop=_c("#5aa2ff"),
    bar_track=_c("#3a3f47"),
    bar_high=_c("#58c07f"),
    bar_low=_c("#f06a62"),
    badge_fill=_c("#9aa3ad"),
    viewport=_c("#5aa2ff"),
)


def apply_color_scheme(name: str) -> None:
    """Follow the system's light/dark setting, or force "light" / "dark" (screenshots, tests).

    Qt is asked for the scheme first; where the platform cannot switch (X11 without a desktop
    theme), a full palette is set instead, every role of the Active, Inactive and Disabled
    groups, so widgets, pyqtgraph and the map's theme (ui.theme reads the palette) agree.
    """
    app = QApplication.instance()
    schemes = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}
    hints = QGuiApplication.styleHints()
    hints.setColorScheme(schemes.get(name, Qt.ColorScheme.Unknown))
    want_dark = name == "dark" or (not name and hints.colorScheme() == Qt.ColorScheme.Dark)
    is_dark = app.palette().color(QPalette.ColorRole.Window).lightness() < 128
    if want_dark and not is_dark:
        app.setPalette(dark_palette())
    elif not want_dark and is_dark:
        app.setPalette(app.style().standardPalette())


def dark_palette() -> QPalette:
    """A dark palette for Fusion, Disabled group included (after calibre's gui2/palette.py)."""
    R, G = QPalette.ColorRole, QPalette.ColorGroup
    base = {
        R.Window: "#2b2d31", R.WindowText: "#e6e6e6", R.Base: "#1e1f22", R.AlternateBase: "#26282c",
        R.ToolTipBase: "#3a3d42", R.ToolTipText: "#f0f0f0", R.PlaceholderText: "#8a8f98",
        R.Text: "#e6e6e6", R.Button: "#34373c", R.ButtonText: "#e6e6e6", R.BrightText: "#ff6b6b",
        R.Light: "#4a4d52", R.Midlight: "#3d4045", R.Mid: "#2f3236", R.Dark: "#1b1c1f",
        R.Shadow: "#000000", R.Highlight: "#3d7bd9", R.HighlightedText: "#ffffff",
        R.Link: "#6ea8fe", R.LinkVisited: "#b48efa",
    }  # fmt: skip
    palette = QPalette()
    for role, color in base.items():
        palette.setColor(role, QColor(color))
    for role in (R.WindowText, R.Text, R.ButtonText, R.HighlightedText):
        palette.setColor(G.Disabled, role, QColor("#6c7077"))
    palette.setColor(G.Disabled, R.Highlight, QColor("#3a3d42"))
    palette.setColor(G.Disabled, R.Base, QColor("#25272b"))
    return palette
