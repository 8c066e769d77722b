"""The chosen cadre on the right: fields, assignments (add / change / end), the nine ones and,
for leaders, the quotas."""

from __future__ import annotations

import uuid
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QItemSelection, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QGroupBox,
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
from db.queries import cadre_checklist, leader_quotas
from db.queries.quotas import PROJECT_TIERS
from db.queries.rates import ThreeRates, leader_rates
from db.vocab import ASSIGNMENT_KINDS, TIERS
from desktop.ui.lists.rates import RatesPanel
from desktop.ui.personnel import queries
from desktop.ui.personnel.cadre_forms import AssignmentDialog, EndAssignmentDialog
from desktop.ui.personnel.checklist_view import ChecklistView
from desktop.ui.personnel.common import fetch_all, label, list_model
from desktop.ui.personnel.forms import FormDialog
from desktop.ui.table_model import Column, PagedTableModel

# lupdate reads only literal contexts, so "AssignmentTable" is spelled out at each string.
CONTEXT = "AssignmentTable"
D = TypeVar("D", bound=FormDialog)


def _until(a: queries.AssignmentRow) -> str:
    if a.ended_on is None:
        return QCoreApplication.translate("AssignmentTable", "running")
    if a.running():
        return QCoreApplication.translate("AssignmentTable", "until %s") % a.ended_on.isoformat()
    return QCoreApplication.translate("AssignmentTable", "ended %s") % a.ended_on.isoformat()


def _unit_tip(a: queries.AssignmentRow) -> str:
    # The note lives in the tooltip: the pane is too narrow for a column of it.
    if not a.note:
        return a.unit_name
    return a.unit_name + "\n" + QCoreApplication.translate("AssignmentTable", "Note: %s") % a.note


ASSIGNMENT_COLUMNS: list[Column[queries.AssignmentRow]] = [
    Column(QT_TRANSLATE_NOOP("AssignmentTable", "Kind"),
           lambda a: label(ASSIGNMENT_KINDS, a.kind), CONTEXT),
    Column(QT_TRANSLATE_NOOP("AssignmentTable", "Unit"), lambda a: a.unit_name, CONTEXT,
           tooltip=_unit_tip),
    Column(QT_TRANSLATE_NOOP("AssignmentTable", "Since"), lambda a: a.started_on.isoformat(),
           CONTEXT, sort_key=lambda a: a.started_on),
    Column(QT_TRANSLATE_NOOP("AssignmentTable", "Status"), _until, CONTEXT),
]


