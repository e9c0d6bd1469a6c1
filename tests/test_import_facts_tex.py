"""Numbers written in TeX (preprints, LaTeX-flavoured Markdown): the "$" that opens inline math
is not a dollar sign, and "$2.1 \\times 10^{25}$ FLOP" is 2.1e25 FLOP — a point that, misread as
"$2.1", would land in the training-cost series."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from model.importer.facts import find_facts


@settings(max_examples=60, deadline=None)
@given(
    st.integers(11, 99),
    st.integers(10, 29),
    st.sampled_from(["FLOP", "tokens", "parameters"]),
    st.sampled_from([r"\times", r"\cdot"]),
    st.integers(2015, 2026),
)
def test_a_tex_power_of_ten_is_read_as_its_number_and_never_as_money(
    mantissa: int, exponent: int, unit: str, sign: str, year: int
) -> None:
    m = mantissa / 10
    text = f"The run used ${m} {sign} 10^{{{exponent}}}$ {unit} in {year}."
    facts = find_facts(text)
    assert not [f for f in facts if f.unit == "USD"]
    [fact] = facts
    assert fact.unit == unit and fact.year == year
    assert abs(fact.value / (m * 10**exponent) - 1) < 1e-9


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 999), st.integers(1, 999))
def test_two_dollar_amounts_on_a_line_stay_money(a: int, b: int) -> None:
    """Pandoc's rule: a "$" followed by a digit does not close math, so "$5 and $10" is money."""
    facts = find_facts(f"Runs cost ${a} and ${b} million in 2023.")
    assert [f.unit for f in facts] == ["USD", "USD"]
