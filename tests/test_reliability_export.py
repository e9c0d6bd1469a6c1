"""Export never destroys (issue 14, class 6): not the map it reads, not any other map, not a
device or FIFO; report pictures never replace a file; a failed export leaves nothing behind."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.document import MapDocument
from storage.safe_paths import UnsafePathError, write_atomic
from storage.seedmap import load_seed

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def seed(tmp_path) -> Path:
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, load_seed()).close()
    return path


@pytest.mark.parametrize("fmt", ["json", "md", "html", "csv"])
def test_export_over_the_map_it_reads_is_refused(seed, fmt) -> None:
    before = digest(seed)
    r = cli("export", str(seed), "-f", fmt, "-o", str(seed))
    assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
    assert "map" in r.stderr and digest(seed) == before
    MapDocument.open(seed).close()


def test_export_over_another_map_is_refused(seed, tmp_path) -> None:
    other = tmp_path / "other.cruxmap"
    MapDocument.create(other, load_seed()).close()
    before = digest(other)
    r = cli("export", str(seed), "-f", "argdown", "-o", str(other))
    assert r.returncode == 2 and "Cruxmap map" in r.stderr, r.stderr
    assert digest(other) == before


def test_export_never_replaces_a_fifo(seed, tmp_path) -> None:
    fifo = tmp_path / "out.json"
    os.mkfifo(fifo)
    r = cli("export", str(seed), "-f", "json", "-o", str(fifo))
    assert r.returncode == 2 and "not a regular file" in r.stderr, r.stderr
    assert fifo.is_fifo()


def test_writes_never_go_over_an_open_map_or_a_device(seed) -> None:
    doc = MapDocument.open(seed)
    try:
        with pytest.raises(UnsafePathError, match="map"):
            write_atomic(seed, b"x")
    finally:
        doc.close()
    with pytest.raises(UnsafePathError, match="not a regular file"):
        write_atomic("/dev/null", b"x")
    assert Path("/dev/null").is_char_device()


def test_report_pictures_never_replace_existing_files(seed, tmp_path) -> None:
    """A folder of the user's that bears the picture folder's name (here holding a map called
    map.png and a picture of their own) survives, as does a file named report-2_files: the
    pictures go to report-3_files."""
    theirs = tmp_path / "report_files"
    theirs.mkdir()
    squatter = theirs / "map.png"
    MapDocument.create(squatter, load_seed()).close()
    before = digest(squatter)
    mine = theirs / "tornado.png"
    mine.write_bytes(b"my own picture")
    (tmp_path / "report-2_files").write_bytes(b"a file, not a folder")
    r = cli("export", str(seed), "-f", "md", "-o", str(tmp_path / "report.md"))
    assert r.returncode == 0, r.stderr
    assert digest(squatter) == before and mine.read_bytes() == b"my own picture"
    text = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "](report-3_files/map.png)" in text and (tmp_path / "report-3_files/map.png").exists()
    assert "report-3_files" in r.stdout, "the CLI says where the pictures went"


def test_exporting_a_report_again_replaces_its_own_pictures_and_no_others(tmp_path) -> None:
    """Export twice to one file: one report's pictures, not two sets (report-2_files); a
    picture the new report no longer has goes; a file the report never linked stays."""
    from ui.export.report_images import export_report

    amap = load_seed()
    out = tmp_path / "report.md"
    files = tmp_path / "report_files"
    first = {p.name for p in export_report(amap, out)}
    mine = files / "notes.png"
    mine.write_bytes(b"my own picture")
    assert {p.name for p in export_report(amap, out)} == first
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md", "report_files"]
    trend = next(n for n in first if n.startswith("trend-"))
    amap.remove_series(trend.removeprefix("trend-").removesuffix(".png"))
    again = {p.name for p in export_report(amap, out)}
    assert trend not in again and not (files / trend).exists(), "a stale picture stayed"
    assert mine.read_bytes() == b"my own picture"
    assert {p.name for p in files.iterdir()} == (again - {"report.md"}) | {"notes.png"}
    mine.unlink()
    export_report(amap, out, embed=True)  # no pictures any more: the folder goes too
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]


def test_re_exporting_a_report_of_the_old_layout_tidies_its_loose_pictures(tmp_path) -> None:
    """A report saved before the picture folder linked report-map.png etc. beside itself:
    exporting over it moves its pictures into report_files and leaves no loose copies."""
    from ui.export.report_images import export_report

    amap = load_seed()
    out = tmp_path / "report.md"
    (tmp_path / "report-map.png").write_bytes(b"old map")
    (tmp_path / "report-notes.png").write_bytes(b"not linked: not the report's")
    out.write_text("# Old\n\n![The argument map](report-map.png)\n", encoding="utf-8")
    export_report(amap, out)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report-notes.png",
        "report.md",
        "report_files",
    ]


def test_a_failed_report_export_leaves_nothing_behind(seed, tmp_path, monkeypatch) -> None:
    from ui.export import report_images

    real = report_images.write_atomic
    calls = []

    def failing(path, data):  # noqa: ANN001, ANN202
        calls.append(path)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(report_images, "write_atomic", failing)
    doc = MapDocument.open(seed)
    try:
        with pytest.raises(OSError):
            report_images.export_report(doc.map, tmp_path / "r.md", "md")
    finally:
        doc.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.cruxmap"]
