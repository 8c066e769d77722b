"""The care register's table: columns over db.queries.care.CareRow and a keyset page fetcher.

The cursor of the next page is ``(created_at, id)`` of the last row. The first page and the
count are read off the GUI thread by the widget; ``prefetched_fetcher`` serves that page
without a second query.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from db.audit import Actor
from db.engine import Database
from db.queries.care import CareCursor, CareFilter, CareRow, care_page
from db.vocab import CARE_GROUPS, REPORTER_TYPES
from desktop.ui.table_model import CENTER, Column, PagedTableModel
from desktop.ui.visits.common import lang
from desktop.ui.widgets import apply_column_widths, remember_columns, setup_record_table

CONTEXT = "CareTable"  # literal in each QT_TRANSLATE_NOOP below: lupdate reads no variables
Page = tuple[Sequence[CareRow], CareCursor | None]


def _last(row: CareRow) -> str:
    return row.last_helped_on.isoformat() if row.last_helped_on else ""


COLUMNS: list[Column[CareRow]] = [
    Column(QT_TRANSLATE_NOOP("CareTable", "Group"), lambda r: CARE_GROUPS.label(r.group, lang()),
           CONTEXT, width=110),
    Column(QT_TRANSLATE_NOOP("CareTable", "Name"), lambda r: r.person_name, CONTEXT, width=80),
    Column(QT_TRANSLATE_NOOP("CareTable", "Role"),
           lambda r: REPORTER_TYPES.label(r.person_role, lang()), CONTEXT, alignment=CENTER,
           width=50),
    Column(QT_TRANSLATE_NOOP("CareTable", "Gender"), lambda r: r.gender, CONTEXT,
           alignment=CENTER, width=50),
    Column(QT_TRANSLATE_NOOP("CareTable", "Born"), lambda r: r.birth_year or "", CONTEXT,
           alignment=CENTER, sort_key=lambda r: r.birth_year or 0, width=56),
    Column(QT_TRANSLATE_NOOP("CareTable", "Unit"), lambda r: r.unit_name, CONTEXT,
           tooltip=lambda r: f"{r.unit_name}（{r.region_name}）", width=150),
    Column(QT_TRANSLATE_NOOP("CareTable", "Region"), lambda r: r.region_name, CONTEXT, width=90),
    Column(QT_TRANSLATE_NOOP("CareTable", "Responsible cadre"), lambda r: r.cadre_name, CONTEXT,
           width=110),
    Column(QT_TRANSLATE_NOOP("CareTable", "Help entries"), lambda r: r.entries, CONTEXT,
           alignment=CENTER, width=70),
    Column(QT_TRANSLATE_NOOP("CareTable", "Last help"), _last, CONTEXT,
           sort_key=lambda r: r.last_helped_on, width=92),
    Column(QT_TRANSLATE_NOOP("CareTable", "Helping"), lambda r: r.active, CONTEXT,
           alignment=CENTER, width=56),
]


def read_page(database: Database, actor: Actor, filters: CareFilter, cursor: CareCursor | None,
              limit: int) -> Page:
    with database.session() as session:
        rows = care_page(session, actor, filters, before=cursor, limit=limit)
    return rows, (rows[-1].cursor if rows else None)


def prefetched_fetcher(database: Database, actor: Actor, filters: CareFilter,
                       first: Page) -> Callable[[CareCursor | None, int], Page]:
    """A fetcher that answers the first call with a page already read elsewhere."""
    pending = [first]

    def fetch(cursor: CareCursor | None, limit: int) -> Page:
        if cursor is None and pending:
            return pending.pop()
        return read_page(database, actor, filters, cursor, limit)

    return fetch


def empty_fetcher(_cursor: CareCursor | None, _limit: int) -> Page:
    return [], None


def make_model(parent: QWidget | None = None) -> PagedTableModel[CareRow]:
    return PagedTableModel(COLUMNS, empty_fetcher, lambda: 0, parent=parent)


class CareTableView(QTableView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        setup_record_table(self, "careTable", QAbstractItemView.SelectionMode.SingleSelection)

    def apply_widths(self) -> None:
        apply_column_widths(self)
        remember_columns(self, "care")

    def selected_row(self) -> int | None:
        selection = self.selectionModel()
        rows = [] if selection is None else selection.selectedRows()
        return rows[0].row() if len(rows) == 1 else None
