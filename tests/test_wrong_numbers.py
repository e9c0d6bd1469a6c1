"""Numbers a user reads and would act on, each checked against an independent derivation.

Every test here was checked by breaking the code it guards (an interval taken at the
quartiles, the scenario table filled with one value, swapped columns, a halved DF-QuAD
branch, history dropped from the lossless JSON, the sign of an attack's GraphML weight).
"""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from model.argmap import ArgumentMap
from model.credence import monte_carlo, sensitivity, thesis_credence
from model.credence.dfquad import evaluate_dfquad
from model.entities import HistoryEntry
from model.report import ReportImages, build_report, compute_numbers
from model.trends import Level, crossing_year, fit_xy
from storage.interchange import graphml, json_format
from storage.seedmap import load_seed


def _logit(p: float) -> float:
    return math.log(p / (1 - p))


def _sigmoid(z: float) -> float:
    return 1 / (1 + math.exp(-z))


def test_monte_carlo_90_percent_interval_is_the_5th_to_95th_percentile() -> None:
    """A thesis whose only uncertainty is its prior, drawn uniformly on log-odds in a range:
    its 5th and 95th percentiles are known in closed form."""
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t", prior=0.5, prior_range=(0.2, 0.8))
    dist = monte_carlo(amap, samples=20_000, seed=1)
    lo, hi = _logit(0.2), _logit(0.8)
    assert dist.low == pytest.approx(_sigmoid(lo + 0.05 * (hi - lo)), abs=0.01)
    assert dist.high == pytest.approx(_sigmoid(lo + 0.95 * (hi - lo)), abs=0.01)


def test_crossing_year_90_percent_interval_follows_the_levels_90_percent_range() -> None:
    """An exact line (no fit uncertainty) meets a level known to ×/÷10 at 90%: the crossing's
    90% interval is where the line meets the level's low and high ends."""
    x = np.arange(2010.0, 2021.0)
    y = 20.0 + (x - 2010.0)  # 10× a year from 1e20 in 2010: 1e27 in 2017, 1e29 in 2019
    c = crossing_year(fit_xy("exact", x, y), Level(1e28, 1e27, 1e29), level=0.9)
    assert c.year == pytest.approx(2018.0, abs=1e-6)
    assert c.low == pytest.approx(2017.0, abs=0.05)
    assert c.high == pytest.approx(2019.0, abs=0.05)


@pytest.fixture(scope="module")
def seed_report() -> tuple[ArgumentMap, str]:
    amap = load_seed(with_trends=False)
    return amap, build_report(amap, compute_numbers(amap), ReportImages(), "2026-01-01")


def _table(md: str, heading: str) -> list[list[str]]:
    lines = md[md.index(heading) :].splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| "))
    rows = []
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        rows.append([c.strip() for c in line.strip("|").split("|")])
    return rows[2:]  # past the header and the --- line


def test_every_scenario_row_of_the_report_shows_that_scenarios_credence(seed_report) -> None:
    amap, md = seed_report
    rows = _table(md, "### Credence under each scenario")
    shown = {re.sub(r" \(shown in this report\)$", "", r[0]): r[1] for r in rows}
    assert len(shown) == len(amap.scenarios) + 1
    for name in amap.scenarios:
        assert shown[name] == f"{100 * thesis_credence(amap, name):.0f}%", name
    assert len(set(shown.values())) >= 3  # the readings really differ


def test_report_sensitivity_columns_are_the_thesis_at_the_inputs_low_and_high_ends(
    seed_report,
) -> None:
    amap, md = seed_report
    rows = _table(md, "| Input | Now | Range tried |")
    items = sensitivity(amap, top=10).inputs[:10]
    assert len(rows) == len(items)
    checked = 0
    for row, item in zip(rows, items, strict=True):
        for end, cell in ((item.low, row[3]), (item.high, row[4])):
            trial = ArgumentMap()
            trial.load_graph(amap.nodes(), amap.edges())
            for sc in amap.scenarios.values():
                trial.put_scenario(sc)
            trial.set_meta("scenario", amap.current_scenario)
            if item.kind == "prior":
                trial.set_prior(item.key, end)
            else:
                trial.set_strength(*item.key, end)
            assert cell == f"{100 * thesis_credence(trial):.0f}%", (item.label, end)
        checked += row[3] != row[4]
    assert checked >= 5  # low and high differ, so swapping them would show


def test_dfquad_attack_dominant_branch() -> None:
    """τ = 0.8 with one certain attacker at λ = 20 (passes on 0.95): σ = 0.8 − 0.8·0.95."""
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="t", prior=0.8)
    amap.add_node("evidence", "E", node_id="e", prior=1.0)
    amap.add_node("evidence", "S", node_id="s", prior=1.0)
    amap.link("e", "t", "attacks", 20.0)
    amap.link("s", "t", "supports", 3.0)  # passes on 2/3: the attack still dominates
    res = evaluate_dfquad(amap)
    assert res["t"] == pytest.approx(0.8 - 0.8 * (0.95 - 2 / 3), abs=1e-9)


def test_lossless_json_keeps_the_history() -> None:
    amap = load_seed(with_trends=False)
    amap.record_credence(HistoryEntry("2026-01-01T00:00:00+00:00", "My view", 0.4, "Opened"))
    amap.record_credence(HistoryEntry("2026-01-02T00:00:00+00:00", "My view", 0.3, "Set prior"))
    back = json_format.loads(json_format.dumps(amap))
    assert back.history == amap.history
    assert back == amap


def test_graphml_weight_carries_the_sign_of_an_attack() -> None:
    amap = load_seed(with_trends=False)
    g = graphml.to_graph(amap)
    for e in amap.edges():
        data = g.edges[e.source, e.target]
        if e.strength is None:
            assert "weight" not in data
        else:
            assert data["weight"] == e.sign * e.strength
    # a file that only has weights: the sign alone decides the relation
    text = graphml.dumps(amap).decode()
    text = re.sub(r'<data key="d\d+">(supports|attacks)</data>', "", text)
    back = graphml.loads(text.encode())
    attacks = {(e.source, e.target) for e in amap.edges() if e.relation == "attacks"}
    assert {(e.source, e.target) for e in back.edges() if e.relation == "attacks"} == attacks
