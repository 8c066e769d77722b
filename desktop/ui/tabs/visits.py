"""走访日志: the visit log — entry form, searchable table, details."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.tabs.base import Command, TabPage
from desktop.ui.visits import VisitLogWidget

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
