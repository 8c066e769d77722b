"""The visit table: a keyset page fetcher over db.queries.visits.VisitRow and the view; the
columns are in desktop.ui.visits.columns (shared with the first-rows preview).

Pages are read newest first by ``sort_key`` (the cursor of the next page). The first page and
the count are read off the GUI thread by the widget (``prefetched_fetcher`` serves that page
without a second query); the pages after it are read when the user scrolls near the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from db.engine import Database
from db.queries import VisitFilter, VisitRow, visit_page
from desktop.ui.table_model import PagedTableModel
from desktop.ui.visits.columns import COLUMNS
from desktop.ui.widgets import apply_column_widths, remember_columns, setup_record_table

Page = tuple[Sequence[VisitRow], int | None]


def read_page(database: Database, filters: VisitFilter, cursor: int | None,
              limit: int) -> Page:
    """One page of visits older than *cursor* (None: the newest), and the next cursor."""
    with database.session() as session:
        rows = visit_page(session, filters=filters, before=cursor, limit=limit)
    return rows, (rows[-1].sort_key if rows else None)


def prefetched_fetcher(database: Database, filters: VisitFilter,
                       first: Page) -> Callable[[int | None, int], Page]:
    """A fetcher that answers the first call with a page already read elsewhere."""
    pending = [first]

    def fetch(cursor: int | None, limit: int) -> Page:
        if cursor is None and pending:
            return pending.pop()
        return read_page(database, filters, cursor, limit)

    return fetch


def empty_fetcher(_cursor: int | None, _limit: int) -> Page:
    return [], None


def make_model(parent: QWidget | None = None) -> PagedTableModel[VisitRow]:
    return PagedTableModel(COLUMNS, empty_fetcher, lambda: 0, parent=parent)


class VisitTableView(QTableView):
    """Rows select whole; right click offers 复制 / 修改 / 删除."""

    copy_requested = Signal()
    edit_requested = Signal()
    delete_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_record_table(self, "visitTable", QAbstractItemView.SelectionMode.ExtendedSelection)

    def apply_widths(self) -> None:
        apply_column_widths(self)
        remember_columns(self, "visits")

    def selected_rows(self) -> list[int]:
        selection = self.selectionModel()
        if selection is None:
            return []
        return sorted(index.row() for index in selection.selectedRows())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        index = self.indexAt(event.pos())
        if index.isValid() and index.row() not in self.selected_rows():
            self.selectRow(index.row())
        has_rows = bool(self.selected_rows())
        menu = QMenu(self)
        copy = menu.addAction(self.tr("Copy (for Excel)"))
        copy.setEnabled(has_rows)
        copy.triggered.connect(self.copy_requested)
        edit = menu.addAction(self.tr("Edit in the form"))
        edit.setEnabled(len(self.selected_rows()) == 1)
        edit.triggered.connect(self.edit_requested)
        menu.addSeparator()
        delete = menu.addAction(self.tr("Delete…"))
        delete.setEnabled(has_rows)
        delete.triggered.connect(self.delete_requested)
        menu.exec(event.globalPos())
