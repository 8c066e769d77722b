"""What every settings page shares: rows with a message under the field, and the page protocol.

A page either edits part of the campaign settings stored in the database
(``load(CampaignSettings)`` / ``apply(CampaignSettings) -> CampaignSettings``, checked and saved
as a whole by ``db.services.settings``), or this PC's choices kept in the QSettings
(``load_pc`` / ``save_pc``), or both.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSettings, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.services.settings import CampaignSettings
from desktop.ui.login import MessageLabel, add_field_row
from desktop.ui.widgets import note, to_date


class SettingsPage(QWidget):
    """One page of the dialog. ``changed`` is emitted on every edit."""

    changed = Signal()
    stores_campaign = True  # edits CampaignSettings (administrators only)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.messages: dict[str, MessageLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)

    def title(self) -> str:
        raise NotImplementedError

    def lay_out(self, explanation: str) -> QVBoxLayout:
        """The usual page: what it is about, the form, space below."""
        layout = QVBoxLayout(self)
        layout.addWidget(note(explanation))
        layout.addLayout(self.form)
        layout.addStretch(1)
        return layout

    def add_row(self, label: str, field: str, widget: QWidget | None = None,
                layout: QHBoxLayout | QVBoxLayout | None = None) -> MessageLabel:
        return add_field_row(self.form, self.messages, label, field, widget, layout)

    def show_problems(self, problems: dict[str, str]) -> bool:
        """Show the messages of this page's fields; True when one of them is wrong."""
        mine = False
        for field, label in self.messages.items():
            label.set_message(problems.get(field))
            mine = mine or field in problems
        return mine

    # Campaign settings (in the database).
    def load(self, settings: CampaignSettings) -> None:
        pass

    def apply(self, settings: CampaignSettings) -> CampaignSettings:
        return settings

    # This PC's choices (QSettings).
    def load_pc(self, qsettings: QSettings) -> None:
        pass

    def pc_problems(self) -> dict[str, str]:
        return {}

    def save_pc(self, qsettings: QSettings) -> list[str]:
        """Store this page's choices; returns what changed, in words, for the summary."""
        return []


class DateList(QWidget):
    """A list of dates with a date field, 添加 and 删除 (holidays, swapped working days)."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.list = QListWidget()
        self.list.setObjectName(f"{name}_list")
        self.list.setMaximumHeight(110)
        self.edit = QDateEdit()
        self.edit.setObjectName(f"{name}_date")
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.setObjectName(f"{name}_add")
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName(f"{name}_remove")
        self.add_button.clicked.connect(self.add_current)
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.addWidget(self.edit)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        layout.addLayout(row)

    def dates(self) -> tuple[date, ...]:
        return tuple(sorted(date.fromisoformat(self.list.item(i).text())
                            for i in range(self.list.count())))

    def set_dates(self, dates: tuple[date, ...]) -> None:
        self.list.clear()
        for day in sorted(dates):
            self.list.addItem(QListWidgetItem(day.isoformat()))

    def add_current(self) -> None:
        day = to_date(self.edit.date())
        if day not in self.dates():
            self.set_dates((*self.dates(), day))
            self.changed.emit()

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.list.selectedIndexes()}, reverse=True)
        for row in rows:
            self.list.takeItem(row)
        if rows:
            self.changed.emit()
