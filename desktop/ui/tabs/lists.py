"""三个清单: the problem, task and effect lists, closed out one by one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from desktop.ui.tabs.base import PlaceholderNote, TabPage

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class ListsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.note = PlaceholderNote()
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        self.pages = [PlaceholderNote() for _ in range(3)]
        for page in self.pages:
            self.lists.addTab(page, "")
        self.layout_.addWidget(self.note)
        self.layout_.addWidget(self.lists, 1)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("The three lists")

    def retranslate(self) -> None:
        super().retranslate()
        self.note.setText(self.tr(
            "Problems raised, the tasks that answer them and the effects that close them out."
        ))
        names = [self.tr("Problem list"), self.tr("Task list"), self.tr("Effect list")]
        for number, name in enumerate(names):
            self.lists.setTabText(number, name)
            self.pages[number].setText(self.tr("The {name} will be shown here.").format(
                name=name))

    def refresh(self) -> None:
        pass
