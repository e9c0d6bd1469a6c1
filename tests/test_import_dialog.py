"""The review dialog with pytest-qt: highlight, accept, edit, re-target, reject, bulk accept."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QTextCursor  # noqa: E402

from model.entities import Point, Series  # noqa: E402
from model.importer import Article, NodeRef, propose  # noqa: E402
from model.tex_display import readable  # noqa: E402
from ui.importing.import_dialog import ImportDialog  # noqa: E402
from ui.importing.proposal_reading import STANCE_SHOWN  # noqa: E402

NODES = [
    NodeRef("T", "Scaling current LLM approaches will lead to AGI", kind="thesis", side=0),
    NodeRef("data", "We will run out of training data", side=-1),
    NodeRef("trend", "Benchmark scores keep improving with scale", side=1),
]
TEXT = (
    "Supporters say scaling will lead to AGI within a decade. 🚀 But models still fail simple "
    "planning tasks that need many steps.\nThe stock of human text is finite, so we will run "
    "out of training data soon. Scaling alone will not produce general intelligence."
)


def review(qtbot, text: str, title: str = "", **kwargs) -> ImportDialog:
    """The review dialog of an article of ours, proposed against NODES."""
    dlg = ImportDialog(propose(Article(text=text, title=title), NODES, "T"), NODES, **kwargs)
    qtbot.addWidget(dlg)
    return dlg


@pytest.fixture
def dialog(qtbot):
    return review(qtbot, TEXT, "Own test")


def test_lists_and_highlights(dialog) -> None:
    assert dialog.table.rowCount() == len(dialog.result.proposals) >= 3
    for row, p in enumerate(dialog.result.proposals):
        dialog.select(row)
        assert dialog.highlighted_text() == p.quote  # offsets survive the emoji (UTF-16)
        assert dialog.stance_box.currentText() == p.stance


def test_accept_edit_retarget_reject(dialog, qtbot) -> None:
    dialog.select(0)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    dialog.select(1)
    dialog.title_edit.clear()
    qtbot.keyClicks(dialog.title_edit, "Edited title")
    dialog.stance_box.setCurrentText("pro")
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("data"))
    assert dialog.relation_box.currentText() == "attacks"  # pro vs a node against the thesis
    dialog.select(2)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.reject_button, Qt.MouseButton.LeftButton)
    decisions = dialog.decisions()
    assert len(decisions) == 2
    edited = next(d for d in decisions if d.title == "Edited title")
    assert (edited.stance, edited.target, edited.relation) == ("pro", "data", "attacks")
    assert dialog.result.proposals[2].quote not in {d.quote for d in decisions}


def test_checkbox_and_bulk_accept(dialog) -> None:
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Checked)
    assert len(dialog.decisions()) == 1
    n = dialog.accept_above(0.0)
    assert n == len(dialog.result.proposals) == len(dialog.decisions())
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert len(dialog.decisions()) == n - 1


def test_threshold_button(dialog, qtbot) -> None:
    dialog.threshold_spin.setValue(1.0)
    qtbot.mouseClick(dialog.accept_above_button, Qt.MouseButton.LeftButton)
    assert dialog.decisions() == []
    dialog.threshold_spin.setValue(0.0)
    qtbot.mouseClick(dialog.accept_above_button, Qt.MouseButton.LeftButton)
    assert len(dialog.decisions()) == len(dialog.result.proposals)


def test_empty_proposals(qtbot) -> None:
    dlg = review(qtbot, "Nothing here.")
    assert dlg.table.rowCount() == 0 and dlg.decisions() == []


# ------------------------------------------------------------------ trend facts tab
SERIES = {
    "arc_agi_1_pct": Series("arc_agi_1_pct", "ARC-AGI-1 score", "%"),
    "arc_agi_2_pct": Series("arc_agi_2_pct", "ARC-AGI-2 score", "%"),
    "train_cost_usd": Series("train_cost_usd", "Training cost of the final run", "USD"),
    "text_stock": Series("text_stock", "Stock of human text", "tokens", kind="reference"),
}
FACTS_TEXT = (
    "Scaling will not lead to AGI. In 2025 o3 scored 53% on ARC-AGI-1 but 3% on ARC-AGI-2. "
    "The stock of human text is about 300 trillion tokens."
)


@pytest.fixture
def facts_dialog(qtbot):
    return review(qtbot, FACTS_TEXT, "Facts", series=SERIES)


def _row(dlg: ImportDialog, quote: str) -> int:
    return next(r for r, f in enumerate(dlg.facts) if f.quote == quote)


def test_facts_tab_lists_facts_with_suggested_series(facts_dialog) -> None:
    dlg = facts_dialog
    assert dlg.tabs.tabText(1) == "Trend facts"
    assert dlg.fact_table.rowCount() == len(dlg.result.trend_facts) == 3
    assert dlg.fact_series(_row(dlg, "53%")) == "arc_agi_1_pct"
    assert dlg.fact_series(_row(dlg, "3%")) == "arc_agi_2_pct"
    box = dlg.fact_table.cellWidget(0, 6)
    offered = {box.itemData(i) for i in range(box.count())}
    assert offered == {None, "arc_agi_1_pct", "arc_agi_2_pct", "train_cost_usd"}  # data only
    dlg.fact_table.selectRow(_row(dlg, "53%"))
    assert dlg.fact_highlighted_text() == "53%"
    assert "series: ARC-AGI-1" in dlg.fact_detail.text()


def test_accept_a_fact(facts_dialog) -> None:
    dlg = facts_dialog
    assert dlg.fact_decisions() == []
    r = _row(dlg, "53%")
    dlg.fact_table.item(r, 0).setCheckState(Qt.CheckState.Checked)
    (d,) = dlg.fact_decisions()
    assert (d.quote, d.value, d.series, d.date) == ("53%", 53.0, "arc_agi_1_pct", "2025")
    dlg.set_fact_series(r, "arc_agi_2_pct")  # the user corrects the suggestion
    assert [x.series for x in dlg.fact_decisions()] == ["arc_agi_2_pct"]
    assert dlg.decisions() == []  # claims are reviewed separately


def test_unacceptable_fact_cannot_be_checked(facts_dialog) -> None:
    dlg = facts_dialog
    r = _row(dlg, "300 trillion tokens")  # the stock of text: a level, whatever series is chosen
    item = dlg.fact_table.item(r, 0)
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    assert "reference level" in item.toolTip(), "what the number is, not 'choose a series'"
    item.setCheckState(Qt.CheckState.Checked)
    assert dlg.fact_table.item(r, 0).checkState() == Qt.CheckState.Unchecked
    assert not dlg.set_fact_accepted(r, True)
    ok = _row(dlg, "53%")
    dlg.set_fact_series(ok, "train_cost_usd")  # % into a USD series: refused, says why
    assert not dlg.set_fact_accepted(ok, True)
    assert "does not fit" in dlg.fact_table.item(ok, 7).text()
    assert dlg.accept_fitting_facts() == 1 and dlg.fact_decisions()[0].quote == "3%"


def test_a_reviewer_weighs_a_proposal_before_accepting(dialog) -> None:
    from dataclasses import replace

    from model.argmap import ArgumentMap
    from model.entities import Node
    from model.importer.apply import apply_import

    row = next(r for r, d in enumerate(dialog._items) if d.relation != "duplicate")
    dialog.select(row)
    assert dialog.strength_box.currentText() == "not yet weighed"
    dialog.strength_box.setCurrentText("strong")
    assert dialog.table.item(row, 5).text() == "strong"
    texts = [dialog.strength_box.itemText(i) for i in range(dialog.strength_box.count())]
    assert "none" not in texts and "no pull (weighed: irrelevant)" in texts  # not "none"
    dialog.strength_box.setCurrentText("no pull (weighed: irrelevant)")
    assert dialog.table.item(row, 5).text() == "no pull (weighed: irrelevant)"
    assert dialog._items[row].strength == "none"  # the label the importer applies
    dialog.strength_box.setCurrentText("strong")
    other = next(r for r, d in enumerate(dialog._items) if r != row and d.relation != "duplicate")
    dialog.set_accepted(other, True)
    weighed = {d.quote: d.strength for d in dialog.decisions()}
    assert weighed[dialog._items[row].quote] == "strong"
    assert weighed[dialog._items[other].quote] is None  # left unweighed

    amap = ArgumentMap()
    amap.insert_node(Node(id="T", kind="thesis", title="Scaling leads to AGI"))
    decisions = [replace(d, target="T", relation="supports") for d in dialog.decisions()]
    out = apply_import(amap, dialog.result.article, decisions)
    strong = next(n for n in out["nodes"] if amap.node(n).text == dialog._items[row].quote)
    assert amap.strength(strong, "T") == 6.0


# Sentences with no cue of their own: their stance is the article's side (our own text).
PLAIN = (
    "The next generation of systems arrives in the spring. Labs are building larger clusters "
    "this year, and the team retrained the model on a bigger corpus.\n\nResearchers measured "
    "the results on a new test set. Scaling alone will not produce general intelligence. The "
    "organisers published the scores for every entrant a week later.\n\nThe committee will meet "
    "again in March to review the figures. Several groups submitted their systems before the "
    "deadline, and the final table lists them by team name."
)


@pytest.fixture
def side_dialog(qtbot):
    # Proposed by the rules' ranking, so that retraining the claim ranker (which decides which
    # of these plain sentences are worth proposing) leaves the dialog's subject in place: a
    # cue-less sentence whose stance follows the article's side.
    result = propose(Article(text=PLAIN, title="Notes from the lab"), NODES, "T", claim_model=None)
    dlg = ImportDialog(result, NODES)
    qtbot.addWidget(dlg)
    return dlg


def test_choosing_the_articles_side_rereads_every_stance_not_set_by_hand(side_dialog) -> None:
    """A misread article is corrected in one step: each stance follows the chosen side as the
    importer would have read it, a stance the reviewer set stays, and "as read" restores."""
    props = side_dialog.result.proposals
    assert side_dialog.side_box.currentText().startswith("as read")
    side_dialog.select(0)
    side_dialog.stance_box.setCurrentText("neutral")  # set by hand
    assert (
        side_dialog.table.item(0, 1).font().bold()
        and not side_dialog.table.item(1, 1).font().bold()
    )
    for side in ("con", "pro", "mixed"):
        side_dialog.set_side(side)
        for r, p in enumerate(props):
            want = "neutral" if r == 0 else p.readings[side][0]
            assert side_dialog.table.item(r, 1).text() == STANCE_SHOWN[want]
            if r:
                assert side_dialog.table.item(r, 2).text() == f"{p.readings[side][1]:.2f}"
    assert any(p.readings["con"][0] != p.readings["pro"][0] for p in props)
    side_dialog.set_side(None)
    assert [side_dialog.table.item(r, 1).text() for r in range(1, len(props))] == [
        STANCE_SHOWN[p.stance] for p in props[1:]
    ]
    side_dialog.select(1)
    assert side_dialog.stance_box.currentText() == props[1].stance


def test_a_rereading_keeps_the_relation_in_step_with_the_stance(side_dialog) -> None:
    """A reason re-read from pro to con turns from attacking to supporting a node against the
    thesis (and back), as if the reviewer had changed its stance."""
    flips = [
        r
        for r, p in enumerate(side_dialog.result.proposals)
        if p.readings["pro"][0] != p.readings["con"][0]
        and "neutral" not in (p.readings["pro"][0], p.readings["con"][0])
    ]
    assert flips
    for r in flips:
        side_dialog.select(r)
        side_dialog.target_box.setCurrentIndex(side_dialog.target_box.findData("data"))  # side -1
    for side in ("pro", "con"):
        side_dialog.set_side(side)
        for r in flips:
            d = side_dialog._items[r]
            assert d.stance == side_dialog.result.proposals[r].readings[side][0]
            want = "supports" if d.stance == "con" else "attacks"
            assert d.relation == want and side_dialog.table.item(r, 3).text() == want


def test_the_selected_sentence_is_shown_whole_with_context(qtbot) -> None:
    """Selecting a claim far down a long article scrolls its sentence into the upper part of
    the pane with some text above it, not onto an edge."""
    filler = "\n\n".join(
        f"Paragraph {k} is background about the history of computing." for k in range(80)
    )
    text = f"{filler}\n\n{TEXT}\n\n{filler}"
    dlg = review(qtbot, text, "Long")
    result = dlg.result
    dlg.resize(1100, 700)
    dlg.show()
    qtbot.waitExposed(dlg)
    row = next(r for r, p in enumerate(result.proposals) if "planning" in p.quote)
    dlg.select(row)
    view = dlg.text_view
    sels = view.extraSelections()
    cur = QTextCursor(view.document())
    cur.setPosition(sels[0].cursor.selectionStart())
    top = view.cursorRect(cur).top()
    cur.setPosition(sels[0].cursor.selectionEnd())
    bottom = view.cursorRect(cur).bottom()
    height = view.viewport().height()
    assert height // 6 <= top <= height // 2 and bottom <= height  # context above, all of it shown


def test_the_article_pane_spaces_paragraphs_and_bolds_headings_without_changing_the_text(
    qtbot,
) -> None:
    text = "Why scale wins\n\nScaling keeps working on every benchmark we track.\nData is running short."
    dlg = review(qtbot, text, "Why scale wins")
    result = dlg.result
    doc = dlg.text_view.document()
    assert doc.toPlainText() == text  # offsets of every highlight stay valid
    heads = [s for s in result.sentences if s.heading]
    assert heads, "the reader marks the heading"
    first = doc.findBlock(0)
    assert first.begin().fragment().charFormat().fontWeight() >= 700
    body = doc.findBlock(text.index("Scaling"))
    assert body.begin().fragment().charFormat().fontWeight() < 700
    assert body.blockFormat().bottomMargin() > 0


# ------------------------------------------------------------ TeX and plain readings
# Our own preprint-style text: TeX math and markup around claims the importer proposes.
TEX_TEXT = (
    r"Models still fail simple planning tasks that need many steps, and the error compounds as "
    r"$(1-\epsilon)^k$ over $k$ steps. The stock of public human text is finite, about "
    r"$3 \times 10^{14}$ tokens, so we will run out of training data. Scaling alone will "
    r"\textbf{not} produce general intelligence."
    "\n\n"
    r"Loss falls as $L(N) = (N_c/N)^{\alpha_N}$ with $\alpha_N \approx 0.076$ across six orders "
    r"of magnitude, and runs of $5 \times 10^{25}$ FLOP are planned."
)


@pytest.fixture
def tex_dialog(qtbot):
    return review(qtbot, TEX_TEXT, "A preprint")


def test_the_article_pane_shows_tex_as_math_and_highlights_the_quotes_words(tex_dialog) -> None:
    """The pane reads "3 × 10¹⁴", not "$3 \\times 10^{14}$", and each quote is still lit on its
    own (rendered) words, while the quote the import keeps is the article's text verbatim."""
    shown = tex_dialog.text_view.toPlainText()
    assert "3 × 10¹⁴ tokens" in shown and "α_N ≈ 0.076" in shown and "will not produce" in shown
    assert "$" not in shown and "\\" not in shown
    with_tex = [r for r, p in enumerate(tex_dialog.result.proposals) if "$" in p.quote]
    assert with_tex
    for row, p in enumerate(tex_dialog.result.proposals):
        tex_dialog.select(row)
        assert tex_dialog.highlighted_text() == readable(p.quote)
    tex_dialog.accept_above(0.0)
    assert {d.quote for d in tex_dialog.decisions()} == {
        p.quote for p in tex_dialog.result.proposals
    }
    assert any("$(1-\\epsilon)^k$" in d.quote for d in tex_dialog.decisions())


