"""Dialogs for the organisation: a unit (add / edit) and a branch pairing (结对共建)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.services import (
    PairingInput,
    UnitInput,
    create_pairing,
    create_unit,
    pairing_mode,
    update_unit,
)
from db.vocab import UNIT_KINDS
from desktop.ui.personnel import queries
from desktop.ui.personnel.cadre_forms import unit_items
from desktop.ui.personnel.common import SearchCombo, label, select_data
from desktop.ui.personnel.forms import FormDialog, OptionalDate, date_edit, edit_date

IdRole = Qt.ItemDataRole.UserRole + 1


class UnitDialog(FormDialog):
    """Add a unit, or edit one (``unit_id``) with the version read at opening."""

    def __init__(self, database: Database, actor: Actor, unit_id: uuid.UUID | None = None, *,
                 region_id: uuid.UUID | None = None, kind: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.unit_id = unit_id
        self.version = 0
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Edit unit") if unit_id else self.tr("New unit"))
        self.name = QLineEdit()
        self.name.setMaxLength(100)
        self.kind = QComboBox()
        for term in UNIT_KINDS:
            self.kind.addItem(label(UNIT_KINDS, term.code), term.code)
        self.region = QComboBox()
        self.parent_unit = SearchCombo()
        self.address = QLineEdit()
        self.address.setMaxLength(200)
        self.sort_order = QSpinBox()
        self.sort_order.setRange(0, 99999)
        self.add_field("name", self.tr("&Name"), self.name)
        self.add_field("kind", self.tr("&Kind"), self.kind)
        self.add_field("region_id", self.tr("&Region"), self.region)
        self.add_field("parent_id", self.tr("&Parent unit"), self.parent_unit)
        self.add_field("address", self.tr("&Address"), self.address)
        self.add_field("sort_order", self.tr("&Sort order"), self.sort_order)
        with database.session() as s:
            tree = queries.org_tree(s)
            units = queries.all_units(s)
        for region in tree:
            self.region.addItem(region.name, region.id)
        self.parent_unit.set_items(
            [item for item in unit_items(units) if item[1] != unit_id], blank="")
        if region_id is not None:
            select_data(self.region, region_id)
        if kind is not None:
            select_data(self.kind, kind)
        if unit_id is not None:
            self.reload()
        self.name.setFocus()

    def reload(self) -> None:
        assert self.unit_id is not None
        with self.database.session() as s:
            d = queries.unit_detail(s, self.unit_id)
        if d is None:
            self.general_error.set_message(self.tr("This unit no longer exists."))
            return
        self.version = d.version
        self.name.setText(d.name)
        select_data(self.kind, d.kind)
        select_data(self.region, d.region_id)
        self.parent_unit.set_value(d.parent_id)
        self.address.setText(d.address)
        self.sort_order.setValue(d.sort_order)

    def data(self) -> UnitInput:
        return UnitInput(name=self.name.text(), kind=self.kind.currentData() or "",
                         region_id=self.region.currentData(), parent_id=self.parent_unit.value(),
                         address=self.address.text(), sort_order=self.sort_order.value())

    def check(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if not self.name.text().strip():
            out["name"] = self.tr("Please enter the unit's name")
        if self.parent_unit.currentText().strip() and self.parent_unit.value() is None:
            out["parent_id"] = self.tr("Please choose the parent unit from the list, or leave "
                                       "it empty")
        return out

    def save(self) -> None:
        if self.unit_id is None:
            self.saved_id = create_unit(self.database, self.actor, self.data()).id
        else:
            saved = update_unit(self.database, self.actor, self.unit_id, self.data(),
                                self.version)
            self.saved_id, self.version = saved.id, saved.version


class BranchPicker(QWidget):
    """Bureau (non-community) party branches to tick, with a filter box above them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.filter.setPlaceholderText(self.tr("Filter branches"))
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QListView()
        self.view.setModel(self.proxy)
        self.view.setMinimumHeight(160)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view)
        self.setFocusProxy(self.filter)
        self.changed = self.model.itemChanged

    def set_branches(self, branches: list[queries.BranchRef]) -> None:
        self.model.clear()
        for b in branches:
            item = QStandardItem(f"{b.name}（{b.unit_name}）")
            item.setData(b.id, IdRole)
            item.setCheckable(True)
            item.setEditable(False)
            self.model.appendRow(item)

    def checked(self) -> tuple[uuid.UUID, ...]:
        out = []
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(item.data(IdRole))
        return tuple(out)

    def set_checked(self, ids: set[uuid.UUID]) -> None:
        for row in range(self.model.rowCount()):
            item = self.model.item(row)
            item.setCheckState(Qt.CheckState.Checked if item.data(IdRole) in ids
                               else Qt.CheckState.Unchecked)


class PairingDialog(FormDialog):
    """结对共建: one or more bureau branches with a community; the mode follows the count."""

    def __init__(self, database: Database, actor: Actor, *,
                 region_id: uuid.UUID | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.saved_id: uuid.UUID | None = None
        self.setWindowTitle(self.tr("New branch pairing"))
        self.community = SearchCombo()
        self.branches = BranchPicker()
        self.mode = QLabel()
        self.started_on = date_edit()
        self.ended_on = OptionalDate(self.tr("Ended on"))
        self.note = QLineEdit()
        self.note.setMaxLength(500)
        self.add_field("community_unit_id", self.tr("&Community"), self.community)
        self.add_field("branch_ids", self.tr("Bureau &branches"), self.branches)
        self.form.addRow(self.tr("Mode"), self.mode)
        self.add_field("started_on", self.tr("&Started on"), self.started_on)
        self.add_field("ended_on", self.tr("En&ded"), self.ended_on)
        self.add_field("note", self.tr("N&ote"), self.note)
        self.branches.changed.connect(self._branches_changed)
        with database.session() as s:
            communities = queries.all_units(s, kinds=("community",))
            bureau = [b for b in queries.branches(s) if b.unit_kind != "community"]
        if region_id is not None:
            # The region's communities first: the pairing is usually local.
            communities.sort(key=lambda u: u.region_id != region_id)
        self.community.set_items(unit_items(communities))
        self.community.set_value(None)
        self.branches.set_branches(bureau)
        self._show_mode()
        self.community.setFocus()

    def _branches_changed(self) -> None:
        self._touched.add("branch_ids")
        self._show_mode()
        self.revalidate()

    def _show_mode(self) -> None:
        n = len(self.branches.checked())
        if n == 0:
            self.mode.setText(self.tr("Tick at least one bureau branch"))
        else:
            self.mode.setText(self.tr("%1 (%2 bureau branches with one community)")
                              .replace("%1", pairing_mode(n)).replace("%2", str(n)))

    def data(self) -> PairingInput:
        return PairingInput(
            community_unit_id=self.community.value(), branch_ids=self.branches.checked(),
            started_on=edit_date(self.started_on),
            ended_on=self.ended_on.value(), note=self.note.text())

    def check(self) -> dict[str, str]:
        out: dict[str, str] = {}
        if self.community.value() is None:
            out["community_unit_id"] = self.tr("Please choose the community from the list")
        if not self.branches.checked():
            out["branch_ids"] = self.tr("Please tick at least one bureau party branch")
        ended = self.ended_on.value()
        if ended is not None and ended < edit_date(self.started_on):
            out["ended_on"] = self.tr("The end date cannot be before the start date")
        return out

    def save(self) -> None:
        self.saved_id = create_pairing(self.database, self.actor, self.data()).pairing.id
