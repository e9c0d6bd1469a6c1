"""Reading trend CSVs as they come, the shipped dataset, and the `trends` commands."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from main import main
from model.argmap import ArgumentMap
from storage.document import MapDocument
from storage.trenddata import (
    DEFAULT_CSV,
    TrendDataError,
    default_series,
    import_csv,
    read_table,
    series_from_table,
)

FIXTURE = Path(__file__).parent / "fixtures" / "epoch_sample.csv"
EPOCH_FULL = Path("/work/shared/data/external/epoch_notable_ai_models_2025-05.csv")
EPOCH_MAP = {"date": "Publication date", "value": "Training compute (FLOP)", "label": "Model"}


# ------------------------------------------------------------------ the shipped dataset
def test_default_dataset_has_a_source_on_every_row():
    with DEFAULT_CSV.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 202
    assert all(r["source"].strip() for r in rows)


def test_default_series_are_titled_and_reference_rows_are_not_data():
    series = {s.name: s for s in default_series()}
    assert {"train_compute_flop", "train_cost_usd", "arc_agi_1_pct", "arc_agi_2_pct",
            "dataset_tokens", "text_stock_tokens"} <= set(series)  # fmt: skip
    for s in series.values():
        assert s.title and s.unit and s.source and s.note, s.name
    compute = series["train_compute_flop"]
    assert all(p.value < 1e30 for p in compute.points)  # 1e35 is a level, not a model
    assert series["train_compute_flop.ref"].kind == "reference"
    assert series["train_compute_flop.ref"].points[0].value == 1e35
    assert all("x per year" not in s.unit for s in series.values() if s.kind == "data")
    assert series["text_stock_tokens"].kind == "reference"
    energy_units = {s.unit for n, s in series.items() if n.startswith("energy")}
    assert energy_units == {"MW", "MWh", "tCO2e", "TWh per year"}  # split by unit


# ------------------------------------------------------------------ reading real CSVs
def test_epoch_fixture_reads_with_counts_and_reasons():
    result = import_csv(FIXTURE, EPOCH_MAP, "epoch")
    assert result.rows_read == 8 and len(result.rejected) == 4
    assert all("empty" in r.reason and "Training compute" in r.reason for r in result.rejected)
    gpt4 = next(p for p in result.series.points if p.label == "GPT-4")
    assert gpt4.value == pytest.approx(2.1e25) and gpt4.date == "2023-03-15"
    # a quoted field with line breaks did not shift the following rows' line numbers
    lines = [r.line for r in result.rejected]
    text = FIXTURE.read_text(encoding="utf-8").split("\n")
    assert all(text[n - 1].split(",")[0] for n in lines)


def test_guessed_columns_read_the_fixture_too():
    assert import_csv(FIXTURE, None, "epoch").rows_read == 8


@pytest.mark.skipif(not EPOCH_FULL.exists(), reason="shared Epoch data not present")
def test_full_epoch_file_every_row_accounted_for():
    table = read_table(EPOCH_FULL)
    result = series_from_table(table, EPOCH_MAP, "epoch")
    assert result.rows_read + len(result.rejected) == 954
    assert result.rows_read == 483


def test_aliases_delimiters_separators_and_quoted_breaks(tmp_path):
    f = tmp_path / "old.csv"
    f.write_text('System;Publication date;Training compute (FLOP);Notes\n'
                 '"Old, model";2019-02-14;"1,920,000,000,000,000,000,000";"two\nlines"\n'
                 'New;2020-05;3.14E+23;\n', encoding="utf-8")  # fmt: skip
    result = import_csv(f, None, "old")
    assert [p.label for p in result.series.points] == ["Old, model", "New"]
    assert result.series.points[0].value == 1.92e21 and result.rejected == []


# ------------------------------------------------------------------ malformed files
def _bad(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


@pytest.mark.parametrize(("name", "data", "message"), [
    ("binary.csv", bytes(range(256)) * 40, "binary"),
    ("png.csv", b"\x89PNG\r\n\x1a\n" + b"\x00\x01" * 500, "binary"),
    ("empty.csv", b"", "empty"),
    ("oneline.csv", b"date value\n2020 1\n", "one column"),
    ("huge.csv", b"date,value\n2020," + b"9" * (1 << 20) + b"\n", "longer than"),
    ("dupes.csv", b"date,date\n2020,1\n", "appears twice"),
    ("header.csv", b"date,value\n", "no rows"),
])  # fmt: skip
def test_malformed_files_give_one_clear_error(tmp_path, name, data, message):
    with pytest.raises(TrendDataError, match=message):
        read_table(_bad(tmp_path, name, data))


def test_an_all_empty_column_is_named(tmp_path):
    p = _bad(tmp_path, "e.csv", b"date,value,other\n2020,,x\n2021,,y\n")
    with pytest.raises(TrendDataError, match="'value' is empty in every row"):
        import_csv(p, {"date": "date", "value": "value"}, "e")


def test_rows_with_the_wrong_field_count_are_listed(tmp_path):
    p = _bad(tmp_path, "r.csv", b"date,value\n2020,1\n2021,2,3\n2022,4\n2023,8\n")
    result = import_csv(p, {"date": "date", "value": "value"}, "r")
    assert result.rows_read == 3
    assert [(r.line, r.reason) for r in result.rejected] == [(3, "has 3 fields, the header has 2")]


# ------------------------------------------------------------------ the commands
@pytest.fixture
def map_file(tmp_path):
    amap = ArgumentMap()
    amap.add_node("thesis", "Scaling gets there")
    for s in default_series():
        amap.put_series(s)
    path = tmp_path / "m.cruxmap"
    MapDocument.create(path, amap).close()
    return path


def _snapshot(path: Path) -> dict:
    doc = MapDocument.open(path)
    snap = doc.map.snapshot()
    doc.close()
    return snap


def test_cli_import_reports_rows_and_adds_the_series(map_file, capsys):
    rc = main(["trends", "import", str(FIXTURE), "--map", str(map_file), "--series", "epoch",
               "--date-col", "Publication date", "--value-col", "Training compute (FLOP)",
               "--label-col", "Model", "--json"])  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert rc == 0 and out["rows_read"] == 8 and len(out["rows_rejected"]) == 4
    assert {"line", "reason"} <= set(out["rows_rejected"][0])
    assert len(_snapshot(map_file)["series"]["epoch"].points) == 8


@pytest.mark.parametrize("extra", [
    ["--value-col", "No such column"],
    ["--value-col", "Training compute (FLOP)", "--series", "train_compute_flop"],  # exists
])  # fmt: skip
def test_cli_import_failures_leave_the_map_untouched(map_file, capsys, extra):
    before = map_file.read_bytes()
    args = ["trends", "import", str(FIXTURE), "--map", str(map_file), "--series", "epoch",
            "--date-col", "Publication date", *extra]  # fmt: skip
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("cruxmap: ") and err.count("\n") == 1 and "Traceback" not in err
    assert map_file.read_bytes() == before


def test_cli_import_of_a_binary_file_fails_cleanly(map_file, tmp_path, capsys):
    before = map_file.read_bytes()
    bad = _bad(tmp_path, "x.csv", b"\x00\xff" * 1000)
    rc = main(["trends", "import", str(bad), "--map", str(map_file), "--series", "x",
               "--date-col", "a", "--value-col", "b"])  # fmt: skip
    assert rc == 2 and "binary" in capsys.readouterr().err
    assert map_file.read_bytes() == before


def test_cli_fit_prints_growth_doubling_and_a_widening_projection(map_file, capsys):
    rc = main(["trends", "fit", str(map_file), "--series", "train_compute_flop",
               "--from", "2018", "--until", "2030", "--cross", "train_compute_flop.ref", "--json"])  # fmt: skip
    out = json.loads(capsys.readouterr().out)
    assert rc == 0
    assert {
        "series",
        "growth_per_year",
        "doubling_time_years",
        "r2",
        "points_used",
        "projection",
    } <= set(out)
    assert 3.0 < out["growth_per_year"] < 6.0  # Epoch: 4–5x a year
    proj = out["projection"]
    assert [p["year"] for p in proj] == list(range(2026, 2031))
    assert proj[-1]["high"] / proj[-1]["low"] > proj[0]["high"] / proj[0]["low"]
    assert out["crossing"]["low"] < out["crossing"]["year"] < out["crossing"]["high"]


def test_cli_fit_of_unknown_series_is_one_line(map_file, capsys):
    assert main(["trends", "fit", str(map_file), "--series", "nope"]) == 2
    assert "no series named 'nope'" in capsys.readouterr().err


def test_cli_list_names_every_series(map_file, capsys):
    assert main(["trends", "list", str(map_file), "--json"]) == 0
    names = {r["name"] for r in json.loads(capsys.readouterr().out)}
    assert "dataset_tokens" in names and "text_stock_tokens" in names
