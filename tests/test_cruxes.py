"""Cruxes: the shares of the gap between two scenarios, and the `cruxes` command."""

from __future__ import annotations

import json
import math
from itertools import permutations
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import model.credence.cruxes as cruxes_mod
from main import main
from model.argmap import ArgumentMap
from model.credence import thesis_credence
from model.credence.cruxes import cruxes
from model.entities import Scenario
from storage.document import MapDocument
from storage.seedmap import load_seed
from tests.test_credence_properties import maps

PATEL, SNAKE = "Dwarkesh Patel (2023)", "AI Snake Oil (2024)"


def two_views() -> ArgumentMap:
    """T with reasons A (supports) and B (attacks); two scenarios disagree on three inputs."""
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="T")
    amap.add_node("claim", "A", node_id="A", prior=0.5)
    amap.add_node("claim", "B", node_id="B", prior=0.5)
    amap.link("A", "T", "supports", 6.0)
    amap.link("B", "T", "attacks", 3.0)
    amap.put_scenario(Scenario("Hawk", priors={"A": 0.9, "B": 0.2}))
    amap.put_scenario(Scenario("Dove", priors={"A": 0.3, "B": 0.7}, strengths={("B", "T"): 20.0}))
    return amap


def brute_shapley(amap: ArgumentMap, a: str, b: str) -> dict[tuple[str, str], float]:
    """Shapley by enumerating every order of switching inputs from a's values to b's."""
    sa, sb = amap.scenarios[a], amap.scenarios[b]
    inputs = [("prior", n) for n in set(sa.priors) | set(sb.priors)]
    inputs += [("strength", k) for k in set(sa.strengths) | set(sb.strengths)]
    inputs = [i for i in inputs if _value(amap, a, i) != _value(amap, b, i)]

    def value(switched: set) -> float:
        trial = Scenario("trial", priors=dict(sa.priors), strengths=dict(sa.strengths))
        for kind, key in switched:
            if kind == "prior":
                trial.priors[key] = _value(amap, b, (kind, key))
            else:
                trial.strengths[key] = _value(amap, b, (kind, key))
        amap.put_scenario(trial)
        return 100 * thesis_credence(amap, "trial")

    shares = {i: 0.0 for i in inputs}
    orders = list(permutations(inputs))
    for order in orders:
        done: set = set()
        prev = value(done)
        for i in order:
            done.add(i)
            now = value(done)
            shares[i] += (now - prev) / len(orders)
            prev = now
    amap.remove_scenario("trial")
    return {(k, key if isinstance(key, str) else key[0]): v for (k, key), v in shares.items()}


def _value(amap: ArgumentMap, name: str, item: tuple) -> float:
    kind, key = item
    return amap.prior(key, name) if kind == "prior" else amap.strength(*key, name)


def test_exact_shares_are_the_shapley_values_and_sum_to_the_gap() -> None:
    amap = two_views()
    res = cruxes(amap, "Hawk", "Dove")
    assert res.method == "exact"
    want = brute_shapley(amap, "Hawk", "Dove")
    got = {(c.input, c.node): c.points for c in res.cruxes}
    assert got == pytest.approx(want, abs=1e-9)
    assert sum(got.values()) == pytest.approx(res.gap, abs=1e-9)
    assert res.gap == pytest.approx(
        100 * (thesis_credence(amap, "Dove") - thesis_credence(amap, "Hawk"))
    )
    ranked = [abs(c.points) for c in res.cruxes]
    assert ranked == sorted(ranked, reverse=True)


def test_closes_is_what_adopting_the_other_value_alone_does() -> None:
    amap = two_views()
    res = cruxes(amap, "Hawk", "Dove")
    base = thesis_credence(amap, "Hawk")
    for c in res.cruxes:
        amap.set_meta("scenario", "Hawk")
        old = amap.scenarios["Hawk"]
        if c.input == "prior":
            amap.set_prior(c.node, c.value_b)
        else:
            amap.set_strength(*c.link, c.value_b)
        assert c.closes == pytest.approx(100 * (thesis_credence(amap, "Hawk") - base), abs=1e-9)
        amap.put_scenario(old)


def test_sampled_shares_agree_with_exact_ones(monkeypatch) -> None:  # noqa: ANN001
    amap = two_views()
    exact = {(c.input, c.node): c.points for c in cruxes(amap, "Hawk", "Dove").cruxes}
    monkeypatch.setattr(cruxes_mod, "EXACT_MAX", 0)
    sampled = cruxes(amap, "Hawk", "Dove")
    assert sampled.method == "sampled" and sampled.permutations >= 16
    got = {(c.input, c.node): c.points for c in sampled.cruxes}
    assert sum(got.values()) == pytest.approx(sampled.gap, abs=1e-9)
    assert got == pytest.approx(exact, abs=1.0)  # within a point with three inputs


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(maps(acyclic=False, max_nodes=8), st.data())
def test_shares_always_sum_to_the_gap(amap: ArgumentMap, data) -> None:  # noqa: ANN001
    ids = [n.id for n in amap.nodes()]
    edges = [e.key for e in amap.edges()]
    for name in ("A", "B"):
        priors = {
            n: data.draw(st.floats(0.01, 0.99)) for n in data.draw(st.sets(st.sampled_from(ids)))
        }
        strengths = (
            {k: data.draw(st.floats(1, 50)) for k in data.draw(st.sets(st.sampled_from(edges)))}
            if edges
            else {}
        )
        amap.put_scenario(Scenario(name, priors=priors, strengths=strengths))
    res = cruxes(amap, "A", "B")
    assert math.isfinite(res.gap)
    assert sum(c.points for c in res.cruxes) == pytest.approx(res.gap, abs=1e-6)


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.cruxmap"
    MapDocument.create(path, load_seed(with_trends=False)).close()
    return path


def test_cli_json_has_the_documented_shape(seed_file: Path, capsys) -> None:  # noqa: ANN001
    code = main(["cruxes", str(seed_file), "--between", PATEL, "--and", SNAKE, "--top", "5",
                 "--json"])  # fmt: skip
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert list(data) == ["between", "credences", "gap", "cruxes"]
    assert data["between"] == [PATEL, SNAKE]
    x, y = data["credences"][PATEL], data["credences"][SNAKE]
    assert data["gap"] == pytest.approx(y - x, abs=1e-3)
    assert len(data["cruxes"]) == 5
    for c in data["cruxes"]:
        assert set(c) == {"node", "title", "input", "link", "values", "points"}
        assert c["input"] in ("prior", "strength")
        assert (c["link"] is None) == (c["input"] == "prior")
        assert set(c["values"]) == {PATEL, SNAKE}
    points = [abs(c["points"]) for c in data["cruxes"]]
    assert points == sorted(points, reverse=True)
    main(["cruxes", str(seed_file), "--between", PATEL, "--and", SNAKE, "--json"])
    every = json.loads(capsys.readouterr().out)["cruxes"]
    assert sum(c["points"] for c in every) == pytest.approx(data["gap"], abs=0.5)


def test_cli_refuses_an_unknown_scenario_in_one_line(seed_file: Path, capsys) -> None:  # noqa: ANN001
    code = main(["cruxes", str(seed_file), "--between", PATEL, "--and", "Nobody"])
    err = capsys.readouterr().err
    assert code == 2 and err.count("\n") == 1 and "no scenario named 'Nobody'" in err
