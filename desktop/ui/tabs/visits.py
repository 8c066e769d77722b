"""走访日志: the visit log."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.tabs.base import PlaceholderNote, TabPage

if TYPE_CHECKING:
    from db.engine import Database


class VisitsTab(TabPage):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.note = PlaceholderNote()
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("Visit log")

    def retranslate(self) -> None:
        super().retranslate()
        self.note.setText(self.tr(
            "Every visit: date, cadres, unit visited, method, what was done, who was talked "
            "with and what was found."
        ))

    def refresh(self) -> None:
        pass
