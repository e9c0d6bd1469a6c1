"""The credence engine on hand-made maps, the documented example, files, the CLI and the seed."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from model.argmap import ArgumentMap
from model.credence import (
    credences,
    evaluate,
    explain,
    monte_carlo,
    record_if_changed,
    scenario_credences,
    sensitivity,
    strongest_reasons,
    thesis_credence,
)
from model.entities import Scenario

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "scaling_debate.yaml"


def example_map() -> ArgumentMap:
    """The worked example of docs/credence.md."""
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="T", prior=0.5)
    amap.add_node("claim", "A", node_id="A", prior=0.5)
    amap.add_node("claim", "B", node_id="B", prior=0.6)
    amap.add_node("evidence", "E", node_id="E", prior=0.8)
    amap.link("A", "T", "supports", "strong")
    amap.link("B", "T", "attacks", "moderate")
    amap.link("E", "A", "supports", "moderate")
    return amap


def test_worked_example_matches_the_document() -> None:
    doc = (ROOT / "docs" / "credence.md").read_text(encoding="utf-8")
    amap = example_map()
    c = credences(amap)
    z_t = math.log(c["T"] / (1 - c["T"]))
    shown = [
        f"p(A) = σ({0.8 * math.log(3):.4f}) = {c['A']:.4f}",
        f"A adds {c['A']:.4f} × 1.7918 = {c['A'] * math.log(6):.4f}",
        f"logit = 0 + {c['A'] * math.log(6):.4f} − {0.6 * math.log(3):.4f} = {z_t:.4f}",
        f"p(T) = σ({z_t:.4f}) = {c['T']:.4f}, i.e. **{100 * c['T']:.2f}%**",
    ]
    t = explain(amap, "T")
    pulls = {r.source: r.points for r in t.reasons}
    shown += [
        f"A pulls T by **{pulls['A']:+.2f} points**",
        f"B pulls T by **{pulls['B']:+.2f} points**",
    ]
    shown.append(f"E pulls A by **{explain(amap, 'A').reasons[0].points:+.2f} points**")
    for text in shown:
        assert text in doc, text
    assert f"{c['T']:.4f}" == "0.6472"


def test_dfquad_worked_example_matches_the_document() -> None:
    from model.credence.dfquad import evaluate_dfquad

    doc = (ROOT / "docs" / "credence.md").read_text(encoding="utf-8")
    res = evaluate_dfquad(example_map())
    sup, att = 5 / 6 * res["A"], 2 / 3 * 0.6
    assert f"A = 0.5 + 0.5 × (0.6667 × 0.8) = {res['A']:.4f}" in doc
    assert (
        f"F_sup =\n0.8333 × {res['A']:.4f} = {sup:.4f} and F_att = 0.6667 × 0.6 = {att:.4f}" in doc
    )
    assert (
        f"T = 0.5 + 0.5 × ({sup:.4f} −\n{att:.4f}) = {res['T']:.4f} ({100 * res['T']:.2f}%" in doc
    )


def test_pull_is_the_difference_deleting_the_link_makes() -> None:
    amap = example_map()
    for edge in list(amap.edges()):
        before = credences(amap)[edge.target]
        pull = next(r.points for r in explain(amap, edge.target).reasons if r.source == edge.source)
        amap.unlink(edge.source, edge.target)
        assert math.isclose(100 * (before - credences(amap)[edge.target]), pull, abs_tol=1e-9)
        amap.insert_edge(edge)


def test_strongest_reasons_split_by_side_and_order_by_pull() -> None:
    amap = example_map()
    amap.add_node("claim", "C", node_id="C", prior=0.9)
    amap.link("C", "T", "supports", "weak")
    pro, con = strongest_reasons(amap)
    assert [r.source for r in pro] == ["A", "C"]
    assert [r.source for r in con] == ["B"]
    assert all(r.points > 0 for r in pro) and all(r.points < 0 for r in con)


def test_scenarios_override_weights_and_compare_side_by_side() -> None:
    amap = example_map()
    amap.put_scenario(Scenario("Skeptic", priors={"A": 0.1}, strengths={("B", "T"): 20.0}))
    amap.put_scenario(Scenario("My view"))
    values = scenario_credences(amap)
    assert set(values) == {"Skeptic", "My view"}
    assert values["My view"] == pytest.approx(0.6472, abs=1e-4)
    assert values["Skeptic"] == pytest.approx(0.1948, abs=1e-4)
    amap.set_meta("scenario", "Skeptic")
    assert thesis_credence(amap) == values["Skeptic"]
    amap.set_strength("B", "T", "none")  # edits the active scenario only
    assert thesis_credence(amap, "Skeptic") > values["Skeptic"]
    assert thesis_credence(amap, "My view") == pytest.approx(values["My view"])


def test_a_map_edit_reaches_every_cached_scenario() -> None:
    amap = example_map()
    amap.put_scenario(Scenario("Skeptic", priors={"B": 0.9}))
    before = scenario_credences(amap)
    amap.update_edge("A", "T", strength=20.0)
    after = scenario_credences(amap)
    assert after["Skeptic"] > before["Skeptic"]


def test_structural_edits_are_followed() -> None:
    amap = example_map()
    base = thesis_credence(amap)
    cid = amap.add_node("claim", "new attacker", prior=0.9)
    amap.link(cid, "T", "attacks", "decisive")
    assert thesis_credence(amap) < base - 0.3
    amap.remove_node(cid)
    assert thesis_credence(amap) == pytest.approx(base)


def test_a_map_without_thesis_has_no_thesis_credence() -> None:
    amap = ArgumentMap()
    amap.add_node("claim", "lonely", node_id="x", prior=0.3)
    assert thesis_credence(amap) is None
    assert credences(amap) == {"x": pytest.approx(0.3)}
    assert sensitivity(amap).inputs == ()
    assert monte_carlo(amap) is None
    assert record_if_changed(amap) is False


def test_mutual_support_cycle_converges_and_says_so() -> None:
    amap = ArgumentMap()
    amap.add_node("thesis", "T", node_id="T")
    amap.add_node("claim", "A", node_id="A", prior=0.4)
    amap.add_node("claim", "B", node_id="B", prior=0.4)
    amap.link("A", "B", "supports", "strong")
    amap.link("B", "A", "supports", "strong")
    amap.link("A", "T", "supports", "moderate")
    res = evaluate(amap)
    assert res.converged and 0 < res.iterations < 500
    assert res["A"] == pytest.approx(res["B"]) and res["A"] > 0.4


def test_sensitivity_ranks_the_decisive_input_first() -> None:
    amap = example_map()
    sens = sensitivity(amap)
    assert sens.base == pytest.approx(0.6472, abs=1e-4)
    top = sens.inputs[0]
    assert top.swing >= max(i.swing for i in sens.inputs[1:])
    labels = [i.label for i in sens.inputs]
    assert "prior: T" in labels and "strength: A" in labels
    assert sens.defaulted == 7  # 4 priors + 3 strengths, none with a range set


def test_monte_carlo_interval_contains_the_point_and_narrows_with_ranges() -> None:
    amap = example_map()
    wide = monte_carlo(amap, samples=2000, seed=1)
    assert wide.low < wide.point < wide.high
    for n in list(amap.nodes()):
        amap.update_node(n.id, prior_range=(n.prior, n.prior))
    for e in list(amap.edges()):
        amap.update_edge(e.source, e.target, strength_range=(e.strength, e.strength * 1.1))
    narrow = monte_carlo(amap, samples=2000, seed=1)
    assert narrow.high - narrow.low < (wide.high - wide.low) / 3
    assert narrow.defaulted == 0


def test_history_records_only_real_changes_per_scenario() -> None:
    amap = example_map()
    assert record_if_changed(amap, "start")
    assert not record_if_changed(amap, "nothing moved")
    amap.set_prior("B", 0.9)
    assert record_if_changed(amap, "B up")
    entries = amap.history
    assert [h.note for h in entries] == ["start", "B up"]
    assert entries[-1].credence == pytest.approx(thesis_credence(amap))
    assert entries[-1].scenario == ""


def test_edits_through_a_document_are_stored_and_followed(tmp_path: Path) -> None:
    from storage.document import MapDocument

    doc = MapDocument.create(tmp_path / "m.cruxmap", example_map())
    base = thesis_credence(doc.map)
    with doc.map.batch("weaken A"):
        doc.map.set_strength("A", "T", "weak")
        record_if_changed(doc.map, "weaken A")
    doc.close()
    again = MapDocument.open(tmp_path / "m.cruxmap")
    assert thesis_credence(again.map) < base
    assert again.map.history[-1].credence == pytest.approx(thesis_credence(again.map))
    again.close()


# ---------------------------------------------------------------------- CLI
def run_cli(*argv: str, capsys) -> tuple[int, str, str]:  # noqa: ANN001
    from main import main

    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def map_file(tmp_path: Path) -> Path:
    from storage.document import MapDocument

    amap = example_map()
    amap.put_scenario(Scenario("Skeptic", priors={"B": 0.95}))
    amap.put_scenario(Scenario("My view"))
    amap.set_meta("scenario", "My view")
    path = tmp_path / "ex.cruxmap"
    MapDocument.create(path, amap).close()
    return path


def test_cli_json_is_complete_and_deterministic(map_file: Path, capsys) -> None:  # noqa: ANN001
    code, out, _ = run_cli("credence", str(map_file), "--json", "--explain", capsys=capsys)
    assert code == 0
    data = json.loads(out)
    assert data["thesis"] == "T" and data["scenario"] == "My view"
    assert data["credence"] == pytest.approx(0.6472, abs=1e-4)
    assert set(data["scenarios"]) == {"Skeptic", "My view"}
    assert data["for"][0]["title"] == "A" and data["for"][0]["points"] == 30.63
    assert data["against"][0]["points"] == -13.28
    assert run_cli("credence", str(map_file), "--json", "--explain", capsys=capsys)[1] == out


def test_cli_text_and_scenario_choice(map_file: Path, capsys) -> None:  # noqa: ANN001
    code, out, _ = run_cli(
        "credence", str(map_file), "--scenario", "Skeptic", "--explain", capsys=capsys
    )
    assert code == 0
    assert "(scenario: Skeptic)" in out and "-22.5 pts  B" in out
    assert "Strongest reasons against:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [(["--scenario", "Nope"], "no scenario named 'Nope'"), (["--top", "0"], "--top must be")],
)
def test_cli_refuses_bad_arguments_in_one_line(map_file: Path, capsys, args, message) -> None:  # noqa: ANN001
    before = map_file.read_bytes()
    code, out, err = run_cli("credence", str(map_file), *args, capsys=capsys)
    assert code == 2 and message in err and "Traceback" not in err
    assert err.count("\n") == 1 and out == ""
    assert map_file.read_bytes() == before


def test_cli_refuses_a_file_that_is_not_a_map(tmp_path: Path, capsys) -> None:  # noqa: ANN001
    bad = tmp_path / "x.cruxmap"
    bad.write_text("hello")
    code, _, err = run_cli("credence", str(bad), capsys=capsys)
    assert code == 2 and "not a Cruxmap map" in err


# --------------------------------------------------------------------- seed
@pytest.mark.skipif(not SEED.exists(), reason="seeds/scaling_debate.yaml not written yet")
def test_seed_readings_against_what_their_authors_wrote() -> None:
    """Patel wrote 70%; our reading of his words lands within the gap docs/credence.md reports."""
    from storage.seedmap import load_seed

    amap = load_seed(with_trends=False)
    values = scenario_credences(amap)
    patel = amap.scenarios["Dwarkesh Patel (2023)"]
    assert patel.stated == "70%"
    assert abs(values[patel.name] - 0.70) <= 0.20
    doc = (ROOT / "docs" / "credence.md").read_text(encoding="utf-8")
    assert f"{100 * values[patel.name]:.1f}% against his stated 70%" in doc
    snake = amap.scenarios["AI Snake Oil (2024)"]
    assert snake.stated == "virtually no chance"  # no number: the test pins none
    assert values[snake.name] < values[patel.name]
    assert evaluate(amap).converged
    assert np.all(np.isfinite(evaluate(amap).values))


def test_every_value_a_reading_sets_carries_its_authors_words() -> None:
    from storage.seedmap import load_seed

    amap = load_seed(with_trends=False)
    for sc in amap.scenarios.values():
        if not sc.reading:
            continue
        for nid, p in sc.priors.items():
            if p != amap.node(nid).prior:
                assert sc.receipt(nid) is not None and sc.receipt(nid).quote, (sc.name, nid)
        for key, lam in sc.strengths.items():
            if lam != amap.edge(*key).strength:
                assert sc.receipt(key) is not None, (sc.name, key)


def test_a_node_added_later_does_not_move_a_reading_until_weighed_there() -> None:
    from storage.seedmap import load_seed

    amap = load_seed(with_trends=False)
    before = scenario_credences(amap)
    thesis = amap.thesis.id
    with amap.batch():
        amap.add_node("claim", "New claim", node_id="later", prior=0.9)
        amap.link("later", thesis, "attacks", "decisive")  # weighed on the map itself
    after = scenario_credences(amap)
    for name, sc in amap.scenarios.items():
        if sc.reading:
            assert after[name] == pytest.approx(before[name], abs=1e-12), name
            assert "later" in {e.source for e in amap.unweighed(thesis, name)}
    assert after["My view"] < before["My view"]  # My view follows the map's own weights
    amap.set_strength("later", thesis, "strong", "AI Snake Oil (2024)")
    assert thesis_credence(amap, "AI Snake Oil (2024)") < before["AI Snake Oil (2024)"]


def test_cli_second_semantics(map_file: Path, capsys) -> None:  # noqa: ANN001
    code, out, _ = run_cli(
        "credence", str(map_file), "--json", "--semantics", "dfquad", capsys=capsys
    )
    data = json.loads(out)
    assert code == 0 and data["semantics"] == "dfquad"
    assert data["credence"] == pytest.approx(0.6194, abs=1e-4)


def test_a_cycle_that_does_not_settle_is_reported(monkeypatch, tmp_path: Path, capsys) -> None:  # noqa: ANN001
    import model.credence.compiled as compiled
    from storage.document import MapDocument

    monkeypatch.setattr(compiled, "MAX_ITERATIONS", 2)
    amap = example_map()
    amap.link("A", "B", "attacks", "decisive")
    amap.link("B", "A", "attacks", "decisive")
    res = evaluate(amap)
    assert not res.converged and res.iterations == 2
    assert 0 <= res["A"] <= 1
    path = tmp_path / "cycle.cruxmap"
    MapDocument.create(path, amap).close()
    code, out, _ = run_cli("credence", str(path), capsys=capsys)
    assert code == 0 and "did not settle after 2 iterations" in out


def test_a_reset_from_storage_is_followed() -> None:
    amap = example_map()
    assert thesis_credence(amap) == pytest.approx(0.6472, abs=1e-4)
    other = example_map()
    other.update_edge("B", "T", strength=20.0)
    amap.replace_contents(other)  # what the document does after a failed write
    assert thesis_credence(amap) == pytest.approx(thesis_credence(other))
