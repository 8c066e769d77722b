"""The region → unit tree on the left: regions, their units grouped by kind, a filter box above.

Choosing a node narrows the cadre table (and the pairing list) to it.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from db.engine import Database
from db.vocab import UNIT_KINDS
from desktop.ui.personnel import queries
from desktop.ui.personnel.common import label, vocab_lang

NodeRole = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True, slots=True)
class TreeNode:
    """What a node of the tree stands for; all None is “every region”."""

    region_id: uuid.UUID | None = None
    unit_kind: str | None = None
    unit_id: uuid.UUID | None = None
    name: str = ""


def _same(here: TreeNode, wanted: TreeNode) -> bool:
    """A unit is found by its id alone; groups and regions by their ids."""
    if wanted.unit_id is not None:
        return here.unit_id == wanted.unit_id
    return (here.region_id, here.unit_kind, here.unit_id) == (
        wanted.region_id, wanted.unit_kind, None)


class OrgTree(QWidget):
    node_changed = Signal(object)  # TreeNode

    def __init__(self, database: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self._lang = ""
        self._rebuilding = False  # reload() is tearing down and refilling the model
        self.filter = QLineEdit()
        self.filter.setClearButtonEnabled(True)
        self.model = QStandardItemModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.view = QTreeView()
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().selectionChanged.connect(self._selected)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._focus_first_match)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.view, 1)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.filter.setPlaceholderText(self.tr("Filter regions and units"))
        self.filter.setAccessibleName(self.tr("Filter regions and units"))
        if self.model.rowCount() and self._lang != vocab_lang():
            self.reload()  # the kind groups carry vocabulary labels of the old language

    # -- contents ------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the tree again, keeping the chosen node chosen when it still exists."""
        keep = self.current()
        self._lang = vocab_lang()
        with self.database.session() as s:
            tree = queries.org_tree(s)
        # clear() may remove the rows one at a time (PySide6 6.11): the selection model then
        # moves the current node to each next region in turn and says so. Those are not the
        # user's choices; passing them on would refilter the cadre table and lose its row.
        self._rebuilding = True
        try:
            self._fill(tree)
        finally:
            self._rebuilding = False
        self.select(keep, emit=False)

    def _fill(self, tree: list[queries.RegionNode]) -> None:
        self.model.clear()
        root = self._item(self.tr("All regions"), TreeNode())
        self.model.appendRow(root)
        for region in tree:
            region_item = self._item(f"{region.name}（{len(region.units)}）",
                                     TreeNode(region.id, name=region.name))
            by_kind: dict[str, list[queries.UnitRef]] = defaultdict(list)
            for unit in region.units:
                by_kind[unit.kind].append(unit)
            for kind in UNIT_KINDS.codes():
                units = by_kind.get(kind)
                if not units:
                    continue
                kind_name = label(UNIT_KINDS, kind)
                group = self._item(f"{kind_name}（{len(units)}）",
                                   TreeNode(region.id, kind, name=f"{region.name} · {kind_name}"))
                for unit in units:
                    group.appendRow(self._item(unit.name, TreeNode(region.id, kind, unit.id,
                                                                   unit.name)))
                region_item.appendRow(group)
            self.model.appendRow(region_item)
        self.view.expand(self.proxy.index(0, 0))
        for row in range(1, self.proxy.rowCount()):
            self.view.expand(self.proxy.index(row, 0))

    @staticmethod
    def _item(text: str, node: TreeNode) -> QStandardItem:
        item = QStandardItem(text)
        item.setEditable(False)
        item.setData(node, NodeRole)
        item.setToolTip(node.name or text)
        return item

    # -- choosing ------------------------------------------------------------------------

    def current(self) -> TreeNode:
        indexes = self.view.selectionModel().selectedIndexes()
        if not indexes:
            return TreeNode()
        node = indexes[0].data(NodeRole)
        return node if isinstance(node, TreeNode) else TreeNode()

    def select(self, node: TreeNode, *, emit: bool = True) -> bool:
        """Choose the node standing for *node* (matched by ids); False if it is not there."""
        found = self._find(QModelIndex(), node)
        if found is None:
            return False
        blocker = not emit
        if blocker:
            self.view.selectionModel().blockSignals(True)
        self.view.setCurrentIndex(found)
        self.view.scrollTo(found)
        if blocker:
            self.view.selectionModel().blockSignals(False)
        return True

    def _find(self, parent: QModelIndex, node: TreeNode) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            here = index.data(NodeRole)
            if isinstance(here, TreeNode) and _same(here, node):
                return index
            found = self._find(index, node)
            if found is not None:
                return found
        return None

    def _selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if not self._rebuilding:
            self.node_changed.emit(self.current())

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if text.strip():
            self.view.expandAll()

    def _focus_first_match(self) -> None:
        """Enter in the filter box: choose the first unit that matches and go to the tree."""
        index = self._first_leaf(QModelIndex())
        if index is not None:
            self.view.setCurrentIndex(index)
        self.view.setFocus()

    def _first_leaf(self, parent: QModelIndex) -> QModelIndex | None:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            node = index.data(NodeRole)
            if isinstance(node, TreeNode) and node.unit_id is not None:
                return index
            found = self._first_leaf(index)
            if found is not None:
                return found
        return None
