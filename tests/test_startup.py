"""Start-up: each command imports only what it needs, and a desktop without the xcb libraries
gets a one-line answer instead of Qt's abort.

The import graph is checked in fresh subprocesses (what a person launches), by the modules
present in `sys.modules` when the command is done. Timings live in bench/bench_startup.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.document import MapDocument
from storage.seedmap import load_seed
from ui.platform_check import XCB_LIBRARIES, missing_platform_libraries, no_display, uses_xcb

ROOT = Path(__file__).resolve().parent.parent
HEAVY_GUI = ("PySide6", "pyqtgraph", "sklearn", "scipy", "trafilatura", "pypdf")


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("startup") / "seed.cruxmap"
    MapDocument.create(path, load_seed()).close()
    return path


def modules_after(argv: list[str], env: dict[str, str] | None = None) -> tuple[set[str], str]:
    """Run `main.py argv` in a fresh interpreter; the top-level packages it imported."""
    code = (
        "import sys, json, runpy\n"
        f"sys.argv = ['main.py'] + {argv!r}\n"
        "try:\n"
        "    runpy.run_path('main.py', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        "sys.stdout.flush()\n"
        "sys.stderr.write('\\nMODULES ' + json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, **(env or {})},
    )  # fmt: skip
    line = run.stderr.rsplit("MODULES ", 1)[-1]
    return set(json.loads(line)), run.stdout


@pytest.mark.parametrize(
    ("argv", "forbidden"),
    [
        (["info", "{map}", "--json"], HEAVY_GUI + ("numpy", "sqlite_utils")),
        (["credence", "{map}"], HEAVY_GUI + ("sqlite_utils",)),
        (["trends", "list", "{map}"], HEAVY_GUI + ("sqlite_utils",)),
        (["--help"], HEAVY_GUI + ("numpy", "networkx", "sqlite_utils", "yaml")),
    ],
)
def test_commands_import_only_what_they_use(seed_file, argv, forbidden):
    argv = [a.replace("{map}", str(seed_file)) for a in argv]
    loaded, out = modules_after(argv)
    assert out.strip(), "the command printed nothing"
    assert not loaded & set(forbidden), sorted(loaded & set(forbidden))


def test_info_still_reads_the_whole_map(seed_file):
    _, out = modules_after(["info", str(seed_file), "--json"])
    counts = json.loads(out)
    assert counts["nodes"] > 100 and counts["edges"] > 100 and counts["sources"] > 10


def test_xcb_check_names_the_missing_packages():
    missing = {"libxcb-cursor.so.0", "libxcb-icccm.so.4"}
    msg = missing_platform_libraries({}, loads=lambda lib: lib not in missing)
    assert msg is not None and "\n" not in msg
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in msg
    assert missing_platform_libraries({}, loads=lambda lib: True) is None


def test_xcb_check_only_when_qt_would_use_xcb():
    never = lambda lib: False  # noqa: E731 - every library missing
    for env in ({"QT_QPA_PLATFORM": "offscreen"}, {"QT_QPA_PLATFORM": "wayland"},
                {"WAYLAND_DISPLAY": "wayland-0"}):  # fmt: skip
        assert missing_platform_libraries(env, loads=never) is None
    if sys.platform.startswith("linux"):
        assert uses_xcb({}) and uses_xcb({"QT_QPA_PLATFORM": "xcb"})
        assert missing_platform_libraries({"QT_QPA_PLATFORM": "xcb"}, loads=never) is not None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the xcb plugin is Linux's")
def test_the_app_says_which_packages_to_install_instead_of_aborting(seed_file):
    """A desktop without libxcb-cursor0: one line naming the package, exit 1, no Qt loaded."""
    code = (
        "import ctypes, sys\n"
        "real = ctypes.CDLL\n"
        "def fake(name, *a, **k):\n"
        "    if name == 'libxcb-cursor.so.0':\n"
        "        raise OSError(name + ': cannot open shared object file')\n"
        "    return real(name, *a, **k)\n"
        "ctypes.CDLL = fake\n"
        f"sys.argv = ['main.py', {str(seed_file)!r}]\n"
        "import main\n"
        "code = main.main()\n"
        "print('QT' if 'PySide6.QtWidgets' in sys.modules else 'NOQT')\n"
        "sys.exit(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, env=env)  # fmt: skip
    assert run.returncode == 1
    assert run.stdout.strip() == "NOQT"
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "libxcb-cursor0" in lines[0] and "apt install" in lines[0]


def test_every_xcb_library_has_a_package_name():
    assert all(lib.startswith("lib") and ".so." in lib for lib in XCB_LIBRARIES)
    assert all(pkg and " " not in pkg for pkg in XCB_LIBRARIES.values())


def test_the_window_draws_its_first_frame_without_the_heavy_libraries(seed_file):
    """scipy, sklearn, pyqtgraph, the article readers and sqlite-utils load after the map is
    on screen (charts, fits, imports, the first edit), never before its first frame."""
    loaded, out = modules_after(
        [str(seed_file)], env={"QT_QPA_PLATFORM": "offscreen", "CRUXMAP_BENCH_FIRST_FRAME": "1",
                               "HOME": str(seed_file.parent)},
    )  # fmt: skip
    assert out.startswith("first-frame"), out
    assert "PySide6" in loaded and "networkx" in loaded
    heavy = {"scipy", "sklearn", "pyqtgraph", "trafilatura", "pypdf", "sqlite_utils"}
    assert not loaded & heavy, sorted(loaded & heavy)


def test_no_display_is_one_line_not_a_qt_abort():
    if sys.platform.startswith("linux"):
        msg = no_display({})
        assert msg is not None and "\n" not in msg and "DISPLAY" in msg
    assert no_display({"DISPLAY": ":0"}) is None
    assert no_display({"QT_QPA_PLATFORM": "offscreen"}) is None
