"""TeX in an imported article is shown readably, and a quote's highlight still lands on its words.

Our own snippets; the property tests build articles from prose words and TeX pieces and check the
source→display mapping the review dialog's highlight uses.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from model.tex_display import readable, render, render_tex

TEX_BITS = [
    r"$\alpha$",
    r"$\alpha_N \approx 0.076$",
    r"$3\times 10^{25}$",
    r"$L(N) = (N_c/N)^{\alpha_N}$",
    r"$10^{-3}$",
    r"$\sim$",
    r"$(1-\epsilon)^k$",
    r"$$\frac{a}{b}$$",
    r"\(\beta_2\)",
    r"\textbf{not}",
    r"\emph{but}",
    r"\cite{kaplan2020}",
    r"\times",
    r"10^{25}",
]
PROSE = [
    "scaling",
    "loss",
    "falls",
    "50%",
    "$20",
    "and",
    "$30,",
    "$5-$10",
    "snake_case",
    "a~b",
    "--",
    "C.",
    "FLOP",
    "🚀",
    "tokens.\n\n",
]
parts = st.lists(
    st.one_of(
        st.sampled_from(PROSE).map(lambda w: (w, False)),
        st.sampled_from(TEX_BITS).map(lambda w: (w, True)),
    ),
    min_size=1,
    max_size=14,
)


def _article(ps: list[tuple[str, bool]]) -> tuple[str, list[tuple[int, int]]]:
    """The parts joined by spaces, and each part's source span."""
    text, spans = "", []
    for word, _ in ps:
        if text:
            text += " "
        spans.append((len(text), len(text) + len(word)))
        text += word
    return text, spans


def _shown(word: str, tex: bool) -> str:
    return render_tex(word) if tex else word


@given(parts, st.data())
def test_a_quote_of_whole_words_is_highlighted_as_its_rendered_words(ps, data) -> None:
    """For any article of prose and TeX and any quote of consecutive words, the highlighted
    display text is exactly those words, each TeX piece rendered."""
    text, spans = _article(ps)
    shown = render(text)
    i = data.draw(st.integers(0, len(ps) - 1))
    j = data.draw(st.integers(i + 1, len(ps)))
    lo, hi = shown.span(spans[i][0], spans[j - 1][1])
    assert shown.text[lo:hi] == " ".join(_shown(w, t) for w, t in ps[i:j])


@given(parts, st.data())
def test_any_span_highlights_every_word_it_touches_and_no_other(ps, data) -> None:
    """A quote cut anywhere (even inside a formula) shows each word it touches whole, the
    formula rendered, and never a word it does not touch."""
    text, spans = _article(ps)
    shown = render(text)
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    lo, hi = shown.span(start, end)
    highlighted = shown.text[lo:hi]
    touched = [k for k, (a, b) in enumerate(spans) if a < end and start < b]
    inside = [k for k in touched if start <= spans[k][0] and spans[k][1] <= end]
    for k in inside:  # a word inside the quote shows in the highlight, rendered
        assert _shown(*ps[k]) in highlighted
    for s0, s1, d0, d1 in shown.pieces:  # a formula the quote cuts is shown whole, never half
        if s0 < end and start < s1:
            assert lo <= d0 and d1 <= hi
    for k, (a, b) in enumerate(spans):  # a word the quote does not touch is never lit
        if k not in touched:
            w_lo, w_hi = shown.span(a, b)
            assert w_hi <= lo or w_lo >= hi


@given(parts)
def test_prose_outside_tex_is_kept_character_for_character(ps) -> None:
    """Money, percentages and tildes in prose are not TeX: an article with no TeX pieces shows
    as written, and every prose word of a mixed article appears at its mapped place."""
    text, spans = _article(ps)
    shown = render(text)
    for (word, tex), (a, b) in zip(ps, spans, strict=True):
        if not tex:
            lo, hi = shown.span(a, b)
            assert shown.text[lo:hi] == word
    prose_only = [(w, t) for w, t in ps if not t]
    if prose_only:
        plain, _ = _article(prose_only)
        assert render(plain).text == plain


