"""三个清单: the problem, task and effect lists, closed out one by one; beside them the monthly
study of the lists (局党组专题研究) and the five batches of results (五个一批)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QPushButton, QWidget

from desktop.ui.lists import ThreeListsWidget
from desktop.ui.outcomes.widget import OutcomesWidget
from desktop.ui.studies.widget import StudiesWidget
from desktop.ui.tabs.base import Command, TabPage

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class ListsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.body = ThreeListsWidget(database, actor)
        self.studies = StudiesWidget(database, actor)
        self.outcomes = OutcomesWidget(database, actor)
        self.studies_index = self.body.tabs.addTab(self.studies, "")
        self.outcomes_index = self.body.tabs.addTab(self.outcomes, "")
        self.publish_button = QPushButton()
        self.publish_button.setObjectName("publishLists")
        self.publish_button.clicked.connect(self.publish)
        self.body.tabs.setCornerWidget(self.publish_button)
        self.set_body(self.body)
        self.body.data_changed.connect(self.data_changed)
        # The first two batches are counted from the lists: a close-out changes them.
        self.body.data_changed.connect(self.outcomes.refresh)
        self.studies.data_changed.connect(self.data_changed)
        self.outcomes.data_changed.connect(self.data_changed)
        self.body.tabs.currentChanged.connect(lambda _n: self.commands_changed.emit())
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("The three lists")

    def retranslate(self) -> None:
        super().retranslate()
        if hasattr(self, "outcomes_index"):
            self.body.tabs.setTabText(self.studies_index, self.tr("Monthly study"))
            self.body.tabs.setTabText(self.outcomes_index, self.tr("Five batches"))
            self.publish_button.setText(self.tr("Publish the lists…"))
            self.publish_button.setToolTip(self.tr(
                "The three lists for the portal, personal data masked (web page, Excel, PDF)"))

    def refresh(self) -> None:
        self.body.refresh()
        self.studies.refresh()
        self.outcomes.refresh()

    def _on_list_page(self) -> bool:
        return self.body.list_page() is not None

    def commands(self) -> set[Command]:
        if self._on_list_page():
            return {Command.NEW, Command.FIND}
        return {Command.NEW}

    def run_command(self, command: Command) -> None:
        index = self.body.tabs.currentIndex()
        if command == Command.NEW and index == self.studies_index:
            self.studies.new_study()
        elif command == Command.NEW and index == self.outcomes_index:
            self.outcomes.new_writeup()
        elif self._on_list_page():
            {Command.NEW: self.body.new_item, Command.FIND: self.body.focus_search}[command]()

    def publish(self) -> None:
        from desktop.ui.publish.dialog import open_publish_dialog

        open_publish_dialog(self.database, self.actor, self)

    def show_overdue(self) -> None:
        self.body.show_overdue()

    def show_due_soon(self) -> None:
        self.body.show_due_soon()
