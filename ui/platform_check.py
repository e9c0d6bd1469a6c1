"""Before Qt starts: can its X11 (xcb) platform plugin load, and the modules to import first.

Since Qt 6.5 the xcb plugin links libxcb-cursor0 and a few other xcb libraries that a stock
Ubuntu desktop lacks. Without them Qt aborts with a long plugin message; we check first and
name the packages in one line instead. No Qt import here: this runs before QApplication.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import sys
from collections.abc import Callable

#: The libraries the xcb plugin links beyond a basic X11 desktop, with the Debian/Ubuntu
#: package that provides each (read from `ldd` of PySide6's libQt6XcbQpa.so.6).
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-util.so.1": "libxcb-util1",
}


def _loads(soname: str) -> bool:
    try:
        ctypes.CDLL(soname)
    except OSError:
        return False
    return True


def uses_xcb(env: dict[str, str] | os._Environ[str] = os.environ) -> bool:
    """Whether Qt will try the xcb plugin: on Linux, unless told or able to use another one."""
    if not sys.platform.startswith("linux"):
        return False
    platform = env.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0].split(";")[0] == "xcb"
    return not env.get("WAYLAND_DISPLAY")  # Qt 6 picks Wayland first in a Wayland session


def no_display(env: dict[str, str] | os._Environ[str] = os.environ) -> str | None:
    """A one-line message when Qt would look for an X display and none is set, else None."""
    if not uses_xcb(env) or env.get("DISPLAY"):
        return None
    return (
        "no display to open the window on (DISPLAY is not set); the commands work without "
        "one: see `cruxmap --help`"
    )


def missing_platform_libraries(
    env: dict[str, str] | os._Environ[str] = os.environ,
    loads: Callable[[str], bool] = _loads,
) -> str | None:
    """A one-line message naming the packages to install, or None when the window can start."""
    if not uses_xcb(env):
        return None
    missing = [pkg for lib, pkg in XCB_LIBRARIES.items() if not loads(lib)]
    if not missing:
        return None
    return (
        "the window needs system libraries this machine lacks; install them with "
        f"`sudo apt install {' '.join(missing)}` (Debian/Ubuntu package names) and start again"
    )


#: Non-Qt modules the window needs, imported before PySide6: once PySide6 is loaded, shiboken
#: reads the source of every Python module imported after it (PYSIDE-2029), which made numpy's
#: and networkx's ~700 modules cost ~0.2 s more at start-up.
PRELOAD_BEFORE_QT = (
    "numpy",
    "networkx",
    "storage.document",
    "storage.interchange",
    "model.credence.engine",
    "model.credence.explain",
    "model.layout",
    "model.search",
    "model.trends",
)


def preload_before_qt() -> None:
    """Import the window's non-Qt modules while PySide6 is not loaded yet (see above)."""
    for name in PRELOAD_BEFORE_QT:
        importlib.import_module(name)