def test_rows_show_titles_and_quotes_with_tex_rendered(tex_dialog) -> None:
    title_col = tex_dialog.table.columnCount() - 1
    for row, p in enumerate(tex_dialog.result.proposals):
        cell = tex_dialog.table.item(row, title_col)
        assert cell.text() == readable(p.title)
        assert readable(p.quote) in cell.toolTip()
    rows = range(tex_dialog.table.rowCount())
    assert any("(1-ϵ)ᵏ" in tex_dialog.table.item(r, title_col).toolTip() for r in rows)


def test_a_reason_backing_a_node_against_the_thesis_reads_plainly(dialog) -> None:
    """A con claim supporting a node against the thesis reads as one chain ("against" the
    thesis, supports an "against" node), not as "con supports"; a link that pulls the other
    way than the stance is pointed out."""
    dialog.select(0)
    dialog.stance_box.setCurrentText("con")
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("data"))
    assert dialog.relation_box.currentText() == "supports"
    cells = [dialog.table.item(0, c).text() for c in (1, 3, 4)]
    assert cells == ["against", "supports", "against: We will run out of training data"]
    plain = (
        "Argues against the thesis: supports “We will run out of training data”, "
        "a reason against the thesis."
    )
    assert dialog.reading_label.text() == plain
    assert dialog.table.item(0, 4).toolTip().startswith(plain)
    dialog.relation_box.setCurrentText("attacks")  # now it would count for the thesis
    assert "counts for the thesis" in dialog.reading_label.text()
    dialog.target_box.setCurrentIndex(dialog.target_box.findData("T"))
    assert dialog.table.item(0, 4).text().startswith("the thesis: ")
    assert dialog.reading_label.text() == "Argues against the thesis: attacks the thesis directly."


