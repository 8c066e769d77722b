"""The cadre table in the centre: filters above, a lazy table below, and the 应下尽下 view.

Rows come a page at a time in pinyin-initials order with a keyset cursor; the nine-ones count of
each page is computed with the page (db.queries.checklist), so it is never typed.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.vocab import NINE_ONES, TIERS
from desktop.ui.personnel import queries
from desktop.ui.personnel.common import SearchCombo, fit_columns, label
from desktop.ui.personnel.tree import TreeNode
from desktop.ui.table_model import CENTER, Column, PagedTableModel
from desktop.ui.widgets import debounce_timer, remember_columns

# lupdate reads only literal contexts, so "CadreTable" is spelled out at each string.
CONTEXT = "CadreTable"
# The nine-ones count costs a checklist per page; 50 cadres a page keep a page under 0.1 s.
PAGE_SIZE = 50
TYPE_AHEAD_MS = 200


def _name(row: queries.CadreRow) -> str:
    if row.active:
        return row.name
    return row.name + QCoreApplication.translate("CadreTable", " (inactive)")


def _community(row: queries.CadreRow) -> str:
    if row.community:
        return QCoreApplication.translate("CadreTable", "Registered: %s") % row.community
    return QCoreApplication.translate("CadreTable", "Not registered with a community")


def _done(row: queries.CadreRow) -> str:
    return f"{row.done}/{len(NINE_ONES)}"


COLUMNS: list[Column[queries.CadreRow]] = [
    Column(QT_TRANSLATE_NOOP("CadreTable", "Name"), _name, CONTEXT, width=72),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Tier"), lambda r: label(TIERS, r.tier), CONTEXT,
           width=150),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Unit"), lambda r: r.unit_name, CONTEXT,
           width=150, tooltip=lambda r: r.unit_name),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Branch"), lambda r: r.branch_name, CONTEXT,
           width=160, tooltip=lambda r: r.branch_name),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Position"), lambda r: r.position, CONTEXT,
           width=100, tooltip=lambda r: r.position),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Phone"), lambda r: r.phone, CONTEXT, width=100),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Nine ones done"), _done, CONTEXT,
           alignment=CENTER, sort_key=lambda r: r.done, width=80),
    Column(QT_TRANSLATE_NOOP("CadreTable", "Community status"), _community, CONTEXT,
           width=200, tooltip=_community),
]


class CadreTable(QWidget):
    cadre_selected = Signal(object)  # uuid.UUID | None

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.filters = queries.CadreFilter()
        self.window_ = queries.Window()  # read by reload_choices()

        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.tier = QComboBox()
        self.branch = SearchCombo()
        self.branch.setMinimumContentsLength(12)
        self.all_button = QToolButton()
        self.not_gone_button = QToolButton()
        self.views = QButtonGroup(self)
        for button in (self.all_button, self.not_gone_button):
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.views.addButton(button)
        self.all_button.setChecked(True)
        self.inactive = QCheckBox()
        self.place = QLabel()
        self.count = QLabel()

        self.model: PagedTableModel[queries.CadreRow] = PagedTableModel(
            COLUMNS, self._fetch, self._count, page_size=PAGE_SIZE, parent=self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        remember_columns(self.view, "cadres")
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)

        self._typing = debounce_timer(self, TYPE_AHEAD_MS, self.apply_filters)
        self.search.textChanged.connect(self._typing.start)
        self.search.returnPressed.connect(self._search_entered)
        self.tier.currentIndexChanged.connect(self.apply_filters)
        self.branch.currentIndexChanged.connect(self.apply_filters)
        self.branch.editTextChanged.connect(self._branch_text)
        self.views.buttonToggled.connect(self._view_toggled)
        self.inactive.toggled.connect(self.apply_filters)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        self.tier_label = QLabel()
        self.tier_label.setBuddy(self.tier)
        self.branch_label = QLabel()
        self.branch_label.setBuddy(self.branch)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search, 2)
        bar.addWidget(self.tier_label)
        bar.addWidget(self.tier, 1)
        bar.addWidget(self.branch_label)
        bar.addWidget(self.branch, 2)
        views = QHBoxLayout()
        views.setContentsMargins(0, 0, 0, 0)
        views.addWidget(self.all_button)
        views.addWidget(self.not_gone_button)
        views.addWidget(self.inactive)
        views.addSpacing(12)
        views.addWidget(self.place, 1)
        views.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addLayout(views)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.reload_choices()

    def retranslate(self) -> None:
        self.search_label.setText(self.tr("&Find:"))
        self.search.setPlaceholderText(self.tr("Name, pinyin initials (zs) or phone"))
        self.tier_label.setText(self.tr("T&ier:"))
        self.branch_label.setText(self.tr("&Branch:"))
        line = self.branch.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("All branches"))
        self.all_button.setText(self.tr("All cadres"))
        self.not_gone_button.setText(self.tr("Not yet gone down"))
        self.not_gone_button.setToolTip(self.tr(
            "Everyone who can go must go: active cadres with no visit recorded in this campaign"))
        self.inactive.setText(self.tr("Include inactive"))
        current = self.tier.currentData()
        self.tier.blockSignals(True)
        self.tier.clear()
        self.tier.addItem(self.tr("All tiers"), None)
        for term in TIERS:
            self.tier.addItem(label(TIERS, term.code), term.code)
        self.tier.setCurrentIndex(max(0, self.tier.findData(current)))
        self.tier.blockSignals(False)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        fit_columns(self.view, COLUMNS)
        self.view.viewport().update()  # tier labels and statuses are drawn in the language
        self._show_count()

    def reload_choices(self) -> None:
        """Read the branches and the campaign's dates again (they may change elsewhere)."""
        with self.database.session() as s:
            branches = queries.branches(s)
            self.window_ = queries.campaign_window(s)
        self.branch.blockSignals(True)
        self.branch.set_items([(b.name, b.id) for b in branches], blank="")
        self.branch.blockSignals(False)

    # -- paging --------------------------------------------------------------------------

    def _fetch(self, cursor: Any, limit: int) -> tuple[list[queries.CadreRow], Any]:
        with self.database.session() as s:
            rows = queries.cadre_page(s, self.filters, cursor, limit, self.window_)
        return rows, (rows[-1].cursor if rows else None)

    def _count(self) -> int:
        with self.database.session() as s:
            return queries.cadre_count(s, self.filters, self.window_)

    # -- filters -------------------------------------------------------------------------

    def set_node(self, node: TreeNode) -> None:
        """Narrow to a node of the organisation tree."""
        self.filters = replace(self.filters, region_id=node.region_id,
                               unit_kind=node.unit_kind if node.unit_id is None else None,
                               unit_id=node.unit_id)
        self.place.setText(node.name)
        self.place.setToolTip(node.name)
        self.reload()

    def _view_toggled(self, _button: QToolButton, checked: bool) -> None:
        if checked:  # the group toggles two buttons; act once
            self.apply_filters()

    def _branch_text(self, text: str) -> None:
        if not text.strip():
            self.apply_filters()

    def _search_entered(self) -> None:
        self._typing.stop()
        self.apply_filters()
        if self.model.rowCount():
            self.view.setFocus()
            self.view.selectRow(0)

    def apply_filters(self) -> None:
        self._typing.stop()
        new = replace(
            self.filters, text=self.search.text().strip(), tier=self.tier.currentData(),
            branch_id=self.branch.value() if self.branch.currentText().strip() else None,
            include_inactive=self.inactive.isChecked(),
            not_gone_down=self.not_gone_button.isChecked())
        if new != self.filters:
            self.filters = new
            self.reload()

    def reload(self, select: uuid.UUID | None = None) -> bool:
        """Read the rows again; keep (or move) the selection to *select* or the current one.

        Returns whether that cadre is in the table (False when filtered out or none)."""
        keep = select or self.current_id()
        self.model.reset()
        self.model.fetchMore()
        self._show_count()
        if keep is not None:
            return self.select(keep)
        self.cadre_selected.emit(None)
        return False

    def _show_count(self) -> None:
        total = self.model.total()
        self.count.setText(self.tr("%1 cadres").replace("%1", str(total or 0)))

    # -- selection -----------------------------------------------------------------------

    def current_id(self) -> uuid.UUID | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_id(rows[0].row()) if rows else None

    def current_row(self) -> queries.CadreRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row(rows[0].row()) if rows else None

    def select(self, cadre_id: uuid.UUID) -> bool:
        """Select the cadre, loading further pages until it is found; False if filtered out."""
        number = self.model.find_row(cadre_id)
        while number is None and self.model.canFetchMore():
            self.model.fetchMore()
            number = self.model.find_row(cadre_id)
        if number is None:
            self.view.clearSelection()
            self.cadre_selected.emit(None)
            return False
        if self.current_id() == cadre_id:
            self.cadre_selected.emit(cadre_id)  # no selection change: say it again anyway
        else:
            self.view.selectRow(number)  # emits through _selection_changed
        self.view.scrollTo(self.model.index(number, 0))
        return True

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.cadre_selected.emit(self.current_id())
