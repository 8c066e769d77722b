"""Areas, categories and source channels the bureau added in the settings, in the three lists:
the problem form offers and saves them, the list, the details and the history label them, and
the filter bar finds them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.models import Problem
from db.queries.problems import problem_page
from db.vocab_extra import load_vocabularies
from desktop.ui.lists.details import HistoryDialog
from desktop.ui.lists.dialogs import Choices, ProblemDialog
from desktop.ui.lists.filters import FilterBar
from desktop.ui.lists.widget import PROBLEMS
from tests.added_terms import AREA, CATEGORY, CHANNEL, add_terms

from .conftest import ADMIN, Org, make_widget

SOURCE, AREA_COLUMN, CATEGORY_COLUMN = 5, 8, 9  # ListColumns of the problem list


def offered(combo: QComboBox) -> dict[str, str]:
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())
            if combo.itemData(i) is not None}


def test_added_terms_are_offered_saved_and_labelled(qtbot: QtBot, db: Database, org: Org,
                                                     tmp_path: Path) -> None:
    add_terms(db)
    w = make_widget(qtbot, db, ADMIN)
    w.new_item()
    dialog = w.current_dialog
    assert isinstance(dialog, ProblemDialog)
    qtbot.waitExposed(dialog)
    # Offered after the fixed terms, with the bureau's label.
    assert offered(dialog.area)["x_1"] == "心理健康"
    assert offered(dialog.category)["x_1"] == "家校共育类（家庭教育）"
    assert offered(dialog.source_channel)["x_1"] == "12345热线"
    assert dialog.area.itemData(dialog.area.count() - 1) == "x_1"
    assert offered(dialog.area)["canteen"] == "食堂"  # the fixed ones are all still there
    dialog.description.setPlainText("学生心理辅导老师不足")
    dialog.unit.set_value(org.school)
    for combo in (dialog.area, dialog.category, dialog.source_channel):
        combo.setCurrentIndex(combo.findData("x_1"))
    dialog.grab().save(str(tmp_path / "problem_dialog.png"))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), [(k, e.text()) for k, e in dialog.errors.items() if e.text()]
    with db.session() as s:
        stored = s.execute(select(Problem).where(
            Problem.description == "学生心理辅导老师不足")).scalar_one()
        assert (stored.area, stored.category, stored.source_channel) == ("x_1",) * 3

    # The list labels the new codes, never shows them raw.
    page = w.pages[PROBLEMS]
    model = page.model
    assert model is not None
    row = model.find_row(stored.id)
    assert row is not None
    assert model.index(row, SOURCE).data() == "12345热线"
    assert model.index(row, AREA_COLUMN).data() == "心理健康"
    assert model.index(row, CATEGORY_COLUMN).data() == "家校共育类（家庭教育）"
    # ... and so do the details beside it.
    page.select_row(row)
    details = page.details.text.toPlainText()
    assert "心理健康" in details and "家校共育类（家庭教育）" in details
    assert "12345热线" in details and "x_1" not in details
    w.grab().save(str(tmp_path / "lists.png"))

    # An edit back to a fixed area: the history says both labels.
    w.edit_problem()
    edit = w.current_dialog
    assert isinstance(edit, ProblemDialog)
    assert edit.area.currentData() == "x_1"  # the stored added term is selected
    edit.area.setCurrentIndex(edit.area.findData("canteen"))
    qtbot.mouseClick(edit.save_button, Qt.MouseButton.LeftButton)
    assert not edit.isVisible()
    w.show_history()
    history = w.current_dialog
    assert isinstance(history, HistoryDialog)
    changes = [history.model.index(r, 4).data() for r in range(history.model.rowCount())]
    assert any("心理健康 → 食堂" in c for c in changes), changes


def test_the_filter_bar_offers_and_finds_added_terms(qtbot: QtBot, db: Database,
                                                     org: Org) -> None:
    add_terms(db)
    w = make_widget(qtbot, db, ADMIN)
    # The lists tab's own filter bars get the bureau's terms with the other choices.
    w.refresh()
    assert offered(w.pages[0].filters.area)["x_1"] == AREA.zh
    bar = FilterBar("problems")
    qtbot.addWidget(bar)
    assert "x_1" not in offered(bar.area)  # before the vocabularies are handed over
    with db.session() as s:
        bar.set_choices(Choices(vocabs=load_vocabularies(s)))
    assert offered(bar.area)["x_1"] == AREA.zh
    assert offered(bar.category)["x_1"] == CATEGORY.zh
    assert offered(bar.channel)["x_1"] == CHANNEL.zh
    assert bar.area.itemText(0) == "全部领域"  # "any" stays first

    # Nothing uses the added area yet; after a problem does, the filter finds only it.
    bar.area.setCurrentIndex(bar.area.findData("x_1"))
    with db.session() as s:
        assert problem_page(s, filters=bar.problem_filter()) == []
    w_dialog = ProblemDialog(db, ADMIN, w.choices)
    qtbot.addWidget(w_dialog)
    w_dialog.description.setPlainText("心理咨询室长期关闭")
    w_dialog.unit.set_value(org.school)
    w_dialog.area.setCurrentIndex(w_dialog.area.findData("x_1"))
    w_dialog.category.setCurrentIndex(w_dialog.category.findData("health"))
    w_dialog.source_channel.setCurrentIndex(w_dialog.source_channel.findData("x_1"))
    saved = w_dialog.submit()
    with db.session() as s:
        found = problem_page(s, filters=bar.problem_filter())
    assert [p.id for p in found] == [saved.id]
    bar.area.setCurrentIndex(0)
    bar.channel.setCurrentIndex(bar.channel.findData("x_1"))
    with db.session() as s:
        assert [p.id for p in problem_page(s, filters=bar.problem_filter())] == [saved.id]
    # A refresh with the same vocabularies keeps the choice.
    with db.session() as s:
        bar.set_choices(Choices(vocabs=load_vocabularies(s)))
    assert bar.channel.currentData() == "x_1"
