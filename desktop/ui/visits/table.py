"""The visit table: columns over db.queries.visits.VisitRow, a keyset page fetcher, the view.

Pages are read newest first by ``sort_key`` (the cursor of the next page). The first page and
the count are read off the GUI thread by the widget (``prefetched_fetcher`` serves that page
without a second query); the pages after it are read when the user scrolls near the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QMenu, QTableView, QWidget

from db.engine import Database
from db.queries import VisitFilter, VisitRow, visit_page
from db.vocab import ACTIVITIES, METHODS
from desktop.ui.table_model import CENTER, Column, PagedTableModel
from desktop.ui.visits.common import lang
from desktop.ui.widgets import apply_column_widths, remember_columns, setup_record_table

CONTEXT = "VisitTable"  # literal in each QT_TRANSLATE_NOOP below: lupdate reads no variables
Page = tuple[Sequence[VisitRow], int | None]


def _counts(row: VisitRow) -> str:
    return f"{row.students_met}/{row.teachers_met}/{row.parents_met}"


def _activities(row: VisitRow) -> str:
    return "、".join(ACTIVITIES.label(code, lang()) for code in row.activities)


COLUMNS: list[Column[VisitRow]] = [
    Column(QT_TRANSLATE_NOOP("VisitTable", "Number"), lambda r: r.number, CONTEXT, width=128),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Date"), lambda r: r.visit_date.isoformat(), CONTEXT,
           sort_key=lambda r: r.visit_date, width=88),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Unit"), lambda r: r.unit_name, CONTEXT, width=140),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Region"), lambda r: r.region_name, CONTEXT, width=70),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Cadres"), lambda r: r.cadre_names, CONTEXT,
           tooltip=lambda r: r.cadre_names, width=110),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Method"), lambda r: METHODS.label(r.method, lang()),
           CONTEXT, width=70),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Activities"), _activities, CONTEXT,
           tooltip=_activities, width=120),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Students/teachers/parents"), _counts, CONTEXT,
           alignment=CENTER, sort_key=lambda r: r.students_met + r.teachers_met + r.parents_met,
           width=90),
    Column(QT_TRANSLATE_NOOP("VisitTable", "Summary"), lambda r: r.summary, CONTEXT,
           tooltip=lambda r: r.summary, width=320),
]


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
