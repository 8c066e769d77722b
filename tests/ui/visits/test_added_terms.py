"""A problem found on a visit may use the areas and categories the bureau added in the settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from db.engine import Database
from db.models import Problem
from desktop.ui.visits import VisitLogWidget
from tests.added_terms import add_terms

from .conftest import Sample


def offered(combo: QComboBox) -> dict[str, str]:
    return {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}


def test_a_finding_row_offers_and_saves_added_terms(qtbot: QtBot, widget: VisitLogWidget,
                                                     db: Database, sample: Sample,
                                                     tmp_path: Path) -> None:
    form = widget.form
    early = form.problems.add_row()  # typed before the bureau added its terms
    assert "x_1" not in offered(early.area)
    early.area.setCurrentIndex(early.area.findData("canteen"))
    add_terms(db)
    widget.refresh()  # F5, or the tab shown again after the settings were saved
    # The row already there gains the terms and keeps its choice; a new row offers them too.
    assert offered(early.area)["x_1"] == "心理健康"
    assert early.area.currentData() == "canteen"
    row = form.problems.add_row()
    assert offered(row.area)["x_1"] == "心理健康"
    assert offered(row.category)["x_1"] == "家校共育类（家庭教育）"
    form.problems.remove_row(early)

    form.cadres.add(form.cadres.edit.choices.find(sample.zhang))
    form.unit.select_id(sample.school)
    row.area.setCurrentIndex(row.area.findData("x_1"))
    row.category.setCurrentIndex(row.category.findData("x_1"))
    row.description.setText("学生考前焦虑，缺少心理疏导")
    form.grab().save(str(tmp_path / "visit_form.png"))
    assert widget.save(), row.error.text()
    with db.session() as s:
        stored = s.execute(select(Problem).where(
            Problem.description == "学生考前焦虑，缺少心理疏导")).scalar_one()
    assert (stored.area, stored.category) == ("x_1", "x_1")
