"""Paths mean what the user typed (issue 14, class 5): a relative path given to a command is
read from the user's working directory, never from the folder Cruxmap is installed in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from storage.document import MapDocument

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


def test_import_reads_the_relative_file_in_the_users_folder(tmp_path) -> None:
    """`cd elsewhere && cruxmap import README.md` imports elsewhere/README.md, not Cruxmap's."""
    assert (ROOT / "README.md").exists()
    (tmp_path / "README.md").write_text(
        "# Walls ahead\n\nScaling alone will not lead to AGI, because benchmark scores stall "
        "while compute doubles every six months.\n",
        encoding="utf-8",
    )
    assert cli("new", "m.cruxmap", "--seed", cwd=tmp_path).returncode == 0
    r = cli("import", "README.md", "--map", "m.cruxmap", "--accept-all", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Walls ahead"), r.stdout.splitlines()[:1]
    doc = MapDocument.open(tmp_path / "m.cruxmap")
    texts = [s.text for s in doc.map.sources.values()]
    doc.close()
    assert any("benchmark scores stall" in t for t in texts)


def test_trends_import_reads_a_relative_csv_in_the_users_folder(tmp_path) -> None:
    (tmp_path / "t.csv").write_text("year,value\n2020,1\n2021,3\n", encoding="utf-8")
    assert cli("new", "m.cruxmap", cwd=tmp_path).returncode == 0
    r = cli("trends", "import", "t.csv", "--map", "m.cruxmap", "--series", "s",
            "--date-col", "year", "--value-col", "value", cwd=tmp_path)  # fmt: skip
    assert r.returncode == 0, r.stderr
    doc = MapDocument.open(tmp_path / "m.cruxmap")
    values = [p.value for p in doc.map.series["s"].points]
    doc.close()
    assert values == [1.0, 3.0]


def test_a_missing_relative_file_is_named_as_typed(tmp_path) -> None:
    assert cli("new", "m.cruxmap", cwd=tmp_path).returncode == 0
    r = cli("import", "nope.md", "--map", "m.cruxmap", cwd=tmp_path)
    assert r.returncode == 2 and "nope.md" in r.stderr and "Traceback" not in r.stderr
