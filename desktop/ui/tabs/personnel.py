"""人员与联系点: cadres, their assignments (contact points, 双报到, pairings, villages)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.tabs.base import PlaceholderNote, TabPage

if TYPE_CHECKING:
    from db.engine import Database


class PersonnelTab(TabPage):
    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(database, parent)
        self.note = PlaceholderNote()
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("Personnel and contact points")

    def retranslate(self) -> None:
        super().retranslate()
        self.note.setText(self.tr(
            "Cadres and their assignments: grassroots contact points, community registration, "
            "branch pairings, villages and enterprises."
        ))

    def refresh(self) -> None:
        pass
