"""人员与联系点: the whole body of the personnel tab.

Left the region → unit tree, centre the cadre table (and the branch pairings), right the chosen
cadre with assignments, nine ones and quotas. Reads go through db.queries and this package's
``queries`` module; every write goes through db.services in a dialog that keeps what was typed
when a save is refused.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from db.audit import Actor
from db.engine import Database
from db.services import allowed
from desktop.ui.personnel.cadre_detail import CadreDetail
from desktop.ui.personnel.cadre_forms import CadreDialog
from desktop.ui.personnel.cadre_table import CadreTable
from desktop.ui.personnel.forms import FormDialog
from desktop.ui.personnel.org_forms import UnitDialog
from desktop.ui.personnel.pairings import PairingsPanel
from desktop.ui.personnel.tree import OrgTree, TreeNode

D = TypeVar("D", bound=FormDialog)

# Units cadres work in; a new cadre is not put in a community, village or enterprise by default.
_WORKPLACE_KINDS = {"bureau_section", "direct_unit", "county_bureau", "school", "kindergarten"}


class PersonnelWidget(QWidget):
    """The personnel tab's content over an open database, acting as *actor*."""

    data_changed = Signal()  # after any save, so the window can update its counts

    def __init__(self, database: Database, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.actor = actor
        self.dialog: FormDialog | None = None  # the open dialog (tests reach it here)
        # A reader sees everything but no button that would only end in “no permission”.
        self.can_edit_people = allowed(actor, "people.edit")
        self.can_edit_org = allowed(actor, "org.edit")

        self.tree = OrgTree(database)
        self.new_unit_button = QPushButton()
        self.edit_unit_button = QPushButton()
        self.new_unit_button.clicked.connect(self.new_unit)
        self.edit_unit_button.clicked.connect(self.edit_unit)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.tree, 1)
        unit_buttons = QHBoxLayout()
        unit_buttons.addWidget(self.new_unit_button)
        unit_buttons.addWidget(self.edit_unit_button)
        left_layout.addLayout(unit_buttons)

        self.table = CadreTable(database)
        self.new_cadre_button = QPushButton()
        self.edit_cadre_button = QPushButton()
        self.new_cadre_button.clicked.connect(self.new_cadre)
        self.edit_cadre_button.clicked.connect(lambda: self.edit_cadre())
        cadres = QWidget()
        cadre_layout = QVBoxLayout(cadres)
        cadre_layout.addWidget(self.table, 1)
        cadre_buttons = QHBoxLayout()
        cadre_buttons.addWidget(self.new_cadre_button)
        cadre_buttons.addWidget(self.edit_cadre_button)
        cadre_buttons.addStretch(1)
        cadre_layout.addLayout(cadre_buttons)
        self.pairings = PairingsPanel(database, actor)
        pairing_page = QWidget()
        QVBoxLayout(pairing_page).addWidget(self.pairings)
        self.centre = QTabWidget()
        self.centre.addTab(cadres, "")
        self.centre.addTab(pairing_page, "")

        self.detail = CadreDetail(database, actor)
        self.detail_scroll = QScrollArea()
        self.detail_scroll.setWidget(self.detail)
        self.detail_scroll.setWidgetResizable(True)
        self.detail_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.centre)
        self.splitter.addWidget(self.detail_scroll)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([200, 960, 420])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

        self.tree.node_changed.connect(self._node_changed)
        self.table.cadre_selected.connect(self._cadre_selected)
        # Enter or a double click on a row edits the cadre.
        self.table.view.activated.connect(lambda _i: self.edit_cadre())
        self.detail.edit_requested.connect(self.edit_cadre)
        self.detail.changed.connect(self._assignments_changed)
        self.pairings.changed.connect(self.data_changed)
        self.new_unit_button.setEnabled(self.can_edit_org)
        self.new_cadre_button.setEnabled(self.can_edit_people)
        self.detail.set_editable(self.can_edit_people)
        self.pairings.set_editable(self.can_edit_org)
        self.retranslate()
        self._node_changed(TreeNode())  # loads the table and the pairings

    # -- language ------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.new_unit_button.setText(self.tr("New &unit…"))
        self.edit_unit_button.setText(self.tr("Edit uni&t…"))
        self.new_cadre_button.setText(self.tr("&New cadre…"))
        self.new_cadre_button.setToolTip(self.tr("New cadre (Ctrl+N)"))
        self.edit_cadre_button.setText(self.tr("&Edit cadre…"))
        self.centre.setTabText(0, self.tr("Cadres"))
        self.centre.setTabText(1, self.tr("Branch pairings (1+1 / N+1)"))
        for child in (self.tree, self.table, self.detail, self.pairings):
            child.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- the tab's commands --------------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again (F5, or after a change made elsewhere)."""
        # Taken before anything reloads: a reload may announce “no cadre” on its way.
        keep = self.table.current_id() or self.detail.cadre_id
        self.tree.reload()
        self.table.reload_choices()
        if keep is None or not self.table.reload(select=keep):
            # Filtered out (or none): the table has no row for it, the right side still does.
            self.detail.show_cadre(keep)
        self.pairings.reload()

    def focus_search(self) -> None:
        """Ctrl+F: go to the cadre search box (pinyin initials work: “zs” finds 张三)."""
        self.centre.setCurrentIndex(0)
        self.table.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.table.search.selectAll()

    def new_cadre(self) -> CadreDialog | None:
        """Ctrl+N: the new-cadre form, in the unit chosen in the tree when it is a workplace."""
        if not self.can_edit_people:
            return None
        node = self.tree.current()
        unit_id = node.unit_id if node.unit_kind in _WORKPLACE_KINDS else None
        dialog = CadreDialog(self.database, self.actor, unit_id=unit_id, parent=self)
        return self._open(dialog, lambda: self._cadre_saved(dialog.saved_id))

    def edit_cadre(self, cadre_id: uuid.UUID | None = None) -> CadreDialog | None:
        cadre_id = cadre_id or self.table.current_id() or self.detail.cadre_id
        if cadre_id is None or not self.can_edit_people:
            return None
        dialog = CadreDialog(self.database, self.actor, cadre_id, parent=self)
        return self._open(dialog, lambda: self._cadre_saved(dialog.saved_id))

    def new_unit(self) -> UnitDialog | None:
        if not self.can_edit_org:
            return None
        node = self.tree.current()
        dialog = UnitDialog(self.database, self.actor, region_id=node.region_id,
                            kind=node.unit_kind, parent=self)
        return self._open(dialog, lambda: self._unit_saved(dialog.saved_id))

    def edit_unit(self) -> UnitDialog | None:
        node = self.tree.current()
        if node.unit_id is None or not self.can_edit_org:
            return None
        dialog = UnitDialog(self.database, self.actor, node.unit_id, parent=self)
        return self._open(dialog, lambda: self._unit_saved(dialog.saved_id))

    # -- plumbing ------------------------------------------------------------------------

    def _open(self, dialog: D, on_saved: Callable[[], None]) -> D:
        self.dialog = dialog
        dialog.accepted.connect(on_saved)
        dialog.finished.connect(self._closed)
        dialog.open()
        return dialog

    def _closed(self) -> None:
        dialog, self.dialog = self.dialog, None
        if dialog is not None:
            dialog.deleteLater()

    def _node_changed(self, node: TreeNode) -> None:
        self.table.set_node(node)
        self.pairings.set_region(node.region_id)
        self.edit_unit_button.setEnabled(node.unit_id is not None and self.can_edit_org)

    def _cadre_selected(self, cadre_id: uuid.UUID | None) -> None:
        self.edit_cadre_button.setEnabled(cadre_id is not None and self.can_edit_people)
        if cadre_id is not None or self.detail.cadre_id is not None:
            self.detail.show_cadre(cadre_id)

    def _cadre_saved(self, cadre_id: uuid.UUID | None) -> None:
        self.table.reload_choices()
        if cadre_id is not None and not self.table.reload(select=cadre_id):
            # Saved but outside the current filters: still show it on the right.
            self.detail.show_cadre(cadre_id)
        self.data_changed.emit()

    def _unit_saved(self, unit_id: uuid.UUID | None) -> None:
        self.tree.reload()
        if unit_id is not None:
            self.tree.select(TreeNode(unit_id=unit_id), emit=False)
        self.table.reload()
        self.data_changed.emit()

    def _assignments_changed(self) -> None:
        # The nine-ones column and the community status of the row changed too.
        self.table.reload(select=self.detail.cadre_id)
        self.data_changed.emit()