def test_common_preprint_tex_reads_as_math() -> None:
    assert readable(r"about $3\times 10^{25}$ FLOP") == "about 3 × 10²⁵ FLOP"
    assert readable(r"with $\alpha_N \approx 0.076$") == "with α_N ≈ 0.076"
    assert readable(r"a smooth fall is \textbf{not} evidence") == "a smooth fall is not evidence"
    assert readable(r"power law $\sim$100x beyond") == "power law ∼100x beyond"
    assert readable(r"as shown \cite{kaplan2020}.") == "as shown [kaplan2020]."
    assert readable(r"roughly 2\times 10^{25}.") == "roughly 2 × 10²⁵."
    assert readable("costs $20 and $30, or 50% of it") == "costs $20 and $30, or 50% of it"
    assert readable("a $5-$10 fee per $1,000") == "a $5-$10 fee per $1,000"


@given(st.text(alphabet="ab N$\\^_{}()0123.%~\n", max_size=80), st.data())
def test_for_any_text_the_prose_between_pieces_is_the_source_and_spans_stay_in_order(
    text, data
) -> None:
    """Whatever the text, the display is the source with only its TeX pieces replaced, and a
    later source span never shows before an earlier one."""
    shown = render(text)
    src = disp = 0
    for s0, s1, d0, d1 in shown.pieces:
        assert src <= s0 < s1 and d0 - disp == s0 - src
        assert shown.text[disp:d0] == text[src:s0]
        src, disp = s1, d1
    assert shown.text[disp:] == text[src:]
    a, b, c = sorted(data.draw(st.lists(st.integers(0, len(text)), min_size=3, max_size=3)))
    lo1, hi1 = shown.span(a, b)
    lo2, hi2 = shown.span(b, c)
    assert 0 <= lo1 <= hi1 <= len(shown.text) and lo1 <= lo2 and hi1 <= hi2


def test_a_proposals_title_shows_tex_as_text_and_its_quote_stays_verbatim() -> None:
    """A title is what the map shows; the quote is the source's own characters."""
    from model.importer import Article
    from model.importer.pipeline import propose

    text = (
        "Scaling and its limits\n\n"
        r"Per-step errors compound as $(1-\epsilon)^k$ over $k$ steps, so long agentic tasks "
        "will keep failing however large the model. "
        r"Frontier runs already used $2 \times 10^{25}$ FLOP and capability still did "
        r"\textbf{not} generalise to new kinds of task." + "\n"
    )
    result = propose(Article(text, title="Scaling and its limits"), [], "t", stance_model=None)
    assert result.proposals
    for p in result.proposals:
        assert "$" not in p.title and "\\" not in p.title
        assert text[p.start : p.end] == p.quote
    assert any("(1-ϵ)ᵏ" in p.title or "10²⁵" in p.title for p in result.proposals)


def test_a_long_titles_formula_keeps_its_brackets_while_an_aside_goes() -> None:
    from model.importer.pipeline import short_title

    tex = (
        r"Per-step errors compound as $(1-\epsilon)^k$ over $k$ steps, so long agentic tasks "
        "will keep failing however large the model."
    )
    assert "(1-ϵ)ᵏ" in short_title(tex)
    aside = (
        "Scaling laws (as a long and careful paper showed in 2020) hold over many orders of "
        "magnitude of compute and of data."
    )
    assert short_title(aside).startswith("Scaling laws hold over")


def test_an_empty_span_inside_a_formula_touches_the_whole_formula() -> None:
    """Hypothesis found both: an empty span in a formula must sit between the spans around it,
    and only the whole formula does ('000000^0': [7, 7) between [7, 8) and [6, 7))."""
    shown = render("000000^0")
    assert shown.span(7, 7) == shown.span(7, 8) == (6, 7)
    assert render("$0$").span(1, 1) == (0, 1)
