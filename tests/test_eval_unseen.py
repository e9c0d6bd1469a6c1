"""The eval_unseen corpus: ten self-written articles the importer was never tuned on.

Its worth is that its gold can be trusted without reading it again: every quote is found once in
its article, the sides are balanced, the deliberate traps stay out of the trend facts, and the
checker really rejects a broken gold file.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
from pathlib import Path

import pytest

CORPUS = Path(__file__).parent / "fixtures" / "eval_unseen"


def _verify_module():
    spec = importlib.util.spec_from_file_location("unseen_verify", CORPUS / "verify_gold.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _golds() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(CORPUS.glob("gold/*.json"))]


def test_every_gold_quote_occurs_once(capsys) -> None:
    assert _verify_module().main() == 0, capsys.readouterr().out


def test_ten_articles_balanced_and_in_several_formats() -> None:
    golds = _golds()
    assert len(golds) == 10
    leans = sorted(g["stance_overall"] for g in golds)
    assert leans == ["con"] * 4 + ["mixed"] * 2 + ["pro"] * 4
    assert {Path(g["article"]).suffix for g in golds} == {".html", ".md", ".txt"}
    for g in golds:
        assert 12 <= len(g["claims"]) <= 30, g["article"]
        assert {c["stance"] for c in g["claims"]} >= {"pro", "con"}, g["article"]


def test_traps_are_not_gold_trend_facts() -> None:
    """Ratios, hypotheticals, projections and reference levels must stay out of the facts."""
    trap_values = {20, 1900, 300e12, 2e29, 1e25, 1e26}
    trap_words = ("per parameter", "would need", "by 2028", "by 2030", "watts")
    for g in _golds():
        for f in g["trend_facts"]:
            assert f["value"] not in trap_values, (g["article"], f["quote"])
            assert not any(w in f["quote"] for w in trap_words), (g["article"], f["quote"])


def _break(gold: dict, how: str) -> None:
    claim = gold["claims"][0]
    if how == "quote":
        claim["quote"] += " and more"
    elif how == "stance":
        claim["stance"] = "supports"
    elif how == "importance":
        claim["importance"] = 4
    elif how == "duplicate":
        gold["claims"].append(dict(claim, id=f"c{len(gold['claims']) + 1}"))
    elif how == "fact_year":
        gold["trend_facts"][0]["year"] = "2024"


@pytest.mark.parametrize("how", ["none", "quote", "stance", "importance", "duplicate", "fact_year"])
def test_checker_rejects_a_broken_gold_file(tmp_path, monkeypatch, capsys, how) -> None:
    """A copy passes as it is ("none") and fails once one field of one claim or fact is broken."""
    copy = tmp_path / "eval_unseen"
    shutil.copytree(CORPUS, copy)
    path = copy / "gold" / "u01_news_report.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    _break(gold, how)
    path.write_text(json.dumps(gold, ensure_ascii=False), encoding="utf-8")
    mod = _verify_module()
    monkeypatch.setattr(mod, "HERE", copy)
    assert mod.main() == (0 if how == "none" else 1)
    assert ("FAILED" in capsys.readouterr().out) == (how != "none")
