"""Open a link from untrusted content only after asking, and only if it is http, https or mailto.

Report previews, imported articles and source panels all show text that came from outside;
a link there may point at a local file, a custom scheme handler or a phishing page. This is
the one place that decides, so every panel behaves the same.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})


def is_safe_link(url: QUrl | str) -> bool:
    """True for a valid absolute http/https/mailto URL."""
    url = QUrl(url) if isinstance(url, str) else url
    return url.isValid() and url.scheme().lower() in SAFE_SCHEMES and bool(url.path() or url.host())


def ask_and_open(parent: QWidget | None, url: QUrl | str, ask: bool = True) -> bool:
    """Ask the user, then open the URL in the system browser/mail client; True if opened.

    Anything that is not http/https/mailto is refused with a message and never opened."""
    url = QUrl(url) if isinstance(url, str) else url
    shown = url.toDisplayString()
    if not is_safe_link(url):
        QMessageBox.information(
            parent, "Link not opened",
            f"Cruxmap only opens web and mail links.\n\n{shown[:300]}",
        )  # fmt: skip
        return False
    if ask:
        answer = QMessageBox.question(
            parent, "Open link?", f"Open this link outside Cruxmap?\n\n{shown[:300]}",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Open:
            return False
    return QDesktopServices.openUrl(url)