def test_a_fact_quote_cut_from_a_formula_is_listed_as_its_highlight_shows_it(tex_dialog) -> None:
    """A trend fact found inside math ("10^{14}$ tokens") is listed as the pane lights it
    ("3 × 10¹⁴ tokens"), never as TeX with a stray "$"."""
    dlg = tex_dialog
    assert dlg.facts and any("$" in f.quote for f in dlg.facts)
    for row in range(len(dlg.facts)):
        dlg.fact_table.selectRow(row)
        cell = dlg.fact_table.item(row, 1).text()
        assert cell == dlg.fact_highlighted_text()
        assert "$" not in cell and "\\" not in cell


def test_a_target_is_found_by_any_words_of_its_title(dialog, qtbot) -> None:
    """Every target entry starts with its side ("against: …"): typing words of the title must
    still find it, and choosing the match retargets the row."""
    dialog.select(0)
    box = dialog.target_box
    box.lineEdit().clear()
    qtbot.keyClicks(box.lineEdit(), "run out")
    popup = box.completer().popup()
    shown = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    assert len(shown) == 1 and "We will run out of training data" in shown[0]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert box.currentData() == "data"
    assert dialog.relation_box.currentText() in ("supports", "attacks")


def test_a_long_proposed_title_shows_from_its_first_word(qtbot) -> None:
    """Selecting a row puts its title in the Title field: a title wider than the field must
    show its beginning (what the claim is), not its last words."""
    long = (
        "Scaling alone will not produce general intelligence because it ignores the physical "
        "limits of computation, the rising costs of linear progress and every other limit. "
    )
    dlg = review(qtbot, long + TEXT)
    dlg.show()
    qtbot.waitExposed(dlg)
    wide = [r for r, d in enumerate(dlg._items) if dlg.title_edit.fontMetrics().horizontalAdvance(
        d.title) > dlg.title_edit.width()]  # fmt: skip
    assert wide, "a title wider than the field"
    for row in wide:
        dlg.select(0 if row else 1)
        dlg.select(row)
        assert dlg.title_edit.cursorPosition() == 0, dlg.title_edit.text()


