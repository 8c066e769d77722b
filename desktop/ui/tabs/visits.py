"""走访日志: the visit log — entry form, searchable table, details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget
from shiboken6 import isValid

from desktop.ui.settings import app_settings
from desktop.ui.tabs.base import Command, TabPage
from desktop.ui.visits import VisitLogWidget
from desktop.ui.visits.preview import TABLE_AT_SETTING

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class VisitsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.body = VisitLogWidget(database, actor)
        self.set_body(self.body)
        self.body.data_changed.connect(self.data_changed)
        self.body.selection_changed.connect(self.commands_changed)
        self.body.status_message.connect(self.status_message)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("Visit log")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._remember_table_position)  # once laid out

    def _remember_table_position(self) -> None:
        """Where the table sits in the tab, for the next start's preview of the first rows
        (desktop.ui.visits.preview), which puts its own table there."""
        if not isValid(self) or not self.body.table.isVisible():
            return
        at = self.body.table.mapTo(self, QPoint(0, 0))
        settings = app_settings()
        if settings.value(TABLE_AT_SETTING) != at:
            settings.setValue(TABLE_AT_SETTING, at)

    def refresh(self) -> None:
        self.body.refresh()

    def commands(self) -> set[Command]:
        commands = {Command.NEW, Command.SAVE, Command.FIND, Command.COPY}
        if self.body.selected_ids():
            commands.add(Command.DELETE)
        return commands

    def run_command(self, command: Command) -> None:
        {Command.NEW: self.body.new_visit, Command.SAVE: self.body.save,
         Command.FIND: self.body.focus_search, Command.DELETE: self.body.delete_selected,
         Command.COPY: self.body.copy_selected}[command]()

    def confirm_discard(self) -> bool:
        return self.body.confirm_discard()
