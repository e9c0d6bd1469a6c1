"""The command line scripts rely on: `info`, `new` and the one-line errors with status 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "main.py", *args], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_new_seed_then_info_json_reports_the_counts_scripts_rely_on(tmp_path: Path) -> None:
    path = tmp_path / "seed.cruxmap"
    assert cli("new", str(path), "--seed").returncode == 0
    info = json.loads(cli("info", str(path), "--json").stdout)
    assert info["nodes"] == sum(info["kinds"].values()) >= 50
    assert info["edges"] == sum(info["relations"].values())
    assert info["kinds"]["thesis"] == 1
    assert info["relations"]["supports"] > 0 and info["relations"]["attacks"] > 0
    assert info["cited_nodes"] >= info["nodes"] - 1  # every claim and evidence is cited
    assert info["sources"] >= 5


def test_new_empty_map_has_one_thesis_and_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "empty.cruxmap"
    assert cli("new", str(path)).returncode == 0
    info = json.loads(cli("info", str(path), "--json").stdout)
    assert info["nodes"] == 1 and info["kinds"]["thesis"] == 1
    before = path.read_bytes()
    again = cli("new", str(path))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert path.read_bytes() == before


def test_credence_json_is_deterministic(tmp_path: Path) -> None:
    path = tmp_path / "seed.cruxmap"
    cli("new", str(path), "--seed")
    first, second = (cli("credence", str(path), "--json").stdout for _ in range(2))
    assert first == second
    data = json.loads(first)
    assert set(data["scenarios"]) >= {"My view", "Dwarkesh Patel (2023)", "AI Snake Oil (2024)"}


def test_errors_are_one_line_with_status_2(tmp_path: Path) -> None:
    junk = tmp_path / "junk.cruxmap"
    junk.write_text("hello")
    for args in (("info", str(tmp_path / "missing.cruxmap")), ("info", str(junk)),
                 ("info",), ("bogus", "a", "b"), ("credence", str(junk), "--json")):  # fmt: skip
        result = cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr


def test_output_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    path = tmp_path / "seed.cruxmap"
    cli("new", str(path), "--seed")
    proc = subprocess.Popen(
        [sys.executable, "main.py", "info", str(path), "--json"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    proc.stdout.close()  # the reader is gone before the output comes, as after `head -1`
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in proc.stderr.read()
