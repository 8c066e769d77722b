"""A lazy table model over a page fetcher, and copying selected rows as TSV.

The model never holds more rows than the user has scrolled to: ``fetch_page(cursor, limit)``
returns a page and the cursor after it (a keyset such as ``(visit_date, id)`` of the last row;
never an OFFSET, which slows down with depth). Qt's views call ``canFetchMore``/``fetchMore``
when the user nears the end of what is loaded. When filters or order change, call ``reset()``
(optionally with a new fetcher).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QAbstractItemView, QApplication

Row = TypeVar("Row")
Cursor = Any
FetchPage = Callable[[Cursor | None, int], tuple[Sequence[Row], Cursor | None]]

PAGE_SIZE = 200

# Custom roles: the row's stable id (a UUID) and a value to sort by (a date, not its text).
RowIdRole = Qt.ItemDataRole.UserRole + 1
SortKeyRole = Qt.ItemDataRole.UserRole + 2
RowRole = Qt.ItemDataRole.UserRole + 3  # the row object itself

_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
CENTER = Qt.AlignmentFlag.AlignCenter

_AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    """One column, declared once: header, how to show a row, how to sort it.

    ``header`` is English source text, marked where it is declared with
    ``QT_TRANSLATE_NOOP(context, "...")`` and translated in ``context`` when shown.
    """

    header: str
    value: Callable[[Row], Any]
    context: str = "Columns"
    alignment: Qt.AlignmentFlag = field(default=_LEFT)
    sort_key: Callable[[Row], Any] | None = None  # defaults to the value
    tooltip: Callable[[Row], str] | None = None
    width: int | None = None  # a hint for the view, in pixels

    def title(self) -> str:
        return QCoreApplication.translate(self.context, self.header)


def _display(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""
    return str(value)


class PagedTableModel(QAbstractTableModel, Generic[Row]):
    def __init__(
        self,
        columns: Sequence[Column[Row]],
        fetch_page: FetchPage[Row],
        count: Callable[[], int] | None = None,
        *,
        row_id: Callable[[Row], Any] = lambda row: getattr(row, "id", None),
        page_size: int = PAGE_SIZE,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._fetch_page = fetch_page
        self._count = count
        self._row_id = row_id
        self.page_size = page_size
        self._rows: list[Row] = []
        self._cursor: Cursor | None = None
        self._exhausted = False
        self._total: int | None = None
        self._fetching = False
        self.pages_fetched = 0  # for tests and diagnostics

    # -- the lazy part ------------------------------------------------------------------------

    def canFetchMore(self, parent: _AnyIndex = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted and not self._fetching

    def fetchMore(self, parent: _AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or self._fetching:
            return
        # Views and the model tester may ask for more from inside the rowsInserted signal of
        # this very fetch; a nested insert would break Qt's bookkeeping, so refuse it.
        self._fetching = True
        try:
            rows, cursor = self._fetch_page(self._cursor, self.page_size)
            self.pages_fetched += 1
            rows = list(rows)
            # A short page or no cursor means the end; an empty page always does.
            if cursor is None or not rows or len(rows) < self.page_size:
                self._exhausted = True
            self._cursor = cursor
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
        finally:
            self._fetching = False

    def reset(
        self, fetch_page: FetchPage[Row] | None = None, count: Callable[[], int] | None = None
    ) -> None:
        """Forget the loaded rows (filters or order changed); the view fetches again."""
        self.beginResetModel()
        if fetch_page is not None:
            self._fetch_page = fetch_page
            self._count = count
        self._rows = []
        self._cursor = None
        self._exhausted = False
        self._total = None
        # Listeners of modelReset may ask for more at once (pytest-qt's model tester does,
        # before it has seen the reset end); views fetch later anyway, from a timer.
        self._fetching = True
        try:
            self.endResetModel()
        finally:
            self._fetching = False

    def iter_all_rows(self, page_size: int = 2000) -> Iterator[Row]:
        """Every row the current fetcher gives (the current filters and order), page by page
        from the start, without loading them into the model: for exports, which must not
        hold 800,000 rows in a view. Safe off the GUI thread when the fetcher opens its own
        session (all of ours do)."""
        fetch = self._fetch_page  # the filters of now, even if the view changes meanwhile
        cursor: Cursor | None = None
        while True:
            rows, cursor = fetch(cursor, page_size)
            rows = list(rows)
            yield from rows
            if cursor is None or not rows or len(rows) < page_size:
                return

    def total(self) -> int | None:
        """All matching rows (loaded or not), when a count function was given; cached."""
        if self._total is None and self._count is not None:
            self._total = self._count()
        if self._total is None and self._exhausted:
            return len(self._rows)
        return self._total

    # -- QAbstractTableModel ------------------------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(column.value(row))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(column.alignment.value)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(row)
        if role == RowIdRole:
            return self._row_id(row)
        if role == SortKeyRole:
            key = column.sort_key(row) if column.sort_key else column.value(row)
            return key
        if role == RowRole:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(self._columns):
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return self._columns[section].title()
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(self._columns[section].alignment.value)
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # -- rows ---------------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column[Row]]:
        return list(self._columns)

    def row(self, number: int) -> Row:
        return self._rows[number]

    def row_id(self, number: int) -> Any:
        return self._row_id(self._rows[number])

    def find_row(self, row_id: Any) -> int | None:
        """The number of the loaded row with this id, or None (not loaded or not there)."""
        for number, row in enumerate(self._rows):
            if self._row_id(row) == row_id:
                return number
        return None

    def replace_row(self, number: int, row: Row) -> None:
        """Show an edited row without refetching everything (a partial refresh)."""
        self._rows[number] = row
        self.dataChanged.emit(self.index(number, 0), self.index(number, len(self._columns) - 1))

    def remove_row(self, number: int) -> None:
        self.beginRemoveRows(QModelIndex(), number, number)
        del self._rows[number]
        self.endRemoveRows()
        if self._total is not None:
            self._total -= 1


def _tsv_field(text: str) -> str:
    # Excel reads a quoted field with tabs or line breaks inside as one cell.
    if any(ch in text for ch in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def rows_as_tsv(view: QAbstractItemView) -> str:
    """The selected rows of a view as tab-separated text with a header row, in visual order."""
    model = view.model()
    selection = view.selectionModel()
    if model is None or selection is None:
        return ""
    rows = sorted({index.row() for index in selection.selectedIndexes()})
    if not rows:
        return ""
    header_view = getattr(view, "horizontalHeader", lambda: None)()
    columns = list(range(model.columnCount()))
    if header_view is not None:
        columns = [c for c in columns if not header_view.isSectionHidden(c)]
        columns.sort(key=header_view.visualIndex)
    lines = [
        "\t".join(
            _tsv_field(_display(model.headerData(c, Qt.Orientation.Horizontal))) for c in columns
        )
    ]
    for r in rows:
        lines.append("\t".join(_tsv_field(_display(model.index(r, c).data())) for c in columns))
    return "\r\n".join(lines) + "\r\n"


def copy_rows_as_tsv(view: QAbstractItemView) -> str:
    """Put the selected rows on the clipboard for pasting into Excel; returns the text."""
    text = rows_as_tsv(view)
    if text:
        QApplication.clipboard().setText(text)
    return text
