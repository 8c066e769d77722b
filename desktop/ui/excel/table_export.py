"""Exporting the table a tab shows to .xlsx: its current filters (the model's fetcher), its
columns in the order and visibility of the header (what ``remember_columns`` keeps), dates as
dates and numbers as numbers.

Rows are streamed page by page from the database straight into the file
(``PagedTableModel.iter_all_rows`` → ``db.excel.export_rows``, whose writer streams the sheet
XML: faster than openpyxl's write-only mode, see ``db.excel.xlsx_writer``); the view never loads
them, so 800,000 visits export without 800,000 rows in memory."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QTableView, QTabWidget, QWidget

from desktop.progress import Progress
from desktop.ui.table_model import Column, PagedTableModel

PROGRESS_EVERY = 1000


@dataclass(frozen=True)
class TableExport:
    """What one export writes: the view's model, the columns (logical numbers, in the order
    shown) and their headers, and a title for the sheet and the file name."""

    model: PagedTableModel[Any]
    columns: list[int]
    headers: list[str]
    title: str


def export_view(page: QWidget) -> QTableView | None:
    """The record table of *page* to export: the focused one, else the largest shown."""
    views = [v for v in page.findChildren(QTableView)
             if isinstance(v.model(), PagedTableModel) and v.isVisible()]
    focus = QApplication.focusWidget()
    for view in views:
        if focus is view or (focus is not None and view.isAncestorOf(focus)):
            return view
    return max(views, key=lambda v: v.width() * v.height(), default=None)


def _tab_title(view: QWidget, fallback: str) -> str:
    """The text of the innermost tab holding *view* (e.g. 问题清单 inside 三张清单)."""
    child: QWidget | None = view
    while child is not None:
        parent = child.parentWidget()
        # A QTabWidget's pages sit in its QStackedWidget: look two levels up.
        holder = parent.parentWidget() if parent is not None else None
        if isinstance(holder, QTabWidget):
            index = holder.indexOf(child)
            if index >= 0:
                return re.sub(r"\(&\w\)|&", "", holder.tabText(index)).strip() or fallback
        child = parent
    return fallback


def describe(view: QTableView, fallback_title: str) -> TableExport:
    model = view.model()
    assert isinstance(model, PagedTableModel)
    header = view.horizontalHeader()
    columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
    columns.sort(key=header.visualIndex)
    headers = [str(model.headerData(c, header.orientation()) or "") for c in columns]
    return TableExport(model, columns, headers, _tab_title(view, fallback_title))


def cell_value(column: Column[Any], row: Any) -> Any:
    """The value a cell gets: a date where the column sorts by one (shown as text in the
    view), numbers as numbers, 是/否 for flags, text otherwise."""
    value = column.value(row)
    if column.sort_key is not None and isinstance(value, str):
        key = column.sort_key(row)
        if isinstance(key, date | datetime):
            return key
    if isinstance(value, bool):
        return "是" if value else "否"
    if value is None or isinstance(value, int | float | date):
        return value
    return str(value)


def write_export(export: TableExport, path: Path, progress: Progress,
                 total: int | None) -> int:
    """Stream every row of the export into *path*; returns the number of rows written.
    Runs off the GUI thread (the fetchers open their own sessions)."""
    from db.excel import ExportColumn, export_rows

    columns = [export.model.columns[c] for c in export.columns]

    def rows() -> Iterator[list[Any]]:
        for n, row in enumerate(export.model.iter_all_rows(), start=1):
            if n % PROGRESS_EVERY == 0:
                progress.check()
                progress.update(None, n / total if total else None)
            yield [cell_value(c, row) for c in columns]

    return export_rows(path, [ExportColumn(h) for h in export.headers], rows(),
                       sheet_name=export.title)
