"""进度图表: progress charts (matplotlib, imported when first shown)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from desktop.ui.tabs.base import PlaceholderNote, TabPage

if TYPE_CHECKING:
    from db.audit import Actor
    from db.engine import Database


class ChartsTab(TabPage):
    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(database, actor, parent)
        self.note = PlaceholderNote()
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)
        self.retranslate()

    def heading_text(self) -> str:
        return self.tr("Progress charts")

    def retranslate(self) -> None:
        super().retranslate()
        self.note.setText(self.tr(
            "Visits, problems and close-outs over time and by region; the same charts go into "
            "the printed reports."
        ))

    def refresh(self) -> None:
        pass
