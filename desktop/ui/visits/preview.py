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

from PySide6.QtCore import QByteArray, QEvent, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QVBoxLayout, QWidget
from shiboken6 import isValid

from desktop.ui.settings import app_settings
from desktop.ui.table_model import PagedTableModel
from desktop.ui.visits.columns import COLUMNS, VisitLine
from desktop.ui.widgets import apply_column_widths, setup_record_table

PREVIEW_ROWS = 50  # a screenful and more: the real table reads the rest
POLL_MS = 50  # how often the preview lying over the real tab looks whether it may go


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
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
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
