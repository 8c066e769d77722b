"""结对共建 (1+1 / N+1): the list of branch pairings and the button to make one."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from desktop.ui.personnel import queries
from desktop.ui.personnel.common import fetch_all, fit_columns, list_model
from desktop.ui.personnel.org_forms import PairingDialog
from desktop.ui.table_model import CENTER, Column, PagedTableModel

# lupdate reads only literal contexts, so "PairingTable" is spelled out at each string.
CONTEXT = "PairingTable"


def _period(p: queries.PairingRow) -> str:
    if p.ended_on is None:
        return QCoreApplication.translate("PairingTable", "since %s") % p.started_on.isoformat()
    return f"{p.started_on.isoformat()} – {p.ended_on.isoformat()}"


PAIRING_COLUMNS: list[Column[queries.PairingRow]] = [
    Column(QT_TRANSLATE_NOOP("PairingTable", "Mode"), lambda p: p.mode, CONTEXT,
           alignment=CENTER, width=60),
    Column(QT_TRANSLATE_NOOP("PairingTable", "Community"), lambda p: p.community_name, CONTEXT,
           width=220, tooltip=lambda p: f"{p.community_name}（{p.region_name}）"),
    Column(QT_TRANSLATE_NOOP("PairingTable", "Region"), lambda p: p.region_name, CONTEXT,
           width=100),
    Column(QT_TRANSLATE_NOOP("PairingTable", "Bureau branches"),
           lambda p: "、".join(p.branch_names), CONTEXT, width=300,
           tooltip=lambda p: "\n".join(p.branch_names)),
    Column(QT_TRANSLATE_NOOP("PairingTable", "Period"), _period, CONTEXT, width=170),
    Column(QT_TRANSLATE_NOOP("PairingTable", "Note"), lambda p: p.note, CONTEXT),
]


class PairingsPanel(QWidget):
    changed = Signal()

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.region_id: uuid.UUID | None = None
        self.dialog: PairingDialog | None = None
        self.editable = True
        self._rows: list[queries.PairingRow] = []
        self.model: PagedTableModel[queries.PairingRow] = list_model(
            PAIRING_COLUMNS, lambda: self._rows, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.new_button = QPushButton()
        self.new_button.clicked.connect(self.new_pairing)
        self.note = QLabel()
        self.note.setWordWrap(True)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.note, 1)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.retranslate()

    def retranslate(self) -> None:
        self.new_button.setText(self.tr("New &pairing…"))
        self.note.setText(self.tr(
            "Branch-to-branch pairing with residential communities: 1+1 is one bureau branch "
            "with one community, N+1 several bureau branches with one."))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(PAIRING_COLUMNS) - 1)
        fit_columns(self.view, PAIRING_COLUMNS)
        self.view.viewport().update()

    def set_region(self, region_id: uuid.UUID | None) -> None:
        self.region_id = region_id
        self.reload()

    def reload(self) -> None:
        with self.database.session() as s:
            self._rows = queries.pairings(s, self.region_id)
        self.model.reset()
        fetch_all(self.model)

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.new_button.setEnabled(editable)

    def new_pairing(self) -> PairingDialog | None:
        if not self.editable:
            return None
        dialog = PairingDialog(self.database, self.actor, region_id=self.region_id, parent=self)
        self.dialog = dialog
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.dialog = None
        self.reload()
        self.changed.emit()
