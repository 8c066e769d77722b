"""人员与联系点: cadres and their assignments; the care register (关爱帮扶) beside them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.care import CareRegisterWidget
from desktop.ui.personnel import PersonnelWidget
from desktop.ui.tabs.base import Command, TabPage

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class PersonnelTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.people = PersonnelWidget(database, actor)
        # Care records are minors' and health data: a sub-tab of its own, whose widget shows
        # nothing but a notice to users not granted them.
        self.care = CareRegisterWidget(database, actor)
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)
        self.sections.addTab(self.people, "")
        self.sections.addTab(self.care, "")
        self.set_body(self.sections)
        for body in (self.people, self.care):
            body.data_changed.connect(self.data_changed)
        self.care.status_message.connect(self.status_message)
        self.sections.currentChanged.connect(self.commands_changed)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("Personnel and contact points")

    def retranslate(self) -> None:
        super().retranslate()
        self.sections.setTabText(0, self.tr("Cadres and assignments"))
        self.sections.setTabText(1, self.tr("Care register"))

    def refresh(self) -> None:
        self.people.refresh()
        self.care.refresh()

    def commands(self) -> set[Command]:
        if self.sections.currentWidget() is self.care:
            if not self.care.allowed:
                return set()
            return {Command.NEW, Command.SAVE, Command.FIND} if self.care.can_write else {
                Command.FIND}
        return {Command.NEW, Command.FIND}

    def run_command(self, command: Command) -> None:
        if self.sections.currentWidget() is self.care:
            {Command.NEW: self.care.new_record, Command.SAVE: self.care.save_record,
             Command.FIND: self.care.focus_search}[command]()
            return
        {Command.NEW: self.people.new_cadre, Command.FIND: self.people.focus_search}[command]()

    def confirm_discard(self) -> bool:
        if self.care.allowed and self.care.has_unsaved_changes():
            self.sections.setCurrentWidget(self.care)
            return False  # the care form keeps its input; the user saves or clears it first
        return True