def _highlight_top(view) -> tuple[int, int]:  # noqa: ANN001
    """Where the highlighted quote starts in the pane, and the pane's height."""
    sels = view.extraSelections()
    cur = QTextCursor(view.document())
    cur.setPosition(sels[0].cursor.selectionStart())
    return view.cursorRect(cur).top(), view.viewport().height()


def test_the_first_claim_and_fact_are_shown_with_context_when_first_seen(qtbot) -> None:
    """The first claim and fact are selected before the dialog is shown: when the user first
    sees each tab, its sentence sits in the upper part of the pane, not on an edge."""
    filler = "\n\n".join(
        f"Paragraph {k} is background about the history of computing." for k in range(80)
    )
    dlg = review(qtbot, f"{filler}\n\n{FACTS_TEXT}\n\n{filler}", "Long", series=SERIES)
    dlg.resize(1100, 700)
    dlg.show()
    qtbot.waitExposed(dlg)
    qtbot.wait(20)
    top, height = _highlight_top(dlg.text_view)
    assert height // 6 <= top <= height // 2, ("claim", top, height)
    dlg.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    top, height = _highlight_top(dlg.fact_text_view)
    assert height // 6 <= top <= height // 2, ("fact", top, height)


def test_the_facts_summary_says_what_its_second_number_counts(facts_dialog) -> None:
    text = facts_dialog.fact_summary.text()
    assert text == "0 of 3 facts accepted; 2 can be added", text


def test_the_facts_summary_counts_apart_the_numbers_a_series_has_already(qtbot) -> None:
    """ "N can be added" is what "Accept all that fit a series" would take: a fact whose number
    the series holds already is counted as already there, not as one more to add."""
    had = Series("arc_agi_1_pct", "ARC-AGI-1 score", "%", (Point("2025", 53.0, "o3"),))
    dlg = review(qtbot, FACTS_TEXT, "Facts", series={**SERIES, "arc_agi_1_pct": had})
    assert dlg.fact_summary.text() == (
        "0 of 3 facts accepted; 1 can be added; 1 already in their series"
    ), dlg.fact_summary.text()
    assert dlg.accept_fitting_facts() == 1


@pytest.mark.parametrize(
    "lean, shown", [(-0.79, "as read: con (−0.79)"), (0.5, "as read: pro (+0.50)")]
)
def test_the_articles_side_as_read_is_signed_like_the_maps_numbers(lean, shown) -> None:
    """A true minus sign, as on the cards ("−20 pts"), not a hyphen."""
    from ui.importing.import_dialog import _as_read

    assert _as_read(lean) == shown


def test_the_facts_table_fits_the_dialogs_default_size_and_says_things_once(
    facts_dialog, qtbot
) -> None:
    """At the size the dialog opens with, every facts column is on screen with no sideways
    scrolling and Status has room to be read; a cell that is still cut off shows its whole text
    as a tooltip; the line under the table does not repeat the selected row's status."""
    dlg = facts_dialog
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.tabs.setCurrentIndex(1)
    qtbot.wait(20)
    table, header = dlg.fact_table, dlg.fact_table.horizontalHeader()
    assert header.length() <= table.viewport().width(), "columns run past the table"
    assert not table.horizontalScrollBar().isVisible()
    status = table.columnCount() - 1
    assert header.sectionSize(status) >= 180, [header.sectionSize(c) for c in range(status + 1)]
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None and c:
                assert item.toolTip(), (r, c)  # the whole text, for a cut-off cell
        table.selectRow(r)
        shown = table.item(r, status).text()
        assert shown not in dlg.fact_detail.text(), (shown, dlg.fact_detail.text())


def test_escape_or_cancel_after_accepting_asks_before_the_review_is_dropped(
    dialog, qtbot, monkeypatch
) -> None:
    """Escape in the Title box (to undo a title edit) or Cancel closed the dialog at once,
    and every proposal the user had accepted and edited was lost. With items accepted it
    asks first; keeping the review leaves the dialog open, as it was."""
    import ui.importing.import_dialog as module

    asked: list[str] = []
    answer = [False]

    def confirm(parent, text: str) -> bool:  # noqa: ANN001
        asked.append(text)
        return answer[0]

    monkeypatch.setattr(module, "confirm_discard", confirm)
    dialog.show()
    try:
        dialog.select(0)
        qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
        dialog.title_edit.setFocus()
        qtbot.keyClick(dialog.title_edit, Qt.Key.Key_Escape)
        assert dialog.isVisible(), "the review is kept"
        assert asked and "1 accepted claim " in asked[-1]
        assert len(dialog.decisions()) == 1
        answer[0] = True
        dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
        assert not dialog.isVisible()
    finally:
        answer[0] = True
        dialog.close()


def test_cancel_with_nothing_accepted_closes_without_asking(dialog, monkeypatch) -> None:
    import ui.importing.import_dialog as module

    monkeypatch.setattr(module, "confirm_discard", lambda parent, text: pytest.fail("asked"))
    dialog.show()
    dialog.reject()
    assert not dialog.isVisible()