class CadreDetail(QWidget):
    edit_requested = Signal(object)  # the cadre's id
    changed = Signal()  # an assignment was saved

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.cadre_id: uuid.UUID | None = None
        self.detail: queries.CadreDetail | None = None
        self.dialog: FormDialog | None = None  # the open dialog, for tests and to keep it alive
        self._rows: list[queries.AssignmentRow] = []
        self.editable = True

        self.title = QLabel()
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)
        self.edit_button = QPushButton()
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.cadre_id))
        self.fields_box = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.captions: dict[str, QLabel] = {}
        for key in ("tier", "unit", "branch", "position", "phone", "gender", "status"):
            value = QLabel()
            value.setWordWrap(True)
            caption = QLabel()
            self.values[key], self.captions[key] = value, caption
            self.fields_box.addRow(caption, value)

        self.assignment_model: PagedTableModel[queries.AssignmentRow] = list_model(
            ASSIGNMENT_COLUMNS, lambda: self._rows, self)
        self.assignments = QTableView()
        self.assignments.setModel(self.assignment_model)
        self.assignments.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.assignments.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.assignments.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assignments.verticalHeader().hide()
        # A short list in a narrow pane: columns fit their text, the unit takes the rest.
        header = self.assignments.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.assignments.setMinimumHeight(150)
        self.assignments.selectionModel().selectionChanged.connect(self._assignment_chosen)
        self.assignments.activated.connect(lambda _i: self.change_assignment())
        self.add_button = QPushButton()
        self.change_button = QPushButton()
        self.end_button = QPushButton()
        self.add_button.clicked.connect(self.add_assignment)
        self.change_button.clicked.connect(self.change_assignment)
        self.end_button.clicked.connect(self.end_assignment)

        self.checklist = ChecklistView()

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.edit_button)
        self.assignment_group = QGroupBox()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.change_button)
        buttons.addWidget(self.end_button)
        buttons.addStretch(1)
        group_layout = QVBoxLayout(self.assignment_group)
        group_layout.addWidget(self.assignments)
        group_layout.addLayout(buttons)
        self.checklist_group = QGroupBox()
        QVBoxLayout(self.checklist_group).addWidget(self.checklist)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(self.fields_box)
        layout.addWidget(self.assignment_group)
        self.quota_group = QGroupBox()
        # A leader's three rates under the quotas: the problems the tasks they lead serve.
        self.rates = RatesPanel(leader=True)
        self.rates.setObjectName("leaderRates")
        quota_layout = QVBoxLayout(self.quota_group)
        quota_layout.addWidget(self.checklist.quotas)
        quota_layout.addWidget(self.rates)
        layout.addWidget(self.quota_group)
        layout.addWidget(self.checklist_group)
        layout.addStretch(1)
        self.retranslate()
        self.show_cadre(None)

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Edit this cadre's details"))
        captions = {"tier": self.tr("Tier"), "unit": self.tr("Unit"),
                    "branch": self.tr("Party branch"), "position": self.tr("Position"),
                    "phone": self.tr("Phone"), "gender": self.tr("Gender"),
                    "status": self.tr("Status")}
        for key, text in captions.items():
            self.captions[key].setText(text)
        self.assignment_group.setTitle(self.tr("Assignments (contact points, community, "
                                               "village, ...)"))
        self.checklist_group.setTitle(self.tr("The nine ones"))
        self.quota_group.setTitle(self.tr("Leader's quotas"))
        self.add_button.setText(self.tr("&Add assignment…"))
        self.change_button.setText(self.tr("C&hange…"))
        self.end_button.setText(self.tr("E&nd…"))
        self.checklist.retranslate()
        if self.rates.rates is not None:
            self.rates.show_rates(self.rates.rates)
        if self.detail is not None:
            self._show_fields(self.detail)

    # -- showing -------------------------------------------------------------------------

    def show_cadre(self, cadre_id: uuid.UUID | None) -> None:
        """Show a cadre (None: nothing chosen); reads everything fresh."""
        self.cadre_id = cadre_id
        detail = checklist = quotas = None
        rates: ThreeRates | None = None
        rows: list[queries.AssignmentRow] = []
        if cadre_id is not None:
            with self.database.session() as s:
                detail = queries.cadre_detail(s, cadre_id)
                if detail is not None:
                    window = queries.campaign_window(s)
                    rows = queries.assignments(s, cadre_id)
                    checklist = cadre_checklist(s, cadre_id, date_from=window.date_from,
                                                date_to=window.date_to)
                    if detail.tier in PROJECT_TIERS:
                        found = leader_quotas(s, [cadre_id], date_from=window.date_from,
                                              date_to=window.date_to)
                        quotas = found[0] if found else None
                        rates = leader_rates(s, cadre_id, date_from=window.date_from,
                                             date_to=window.date_to)
        self.detail = detail
        self._rows = rows
        self.assignment_model.reset()
        fetch_all(self.assignment_model)
        self.checklist.show_checklist(checklist, quotas)
        self.quota_group.setVisible(quotas is not None)
        if rates is not None:
            self.rates.show_rates(rates)
        self.rates.setVisible(rates is not None)
        has = detail is not None
        for widget in (self.assignment_group, self.checklist_group):
            widget.setEnabled(has)
        self.edit_button.setEnabled(has and self.editable)
        self.add_button.setEnabled(has and self.editable)
        if detail is None:
            self.title.setText(self.tr("No cadre chosen"))
            for value in self.values.values():
                value.setText("")
        else:
            self._show_fields(detail)
        self._assignment_chosen()

    def _show_fields(self, d: queries.CadreDetail) -> None:
        self.title.setText(d.name)
        self.values["tier"].setText(label(TIERS, d.tier))
        self.values["unit"].setText(f"{d.unit_name}（{d.region_name}）")
        self.values["branch"].setText(d.branch_name or self.tr("(none)"))
        self.values["position"].setText(d.position or self.tr("(none)"))
        self.values["phone"].setText(d.phone or self.tr("(none)"))
        self.values["gender"].setText(
            {"男": self.tr("Male"), "女": self.tr("Female")}.get(d.gender, self.tr("(none)")))
        self.values["status"].setText(self.tr("Active") if d.active else self.tr("Inactive"))

    def set_editable(self, editable: bool) -> None:
        """Whether the actor may change cadres and assignments (buttons shown disabled)."""
        self.editable = editable
        self.show_cadre(self.cadre_id)

    def chosen_assignment(self) -> queries.AssignmentRow | None:
        rows = self.assignments.selectionModel().selectedRows()
        return self.assignment_model.row(rows[0].row()) if rows else None

    def _assignment_chosen(self, *_args: QItemSelection) -> None:
        a = self.chosen_assignment()
        self.change_button.setEnabled(a is not None and self.editable)
        self.end_button.setEnabled(a is not None and self.editable and a.ended_on is None)

    # -- assignment dialogs --------------------------------------------------------------

    def add_assignment(self) -> AssignmentDialog | None:
        if self.cadre_id is None or not self.editable:
            return None
        name = self.detail.name if self.detail else ""
        return self._open(AssignmentDialog(self.database, self.actor, self.cadre_id,
                                           cadre_name=name, parent=self))

    def change_assignment(self) -> AssignmentDialog | None:
        a = self.chosen_assignment()
        if a is None or self.cadre_id is None or not self.editable:
            return None
        name = self.detail.name if self.detail else ""
        return self._open(AssignmentDialog(self.database, self.actor, self.cadre_id, a,
                                           cadre_name=name, parent=self))

    def end_assignment(self) -> EndAssignmentDialog | None:
        a = self.chosen_assignment()
        if a is None or self.cadre_id is None or not self.editable:
            return None
        dialog = EndAssignmentDialog(self.database, self.actor, a, parent=self)
        dialog.ended_on.setMinimumDate(QDate(a.started_on))
        if date.today() < a.started_on:
            dialog.ended_on.setDate(QDate(a.started_on))
        return self._open(dialog)

    def _open(self, dialog: D) -> D:
        self.dialog = dialog
        dialog.accepted.connect(self._saved)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _saved(self) -> None:
        self.dialog = None
        self.show_cadre(self.cadre_id)
        self.changed.emit()
