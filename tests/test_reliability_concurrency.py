"""Two programs on one map never lose an acknowledged edit (issue 14, class 4).

Two `import --accept-all` runs start together on one map; each prints what it added. Afterwards every acknowledged node, citation and trend point must be
in the file. CI runs CRUXMAP_WRITER_RUNS pairs (default 6); bench/bench_reliability.py runs 100.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.entities import Citation, Point
from storage.document import MapDocument, StorageError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).with_name("fixtures")
RUNS = int(os.environ.get("CRUXMAP_WRITER_RUNS", "6"))
ARTICLE = (
    "What scaling bought\n\n"
    "Scaling alone will not lead to AGI, because ARC-AGI scores stay low.\n\n"
    "Year Model Train compute (FLOP) Cost (USD) ARC-AGI-1 score\n"
    "2023 GPT-4 ≈6 e24 $45–78 M 7%\n"
    "2025 o3-medium ≈1 e25 $33–40 M 61% on ARC-AGI-1 but ≤2% on ARC-AGI-2\n\n"
    "The stock of human text is about 300 trillion tokens.\n"
)


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True, text=True, cwd=cwd, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    path = folder / "seed.cruxmap"
    r = cli("new", str(path), "--seed")
    assert r.returncode == 0, r.stderr
    (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "other.txt").write_text(ARTICLE.replace("What scaling bought", "Scaling costs"))
    (folder / "trend.csv").write_text(
        "year,value\n2019,1\n2020,2\n2021,4\n2022,8\n", encoding="utf-8"
    )
    (folder / "trend2.csv").write_text("year,value\n2019,5\n2020,6\n", encoding="utf-8")
    return folder


def missing_items(path: Path, acks: list[dict]) -> list[str]:
    """Every acknowledged item that the file does not hold."""
    doc = MapDocument.open(path)
    amap = doc.map
    doc.close()
    lost = []
    for ack in acks:
        added = ack["added"]
        src = added["source"]
        lost += [f"source {src}"] * (src not in amap.sources)
        lost += [f"node {n}" for n in added["nodes"] if n not in amap]
        for nid in set(added["cited"]):
            if nid not in amap or not any(c.source == src for c in amap.node(nid).citations):
                lost.append(f"citation of {nid}")
        note = f"imported from {ack['document']['title']}:"
        for name in {s for s, _ in added["points"]}:
            want = sum(1 for s, _ in added["points"] if s == name)
            have = sum(1 for p in amap.series[name].points if p.note.startswith(note))
            lost += [f"point in {name}"] * (want - have)
    return lost


def run_pair(folder: Path, run: int, second: tuple[str, ...]) -> list[str]:
    path = folder / f"run{run}.cruxmap"
    shutil.copy(folder / "seed.cruxmap", path)
    first = ("import", str(folder / "article.txt"), "--map", path.name, "--accept-all", "--json")
    with ThreadPoolExecutor(2) as pool:
        results = list(pool.map(lambda a: cli(*a, cwd=folder), [first, second]))
    acks = []
    for r in results:
        assert r.returncode in (0, 2), r.stderr  # 2: a clear refusal, nothing acknowledged
        assert "Traceback" not in r.stderr
        if r.returncode == 0:
            acks.append(json.loads(r.stdout))
    assert acks, "both writers refused"
    return missing_items(path, acks)


@pytest.mark.slow
def test_two_cli_imports_lose_no_acknowledged_item(seeded) -> None:
    """Two `import --accept-all` at once (each adds a source, nodes, citations, 5 points)."""
    second = ("import", str(seeded / "other.txt"), "--map", "", "--accept-all", "--json")
    lost = []
    for run in range(RUNS):
        path = f"run{run}.cruxmap"
        lost += run_pair(seeded, run, (*second[:3], path, *second[4:]))
    assert lost == []


@pytest.mark.slow
def test_two_trends_imports_of_one_series_never_overwrite_silently(seeded) -> None:
    """Two `trends import --series s` at once: run one after the other, the second is refused
    ("already has a series"); at once, at most one may say "imported" and the file holds its data."""
    for run in range(RUNS):
        name = f"t{run}.cruxmap"
        shutil.copy(seeded / "seed.cruxmap", seeded / name)
        runs = [("trends", "import", str(seeded / csv), "--map", name, "--date-col", "year",
                 "--value-col", "value", "--series", "s", "--json")
                for csv in ("trend.csv", "trend2.csv")]  # fmt: skip
        with ThreadPoolExecutor(2) as pool:
            results = list(pool.map(lambda a: cli(*a, cwd=seeded), runs))
        acked = [a[2] for a, r in zip(runs, results) if r.returncode == 0]
        assert all(r.returncode in (0, 2) and "Traceback" not in r.stderr for r in results)
        assert len(acked) == 1, [r.stderr for r in results]
        doc = MapDocument.open(seeded / name)
        first = doc.map.series["s"].points[0].value
        doc.close()
        assert first == (1.0 if acked[0].endswith("trend.csv") else 5.0)


# ------------------------------------------------------------ the document, in one process
def _two_docs(tmp_path: Path) -> tuple[MapDocument, MapDocument]:
    path = tmp_path / "m.cruxmap"
    r = cli("new", str(path), "--seed")
    assert r.returncode == 0, r.stderr
    return MapDocument.open(path), MapDocument.open(path)


def test_interleaved_writers_keep_both_edits(tmp_path) -> None:
    """A and B read the map, then both add a point to one series and cite one node."""
    a, b = _two_docs(tmp_path)
    name = next(iter(a.map.series))
    node = next(n for n in a.map.nodes() if n.kind == "claim")
    src = next(iter(a.map.sources))
    for doc, year in ((a, "2030"), (b, "2031")):
        s = doc.map.series[name]
        doc.map.put_series(replace(s, points=(*s.points, Point(year, 1.0))))
    for doc, quote in ((a, "first"), (b, "second")):
        n = doc.map.node(node.id)
        doc.map.replace_node(replace(n, citations=(*n.citations, Citation(src, quote))))
    assert b.map.series[name].points[-2:] == (Point("2030", 1.0), Point("2031", 1.0))
    a.close()
    b.close()
    check = MapDocument.open(tmp_path / "m.cruxmap")
    dates = [p.date for p in check.map.series[name].points]
    quotes = [c.quote for c in check.map.node(node.id).citations]
    check.close()
    assert "2030" in dates and "2031" in dates
    assert "first" in quotes and "second" in quotes


def test_conflicting_edit_is_refused_and_the_model_shows_the_file(tmp_path) -> None:
    a, b = _two_docs(tmp_path)
    node = next(n for n in a.map.nodes() if n.kind == "claim")
    heard: list[str] = []
    b.on_reload.append(heard.append)
    a.map.update_node(node.id, title="A's title")
    with pytest.raises(StorageError, match="changed by another program"):
        b.map.update_node(node.id, title="B's title")
    assert b.map.node(node.id).title == "A's title" and heard
    a.close()
    b.close()


def test_refresh_takes_over_outside_changes(tmp_path) -> None:
    a, b = _two_docs(tmp_path)
    assert not b.refresh()
    a.map.set_meta("title", "changed by A")
    heard: list[str] = []
    b.on_reload.append(heard.append)
    assert b.refresh() and b.map.meta["title"] == "changed by A" and heard
    assert not b.refresh()
    a.close()
    b.close()


# ------------------------------------------------------------------- the app and a CLI
APP_RUNS = int(os.environ.get("CRUXMAP_APP_WRITER_RUNS", "2"))


@pytest.fixture
def window(bare_window):
    return bare_window


@pytest.mark.slow
def test_app_and_cli_lose_no_acknowledged_item(window, seeded, qtbot) -> None:
    """The window adds claims and trend points (undoable edits) while a CLI imports into the
    same map; the app shows the CLI's changes, and the file holds every acknowledged item."""
    from storage.document import StorageError
    from ui.commands.edits import AddNodeCommand, push
    from ui.panels.trends_dock import PutSeriesCommand

    for run in range(APP_RUNS):
        path = seeded / f"app{run}.cruxmap"
        shutil.copy(seeded / "seed.cruxmap", path)
        assert window.open_path(path)
        amap = window.doc.map
        cli_args = ["import", str(seeded / "article.txt"), "--map", str(path), "--accept-all",
                    "--json"]  # fmt: skip
        proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *cli_args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
        nodes, points, i = [], [], 0
        while proc.poll() is None or i < 10:
            i += 1
            if i % 2:
                cmd = AddNodeCommand(amap, "claim", f"app claim {i}", target=amap.thesis.id)
                if push(window.undo_stack, cmd, window):
                    nodes.append(cmd.node_id)
            else:
                s = amap.series["arc_agi_1_pct"]
                point = Point(str(2100 + i), float(i), note="from the app")
                try:
                    window.undo_stack.push(
                        PutSeriesCommand(amap, replace(s, points=(*s.points, point)))
                    )
                    points.append(point)
                except StorageError:
                    pass  # refused with a message: not acknowledged
            qtbot.wait(40)  # the event loop runs the outside-change poll
        out, err = proc.communicate()
        assert proc.returncode == 0 and "Traceback" not in err, err
        qtbot.waitUntil(lambda: not window.check_outside_changes(), timeout=5000)
        ack = json.loads(out)
        assert all(n in amap for n in ack["added"]["nodes"])  # the app shows the CLI's nodes
        # cleared on the reload (queued: a deferred write may have merged the CLI's changes
        # in the last check, so let the event loop run the clear)
        made = len(nodes) + len(points)
        qtbot.waitUntil(lambda made=made: window.undo_stack.count() < made, timeout=2000)
        window.close_map()
        assert missing_items(path, [ack]) == []
        check = MapDocument.open(path)
        lost = [n for n in nodes if n not in check.map]
        lost += [p for p in points if p not in check.map.series["arc_agi_1_pct"].points]
        check.close()
        assert lost == [] and window.warnings == []


# ------------------------------------------------------------------- the merge rule itself
@given(
    base=st.lists(st.integers(0, 4), max_size=8),
    drop=st.lists(st.integers(0, 7), max_size=3),
    ours_add=st.lists(st.integers(0, 6), max_size=4),
    theirs_add=st.lists(st.integers(0, 6), max_size=4),
)
def test_list_merge_is_both_edits_one_after_the_other(base, drop, ours_add, theirs_add) -> None:
    """Whatever the lists, the merge keeps every item either side added and drops only what
    this side removed: the result is what running the two edits one after the other gives."""
    from collections import Counter

    from storage.merge import merge_list

    removed = [base[i] for i in sorted(set(drop)) if i < len(base)]
    ours = list(base)
    for x in removed:
        ours.remove(x)
    ours += ours_add
    theirs = base + theirs_add
    merged = merge_list(base, ours, theirs)
    serial = Counter(base) - Counter(removed) + Counter(ours_add) + Counter(theirs_add)
    assert Counter(merged) == serial
