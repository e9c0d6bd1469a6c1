"""RELIABILITY.md promises, checked: kill -9 never corrupts or loses an acknowledged edit, and
mutated files are refused with a specific message, untouched. Heavier runs: bench/reliability.py."""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from reliability_worker import base_map, replay

from storage.document import DocumentError, MapDocument

WORKER = Path(__file__).with_name("reliability_worker.py")
KILLS = int(os.environ.get("CRUXMAP_KILLS", "200"))
MUTATIONS = int(os.environ.get("CRUXMAP_MUTATIONS", "500"))


def kill_once(path: Path, seed: int, deferred: bool = False) -> tuple[int, int]:
    """Run the worker on `path`, kill -9 it at a random moment; return (acked, edits on disk)."""
    rng = random.Random(seed)
    proc = subprocess.Popen(
        [sys.executable, str(WORKER), str(path), "100000"] + (["--deferred"] if deferred else []),
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    acked = 0
    deadline = time.monotonic() + rng.uniform(0.0, 0.08)
    while not acked:  # wait until an edit is written, then kill at a random moment
        first = proc.stdout.readline()
        if not first.startswith("ack"):
            break
        acked = int(first.split()[1])
    while time.monotonic() < deadline:
        time.sleep(0.001)
    proc.kill()
    rest, _ = proc.communicate()
    for line in rest.splitlines():
        if line.startswith("ack"):
            acked = int(line.split()[1])
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    return acked, 0


def check_after_kill(path: Path, acked: int) -> int:
    doc = MapDocument.open(path)  # recovers a hot journal if the kill left one
    on_disk = int(doc.map.meta["edits"])
    assert on_disk in (acked, acked + 1), f"acked {acked}, file has {on_disk}"
    assert doc.map == replay(on_disk), "the file holds a partial edit"
    doc.close()
    return on_disk


@pytest.mark.slow
def test_kill_9_never_corrupts_or_loses_an_acknowledged_edit(tmp_path: Path) -> None:
    def one(i: int) -> int:
        path = tmp_path / f"m{i % 2}-{i}.cruxmap"
        if not path.exists():
            MapDocument.create(path, base_map()).close()
        acked, _ = kill_once(path, i)
        return check_after_kill(path, acked)

    with ThreadPoolExecutor(2) as pool:
        edits = list(pool.map(one, range(KILLS)))
    assert sum(edits) > 0  # the kills landed while edits were being made


@pytest.mark.slow
def test_kill_9_with_writes_deferred_to_after_the_frame_loses_no_written_edit(tmp_path) -> None:
    """The window writes each edit after its frame (MapDocument.defer_writes); a kill then
    still leaves whole edits only: those written, or one more, never a mix of two."""

    def one(i: int) -> int:
        path = tmp_path / f"d{i % 2}-{i}.cruxmap"
        if not path.exists():
            MapDocument.create(path, base_map()).close()
        acked, _ = kill_once(path, 10_000 + i, deferred=True)
        return check_after_kill(path, acked)

    with ThreadPoolExecutor(2) as pool:
        edits = list(pool.map(one, range(max(20, KILLS // 4))))
    assert sum(edits) > 0


def _mutants(data: bytes, rng: random.Random) -> bytes:
    kind = rng.randrange(6)
    b = bytearray(data)
    if kind == 0:  # flip bytes anywhere
        for _ in range(rng.randint(1, 8)):
            b[rng.randrange(len(b))] ^= 1 << rng.randrange(8)
    elif kind == 1:  # flip bytes in the header or first page
        for _ in range(rng.randint(1, 4)):
            b[rng.randrange(min(len(b), 4096))] = rng.randrange(256)
    elif kind == 2:  # truncate
        b = b[: rng.randrange(len(b))]
    elif kind == 3:  # random bytes of a plausible size
        b = bytearray(rng.randbytes(rng.randint(0, 9000)))
    elif kind == 4:  # overwrite a page with noise
        page = rng.randrange(max(1, len(b) // 4096))
        b[page * 4096 : page * 4096 + 4096] = rng.randbytes(4096)
    else:  # zero a run
        start = rng.randrange(len(b))
        b[start : start + rng.randint(1, 2000)] = bytes(min(len(b) - start, rng.randint(1, 2000)))
    return bytes(b)


@pytest.mark.slow
def test_mutated_maps_are_refused_with_a_message_and_never_modified(tmp_path: Path) -> None:
    amap = replay(60)
    source = tmp_path / "source.cruxmap"
    MapDocument.create(source, amap).close()
    data = source.read_bytes()
    rng = random.Random(1234)
    refused = opened = 0
    for i in range(MUTATIONS):
        path = tmp_path / f"mut{i}.cruxmap"
        path.write_bytes(_mutants(data, rng))
        before = hashlib.sha256(path.read_bytes()).digest()
        try:
            doc = MapDocument.open(path)
        except DocumentError as exc:
            message = str(exc)
            assert path.name in message and len(message) > len(path.name) + 10
            refused += 1
        else:
            doc.close()
            opened += 1
        assert hashlib.sha256(path.read_bytes()).digest() == before, f"mutant {i} was modified"
        path.unlink()
    assert refused > MUTATIONS // 2
