"""Small widgets and helpers the tab packages share: the red line under a field, a date box
that Tab leaves at once, reading a combo box's code, and the look of a record table.

Nothing here calls tr(): texts are translated where they are shown, in the caller's context."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QByteArray, QDate, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from desktop.ui.table_model import PagedTableModel

ERROR_STYLE = "color: #c0392b;"  # readable red on the default light background


class ErrorLabel(QLabel):
    """Says in words what is wrong with the field above it; hidden while nothing is."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.hide()

    def show_messages(self, messages: Sequence[str]) -> None:
        text = "；".join(m for m in messages if m)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.show_messages([])


class DateEdit(QDateEdit):
    """A date box that Tab leaves at once. QDateEdit's Tab walks year → month → day first,
    which makes the date three stops in the form; ←/→ still move between the parts and
    typing a complete part moves on by itself."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")

    def focusNextPrevChild(self, next: bool) -> bool:
        return QAbstractSpinBox.focusNextPrevChild(self, next)


def combo_code(combo: QComboBox) -> str:
    """The chosen entry's data as text; "" while nothing (or the blank entry) is chosen."""
    data = combo.currentData()
    return str(data) if data is not None and combo.currentIndex() >= 0 else ""


def setup_record_table(view: QTableView, object_name: str,
                       selection_mode: QAbstractItemView.SelectionMode) -> None:
    """The look of a record table: whole rows select, no editing in place, alternating rows,
    one line per row (long text elided), no row numbers, columns the user can resize."""
    view.setObjectName(object_name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(selection_mode)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)


def apply_column_widths(view: QTableView) -> None:
    """Each column of the view's PagedTableModel as wide as it declares."""
    model = view.model()
    if isinstance(model, PagedTableModel):
        for number, column in enumerate(model.columns):
            if column.width:
                view.setColumnWidth(number, column.width)


def debounce_timer(parent: QWidget, interval_ms: int,
                   target: Callable[..., Any] | SignalInstance) -> QTimer:
    """A single-shot timer owned by *parent* that fires *target* (a slot or a signal)
    *interval_ms* after its last start(): a burst of keys makes one query, not one per key."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(target)
    return timer


def remember_columns(view: QTableView, key: str) -> None:
    """The column widths and order the user set survive a restart: the header's state is kept
    in the application settings under ``columns/<key>``, restored now (call it after the view
    has its model and default widths) and saved shortly after every change."""
    from desktop.ui.settings import app_settings

    header = view.horizontalHeader()
    saved = app_settings().value(f"columns/{key}")
    if isinstance(saved, QByteArray) and not saved.isEmpty():
        header.restoreState(saved)

    def save() -> None:
        settings = app_settings()
        settings.setValue(f"columns/{key}", header.saveState())
        settings.sync()

    timer = debounce_timer(view, 400, save)
    header.sectionResized.connect(timer.start)
    header.sectionMoved.connect(timer.start)


# Grey for explanatory notes under a field or a page heading (dark enough to read printed).
NOTE_COLOUR = "#555555"


def note(text: str) -> QLabel:
    """A wrapped, grey explanatory line."""
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {NOTE_COLOUR};")
    return label


def to_date(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def to_qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)
