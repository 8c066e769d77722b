"""Column widths a user sets in a table are there again next time."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QTableView
from pytestqt.qtbot import QtBot

from desktop.ui.widgets import remember_columns


def make_view(qtbot: QtBot) -> QTableView:
    view = QTableView()
    qtbot.addWidget(view)
    model = QStandardItemModel(3, 4, view)
    view.setModel(model)
    for column in range(4):
        view.setColumnWidth(column, 80)
    return view


def test_widths_survive_a_new_view(qtbot: QtBot, settings: QSettings) -> None:
    first = make_view(qtbot)
    remember_columns(first, "sample")
    first.setColumnWidth(1, 217)
    qtbot.wait(600)  # the save is debounced
    second = make_view(qtbot)
    assert second.columnWidth(1) == 80
    remember_columns(second, "sample")
    assert second.columnWidth(1) == 217
    other = make_view(qtbot)
    remember_columns(other, "another table")
    assert other.columnWidth(1) == 80
