"""What the claim ranker may propose (issue 12, third ranker round): formulas, slogans written
as equations, TeX and reference lines are never claims; the number of proposals grows with the
article's length, but more slowly than the length, as annotated claims do; a short note keeps
its few claims; the training tool's fast counting equals counting the proposals one by one."""

from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer import Article, NodeRef, claims, propose, ranker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
import train_ranker  # noqa: E402

THESIS = [NodeRef("T", "Scaling current LLMs leads to AGI", side=0)]
CLAIM = "Scaling compute will not deliver general intelligence because data runs out soon."


def test_formulas_slogans_and_reference_lines_are_never_proposed() -> None:
    text = (
        f"{CLAIM}\n\n"
        "More scaling = more capability.\n\n"
        "Scale LLMs → AGI!\n\n"
        "The loss follows $$L(N) = (N_c / N)^{\\alpha}$$ across model sizes.\n\n"
        "J. Doe, “Why Scaling Will Not Reach General Intelligence” (2023)\n\n"
        "Bigger models will keep getting better at the benchmarks that matter for AGI.\n"
    )
    quotes = [p.quote for p in propose(Article(text), THESIS, "T").proposals]
    assert CLAIM in quotes
    assert any(q.startswith("Bigger models") for q in quotes)
    assert not any("=" in q or "→" in q or "(2023)" in q for q in quotes), quotes


def test_prose_that_contains_an_equation_or_a_cited_year_is_still_a_claim() -> None:
    assert claims.is_formula("More scaling = more capability")
    assert not claims.is_formula("It assumes that more effective compute = more intelligence.")
    assert not claims.is_formula(
        r"A power law with exponent $\alpha \approx 0.076$ implies that capabilities keep "
        "improving predictably as compute grows."
    )  # inline math in a sentence of prose
    assert claims.is_formula(r"$L(C) = L_\infty + A C^{-\alpha}$ with $\alpha \approx 0.05$.")
    assert claims.is_reference("SemiAnalysis, “The AI Brick Wall” (2023)")
    assert not claims.is_reference("Scaling has kept its promise since GPT-3 (2020).")


def test_a_short_note_keeps_its_three_claims() -> None:
    note = (
        "Scaling alone will not reach AGI.\n\n"
        "Today's language models still fail at simple planning tasks that children solve.\n\n"
        "We should expect new architectures, not just bigger training runs, to matter most.\n"
    )
    props = propose(Article(note, title="A short note on scaling"), THESIS, "T").proposals
    assert len(props) == 3


def test_the_shipped_cap_grows_with_length_but_slower_than_it() -> None:
    model = ranker.shipped()
    assert model is not None and model.cap_scale and model.cap_exponent
    assert 0 < model.cap_exponent < 1
    caps = [claims.cap(n, model) for n in (20, 40, 80, 160, 320, 640)]
    assert caps == sorted(caps) and caps[-1] > caps[0]
    assert claims.cap(400, model) < 5 * claims.cap(80, model)  # five times longer, < 5× claims


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.floats(-3, 3), st.booleans(), st.sets(st.integers(0, 5), max_size=2)),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(train_ranker.T_GRID),
    st.sampled_from(train_ranker.CAP_GRID),
)
def test_fast_counting_equals_counting_each_proposal(rows, threshold, cap) -> None:  # noqa: ANN001
    t = train_ranker.Table(n_units=len(rows) * 3, n_gold2=6)
    for x, ok, finds in rows:
        t.rows.append([x] + [0.0] * (len(ranker.FEATURES) - 1))
        t.correct.append(ok)
        t.finds.append(frozenset(finds))
    model = ranker.LinearRanker(
        ranker.FEATURES, [0.0] * len(ranker.FEATURES), [1.0] * len(ranker.FEATURES),
        [1.0] + [0.0] * (len(ranker.FEATURES) - 1), 0.0, threshold,
    )  # fmt: skip
    probs = [model.probability(r) for r in t.rows]
    chosen = sorted((p, k) for k, p in enumerate(probs) if p >= threshold)[::-1]
    chosen = chosen[: claims.power_cap(t.n_units, *cap)]
    found = set().union(*(t.finds[k] for _, k in chosen)) if chosen else set()
    want = (len(found), 6, sum(t.correct[k] for _, k in chosen), len(chosen))
    assert train_ranker.counts(model, t, threshold, cap) == want
