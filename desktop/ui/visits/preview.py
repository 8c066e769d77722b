"""The newest visits on screen before the database is open: a read-only preview of the visit
table in the visit log tab's place.

``desktop.ui.app.Startup`` reads the rows with db.queries.first_page (plain sqlite3, no
SQLAlchemy) on a worker thread right after the window's first paint; the window shows this
widget in the tab's placeholder. When the real tab is built, the preview lies over it until
the real table has read its own first page, so the clerk never sees an empty table between
the two. Qt, db.vocab and the light column module only: nothing here may pull in SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QGridLayout, QLabel, QTableView, QWidget
from shiboken6 import isValid

from desktop.ui.settings import app_settings
from desktop.ui.table_model import PagedTableModel
from desktop.ui.visits.columns import COLUMNS, VisitLine
from desktop.ui.widgets import apply_column_widths, setup_record_table

PREVIEW_ROWS = 50  # a screenful and more: the real table reads the rest
POLL_MS = 50  # how often the preview lying over the real tab looks whether it may go
# Where the real tab's table sat in the tab the last time it was shown (a QPoint; the real
# tab stores it): the preview puts its table there, so the rows do not jump when the entry
# form and the filters appear beside and above them.
TABLE_AT_SETTING = "columns/visitsTableAt"


class VisitsPreview(QWidget):
    """A note and the newest rows, read-only, with the real visit table's columns."""

    def __init__(self, rows: Sequence[VisitLine], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitPreview")
        self.setAutoFillBackground(True)  # opaque when it lies over the real tab
        rows = list(rows)
        self.note = QLabel()
        self.note.setObjectName("visitPreviewNote")
        self.note.setContentsMargins(8, 6, 8, 6)
        self.model: PagedTableModel[Any] = PagedTableModel(
            COLUMNS, lambda _cursor, _limit: (rows, None), lambda: len(rows), parent=self)
        self.table = QTableView()
        setup_record_table(self.table, "visitPreviewTable",
                           QAbstractItemView.SelectionMode.NoSelection)
        self.table.setModel(self.model)
        self.model.fetchMore()
        apply_column_widths(self.table)
        # The widths and order the clerk gave the real table (desktop.ui.widgets
        # remember_columns); only read here, the real table keeps them.
        saved = app_settings().value("columns/visits")
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            self.table.horizontalHeader().restoreState(saved)
        at = app_settings().value(TABLE_AT_SETTING)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        if isinstance(at, QPoint) and at.x() > 0 and at.y() > 0:
            # The note where the entry form will be, the table where the real one will be.
            layout.setColumnMinimumWidth(0, at.x())
            layout.setRowMinimumHeight(0, at.y())
            layout.addWidget(self.note, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.table, 1, 1)
            layout.setColumnStretch(1, 1)
        else:  # the first start: the real tab has not been seen yet
            layout.addWidget(self.note, 0, 0)
            layout.addWidget(self.table, 1, 0)
            layout.setColumnStretch(0, 1)
        layout.setRowStretch(1, 1)
        self._covered: QWidget | None = None
        self._ready: Any = None
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._leave_when_ready)
        self.retranslate()

    def retranslate(self) -> None:
        self.note.setText(self.tr("Opening the database…"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- handing over to the real tab ---------------------------------------------------------

    def cover(self, page: QWidget) -> None:
        """Lie over *page*, the real visit log tab just built in this preview's place, until
        its table has its first page (or failed to read it); then go."""
        body = getattr(page, "body", None)
        model = getattr(body, "model", None)
        if body is None or model is None or not getattr(body, "loading", False):
            self.deleteLater()  # nothing to wait for
            return
        self._covered = page
        self._ready = lambda: not body.loading
        self.setParent(page)
        self.setGeometry(page.rect())
        page.installEventFilter(self)
        model.modelReset.connect(self._leave_when_ready)  # the first page has arrived
        self._timer.start()  # a failed read sets no model signal
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._covered and event.type() == QEvent.Type.Resize:
            self.setGeometry(self._covered.rect())
        return False

    def _leave_when_ready(self) -> None:
        if not isValid(self) or self._ready is None:
            return
        covered = self._covered
        if covered is not None and isValid(covered) and not self._ready():
            return
        self._timer.stop()
        self._ready = None
        if covered is not None and isValid(covered):
            covered.removeEventFilter(self)
        self.hide()
        self.deleteLater()
