"""`main.py import` and `main.py eval-import` end to end, on our own articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from test_import_support import FIXTURES

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def new_map(tmp_path: Path) -> str:
    path = str(tmp_path / "m.cruxmap")
    r = cli("new", path, "--seed")
    assert r.returncode == 0, r.stderr
    return path


def test_import_json_and_accept_all(tmp_path) -> None:
    m = new_map(tmp_path)
    before = json.loads(cli("info", m, "--json").stdout)
    r = cli("import", str(FIXTURES / "compute_wall.html"), "--map", m, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    text = data["document"]["text"]
    assert data["document"]["title"] == "The Compute Wall Is Closer Than You Think"
    assert data["proposals"] and data["trend_facts"]
    for p in data["proposals"]:
        assert text[p["start"] : p["end"]] == p["quote"]
        assert p["relation"] in ("supports", "attacks", "duplicate")
    assert json.loads(cli("info", m, "--json").stdout) == before  # proposing changes nothing
    r = cli("import", str(FIXTURES / "compute_wall.html"), "--map", m, "--accept-all", "--json")
    assert r.returncode == 0, r.stderr
    added = json.loads(r.stdout)["added"]
    after = json.loads(cli("info", m, "--json").stdout)
    assert after["sources"] == before["sources"] + 1
    assert after["nodes"] == before["nodes"] + len(added["nodes"])


def test_import_text_output(tmp_path) -> None:
    r = cli("import", str(FIXTURES / "plain_debate.txt"), "--map", new_map(tmp_path))
    assert r.returncode == 0 and "proposed claims" in r.stdout


def test_import_errors_are_one_line(tmp_path) -> None:
    m = new_map(tmp_path)
    bad = tmp_path / "x.html"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
    for args in (
        ("import", str(bad), "--map", m),
        ("import", "/nope.txt", "--map", m),
        ("import", str(FIXTURES / "plain_debate.txt"), "--map", str(tmp_path / "no.cruxmap")),
        ("eval-import", str(tmp_path)),
    ):
        r = cli(*args)
        assert r.returncode == 2, args
        assert r.stderr.count("\n") == 1 and "Traceback" not in r.stderr


def test_eval_import_on_own_corpus(tmp_path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    src = (FIXTURES / "plain_debate.txt").read_text()
    (tmp_path / "articles" / "a1.txt").write_text(src)
    gold = {
        "article": "articles/a1.txt",
        "title": "Does More Compute Buy General Intelligence?",
        "author": "Ana Ruiz",
        "stance_overall": "con",
        "claims": [
            {
                "id": "c1",
                "quote": "scale is necessary but not sufficient",
                "paraphrase": "",
                "stance": "con",
                "importance": 3,
            },
            {
                "id": "c2",
                "quote": "memorisation is not understanding",
                "paraphrase": "",
                "stance": "con",
                "importance": 2,
            },
        ],
        "trend_facts": [
            {
                "quote": "about 50 GWh",
                "quantity": "energy",
                "value": 50,
                "unit": "gwh",
                "year": None,
                "label": "training run",
            }
        ],
        "boilerplate_samples": ["Leave a Reply", "Originally published by The Tinker Bulletin"],
    }
    (tmp_path / "gold" / "a1.json").write_text(json.dumps(gold))
    r = cli("eval-import", str(tmp_path), "--json")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    overall = out["overall"]
    assert overall["boilerplate_leakage"] == 0.0
    assert overall["trend_fact_recall"] == 1.0
    assert overall["recall_imp2"] >= 0.5 and overall["stance_accuracy"] == 1.0
    assert 0 < overall["precision"] <= 1
    r = cli("eval-import", str(tmp_path))
    assert r.returncode == 0 and "overall" in r.stdout
    head, *_rows, last = r.stdout.strip().splitlines()
    columns = [c.strip() for c in head.split("|")]
    values = dict(zip(columns, (c.strip() for c in last.split("|")), strict=True))
    assert values["con"] == "1.000" and values["pro"] == "—", "per-side stance (con gold only)"


def test_accept_all_adds_trend_points(tmp_path) -> None:
    """--accept-all adds the facts that fit a series and have a year; JSON names each series."""
    from storage.document import MapDocument

    m = new_map(tmp_path)
    art = tmp_path / "table.txt"
    art.write_text(
        "What scaling bought\n\n"
        "Scaling alone will not lead to AGI, because ARC-AGI scores stay low.\n\n"
        "Year Model Train compute (FLOP) Cost (USD) ARC-AGI-1 score\n"
        "2023 GPT-4 ≈6 e24 $45–78 M 7%\n"
        "2025 o3-medium ≈1 e25 $33–40 M 61% on ARC-AGI-1 but ≤2% on ARC-AGI-2\n\n"
        "The stock of human text is about 300 trillion tokens.\n",
        encoding="utf-8",
    )
    doc = MapDocument.open(m)
    before = {name: s.points for name, s in doc.map.series.items()}
    doc.close()
    r = cli("import", str(art), "--map", m, "--accept-all", "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    series = {f["quote"]: f["series"] for f in data["trend_facts"]}
    assert series["7%"] == series["61%"] == "arc_agi_1_pct"
    assert series["2%"] == "arc_agi_2_pct" and series["$45–78 M"] == "train_cost_usd"
    assert series["6 e24"] is None  # no unit in the cell: left to the user
    added = data["added"]["points"]
    assert len(added) == 5  # the 300T tokens have no year, the bare exponents no series
    doc = MapDocument.open(m)
    try:
        for name, index in added:
            point = doc.map.series[name].points[index]
            assert point not in before[name] and point.note.startswith("imported from")
        assert sum(len(s.points) for s in doc.map.series.values()) == sum(
            len(p) for p in before.values()
        ) + len(added)
    finally:
        doc.close()
