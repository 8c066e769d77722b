"""三个清单: the problem, task and effect lists, closed out one by one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.lists import ThreeListsWidget
from desktop.ui.tabs.base import Command, TabPage

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class ListsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.body = ThreeListsWidget(database, actor)
        self.set_body(self.body)
        self.body.data_changed.connect(self.data_changed)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("The three lists")

    def refresh(self) -> None:
        self.body.refresh()

    def commands(self) -> set[Command]:
        return {Command.NEW, Command.FIND}

    def run_command(self, command: Command) -> None:
        {Command.NEW: self.body.new_item, Command.FIND: self.body.focus_search}[command]()

    def show_overdue(self) -> None:
        self.body.show_overdue()

    def show_due_soon(self) -> None:
        self.body.show_due_soon()
