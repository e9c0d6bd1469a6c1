"""Applies a deterministic script of real edits to a map, printing "ack N" after each commit.

Used by the kill -9 test (tests/test_reliability.py) and its heavier run in bench/: the parent
kills this process at random moments and replays the same script to know what must be on disk.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from model.argmap import ArgumentMap  # noqa: E402
from model.entities import Scenario  # noqa: E402
from storage.document import MapDocument  # noqa: E402

STAMP = "2026-01-01T00:00:00+00:00"


def base_map() -> ArgumentMap:
    amap = ArgumentMap()
    amap.add_node("thesis", "Thesis", node_id="t", created=STAMP, modified=STAMP)
    amap.put_scenario(Scenario("Mine"))
    amap.set_meta("edits", "0")
    return amap


def apply_edit(amap: ArgumentMap, k: int) -> None:
    """Edit number k: one batch touching several tables, as real user edits do."""
    rng = random.Random(k)
    claims = [n.id for n in amap.nodes() if n.kind != "thesis"]
    with amap.batch(f"edit {k}"):
        choice = rng.random()
        if choice < 0.5 or len(claims) < 3:
            nid = f"n{k}"
            target = rng.choice(claims + ["t"])
            amap.add_node("claim", f"Claim {k} " + "words " * rng.randint(0, 200), node_id=nid,
                          created=STAMP, modified=STAMP, tags=("k",))  # fmt: skip
            amap.link(nid, target, rng.choice(["supports", "attacks"]), rng.uniform(1, 20))
        elif choice < 0.75:
            amap.update_node(rng.choice(claims), title=f"Retitled at {k}", modified=STAMP)
        elif choice < 0.9:
            amap.remove_node(rng.choice(claims))
        else:
            amap.set_prior(rng.choice(claims), rng.random(), "Mine")
        amap.set_meta("edits", str(k + 1))


def replay(count: int) -> ArgumentMap:
    amap = base_map()
    for k in range(count):
        apply_edit(amap, k)
    return amap


def main(path: str, count: int, deferred: bool = False) -> None:
    """`deferred`: write as the window does (`MapDocument.defer_writes`): an edit is written
    by an explicit flush (after its frame) on every other edit, otherwise when the next edit
    begins; "ack N" is printed once N edits are written."""
    doc = MapDocument.open(path)
    if deferred:
        doc.defer_writes(lambda: None)
    start = int(doc.map.meta["edits"])
    for k in range(start, count):
        apply_edit(doc.map, k)
        if not deferred:
            print(f"ack {k + 1}", flush=True)
        elif k % 2:
            print(f"ack {k}", flush=True)  # beginning edit k wrote edit k - 1
            doc.flush()
            print(f"ack {k + 1}", flush=True)
        else:
            print(f"ack {k}", flush=True)  # edit k waits; beginning it wrote edit k - 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), "--deferred" in sys.argv[3:])
