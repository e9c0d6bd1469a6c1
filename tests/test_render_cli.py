"""`render`: the map picture from the command line, as SVG or PNG, whole or one branch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from PySide6.QtGui import QImage

from storage.document import MapDocument
from storage.seedmap import load_seed

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return subprocess.run([sys.executable, "main.py", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=180, env=env)  # fmt: skip


@pytest.fixture(scope="module")
def seed(tmp_path_factory) -> tuple[Path, str, str]:
    """The seed map, a small branch's root and one of its reasons."""
    path = tmp_path_factory.mktemp("render") / "seed.cruxmap"
    amap = load_seed()
    MapDocument.create(path, amap).close()
    graph = amap.graph
    root = next(n for n in sorted(graph) if 2 <= len(nx.ancestors(graph, n)) <= 6)
    return path, root, next(iter(graph.predecessors(root)))


def test_svg_of_the_whole_map_has_every_title_as_text(seed, tmp_path):
    path, _, _ = seed
    out = tmp_path / "map.svg"
    result = cli("render", str(path), "-o", str(out))
    assert result.returncode == 0 and result.stdout.strip() == f"wrote {out}"
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    assert "Scaling" in svg or "scaling" in svg  # titles are text, not pixels


def test_png_focus_draws_one_branch_smaller_than_the_whole(seed, tmp_path):
    path, root, _ = seed
    whole, branch = tmp_path / "whole.png", tmp_path / "branch.png"
    assert cli("render", str(path), "-o", str(whole)).returncode == 0
    assert cli("render", str(path), "-o", str(branch), "--focus", root).returncode == 0
    a, b = QImage(str(whole)), QImage(str(branch))
    assert not a.isNull() and not b.isNull()
    assert b.width() * b.height() < a.width() * a.height() / 4


def test_bad_requests_are_one_line_errors_and_write_nothing(seed, tmp_path):
    path, _, _ = seed
    for args in (("-o", str(tmp_path / "map.gif")),
                 ("-o", str(tmp_path / "map.png"), "--focus", "no-such-node"),
                 ("-o", str(tmp_path / "nofolder" / "map.svg"))):  # fmt: skip
        result = cli("render", str(path), *args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []
