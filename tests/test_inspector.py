"""The inspector: every field edits the model through one undo step and follows the model."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMessageBox

from model.argmap import ArgumentMap
from model.entities import Citation, Scenario, Source
from ui.panels.inspector import Inspector
from ui.panels.sources_panel import CitationDialog


@pytest.fixture
def amap() -> ArgumentMap:
    m = ArgumentMap()
    m.add_source(
        Source("s1", "Situational Awareness", author="L. Aschenbrenner", url="https://x.org")
    )
    m.add_node("thesis", "Scaling LLMs leads to AGI", node_id="t")
    m.add_node("claim", "Compute keeps growing", node_id="c", tags=("compute",))
    m.add_node(
        "evidence", "Epoch: 4x per year", node_id="e", prior=0.8,
        citations=(Citation("s1", quote="orders of magnitude", locator="p. 3"),),
    )  # fmt: skip
    m.link("c", "t", "supports", "moderate")
    m.link("e", "c", "supports", "strong")
    return m


@pytest.fixture
def ui(qtbot, amap):
    stack = QUndoStack()
    inspector = Inspector(amap, stack)
    qtbot.addWidget(inspector)
    inspector.resize(380, 900)
    inspector.show()
    return inspector, stack


@pytest.fixture
def warnings(monkeypatch):
    """Collect message boxes instead of blocking on them."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, msg, *a: shown.append(msg))
    return shown


def test_typing_a_title_and_enter_edits_the_node_and_undo_restores(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    inspector.title.selectAll()
    qtbot.keyClicks(inspector.title, "Effective compute grows 10x a year")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Return)
    assert amap.node("c").title == "Effective compute grows 10x a year"
    stack.undo()
    assert amap.node("c").title == "Compute keeps growing"
    assert inspector.title.text() == "Compute keeps growing"  # the field follows the model


def test_blank_title_is_refused_and_the_old_title_kept(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    inspector.title.selectAll()
    qtbot.keyClick(inspector.title, Qt.Key.Key_Delete)
    qtbot.keyClick(inspector.title, Qt.Key.Key_Return)
    assert amap.node("c").title == "Compute keeps growing"
    assert inspector.title.text() == "Compute keeps growing"
    assert stack.count() == 0


def test_text_and_tags_commit_when_editing_finishes(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    inspector.text.setFocus()
    qtbot.keyClicks(inspector.text, "Training compute has grown 4x a year since 2010.")
    inspector.tags.setFocus()  # focus leaves the text box: committed
    assert amap.node("c").text == "Training compute has grown 4x a year since 2010."
    inspector.tags.selectAll()
    qtbot.keyClicks(inspector.tags, "compute, trend ,, compute")
    qtbot.keyClick(inspector.tags, Qt.Key.Key_Return)
    assert amap.node("c").tags == ("compute", "trend")
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert amap.node("c").text == "" and amap.node("c").tags == ("compute",)


def test_switching_nodes_commits_what_was_typed(qtbot, ui, amap):
    inspector, _ = ui
    inspector.show_nodes(["c"])
    inspector.title.setText("Compute keeps growing fast")  # typed, no Enter yet
    inspector.show_nodes(["e"])
    assert amap.node("c").title == "Compute keeps growing fast"
    assert inspector.title.text() == "Epoch: 4x per year"


def test_looking_at_a_node_never_edits_it(qtbot, ui, amap):
    """Stored text with stray spaces (an import, another tool) is not "edited" by selecting away."""
    inspector, stack = ui
    amap.update_node("c", text="Compute keeps growing.  \n", title="Compute keeps growing ")
    before = amap.node("c")
    inspector.show_nodes(["c"])
    inspector.show_nodes(["e"])
    inspector.show_nodes(["c"])
    inspector.show_nodes([])
    assert amap.node("c") == before
    assert stack.count() == 0, "no undo step for an edit nobody made"


def test_kind_change_and_refusal_leaves_map_untouched(qtbot, ui, amap, warnings):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    inspector.kind.setCurrentIndex(inspector.kind.findData("evidence"))
    inspector.kind.activated.emit(inspector.kind.currentIndex())
    assert amap.node("c").kind == "evidence"
    assert inspector.weight_head.text() == "Reliability"
    before = amap.snapshot()
    inspector.kind.setCurrentIndex(inspector.kind.findData("thesis"))  # it has a target: refused
    inspector.kind.activated.emit(inspector.kind.currentIndex())
    assert warnings and "thesis" in warnings[0]
    assert amap.snapshot() == before
    assert inspector.kind.currentData() == "evidence"
    stack.undo()
    assert amap.node("c").kind == "claim"
    assert inspector.weight_head.text() == "Prior credence"


def test_prior_in_a_scenario_shows_override_and_resets(qtbot, ui, amap):
    inspector, stack = ui
    amap.put_scenario(Scenario("Skeptic"))
    amap.set_meta("scenario", "Skeptic")
    inspector.show_nodes(["e"])
    assert inspector.spin.value() == 80 and not inspector.reset.isVisibleTo(inspector)
    inspector.spin.lineEdit().selectAll()
    qtbot.keyClicks(inspector.spin.lineEdit(), "35")
    qtbot.keyClick(inspector.spin.lineEdit(), Qt.Key.Key_Return)
    assert amap.prior("e") == pytest.approx(0.35)
    assert amap.node("e").prior == 0.8  # the map default is untouched
    assert inspector.slider.value() == 35
    assert "Skeptic" in inspector.override.text() and "80%" in inspector.override.text()
    assert inspector.reset.isVisibleTo(inspector)
    qtbot.mouseClick(inspector.reset, Qt.MouseButton.LeftButton)
    assert "e" not in amap.scenarios["Skeptic"].priors and inspector.spin.value() == 80
    stack.undo()
    assert amap.prior("e") == pytest.approx(0.35)
    stack.undo()
    assert amap.scenarios["Skeptic"].priors == {}


def test_slider_drag_is_one_undo_step(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    for v in (55, 60, 65, 70):
        inspector.slider.setValue(v)
    assert amap.prior("c") == pytest.approx(0.70)
    assert inspector.spin.value() == 70
    assert stack.count() == 1
    stack.undo()
    assert amap.prior("c") == 0.5 and inspector.slider.value() == 50


def test_link_rows_edit_relation_strength_and_exact_lambda(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    assert set(inspector.rows) == {("e", "c"), ("c", "t")}
    row = inspector.rows[("c", "t")]
    qtbot.mouseClick(row.relation, Qt.MouseButton.LeftButton)
    assert amap.edge("c", "t").relation == "attacks"
    assert row.relation.text() == "Attacks"
    row.strength.setCurrentText("decisive")
    row.strength.activated.emit(row.strength.currentIndex())
    assert amap.strength("c", "t") == 20.0
    row.lam.lineEdit().selectAll()
    qtbot.keyClicks(row.lam.lineEdit(), "3.5")
    qtbot.keyClick(row.lam.lineEdit(), Qt.Key.Key_Return)
    assert amap.strength("c", "t") == pytest.approx(3.5)
    assert row.strength.currentText() == "moderate"  # nearest step on the scale
    for _ in range(stack.count()):
        stack.undo()
    assert amap.edge("c", "t").relation == "supports" and amap.strength("c", "t") == 3.0


def test_credence_and_pulls_match_the_engine(ui, amap):
    from model.credence import explain

    inspector, _ = ui
    inspector.show_nodes(["c"])
    ex = explain(amap, "c")
    assert f"{ex.credence:.0%}" in inspector.credence.text()
    pull = ex.reasons[0].points
    assert inspector.rows[("e", "c")].pull.text() == f"{pull:+.1f} pts"
    amap.set_prior("e", 0.1)  # an edit elsewhere: the numbers follow
    ex = explain(amap, "c")
    assert f"{ex.credence:.0%}" in inspector.credence.text()


def test_unlink_and_undo(qtbot, ui, amap):
    inspector, stack = ui
    inspector.show_nodes(["c"])
    qtbot.mouseClick(inspector.rows[("e", "c")].unlink, Qt.MouseButton.LeftButton)
    assert not amap.graph.has_edge("e", "c") and ("e", "c") not in inspector.rows
    stack.undo()
    assert amap.edge("e", "c").strength == 6.0 and ("e", "c") in inspector.rows


def test_clicking_a_linked_node_requests_it(qtbot, ui):
    inspector, _ = ui
    inspector.show_nodes(["c"])
    with qtbot.waitSignal(inspector.nodeRequested) as sig:
        inspector.rows[("c", "t")].name.linkActivated.emit("node")
    assert sig.args == ["t"]


def test_follows_external_edits_and_deletion(ui, amap):
    inspector, _ = ui
    inspector.show_nodes(["c"])
    amap.update_node("c", title="Renamed elsewhere", tags=("x", "y"))
    assert inspector.title.text() == "Renamed elsewhere"
    assert inspector.tags.text() == "x, y"
    amap.remove_node("c")
    assert inspector.pages.currentIndex() == 0 and inspector.ids == []


def test_multi_selection_bulk_kind_and_tags_in_one_step(qtbot, ui, amap):
    inspector, stack = ui
    amap.update_node("e", tags=("compute", "epoch"))
    inspector.show_nodes(["c", "e"])
    assert inspector.count.text() == "2 nodes selected"
    assert inspector.multi_kind.currentText() == "(mixed)"
    assert inspector.multi_tags.text() == "compute"
    inspector.multi_tags.selectAll()
    qtbot.keyClicks(inspector.multi_tags, "trend")
    qtbot.keyClick(inspector.multi_tags, Qt.Key.Key_Return)
    assert amap.node("c").tags == ("trend",) and amap.node("e").tags == ("epoch", "trend")
    idx = inspector.multi_kind.findData("evidence")
    inspector.multi_kind.setCurrentIndex(idx)
    inspector.multi_kind.activated.emit(idx)
    assert {amap.node(i).kind for i in "ce"} == {"evidence"}
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert amap.node("c").tags == ("compute",) and amap.node("c").kind == "claim"


def _accept_with(monkeypatch, fill):
    def fake_exec(dialog):
        fill(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CitationDialog, "exec", fake_exec)


def test_cite_a_new_source_is_one_undo_step(qtbot, ui, amap, monkeypatch):
    inspector, stack = ui
    inspector.show_nodes(["c"])

    def fill(d):
        d.picker.setCurrentIndex(d.picker.findData(CitationDialog.NEW))
        d.form.title.setText("Will scaling work?")
        d.form.author.setText("Dwarkesh Patel")
        d.form.url.setText("https://www.dwarkesh.com/p/will-scaling-work")
        d.form.date.setText("2023-12-26")
        d.quote.setPlainText("the data wall")

    _accept_with(monkeypatch, fill)
    inspector.add_citation()
    (cite,) = amap.node("c").citations
    assert amap.sources[cite.source].author == "Dwarkesh Patel" and cite.quote == "the data wall"
    assert "Will scaling work?" in inspector.cites.itemWidget(inspector.cites.item(0)).text()
    stack.undo()
    assert amap.node("c").citations == () and len(amap.sources) == 1


def test_edit_and_remove_a_citation(qtbot, ui, amap, monkeypatch):
    inspector, stack = ui
    inspector.show_nodes(["e"])
    inspector.cites.setCurrentRow(0)

    def fill(d):
        assert d.picker.currentData() == "s1"
        d.locator.setText("p. 4")
        d.form.author.setText("Leopold Aschenbrenner")

    _accept_with(monkeypatch, fill)
    inspector.edit_citation()
    assert amap.node("e").citations[0].locator == "p. 4"
    assert amap.sources["s1"].author == "Leopold Aschenbrenner"
    inspector.cites.setCurrentRow(0)
    qtbot.mouseClick(inspector.cite_remove, Qt.MouseButton.LeftButton)
    assert amap.node("e").citations == ()
    stack.undo()
    stack.undo()
    assert amap.node("e").citations[0].locator == "p. 3"
    assert amap.sources["s1"].author == "L. Aschenbrenner"


def test_open_url_asks_first_and_opens_only_web_links(qtbot, ui, amap, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    inspector, _ = ui
    opened, asked = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a: asked.append(a) or QMessageBox.StandardButton.No
    )
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    inspector.show_nodes(["e"])
    inspector.cites.setCurrentRow(0)
    assert inspector.cite_open.isEnabled()
    inspector.open_citation_url()
    assert len(asked) == 1 and opened == []  # the user said no
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    inspector.open_citation_url()
    assert [u.toString() for u in opened] == ["https://x.org"]
    amap.update_source(Source("s1", "Situational Awareness", url="javascript:alert(1)"))
    inspector.open_citation_url()
    assert len(opened) == 1  # never opened, never even asked


def test_series_placeholder_names_the_series(ui, amap):
    inspector, _ = ui
    amap.update_node("e", series="training_compute")
    inspector.show_nodes(["e"])
    assert inspector.series_head.isVisibleTo(inspector)
    assert inspector.series_box.count() == 1


def test_strength_override_in_a_scenario_can_be_reset(qtbot, ui, amap):
    inspector, stack = ui
    amap.put_scenario(Scenario("Optimist"))
    amap.set_meta("scenario", "Optimist")
    inspector.show_nodes(["c"])
    row = inspector.rows[("c", "t")]
    assert not row.reset.isVisibleTo(inspector)
    row.strength.setCurrentText("strong")
    row.strength.activated.emit(row.strength.currentIndex())
    assert amap.strength("c", "t") == 6.0 and amap.edge("c", "t").strength == 3.0
    assert row.reset.isVisibleTo(inspector) and "Optimist" in row.lam.toolTip()
    qtbot.mouseClick(row.reset, Qt.MouseButton.LeftButton)
    assert amap.scenarios["Optimist"].strengths == {} and row.lam.value() == 3.0
    stack.undo()
    assert amap.strength("c", "t") == 6.0


def test_reasons_are_listed_strongest_pull_first_and_stay_put_while_weighed(qtbot, ui, amap):
    """Supporters then attackers, each by |pull| (as the focus view lists them); weighing a
    link of the shown node does not reorder the rows under the mouse."""
    from ui.commands.credence import set_strength_command
    from ui.commands.edits import push

    inspector, stack = ui
    for nid, title, relation, strength in (("a", "Alpha weak", "supports", "weak"),
                                           ("z", "Zulu strong", "supports", "decisive"),
                                           ("b", "Beta attack", "attacks", "strong")):  # fmt: skip
        amap.add_node("claim", title, node_id=nid)
        amap.link(nid, "t", relation, strength)
    inspector.show_nodes(["t"])
    order = [key[0] for key in inspector.rows]
    assert order == ["z", "c", "a", "b"], "supporters by pull (not by title), then attackers"
    push(stack, set_strength_command(amap, "a", "t", "decisive"))
    assert [key[0] for key in inspector.rows] == order, "kept while the node is shown"
    inspector.show_nodes(["c"])
    inspector.show_nodes(["t"])
    assert [key[0] for key in inspector.rows][:2] in (["z", "a"], ["a", "z"])


def test_strength_words_tell_no_pull_from_not_yet_weighed(qtbot, ui, amap):
    """The strength box never offers "none" beside "not yet weighed" (they read alike): the
    step λ 1 says it was weighed and pulls nothing, "not yet weighed" shows a link's state
    and cannot be picked, and each item says what it means in a tooltip."""
    from PySide6.QtGui import QStandardItemModel

    from model.weights import NO_PULL, UNWEIGHED

    inspector, stack = ui
    inspector.show_nodes(["c"])
    row = inspector.rows[("c", "t")]
    texts = [row.strength.itemText(i) for i in range(row.strength.count())]
    assert "none" not in texts and NO_PULL in texts and UNWEIGHED in texts
    # the long name does not widen the box: a narrow dock keeps the λ box beside it in view
    assert row.strength.minimumSizeHint().width() < row.fontMetrics().horizontalAdvance(NO_PULL)
    model = row.strength.model()
    assert isinstance(model, QStandardItemModel)
    assert not model.item(texts.index(UNWEIGHED)).isEnabled()  # a state, not a choice
    index = texts.index(NO_PULL)
    assert "weighed" in row.strength.itemData(index, Qt.ItemDataRole.ToolTipRole)
    row.strength.setCurrentIndex(index)
    row.strength.activated.emit(index)
    assert amap.strength("c", "t") == 1.0
    assert row.strength.currentText() == NO_PULL
    amap.add_node("claim", "Fresh", node_id="f")
    amap.link("f", "t", "supports")
    inspector.show_nodes(["f"])
    assert inspector.rows[("f", "t")].strength.currentText() == UNWEIGHED


def test_an_unweighed_link_shows_a_dash_for_lambda_not_the_no_pull_weighing(qtbot, ui, amap):
    """An imported reason's link nobody has weighed read "not yet weighed · λ 1.00": λ 1 is
    the weighing "no pull", so the box said it was weighed. It shows "λ —"; a step up from
    there weighs it at λ 1, and the weighing "no pull" shows λ 1.00."""
    inspector, stack = ui
    amap.add_node("claim", "Imported and unweighed", node_id="u")
    amap.link("u", "t", "attacks")
    inspector.show_nodes(["u"])
    row = inspector.rows[("u", "t")]
    assert row.strength.currentText() == "not yet weighed"
    assert row.lam.text() == "λ —"
    row.lam.stepUp()
    assert amap.strength("u", "t") == 1.0 and row.lam.text() == "λ 1.00"
    stack.undo()
    assert amap.strength("u", "t") is None and row.lam.text() == "λ —"


def test_another_node_is_shown_from_its_title_and_an_edit_keeps_the_place(qtbot, ui, amap):
    """Scrolled down to a node's links, picking another node on the map showed the new node
    at the old scroll position (the middle of its reasons, no title in sight); it now starts
    at the top. An edit to the node shown, or re-showing it, keeps the place."""
    from ui.commands.credence import set_strength_command
    from ui.commands.edits import push

    inspector, stack = ui
    inspector.resize(380, 300)
    for i in range(12):
        amap.add_node("claim", f"Reason {i}", node_id=f"r{i}")
        amap.link(f"r{i}", "t", "supports", "weak")
        amap.link(f"r{i}", "c", "attacks", "weak")
    inspector.show_nodes(["t"])
    bar = inspector.pages.currentWidget().verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 200)
    bar.setValue(bar.maximum())
    push(stack, set_strength_command(amap, "r3", "t", "strong"))
    inspector.show_nodes(["t"])
    assert bar.value() > 200, "an edit and a re-show keep the place"
    inspector.show_nodes(["c"])
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    inspector.show_nodes(["c", "e"])
    multi = inspector.pages.currentWidget().verticalScrollBar()
    assert multi.value() == 0
