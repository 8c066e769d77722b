"""Dialogs for a cadre and a cadre's assignments (add, change, end)."""

from __future__ import annotations

import uuid
from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QComboBox, QDateEdit, QLineEdit, QWidget

from db.audit import Actor
from db.engine import Database
from db.services import (
    AssignmentInput,
    CadreInput,
    add_assignment,
    change_assignment,
    create_cadre,
    end_assignment,
    update_cadre,
)
from db.services.people import normalize_phone
from db.vocab import ASSIGNMENT_KINDS, TIERS, UNIT_KINDS
from desktop.ui.personnel import queries
from desktop.ui.personnel.common import SearchCombo, label, select_data
from desktop.ui.personnel.forms import FormDialog, OptionalDate, date_edit, edit_date


def unit_items(units: list[queries.UnitRef], *,
               with_kind: bool = False) -> list[tuple[str, uuid.UUID]]:
    """Combo entries for units: “name（region）” or “name（kind · region）”."""
    out = []
    for u in units:
        where = f"{label(UNIT_KINDS, u.kind)} · {u.region_name}" if with_kind else u.region_name
        out.append((f"{u.name}（{where}）", u.id))
    return out


class CadreDialog(FormDialog):
    """Add a cadre, or edit one (``cadre_id``): the save passes the version read at opening."""

    def __init__(self, database: Database, actor: Actor, cadre_id: uuid.UUID | None = None,
                 *, unit_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.cadre_id = cadre_id
        self.version = 0
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Edit cadre") if cadre_id else self.tr("New cadre"))

        self.name = QLineEdit()
        self.name.setMaxLength(50)
        self.gender = QComboBox()
        for text, value in (("", ""), (self.tr("Male"), "男"), (self.tr("Female"), "女")):
            self.gender.addItem(text, value)
        self.tier = QComboBox()
        for term in TIERS:
            self.tier.addItem(label(TIERS, term.code), term.code)
        self.unit = SearchCombo()
        self.branch = SearchCombo()
        self.position = QLineEdit()
        self.phone = QLineEdit()
        self.phone.setPlaceholderText(self.tr("11-digit mobile or 0722-1234567"))
        self.active = QCheckBox(self.tr("Active (takes part in the campaign)"))
        self.active.setChecked(True)

        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("tier", self.tr("&Tier"), self.tier)
        self.add_field("unit_id", self.tr("&Unit"), self.unit)
        self.add_field("branch_id", self.tr("Party &branch"), self.branch)
        self.add_field("position", self.tr("&Position"), self.position)
        self.add_field("phone", self.tr("P&hone"), self.phone)
        self.add_field("gender", self.tr("&Gender"), self.gender)
        self.add_field("active", "", self.active)

        with database.session() as s:
            self.unit.set_items(unit_items(queries.all_units(s)))
            self.branch.set_items([(b.name, b.id) for b in queries.branches(s)], blank="")
        self.unit.set_value(unit_id)
        if cadre_id is not None:
            self.reload()
        self.name.setFocus()

    def reload(self) -> None:
        assert self.cadre_id is not None
        with self.database.session() as s:
            d = queries.cadre_detail(s, self.cadre_id)
        if d is None:
            self.general_error.set_message(self.tr("This cadre no longer exists."))
            return
        self.version = d.version
        self.name.setText(d.name)
        select_data(self.gender, d.gender)
        select_data(self.tier, d.tier)
        self.unit.set_value(d.unit_id)
        self.branch.set_value(d.branch_id)
        self.position.setText(d.position)
        self.phone.setText(d.phone)
        self.active.setChecked(d.active)

    def data(self) -> CadreInput:
        return CadreInput(
            name=self.name.text(), tier=self.tier.currentData() or "",
            unit_id=self.unit.value(), branch_id=self.branch.value(),
            position=self.position.text(), phone=self.phone.text(),
            gender=self.gender.currentData() or "", active=self.active.isChecked())

    def check(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.name.text().strip():
            out["name"] = self.tr("Please enter the name")
        if self.unit.value() is None:
            out["unit_id"] = (self.tr("Please choose a unit from the list")
                              if self.unit.currentText().strip()
                              else self.tr("Please choose the unit"))
        if self.branch.currentText().strip() and self.branch.value() is None:
            out["branch_id"] = self.tr("Please choose a party branch from the list, or leave "
                                       "it empty")
        if normalize_phone(self.phone.text()) is None:
            out["phone"] = self.tr("Enter an 11-digit mobile number (e.g. 13912345678) or a "
                                   "landline with area code (e.g. 0722-1234567), or leave it "
                                   "empty")
        return out

    def save(self) -> None:
        if self.cadre_id is None:
            self.saved_id = create_cadre(self.database, self.actor, self.data()).id
        else:
            saved = update_cadre(self.database, self.actor, self.cadre_id, self.data(),
                                 self.version)
            self.saved_id, self.version = saved.id, saved.version


class AssignmentDialog(FormDialog):
    """Add an assignment to a cadre, or change one (``assignment``)."""

    def __init__(self, database: Database, actor: Actor, cadre_id: uuid.UUID,
                 assignment: queries.AssignmentRow | None = None, *,
                 cadre_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.cadre_id = cadre_id
        self.assignment = assignment
        title = self.tr("Change assignment") if assignment else self.tr("New assignment")
        self.setWindowTitle(f"{title} — {cadre_name}" if cadre_name else title)

        self.kind = QComboBox()
        for term in ASSIGNMENT_KINDS:
            self.kind.addItem(label(ASSIGNMENT_KINDS, term.code), term.code)
        self.unit = SearchCombo()
        self.started_on = date_edit()
        self.ended_on = OptionalDate(self.tr("Ended on"))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("unit_id", self.tr("&Unit"), self.unit)
        self.add_field("started_on", self.tr("&Started on"), self.started_on)
        self.add_field("ended_on", self.tr("En&ded"), self.ended_on)
        self.add_field("note", self.tr("N&ote"), self.note)
        with database.session() as s:
            self.unit.set_items(unit_items(queries.all_units(s), with_kind=True))
        self.unit.set_value(None)
        if assignment is not None:
            self._fill(assignment)
        self.kind.setFocus()

    def _fill(self, a: queries.AssignmentRow) -> None:
        select_data(self.kind, a.kind)
        self.unit.set_value(a.unit_id)
        self.started_on.setDate(QDate(a.started_on))
        self.ended_on.set_value(a.ended_on)
        self.note.setText(a.note)

    def reload(self) -> None:
        if self.assignment is None:
            return
        with self.database.session() as s:
            current = next((a for a in queries.assignments(s, self.cadre_id)
                            if a.id == self.assignment.id), None)
        if current is None:
            self.general_error.set_message(self.tr("This assignment no longer exists."))
            return
        self.assignment = current
        self._fill(current)

    def data(self) -> AssignmentInput:
        return AssignmentInput(
            cadre_id=self.cadre_id, unit_id=self.unit.value(), kind=self.kind.currentData(),
            started_on=edit_date(self.started_on),
            ended_on=self.ended_on.value(), note=self.note.text())

    def check(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.unit.value() is None:
            out["unit_id"] = (self.tr("Please choose a unit from the list")
                              if self.unit.currentText().strip()
                              else self.tr("Please choose the unit"))
        ended = self.ended_on.value()
        if ended is not None and ended < edit_date(self.started_on):
            out["ended_on"] = self.tr("The end date cannot be before the start date")
        return out

    def save(self) -> None:
        if self.assignment is None:
            add_assignment(self.database, self.actor, self.data())
        else:
            saved = change_assignment(self.database, self.actor, self.assignment.id,
                                      self.data(), self.assignment.version)
            self.assignment = self._with_version(saved.version)

    def _with_version(self, version: int) -> queries.AssignmentRow | None:
        a = self.assignment
        if a is None:
            return None
        return queries.AssignmentRow(a.id, version, a.cadre_id, a.kind, a.unit_id, a.unit_name,
                                     a.unit_kind, a.started_on, a.ended_on, a.note)


class EndAssignmentDialog(FormDialog):
    """End a running assignment on a date (the record stays)."""

    def __init__(self, database: Database, actor: Actor, assignment: queries.AssignmentRow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.assignment = assignment
        self.setWindowTitle(self.tr("End assignment — %s") % assignment.unit_name)
        self.ended_on: QDateEdit = date_edit()
        self.add_field("ended_on", self.tr("&Ended on"), self.ended_on)
        self.ended_on.setFocus()

    def ended(self) -> date:
        return edit_date(self.ended_on)

    def check(self) -> dict[str, str]:
        if self.ended() < self.assignment.started_on:
            return {"ended_on": self.tr("The end date cannot be before the start date (%s)")
                    % self.assignment.started_on.isoformat()}
        return {}

    def save(self) -> None:
        end_assignment(self.database, self.actor, self.assignment.id, self.ended(),
                       self.assignment.version)
